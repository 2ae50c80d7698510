# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""What a salesperson and a sales manager see first, a team's own stages,
the funnel's labels at desktop and phone widths, and the stage reports, in a
real browser (issue 12, section 3).

Headless Chromium (testing/browser_harness) on the in-process test server, in
the test's transaction: nothing done here is committed.
"""
import itertools
import re

import pytest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from .harness import ChromiumCase

from .test_funnel_view_browser import READ_FACETS_JS, READ_FIGURES_JS, \
    READ_STAGES_JS, READ_USERS_JS, money

# the filters the funnel opened on
READ_FILTERS_JS = r"""
function value(name) {
    return document.querySelector(
        '.o_funnel_filters select[name="' + name + '"]').value;
}
var active = document.querySelector('.o_funnel_chart_switch button.active');
return {user_id: value('user_id'), team_id: value('team_id'),
        chart: active && active.getAttribute('data-chart')};
"""

# the kanban's columns: title and number of cards
READ_PIPELINE_JS = r"""
return Array.prototype.map.call(
    document.querySelectorAll('.o_kanban_view .o_kanban_group'),
    function (group) {
        return [group.querySelector('.o_column_title').textContent.trim(),
                group.querySelectorAll('.o_kanban_record:not(.o_kanban_ghost)').length];
    });
"""

# the boxes of the elements matching arguments[0] (text and rectangle), and
# of the element arguments[1] they must stay in
READ_BOXES_JS = r"""
function box(el) {
    var r = el.getBoundingClientRect();
    // a label cut or wrapped has its whole text as its tooltip
    var title = el.querySelector('title');
    return {text: (title || el).textContent.replace(/\s+/g, ' ').trim(),
            left: r.left, top: r.top, right: r.right, bottom: r.bottom};
}
var within = document.querySelector(arguments[1]);
return {boxes: Array.prototype.map.call(document.querySelectorAll(arguments[0]), box),
        within: within && box(within)};
