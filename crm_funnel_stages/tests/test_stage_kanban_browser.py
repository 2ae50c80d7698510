# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Stages in the pipeline's kanban, in a real browser: columns reordered by
drag and drop keep their order after a reload, and a card dragged past an
unchecked stage gate is refused.

Headless Chromium (testing/browser_harness) on the in-process test server, in
the test's transaction: nothing done here is committed.
"""
import pytest

from .harness import ChromiumCase

COLUMN_IDS_JS = r"""
return Array.prototype.map.call(
    document.querySelectorAll('.o_kanban_view .o_kanban_group'),
    function (group) { return parseInt(group.getAttribute('data-id'), 10); });
"""

# the ids of the cards shown in a column
CARD_IDS_JS = r"""
var group = document.querySelector(
    '.o_kanban_view .o_kanban_group[data-id="' + arguments[0] + '"]');
return Array.prototype.map.call(
    group.querySelectorAll('.o_kanban_record'),
    function (card) {
        var record = $(card).data('record');
        return record ? record.id : null;
    });
"""

FIND_CARD_JS = r"""
var id = arguments[0];
return Array.prototype.find.call(
    document.querySelectorAll('.o_kanban_view .o_kanban_record'),
    function (card) {
        var record = $(card).data('record');
        return record && record.id === id;
    });
