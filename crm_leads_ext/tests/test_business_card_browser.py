# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The demo salesperson enters a lead from a business card photo in a real
browser: the button of the leads list, the upload button, the
suggestions, a correction, the confirmation that opens the new lead; and
the same form on a phone-sized window. No page asks for an image that is
not there (the salesperson's avatar of unassigned cards)."""
import os
import tempfile
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from .harness import ChromiumCase

from .card_images import ENGLISH_CARD, VIETNAMESE_CARD, render_card

MODAL = '.modal-dialog .o_form_view.o_crm_business_card'
VALUE_JS = """
var el = document.querySelector(arguments[0]);
return el ? (el.value !== undefined ? el.value : el.textContent).trim() : null;
"""
# how far the dialog goes past the window's right edge and how far its
# content scrolls sideways (0 or less: it fits); the backend behind it is
# Odoo 11's own, a few pixels too wide at this width
OVERFLOW_JS = """
var modal = document.querySelector('.modal-dialog');
var body = document.querySelector('.modal-body');
document.querySelector('.modal').scrollTop = 0;
return [modal.getBoundingClientRect().right - window.innerWidth,
        body.scrollWidth - body.clientWidth];
"""

LABEL_JS = """
var input = document.querySelector(arguments[0]);
var label = input.closest('tr').querySelector('.o_td_label');
return [label.getBoundingClientRect().top, input.getBoundingClientRect().top,
        input.getBoundingClientRect().width];
"""


def salesperson(env):
    """A salesperson of the Sales team, as the suite's demo has one (the
    addon's tests make their own: crm_suite's demo is not installed here)."""
    return env['res.users'].with_context(no_reset_password=True).create({
        'name': 'Card Salesperson', 'login': 'card_sales',
        'password': 'card_sales', 'email': 'card_sales@example.com',
        'lang': 'en_US', 'tz': 'Asia/Ho_Chi_Minh',
        'sale_team_id': env.ref('sales_team.team_sales_department').id,
        'groups_id': [(6, 0, [env.ref('base.group_user').id,
                              env.ref('sales_team.group_sale_salesman').id])]})


class BusinessCardBrowserCase(ChromiumCase):
    """What the salesperson does in the business card form."""

    def card_file(self, lines, name):
        path = os.path.join(tempfile.mkdtemp(prefix='card-'), name)
        with open(path, 'wb') as out:
            out.write(render_card(lines))
        self.addCleanup(os.remove, path)
        return path

    def value(self, field):
        with self.browser_turn():
            return self.driver.execute_script(
                VALUE_JS, '%s [name="%s"]' % (MODAL, field))

    def click(self, css):
        with self.browser_turn():
            self.driver.find_element(By.CSS_SELECTOR, css).click()
        self.browser.wait_idle()

    def open_card_form(self):
        self.click('.o_cp_buttons .o_button_business_card')
        self.browser.wait_for(MODAL)

    def pointer_to_title(self):
        """The pointer off the photo, whose help tooltip would cover the
        button below it (where the pointer is left when the dialog opens
        over the button that opened it)."""
        with self.browser_turn():
            ActionChains(self.driver).move_to_element(self.driver.find_element(
                By.CSS_SELECTOR, '.modal-header')).perform()
            deadline = time.time() + 5
            while time.time() < deadline and [
                    tip for tip in self.driver.find_elements(
                        By.CSS_SELECTOR, '.tooltip') if tip.is_displayed()]:
                time.sleep(0.05)

    def upload_and_read(self, path):
        self.pointer_to_title()
        with self.browser_turn():
            button = self.driver.find_element(
                By.CSS_SELECTOR, MODAL + ' button.o_crm_card_upload')
            self.assertTrue(button.is_displayed(),
                            'the upload button shows without hovering')
            self.assertEqual(button.text, 'Upload a Photo of the Card')
            self.driver.find_element(
                By.CSS_SELECTOR, MODAL + ' .o_field_image input.o_input_file'
            ).send_keys(path)
        self.browser.wait_for(MODAL + ' button[name="action_read_card"]')
        self.click(MODAL + ' button[name="action_read_card"]')
        self.browser.wait_for(MODAL + ' .o_crm_business_card_suggested')
        self.pointer_to_title()
        with self.browser_turn():
            self.assertEqual(self.driver.find_element(
                By.CSS_SELECTOR, MODAL + ' button.o_crm_card_upload').text,
                'Upload Another Photo')

    def create_and_land_on_form(self, lead_name):
        """"Create the Lead" opens the new lead's form, in the page, with
        the list or kanban it came from in the breadcrumb."""
        self.click('.modal-footer button[name="action_create_lead"]')
        self.browser.wait_for(
            '.o_content .o_form_view .o_form_sheet')
        with self.browser_turn():
            self.assertFalse(self.driver.find_elements(
                By.CSS_SELECTOR, '.modal-dialog'), 'the dialog closed')
            crumbs = self.driver.find_element(
                By.CSS_SELECTOR, '.o_control_panel .breadcrumb').text
        self.assertTrue(crumbs.endswith(lead_name), crumbs)

    def back_by_breadcrumb(self, view):
        self.click('.o_control_panel .breadcrumb li:first-child a')
        self.browser.wait_for(view)


@pytest.mark.browser
class TestBusinessCardInBrowser(BusinessCardBrowserCase):

    def setUp(self):
        super(TestBusinessCardInBrowser, self).setUp()
        # the "Leads" setting of CRM, as the settings page applies it
        self.env.ref('base.group_user').write({'implied_ids': [
            (4, self.env.ref('crm.group_use_lead').id)]})
        self.sales = salesperson(self.env)

    def test_card_from_the_leads_list(self):
        self.browser.login('card_sales', 'card_sales')
        self.browser.open_menu('crm.menu_crm_leads')
        self.browser.wait_for('.o_list_view')
        self.save_evidence('list-button')
        self.open_card_form()
        self.upload_and_read(self.card_file(VIETNAMESE_CARD, 'lan.png'))
        self.assertEqual(self.value('contact_name'), 'Nguyễn Thị Lan')
        self.assertEqual(self.value('partner_name'), 'Công ty TNHH Sao Mai')
        self.assertEqual(self.value('email_from'), 'lan.nguyen@saomai.vn')
        self.assertEqual(self.value('function'), 'Giám đốc kinh doanh')
        self.assertFalse(self.env['crm.lead'].search([
            ('email_from', '=', 'lan.nguyen@saomai.vn')]),
            'only suggested so far')
        with self.browser_turn():
            field = self.driver.find_element(
                By.CSS_SELECTOR, MODAL + ' input[name="function"]')
            field.clear()
            field.send_keys('Giám đốc kinh doanh khu vực phía Bắc')
        self.save_evidence('suggestions')
        self.create_and_land_on_form('Công ty TNHH Sao Mai - Nguyễn Thị Lan')
        self.save_evidence('lead-form')
        lead = self.env['crm.lead'].search([
            ('email_from', '=', 'lan.nguyen@saomai.vn')])
        self.assertEqual(lead.function,
                         'Giám đốc kinh doanh khu vực phía Bắc')
        self.assertEqual(lead.contact_name, 'Nguyễn Thị Lan')
        self.assertEqual(lead.create_uid, self.sales)
        self.assertEqual(lead.source_id, self.env.ref(
            'crm_leads_ext.utm_source_business_card'))
        self.assertEqual(self.env['ir.attachment'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)
        ]).datas_fname, 'lan.png')
        self.back_by_breadcrumb('.o_list_view')
        with self.browser_turn():
            rows = self.driver.find_element(
                By.CSS_SELECTOR, '.o_list_view tbody').text
        self.assertIn('Công ty TNHH Sao Mai - Nguyễn Thị Lan', rows,
                      'the list shows the new lead')
        self.save_evidence('list-with-lead')
        self.browser.open_menu('crm.menu_crm_opportunities')
        self.browser.wait_for('.o_kanban_view')
        with self.browser_turn():
            self.assertFalse(self.driver.find_elements(
                By.CSS_SELECTOR, '.o_button_business_card'),
                'the pipeline (opportunities) has no business card button')

    def test_narrow_screen_from_the_kanban(self):
        self.browser.login('card_sales', 'card_sales')
        self.browser.open_menu('crm.menu_crm_leads')
        self.browser.wait_for('.o_cp_switch_kanban')
        self.click('.o_cp_switch_kanban')
        self.browser.wait_for('.o_kanban_view')
        # Odoo 11's menus need a wide screen, its views and forms do not
        with self.browser_turn():
            self.driver.set_window_size(420, 900)
        self.browser.wait_idle()
        self.save_evidence('narrow-kanban-button')
        self.open_card_form()
        self.save_evidence('narrow-empty-form')
        self.upload_and_read(self.card_file(ENGLISH_CARD, 'john.png'))
        self.assertEqual(self.value('contact_name'), 'John Carter')
        self.assertEqual(self.value('mobile'), '+44 20 7946 0958')
        with self.browser_turn():
            overflow = self.driver.execute_script(OVERFLOW_JS)
            label_top, input_top, input_width = self.driver.execute_script(
                LABEL_JS, MODAL + ' input[name="contact_name"]')
        self.save_evidence('narrow')
        self.assertTrue(all(px <= 0 for px in overflow),
                        'nothing wider than the screen: %s' % overflow)
        self.assertGreater(input_width, 300, 'fields take the width')
        self.assertGreater(input_top, label_top, 'labels above fields')
        self.create_and_land_on_form('Northwind Traders Ltd - John Carter')
        self.back_by_breadcrumb('.o_kanban_view')
        with self.browser_turn():
            text = self.driver.find_element(
                By.CSS_SELECTOR, '.o_kanban_view').text
        self.assertIn('Northwind Traders Ltd - John Carter', text)
        self.save_evidence('narrow-kanban-with-lead')

    def test_photo_named_like_a_web_page(self):
        """A photo whose file is named card.html shows on the lead as the
        image it is, card.png, opened as an image."""
        self.browser.login('card_sales', 'card_sales')
        self.browser.open_menu('crm.menu_crm_leads')
        self.browser.wait_for('.o_list_view')
        self.open_card_form()
        self.pointer_to_title()
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, MODAL + ' .o_field_image input.o_input_file'
            ).send_keys(self.card_file(ENGLISH_CARD, 'card.html'))
            self.driver.find_element(
                By.CSS_SELECTOR, '%s input[name="contact_name"]' % MODAL
            ).send_keys('Card Html')
        self.browser.wait_for(MODAL + ' button[name="action_read_card"]')
        self.create_and_land_on_form('Card Html')
        lead = self.env['crm.lead'].search([('contact_name', '=', 'Card Html')])
        attachment = self.env['ir.attachment'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)])
        self.assertEqual((attachment.datas_fname, attachment.mimetype,
                          attachment.create_uid), ('card.png', 'image/png',
                                                   self.sales))
        # on the lead's form the card opened
        self.browser.wait_for('.o_thread_message .o_attachment')
        with self.browser_turn():
            photo = self.driver.find_element(
                By.CSS_SELECTOR, '.o_thread_message .o_attachment')
            self.driver.execute_script(
                'arguments[0].scrollIntoView({block: "center"});', photo)
            chatter = photo.text
        self.save_evidence('lead-with-card-photo')
        self.assertIn('card.png', chatter)
        self.assertNotIn('card.html', chatter)


