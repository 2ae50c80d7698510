# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The lead import form in a real browser: a sales manager uploads a list
with a title above its header and no title column, chooses how the leads
are titled, runs a dry run, imports it in the background and watches the
progress bar reach 100 %."""
import base64
import os
import tempfile

import pytest
from selenium.webdriver.support.ui import Select

from .harness import ChromiumCase

from odoo.addons.queue_job.job import Job

CSV = (u'Danh s\u00e1ch kh\u00e1ch h\u00e0ng - H\u1ed9i ch\u1ee3 2027,,,,,,\n'
       u'Contact Name,Company,Email,Phone,City,Country,Expected Closing\n'
       u'Ng\u00f4 B\u1ea3o Ch\u00e2u,Sen V\u00e0ng,chau@browser.vn,'
       u'0901234567,Hue,VN,15/04/2027\n'
       u'Lisa Park,Park Trading,lisa@browser.vn,,Seoul,KR,02/05/2027\n'
       u'Omar Haddad,Cedar Goods,omar@browser.vn,,Beirut,LB,\n')


@pytest.mark.browser
class TestLeadImportInBrowser(ChromiumCase):

    def setUp(self):
        super(TestLeadImportInBrowser, self).setUp()
        self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Browser Import Manager', 'login': 'lx_browser_import',
            'password': 'lx_browser_import',
            'groups_id': [(6, 0, [
                self.env.ref('base.group_user').id,
                self.env.ref('sales_team.group_sale_manager').id])]})
        # three rows are "large": the import goes to a queue job
        self.env['ir.config_parameter'].set_param(
            'crm_leads_ext.import_background_rows', '2')
        handle, self.path = tempfile.mkstemp(suffix='.csv',
                                             prefix='prospects-')
        with os.fdopen(handle, 'wb') as out:
            out.write(CSV.encode('utf-8'))
        self.addCleanup(os.remove, self.path)

    def click(self, css):
        element = self.browser.wait_for(css)
        with self.browser_turn():
            element.click()
            self.browser.wait_idle()

    def test_upload_import_in_background_and_see_the_leads(self):
        browser = self.browser
        browser.login('lx_browser_import', 'lx_browser_import')
        browser.open_menu('crm_leads_ext.crm_lead_import_menu')
        browser.wait_for('.o_list_button_add')
        self.click('.o_list_button_add')
        browser.wait_for('.o_form_view.o_form_editable')
        with self.browser_turn():
            upload = self.driver.find_element(
                'css selector', '.o_field_binary_file input.o_input_file')
            upload.send_keys(self.path)
            browser.wait_idle()
        browser.wait_for('.o_field_binary_file .o_save_file_content, '
                         '.o_field_binary_file .o_clear_file_button')
        self.click('.o_form_statusbar .o_lead_import_load')
        browser.wait_for('.o_field_one2many tr.o_data_row', count=7)
        wizard = self.env['crm.lead.import'].search(
            [('create_uid.login', '=', 'lx_browser_import')])
        self.assertEqual(wizard.state, 'ready')
        self.assertEqual((wizard.header_row, wizard.rows_total,
                          wizard.date_order), (2, 3, 'dmy'))
        browser.save_evidence(self.evidence_name('mapped'))

        # no title column: the leads are titled by their company
        with self.browser_turn():
            Select(self.driver.find_element(
                'css selector', 'select[name="title_mode"]')
            ).select_by_visible_text('The company')
            browser.wait_idle()
        self.click('.o_form_statusbar .o_lead_import_dry_run')
        browser.wait_for('.o_lead_import_preview')
        wizard.invalidate_cache()
        self.assertEqual((wizard.state, wizard.preview_created_count,
                          wizard.created_count), ('ready', 3, 0))
        browser.wait_for('.o_form_statusbar .o_lead_import_run')
        self.assertFalse([button for button in self.driver.find_elements(
            'css selector', '.o_form_statusbar .o_lead_import_run_again')
            if button.is_displayed()],
            "a dry run leaves the import to be run, not run again")
        browser.save_evidence(self.evidence_name('dry-run'))

        self.click('.o_form_statusbar .o_lead_import_run')
        browser.wait_for('.o_crm_lead_import_queued')
        wizard.invalidate_cache()
        self.assertEqual(wizard.state, 'queued')
        browser.save_evidence(self.evidence_name('queued'))

        # queue_job's runner cannot see the test transaction: the test is
        # the worker, while the page keeps polling
        Job.load(self.env, wizard.job_uuid).perform()
        self.assertEqual(wizard.state, 'done')
        browser.wait_for('.o_crm_lead_import_done', timeout=30)
        width = self.driver.execute_script(
            "return document.querySelector("
            "'.o_field_widget[name=progress] .o_progressbar_value')"
            ".textContent")
        self.assertIn('100', width)
        browser.save_evidence(self.evidence_name('done'))

        self.click('.o_lead_import_leads')
        browser.wait_for('.o_list_view tr.o_data_row', count=3)
        names = self.driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll("
            "'.o_list_view tr.o_data_row'), function (row) {"
            " return row.textContent; }).join('|')")
        for name in (u'Sen V\u00e0ng', u'Park Trading', u'Cedar Goods'):
            self.assertIn(name, names)
        browser.save_evidence(self.evidence_name('leads'))

    def test_a_dry_run_shows_as_a_preview_in_the_list(self):
        wizard = self.env['crm.lead.import'].sudo(
            self.env.ref('base.user_root')).create({
                'file': base64.b64encode(CSV.encode('utf-8')),
                'file_name': 'hoi-cho.csv', 'title_mode': 'company'})
        wizard.action_load_file()
        wizard.action_dry_run()
        self.browser.login('lx_browser_import', 'lx_browser_import')
        self.browser.open_menu('crm_leads_ext.crm_lead_import_menu')
        row = self.browser.wait_for('.o_list_view tr.o_data_row')
        cells = [cell.text for cell in row.find_elements(
            'css selector', 'td.o_data_cell')]
        self.assertIn('hoi-cho.csv', cells)
        self.assertIn('would create 3, update 0, skip 0, fail 0', cells)
        self.assertIn('Ready', cells)
        self.assertNotIn('Done', cells)
        self.browser.save_evidence(self.evidence_name('list'))