"""


@pytest.mark.browser
class TestStageKanbanInBrowser(ChromiumCase):
    # the web client logs the refusal it shows in a dialog
    allowed_js_errors = (
        r'Server application error .*UserError.*cannot move forward to '
        r'Gate Proposal',)

    def setUp(self):
        super(TestStageKanbanInBrowser, self).setUp()
        users = self.env['res.users'].with_context(no_reset_password=True)
        self.manager = users.create({
            'name': 'Kanban Manager', 'login': 'kanban_manager',
            'password': 'kanban_manager',
            'email': 'kanban.manager@example.com',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_manager').id])]})
        self.salesperson = users.create({
            'name': 'Kanban Salesperson', 'login': 'kanban_salesperson',
            'password': 'kanban_salesperson',
            'email': 'kanban.salesperson@example.com',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_salesman').id])]})
        # their own team: the pipeline shows its stages and, as the team
        # asks, the shared ones
        self.team = self.env['crm.team'].create({
            'name': 'Kanban Team', 'show_shared_stages': True,
            'member_ids': [(4, self.manager.id), (4, self.salesperson.id)]})
        Stage = self.env['crm.stage']
        # first in the pipeline: both columns are in view
        self.discovery = Stage.create({
            'name': 'Gate Discovery', 'sequence': 0, 'probability': 10,
            'on_change': True, 'team_id': self.team.id,
            'criterion_ids': [(0, 0, {
                'name': 'Budget confirmed', 'required': True})]})
        self.proposal = Stage.create({
            'name': 'Gate Proposal', 'sequence': 0, 'probability': 40,
            'on_change': True, 'team_id': self.team.id})
        self.lead = self.env['crm.lead'].create({
            'name': 'Gated opportunity', 'type': 'opportunity',
            'user_id': self.salesperson.id, 'team_id': self.team.id,
            'stage_id': self.discovery.id})

    def open_pipeline(self, login):
        self.browser.login(login, login)
        self.browser.open_menu('crm.crm_menu_root')
        self.browser.wait_for('.o_kanban_view .o_kanban_group', count=3)
        self.browser.wait_idle()

    def columns(self):
        return self.driver.execute_script(COLUMN_IDS_JS)

    def test_dragged_column_order_survives_reload(self):
        self.open_pipeline('kanban_manager')
        before = self.columns()
        self.assertIn(self.discovery.id, before)
        self.save_evidence('before')
        title = '.o_kanban_group[data-id="%d"] .o_kanban_header_title'
        handle = self.driver.find_element(
            'css selector', title % before[0])
        target = self.driver.find_element(
            'css selector', title % before[2])
        # dropped beyond the middle of the third column: it goes after it
        self.browser.drag_and_drop(handle, target, target_offset=(60, 0))
        moved = before[1:3] + before[:1] + before[3:]
        self.assertEqual(self.columns(), moved)

        # a reload of the page, then the pipeline again (the team's stages
        # come with the menu's action): the order is read from the server
        with self.browser_turn():
            self.driver.refresh()
        self.browser.wait_for('.o_web_client .o_main_content')
        self.browser.wait_idle()
        self.browser.open_menu('crm.crm_menu_root')
        self.browser.wait_for('.o_kanban_view .o_kanban_group', count=3)
        self.browser.wait_idle()
        self.save_evidence('after-reload')
        self.assertEqual(self.columns(), moved)
        # every stage numbered 1..n, no gap and no tie, in that order
        stages = self.env['crm.stage'].search([])
        self.assertEqual(stages.mapped('sequence'),
                         list(range(1, len(stages) + 1)))
        self.assertEqual([i for i in stages.ids if i in moved], moved)

    def drag_card_to(self, lead, stage):
        card = self.driver.execute_script(FIND_CARD_JS, lead.id)
        self.assertTrue(card, 'the card of %s is shown' % lead.name)
        target = self.driver.find_element(
            'css selector', '.o_kanban_group[data-id="%d"]' % stage.id)
        self.browser.drag_and_drop(card, target)

    def test_card_dragged_past_an_unchecked_gate_is_refused(self):
        self.open_pipeline('kanban_salesperson')
        self.drag_card_to(self.lead, self.proposal)
        dialog = self.browser.wait_for('.modal .modal-body')
        self.save_evidence('refused')
        message = dialog.text
        self.assertIn('Gate Proposal', message)
        self.assertIn('Budget confirmed', message)
        self.assertNotIn('Traceback', message)
        self.assertEqual(self.lead.stage_id, self.discovery)
        with self.browser_turn():
            self.driver.find_element(
                'css selector', '.modal .modal-footer .btn-primary').click()
        self.browser.wait_idle()
        # the card went back to its column
        self.assertIn(self.lead.id, self.driver.execute_script(
            CARD_IDS_JS, self.discovery.id))
        self.assertNotIn(self.lead.id, self.driver.execute_script(
            CARD_IDS_JS, self.proposal.id))

        # the salesperson's own estimate holds while the lead stays put
        self.lead.probability = 55
        self.assertEqual(self.lead.stage_id, self.discovery)
        self.assertEqual(self.lead.probability, 55)

        # once the criterion is checked, the same drag moves it, and the
        # new stage sets the probability
        self.lead.current_criterion_check_ids.write({'done': True})
        self.drag_card_to(self.lead, self.proposal)
        self.save_evidence('moved')
        self.assertEqual(self.lead.stage_id, self.proposal)
        self.assertEqual(self.lead.probability, 40)
        self.assertIn(self.lead.id, self.driver.execute_script(
            CARD_IDS_JS, self.proposal.id))

    def test_form_marks_the_fields_the_stage_requires(self):
        mobile = self.env['ir.model.fields'].search([
            ('model', '=', 'crm.lead'), ('name', '=', 'mobile')])
        self.proposal.required_field_ids = [(4, mobile.id)]
        self.lead.current_criterion_check_ids.write({'done': True})
        self.lead.write({'stage_id': self.proposal.id,
                         'mobile': '+84 90 123 4567'})
        # from the pipeline, as a salesperson opens an opportunity
        self.open_pipeline('kanban_salesperson')
        with self.browser_turn():
            self.driver.execute_script(FIND_CARD_JS, self.lead.id).click()
        self.browser.wait_for('.o_form_view')
        self.browser.wait_idle()
        with self.browser_turn():
            self.driver.find_element(
                'css selector', '.o_form_button_edit').click()
        self.browser.wait_for('.o_form_view.o_form_editable')
        # the mobile phone is on the contact tab
        with self.browser_turn():
            self.driver.find_element(
                'xpath', "//div[contains(@class, 'o_notebook')]//a"
                "[.//text()[contains(., 'Contact')]]").click()
        mobile_input = self.browser.wait_for(
            '.o_form_view input[name="mobile"]')
        self.driver.execute_script(
            'arguments[0].scrollIntoView({block: "center"});', mobile_input)
        self.save_evidence('required-mobile')
        required = self.driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll("
            "'.o_form_view .o_required_modifier[name]'), "
            "function (el) { return el.getAttribute('name'); });")
        self.assertIn('mobile', required)
        # the phone is required by no stage
        self.assertNotIn('phone', required)