"""

# the rows of a pivot table: header and cells, as read
READ_PIVOT_JS = r"""
function text(el) { return el.textContent.replace(/\s+/g, ' ').trim(); }
var table = document.querySelector('.o_pivot table');
if (!table) { return null; }
return {
    measures: Array.prototype.map.call(
        table.querySelectorAll('thead .o_pivot_measure_row'), text),
    rows: Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (row) {
        return Array.prototype.map.call(row.querySelectorAll('td'), text);
    }),
};
"""

SCROLL_TO_CHART_JS = "document.querySelector('.o_funnel_main').scrollIntoView();"

PHONE = {'width': 390, 'height': 844, 'deviceScaleFactor': 1, 'mobile': True}


class FunnelBrowserCase(ChromiumCase):

    def user(self, login, *groups, **values):
        values.update({
            'name': login.replace('_', ' ').title().replace('Ux ', 'UX '),
            'login': login, 'password': login,
            'email': '%s@example.com' % login,
            'groups_id': [(6, 0, [self.env.ref(group).id
                                  for group in groups])]})
        return self.env['res.users'].with_context(
            no_reset_password=True).create(values)

    def lato_team(self, name, login):
        """A team led by a new Sales Manager (``login``), the LatoERP funnel
        loaded for it; returns the manager."""
        manager = self.user(login, 'base.group_user',
                            'sales_team.group_sale_manager')
        self.team = self.env['crm.team'].create({
            'name': name, 'user_id': manager.id})
        self.env['crm.funnel.template.load'].create({
            'template_id': self.env.ref(
                'crm_funnel_stages.crm_funnel_template_lato').id,
            'team_id': self.team.id}).action_load()
        return manager

    def run_js(self, script, *args):
        self.browser.wait_idle()
        with self.browser_turn():
            return self.driver.execute_script(script, *args)

    def click(self, css):
        with self.browser_turn():
            self.driver.find_element(By.CSS_SELECTOR, css).click()
        self.browser.wait_idle()

    def click_middle(self, css):
        """A mouse click in the middle of an element (Odoo's checkboxes
        cover their input with their look)."""
        with self.browser_turn():
            ActionChains(self.driver).move_to_element(
                self.driver.find_element(By.CSS_SELECTOR, css)).click().perform()
        self.browser.wait_idle()

    def open_pipeline(self, login):
        """Log in as ``login`` and open the Pipeline menu: the facets of
        its search bar and the number of its cards."""
        self.browser.login(login, login)
        self.browser.open_menu('crm.menu_crm_opportunities')
        self.browser.wait_for('.o_kanban_view .o_kanban_record')
        self.save_evidence('pipeline')
        return self.run_js(READ_FACETS_JS), sum(
            count for _title, count in self.run_js(READ_PIPELINE_JS))

    def open_funnel(self, wait='.o_funnel_view .o_funnel_figures'):
        self.browser.open_menu('crm_funnel_stages.crm_funnel_view_menu')
        self.browser.wait_for(wait)
        self.browser.wait_idle()

    def choose(self, name, value):
        """Pick a value of one of the funnel's filters."""
        self.run_js(
            "var select = document.querySelector("
            "    '.o_funnel_filters select[name=\"' + arguments[0] + '\"]');"
            "select.value = arguments[1];"
            "select.dispatchEvent(new Event('change', {bubbles: true}));",
            name, str(value))
        self.browser.wait_idle()

    def assert_apart(self, selector, within, what):
        """The elements of ``selector`` do not overlap one another and stay
        within the element ``within`` (left to right)."""
        found = self.run_js(READ_BOXES_JS, selector, within)
        boxes = found['boxes']
        self.assertTrue(boxes, 'no %s' % what)
        for one, other in itertools.combinations(boxes, 2):
            apart = (one['right'] <= other['left'] + 0.5
                     or other['right'] <= one['left'] + 0.5
                     or one['bottom'] <= other['top'] + 0.5
                     or other['bottom'] <= one['top'] + 0.5)
            self.assertTrue(apart, '%s overlap: %r and %r' % (
                what, one, other))
        for one in boxes:
            self.assertGreaterEqual(one['left'], found['within']['left'] - 0.5,
                                    '%s %r' % (what, one))
            self.assertLessEqual(one['right'], found['within']['right'] + 0.5,
                                 '%s %r' % (what, one))
        return [one['text'] for one in boxes]


