# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Lead import: every kind of bad file gets a clear message, and nothing
is written; bad rows fail alone, in the report."""
import io
import json
import zipfile

from .harness import InProcessServerCase, JsonRpcSession

from odoo.exceptions import UserError
from odoo.addons.crm_leads_ext.controllers.export import CSVExport

from .lead_import_common import HEADER, LeadImportCase


class TestLeadImportBadInput(LeadImportCase):

    def setUp(self):
        super(TestLeadImportBadInput, self).setUp()
        self.lead_count = self.Lead.search_count([])

    def assertRefused(self, data, message, file_name='leads.csv',
                      **values):
        wizard = self.wizard(data, file_name=file_name, **values)
        with self.assertRaises(UserError) as caught:
            wizard.action_load_file()
            wizard.with_context(
                crm_lead_import_foreground=True).action_import()
        self.assertIn(message, caught.exception.name)
        self.assertEqual(self.Lead.search_count([]), self.lead_count,
                         "nothing written")
        return caught.exception.name

    def test_empty_file(self):
        self.assertRefused(b'', 'The file is empty.')
        self.assertRefused(b'\n \n', 'The file is empty.')

    def test_header_only(self):
        self.assertRefused(HEADER.encode() + b'\n',
                           'a header line but no rows')

    def test_binary_garbage_named_csv(self):
        garbage = bytes(bytearray(range(256))) * 40
        self.assertRefused(garbage, 'not a text (CSV) file')

    def test_zip_bomb_named_xlsx(self):
        out = io.BytesIO()
        with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as archive:
            archive.writestr('[Content_Types].xml', '<Types/>')
            archive.writestr('xl/worksheets/sheet1.xml',
                             b'\0' * (64 * 1024 * 1024))
        self.assertLess(len(out.getvalue()), 200 * 1024)
        message = self.assertRefused(out.getvalue(), 'zip bomb',
                                     file_name='leads.xlsx')
        self.assertIn('64 MB', message)

    def test_not_an_excel_file(self):
        self.assertRefused(b'PK\x03\x04 not really a zip',
                           'not a valid Excel (XLSX) file',
                           file_name='leads.xlsx')

    def test_unsupported_extension(self):
        self.assertRefused(b'a,b\n1,2\n', 'not a CSV, XLS or XLSX file',
                           file_name='leads.pdf')

    def test_wrong_delimiter(self):
        data = self.csv_bytes([['An', 'Acme', 'an@acme.vn', '', '', '', '',
                                '', '']], separator=';')
        message = self.assertRefused(data, 'no required column',
                                     separator=',')
        self.assertIn('comma', message)
        # the automatic separator reads it
        wizard = self.run_import(data)
        self.assertEqual(wizard.created_count, 1)

    def test_required_column_missing(self):
        data = self.csv_bytes([['Hanoi', 'VN', 'note']],
                              header='City,Country,Notes')
        message = self.assertRefused(data, 'no required column')
        self.assertIn('email', message)

    def test_file_not_in_utf8(self):
        data = ('Contact Name,Email\nNguy\u00ea\u0303n V\u0103n Anh,'
                'anh@vn.vn\n').encode('cp1258')
        message = self.assertRefused(data, 'cannot be read as UTF-8')
        self.assertIn('Windows-1258', message)

    def test_unknown_encoding(self):
        # Russian in KOI8-R, an encoding the form does not offer
        data = ('Contact Name,Email\n\u0418\u0432\u0430\u043d,'
                'ivan@ru.ru\n').encode('koi8_r')
        message = self.assertRefused(data, 'cannot be read as UTF-8')
        self.assertIn("Choose the file's encoding", message)

    def test_windows_1258_vietnamese(self):
        # Vietnamese Windows files write tones as combining marks
        data = ('Contact Name,Company,Email\n'
                'Nguy\u00ea\u0303n V\u0103n Anh,C\u00f4ng ty \u0110\u00f4ng '
                '\u00c1,anh@vn.vn\n').encode('cp1258')
        self.run_import(data, encoding='windows-1258')
        lead = self.leads(email_from='anh@vn.vn')
        self.assertEqual(lead.contact_name, 'Nguy\u1ec5n V\u0103n Anh')
        self.assertEqual(lead.partner_name,
                         'C\u00f4ng ty \u0110\u00f4ng \u00c1')

    def test_gb18030_chinese(self):
        data = ('Contact Name,Company,Email\n\u674e\u4f1f,'
                '\u5317\u4eac\u79d1\u6280\u6709\u9650\u516c\u53f8,'
                'li@cn.cn\n').encode('gb18030')
        self.run_import(data, encoding='gb18030')
        lead = self.leads(email_from='li@cn.cn')
        self.assertEqual(lead.contact_name, '\u674e\u4f1f')
        self.assertEqual(lead.partner_name,
                         '\u5317\u4eac\u79d1\u6280\u6709\u9650\u516c\u53f8')

    def test_utf8_bom(self):
        data = b'\xef\xbb\xbf' + self.csv_bytes(
            [['B\u00f9i Th\u1ecb Hoa', 'Lotus', 'hoa@lotus.vn', '', '', '',
              '', '', '']])
        wizard = self.wizard(data)
        wizard.action_load_file()
        self.assertEqual(wizard.line_ids[0].header, 'Contact Name')
        self.assertEqual(wizard.line_ids[0].field_name, 'contact_name')
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(self.leads(email_from='hoa@lotus.vn').contact_name,
                         'B\u00f9i Th\u1ecb Hoa')

    def test_megabyte_cell_refuses_its_row(self):
        wizard = self.run_import(self.csv_bytes([
            ['Big', 'Big Co', 'big@cell.com', '', '', '', '', '',
             'x' * (1024 * 1024)],
            ['Small', 'Small Co', 'small@cell.com', '', '', '', '', '',
             'short']]))
        self.assertEqual((wizard.created_count, wizard.failed_count), (1, 1))
        self.assertFalse(self.leads(email_from='big@cell.com'))
        failed = self.report(wizard)[0]
        self.assertEqual(failed['Result'], 'failed')
        self.assertIn('1048576 characters long', failed['Message'])

    def test_invalid_emails_and_phones_fail_alone(self):
        wizard = self.run_import(self.csv_bytes([
            ['One', 'A', 'one@@bad', '', '', '', '', '', ''],
            ['Two', 'B', 'two@good.com', 'call me', '', '', '', '', ''],
            ['Three', 'C', 'three@good.com', '12', '', '', '', '', ''],
            ['Four', 'D', 'four@good.com', '+1 415 555 0199', '', '', '',
             'US', '']]))
        self.assertEqual((wizard.created_count, wizard.failed_count), (1, 3))
        report = self.report(wizard)
        self.assertIn("'one@@bad' is not a valid email address",
                      report[0]['Message'])
        self.assertIn("'call me' is not a valid phone number",
                      report[1]['Message'])
        self.assertIn("'12' is not a valid phone number",
                      report[2]['Message'])
        self.assertEqual(self.leads(email_from='four@good.com').phone,
                         '+1 415-555-0199')

    def test_mixed_date_formats(self):
        data = self.csv_bytes([
            ['A', 'a@date.com', '2026-12-31'],
            ['B', 'b@date.com', '31/12/2026'],
            ['C', 'c@date.com', '12/30/2026'],
            ['D', 'd@date.com', '31 Dec 2026'],
            ['E', 'e@date.com', 'next tuesday']],
            header='Contact Name,Email,Expected Closing')
        wizard = self.run_import(data, title_mode='contact')
        self.assertEqual((wizard.created_count, wizard.failed_count), (4, 1))
        self.assertEqual(set(self.Lead.search(
            [('email_from', 'like', '@date.com')]).mapped('date_deadline')),
            {'2026-12-31', '2026-12-30'})
        self.assertEqual(self.report(wizard)[4]['Message'],
                         "'next tuesday' is a relative date: write the date "
                         "itself (e.g. 2027-03-05)")

    def test_formula_cells_stored_as_text_and_exported_escaped(self):
        self.run_import(self.csv_bytes([
            ['=HYPERLINK("http://x","y")', '@SUM(A1:A9)', 'f@x.com', '', '',
             '-2+3', '', '', '+cmd|calc']]))
        lead = self.leads(email_from='f@x.com')
        self.assertEqual(lead.contact_name, '=HYPERLINK("http://x","y")')
        self.assertEqual(lead.partner_name, '@SUM(A1:A9)')
        exported = CSVExport().from_data(
            ['Contact', 'Company', 'Job', 'Notes', 'Email'],
            [[lead.contact_name, lead.partner_name, lead.function,
              lead.description, lead.email_from]]).decode('utf-8')
        self.assertIn('"\'=HYPERLINK(""http://x"",""y"")"', exported)
        self.assertIn('"\'@SUM(A1:A9)"', exported)
        self.assertIn('"\'-2+3"', exported)
        self.assertIn('"\'+cmd|calc"', exported)
        self.assertIn('"f@x.com"', exported)

    def test_duplicate_rows(self):
        row = ['Dup', 'Dup Co', 'dup@rows.com', '', '', '', '', '', '']
        wizard = self.run_import(self.csv_bytes([row, row, row]))
        self.assertEqual((wizard.created_count, wizard.skipped_count),
                         (1, 2))
        self.assertEqual(len(self.leads(email_from='dup@rows.com')), 1)

    def test_file_over_the_row_limit(self):
        self.env['ir.config_parameter'].set_param(
            'crm_leads_ext.import_row_limit', '5')
        rows = [['P%d' % i, 'C', 'p%d@limit.com' % i, '', '', '', '', '',
                 ''] for i in range(6)]
        message = self.assertRefused(self.csv_bytes(rows),
                                     'more than 5 rows')
        self.assertIn('Split it', message)
        wizard = self.run_import(self.csv_bytes(rows[:5]))
        self.assertEqual(wizard.created_count, 5)

    def test_file_over_the_column_limit(self):
        """A column is a line of the form: 20,000 of them took a minute to
        load; the file is refused before any is made."""
        header = ['Company', 'Email'] + ['x%d' % i for i in range(19998)]
        row = ['Wide Co', 'wide@columns.com'] + [''] * 19998
        Line = self.env['crm.lead.import.line']
        lines = Line.search_count([])
        message = self.assertRefused(self.csv_bytes([header, row], None),
                                     'The file has 20000 columns')
        self.assertIn('at most 500 can be imported', message)
        self.assertEqual(Line.search_count([]), lines)
        wizard = self.wizard(self.csv_bytes([header[:500], row[:500]], None))
        wizard.action_load_file()
        self.assertEqual(len(wizard.line_ids), 500)


class TestFormulaExportOverHttp(InProcessServerCase):
    """The web client's CSV export, over real HTTP: imported cells that a
    spreadsheet would run as formulas come out as text."""

    def test_csv_export_escapes_formulas(self):
        manager = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Export Manager', 'login': 'lx_export_manager',
                'password': 'lx_export_manager',
                'groups_id': [(6, 0, [
                    self.env.ref('base.group_user').id,
                    self.env.ref('sales_team.group_sale_manager').id])]})
        lead = self.env['crm.lead'].create({
            'name': '@SUM(A1:A9)', 'contact_name': '=HYPERLINK("http://x")',
            'partner_name': 'Plain Co', 'email_from': 'x@formula.com'})
        with self.browser_turn():
            session = JsonRpcSession(self.base_url, self.db,
                                     'lx_export_manager', 'lx_export_manager')
            # a GET, as a POST of type='http' needs the page's CSRF token
            response = session.http.get(
                self.base_url + '/web/export/csv', params={
                    'data': json.dumps({
                        'model': 'crm.lead', 'ids': lead.ids, 'domain': [],
                        'import_compat': True,
                        'fields': [{'name': name, 'label': name} for name in
                                   ('name', 'contact_name', 'partner_name',
                                    'email_from')]}),
                    'token': 'x'})
        self.assertEqual(response.status_code, 200, manager.login)
        lines = response.content.decode('utf-8').splitlines()
        self.assertEqual(
            lines[1], '"\'@SUM(A1:A9)","\'=HYPERLINK(""http://x"")",'
                      '"Plain Co","x@formula.com"')
