# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Where the pipeline and the sales funnel open: a salesperson on their own
opportunities, a manager (a team leader, a Sales Manager) on their team;
the salespeople the funnel offers are those whose opportunities the record
rules let the user read."""
from odoo.tests.common import SavepointCase


class TestFunnelDefaults(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestFunnelDefaults, cls).setUpClass()
        Users = cls.env['res.users'].with_context(no_reset_password=True)

        def user(login, group):
            return Users.create({
                'name': login.replace('_', ' ').title(), 'login': login,
                'groups_id': [(6, 0, [cls.env.ref(group).id])]})
        cls.anna = user('defaults_anna', 'sales_team.group_sale_salesman')
        cls.bao = user('defaults_bao', 'sales_team.group_sale_salesman')
        # a team leader with the salesperson's rights only
        cls.leader = user('defaults_leader', 'sales_team.group_sale_salesman')
        cls.director = user('defaults_director',
                            'sales_team.group_sale_manager')
        Team = cls.env['crm.team']
        cls.team = Team.create({
            'name': 'Defaults team', 'user_id': cls.leader.id,
            'funnel_chart': 'funnel',
            'member_ids': [(6, 0, (cls.anna | cls.bao).ids)]})
        cls.other = Team.create({
            'name': 'Defaults other team',
            'member_ids': [(6, 0, (cls.leader | cls.director).ids)]})
        Lead = cls.env['crm.lead']
        for name, user_, team in [('Anna one', cls.anna, cls.team),
                                  ('Bao one', cls.bao, cls.team),
                                  ('Director one', cls.director, cls.other)]:
            Lead.create({'name': 'Defaults %s' % name, 'type': 'opportunity',
                         'user_id': user_.id, 'team_id': team.id})

    def filters(self, user):
        return self.env['crm.lead'].sudo(user).get_funnel_filters()

    def test_salesperson(self):
        filters = self.filters(self.anna)
        self.assertEqual((filters['user_id'], filters['team_id']),
                         (self.anna.id, self.team.id))
        # "Personal Leads": Anna reads her own opportunities only
        self.assertEqual(filters['users'],
                         [{'id': self.anna.id, 'name': 'Defaults Anna'}])
        team = [entry for entry in filters['teams']
                if entry['id'] == self.team.id]
        self.assertEqual(team, [{'id': self.team.id, 'name': 'Defaults team',
                                 'funnel_chart': 'funnel'}])
        action = self.env['crm.team'].sudo(self.anna).action_your_pipeline()
        self.assertEqual(action['context']['search_default_assigned_to_me'],
                         1)
        self.assertNotIn('search_default_team_id', action['context'])

    def test_team_leader(self):
        # led team first, though their default team is another one
        self.assertEqual(self.leader.sale_team_id, self.other)
        filters = self.filters(self.leader)
        self.assertEqual((filters['user_id'], filters['team_id']),
                         (False, self.team.id))
        # crm_leads_ext's rule (when installed) lets a leader read their
        # team's opportunities; crm's own lets them read their own only
        names = [entry['name'] for entry in filters['users']]
        self.assertIn('Defaults Leader', names)
        self.assertNotIn('Defaults Director', names)
        if self.env['ir.module.module'].search([
                ('name', '=', 'crm_leads_ext'), ('state', '=', 'installed')]):
            self.assertEqual(names, ['Defaults Anna', 'Defaults Bao',
                                     'Defaults Leader'])
        action = self.env['crm.team'].sudo(self.leader).action_your_pipeline()
        self.assertNotIn('search_default_assigned_to_me', action['context'])
        self.assertEqual(action['context']['search_default_team_id'],
                         self.team.id)
        self.assertEqual(action['context']['default_team_id'], self.team.id)

    def test_led_default_team_comes_first(self):
        self.other.user_id = self.leader
        filters = self.filters(self.leader)
        self.assertEqual(filters['team_id'], self.other.id)

    def test_sales_manager(self):
        filters = self.filters(self.director)
        self.assertEqual((filters['user_id'], filters['team_id']),
                         (False, self.other.id))
        # every salesperson with an opportunity, by name
        names = [entry['name'] for entry in filters['users']]
        self.assertEqual(names, sorted(names))
        for name in ('Defaults Anna', 'Defaults Bao', 'Defaults Director'):
            self.assertIn(name, names)
        self.assertNotIn('Defaults Leader', names)
        action = self.env['crm.team'].sudo(
            self.director).action_your_pipeline()
        self.assertEqual(action['context']['search_default_team_id'],
                         self.other.id)
        self.assertNotIn('search_default_assigned_to_me', action['context'])

    def test_lost_salesperson_is_offered(self):
        # archived lost opportunities count in the funnel: their salesperson
        # is offered too
        carl = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Defaults Carl', 'login': 'defaults_carl',
                'groups_id': [(6, 0, [self.env.ref(
                    'sales_team.group_sale_salesman').id])]})
        self.env['crm.lead'].create({
            'name': 'Defaults Carl lost', 'type': 'opportunity',
            'user_id': carl.id, 'team_id': self.team.id}).action_set_lost()
        names = [entry['name'] for entry in self.filters(
            self.director)['users']]
        self.assertIn('Defaults Carl', names)
