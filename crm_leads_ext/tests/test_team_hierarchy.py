# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, ValidationError

from .common import LeadsExtCase


class TestTeamHierarchy(LeadsExtCase):
    """Parent team P (leader: leader_p) with the sub-teams C (leader:
    leader_c, member: member_c) and S (member: member_s); a grand-child G
    under C. One lead per team, each assigned to a member."""

    @classmethod
    def setUpClass(cls):
        super(TestTeamHierarchy, cls).setUpClass()
        cls.leader_p = cls._user('leader_p')
        cls.leader_c = cls._user('leader_c')
        cls.member_c = cls._user('member_c')
        cls.member_s = cls._user('member_s')
        cls.member_g = cls._user('member_g')
        cls.team_p = cls.Team.create({
            'name': 'LX Parent', 'user_id': cls.leader_p.id})
        cls.team_c = cls.Team.create({
            'name': 'LX Child', 'parent_id': cls.team_p.id,
            'user_id': cls.leader_c.id,
            'member_ids': [(6, 0, cls.member_c.ids)]})
        cls.team_s = cls.Team.create({
            'name': 'LX Sibling', 'parent_id': cls.team_p.id,
            'member_ids': [(6, 0, cls.member_s.ids)]})
        cls.team_g = cls.Team.create({
            'name': 'LX Grandchild', 'parent_id': cls.team_c.id,
            'member_ids': [(6, 0, cls.member_g.ids)]})
        cls.lead_c = cls.Lead.create({
            'name': 'LX lead of C', 'team_id': cls.team_c.id,
            'user_id': cls.member_c.id})
        cls.lead_s = cls.Lead.create({
            'name': 'LX lead of S', 'team_id': cls.team_s.id,
            'user_id': cls.member_s.id})
        cls.lead_g = cls.Lead.create({
            'name': 'LX lead of G', 'team_id': cls.team_g.id,
            'user_id': cls.member_g.id})
        cls.leads = cls.lead_c | cls.lead_s | cls.lead_g

    def _visible(self, user):
        return self.Lead.sudo(user).search([('id', 'in', self.leads.ids)])

    def test_tree_fields(self):
        self.assertEqual(self.team_p.child_ids, self.team_c | self.team_s)
        self.assertEqual(self.leader_p.led_team_ids, self.team_p)
        self.assertEqual(
            self.Team.search([('id', 'child_of', self.team_p.id)]),
            self.team_p | self.team_c | self.team_s | self.team_g)

    def test_no_cycle(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.team_p.parent_id = self.team_g
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.team_c.parent_id = self.team_c

    def test_leader_of_parent_reads_descendant_leads(self):
        self.assertEqual(self._visible(self.leader_p), self.leads)
        self.lead_g.sudo(self.leader_p).read(['name'])
        self.lead_c.sudo(self.leader_p).read(['name'])

    def test_leader_of_child_reads_own_subtree_only(self):
        self.assertEqual(
            self._visible(self.leader_c), self.lead_c | self.lead_g)
        with self.assertRaises(AccessError):
            self.lead_s.sudo(self.leader_c).read(['name'])

    def test_sibling_member_does_not_read(self):
        self.assertEqual(self._visible(self.member_s), self.lead_s)
        with self.assertRaises(AccessError):
            self.lead_c.sudo(self.member_s).read(['name'])
        with self.assertRaises(AccessError):
            self.lead_g.sudo(self.member_c).read(['name'])

    def test_new_leader_and_reparenting_clear_the_rule_cache(self):
        # the rule domain of member_s is computed and cached first
        self.assertEqual(self._visible(self.member_s), self.lead_s)
        self.team_c.user_id = self.member_s
        self.assertEqual(
            self._visible(self.member_s),
            self.lead_s | self.lead_c | self.lead_g)
        # C moves under S: the new leader of S sees C's subtree
        self.team_c.user_id = self.leader_c
        self.team_s.user_id = self.member_s
        self.assertEqual(self._visible(self.member_s), self.lead_s)
        self.team_c.parent_id = self.team_s
        self.assertEqual(
            self._visible(self.member_s),
            self.lead_s | self.lead_c | self.lead_g)
        # no longer leader: back to their own leads
        self.team_s.user_id = False
        self.assertEqual(self._visible(self.member_s), self.lead_s)

    def test_leader_reads_the_pipeline_analysis_of_the_subtree(self):
        Report = self.env['crm.opportunity.report']
        domain = [('team_id', 'in', (self.team_c | self.team_g |
                                     self.team_s).ids)]
        self.assertEqual(
            set(Report.sudo(self.leader_c).search(domain).mapped(
                'team_id').ids),
            {self.team_c.id, self.team_g.id})
        self.assertEqual(
            set(Report.sudo(self.member_s).search(domain).mapped(
                'team_id').ids),
            {self.team_s.id})

    def test_views_show_the_tree_and_the_default_team(self):
        arch = self.Team.fields_view_get(
            view_id=self.env.ref('sales_team.crm_team_view_form').id,
            view_type='form')['arch']
        self.assertIn('name="parent_id"', arch)
        self.assertIn('name="child_ids"', arch)
        arch = self.env['res.users'].fields_view_get(
            view_id=self.env.ref('base.view_users_form_simple_modif').id,
            view_type='form')['arch']
        self.assertIn('name="sale_team_id"', arch)
        self.member_c.sale_team_id = self.team_c
        self.assertEqual(
            self.member_c.sudo(self.member_c).read(['sale_team_id'])[0][
                'sale_team_id'][0], self.team_c.id)
