# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLeadEscalate(models.TransientModel):
    """Asks the reason, then escalates the leads to their parent teams."""

    _name = 'crm.lead.escalate'
    _description = 'Escalate Leads'

    @api.model
    def _default_lead_ids(self):
        if self.env.context.get('active_model') == 'crm.lead':
            return [(6, 0, self.env.context.get('active_ids') or [])]
        return []

    lead_ids = fields.Many2many(
        'crm.lead', string='Leads', default=_default_lead_ids,
        required=True)
    reason = fields.Text(string='Reason', required=True)

    @api.model
    def create(self, vals):
        """Any user may create a transient record: this wizard is for
        those who may modify leads."""
        self.env['crm.lead'].check_access_rights('write')
        return super(CrmLeadEscalate, self).create(vals)

    @api.multi
    def action_escalate(self):
        """Escalate every lead the wizard was given: reading the field
        would silently leave out those the user may not read, and
        escalate the others (or nothing)."""
        self.ensure_one()
        self.check_access_rule('write')  # the user's own wizard
        leads = self.env['crm.lead'].browse(self.sudo().lead_ids.ids)
        leads._escalate(self.reason)
        return {'type': 'ir.actions.act_window_close'}
