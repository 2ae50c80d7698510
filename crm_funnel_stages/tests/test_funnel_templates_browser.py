# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The shipped funnel templates, loaded from the web client as a consultant
loads them, then every opportunity form of every team opened in a real
browser, on a desktop screen and on a phone's.

Once a loaded stage requires fields, the opportunity form carries a
"required" condition on those fields for every lead: a lead whose stage
requires nothing must open as well as one whose stage does.

Headless Chromium (testing/browser_harness) on the in-process test server, in
the test's transaction: nothing done here is committed.
"""
import pytest

from selenium.webdriver.common.by import By

from .harness import ChromiumCase

# the crash manager's dialog ("Odoo Client Error", "Odoo Server Error", ...),
# whether or not the error also reached the console
ERROR_DIALOGS_JS = r"""
return Array.prototype.filter.call(
    document.querySelectorAll('.modal'),
    function (modal) {
        return modal.offsetParent !== null && (
            modal.querySelector('.o_dialog_error') ||
            /Odoo (Client|Server) Error|Odoo Warning/.test(
                (modal.querySelector('.modal-title') || {}).textContent || ''));
    }).map(function (modal) {
        return modal.textContent.replace(/\s+/g, ' ').trim();
    });
"""

# the names of the lead's fields the form shows as required
REQUIRED_JS = r"""
return Array.prototype.map.call(
    document.querySelectorAll(
        '.o_form_view .o_required_modifier[name]:not(.o_invisible_modifier)'),
    function (el) { return el.getAttribute('name'); });
