# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from lxml import etree

from .common import LeadsExtCase


class TestLeadFilters(LeadsExtCase):
    """A team with its own pipeline (stages S1, S2 in front of the shared
    ones) and a lead in each situation the filters name."""

    @classmethod
    def setUpClass(cls):
        super(TestLeadFilters, cls).setUpClass()
        cls.seller = cls._user('filter_seller')
        cls.team = cls.Team.create({
            'name': 'LX Filters', 'member_ids': [(6, 0, cls.seller.ids)]})
        Stage = cls.env['crm.stage']
        cls.stage_1 = Stage.create({
            'name': 'LX First', 'sequence': -100, 'team_id': cls.team.id})
        cls.stage_2 = Stage.create({
            'name': 'LX Second', 'sequence': -99, 'team_id': cls.team.id})
        cls.campaign = cls.env['utm.campaign'].create({'name': 'LX Spring'})
        cls.lead_new = cls.Lead.create({
            'name': 'LX new', 'team_id': cls.team.id, 'user_id': False,
            'stage_id': cls.stage_1.id, 'priority': '2'})
        cls.lead_assigned = cls.Lead.create({
            'name': 'LX assigned', 'team_id': cls.team.id,
            'user_id': cls.seller.id, 'stage_id': cls.stage_2.id,
            'campaign_id': cls.campaign.id, 'priority': '0'})
        cls.leads = cls.lead_new | cls.lead_assigned

    def _search(self, domain):
        return self.Lead.search([('id', 'in', self.leads.ids)] + domain)

    def _filters(self, xml_id):
        view = self.env.ref(xml_id)
        arch = self.Lead.fields_view_get(view_id=view.id,
                                         view_type='search')['arch']
        return {node.get('name'): node
                for node in etree.fromstring(arch).iter('filter')}

    def test_new_is_the_first_stage_of_the_pipeline(self):
        self.assertTrue(self.lead_new.is_new)
        self.assertFalse(self.lead_assigned.is_new)
        self.assertEqual(self._search([('is_new', '=', True)]),
                         self.lead_new)
        self.assertEqual(self._search([('is_new', '=', False)]),
                         self.lead_assigned)
        self.assertEqual(self._search([('is_new', '!=', True)]),
                         self.lead_assigned)
        self.lead_new.stage_id = self.stage_2
        self.assertFalse(self._search([('is_new', '=', True)]))

    def test_filters_in_both_search_views(self):
        for xml_id in ('crm.view_crm_case_leads_filter',
                       'crm.view_crm_case_opportunities_filter'):
            filters = self._filters(xml_id)
            for name in ('new', 'unassigned', 'assigned',
                         'without_campaign', 'groupby_priority'):
                self.assertIn(name, filters, '%s in %s' % (name, xml_id))
            self.assertIn("'group_by': 'user_id'",
                          filters['assigned'].get('context'))

    def test_filter_domains(self):
        self.assertEqual(self._search([('user_id', '=', False)]),
                         self.lead_new)
        self.assertEqual(self._search([('user_id', '!=', False)]),
                         self.lead_assigned)
        self.assertEqual(self._search([('campaign_id', '=', False)]),
                         self.lead_new)
        self.assertEqual(self._search([('team_id', 'child_of',
                                        self.team.id)]), self.leads)

    def test_priority_sortable_and_groupable(self):
        self.assertEqual(
            self.Lead.search([('id', 'in', self.leads.ids)],
                             order='priority desc').ids,
            [self.lead_new.id, self.lead_assigned.id])
        self.assertEqual(
            self.Lead.search([('id', 'in', self.leads.ids)],
                             order='priority asc').ids,
            [self.lead_assigned.id, self.lead_new.id])
        groups = self.Lead.read_group(
            [('id', 'in', self.leads.ids)], ['priority'], ['priority'])
        self.assertEqual(
            {g['priority']: g['priority_count'] for g in groups},
            {'2': 1, '0': 1})
        tree = self.env.ref('crm.crm_case_tree_view_leads')
        arch = self.Lead.fields_view_get(view_id=tree.id,
                                         view_type='tree')['arch']
        self.assertIn('name="priority"', arch)
