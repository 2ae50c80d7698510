# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Salesperson A in a real browser: none of territory B's leads in the
pipeline kanban, the list or the funnel, although one of them names A as its
salesperson (crm's "Personal Leads" rule alone would show it)."""
import pytest

from selenium.webdriver.common.by import By

from odoo.addons.queue_job.job import Job

from .harness import ChromiumCase

PAGE_TEXT_JS = "return document.querySelector('.o_content').innerText;"


class TerritoryBrowserCase(ChromiumCase):

    def page_text(self):
        self.browser.wait_idle()
        with self.browser_turn():
            return self.driver.execute_script(PAGE_TEXT_JS)


@pytest.mark.browser
class TestTerritoryInBrowser(TerritoryBrowserCase):

    def setUp(self):
        super(TestTerritoryInBrowser, self).setUp()
        env = self.env
        Users = env['res.users'].with_context(no_reset_password=True)
        group = env.ref('crm_territory_security.group_territory_salesman')
        self.user_a = Users.create({
            'name': 'Browser Salesman A', 'login': 'br_salesman_a',
            'password': 'br_salesman_a',
            'groups_id': [(6, 0, [env.ref('base.group_user').id,
                                  group.id])]})
        self.manager = Users.create({
            'name': 'Browser Region Manager', 'login': 'br_manager',
            'password': 'br_manager',
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref(
                'crm_territory_security.group_territory_manager').id])]})
        Territory = env['crm.territory']
        self.region = Territory.create({'name': 'BR Region',
                                        'manager_id': self.manager.id})
        Territory.create({'name': 'BR Territory A',
                          'parent_id': self.region.id,
                          'city_names': 'Browser City A',
                          'user_ids': [(6, 0, self.user_a.ids)]})
        Territory.create({'name': 'BR Territory B',
                          'parent_id': self.region.id,
                          'city_names': 'Browser City B'})
        Lead = env['crm.lead']
        for name, city in (('BR alpha one', 'Browser City A'),
                           ('BR alpha two', 'Browser City A'),
                           ('BR bravo one', 'Browser City B'),
                           ('BR bravo two', 'Browser City B')):
            Lead.create({'name': name, 'type': 'opportunity', 'city': city,
                         'user_id': self.user_a.id,
                         'planned_revenue': 1000.0})

    def assert_only_alpha(self, text, where):
        self.assertIn('BR alpha one', text, where)
        self.assertIn('BR alpha two', text, where)
        self.assertNotIn('BR bravo', text, where)

    def test_kanban_list_and_funnel(self):
        self.browser.login('br_salesman_a', 'br_salesman_a')
        self.browser.open_menu('crm.menu_crm_opportunities')
        self.browser.wait_for('.o_kanban_view .o_kanban_record')
        self.assert_only_alpha(self.page_text(), 'kanban')
        self.save_evidence('kanban')
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_cp_switch_list').click()
        self.browser.wait_for('.o_list_view')
        self.assert_only_alpha(self.page_text(), 'list')
        if self.env.ref('crm_funnel_stages.crm_funnel_view_menu',
                        raise_if_not_found=False):
            self.browser.open_menu('crm_funnel_stages.crm_funnel_view_menu')
            self.browser.wait_for('.o_funnel_view .o_funnel_chart')
            text = self.page_text()
            self.assertNotIn('BR bravo', text)
            self.save_evidence('funnel')
            figures = self.driver.execute_script(
                "var el = document.querySelector('.o_funnel_view "
                ".o_funnel_open_count .o_funnel_figure_value');"
                "return el ? el.textContent.trim() : null;")
            self.assertEqual(figures, '2', text)

    def test_manager_forecast_and_territory_form(self):
        """The region manager's forecast pivot opens on this month and the
        next two, by month, rolls both territories up into the region and shows the
        weighted pipeline, what was won and the attainment; a Sales
        Manager opens the territory form."""
        leads = self.env['crm.lead'].search([('name', 'like', 'BR %')])
        weighted = sum(lead.planned_revenue * lead.probability / 100.0
                       for lead in leads)
        self.assertTrue(weighted)
        self.browser.login('br_manager', 'br_manager')
        self.browser.open_menu(
            'crm_territory_security.crm_territory_forecast_territory_menu')
        self.browser.wait_for('.o_pivot table')
        text = self.page_text()
        self.save_evidence('forecast')
        self.assertIn('BR Region', text)
        for measure in ('Weighted Pipeline', 'Won', 'Attainment (%)'):
            self.assertIn(measure, text)
        self.assertNotIn('Open Pipeline', text)
        self.assertNotIn('Undefined', text)
        self.assertIn('{:,.2f}'.format(weighted), text)
        self.assertNotIn('{:,.2f}'.format(2 * weighted), text,
                         'each lead counted once')
        with self.browser_turn():
            facets = self.driver.find_element(
                By.CSS_SELECTOR, '.o_searchview').text
        self.assertIn('Next 3 Months', facets)
        self.assertIn('In a Territory', facets)
        self.browser.open('/web/session/logout')
        self.browser.login('admin', 'admin')
        self.browser.open_menu('crm_territory_security.crm_territory_menu')
        self.browser.wait_for('.o_list_view')
        with self.browser_turn():
            rows = self.driver.find_elements(
                By.CSS_SELECTOR, '.o_list_view tbody tr.o_data_row')
            row = [r for r in rows if 'BR Region / BR Territory A' in r.text]
            self.assertTrue(row, 'territory A is listed')
            row[0].click()
        self.browser.wait_for('.o_form_view')
        text = self.page_text()
        self.save_evidence('territory-form')
        self.assertIn('Matching Rules', text)
        self.assertIn('Browser Salesman A', text)


