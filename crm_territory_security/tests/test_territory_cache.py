# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The territories' matching rules are cached until a matching rule
changes, and only then; no other cache of the server is cleared; the
round-robin position is not written on the territory."""
from odoo.tests.common import SavepointCase


class TestTerritoryCache(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTerritoryCache, cls).setUpClass()
        env = cls.env
        Users = env['res.users'].with_context(no_reset_password=True)
        cls.user_1 = Users.create({'name': 'TC One', 'login': 'tc_one'})
        cls.user_2 = Users.create({'name': 'TC Two', 'login': 'tc_two'})
        cls.iceland = env.ref('base.is')
        cls.norway = env.ref('base.no')
        Territory = env['crm.territory']
        cls.territory = Territory.create({
            'name': 'TC Reykjavik', 'code': 'TC-R', 'priority': 90,
            'country_ids': [(6, 0, cls.iceland.ids)],
            'zip_range_ids': [(0, 0, {'zip_from': '100',
                                      'zip_to': '199'})]})
        cls.other = Territory.create({
            'name': 'TC Oslo', 'code': 'TC-O', 'priority': 80,
            'country_ids': [(6, 0, cls.norway.ids)]})

    def setUp(self):
        super(TestTerritoryCache, self).setUp()
        self.sentinel = ('crm_territory_security', 'tc-sentinel')
        self.registry.cache[self.sentinel] = True
        self.addCleanup(self._forget_sentinel)

    def _forget_sentinel(self):
        if self.sentinel in self.registry.cache:
            del self.registry.cache[self.sentinel]

    def match(self, country, zip_code=None):
        return self.env['crm.lead'].create({
            'name': 'TC lead', 'country_id': country.id,
            'zip': zip_code}).territory_id

    def rules_queries(self):
        """The queries of one matching's rules (warm cache: one, the
        version)."""
        Territory = self.env['crm.territory']
        before = self.cr.sql_log_count
        Territory._matching_rules()
        return self.cr.sql_log_count - before

    def test_salesperson_manager_and_assignment_keep_every_cache(self):
        self.rules_queries()
        self.territory.write({'user_ids': [(6, 0, self.user_1.ids)]})
        self.territory.write({'manager_id': self.user_2.id})
        self.territory.write({'assign_user': 'round_robin',
                              'name': 'TC Reykjavik centre'})
        self.assertIn(self.sentinel, self.registry.cache,
                      "no cache of the server is cleared")
        self.assertEqual(self.rules_queries(), 1,
                         "the cached rules are read again")

    def test_rule_changes_clear_the_matching_rules_only(self):
        self.assertEqual(self.match(self.iceland, '150'), self.territory)
        changes = [
            lambda: self.territory.zip_range_ids.write({'zip_from': '160'}),
            lambda: self.territory.write({'city_names': 'Tc Town'}),
            lambda: self.territory.write({'priority': 5}),
            lambda: self.territory.write({'active': False}),
        ]
        for change in changes:
            self.rules_queries()
            change()
            self.assertGreater(self.rules_queries(), 1)
            self.assertIn(self.sentinel, self.registry.cache)
        self.assertNotEqual(self.match(self.iceland, '150'), self.territory,
                            "matched with the changed rules at once")

    def test_zip_range_change_rematches_at_once(self):
        self.assertEqual(self.match(self.iceland, '150'), self.territory)
        self.territory.zip_range_ids.write({'zip_to': '140'})
        self.assertNotEqual(self.match(self.iceland, '150'), self.territory)
        self.env['crm.territory.zip.range'].create({
            'territory_id': self.territory.id, 'zip_from': '150',
            'zip_to': '155'})
        self.assertEqual(self.match(self.iceland, '150'), self.territory)
        self.territory.zip_range_ids.unlink()
        self.assertEqual(self.match(self.iceland, '999'), self.territory)

    def test_rolled_back_change_is_not_matched_after(self):
        """A change matched in a transaction that is rolled back, then
        undone: the rules the others read are the committed ones."""
        self.assertEqual(self.match(self.norway, '150'), self.other)
        with self.assertRaises(ZeroDivisionError):
            with self.cr.savepoint():
                self.territory.write({
                    'country_ids': [(4, self.norway.id)]})
                self.assertEqual(self.match(self.norway, '150'), self.territory)
                1 / 0  # pylint: disable=pointless-statement
        self.territory.invalidate_cache()
        self.assertEqual(self.match(self.norway, '150'), self.other)

    def test_round_robin_writes_nothing_on_the_territory(self):
        self.territory.write({
            'user_ids': [(6, 0, (self.user_1 | self.user_2).ids)],
            'assign_user': 'round_robin'})
        # the row's physical version: any UPDATE of it makes a new one
        self.cr.execute("SELECT ctid FROM crm_territory WHERE id = %s",
                        self.territory.ids)
        row_version = self.cr.fetchone()[0]
        leads = self.env['crm.lead']
        for dummy in range(4):
            leads |= leads.create({'name': 'TC rr', 'user_id': False,
                                   'country_id': self.iceland.id,
                                   'zip': '120'})
        salespeople = leads.mapped('user_id')
        self.assertEqual(salespeople, self.user_1 | self.user_2)
        self.assertEqual(leads[0].user_id, leads[2].user_id)
        self.assertNotEqual(leads[0].user_id, leads[1].user_id)
        self.cr.execute("SELECT ctid FROM crm_territory WHERE id = %s",
                        self.territory.ids)
        self.assertEqual(self.cr.fetchone()[0], row_version)
        self.assertIn(self.sentinel, self.registry.cache)

    def test_round_robin_of_a_territory_inserted_in_sql(self):
        """A territory whose sequence is missing (inserted in SQL, before
        an update of the addon) gets one at its first lead."""
        self.territory.write({
            'user_ids': [(6, 0, (self.user_1 | self.user_2).ids)],
            'assign_user': 'round_robin'})
        self.cr.execute("DROP SEQUENCE crm_territory_round_robin_%d"
                        % self.territory.id)
        leads = self.env['crm.lead']
        for dummy in range(2):
            leads |= leads.create({'name': 'TC rr sql', 'user_id': False,
                                   'country_id': self.iceland.id,
                                   'zip': '120'})
        self.assertEqual(leads.mapped('user_id'), self.user_1 | self.user_2)
