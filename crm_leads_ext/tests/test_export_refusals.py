# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The web client's exports (/web/export/csv and /web/export/xls; Odoo 11
has no xlsx export) over real HTTP: records the user may not read and
deleted ones answer 403, what is not an export request 400, each with a
short message and no traceback, for any model (Odoo 11 answers 500)."""
import json

from .rpc_common import RpcCase

RULE_MESSAGE = 'security restrictions'
ACL_MESSAGE = 'not allowed to access'


class TestExportRefusals(RpcCase):

    def setUp(self):
        super(TestExportRefusals, self).setUp()
        self.seller = self.rpc_user('lx_export_seller',
                                    'sales_team.group_sale_salesman')
        other = self.rpc_user('lx_export_other',
                              'sales_team.group_sale_salesman')
        Lead = self.env['crm.lead'].with_context(
            crm_lead_skip_assignment=True)
        self.own = Lead.create({'name': 'LX export own',
                                'user_id': self.seller.id})
        self.foreign = Lead.create({'name': 'LX export foreign',
                                    'user_id': other.id})
        self.web = self.session('lx_export_seller')

    def test_leads_of_another_salesperson(self):
        ok = self.export(self.web, 'crm.lead', self.own.ids)
        self.assertEqual(ok.status_code, 200)
        self.assertIn('LX export own', ok.content.decode('utf-8'))
        for fmt in ('csv', 'xls'):
            for leads in (self.foreign, self.own | self.foreign):
                response = self.export(self.web, 'crm.lead', leads.ids,
                                       fmt=fmt)
                self.assertNotIn(b'LX export foreign', response.content)
                error = self.assertDownloadRefused(response, 403,
                                                   RULE_MESSAGE)
                self.assertEqual(error['data']['exception_type'],
                                 'access_error')

    def test_any_model(self):
        """A model the salesperson has no access to at all."""
        parameter = self.env['ir.config_parameter'].search([], limit=1)
        for fmt in ('csv', 'xls'):
            self.assertDownloadRefused(self.export(
                self.web, 'ir.config_parameter', parameter.ids, fmt=fmt,
                fields=('key', 'value')), 403, ACL_MESSAGE)

    def test_deleted_record(self):
        """A deleted lead and another salesperson's give the same answer:
        ids are sequential, two answers would tell which leads exist."""
        lead = self.env['crm.lead'].create({'name': 'LX export deleted',
                                            'user_id': self.seller.id})
        lead_id = lead.id
        lead.unlink()
        for fmt in ('csv', 'xls'):
            missing = self.export(self.web, 'crm.lead', [lead_id], fmt=fmt)
            self.assertDownloadRefused(missing, 403, RULE_MESSAGE)
            foreign = self.export(self.web, 'crm.lead', self.foreign.ids,
                                  fmt=fmt)
            self.assertEqual(missing.text, foreign.text)

    def test_not_an_export_request(self):
        valid = {'model': 'crm.lead', 'ids': self.own.ids, 'domain': [],
                 'import_compat': False, 'context': {},
                 'fields': [{'name': 'name', 'label': 'Name'}]}
        for data in ('not json', '[]',
                     json.dumps(dict(valid, model='no.such')),
                     json.dumps(dict(valid, fields='name')),
                     json.dumps({'model': 'crm.lead'})):
            for fmt in ('csv', 'xls'):
                self.assertDownloadRefused(self.export(
                    self.web, 'crm.lead', [], fmt=fmt, data=data), 400,
                    'not a valid export request')

    def test_malformed_export_requests(self):
        """Nested deeper than Python's stack, or no request at all."""
        for fmt in ('csv', 'xls'):
            self.assertDownloadRefused(self.export(
                self.web, 'crm.lead', [], fmt=fmt, data='[' * 20000), 400,
                'not a valid export request')
            self.assertDownloadRefused(self.download(
                self.web, '/web/export/%s' % fmt, {'token': 'lx'}), 400,
                'not a valid export request')

    def test_refusal_in_the_user_language(self):
        self.env['res.lang'].load_lang('zh_CN')
        self.env['ir.translation'].load_module_terms(
            ['crm_leads_ext'], ['zh_CN'])
        self.seller.lang = 'zh_CN'
        web = self.session('lx_export_seller')
        self.assertDownloadRefused(self.export(
            web, 'crm.lead', [], data='not json'), 400,
            '这不是有效的导出请求。')