@pytest.mark.browser
class TestForecastInBrowser(TerritoryBrowserCase):
    """A Sales Manager's forecast by salesperson: their success rates; a
    salesperson with nothing to forecast reads what the report shows
    instead of an empty table."""

    def setUp(self):
        super(TestForecastInBrowser, self).setUp()
        env = self.env
        Users = env['res.users'].with_context(no_reset_password=True)
        self.newcomer = Users.create({
            'name': 'Forecast Newcomer', 'login': 'br_newcomer',
            'password': 'br_newcomer',
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref(
                'crm_territory_security.group_territory_salesman').id])]})
        self.seller = Users.create({
            'name': 'Forecast Seller', 'login': 'br_seller',
            'password': 'br_seller', 'email': 'br_seller@example.com',
            'groups_id': [(6, 0, [env.ref('base.group_user').id, env.ref(
                'sales_team.group_sale_salesman').id])]})
        Lead = env['crm.lead'].with_context(mail_create_nolog=True)
        for number, outcome in enumerate(['won', 'won', 'won', 'lost']):
            lead = Lead.create({
                'name': 'BRF deal %d' % number, 'type': 'opportunity',
                'user_id': self.seller.id, 'planned_revenue': 500.0})
            if outcome == 'won':
                lead.action_set_won()
            else:
                lead.action_set_lost()

    def test_success_rate_of_each_salesperson(self):
        self.browser.login('admin', 'admin')
        self.browser.open_menu(
            'crm_territory_security.crm_territory_forecast_menu')
        self.browser.wait_for('.o_pivot table')
        text = self.page_text()
        self.save_evidence('forecast-salesperson')
        self.assertIn('Success Rate (%)', text)
        with self.browser_turn():
            row = [row.text for row in self.driver.find_elements(
                By.CSS_SELECTOR, '.o_pivot table tbody tr')
                if 'Forecast Seller' in row.text]
        self.assertTrue(row, text)
        # 3 won of 4 closed: 75 %, and 1,500.00 won
        self.assertIn('75.00', row[0])
        self.assertIn('1,500.00', row[0])

    def test_empty_forecast_says_what_it_shows(self):
        self.browser.login('br_newcomer', 'br_newcomer')
        self.browser.open_menu(
            'crm_territory_security.crm_territory_forecast_territory_menu')
        self.browser.wait_for('.o_crm_territory_forecast_help')
        text = self.page_text()
        self.save_evidence('forecast-empty')
        self.assertIn('No opportunity, closed deal or quota of a territory '
                      'in this period.', text)
        self.assertIn('weighted pipeline', text)
        self.assertNotIn('No data to display', text)
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_cp_switch_graph').click()
        self.browser.wait_for('.o_graph .o_crm_territory_forecast_help')
        self.save_evidence('forecast-empty-graph')


@pytest.mark.browser
class TestRecomputeInBrowser(TerritoryBrowserCase):
    """A Sales Manager recomputes the territories: the wizard queues the
    chunks and shows how many are done."""

    def test_recompute_shows_its_progress(self):
        self.env['ir.config_parameter'].set_param(
            'crm_territory_security.recompute_chunk_size', '50')
        self.browser.login('admin', 'admin')
        self.browser.open_menu(
            'crm_territory_security.crm_territory_recompute_menu')
        button = self.browser.wait_for(
            '.modal button[name="action_recompute"]')
        with self.browser_turn():
            button.click()
        self.browser.wait_for('.modal button[name="action_refresh"]')
        text = self.modal_text()
        self.save_evidence('recompute-queued')
        wizard = self.env['crm.territory.recompute'].search(
            [], order='id desc', limit=1)
        self.assertEqual(wizard.state, 'running')
        self.assertIn('0 of %d' % wizard.job_count, text)
        jobs = wizard.sudo().job_ids.sorted('id')
        for record in jobs[:2]:
            job = Job.load(self.env, record.uuid)
            job.perform()
            job.set_done()
            job.store()
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR,
                '.modal button[name="action_refresh"]').click()
        self.browser.wait_idle()
        text = self.modal_text()
        self.save_evidence('recompute-progress')
        self.assertIn('2 of %d' % wizard.job_count, text)

    def modal_text(self):
        self.browser.wait_idle()
        with self.browser_turn():
            return self.driver.find_element(
                By.CSS_SELECTOR, '.modal .modal-body').text.replace(
                    '\n', ' ')


