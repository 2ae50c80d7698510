# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The demo salesperson (login sales, of the Hanoi team) in a real browser,
on the suite's demo data: the pipeline's cards of opportunities without
salesperson load no missing picture, and a business card photo from Ho
Chi Minh City becomes an opportunity whose form opens with the details
read on the card, its address and country included.

The photo is data/business_card_hcm.png, drawn by
crm_leads_ext/tests/card_images.render_card (width 1000, size 32) from
CARD_LINES: a real file, uploaded as the salesperson uploads one.
"""
import os
import time

import pytest
from selenium.webdriver.common.by import By

from odoo.addons.crm_leads_ext.tests.harness import ChromiumCase

CARD_PHOTO = os.path.join(os.path.dirname(__file__), 'data',
                          'business_card_hcm.png')
CARD_LINES = ('Phạm Minh Tuấn', 'Giám đốc kinh doanh', 'Công ty TNHH Ánh Dương',
              'tuan.pham@anhduong.vn', '+84 28 3822 5678',
              'Quận 1, TP. Hồ Chí Minh, Việt Nam', 'www.anhduong.vn')
MODAL = '.modal-dialog .o_form_view.o_crm_business_card'

# the pipeline's cards (with or without salesperson, with or without the
# avatar) and the pictures of the kanban that did not load
READ_CARDS_JS = r"""
var cards = document.querySelectorAll(
    '.o_kanban_view .o_kanban_record:not(.o_kanban_ghost)');
var seen = {assigned: 0, unassigned: 0, assigned_avatar: 0,
            unassigned_avatar: 0};