@pytest.mark.browser
class TestFirstScreens(FunnelBrowserCase):
    """The pipeline and the funnel a salesperson and a manager open."""
    def setUp(self):
        super(TestFirstScreens, self).setUp()
        salesman = 'sales_team.group_sale_salesman'
        self.salesperson = self.user('ux_salesperson', 'base.group_user',
                                     salesman)
        self.second = self.user('ux_second', 'base.group_user', salesman)
        self.manager = self.user('ux_manager', 'base.group_user',
                                 'sales_team.group_sale_manager')
        Team = self.env['crm.team']
        # the manager leads the team; their default team is another one
        self.team = Team.create({
            'name': 'UX Team', 'user_id': self.manager.id,
            'member_ids': [(6, 0, (self.salesperson | self.second).ids)]})
        Team.create({'name': 'UX Other team',
                     'member_ids': [(6, 0, self.manager.ids)]})
        Lead = self.env['crm.lead']

        def opportunity(name, stage, revenue, user):
            return Lead.create({
                'name': name, 'type': 'opportunity', 'planned_revenue': revenue,
                'stage_id': self.env.ref(stage).id, 'user_id': user.id,
                'team_id': self.team.id})
        nobody = self.env['res.users']
        opportunity('UX A', 'crm.stage_lead1', 1000, self.salesperson)
        opportunity('UX B', 'crm.stage_lead2', 2000, self.salesperson)
        opportunity('UX C won', 'crm.stage_lead4', 4000, self.salesperson)
        opportunity('UX D', 'crm.stage_lead1', 3000, self.second)
        opportunity('UX E', 'crm.stage_lead3', 500, nobody)
        opportunity('UX F lost', 'crm.stage_lead2', 1500,
                    self.salesperson).action_set_lost()

    def test_salesperson(self):
        # "My Pipeline", as crm has it for a salesperson: A, B and C won
        self.assertEqual(self.open_pipeline('ux_salesperson'),
                         (['My Pipeline'], 3))

        self.open_funnel()
        self.save_evidence('funnel')
        self.assertEqual(self.run_js(READ_FILTERS_JS), {
            'user_id': str(self.salesperson.id),
            'team_id': str(self.team.id), 'chart': 'bars'})
        # A and B open (3,000); C won, F lost: 50 %
        self.assertEqual(self.run_js(READ_FIGURES_JS), {
            'open_count': '2',
            'expected_revenue': money(self.salesperson, 3000),
            'success_rate': '50.00 %'})
        # their own figures: no breakdown of one salesperson
        self.assertFalse(self.driver.find_elements(
            By.CSS_SELECTOR, '.o_funnel_users'))

    def test_manager(self):
        # the team, a filter of the search bar: every card of the team
        self.assertEqual(self.open_pipeline('ux_manager'),
                         (['Sales Channel UX Team'], 5))

        self.open_funnel()
        self.save_evidence('funnel')
        self.assertEqual(self.run_js(READ_FILTERS_JS), {
            'user_id': '', 'team_id': str(self.team.id), 'chart': 'bars'})
        # A, B, D and E open: 1,000 + 2,000 + 3,000 + 500; 1 won, 1 lost
        self.assertEqual(self.run_js(READ_FIGURES_JS), {
            'open_count': '4',
            'expected_revenue': money(self.manager, 6500),
            'success_rate': '50.00 %'})
        self.assertEqual(self.run_js(READ_USERS_JS), [
            ['UX Salesperson', '2'], ['UX Second', '1'], ['Unassigned', '1']])


@pytest.mark.browser
class TestTeamStagesInBrowser(FunnelBrowserCase):
    """A team that loaded the LatoERP funnel works with its stages only,
    until it asks for the shared ones too."""

    def setUp(self):
        super(TestTeamStagesInBrowser, self).setUp()
        self.manager = self.lato_team('UX Lato team', 'ux_lato_manager')
        self.stages = self.env['crm.stage'].search(
            [('team_id', '=', self.team.id)])
        self.env['crm.lead'].create({
            'name': 'UX Lato lead', 'type': 'opportunity',
            'team_id': self.team.id, 'user_id': self.manager.id,
            'stage_id': self.stages[0].id})

    def test_pipeline_and_funnel(self):
        self.browser.login('ux_lato_manager', 'ux_lato_manager')
        self.browser.open_menu('crm.menu_crm_opportunities')
        self.browser.wait_for('.o_kanban_view .o_kanban_record')
        self.save_evidence('pipeline')
        columns = [title for title, _count in self.run_js(READ_PIPELINE_JS)]
        # its seven stages: no shared New, Qualified, Proposition, Won; the
        # folded Lost reads with its count
        self.assertEqual(columns, [
            'Initial', 'Preliminary validation', 'Validated', 'Proposal',
            'Negotiation', 'Won', 'Lost (0)'])

        self.open_funnel()
        self.save_evidence('funnel')
        self.assertEqual(
            [row['name'] for row in self.run_js(READ_STAGES_JS)],
            ['Initial', 'Preliminary validation', 'Validated', 'Proposal',
             'Negotiation'])

        # the team asks for the shared stages too, on its form
        self.browser.open('/web#id=%d&model=crm.team&view_type=form'
                          % self.team.id)
        self.browser.wait_for('.o_form_view')
        self.click('.o_form_button_edit')
        self.click_middle('.o_field_widget[name="show_shared_stages"]')
        self.click('.o_form_button_save')
        self.assertTrue(self.team.show_shared_stages)
        self.browser.open_menu('crm.menu_crm_opportunities')
        self.browser.wait_for('.o_kanban_view .o_kanban_record')
        self.save_evidence('pipeline-shared')
        columns = [title for title, _count in self.run_js(READ_PIPELINE_JS)]
        for shared in ('New', 'Qualified', 'Proposition'):
            self.assertIn(shared, columns)
        # both Won stages, the team's and the shared one
        self.assertEqual(columns.count('Won'), 2)


