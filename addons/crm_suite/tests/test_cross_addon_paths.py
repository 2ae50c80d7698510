# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Paths that need two addons which do not depend on each other: they are
tested here, where the umbrella installs them all, with no test skipped
when one is missing."""
from odoo.addons.crm_leads_ext.tests.common import LeadsExtCase
from odoo.addons.crm_leads_ext.tests.test_lead_conversion import (
    ConversionCase)
from odoo.addons.crm_leads_ext_contact_companies.tests.\
    test_lead_conversion_positions import PositionCase
from odoo.addons.crm_territory_security.tests.common import TerritoryCase


class TestLeadAnalysisTerritories(LeadsExtCase):
    """crm_leads_ext's lead analysis under crm_territory_security: a
    territory salesperson does not see the rows of another territory's
    leads, unassigned ones included, through the report's lead_id."""

    @classmethod
    def setUpClass(cls):
        super(TestLeadAnalysisTerritories, cls).setUpClass()
        group = cls.env.ref('crm_territory_security.group_territory_salesman')
        cls.user_a = cls._user('ana_terr_a', group)
        cls.user_b = cls._user('ana_terr_b', group)
        Territory = cls.env['crm.territory']
        cls.territory_a = Territory.create({
            'name': 'LX Ana A', 'code': 'LX-ANA-A',
            'country_ids': [(6, 0, cls.env.ref('base.vn').ids)],
            'city_names': 'LX Ana City A', 'priority': 90,
            'user_ids': [(6, 0, cls.user_a.ids)]})
        cls.territory_b = Territory.create({
            'name': 'LX Ana B', 'code': 'LX-ANA-B',
            'country_ids': [(6, 0, cls.env.ref('base.cn').ids)],
            'city_names': 'LX Ana City B', 'priority': 90,
            'user_ids': [(6, 0, cls.user_b.ids)]})
        Lead = cls.Lead.with_context(crm_lead_skip_assignment=True)
        cls.lead_a = Lead.create({
            'name': 'LX ana terr a', 'user_id': cls.user_a.id,
            'city': 'LX Ana City A', 'country_id': cls.env.ref('base.vn').id})
        cls.lead_b = Lead.create({
            'name': 'LX ana terr b', 'user_id': cls.user_b.id,
            'city': 'LX Ana City B', 'country_id': cls.env.ref('base.cn').id})

    def test_territory_rule_applies_to_the_report(self):
        self.assertEqual(self.lead_b.territory_id, self.territory_b)
        self.lead_b.user_id = False
        rows = self.env(user=self.user_a.id)['crm.lead.analysis'].search(
            [('lead_id', 'in', (self.lead_a | self.lead_b).ids)])
        self.assertEqual(rows.mapped('lead_id.id'), self.lead_a.ids)


class TestQuotationTypedAddresses(ConversionCase):
    """crm_leads_ext's converted companies with sale (through crm_quotation):
    a quotation picks the company's typed invoice and delivery addresses."""

    def test_quotation_picks_typed_addresses(self):
        order = self.env['sale.order'].new({'partner_id': self.lotus.id})
        order.onchange_partner_id()
        self.assertEqual(order.partner_invoice_id, self.lotus_invoice)
        self.assertEqual(order.partner_shipping_id, self.lotus_delivery)
        order = self.env['sale.order'].new({'partner_id': self.zhang.id})
        order.onchange_partner_id()
        self.assertEqual(order.partner_invoice_id, self.lotus_invoice)
        self.assertEqual(order.partner_shipping_id, self.lotus_delivery)
        # a quotation created without the addresses (RPC, import...)
        order = self.env['sale.order'].create({'partner_id': self.lotus.id})
        self.assertEqual(order.partner_invoice_id, self.lotus_invoice)
        self.assertEqual(order.partner_shipping_id, self.lotus_delivery)


class TestQuotationOfPosition(PositionCase):
    """crm_leads_ext_contact_companies' positions with sale (through
    crm_quotation): the quotation of an opportunity converted to a person's
    position at the lead's company is that company's, not the one of the
    person's other company."""

    def test_quotation_of_position_at_lead_company(self):
        lead = self._an_lead('Shanghai Lotus Ltd')
        self._wizard(lead).action_apply()
        position = lead.partner_id
        self.assertEqual(position.contact_id, self.an)
        # the quotation of the opportunity's "New Quotation" button
        order = self.env['sale.order'].create({
            'partner_id': lead.partner_id.id, 'opportunity_id': lead.id})
        self.assertEqual(order.partner_id, position)
        self.assertEqual(order.partner_id.parent_id, self.lotus)
        self.assertEqual(order.partner_invoice_id, self.lotus_invoice)
        self.assertEqual(order.partner_shipping_id, self.lotus_delivery)
        self.assertEqual(lead.sale_number, 1)

    def test_quotation_of_position_at_new_company(self):
        lead = self._an_lead('Hanoi Bamboo JSC', street='12 Tràng Tiền',
                             city='Hoàn Kiếm')
        self._wizard(lead).action_apply()
        order = self.env['sale.order'].new({'partner_id': lead.partner_id.id})
        order.onchange_partner_id()
        bamboo = lead.partner_id.parent_id
        self.assertEqual(bamboo.name, 'Hanoi Bamboo JSC')
        # no typed address: Odoo invoices the contact, at its company
        self.assertEqual(order.partner_invoice_id.commercial_partner_id,
                         bamboo)
        self.assertEqual(order.partner_invoice_id.street, '12 Tràng Tiền')
        self.assertNotEqual(order.partner_invoice_id, self.an)


class TestFunnelUnderTerritories(TerritoryCase):
    """crm_funnel_stages' figures under crm_territory_security: salesperson
    A's funnel counts only A's territory (the red-team path)."""

    def test_path_funnel_data(self):
        data = self.env['crm.lead'].sudo(self.user_a).get_funnel_data(
            [('id', 'in', self.leads.ids)])
        self.assertEqual(data['totals']['open_count'], 1)
        self.assertEqual(data['totals']['expected_revenue'], 1000.0)
