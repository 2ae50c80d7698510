# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The team whose alias received a lead's mail (gateway_team_id) on the
lead and opportunity forms, read-only and only when set, and in the
searches: filter, search field and group by "Received by Team"."""
import json

from lxml import etree

from .common import LeadsExtCase


class TestGatewayTeamViews(LeadsExtCase):

    @classmethod
    def setUpClass(cls):
        super(TestGatewayTeamViews, cls).setUpClass()
        cls._salesman = cls._user('gwviews')

    def _arch(self, view_xmlid, view_type):
        view = self.env.ref(view_xmlid)
        result = self.Lead.sudo(self._salesman).fields_view_get(
            view_id=view.id, view_type=view_type)
        return etree.fromstring(result['arch']), result['fields']

    def test_forms_show_it_read_only_when_set(self):
        for xmlid in ('crm.crm_case_form_view_leads',
                      'crm.crm_case_form_view_oppor'):
            arch, fields = self._arch(xmlid, 'form')
            nodes = arch.xpath("//field[@name='gateway_team_id']")
            self.assertEqual(len(nodes), 1, xmlid)
            modifiers = json.loads(nodes[0].get('modifiers'))
            self.assertEqual(modifiers['invisible'],
                             [['gateway_team_id', '=', False]], xmlid)
            self.assertTrue(modifiers['readonly'], xmlid)
            self.assertEqual(fields['gateway_team_id']['string'],
                             'Received by Team')

    def test_searches_filter_and_group_by_it(self):
        for xmlid in ('crm.view_crm_case_leads_filter',
                      'crm.view_crm_case_opportunities_filter'):
            arch, __ = self._arch(xmlid, 'search')
            self.assertTrue(arch.xpath("//field[@name='gateway_team_id']"))
            group_by = arch.xpath("//filter[@name='groupby_gateway_team']")
            self.assertEqual(len(group_by), 1, xmlid)
            self.assertEqual(group_by[0].get('string'), 'Received by Team')
            self.assertEqual(
                group_by[0].get('context'), "{'group_by': 'gateway_team_id'}")
            self.assertTrue(arch.xpath(
                "//filter[@name='received_by_mail']"), xmlid)

    def test_received_by_mail_filter_finds_the_gateway_leads(self):
        team = self.Team.create({'name': 'GWV team', 'use_leads': True})
        mailed = self.Lead.create({'name': 'GWV mailed',
                                   'gateway_team_id': team.id})
        typed = self.Lead.create({'name': 'GWV typed'})
        found = self.Lead.search([('gateway_team_id', '!=', False),
                                  ('id', 'in', (mailed | typed).ids)])
        self.assertEqual(found, mailed)
        groups = self.Lead.read_group(
            [('id', 'in', (mailed | typed).ids)],
            ['gateway_team_id'], ['gateway_team_id'])
        self.assertEqual(
            {g['gateway_team_id'] and g['gateway_team_id'][0]: g[
                'gateway_team_id_count'] for g in groups},
            {team.id: 1, False: 1})
