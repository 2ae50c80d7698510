# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A salesperson of territory A and a quotation of territory B for the same
customer: the paths of crm_quotation show nothing of B."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_territory_security.tests.common import TerritoryCase


class TestQuotationTerritory(TerritoryCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuotationTerritory, cls).setUpClass()
        # the customer of B's quotation is A's customer too
        cls.lead_a.partner_id = cls.partner
        cls.order_a = cls.env['sale.order'].sudo(cls.user_a).create(dict(
            cls.lead_a.sudo(cls.user_a)._crm_quotation_values(),
            order_line=[(0, 0, {
                'product_id': cls.env.ref('product.product_product_1').id,
                'product_uom_qty': 1, 'price_unit': 1000.0,
                'tax_id': [(6, 0, [])]})]))

    def test_copy_wizard_pick_list(self):
        domain = ['|', ('opportunity_id', '=', self.lead_a.id),
                  ('partner_id', 'child_of', self.partner.id)]
        found = [row[0] for row in self.as_user(
            self.user_a, 'sale.order').name_search(
                '', args=domain, limit=None)]
        self.assertEqual(found, self.order_a.ids)
        # the director sees both
        found = [row[0] for row in self.as_user(
            self.user_d, 'sale.order').name_search(
                '', args=domain, limit=None)]
        self.assertEqual(sorted(found), sorted(
            (self.order_a | self.order_b).ids))

    def test_copy_wizard_refuses_the_id_of_b(self):
        wizard = self.as_user(self.user_a, 'crm.quotation.copy').with_context(
            default_lead_id=self.lead_a.id).create({
                'order_id': self.order_b.id})
        with self.assertRaises(AccessError):
            wizard.action_copy()
        self.assertFalse(self.env['sale.order'].search(
            [('origin_quotation_id', '=', self.order_b.id)]))
        # A's own quotation is copied
        wizard = self.as_user(self.user_a, 'crm.quotation.copy').with_context(
            default_lead_id=self.lead_a.id).create({
                'order_id': self.order_a.id})
        copy = self.env['sale.order'].browse(wizard.action_copy()['res_id'])
        self.assertEqual(copy.origin_quotation_id, self.order_a)

    def test_mark_won_wizard_refuses_the_id_of_b(self):
        wizard = self.as_user(self.user_a, 'crm.quotation.won').with_context(
            default_lead_id=self.lead_a.id).create({
                'order_id': self.order_b.id})
        with self.assertRaises((AccessError, UserError)):
            wizard.action_confirm()
        self.assertEqual(self.order_b.state, 'draft')
        self.assertEqual(self.order_a.state, 'draft')

    def test_smart_buttons_leave_b_out(self):
        partner = self.as_user(self.user_a, 'res.partner').browse(
            self.partner.id)
        self.assertEqual(partner.quotation_count, 1)
        self.assertEqual(partner.quotation_amount, 1000.0)
        lead = self.as_user(self.user_a, 'crm.lead').browse(self.lead_a.id)
        self.assertEqual(lead.quotation_amount, 1000.0)
        partner = self.as_user(self.user_d, 'res.partner').browse(
            self.partner.id)
        self.assertEqual(partner.quotation_count, 2)
        self.assertEqual(partner.quotation_amount, 8000.0)