@pytest.mark.browser
class TestTerritoryChatterInBrowser(ChromiumCase):
    """Salesperson A's lead form: its chatter, followers (the web client's
    /mail/read_followers) and a note posted from it work under the rules on
    messages and followers; nothing of B's lead shows in A's Inbox."""

    def setUp(self):
        super(TestTerritoryChatterInBrowser, self).setUp()
        env = self.env
        group = env.ref('crm_territory_security.group_territory_salesman')
        self.user_a = env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Chatter Salesman A', 'login': 'br_chatter_a',
                'password': 'br_chatter_a', 'notification_type': 'inbox',
                'email': 'br_chatter_a@example.com',
                'groups_id': [(6, 0, [env.ref('base.group_user').id,
                                      group.id])]})
        Territory = env['crm.territory']
        Territory.create({'name': 'BRC Territory A',
                          'city_names': 'Chatter City A',
                          'user_ids': [(6, 0, self.user_a.ids)]})
        Territory.create({'name': 'BRC Territory B',
                          'city_names': 'Chatter City B'})
        customer = env['res.partner'].create({'name': 'BRC Customer'})
        Lead = env['crm.lead']
        self.lead_a = Lead.create({
            'name': 'BRC alpha', 'type': 'opportunity',
            'city': 'Chatter City A', 'user_id': self.user_a.id})
        lead_b = Lead.create({'name': 'BRC bravo', 'type': 'opportunity',
                              'city': 'Chatter City B'})
        for lead in (self.lead_a, lead_b):
            lead.message_subscribe(partner_ids=customer.ids)
        self.lead_a.message_post(body='BRC alpha question',
                                 message_type='comment',
                                 subtype='mail.mt_comment')
        lead_b.message_post(body='BRC bravo secret', message_type='comment',
                            subtype='mail.mt_comment',
                            partner_ids=self.user_a.partner_id.ids)

    def test_lead_chatter_followers_and_inbox(self):
        self.browser.login('br_chatter_a', 'br_chatter_a')
        self.browser.open('/web#id=%d&model=crm.lead&view_type=form'
                          % self.lead_a.id)
        self.browser.wait_for('.o_chatter .o_thread_message')
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_followers_title_box').click()
        self.browser.wait_for('.o_followers_list .o_partner')
        with self.browser_turn():
            followers = self.driver.find_element(
                By.CSS_SELECTOR, '.o_followers_list').text
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_chatter_button_log_note').click()
        self.assertIn('BRC Customer', followers)
        self.assertIn('Chatter Salesman A', followers)
        composer = self.browser.wait_for('.o_composer_input textarea')
        with self.browser_turn():
            composer.send_keys('BRC alpha note from A')
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_composer_button_send').click()
        self.browser.wait_for('.o_thread_message', count=2)
        with self.browser_turn():
            chatter = self.driver.find_element(
                By.CSS_SELECTOR, '.o_chatter').text
        self.save_evidence('lead-chatter')
        self.assertIn('BRC alpha question', chatter)
        self.assertIn('BRC alpha note from A', chatter)
        self.assertTrue(self.env['mail.message'].search([
            ('model', '=', 'crm.lead'), ('res_id', '=', self.lead_a.id),
            ('author_id', '=', self.user_a.partner_id.id)]))
        self.browser.open_menu('mail.mail_channel_menu_root_chat')
        self.browser.wait_for('.o_mail_chat')
        self.browser.wait_idle()
        with self.browser_turn():
            inbox = self.driver.find_element(By.CSS_SELECTOR,
                                             '.o_mail_chat').text
            counter = self.driver.find_element(
                By.CSS_SELECTOR, '[data-channel-id="channel_inbox"] '
                '.o_mail_sidebar_needaction').text
        self.save_evidence('inbox')
        self.assertIn('BRC alpha question', inbox)
        self.assertNotIn('BRC bravo', inbox)
        self.assertEqual(counter, '1', 'the Inbox counts what it lists')
