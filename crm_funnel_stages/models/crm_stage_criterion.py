# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmStageCriterion(models.Model):
    _name = 'crm.stage.criterion'
    _description = 'Exit criterion of a stage'
    _order = 'stage_id, sequence, id'

    stage_id = fields.Many2one(
        'crm.stage', string='Stage', required=True, ondelete='cascade',
        index=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    required = fields.Boolean(
        default=True,
        help="A lead cannot leave the stage forward while a required "
             "criterion is not checked.")

    @api.model
    def create(self, vals):
        criterion = super(CrmStageCriterion, self).create(vals)
        self.env['crm.lead.criterion.check']._add_current(
            criterion, fields.Datetime.now())
        self.env['crm.lead.criterion.check'].invalidate_cache()
        self.env['crm.lead'].invalidate_cache(
            ['criterion_check_ids', 'current_criterion_check_ids'])
        return criterion
