# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLeadCriterionCheck(models.Model):
    _name = 'crm.lead.criterion.check'
    _description = 'Criterion checked on a lead'
    _inherit = 'crm.lead.funnel.row.mixin'
    _order = 'lead_id, criterion_id'

    criterion_id = fields.Many2one(
        'crm.stage.criterion', string='Criterion', required=True,
        ondelete='cascade', index=True)
    stage_id = fields.Many2one(related='criterion_id.stage_id', store=True,
                               readonly=True)
    required = fields.Boolean(related='criterion_id.required', readonly=True)
    done = fields.Boolean()
    is_current = fields.Boolean(
        string='Current Stage', readonly=True, index=True,
        help="The criterion belongs to the stage the lead is in now.")
    user_id = fields.Many2one('res.users', string='Checked by', readonly=True)
    date = fields.Datetime(string='Checked on', readonly=True)

    @api.model
    def _done_values(self, vals):
        """Who checked a criterion and when follow its done flag."""
        if 'done' not in vals:
            return vals
        vals = dict(vals)
        if vals['done']:
            vals.update(user_id=self.env.uid, date=fields.Datetime.now())
        else:
            vals.update(user_id=False, date=False)
        return vals

    @api.model
    def create(self, vals):
        return super(CrmLeadCriterionCheck, self).create(
            self._done_values(vals))

    @api.multi
    def write(self, vals):
        return super(CrmLeadCriterionCheck, self).write(
            self._done_values(vals))

    _sql_constraints = [
        ('lead_criterion_unique', 'unique(lead_id, criterion_id)',
         'A criterion is checked once per lead.'),
    ]
