# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Paths that need two addons which do not depend on each other: they are
tested here, where the umbrella installs them all, with no test skipped
when one is missing."""
from odoo.addons.crm_leads_ext.tests.common import LeadsExtCase
from odoo.addons.crm_leads_ext.tests.test_lead_conversion import (
    ConversionCase)
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


class TestFunnelUnderTerritories(TerritoryCase):
    """crm_funnel_stages' figures under crm_territory_security: salesperson
    A's funnel counts only A's territory (the red-team path)."""

    def test_path_funnel_data(self):
        data = self.env['crm.lead'].sudo(self.user_a).get_funnel_data(
            [('id', 'in', self.leads.ids)])
        self.assertEqual(data['totals']['open_count'], 1)
        self.assertEqual(data['totals']['expected_revenue'], 1000.0)
