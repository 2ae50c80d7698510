# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The team whose alias received a lead's mail (gateway_team_id) on the
lead and opportunity forms, read-only and only when set, and in the
searches: filter, search field and group by "Received by Team"."""
import json

import pytest
from lxml import etree
from selenium.webdriver.common.by import By

from .harness import ChromiumCase

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

    def test_searches_in_vietnamese_and_chinese(self):
        for lang, words in (('vi_VN', ('Nhận qua thư', 'Đội nhận thư')),
                            ('zh_CN', ('通过邮件接收', '接收团队'))):
            self.env['res.lang'].load_lang(lang)
            self.env['ir.translation'].load_module_terms(
                ['crm_leads_ext'], [lang])
            arch = self.Lead.sudo(self._salesman).with_context(
                lang=lang).fields_view_get(
                    view_id=self.env.ref(
                        'crm.view_crm_case_opportunities_filter').id,
                    view_type='search')['arch']
            for word in words:
                self.assertIn(word, arch, lang)

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


@pytest.mark.browser
class TestGatewayTeamInBrowser(ChromiumCase):
    """The sales manager opens a mailed opportunity: *Received by Team*
    and the team are on its contact information; on a typed one, not."""

    def setUp(self):
        super(TestGatewayTeamInBrowser, self).setUp()
        env = self.env
        self.manager = env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'GWB Manager', 'login': 'gwb_manager',
                'password': 'gwb_manager',
                'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref(
                    'sales_team.group_sale_manager').id])]})
        self.team = env['crm.team'].create({'name': 'GWB Inbox team'})
        Lead = env['crm.lead']
        self.mailed = Lead.create({
            'name': 'GWB mailed', 'type': 'opportunity',
            'gateway_team_id': self.team.id})
        self.typed = Lead.create({'name': 'GWB typed',
                                  'type': 'opportunity'})
        self.action = env.ref('crm.crm_lead_opportunities_tree_view')

    def _open_contact_information(self, lead):
        self.browser.open('/web#id=%d&model=crm.lead&view_type=form'
                          '&action=%d' % (lead.id, self.action.id))
        self.browser.wait_for('.o_form_view .o_notebook')
        with self.browser_turn():
            self.driver.find_element(
                By.XPATH, "//div[contains(@class, 'o_notebook')]"
                          "//a[normalize-space()='Contact Information']"
            ).click()
        self.browser.wait_idle()
        with self.browser_turn():
            page = self.driver.find_element(
                By.CSS_SELECTOR, '.o_notebook .tab-pane.active')
            # the Marketing group in the screenshot
            self.driver.execute_script(
                "document.querySelector('.o_content').scrollTop = 350;")
            return page.text

    def test_received_by_team_shown_when_set(self):
        self.browser.login('gwb_manager', 'gwb_manager')
        text = self._open_contact_information(self.mailed)
        self.assertIn('Received by Team', text)
        self.assertIn('GWB Inbox team', text)
        self.save_evidence('mailed')
        text = self._open_contact_information(self.typed)
        self.assertIn('Source', text)
        self.assertNotIn('Received by Team', text)
        self.save_evidence('typed')
