# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase


class TestTerritoryMatching(SavepointCase):
    """Leads and partners get the territory of their address: country,
    state, zip range, city, partner tag and domain rules, priority, depth,
    the manual choice, the default territory and the bulk recompute."""

    @classmethod
    def setUpClass(cls):
        super(TestTerritoryMatching, cls).setUpClass()
        env = cls.env
        cls.iceland = env.ref('base.is')
        cls.norway = env.ref('base.no')
        cls.state = env['res.country.state'].create({
            'name': 'Matching North', 'code': 'MN',
            'country_id': cls.iceland.id})
        cls.tag = env['res.partner.category'].create({'name': 'MT Key'})
        Territory = env['crm.territory']
        cls.root = Territory.create({'name': 'MT Root', 'code': 'MT'})
        cls.iceland_t = Territory.create({
            'name': 'MT Iceland', 'code': 'MT-IS', 'parent_id': cls.root.id,
            'country_ids': [(6, 0, cls.iceland.ids)]})
        cls.north_t = Territory.create({
            'name': 'MT North', 'code': 'MT-N',
            'parent_id': cls.iceland_t.id,
            'state_ids': [(6, 0, cls.state.ids)]})
        cls.zip_t = Territory.create({
            'name': 'MT Zip', 'code': 'MT-Z', 'parent_id': cls.root.id,
            'country_ids': [(6, 0, cls.norway.ids)],
            'zip_range_ids': [(0, 0, {'zip_from': '0100',
                                      'zip_to': '0199'})]})
        cls.city_t = Territory.create({
            'name': 'MT City', 'code': 'MT-C', 'parent_id': cls.root.id,
            'city_names': 'Mt Bergen, Mt Bjorgvin'})
        cls.tag_t = Territory.create({
            'name': 'MT Tag', 'code': 'MT-T', 'parent_id': cls.root.id,
            'priority': 30, 'category_ids': [(6, 0, cls.tag.ids)]})
        cls.default_t = Territory.create({
            'name': 'MT Default', 'code': 'MT-D'})

    def lead(self, **values):
        values.setdefault('name', 'MT lead')
        return self.env['crm.lead'].create(values)

    def test_country(self):
        self.assertEqual(
            self.lead(country_id=self.iceland.id).territory_id,
            self.iceland_t)

    def test_state_deeper_territory_wins(self):
        lead = self.lead(country_id=self.iceland.id, state_id=self.state.id)
        self.assertEqual(lead.territory_id, self.north_t)

    def test_zip_range(self):
        self.assertEqual(self.lead(
            country_id=self.norway.id, zip='0150').territory_id, self.zip_t)
        self.assertFalse(self.lead(
            country_id=self.norway.id, zip='0250').territory_id ==
            self.zip_t)
        self.assertFalse(self.lead(zip='0150').territory_id == self.zip_t,
                         "every rule of a territory must hold")

    def test_city_without_case(self):
        self.assertEqual(self.lead(city='mt bjorgvin ').territory_id,
                         self.city_t)

    def test_partner_tag_and_priority(self):
        partner = self.env['res.partner'].create({
            'name': 'MT Partner', 'category_id': [(6, 0, self.tag.ids)],
            'country_id': self.iceland.id})
        lead = self.lead(partner_id=partner.id, country_id=self.iceland.id)
        self.assertEqual(lead.territory_id, self.tag_t,
                         "the higher priority wins over the country")
        self.assertEqual(partner.territory_id, self.tag_t)

    def test_domain(self):
        team = self.env['crm.team'].create({'name': 'MT Team'})
        self.city_t.domain = "[('team_id', '=', %d)]" % team.id
        self.assertFalse(self.lead(city='Mt Bergen').territory_id ==
                         self.city_t)
        self.assertEqual(self.lead(
            city='Mt Bergen', team_id=team.id).territory_id, self.city_t)

    def test_invalid_domain(self):
        with self.assertRaises(ValidationError):
            self.city_t.domain = "[('no_such_field', '=', 1)]"

    def test_address_change_rematches(self):
        lead = self.lead(country_id=self.iceland.id)
        lead.write({'country_id': self.norway.id, 'zip': '0101'})
        self.assertEqual(lead.territory_id, self.zip_t)

    def test_manual_kept_until_reset(self):
        lead = self.lead(country_id=self.iceland.id)
        lead.territory_id = self.city_t
        self.assertTrue(lead.territory_manual)
        lead.write({'country_id': self.norway.id, 'zip': '0101'})
        self.assertEqual(lead.territory_id, self.city_t)
        lead.action_reset_territory()
        self.assertFalse(lead.territory_manual)
        self.assertEqual(lead.territory_id, self.zip_t)

    def test_partner_manual_kept_until_reset(self):
        """Partners share the leads' matching (the address mixin)."""
        partner = self.env['res.partner'].create({
            'name': 'MT Partner Manual', 'country_id': self.iceland.id})
        self.assertEqual(partner.territory_id, self.iceland_t)
        partner.territory_id = self.city_t
        self.assertTrue(partner.territory_manual)
        partner.write({'country_id': self.norway.id, 'zip': '0101'})
        self.assertEqual(partner.territory_id, self.city_t)
        partner.action_reset_territory()
        self.assertFalse(partner.territory_manual)
        self.assertEqual(partner.territory_id, self.zip_t)

    def test_manual_on_create_and_import(self):
        lead = self.lead(country_id=self.iceland.id,
                         territory_id=self.city_t.id)
        self.assertEqual(lead.territory_id, self.city_t)
        self.assertTrue(lead.territory_manual)
        result = self.env['crm.lead'].load(
            ['name', 'country_id/id'], [['MT imported', 'base.is']])
        imported = self.env['crm.lead'].browse(result['ids'])
        self.assertEqual(imported.territory_id, self.iceland_t)

    def test_default_territory_and_unassigned_filter(self):
        self.env.user.company_id.crm_default_territory_id = self.default_t
        lead = self.lead(city='MT Nowhere')
        self.assertEqual(lead.territory_id, self.default_t)
        self.assertTrue(lead.territory_unmatched)
        self.assertIn(lead, self.env['crm.lead'].search([
            '|', ('territory_unmatched', '=', True),
            ('territory_id', '=', False)]))
        self.assertFalse(self.lead(
            country_id=self.iceland.id).territory_unmatched)

    def test_no_match_and_no_default_territory(self):
        # an import row or a public lead with no salesperson, in a company
        # without a default territory: created, in no territory
        self.env.user.company_id.crm_default_territory_id = False
        lead = self.lead(city='MT Nowhere', user_id=False)
        self.assertFalse(lead.territory_id)
        self.assertFalse(lead.user_id)
        self.assertIn(lead, self.env['crm.lead'].search(
            [('territory_id', '=', False)]))

    def test_no_recursion(self):
        with self.assertRaises(ValidationError):
            self.root.parent_id = self.north_t

    def test_zip_range_bounds(self):
        with self.assertRaises(ValidationError):
            self.env['crm.territory.zip.range'].create({
                'territory_id': self.zip_t.id, 'zip_from': '0300',
                'zip_to': '0200'})

    def test_bulk_recompute_wizard(self):
        leads = self.env['crm.lead']
        for i in range(60):
            leads |= self.lead(name='MT bulk %d' % i,
                               country_id=self.norway.id,
                               zip='0%03d' % (100 + i))
        manual = leads[0]
        manual.territory_id = self.city_t
        self.assertEqual((leads - manual).mapped('territory_id'), self.zip_t)
        # the rules change: zips 0100-0199 of Norway go to a new territory
        new = self.env['crm.territory'].create({
            'name': 'MT Oslo', 'code': 'MT-O', 'priority': 40,
            'country_ids': [(6, 0, self.norway.ids)],
            'zip_range_ids': [(0, 0, {'zip_from': '0100',
                                      'zip_to': '0199'})]})
        wizard = self.env['crm.territory.recompute'].create(
            {'target': 'leads'})
        count_before = self.cr.sql_log_count
        wizard.action_recompute()
        queries = self.cr.sql_log_count - count_before
        self.assertEqual((leads - manual).mapped('territory_id'), new)
        self.assertEqual(manual.territory_id, self.city_t)
        self.assertGreaterEqual(wizard.lead_count, 60)
        # set-based: the number of queries does not grow with the leads
        all_leads = wizard.lead_count
        self.assertLess(queries, 60, "%d queries for %d leads" % (
            queries, all_leads))
        wizard = self.env['crm.territory.recompute'].create(
            {'target': 'leads', 'reset_manual': True})
        wizard.action_recompute()
        self.assertEqual(manual.territory_id, new)

    def test_round_robin(self):
        users = self.env['res.users']
        for login in ('mt_rr1', 'mt_rr2'):
            users |= self.env['res.users'].with_context(
                no_reset_password=True).create({
                    'name': login, 'login': login})
        self.city_t.write({'user_ids': [(6, 0, users.ids)],
                           'assign_user': 'round_robin'})
        assigned = [self.lead(city='Mt Bergen', user_id=False).user_id
                    for dummy in range(4)]
        # each in turn (the position is the territory's own sequence)
        self.assertEqual(set(assigned), set(users))
        self.assertEqual(assigned[2:], assigned[:2])
        self.assertNotEqual(assigned[0], assigned[1])
        self.assertEqual(self.lead(city='Mt Bergen').user_id, self.env.user,
                         "a lead with a salesperson keeps them")
