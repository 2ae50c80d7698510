# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLeadFunnelRowMixin(models.AbstractModel):
    """A row of a lead's way through the funnel (a criterion checked, a
    stage change): it belongs to the lead's own record, so whoever
    creates, changes, moves or deletes one must be allowed to change the
    lead it is on and the lead it moves to, checked before anything is
    written."""
    _name = 'crm.lead.funnel.row.mixin'
    _description = 'Row of the funnel record of a lead'

    lead_id = fields.Many2one(
        'crm.lead', string='Lead', required=True, ondelete='cascade',
        index=True)

    @api.model
    def create(self, vals):
        self.check_access_rights('create')
        self.env['crm.lead']._check_leads_writable([vals.get('lead_id')])
        return super(CrmLeadFunnelRowMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        self.check_access_rights('write')
        self.check_access_rule('write')
        self.env['crm.lead']._check_leads_writable(
            self.mapped('lead_id').ids + [vals.get('lead_id')])
        return super(CrmLeadFunnelRowMixin, self).write(vals)

    @api.multi
    def unlink(self):
        self.check_access_rights('unlink')
        self.check_access_rule('unlink')
        self.env['crm.lead']._check_leads_writable(
            self.mapped('lead_id').ids)
        return super(CrmLeadFunnelRowMixin, self).unlink()