@pytest.mark.browser
class TestLabelsNeverCollide(FunnelBrowserCase):
    """The stage labels of both charts, with long stage names and stages of
    the same name, at desktop width and on a 390 x 844 phone."""

    def setUp(self):
        super(TestLabelsNeverCollide, self).setUp()
        self.manager = self.lato_team('UX Labels team', 'ux_labels_manager')
        # a stage name longer than any bar
        Stage = self.env['crm.stage']
        Stage.search([('team_id', '=', self.team.id),
                      ('name', '=', 'Validated')]).name = (
            'Validated by the customer\'s procurement and engineering '
            'departments')
        # an opportunity in each open stage, every required field set
        for stage in Stage.search([('team_id', '=', self.team.id),
                                   ('probability', '<', 100),
                                   ('probability', '>', 0)]):
            self.env['crm.lead'].create({
                'name': 'UX Labels %s' % stage.name, 'type': 'opportunity',
                'team_id': self.team.id, 'stage_id': stage.id,
                'user_id': self.manager.id, 'planned_revenue': 12000,
                'date_deadline': '2030-06-30'})
        # a team of the same stage names: labels carry their team
        twin = self.env['crm.team'].create({'name': 'UX Twin team'})
        self.env['crm.lead'].create({
            'name': 'UX Twin lead', 'type': 'opportunity',
            'team_id': twin.id, 'user_id': self.manager.id,
            'planned_revenue': 5000, 'stage_id': Stage.create({
                'name': 'Initial', 'team_id': twin.id, 'sequence': 1}).id})

    def check_charts(self, label):
        """Both charts of the funnel shown: labels apart, in their chart."""
        self.click('.o_funnel_chart_switch button[data-chart="bars"]')
        texts = self.assert_apart('.o_funnel_chart .nv-x .tick text',
                                  '.o_funnel_chart svg', 'bar labels')
        self.run_js(SCROLL_TO_CHART_JS)
        self.save_evidence('%s-bars' % label)
        self.click('.o_funnel_chart_switch button[data-chart="funnel"]')
        self.assert_apart('.o_funnel_band_label', '.o_funnel_shape',
                          'band labels')
        self.assert_apart(
            '.o_funnel_band_name, .o_funnel_band_figures', '.o_funnel_shape',
            'band names and figures')
        self.run_js(SCROLL_TO_CHART_JS)
        self.save_evidence('%s-funnel' % label)
        return texts

    def test_desktop_and_phone(self):
        self.browser.login('ux_labels_manager', 'ux_labels_manager')
        self.open_funnel('.o_funnel_view .o_funnel_chart svg .nv-bar')
        texts = self.check_charts('desktop')
        self.assertIn('Validated by the customer\'s procurement and '
                      'engineering departments (1)', texts)

        self.choose('team_id', '')
        texts = self.check_charts('desktop-all-teams')
        self.assertIn('Initial (UX Labels team) (1)', texts)
        self.assertIn('Initial (UX Twin team) (1)', texts)

        with self.browser_turn():
            self.driver.execute_cdp_cmd(
                'Emulation.setDeviceMetricsOverride', PHONE)
        self.browser.wait_idle()
        # the chart follows the narrower page
        self.check_charts('phone-all-teams')
        self.choose('team_id', self.team.id)
        self.check_charts('phone')


