# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""What a user finds in the demo: the sale@ team's leads made by the mail
gateway from the mails received at install (signatures parsed, the
follow-up appended), the web shop's registration with its channel, and
the imported trade-fair list."""
import base64
import csv
import io

from odoo.tests.common import SavepointCase

HOA = 'hoa.tran@hoabinh-furniture.example.vn'
ZHANG = 'zhang.wei@mingda-electronics.example.cn'
EMILY = 'emily.carter@harbourlogistics.example.com'


class TestDemoStories(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestDemoStories, cls).setUpClass()
        cls.team = cls.env.ref('crm_suite.team_demo_inbound')
        cls.leads = cls.env['crm.lead'].search(
            [('gateway_team_id', '=', cls.team.id)])

    def _lead_of(self, address):
        lead = self.leads.filtered(
            lambda lead: address in lead.email_from)
        self.assertEqual(len(lead), 1, address)
        return lead

    def _mails(self, lead):
        return lead.message_ids.filtered(
            lambda m: m.message_type == 'email').sorted('id')

    def test_sale_alias_is_the_inbound_team_and_sales_stays_odoos(self):
        self.assertEqual(self.team.alias_name, 'sale')
        self.assertEqual(self.team.alias_model_id.model, 'crm.lead')
        self.assertIn("'team_id': %d" % self.team.id,
                      self.team.alias_defaults)
        self.assertEqual(
            self.env.ref('sales_team.team_sales_department').alias_name,
            'sales')

    def test_one_lead_per_sender_with_the_mails_in_the_chatter(self):
        self.assertEqual(len(self.leads), 3)
        self.assertEqual(self.leads.mapped('team_id'), self.team)
        hoa = self._lead_of(HOA)
        self.assertEqual(hoa.name, 'Hỏi giá phần mềm CRM cho 25 nhân viên')
        mails = self._mails(hoa)
        self.assertEqual(mails.mapped('subject'), [
            'Hỏi giá phần mềm CRM cho 25 nhân viên',
            'Bổ sung: cần tích hợp với Zalo'])
        self.assertIn('tích hợp được không', mails[1].body)
        self.assertTrue(all(HOA in m.email_from for m in mails))
        for address in (ZHANG, EMILY):
            self.assertEqual(len(self._mails(self._lead_of(address))), 1)

    def test_signatures_parsed(self):
        got = {address: self._lead_of(address).read([
            'contact_name', 'function', 'partner_name', 'phone',
            'mobile'])[0] for address in (HOA, ZHANG, EMILY)}
        expected = {
            HOA: ('Trần Thị Hoa', 'Giám đốc Kinh doanh',
                  'Công ty CP Nội thất Hòa Bình', '(028) 3822 5566',
                  '0903 456 789'),
            ZHANG: ('张伟', '采购经理', '广州明达电子有限公司',
                    '+86 20 8765 4321', '138 0013 8000'),
            EMILY: ('Emily Carter', 'Head of Procurement',
                    'Harbour Logistics Pty Ltd', '+61 2 9876 5432',
                    '+61 412 345 678'),
        }
        for address, values in expected.items():
            self.assertEqual(tuple(got[address][f] for f in (
                'contact_name', 'function', 'partner_name', 'phone',
                'mobile')), values, address)
        self.assertEqual(self._lead_of(HOA).website,
                         'hoabinh-furniture.example.vn')

    def test_no_mail_sent_for_the_received_mails(self):
        messages = self.leads.mapped('message_ids')
        self.assertFalse(self.env['mail.mail'].search(
            [('mail_message_id', 'in', messages.ids)]))

    def test_web_shop_registration_with_its_channel(self):
        key = self.env.ref('crm_suite.source_key_webshop')
        # the key README.md documents for trying the endpoint
        self.assertEqual(self.env['crm.lead.source.key']._capture_find_key(
            'demo-webshop-key'), key)
        lead = self.env['crm.lead'].search([('capture_key_id', '=', key.id)])
        self.assertEqual(len(lead), 1)
        self.assertEqual(lead.name, 'Web shop registration: Cà phê Thanh Long')
        self.assertEqual(lead.contact_name, 'Lê Văn Long')
        self.assertEqual(lead.team_id, self.team)
        self.assertFalse(lead.user_id)
        source = self.env.ref('crm_suite.utm_source_webshop')
        self.assertEqual(lead.source_id, source)
        row = self.env['crm.lead.analysis'].search(
            [('lead_id', '=', lead.id)])
        self.assertEqual(row.source_id, source)
        groups = self.env['crm.lead.analysis'].read_group(
            [('source_id', '=', source.id)], ['nbr', 'source_id'], ['source_id'])
        self.assertEqual(groups[0]['nbr'], 1)

    def test_imported_trade_fair_list_with_its_report(self):
        """The purchased list: six prospects in the Hanoi team, stamped
        with the list's source and tag, the badge scanned twice skipped and
        the hand-written email refused, as the downloadable report says."""
        wizard = self.env.ref('crm_suite.crm_lead_import_trade_fair')
        self.assertEqual(wizard.state, 'done')
        self.assertEqual((wizard.rows_total, wizard.created_count,
                          wizard.skipped_count, wizard.failed_count),
                         (8, 6, 1, 1))
        source = self.env.ref('crm_suite.utm_source_trade_fair')
        leads = self.env['crm.lead'].search([('source_id', '=', source.id)])
        self.assertEqual(sorted(leads.ids), sorted(wizard._lead_ids()))
        self.assertEqual(leads.mapped('team_id'),
                         self.env.ref('crm_leads_ext.team_hanoi'))
        self.assertEqual(leads.mapped('tag_ids'),
                         self.env.ref('crm_suite.crm_lead_tag_trade_fair'))
        tuan = leads.filtered(lambda lead: lead.contact_name == 'Hoàng Minh Tuấn')
        # typed in capitals with a trailing space, and a local number
        self.assertEqual(tuan.email_from,
                         'tuan.hoang@thanhcong-textile.example.vn')
        self.assertEqual(tuan.phone, '+84 28 3815 4477')
        self.assertEqual(
            sorted(lead.country_id.code for lead in leads),
            ['AU', 'CN', 'CN', 'VN', 'VN', 'VN'])
        report = base64.b64decode(wizard.report_file).decode('utf-8-sig')
        lines = {row[0]: row for row in csv.reader(io.StringIO(report))}
        self.assertEqual(lines['8'][1], 'skipped')
        self.assertEqual(lines['9'][1], 'failed')
        self.assertIn('khoa.phan(at)khoaphat.example', lines['9'][3])

    def test_demo_deals_in_their_salespersons_team(self):
        """No Vietnamese or Chinese deal of the suite in the Europe
        channel: each demo deal of the suite's addons sits in its
        salesperson's team."""
        data = self.env['ir.model.data'].search([
            ('model', '=', 'crm.lead'),
            ('module', 'in', ('crm_suite', 'crm_leads_ext',
                              'crm_territory_security'))])
        leads = self.env['crm.lead'].with_context(
            active_test=False).browse(data.mapped('res_id')).exists()
        assigned = leads.filtered('user_id')
        self.assertGreaterEqual(len(assigned), 11)
        for lead in assigned:
            self.assertEqual(lead.team_id, lead.user_id.sale_team_id,
                             lead.name)
        # Odoo's own demo leads stay in its channels
        self.assertNotIn(self.env.ref('sales_team.team_sales_department'),
                         leads.mapped('team_id'))

    def test_import_opens_on_the_managers_team(self):
        manager = self.env.ref('crm_suite.user_demo_sales_manager')
        hanoi = self.env.ref('crm_leads_ext.team_hanoi')
        self.assertEqual(manager.sale_team_id, hanoi)
        self.assertEqual(self.env['crm.lead.import'].sudo(manager).default_get(
            ['team_id'])['team_id'], hanoi.id)
        salesperson = self.env.ref('crm_suite.user_demo_salesperson')
        self.assertEqual(salesperson.sale_team_id, hanoi)
