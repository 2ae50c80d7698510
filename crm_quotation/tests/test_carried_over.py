# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""New Quotation on an opportunity: the form opens with the customer, its
invoice and delivery addresses and pricelist, and the opportunity's
salesperson, team and utm values, although the customer has a salesperson
and a team of its own."""
from .common import QuotationCase


class TestCarriedOver(QuotationCase):

    @classmethod
    def setUpClass(cls):
        super(TestCarriedOver, cls).setUpClass()
        # the addresses are on the form for the users who work with them
        cls.seller.groups_id |= cls.env.ref(
            'sale.group_delivery_invoice_address')

    def new_quotation_form(self):
        """What the web client does on New Quotation: the action's and the
        button's context as defaults, then the form's onchanges."""
        lead = self.lead
        context = {
            # sale_crm.sale_action_quotations_new
            'search_default_opportunity_id': lead.id,
            'default_opportunity_id': lead.id,
            # the button, as this addon leaves it
            'search_default_partner_id': lead.partner_id.id,
            'default_partner_id': lead.partner_id.id,
            'default_user_id': lead.user_id.id,
            'default_team_id': lead.team_id.id,
            'default_campaign_id': lead.campaign_id.id,
            'default_medium_id': lead.medium_id.id,
            'default_source_id': lead.source_id.id,
        }
        Order = self.env['sale.order'].sudo(self.seller).with_context(
            context)
        spec = Order._onchange_spec()
        # the client sends every field of the form, empty ones as False
        values = dict.fromkeys(
            [name for name in spec if '.' not in name], False)
        values.update(Order.default_get(list(values)))
        changed = Order.onchange(values, '', spec)
        for name, value in changed.get('value', {}).items():
            values[name] = value[0] if isinstance(value, tuple) else value
        return values

    def test_new_quotation_carries_the_opportunity_over(self):
        values = self.new_quotation_form()
        self.assertEqual(values['partner_id'], self.customer.id)
        self.assertEqual(values['partner_invoice_id'],
                         self.invoice_address.id)
        self.assertEqual(values['partner_shipping_id'],
                         self.delivery_address.id)
        self.assertEqual(values['pricelist_id'], self.pricelist.id)
        self.assertEqual(values['opportunity_id'], self.lead.id)
        self.assertEqual(values['user_id'], self.seller.id)
        self.assertEqual(values['team_id'], self.team.id)
        self.assertEqual(values['campaign_id'], self.campaign.id)
        self.assertEqual(values['source_id'], self.source.id)
        self.assertEqual(values['medium_id'], self.medium.id)

    def test_saved_quotation_keeps_them(self):
        order = self.env['sale.order'].sudo(self.seller).create(
            self.new_quotation_form())
        self.assertEqual(order.user_id, self.seller)
        self.assertEqual(order.team_id, self.team)
        self.assertEqual(order.partner_shipping_id, self.delivery_address)
        self.assertEqual(order.campaign_id, self.campaign)
        self.assertEqual(self.lead.sale_number, 1)