@pytest.mark.browser
class TestBusinessCardWithoutLeads(BusinessCardBrowserCase):
    """Without "Use leads" (the demo's setting) there is no leads menu and
    a card becomes an opportunity: the button is on the pipeline."""

    def test_card_from_the_pipeline(self):
        self.assertNotIn(self.env.ref('crm.group_use_lead'),
                         salesperson(self.env).groups_id)
        self.browser.login('card_sales', 'card_sales')
        self.browser.open_menu('crm.menu_crm_opportunities')
        self.browser.wait_for('.o_kanban_view')
        self.browser.wait_for('.o_cp_buttons .o_button_business_card')
        with self.browser_turn():
            self.driver.find_element(
                By.CSS_SELECTOR, '.o_cp_buttons .o_button_business_card'
            ).click()
        self.browser.wait_for(MODAL)
        with self.browser_turn():
            for field, text in (('contact_name', 'Đỗ Thị Mai'),
                                ('partner_name', 'Gốm sứ Minh Long')):
                self.driver.find_element(
                    By.CSS_SELECTOR, '%s input[name="%s"]' % (MODAL, field)
                ).send_keys(text)
        self.create_and_land_on_form('Gốm sứ Minh Long - Đỗ Thị Mai')
        lead = self.env['crm.lead'].search([('contact_name', '=', 'Đỗ Thị Mai')])
        self.assertEqual(lead.type, 'opportunity')
        with self.browser_turn():
            self.assertTrue(self.driver.find_elements(
                By.CSS_SELECTOR, '.o_form_view .o_statusbar_status'),
                "the opportunity's form, with its stages")
        self.back_by_breadcrumb('.o_kanban_view')
        with self.browser_turn():
            text = self.driver.find_element(
                By.CSS_SELECTOR, '.o_kanban_view').text
        self.assertIn('Gốm sứ Minh Long - Đỗ Thị Mai', text)
        self.save_evidence('pipeline-with-card')
