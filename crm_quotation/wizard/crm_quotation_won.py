# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmQuotationWon(models.TransientModel):
    """Mark Won with several open quotations: the one the customer
    accepted is confirmed, the others cancelled."""

    _name = 'crm.quotation.won'
    _description = 'Choose the quotation the customer accepted'

    lead_id = fields.Many2one(
        'crm.lead', string='Opportunity', required=True, readonly=True,
        ondelete='cascade')
    order_id = fields.Many2one(
        'sale.order', string='Accepted Quotation', required=True,
        ondelete='cascade',
        domain="[('opportunity_id', '=', lead_id), "
               "('state', 'in', ('draft', 'sent'))]")

    @api.multi
    def action_confirm(self):
        """action_set_won checks again, under the opportunity's lock and
        with the user's rights, that the quotation is one of its open
        ones."""
        self.ensure_one()
        lead = self.lead_id.with_context(
            crm_quotation_won_order_id=self.order_id.id)
        lead.action_set_won()
        return {
            'type': 'ir.actions.act_window', 'res_model': 'sale.order',
            'res_id': self.order_id.id, 'view_mode': 'form',
            'views': [(False, 'form')], 'target': 'current',
        }
