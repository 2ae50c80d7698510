# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    quotation_count = fields.Integer(
        compute='_compute_quotation_stats', string='Open Quotations')
    quotation_amount = fields.Monetary(
        compute='_compute_quotation_stats', string='Open Quotations Total',
        currency_field='quotation_currency_id',
        help="Untaxed total of the open quotations, in the company "
             "currency.")
    quotation_currency_id = fields.Many2one(
        'res.currency', compute='_compute_quotation_stats')

    @api.multi
    def _compute_quotation_stats(self):
        # searched with the user's rights: quotations the user may not
        # read (another territory's) count for nothing
        Order = self.env['sale.order']
        currency = self.env.user.company_id.currency_id
        for partner in self:
            if not partner.id:
                continue
            orders = Order.search([
                ('partner_id', 'child_of', partner.id),
                ('state', 'in', ('draft', 'sent'))])
            partner.quotation_count = len(orders)
            partner.quotation_amount = orders._crm_quotation_company_total()
            partner.quotation_currency_id = currency
