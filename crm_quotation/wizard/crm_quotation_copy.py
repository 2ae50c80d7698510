# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import html_escape


class CrmQuotationCopy(models.TransientModel):
    """A new quotation of the opportunity made from one of the customer's
    or the opportunity's quotations."""

    _name = 'crm.quotation.copy'
    _description = 'Copy a quotation into an opportunity'

    lead_id = fields.Many2one(
        'crm.lead', string='Opportunity', required=True, readonly=True,
        ondelete='cascade')
    partner_id = fields.Many2one(related='lead_id.partner_id', readonly=True)
    order_id = fields.Many2one(
        'sale.order', string='Quotation to Copy', required=True,
        ondelete='cascade',
        domain="['|', ('opportunity_id', '=', lead_id), "
               "('partner_id', 'child_of', partner_id or -1)]")

    @api.model
    def _source_domain(self, lead):
        domain = [('opportunity_id', '=', lead.id)]
        if lead.partner_id:
            domain = ['|', ('partner_id', 'child_of',
                            lead.partner_id.commercial_partner_id.id)] + \
                domain
        return domain

    def _check_source(self):
        """The pick list is only the client's filter: the chosen id is
        searched again with the user's rights (a transient model has no
        record rules), so another territory's quotation is refused."""
        allowed = self.env['sale.order'].search(
            self._source_domain(self.lead_id) +
            [('id', '=', self.order_id.id)])
        if not allowed:
            raise AccessError(_(
                "You cannot copy this quotation: it is not one of the "
                "customer's or the opportunity's quotations you may read."))

    @api.multi
    def action_copy(self):
        self.ensure_one()
        self.lead_id.check_access_rights('write')
        self.lead_id.check_access_rule('write')
        self._check_source()
        source = self.order_id
        values = source.copy_data()[0]
        values.update(self.lead_id._crm_quotation_values())
        # the terms are the source's
        values['payment_term_id'] = source.payment_term_id.id
        values['origin_quotation_id'] = source.id
        notes = [_("Copied from %s.") % source.name]
        if source.pricelist_id.active and (
                not self.lead_id.partner_id
                or source.partner_id.commercial_partner_id ==
                self.lead_id.partner_id.commercial_partner_id):
            # the same customer: the source's prices stay its prices
            values['pricelist_id'] = source.pricelist_id.id
        elif not source.pricelist_id.active:
            notes.append(_(
                "The pricelist %s is archived: the customer's pricelist is "
                "used.") % source.pricelist_id.name)
        if not self.lead_id.partner_id:
            for name in ('partner_id', 'partner_invoice_id',
                         'partner_shipping_id'):
                values[name] = source[name].id
        if not values.get('pricelist_id'):
            values.pop('pricelist_id')
        Product = self.env['product.product']
        lines = []
        for command in values.get('order_line', []):
            product = Product.browse(command[2].get('product_id'))
            if product and not product.active:
                notes.append(_(
                    "The line of %s is left out: the product is "
                    "archived.") % product.display_name)
                continue
            lines.append(command)
        values['order_line'] = lines
        order = self.env['sale.order'].create(values)
        order.message_post(body='<br/>'.join(html_escape(n) for n in notes),
                           subtype='mail.mt_note')
        return {
            'type': 'ir.actions.act_window', 'res_model': 'sale.order',
            'res_id': order.id, 'view_mode': 'form',
            'views': [(False, 'form')], 'target': 'current',
        }
