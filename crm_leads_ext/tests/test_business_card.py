# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Leads from business cards: the photo read by the real tesseract OCR on
cards the tests draw (Vietnamese, Chinese, English), suggestions that are
only suggestions, the lead created on confirmation with the photo."""
import base64
import os
import re
import struct
import time
import zlib
from unittest.mock import patch

from odoo.exceptions import UserError

from ..lead_import.normaliser import Normaliser
from ..mail_signature.parser import parse_card, parse_signature
from .card_images import (CHINESE_CARD, ENGLISH_CARD, VIETNAMESE_CARD,
                          noise_png, render_card_b64, render_phone_photo)
from .common import LeadsExtCase


def digits(value):
    return re.sub(r'\D', '', value or '')


def spaces(value):
    return re.sub(r'\s+', ' ', value or '').strip()


def png_header_only(width, height):
    """A PNG that announces width x height pixels and has none: what a
    decompression bomb looks like before it is decoded."""
    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data +
                struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack(
        '>IIBBBBB', width, height, 8, 0, 0, 0, 0)) + chunk(b'IEND', b''))


class TestBusinessCard(LeadsExtCase):

    @classmethod
    def setUpClass(cls):
        super(TestBusinessCard, cls).setUpClass()
        cls.salesman = cls._user('card_sales')
        cls.Wizard = cls.env['crm.lead.business.card'].sudo(cls.salesman)
        cls.source = cls.env.ref('crm_leads_ext.utm_source_business_card')
        cls.vi_card = render_card_b64(VIETNAMESE_CARD)
        cls.zh_card = render_card_b64(CHINESE_CARD, cjk=True)
        cls.en_card = render_card_b64(ENGLISH_CARD)

    def leads(self, email):
        return self.env['crm.lead'].search([('email_from', '=', email)])

    def read_card(self, wizard):
        start = time.time()
        action = wizard.action_read_card()
        self.ocr_seconds = time.time() - start
        return action

    def test_vietnamese_card(self):
        wizard = self.Wizard.with_context(lang='vi_VN').create({
            'card_image': self.vi_card, 'card_filename': 'lan.png'})
        self.assertEqual(wizard.ocr_language, 'vie',
                         'a Vietnamese user reads Vietnamese cards first')
        action = self.read_card(wizard)
        self.assertEqual(action['res_id'], wizard.id, 'the form stays open')
        self.assertEqual(spaces(wizard.contact_name), 'Nguyễn Thị Lan')
        self.assertEqual(spaces(wizard.function), 'Giám đốc kinh doanh')
        self.assertEqual(spaces(wizard.partner_name), 'Công ty TNHH Sao Mai')
        self.assertEqual(wizard.email_from, 'lan.nguyen@saomai.vn')
        self.assertEqual(digits(wizard.phone), '842438261234')
        self.assertIn('Nguyễn', wizard.ocr_text)
        self.assertIn('Email', wizard.suggestion_note)
        self.assertFalse(self.leads('lan.nguyen@saomai.vn'),
                         'nothing is created before the confirmation')
        self.assertLess(self.ocr_seconds, 30)

        action = wizard.action_create_lead()
        lead = self.leads('lan.nguyen@saomai.vn')
        self.assertEqual(len(lead), 1)
        self.assert_opens_form(action, lead)
        self.assertEqual(lead.name, '%s - %s' % (
            wizard.partner_name, wizard.contact_name))
        self.assertEqual(lead.contact_name, wizard.contact_name)
        self.assertEqual(lead.function, wizard.function)
        self.assertEqual(lead.phone, wizard.phone)
        self.assertEqual(lead.source_id, self.source)
        attachment = self.env['ir.attachment'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)])
        self.assertEqual(attachment.datas_fname, 'lan.png')
        self.assertEqual(attachment.datas, self.vi_card,
                         'the photo, as uploaded')
        message = lead.message_ids.filtered('attachment_ids')
        self.assertEqual(message.attachment_ids, attachment,
                         'the card shows in the chatter')
        self.assertEqual(message.author_id, self.salesman.partner_id)

    def assert_opens_form(self, action, lead):
        """"Create the Lead" opens the new lead's form, in the page."""
        form = self.env.ref('crm.crm_case_form_view_leads'
                            if lead.type == 'lead' else
                            'crm.crm_case_form_view_oppor')
        self.assertEqual(
            (action['type'], action['res_model'], action['res_id'],
             action['views'], action['target'], action['name']),
            ('ir.actions.act_window', 'crm.lead', lead.id,
             [(form.id, 'form')], 'current', lead.name))

    def test_chinese_card(self):
        wizard = self.Wizard.with_context(lang='zh_CN').create({
            'card_image': self.zh_card})
        self.assertEqual(wizard.ocr_language, 'chi_sim')
        self.read_card(wizard)
        self.assertEqual(spaces(wizard.contact_name), '王芳')
        self.assertEqual(spaces(wizard.function), '销售经理')
        self.assertEqual(spaces(wizard.partner_name), '上海东方贸易有限公司')
        self.assertEqual(wizard.email_from, 'wang.fang@dongfang.cn')
        self.assertEqual(digits(wizard.phone), '862168881234')
        self.assertFalse(self.leads('wang.fang@dongfang.cn'))
        wizard.action_create_lead()
        lead = self.leads('wang.fang@dongfang.cn')
        self.assertEqual(lead.partner_name, wizard.partner_name)
        self.assertEqual(lead.source_id, self.source)
        self.assertEqual(self.env['ir.attachment'].search_count([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)]), 1)

    def test_english_card_any_language(self):
        """An English-speaking user does not know the card's language: the
        automatic choice reads all three."""
        wizard = self.Wizard.with_context(lang='en_US').create({
            'card_image': self.en_card})
        self.assertEqual(wizard.ocr_language, 'auto')
        self.read_card(wizard)
        self.assertEqual(spaces(wizard.contact_name), 'John Carter')
        self.assertEqual(spaces(wizard.function), 'Purchasing Manager')
        self.assertEqual(spaces(wizard.partner_name), 'Northwind Traders Ltd')
        self.assertEqual(wizard.email_from, 'john.carter@northwind.co.uk')
        self.assertEqual(digits(wizard.mobile), '442079460958')
        self.assertFalse(wizard.phone, 'the number is labelled "Mobile"')
        self.assertEqual(wizard.website, 'www.northwind.co.uk')
        # the automatic choice reads the other cards too
        for card, email in ((self.vi_card, 'lan.nguyen@saomai.vn'),
                            (self.zh_card, 'wang.fang@dongfang.cn')):
            other = self.Wizard.create({'card_image': card,
                                        'ocr_language': 'auto'})
            self.read_card(other)
            self.assertEqual(other.email_from, email)

    def test_phone_photo(self):
        """A large JPEG stored sideways, as phones save them: turned
        upright by its EXIF orientation and reduced before the OCR; the
        lead gets the photo as it was taken."""
        photo = base64.b64encode(render_phone_photo(VIETNAMESE_CARD))
        wizard = self.Wizard.create({
            'card_image': photo, 'card_filename': 'IMG_0042.jpg',
            'ocr_language': 'vie'})
        self.read_card(wizard)
        self.assertEqual(spaces(wizard.contact_name), 'Nguyễn Thị Lan')
        self.assertEqual(wizard.email_from, 'lan.nguyen@saomai.vn')
        self.assertEqual(digits(wizard.phone), '842438261234')
        wizard.action_create_lead()
        lead = self.leads('lan.nguyen@saomai.vn')
        self.assertEqual(self.env['ir.attachment'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)
        ]).datas, photo)

    def test_corrections_win(self):
        """What the salesperson typed before reading stays, and what they
        correct after it is what the lead gets."""
        wizard = self.Wizard.create({
            'card_image': self.en_card, 'ocr_language': 'eng',
            'partner_name': 'Northwind (UK)',
            'description': 'Met at the Hanoi Expo'})
        self.read_card(wizard)
        self.assertEqual(wizard.partner_name, 'Northwind (UK)',
                         'a typed value is not overwritten')
        self.assertNotIn('partner_name', wizard.suggested_fields)
        self.assertIn('contact_name', wizard.suggested_fields)
        wizard.write({'contact_name': 'Jonathan Carter', 'mobile': False,
                      'phone': '+44 20 7946 0000'})
        wizard.action_create_lead()
        lead = self.leads('john.carter@northwind.co.uk')
        self.assertEqual(lead.contact_name, 'Jonathan Carter')
        self.assertEqual(lead.partner_name, 'Northwind (UK)')
        self.assertEqual(lead.phone, '+44 20 7946 0000')
        self.assertFalse(lead.mobile)
        self.assertEqual(lead.description, 'Met at the Hanoi Expo')
        self.assertEqual(lead.name, 'Northwind (UK) - Jonathan Carter')

    def test_another_photo(self):
        """The wrong card was read first: the right one replaces its
        suggestions, not what the salesperson typed meanwhile."""
        wizard = self.Wizard.create({
            'card_image': self.en_card, 'ocr_language': 'auto'})
        self.read_card(wizard)
        self.assertEqual(wizard.website, 'www.northwind.co.uk')
        wizard.write({'card_image': self.vi_card,
                      'description': 'Met at the Hanoi Expo',
                      'function': 'Giám đốc'})
        self.read_card(wizard)
        self.assertEqual(spaces(wizard.contact_name), 'Nguyễn Thị Lan')
        self.assertEqual(wizard.email_from, 'lan.nguyen@saomai.vn')
        self.assertEqual(wizard.function, 'Giám đốc', 'typed: it stays')
        self.assertFalse(wizard.website, "the other card's suggestion")
        self.assertFalse(wizard.mobile)
        self.assertEqual(wizard.description, 'Met at the Hanoi Expo')
        self.assertNotIn('function', wizard.suggested_fields)

    def test_typed_without_photo(self):
        """The quick entry without a photo: no attachment, same source."""
        wizard = self.Wizard.create({
            'contact_name': 'Trần Văn Bình', 'phone': '0912 345 678',
            'name': 'Met at the fair'})
        wizard.action_create_lead()
        lead = self.env['crm.lead'].search([
            ('contact_name', '=', 'Trần Văn Bình')])
        self.assertEqual(lead.name, 'Met at the fair')
        self.assertEqual(lead.source_id, self.source)
        self.assertFalse(self.env['ir.attachment'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)]))

    def assert_refused(self, wizard, method, message_part):
        count = self.env['crm.lead'].search_count([])
        with self.assertRaises(UserError) as caught:
            getattr(wizard, method)()
        self.assertIn(message_part, caught.exception.name)
        self.assertEqual(self.env['crm.lead'].search_count([]), count,
                         'nothing is created')

    def test_bad_uploads(self):
        garbage = self.Wizard.create({
            'card_image': base64.b64encode(noise_png()),
            'contact_name': 'Somebody'})
        self.assert_refused(garbage, 'action_read_card',
                            'No contact details could be read')
        self.assertEqual(garbage.contact_name, 'Somebody')
        self.assertFalse(garbage.suggested_fields)

        pdf = self.Wizard.create({
            'card_image': base64.b64encode(b'%PDF-1.4\n1 0 obj <<>>\n'),
            'contact_name': 'Somebody'})
        self.assert_refused(pdf, 'action_read_card', 'not an image')
        self.assert_refused(pdf, 'action_create_lead', 'not an image')

        huge = self.Wizard.create({
            'card_image': base64.b64encode(b'\0' * (10 * 1024 * 1024 + 1))})
        self.assert_refused(huge, 'action_read_card', 'The photo is too big')

        bomb = self.Wizard.create({
            'card_image': base64.b64encode(png_header_only(20000, 20000))})
        self.assert_refused(bomb, 'action_read_card', 'too many pixels')
        self.assert_refused(self.Wizard.create({
            'card_image': base64.b64encode(png_header_only(8000, 8000))}),
            'action_read_card', 'too many pixels')

        truncated = self.Wizard.create({
            'card_image': base64.b64encode(
                base64.b64decode(self.en_card)[:3000])})
        self.assert_refused(truncated, 'action_read_card', 'not an image')

        self.assert_refused(self.Wizard.create({}), 'action_read_card',
                            'Upload a photo')
        self.assert_refused(self.Wizard.create({'phone': '0912 345 678'}),
                            'action_create_lead', 'at least a contact name')

    def test_without_tesseract(self):
        wizard = self.Wizard.create({'card_image': self.en_card})
        with patch.dict(os.environ, {'PATH': '/nonexistent'}):
            self.assert_refused(wizard, 'action_read_card',
                                'tesseract OCR program is not installed')

    def test_parse_card_labels(self):
        """Labelled lines of a card; the mail gateway's signatures still
        leave the email and address out (the headers give the email)."""
        text = ('CÔNG TY CỔ PHẦN AN PHÚ\n'
                'Họ tên: Lê Văn An\n'
                'Chức vụ: Trưởng phòng mua hàng\n'
                'Địa chỉ: 12 Lý Thái Tổ, Hà Nội\n'
                'E: an.le@anphu.vn\n'
                'ĐT: 024 3826 1234\n'
                'DĐ: 0912 345 678\n')
        self.assertEqual(parse_card(text), {
            'partner_name': 'CÔNG TY CỔ PHẦN AN PHÚ',
            'contact_name': 'Lê Văn An',
            'function': 'Trưởng phòng mua hàng',
            'street': '12 Lý Thái Tổ', 'city': 'Hà Nội',
            'email_from': 'an.le@anphu.vn',
            'phone': '024 3826 1234',
            'mobile': '0912 345 678'})
        self.assertEqual(parse_card('上 海 东方 贸易 有 限 公司\n王 芳'), {
            'partner_name': '上海东方贸易有限公司', 'contact_name': '王芳'})
        signature = parse_signature('Hello\n\n--\n' + text)
        self.assertNotIn('email_from', signature)
        self.assertNotIn('street', signature)
        self.assertEqual(signature['contact_name'], 'Lê Văn An')

    def countries(self):
        """What the wizard gives the parser, the import's countries: names
        (English, the installed languages, the Vietnamese and Chinese
        names) and codes."""
        return Normaliser(self.env).countries

    def test_parse_card_addresses(self):
        """Vietnamese and Western addresses from the street to the country,
        Chinese ones from the country to the number; the country by its
        name as the card writes it, a code only where labelled "Country"
        (a US state is not Canada)."""
        vn, cn, us = (self.env.ref('base.%s' % code).id
                      for code in ('vn', 'cn', 'us'))
        countries = self.countries()
        card = parse_card('Nguyễn Văn Minh\nGiám đốc\nCông ty TNHH Bình An\n'
                          'Quận 1, TP. Hồ Chí Minh, Việt Nam', countries)
        self.assertEqual(
            (card['street'], card['city'], card['country_id']),
            ('Quận 1', 'Hồ Chí Minh', vn))
        self.assertEqual(card['partner_name'], 'Công ty TNHH Bình An')
        self.assertEqual(parse_card(
            'Lê Văn An\nSố 5 Phố Huế, P. Ngô Thì Nhậm, Q. Hai Bà Trưng, '
            'Hà Nội 100000', countries), {
                'contact_name': 'Lê Văn An',
                'street': 'Số 5 Phố Huế, P. Ngô Thì Nhậm, Q. Hai Bà Trưng',
                'city': 'Hà Nội', 'zip': '100000'})
        self.assertEqual(parse_card(
            '王芳\n上海市浦东新区世纪大道100号\n中国', countries), {
                'contact_name': '王芳', 'street': '浦东新区世纪大道100号',
                'city': '上海市', 'country_id': cn})
        self.assertEqual(parse_card(
            '王 芳\n地 址 ： 中国 广东省 深圳市 南山区 科技园 路 8 号\n'
            '邮编：518057', countries), {
                'contact_name': '王芳', 'street': '南山区科技园路8号',
                'city': '深圳市', 'zip': '518057', 'country_id': cn})
        self.assertEqual(parse_card(
            'Address: 1 Main Street, San Francisco, CA 94105\n'
            'Country: US', countries), {
                'street': '1 Main Street', 'city': 'San Francisco',
                'zip': '94105', 'country_id': us})
        self.assertNotIn('country_id', parse_card(
            'Sales Manager, ABC Co., Ltd', countries),
            'an unlabelled code is not a country')

    def test_card_address_read_on_the_photo(self):
        """The address on the photo fills street, city and country, and
        the lead gets them."""
        wizard = self.Wizard.create({
            'card_image': render_card_b64(VIETNAMESE_CARD + (
                'Quận 1, TP. Hồ Chí Minh, Việt Nam',)),
            'ocr_language': 'vie'})
        self.read_card(wizard)
        self.assertEqual(
            (wizard.street, spaces(wizard.city), wizard.country_id),
            ('Quận 1', 'Hồ Chí Minh', self.env.ref('base.vn')))
        self.assertIn('Country', wizard.suggestion_note)
        wizard.action_create_lead()
        lead = self.leads('lan.nguyen@saomai.vn')
        self.assertEqual((lead.street, lead.city, lead.country_id),
                         (wizard.street, wizard.city, wizard.country_id))

        wizard = self.Wizard.create({
            'card_image': render_card_b64(CHINESE_CARD + (
                '上海市浦东新区世纪大道100号', '中国'), cjk=True),
            'ocr_language': 'chi_sim'})
        self.read_card(wizard)
        self.assertEqual(
            (spaces(wizard.street), spaces(wizard.city), wizard.country_id),
            ('浦东新区世纪大道100号', '上海市', self.env.ref('base.cn')))

    def test_card_website_only_http(self):
        """A website the import would refuse (not http or https) is left
        out of the suggestions, with the reason; typed, it is refused."""
        wizard = self.Wizard.create({
            'card_image': render_card_b64(ENGLISH_CARD[:-1] + (
                'Web: http://intranet/crm',)),
            'ocr_language': 'eng'})
        self.read_card(wizard)
        self.assertEqual(wizard.email_from, 'john.carter@northwind.co.uk')
        self.assertFalse(wizard.website)
        self.assertEqual(
            wizard.refused_note,
            'The website read on the card, http://intranet/crm, is not a '
            'web address (http or https): it was left out.')
        wizard.website = 'javascript:alert(document.cookie)//x.com'
        self.assert_refused(
            wizard, 'action_create_lead',
            "'javascript:alert(document.cookie)//x.com' is not a web "
            "address (http or https)")
        wizard.website = 'https://www.northwind.co.uk/en'
        self.assert_opens_form(wizard.action_create_lead(),
                               self.leads('john.carter@northwind.co.uk'))

    def test_lead_given_out_of_sight(self):
        """The assignment rules give the lead to a team the salesperson
        does not see: the form says where the lead went instead of
        opening a form they may not read."""
        boss = self._user('card_boss')
        team = self.Team.create({'name': 'LX Card Elsewhere',
                                 'member_ids': [(6, 0, boss.ids)]})
        self.env['crm.lead.assignment.rule'].create({
            'name': 'LX cards elsewhere', 'sequence': 0,
            'domain': "[('contact_name', '=', 'LX Moved Card')]",
            'team_id': team.id, 'user_ids': [(6, 0, boss.ids)]})
        wizard = self.Wizard.create({'contact_name': 'LX Moved Card',
                                     'partner_name': 'Elsewhere Ltd'})
        action = wizard.action_create_lead()
        self.assertEqual((action['res_model'], action['res_id'],
                          action['target']),
                         ('crm.lead.business.card', wizard.id, 'new'))
        self.assertEqual(
            wizard.created_note,
            'The lead "Elsewhere Ltd - LX Moved Card" was created; the '
            'assignment rules gave it to a team or salesperson whose leads '
            'you do not see.')