"""

LOAD_MENU = 'crm_funnel_stages.crm_funnel_template_load_menu'
PHONE = (390, 844)
DESKTOP = (1366, 900)


@pytest.mark.browser
class TestFunnelTemplatesInBrowser(ChromiumCase):
    # about 150 forms are opened one after the other
    browser_timeout = 120

    def setUp(self):
        super(TestFunnelTemplatesInBrowser, self).setUp()
        users = self.env['res.users'].with_context(no_reset_password=True)
        self.consultant = users.create({
            'name': 'Funnel Consultant', 'login': 'funnel_consultant',
            'password': 'funnel_consultant',
            'email': 'funnel.consultant@example.com',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_manager').id])]})
        Team = self.env['crm.team']
        self.templates = [
            (self.env.ref('crm_funnel_stages.crm_funnel_template_sage'),
             Team.create({'name': 'Browser Sage team'})),
            (self.env.ref('crm_funnel_stages.crm_funnel_template_lato'),
             Team.create({'name': 'Browser LatoERP team'})),
            (self.env.ref('crm_funnel_stages.crm_funnel_template_bands'),
             Team.create({'name': 'Browser bands team'})),
        ]
        self.pipeline = self.env.ref('crm.crm_lead_opportunities_tree_view')

    # -- the wizard, as a consultant fills it in ----------------------------
    def click(self, css):
        element = self.browser.wait_for(css)
        with self.browser_turn():
            element.click()
        self.browser.wait_idle()

    def pick(self, field, text):
        """Type into a many2one of the wizard and pick the proposal."""
        css = '.modal .o_field_widget[name="%s"] input' % field
        with self.browser_turn():
            self.driver.find_element(By.CSS_SELECTOR, css).send_keys(text)
        self.browser.wait_idle()
        item = self.browser.wait_for('ul.ui-autocomplete li.ui-menu-item a')
        self.assertIn(text, item.text)
        with self.browser_turn():
            item.click()
        self.browser.wait_idle()

    def load_template(self, template, team):
        # CRM, then Configuration / Leads & Opportunities (folded in the
        # side bar), then the wizard's menu
        self.browser.open_menu('crm.crm_menu_root')
        link = 'a[data-menu-xmlid="%s"]' % LOAD_MENU
        with self.browser_turn():
            folded = not self.driver.find_element(
                By.CSS_SELECTOR, link).is_displayed()
        if folded:  # it stays unfolded once opened
            self.click('a[data-menu-xmlid="crm.menu_crm_config_lead"]')
        self.click(link)
        self.browser.wait_for('.modal .o_form_view')
        self.pick('template_id', template.name)
        self.pick('team_id', team.name)
        self.click('.modal-footer button[name="action_load"]')
        # the stages made from it are listed
        rows = self.browser.wait_for('.o_list_view tbody tr.o_data_row',
                                     count=len(template.stage_ids))
        self.assertEqual(len(rows), len(template.stage_ids))
        self.assert_no_error_shown('loading %s' % template.name)

    # -- the opportunities ---------------------------------------------------
    def make_opportunities(self):
        """One opportunity in every stage of every team's pipeline (the
        team's stages and the shared ones), one in no stage. Every field a
        stage may require is set, so each can be created where it is."""
        Stage = self.env['crm.stage']
        # a salesperson named: no assignment rule moves them to another team
        values = {'type': 'opportunity', 'planned_revenue': 1000.0,
                  'date_deadline': '2030-06-30',
                  'user_id': self.consultant.id}
        leads = self.env['crm.lead']
        for team in self.env['crm.team'].search([]):
            for stage in Stage.search(['|', ('team_id', '=', False),
                                       ('team_id', '=', team.id)]):
                leads |= leads.create(dict(
                    values, team_id=team.id, stage_id=stage.id,
                    name='Probe %s / %s' % (team.name, stage.name)))
                self.assertEqual(leads[-1].team_id, team)
        leads |= leads.create(dict(
            values, stage_id=False, team_id=self.templates[1][1].id,
            name='Probe in no stage'))
        self.assertFalse(leads[-1].stage_id)
        return leads

    def assert_no_error_shown(self, what):
        with self.browser_turn():
            shown = self.driver.execute_script(ERROR_DIALOGS_JS)
        errors = self.js_errors()
        if shown or errors:
            self.save_evidence('error')
        self.assertFalse(shown, 'an error dialog is shown after %s' % what)
        self.assertFalse(errors, 'JavaScript errors after %s' % what)

    def go(self, fragment):
        with self.browser_turn():
            self.driver.execute_script(
                'window.location.hash = arguments[0];', fragment)
        self.browser.wait_idle()

    def required_shown(self):
        with self.browser_turn():
            return set(self.driver.execute_script(REQUIRED_JS))

    def open_lead(self, lead, expected, edit=False, evidence=None):
        """Open the lead's form (and edit it): no error, the lead shown, of
        the fields some stage requires those of its stage (and no other)
        marked required."""
        what = 'opening %s' % lead.name
        self.go('id=%d&model=crm.lead&view_type=form&action=%d' % (
            lead.id, self.pipeline.id))
        self.assert_no_error_shown(what)
        self.browser.wait_for('.o_form_view.o_form_readonly')
        title = self.browser.wait_for(
            '.o_form_view .oe_title .o_field_widget[name="name"]')
        self.assertEqual(title.text, lead.name, what)
        self.assertEqual(self.required_shown() & self.required_anywhere,
                         expected, what)
        if not edit:
            return
        what = 'editing %s' % lead.name
        self.click('.o_form_button_edit')
        self.browser.wait_for('.o_form_view.o_form_editable')
        self.assert_no_error_shown(what)
        self.assertEqual(self.required_shown() & self.required_anywhere,
                         expected, what)
        if evidence:
            self.save_evidence(evidence)
        self.click('.o_form_button_cancel')
        self.browser.wait_for('.o_form_view.o_form_readonly')

    def open_new(self):
        """A new opportunity, from the Create button of the form."""
        self.click('.o_form_button_create')
        self.browser.wait_for('.o_form_view.o_form_editable')
        self.assert_no_error_shown('creating an opportunity')

    def test_every_opportunity_opens_once_the_templates_are_loaded(self):
        self.browser.login('funnel_consultant', 'funnel_consultant')
        for template, team in self.templates:
            self.load_template(template, team)
        for template, team in self.templates:
            self.assertEqual(
                self.env['crm.stage'].search(
                    [('team_id', '=', team.id)]).mapped('name'),
                template.stage_ids.mapped('name'))
        # LatoERP's Preliminary validation and every stage after it
        self.required_anywhere = \
            self.env['crm.lead']._all_stage_required_field_names()
        self.assertEqual(self.required_anywhere,
                         {'planned_revenue', 'date_deadline'})
        leads = self.make_opportunities()
        lato_team = self.templates[1][1]
        required = leads._stage_required_field_names()
        self.assertEqual(
            [(lead.stage_id.name, sorted(required[lead.id]))
             for lead in leads if lead.team_id == lato_team
             and lead.stage_id.team_id == lato_team][:3],
            [('Initial', []),
             ('Preliminary validation', ['date_deadline', 'planned_revenue']),
             ('Validated', ['date_deadline', 'planned_revenue'])])
        for size in (DESKTOP, PHONE):
            # the web client started anew at this size, on the pipeline
            self.go('action=%d' % self.pipeline.id)
            with self.browser_turn():
                self.driver.set_window_size(*size)
                self.driver.refresh()
            self.browser.wait_for('.o_web_client .o_control_panel .breadcrumb')
            self.browser.wait_idle()
            label = '%dx%d' % size
            for lead in leads:
                # edited too: the LatoERP team's and the one in no stage
                evidence = lead.team_id == lato_team and lead.stage_id.name \
                    in ('Initial', 'Preliminary validation', False) and \
                    '%s-%s' % (label, lead.stage_id.name or 'no-stage')
                self.open_lead(lead, set(required.get(lead.id, ())),
                               edit=lead.team_id == lato_team,
                               evidence=evidence)
            self.open_new()
            self.save_evidence('%s-new' % label)
