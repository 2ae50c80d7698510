# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A Sales Manager in a real browser types an escape into an assignment
rule's domain: the form says why it is refused, in their language, and
keeps the rule as it was; a relative date is saved."""
import pytest
from selenium.webdriver.common.by import By

from .harness import ChromiumCase

DOMAIN_INPUT = '.o_form_view input[name="domain"]'
DIALOG_JS = """
var dialog = document.querySelector('.modal .o_dialog_warning');
return dialog && dialog.offsetParent !== null ?
    dialog.textContent.trim() : null;
"""


@pytest.mark.browser
class TestAssignmentRuleSafeDomainInBrowser(ChromiumCase):
    # Odoo 11's web client logs every refusal of the server in the console
    # too: this one is the test's purpose
    allowed_js_errors = (
        r"Server application error .*ValidationError.*'Khách VIP'",)

    def setUp(self):
        super(TestAssignmentRuleSafeDomainInBrowser, self).setUp()
        env = self.env
        env['res.lang'].load_lang('vi_VN')
        env['ir.translation'].load_module_terms(
            ['web', 'crm_safe_domain', 'crm_leads_ext'], ['vi_VN'])
        self.manager = env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Trần Thị Bình', 'login': 'sd_br_manager',
                'password': 'sd_br_manager', 'lang': 'vi_VN',
                'email': 'sd_br_manager@example.com',
                'groups_id': [(6, 0, [
                    env.ref('base.group_user').id,
                    env.ref('sales_team.group_sale_manager').id])]})
        self.rule = env['crm.lead.assignment.rule'].create({
            'name': 'Khách VIP',
            'team_id': env['crm.team'].create({'name': 'SD Browser'}).id,
            'domain': "[('planned_revenue', '>', 1000)]"})

    def type_domain_and_save(self, domain):
        with self.browser_turn():
            field = self.driver.find_element(By.CSS_SELECTOR, DOMAIN_INPUT)
            field.clear()
            field.send_keys(domain)
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_form_button_save').click()
        self.browser.wait_idle()

    def test_escape_refused_in_the_form(self):
        self.browser.login('sd_br_manager', 'sd_br_manager')
        self.browser.open(
            '/web#id=%d&model=crm.lead.assignment.rule&view_type=form'
            % self.rule.id)
        self.browser.wait_for('.o_form_buttons_view .o_form_button_edit')
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_form_button_edit').click()
        self.browser.wait_for(DOMAIN_INPUT)
        self.type_domain_and_save(
            "[('id', '!=', user.sudo().write({'groups_id': [(4, %d)]}))]"
            % self.env.ref('base.group_system').id)
        self.browser.wait_for('.modal .o_dialog_warning')
        with self.browser_turn():
            message = self.driver.execute_script(DIALOG_JS)
        self.save_evidence('refused')
        self.assertEqual(
            message,
            "Điều kiện (domain) của quy tắc phân công 'Khách VIP' không hợp "
            "lệ: không có tên 'user'; các tên có thể dùng là company_id, "
            "company_ids, context_today, datetime, dateutil, relativedelta, "
            "time, uid, user_id")
        self.rule.invalidate_cache()
        self.assertEqual(self.rule.domain, "[('planned_revenue', '>', 1000)]")
        self.assertFalse(self.manager.has_group('base.group_system'))
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.modal .modal-footer .btn-primary').click()
        self.browser.wait_idle()
        recent = ("[('create_date', '>=', (context_today() - relativedelta("
                  "days=7)).strftime('%Y-%m-%d'))]")
        self.type_domain_and_save(recent)
        self.browser.wait_for('.o_form_buttons_view .o_form_button_edit')
        self.save_evidence('saved')
        with self.browser_turn():
            self.assertIsNone(self.driver.execute_script(DIALOG_JS))
        self.rule.invalidate_cache()
        self.assertEqual(self.rule.domain, recent)
