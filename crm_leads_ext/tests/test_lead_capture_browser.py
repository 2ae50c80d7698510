# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A sales manager in a real browser: an API key with its integration
user, a new key shown once, and the reference of a captured lead."""
import hashlib

import pytest
from selenium.webdriver.common.by import By

from .harness import ChromiumCase

TEXT_JS = """
var el = document.querySelector(arguments[0]);
return el ? el.textContent.trim() : null;
"""
# the tab of the lead form that holds a field: shown, for the screenshot
SHOW_TAB_JS = """
var pane = document.querySelector(arguments[0]).closest('.tab-pane');
document.querySelector('a[href="#' + pane.id + '"]').click();
"""


@pytest.mark.browser
class TestLeadCaptureKeysInBrowser(ChromiumCase):

    def setUp(self):
        super(TestLeadCaptureKeysInBrowser, self).setUp()
        self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Capture Browser Manager', 'login': 'cap_browser',
            'password': 'cap_browser', 'email': 'cap_browser@example.com',
            'groups_id': [(6, 0, [
                self.env.ref('base.group_user').id,
                self.env.ref('sales_team.group_sale_manager').id])]})
        self.key = self.env['crm.lead.source.key'].create({
            'name': 'Browser web shop', 'rate_limit': 20})
        self.key.action_generate_key()
        lead_id = self.key._capture_create({
            'name': 'Quotation request', 'contact_name': u'Nguyễn Văn An',
            'email_from': 'an@example.com'})
        self.lead = self.env['crm.lead'].browse(lead_id)

    def text(self, css):
        with self.browser_turn():
            return self.driver.execute_script(TEXT_JS, css)

    def click(self, css=None, xpath=None):
        with self.browser_turn():
            if xpath:
                self.driver.find_element(By.XPATH, xpath).click()
            else:
                self.driver.find_element(By.CSS_SELECTOR, css).click()
        self.browser.wait_idle()

    def test_key_form_new_key_and_lead_reference(self):
        self.browser.login('cap_browser', 'cap_browser')
        self.browser.open('/web#model=crm.lead.source.key&id=%d'
                          '&view_type=form' % self.key.id)
        self.browser.wait_for('.o_form_view .o_field_widget[name="user_id"]')
        self.assertEqual(self.text('.o_field_widget[name="user_id"]'),
                         'Lead Capture')
        self.browser.save_evidence(self.evidence_name('key-form'))

        # Replace Key, confirmed: the new key, shown once
        # (Odoo 11 renders no name on header buttons)
        self.click(xpath='//div[@class="o_statusbar_buttons"]/button[not('
                   'contains(@class, "o_invisible_modifier"))]'
                   '[normalize-space()="Replace Key"]')
        self.browser.wait_for('.modal .modal-footer .btn-primary')
        self.click('.modal .modal-footer .btn-primary')
        self.browser.wait_for('.modal .o_field_widget[name="key"]')
        key = self.text('.modal .o_field_widget[name="key"]')
        self.browser.save_evidence(self.evidence_name('new-key'))
        self.key.invalidate_cache()
        self.assertEqual(self.key.sudo().key_hash,
                         hashlib.sha256(key.encode()).hexdigest())
        self.assertEqual(self.text('.modal .o_field_widget[name="key_id"]'),
                         'Browser web shop')

        # the captured lead: its key and its reference
        self.browser.open('/web#model=crm.lead&id=%d&view_type=form'
                          % self.lead.id)
        ref_css = '.o_form_view .o_field_widget[name="capture_ref"]'
        self.browser.wait_for(ref_css, visible=False)
        with self.browser_turn():
            self.driver.execute_script(SHOW_TAB_JS, ref_css)
        self.browser.wait_for(ref_css)
        self.assertEqual(self.text(ref_css), self.lead.capture_ref)
        self.assertEqual(
            self.text('.o_form_view .o_field_widget[name="capture_key_id"]'),
            'Browser web shop')
        self.browser.save_evidence(self.evidence_name('lead-reference'))
