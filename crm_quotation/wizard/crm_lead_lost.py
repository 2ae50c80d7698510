# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLeadLost(models.TransientModel):
    """The lost reason's dialog is the confirmation: it says how many open
    quotations marking the opportunity lost cancels."""

    _inherit = 'crm.lead.lost'

    quotation_count = fields.Integer(
        compute='_compute_quotation_count', string='Open Quotations')

    @api.multi
    def _compute_quotation_count(self):
        # with the user's rights, as the opportunity's own count
        leads = self.env['crm.lead'].browse(
            self.env.context.get('active_ids') or [])
        count = len(leads.mapped('order_ids').filtered(
            lambda order: order.state in ('draft', 'sent')))
        for wizard in self:
            wizard.quotation_count = count
