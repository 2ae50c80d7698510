# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The sales funnel client action in a real browser, as a salesperson sees it.

Headless Chromium (testing/browser_harness) on the in-process test server, in
the test's transaction: the opportunities created here are never committed.
"""
from datetime import date, timedelta

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from .harness import ChromiumCase

# the figures above the chart, as the page shows them (non-breaking spaces
# of the currency and percent formats read as plain spaces)
READ_FIGURES_JS = r"""
function text(css) {
    var el = document.querySelector(
        '.o_funnel_view ' + css + ' .o_funnel_figure_value');
    return el ? el.textContent.replace(/\u00a0/g, ' ').trim() : null;
}
return {open_count: text('.o_funnel_open_count'),
        expected_revenue: text('.o_funnel_expected_revenue'),
        success_rate: text('.o_funnel_success_rate')};
"""

# the stage table under the chart: stage ids and counts of the open
# stages, in the order shown
READ_STAGES_JS = r"""
var rows = document.querySelectorAll(
    '.o_funnel_view .o_funnel_stages tbody:not(.o_funnel_outcome_rows) tr');
return Array.prototype.map.call(rows, function (row) {
    return {id: parseInt(row.getAttribute('data-stage-id'), 10),
            name: row.querySelector('.o_funnel_stage_link').textContent.trim(),
            count: row.querySelector('.o_funnel_stage_count').textContent.trim()};
});
"""

# the per-salesperson breakdown: name and open count of each row
READ_USERS_JS = r"""
var rows = document.querySelectorAll('.o_funnel_view .o_funnel_users tbody tr');
return Array.prototype.map.call(rows, function (row) {
    var cells = row.querySelectorAll('td');
    return [cells[0].textContent.trim(), cells[cells.length - 3].textContent.trim()];
});
"""

# the won and the lost counts, in the table and beside the chart
READ_OUTCOMES_JS = r"""
function text(css) {
    var el = document.querySelector('.o_funnel_view ' + css);
    return el ? el.textContent.replace(/\u00a0/g, ' ').trim() : null;
}
return {won: text('.o_funnel_won_row .o_funnel_outcome_count'),
        lost: text('.o_funnel_lost_row .o_funnel_outcome_count'),
        won_box: text('.o_funnel_outcomes .o_funnel_won .o_funnel_outcome_value'),
        lost_box: text('.o_funnel_outcomes .o_funnel_lost .o_funnel_outcome_value')};
"""

# the facets of the search bar, as the user reads them
READ_FACETS_JS = r"""
return Array.prototype.map.call(
    document.querySelectorAll('.o_searchview .o_searchview_facet'),
    function (facet) { return facet.textContent.replace(/\s+/g, ' ').trim(); });
"""

# a date filter set as the date picker does, then its change event
SET_DATE_JS = r"""
var input = document.querySelector(
    '.o_funnel_filters input[name="' + arguments[0] + '"]');
