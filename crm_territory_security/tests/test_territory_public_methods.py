# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Every public method of the models this addon defines or extends checks
its caller's rights before it does anything, transient models included:
each is called here by a user who must be refused."""
from odoo.exceptions import AccessError

from .common import TerritoryCase


class TestTerritoryPublicMethods(TerritoryCase):

    @classmethod
    def setUpClass(cls):
        super(TestTerritoryPublicMethods, cls).setUpClass()
        Users = cls.env['res.users'].with_context(no_reset_password=True)
        cls.portal = Users.create({
            'name': 'RT portal', 'login': 'rt_portal',
            'groups_id': [(6, 0, cls.env.ref('base.group_portal').ids)]})
        cls.employee = Users.create({
            'name': 'RT employee', 'login': 'rt_employee',
            'groups_id': [(6, 0, cls.env.ref('base.group_user').ids)]})

    def assert_cache_kept(self, call):
        """``call`` is refused before it clears the registry's caches (which
        every worker would have to reload)."""
        sentinel = ('crm_territory_security', 'sentinel')
        self.registry.cache[sentinel] = True
        with self.assertRaises(AccessError):
            call()
        self.assertIn(sentinel, self.registry.cache)

    # crm.territory.recompute: a transient model, no access rights apply

    def test_recompute_refused_to_salespeople_and_territory_managers(self):
        self.lead_b.write({'territory_id': self.territory_a.id})
        for user in (self.user_a, self.user_m):
            wizard = self.env['crm.territory.recompute'].sudo(user).create(
                {'target': 'both', 'reset_manual': True})
            with self.assertRaises(AccessError):
                wizard.action_recompute()
        self.assertEqual(self.lead_b.territory_manual_id, self.territory_a)

    def test_recompute_by_a_sales_manager(self):
        """Which also unsubscribes the users of the territory a lead left."""
        self.lead_b.write({'territory_id': self.territory_a.id})
        self.env['crm.lead'].sudo(self.user_a).browse(
            self.lead_b.id).message_subscribe_users()
        wizard = self.env['crm.territory.recompute'].sudo(self.user_d).create(
            {'target': 'leads', 'reset_manual': True})
        wizard.action_recompute()
        self.assertFalse(self.lead_b.territory_manual_id)
        self.assertEqual(self.lead_b.territory_id, self.territory_b)
        self.assertNotIn(self.user_a.partner_id,
                         self.lead_b.message_partner_ids)

    # crm.territory, crm.territory.zip.range

    def test_territory_create_write_unlink(self):
        Territory = self.env['crm.territory'].sudo(self.user_m)
        self.assert_cache_kept(lambda: Territory.create({'name': 'RT x'}))
        self.assert_cache_kept(lambda: Territory.browse(
            self.territory_a.id).write({'city_names': 'Elsewhere'}))
        self.assert_cache_kept(lambda: Territory.browse(
            self.territory_a.id).unlink())
        self.assertEqual(self.territory_a.city_names, 'Redteam City A')

    def test_zip_range_create_write_unlink(self):
        zip_range = self.env['crm.territory.zip.range'].create({
            'territory_id': self.territory_a.id, 'zip_from': '100000',
            'zip_to': '109999'})
        Zip = self.env['crm.territory.zip.range'].sudo(self.user_m)
        self.assert_cache_kept(lambda: Zip.create({
            'territory_id': self.territory_a.id, 'zip_from': '200000',
            'zip_to': '209999'}))
        self.assert_cache_kept(lambda: Zip.browse(zip_range.id).write(
            {'zip_to': '199999'}))
        self.assert_cache_kept(lambda: Zip.browse(zip_range.id).unlink())

    def test_territory_read_methods_refused_outside_the_employees(self):
        Territory = self.env['crm.territory'].sudo(self.portal)
        with self.assertRaises(AccessError):
            Territory.browse(self.territory_a.id).action_view_leads()
        with self.assertRaises(AccessError):
            Territory.browse(self.territory_a.id).name_get()
        with self.assertRaises(AccessError):
            Territory.name_search('RT')

    def test_view_leads_of_a_territory(self):
        action = self.territory_a.sudo(self.user_a).action_view_leads()
        self.assertEqual(action['domain'],
                         [('territory_id', 'child_of', self.territory_a.ids)])

    # quotas and forecasts

    def test_quota_create_write(self):
        Quota = self.env['crm.territory.quota'].sudo(self.user_a)
        with self.assertRaises(AccessError):
            Quota.create({'user_id': self.user_a.id, 'amount': 1.0,
                          'territory_id': self.territory_a.id,
                          'date': '2030-03-01'})
        with self.assertRaises(AccessError):
            Quota.browse(self.quota_a.id).write({'amount': 1e9})
        self.assertEqual(self.quota_a.amount, 500.0)

    def test_forecast_read_group(self):
        with self.assertRaises(AccessError):
            self.env['crm.territory.forecast'].sudo(self.employee).read_group(
                [], ['open_amount'], ['user_id'])

    def test_forecast_views(self):
        """Its views (with the js_class set on them) for salespeople
        only."""
        Forecast = self.env['crm.territory.forecast']
        with self.assertRaises(AccessError):
            Forecast.sudo(self.employee).fields_view_get(None, 'pivot')
        self.assertIn('js_class', Forecast.sudo(self.user_a).fields_view_get(
            None, 'pivot')['arch'])

    # crm.lead and res.partner

    def test_lead_methods(self):
        with self.assertRaises(AccessError):
            self.env['crm.lead'].sudo(self.employee).create(
                {'name': 'RT no rights'})
        Lead = self.env['crm.lead'].sudo(self.user_a)
        with self.assertRaises(AccessError):
            Lead.browse(self.lead_b.id).action_reset_territory()
        with self.assertRaises(AccessError):
            Lead.browse(self.lead_b.id).write({'city': 'Redteam City A'})
        self.assertEqual(self.lead_b.territory_id, self.territory_b)

    def test_partner_methods(self):
        Partner = self.env['res.partner'].sudo(self.portal)
        with self.assertRaises(AccessError):
            Partner.create({'name': 'RT planted partner',
                            'territory_id': self.territory_b.id})
        with self.assertRaises(AccessError):
            Partner.browse(self.partner.id).action_reset_territory()
        with self.assertRaises(AccessError):
            Partner.browse(self.partner.id).write(
                {'territory_id': self.territory_b.id})
        self.assertFalse(self.partner.territory_id)