Array.prototype.forEach.call(cards, function (card) {
    var widget = jQuery(card).data('record');
    var kind = widget && widget.recordData.user_id ? 'assigned' : 'unassigned';
    seen[kind] += 1;
    if (card.querySelector('img.oe_kanban_avatar')) {
        seen[kind + '_avatar'] += 1;
    }
});
var images = document.querySelectorAll('.o_kanban_view img');
seen.loading = Array.prototype.filter.call(images, function (img) {
    return !img.complete;
}).length;
seen.broken = Array.prototype.filter.call(images, function (img) {
    return img.complete && !img.naturalWidth;
}).map(function (img) { return img.getAttribute('src'); });
return seen;
"""
VALUE_JS = """
var el = document.querySelector(arguments[0]);
return el ? (el.value !== undefined ? el.value : el.textContent).trim() : null;
"""


@pytest.mark.browser
class TestBusinessCardDemoSalesperson(ChromiumCase):
    """Every failed load of a picture fails the test too (the harness
    collects the browser's "Failed to load resource" errors)."""

    def setUp(self):
        super(TestBusinessCardDemoSalesperson, self).setUp()
        self.salesperson = self.env.ref('crm_suite.user_demo_salesperson')
        self.assertEqual(self.salesperson.login, 'sales')

    def click(self, css):
        with self.browser_turn():
            self.driver.find_element(By.CSS_SELECTOR, css).click()
        self.browser.wait_idle()

    def read_cards(self):
        """The cards once their pictures are loaded."""
        deadline = time.time() + 20
        while True:
            with self.browser_turn():
                seen = self.driver.execute_script(READ_CARDS_JS)
            if not seen['loading'] or time.time() > deadline:
                return seen
            time.sleep(0.1)

    def value(self, field):
        # a many2one's text is in its input
        css = '%s [name="%s"]%s' % (MODAL, field,
                                    ' input' if field == 'country_id' else '')
        with self.browser_turn():
            return self.driver.execute_script(VALUE_JS, css)

    def test_pipeline_without_missing_pictures(self):
        unassigned = self.env['crm.lead'].sudo(self.salesperson).search_count(
            [('type', '=', 'opportunity'), ('user_id', '=', False)])
        self.assertTrue(unassigned, 'the demo salesperson sees opportunities '
                                    'without salesperson')
        self.browser.login('sales', 'sales')
        self.browser.open_menu('crm.menu_crm_opportunities')
        self.browser.wait_for('.o_kanban_view')
        # every opportunity they see, not only theirs: the default filters
        # removed as the salesperson removes them
        with self.browser_turn():
            facets = self.driver.find_elements(
                By.CSS_SELECTOR, '.o_searchview_facet .o_facet_remove')
        for __ in facets:
            self.click('.o_searchview_facet .o_facet_remove')
        self.browser.wait_for('.o_kanban_view .o_kanban_record')
        seen = self.read_cards()
        self.save_evidence('pipeline-all-cards')
        self.assertTrue(seen['unassigned'], seen)
        self.assertTrue(seen['assigned'], seen)
        self.assertEqual(
            (seen['unassigned_avatar'], seen['assigned_avatar'],
             seen['broken']),
            (0, seen['assigned'], []),
            'an avatar on each card with a salesperson, none without: %s'
            % seen)

    def test_card_photo_to_opportunity_form(self):
        self.browser.login('sales', 'sales')
        self.browser.open_menu('crm.menu_crm_opportunities')
        self.browser.wait_for('.o_cp_buttons .o_button_business_card')
        self.click('.o_cp_buttons .o_button_business_card')
        self.browser.wait_for(MODAL)
        upload = self.browser.wait_for(MODAL + ' button.o_crm_card_upload')
        with self.browser_turn():
            self.assertEqual(upload.text, 'Upload a Photo of the Card')
            self.driver.find_element(
                By.CSS_SELECTOR, MODAL + ' select[name="ocr_language"] '
                'option[value=\'"vie"\']').click()
        self.save_evidence('empty-form')
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, MODAL + ' .o_field_image input.o_input_file'
            ).send_keys(CARD_PHOTO)
        self.browser.wait_for(MODAL + ' button[name="action_read_card"]')
        self.click(MODAL + ' button[name="action_read_card"]')
        self.browser.wait_for(MODAL + ' .o_crm_business_card_suggested')
        self.assertEqual(
            [self.value(field) for field in (
                'contact_name', 'partner_name', 'function', 'email_from',
                'street', 'city', 'country_id', 'website')],
            ['Phạm Minh Tuấn', 'Công ty TNHH Ánh Dương', 'Giám đốc kinh doanh',
             'tuan.pham@anhduong.vn', 'Quận 1', 'Hồ Chí Minh', 'Vietnam',
             'www.anhduong.vn'])
        self.save_evidence('suggestions')

        self.click('.modal-footer button[name="action_create_lead"]')
        self.browser.wait_for('.o_content .o_form_view .o_form_sheet')
        lead = self.env['crm.lead'].search(
            [('email_from', '=', 'tuan.pham@anhduong.vn')])
        self.assertEqual(
            (lead.type, lead.street, lead.city, lead.country_id),
            ('opportunity', 'Quận 1', 'Hồ Chí Minh', self.env.ref('base.vn')))
        with self.browser_turn():
            self.assertFalse(self.driver.find_elements(
                By.CSS_SELECTOR, '.modal-dialog'), 'the dialog closed')
            crumb = self.driver.find_element(
                By.CSS_SELECTOR, '.o_control_panel .breadcrumb li:last-child'
            ).text
            # the address is on the opportunity's "Contact Information" tab
            self.driver.find_element(
                By.XPATH, '//div[contains(@class, "o_form_view")]'
                '//a[@data-toggle="tab"][normalize-space()='
                '"Contact Information"]').click()
        self.browser.wait_idle()
        self.assertEqual(crumb, lead.name)
        with self.browser_turn():
            form = self.driver.find_element(
                By.CSS_SELECTOR, '.o_content .o_form_view').text
        self.save_evidence('opportunity-form')
        for text in ('Phạm Minh Tuấn', 'Công ty TNHH Ánh Dương', 'Quận 1',
                     'Hồ Chí Minh', 'Vietnam', 'tuan.pham@anhduong.vn'):
            self.assertIn(text, form)