input.value = arguments[1];
input.dispatchEvent(new Event('change', {bubbles: true}));
"""


def money(user, amount):
    """An amount as the page shows it in the currency of the user's
    company: the symbol on the side that currency puts it."""
    currency = user.company_id.currency_id
    parts = [currency.symbol, '{:,.2f}'.format(amount)]
    if currency.position == 'after':
        parts.reverse()
    return ' '.join(parts)


READ_LIST_JS = r"""
var rows = document.querySelectorAll('.o_list_view tbody tr.o_data_row');
return Array.prototype.map.call(rows, function (row) {
    return row.textContent.replace(/\s+/g, ' ').trim();
});
"""


@pytest.mark.browser
class TestFunnelViewInBrowser(ChromiumCase):

    def setUp(self):
        super(TestFunnelViewInBrowser, self).setUp()
        self.salesperson = self.env['res.users'].create({
            'name': 'Funnel Salesperson',
            'login': 'funnel_salesperson',
            'password': 'funnel_salesperson',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_salesman').id])],
        })
        # a team and stages of its own: the funnel shows exactly these;
        # the stages set the probability (weighted revenue) automatically
        self.team = self.env['crm.team'].create({
            'name': 'Funnel Test Team',
            'member_ids': [(4, self.salesperson.id)],
        })
        Stage = self.env['crm.stage']
        self.qualified = Stage.create({
            'name': 'Funnel Qualified', 'sequence': 1, 'probability': 20,
            'on_change': True, 'team_id': self.team.id})
        self.proposal = Stage.create({
            'name': 'Funnel Proposal', 'sequence': 2, 'probability': 60,
            'on_change': True, 'team_id': self.team.id})
        self.won = Stage.create({
            'name': 'Funnel Won', 'sequence': 3, 'probability': 100,
            'on_change': True, 'team_id': self.team.id})

        def opportunity(name, stage, revenue, user=self.salesperson):
            return self.env['crm.lead'].create({
                'name': name, 'type': 'opportunity', 'stage_id': stage.id,
                'planned_revenue': revenue, 'user_id': user.id,
                'team_id': self.team.id})

        self.leads = (
            opportunity('Funnel Q one', self.qualified, 1000.0)
            | opportunity('Funnel Q two', self.qualified, 2500.5)
            | opportunity('Funnel P one', self.proposal, 4000.0)
            | opportunity('Funnel W one', self.won, 3000.0)
            | opportunity('Funnel W two', self.won, 1200.0)
            | opportunity('Funnel L one', self.qualified, 800.0)
        )
        # lost the way a salesperson loses it: archived, probability 0
        self.leads.filtered(lambda lead: lead.name == 'Funnel L one') \
            .action_set_lost()
        # a colleague's opportunity in the same team and stage: not theirs
        colleague = self.env['res.users'].create({
            'name': 'Funnel Colleague',
            'login': 'funnel_colleague',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_salesman').id])],
        })
        self.team.member_ids |= colleague
        self.colleague_lead = opportunity(
            'Funnel Q colleague', self.qualified, 9999.0, user=colleague)
        # created a month ago: outside a period of the last week
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = now() - interval '30 days' "
            "WHERE id = %s", (self.colleague_lead.id,))

    def expected_figures(self):
        """The funnel's figures computed by hand from the opportunities."""
        leads = self.leads.with_context(active_test=False)
        won = leads.filtered(
            lambda lead: lead.active and lead.stage_id == self.won)
        lost = leads.filtered(lambda lead: not lead.active)
        opened = leads - won - lost
        self.assertEqual((len(opened), len(won), len(lost)), (3, 2, 1))
        revenue = sum(opened.mapped('planned_revenue'))
        return {
            'open_count': str(len(opened)),
            'expected_revenue': money(self.salesperson, revenue),
            'success_rate': '%.2f %%' % (100.0 * len(won) / (len(won) + len(lost))),
        }

    def open_funnel(self):
        self.browser.login('funnel_salesperson', 'funnel_salesperson')
        self.browser.open_menu('crm_funnel_stages.crm_funnel_view_menu')
        self.browser.wait_for('.o_funnel_view .o_funnel_chart svg .nv-bar')
        self.browser.wait_idle()

    def back_to_funnel(self):
        """Back from a list to the funnel by the breadcrumb."""
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR,
                '.o_control_panel .breadcrumb li:first-child a').click()
        self.browser.wait_for('.o_funnel_view .o_funnel_chart svg .nv-bar')
        self.browser.wait_idle()

    def read_list(self):
        self.browser.wait_for('.o_list_view')
        self.browser.wait_idle()
        return sorted(self.driver.execute_script(READ_LIST_JS))

    def assert_list_of(self, stage, shown):
        # the list shows active opportunities: not the lost one
        expected = self.leads.filtered(
            lambda lead: lead.active and lead.stage_id == stage)
        self.assertEqual(len(shown), len(expected), shown)
        for lead in expected:
            self.assertEqual(
                len([row for row in shown if lead.name in row]), 1,
                '%s is listed once in %s' % (lead.name, shown))

    def read_facets(self):
        self.browser.wait_idle()
        return self.driver.execute_script(READ_FACETS_JS)

    def remove_facet(self, text):
        """Remove the facet of the search bar reading ``text``, as the user
        does with its cross."""
        with self.browser_turn():
            facets = self.driver.find_elements(
                By.CSS_SELECTOR, '.o_searchview .o_searchview_facet')
            facet = [facet for facet in facets
                     if ' '.join(facet.text.split()) == text]
            self.assertEqual(len(facet), 1, [f.text for f in facets])
            facet[0].find_element(By.CSS_SELECTOR, '.o_facet_remove').click()
        self.browser.wait_idle()

    def test_figures_and_stage_click(self):
        expected = self.expected_figures()
        self.open_funnel()
        self.save_evidence('funnel')

        self.assertEqual(self.driver.execute_script(READ_FIGURES_JS), expected)
        # the open stages of the team, in stage order, with the counts of the
        # salesperson's opportunities; the won and the lost ones apart
        self.assertEqual(
            [(row['name'], row['count'])
             for row in self.driver.execute_script(READ_STAGES_JS)],
            [('Funnel Qualified', '2'), ('Funnel Proposal', '1')])
        self.assertEqual(self.driver.execute_script(READ_OUTCOMES_JS), {
            'won': '2', 'lost': '1', 'won_box': '2', 'lost_box': '1'})

        # a bar of the chart: the first series' bars are the open stages
        with self.browser_turn():
            bars = self.driver.find_elements(
                By.CSS_SELECTOR, '.o_funnel_chart .nv-group:first-child rect.nv-bar')
            self.assertEqual(len(bars), 2)
            bars[0].click()
        shown = self.read_list()
        self.save_evidence('qualified-list')
        self.assert_list_of(self.qualified, shown)
        self.assertTrue(all('Funnel Qualified' in row for row in shown))
        # the funnel's filters are in the search bar, where the user sees
        # them and may remove them
        self.assertEqual(sorted(self.read_facets()), [
            'Sales Channel Funnel Test Team',
            'Salesperson Funnel Salesperson',
            'Stage Funnel Qualified'])
        self.remove_facet('Stage Funnel Qualified')
        shown = self.read_list()
        self.assertEqual(len(shown), 5, shown)

        # back to the funnel by the breadcrumb, then Won in the table under
        # the chart
        self.back_to_funnel()
        self.browser.wait_idle()
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_funnel_stages .o_funnel_won_row '
                'a.o_funnel_outcome_link').click()
        shown = self.read_list()
        self.save_evidence('won-list')
        self.assert_list_of(self.won, shown)
        self.assertIn('Won', self.read_facets())

        # Lost, beside the chart: the archived one
        self.back_to_funnel()
        self.browser.wait_idle()
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_funnel_outcomes .o_funnel_lost').click()
        shown = self.read_list()
        self.save_evidence('lost-list')
        self.assertEqual(len(shown), 1, shown)
        self.assertIn('Funnel L one', shown[0])
        self.assertIn('Lost', self.read_facets())
        # one "Lost" among the filters, the funnel's, ticked
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_searchview_more').click()
            self.driver.find_element(
                By.CSS_SELECTOR,
                '.o_search_options .o_dropdown_toggler_btn').click()
            lost = [item for item in self.driver.find_elements(
                By.CSS_SELECTOR, '.o_search_options .o_filters_menu li')
                if item.text.strip() == 'Lost']
            self.assertEqual(len(lost), 1)
            self.assertIn('selected', lost[0].get_attribute('class'))
        self.browser.wait_idle()

        # and a stage's label under its bars
        self.back_to_funnel()
        self.browser.wait_idle()
        with self.browser_turn():
            labels = self.driver.find_elements(
                By.CSS_SELECTOR, '.o_funnel_chart .nv-x .tick text')
            self.assertEqual(
                [' '.join(label.text.split()) for label in labels],
                ['Funnel Qualified (2)', 'Funnel Proposal (1)'])
            labels[1].click()
        shown = self.read_list()
        self.assert_list_of(self.proposal, shown)

    def test_manager_breakdown(self):
        """A sales manager picks the whole team and sees each salesperson."""
        manager = self.env['res.users'].create({
            'name': 'Funnel Manager',
            'login': 'funnel_manager',
            'password': 'funnel_manager',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_manager').id])],
        })
        self.browser.login(manager.login, 'funnel_manager')
        self.browser.open_menu('crm_funnel_stages.crm_funnel_view_menu')
        self.browser.wait_for('.o_funnel_view .o_funnel_figures')
        self.browser.wait_idle()
        with self.browser_turn():
            Select(self.driver.find_element(
                By.CSS_SELECTOR, 'select[name="team_id"]')).select_by_value(
                    str(self.team.id))
        self.browser.wait_idle()
        with self.browser_turn():
            Select(self.driver.find_element(
                By.CSS_SELECTOR, 'select[name="user_id"]')).select_by_value('')
        self.browser.wait_for('.o_funnel_view .o_funnel_users')
        self.browser.wait_idle()
        self.save_evidence('team')

        figures = self.driver.execute_script(READ_FIGURES_JS)
        self.assertEqual(figures['open_count'], '4')
        self.assertEqual(figures['expected_revenue'],
                         money(manager, 17499.50))
        self.assertEqual(figures['success_rate'], '66.67 %')
        self.assertEqual(
            self.driver.execute_script(READ_USERS_JS),
            [['Funnel Colleague', '1'],
             ['Funnel Salesperson', '3']])

        # a salesperson's count of a stage opens just their opportunities
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_funnel_users a.o_funnel_stage_link'
                '[data-stage-id="%d"][data-user-id="%d"]' % (
                    self.qualified.id, self.colleague_lead.user_id.id)).click()
        shown = self.read_list()
        self.save_evidence('colleague-list')
        self.assertEqual(len(shown), 1, shown)
        self.assertIn('Funnel Q colleague', shown[0])

        # a period of the last week leaves the colleague's opportunity out,
        # of the figures and of the list a stage opens
        self.back_to_funnel()
        with self.browser_turn():
            self.driver.execute_script(
                SET_DATE_JS, 'date_from',
                (date.today() - timedelta(days=7)).isoformat())
        self.browser.wait_idle()
        self.save_evidence('last-week')
        figures = self.driver.execute_script(READ_FIGURES_JS)
        self.assertEqual(figures['open_count'], '3')
        self.assertEqual(
            [name for name, count in self.driver.execute_script(READ_USERS_JS)],
            ['Funnel Salesperson'])
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_funnel_stages a.o_funnel_stage_link'
                '[data-stage-id="%d"]' % self.qualified.id).click()
        shown = self.read_list()
        self.assert_list_of(self.qualified, shown)

    def test_sage_demo_figures(self):
        """The Sage manual's example, from the demo data, shown exactly: the
        demo salesperson's funnel opens on it, as a funnel."""
        self.browser.login('demo', 'demo')
        self.browser.open_menu('crm_funnel_stages.crm_funnel_view_menu')
        self.browser.wait_for('.o_funnel_view .o_funnel_shape .o_funnel_band')
        self.browser.wait_idle()
        self.save_evidence('sage-demo')
        self.assertEqual(self.driver.execute_script(READ_FIGURES_JS), {
            'open_count': '9',
            'expected_revenue': money(self.env.ref('base.user_demo'),
                                      414144.00),
            'success_rate': '18.33 %',
        })
        self.assertEqual(
            [row['name'] for row in self.driver.execute_script(READ_STAGES_JS)],
            ['Qualified', 'Proposal Submitted', 'Negotiating'])
        # 11 won, 49 lost: 11 / 60 = 18.33 %
        self.assertEqual(self.driver.execute_script(READ_OUTCOMES_JS), {
            'won': '11', 'lost': '49', 'won_box': '11', 'lost_box': '49'})
