# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A salesperson exports a lead that was given to someone else after their
list was loaded, in a real browser: the web client shows the access error
in a warning dialog, as for any refused action (Odoo 11 answered 500 with
a traceback)."""
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from .harness import ChromiumCase


@pytest.mark.browser
class TestExportRefusalInBrowser(ChromiumCase):
    # the refused download itself, which the page reports as a failed load
    allowed_js_errors = (r'/web/export/csv.* 403', r'status of 403')

    def setUp(self):
        super(TestExportRefusalInBrowser, self).setUp()
        self.env.ref('base.group_user').write({'implied_ids': [
            (4, self.env.ref('crm.group_use_lead').id)]})
        Users = self.env['res.users'].with_context(no_reset_password=True)
        groups = [self.env.ref('base.group_user').id,
                  self.env.ref('sales_team.group_sale_salesman').id]
        self.seller, self.other = [Users.create({
            'name': name, 'login': login, 'password': login,
            'groups_id': [(6, 0, groups)]}) for name, login in (
                ('LX Export Seller', 'lx_export_browser'),
                ('LX Export Other', 'lx_export_browser_other'))]
        self.lead = self.env['crm.lead'].with_context(
            crm_lead_skip_assignment=True).create({
                'name': 'LX Export Reassigned', 'type': 'lead',
                'user_id': self.seller.id})

    def click(self, css):
        with self.browser_turn():
            self.driver.find_element(By.CSS_SELECTOR, css).click()
        self.browser.wait_idle()

    def test_export_of_a_lead_given_away(self):
        self.browser.login('lx_export_browser', 'lx_export_browser')
        self.browser.open_menu('crm.menu_crm_leads')
        self.browser.wait_for('.o_list_view')
        with self.browser_turn():
            row = [tr for tr in self.driver.find_elements(
                By.CSS_SELECTOR, '.o_list_view tbody tr.o_data_row')
                if 'LX Export Reassigned' in tr.text][0]
            row.find_element(By.CSS_SELECTOR, 'input[type="checkbox"]').click()
            sidebar = self.driver.find_elements(
                By.CSS_SELECTOR, '.o_cp_sidebar .o_dropdown_toggler_btn')
            [button for button in sidebar if 'Action' in button.text][0].click()
            [link for link in self.driver.find_elements(
                By.CSS_SELECTOR, '.o_cp_sidebar .dropdown-menu a')
             if link.text.strip() == 'Export'][0].click()
        self.browser.wait_for('.modal .o_export_tree_item[data-id="name"]')
        with self.browser_turn():
            ActionChains(self.driver).double_click(self.driver.find_element(
                By.CSS_SELECTOR, '.modal .o_export_tree_item[data-id="name"]'
            )).perform()
        self.browser.wait_idle()
        # meanwhile, the lead is given to another salesperson
        self.lead.user_id = self.other
        self.click('.modal-footer .btn-primary')
        self.browser.wait_for('.modal .o_dialog_warning')
        with self.browser_turn():
            dialog = self.driver.find_elements(By.CSS_SELECTOR,
                                               '.modal-dialog')[-1].text
        self.save_evidence('export-refused')
        self.assertIn('Export refused - Access Error', dialog)
        self.assertIn('security restrictions', dialog)
        self.assertNotIn('Traceback', dialog)
