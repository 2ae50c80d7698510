# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmStage(models.Model):
    _inherit = 'crm.stage'

    criterion_ids = fields.One2many(
        'crm.stage.criterion', 'stage_id', string='Exit Criteria',
        copy=True,
        help="What must be confirmed on a lead before it leaves this stage "
             "forward.")
    required_field_ids = fields.Many2many(
        'ir.model.fields', 'crm_stage_required_field_rel',
        'stage_id', 'field_id', string='Required Fields',
        domain="[('model', '=', 'crm.lead'), ('store', '=', True)]",
        help="Fields that must be set for a lead to enter this stage or any "
             "later one.")

    @api.multi
    def _funnel_key(self):
        """Where the stage stands in the funnel: a lead moving to a stage
        with a higher key moves forward."""
        self.ensure_one()
        return (self.sequence, self.id)