@pytest.mark.browser
class TestStageReports(FunnelBrowserCase):
    """The stage reports open on what a sales manager asks first, and say
    what they hold when nothing matches."""

    def setUp(self):
        super(TestStageReports, self).setUp()
        self.manager = self.user('ux_report_manager', 'base.group_user',
                                 'sales_team.group_sale_manager')

    def open_report(self, menu):
        self.browser.open_menu(menu)
        self.browser.wait_for('.o_pivot')
        self.browser.wait_idle()

    def test_manager_defaults(self):
        self.browser.login('ux_report_manager', 'ux_report_manager')
        self.open_report('crm_funnel_stages.crm_lead_stage_history_menu')
        self.save_evidence('history')
        self.assertEqual(sorted(self.run_js(READ_FACETS_JS)),
                         ['Last 12 Months', 'Stage Changes'])
        pivot = self.run_js(READ_PIVOT_JS)
        self.assertEqual(pivot['measures'], ['Count', 'Days in Stage Left'])
        headers = [row[0] for row in pivot['rows']]
        self.assertNotIn('Undefined', headers)
        # the Sage demo team's stages left, with their average days: those
        # of its demo stage history, in days with one decimal
        sage = self.env.ref('crm_funnel_stages.crm_team_sage_demo')
        History = self.env['crm.lead.stage.history']
        shown = {row[0]: row[1:] for row in pivot['rows']}
        for name in ('Qualified', 'Proposal Submitted', 'Negotiating'):
            rows = History.search([('team_id', '=', sage.id),
                                   ('stage_from_id.name', '=', name)])
            days = sum(rows.mapped('days_in_stage')) / len(rows)
            count, shown_days = shown[name]
            self.assertEqual(count, str(len(rows)))
            self.assertRegex(shown_days, r'^\d+\.\d$')
            self.assertAlmostEqual(float(shown_days), days, delta=0.05)

        self.open_report('crm_funnel_stages.crm_lead_stage_analysis_menu')
        self.save_evidence('conversion')
        self.assertEqual(self.run_js(READ_FACETS_JS),
                         ['Entered in the Last 12 Months'])
        pivot = self.run_js(READ_PIVOT_JS)
        self.assertEqual(pivot['measures'], [
            'Entered', 'Moved on', 'Conversion Rate (%)', 'Days in Stage'])
        shown = {row[0]: row[1:] for row in pivot['rows']}
        # grouped by team, then stage: the Sage team's first stage, as its
        # demo history has it (see test_funnel_data): 69 in, 49 moved on
        headers = [row[0] for row in pivot['rows']]
        sage = headers.index('Sage demo team')
        qualified = pivot['rows'][sage + 1]
        self.assertTrue(qualified[0].startswith('Qualified'), qualified)
        self.assertEqual(qualified[1:4], ['69', '49', '71.0'])

    def test_empty_help(self):
        self.browser.login('ux_report_manager', 'ux_report_manager')
        self.open_report('crm_funnel_stages.crm_lead_stage_history_menu')
        # the demo history moves no lead backward: the filters (shown by
        # the search bar's magnifier), then Backward
        self.click('.o_searchview_more')
        self.click('.o_search_options .o_dropdown_toggler_btn')
        with self.browser_turn():
            backward = [
                link for link in self.driver.find_elements(
                    By.CSS_SELECTOR, '.o_search_options .o_filters_menu a')
                if link.text.strip() == 'Backward']
            self.assertEqual(len(backward), 1)
            backward[0].click()
        self.browser.wait_idle()
        self.save_evidence('history-empty')
        text = self.run_js(
            "return document.querySelector('.o_content').innerText;")
        self.assertIn('No stage change matches these filters.', text)
        self.assertIn('remove those filters in the search bar', text)
        self.click('.o_cp_switch_graph')
        self.browser.wait_for('.o_graph')
        self.save_evidence('history-graph-empty')
        text = self.run_js(
            "return document.querySelector('.o_content').innerText;")
        self.assertIn('No stage change matches these filters.', text)
        self.assertFalse(re.search('No data to display', text))
