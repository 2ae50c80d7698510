# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The lead import on lists as salespeople buy them: Vietnamese and
Chinese names and addresses, dates written every way, a title above the
header, merged cells, rows of the wrong width, numbers a digit short, no
title column; dry runs, and files imported again once corrected."""
import base64
import datetime

from odoo.exceptions import UserError

from .lead_import_common import LeadImportCase

LIST_HEADER = 'Contact Name,Company,Email,Phone,City,Country,Expected Closing'


class TestLeadImportLists(LeadImportCase):

    def dated(self, dates, **values):
        """A list of one prospect per closing date."""
        rows = [['Khách %d.%d' % (len(dates), index), 'Công ty %d' % index,
                 'khach%d.%d@dates.vn' % (len(dates), index), '', 'Hà Nội',
                 'VN', date]
                for index, date in enumerate(dates)]
        return self.run_import(self.csv_bytes(rows, header=LIST_HEADER),
                               **values)

    def deadlines(self):
        return [lead.date_deadline for lead in self.Lead.search(
            [('email_from', 'like', '@dates.vn')], order='id')]

    # -- dates -----------------------------------------------------------

    def test_every_unambiguous_date_is_read(self):
        forms = [
            '2027-03-05', '2027-03-05 14:30', '2027-03-05T14:30:00+07:00',
            '2027/03/05', '2027.3.5', '5-Mar-2027', '05 March 2027',
            'March 5th, 2027', 'Fri, 5 Mar 2027', '15/03/2027',
            '03-15-2027', '15.03.2027', '2027年3月5日', '２０２７年３月５日',
            '二〇二七年三月五日 星期五', 'ngày 5 tháng 3 năm 2027',
            'Thứ Sáu, 05 tháng Ba 2027', '5 tháng Mười Hai, 2027',
        ]
        wizard = self.dated(forms)
        self.assertEqual((wizard.created_count, wizard.failed_count),
                         (len(forms), 0), self.report(wizard))
        self.assertEqual(self.deadlines(), [
            '2027-03-05', '2027-03-05', '2027-03-05', '2027-03-05',
            '2027-03-05', '2027-03-05', '2027-03-05', '2027-03-05',
            '2027-03-05', '2027-03-15', '2027-03-15', '2027-03-15',
            '2027-03-05', '2027-03-05', '2027-03-05', '2027-03-05',
            '2027-03-05', '2027-12-05'])

    def test_a_date_read_both_ways_is_a_row_error(self):
        """02/03/2027 is the 2nd of March in Hanoi and February 3rd in
        New York: without the file's date order, its row fails."""
        wizard = self.dated(['02/03/2027', '04.05.2027', '2027-06-07'])
        self.assertFalse(wizard.date_order, "no row proves an order")
        self.assertEqual((wizard.created_count, wizard.failed_count), (1, 2))
        report = self.report(wizard)
        self.assertEqual(
            report[0]['Message'],
            "'02/03/2027' can be read day first or month first: choose the "
            "date order of the file in the import form")
        self.assertEqual(self.deadlines(), ['2027-06-07'])

    def test_the_date_order_is_known_from_a_day_above_12(self):
        wizard = self.dated(['02/03/2027', '25/03/2027'])
        self.assertEqual(wizard.date_order, 'dmy')
        self.assertEqual(self.deadlines(), ['2027-03-02', '2027-03-25'])
        wizard = self.dated(['02/03/2027', '12/25/2027', '2027-01-01'])
        self.assertEqual(wizard.date_order, 'mdy')
        self.assertEqual(self.deadlines()[2:],
                         ['2027-02-03', '2027-12-25', '2027-01-01'])

    def test_the_user_chooses_the_date_order(self):
        data = self.csv_bytes([
            ['Lưu Đức Hoa', 'Hoa Phát', 'hoa@dates.vn', '', 'Đà Nẵng', 'VN',
             '02/03/2027'],
            ['Trịnh Văn Sơn', 'Sơn Hà', 'son@dates.vn', '', 'Huế', 'VN',
             '30/12/2027'],
            ['Mark Dale', 'Dale Inc', 'mark@dates.vn', '', 'Austin', 'US',
             '12/30/2027']], header=LIST_HEADER)
        wizard = self.wizard(data)
        wizard.action_load_file()
        self.assertFalse(wizard.date_order,
                         "the rows prove both orders: the user chooses")
        wizard.date_order = 'mdy'
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(self.deadlines(),
                         ['2027-02-03', '2027-12-30', '2027-12-30'],
                         "a date with one reading is read so, whatever "
                         "the order")

    def test_relative_and_impossible_dates_fail_with_their_reason(self):
        wizard = self.dated(['tomorrow', 'next week', 'ngày mai', '下周',
                             '30/02/2027', '2027-13-05', '2027年2月29日',
                             '05/03/27', 'Thursday, 5 March 2027'])
        self.assertEqual((wizard.created_count, wizard.failed_count), (0, 9))
        self.assertEqual([row['Message'] for row in self.report(wizard)], [
            "'tomorrow' is a relative date: write the date itself (e.g. "
            "2027-03-05)",
            "'next week' is a relative date: write the date itself (e.g. "
            "2027-03-05)",
            "'ngày mai' is a relative date: write the date itself (e.g. "
            "2027-03-05)",
            "'下周' is a relative date: write the date itself (e.g. "
            "2027-03-05)",
            "'30/02/2027' is not a date: month 2 of 2027 has 28 days",
            "'2027-13-05' is not a date: there is no month 13",
            "'2027年2月29日' is not a date: month 2 of 2027 has 28 days",
            "'05/03/27' is not a date: its year needs four digits",
            "'Thursday, 5 March 2027' is not a date: its day of the week is "
            "not that of the date",
        ])

    # -- rows of the wrong width ---------------------------------------------

    def test_rows_with_more_or_fewer_cells_fail_and_blank_lines_are_skipped(
            self):
        text = (
            LIST_HEADER + '\n'
            'Phạm Minh Châu,Minh Châu Foods,chau@ragged.vn,,Cần Thơ,VN,\n'
            '\n'
            # a comma in the company name, not quoted: one cell too many
            'Ngô Thị Lan,Lan Anh, Co. Ltd,lan@ragged.vn,,Huế,VN,\n'
            ',,,,,,\n'
            # the company forgotten: every value a column to the left
            'Đỗ Văn Nam,nam@ragged.vn,,Hải Phòng,VN,\n'
            '周杰,上海明日贸易有限公司,zhou@ragged.cn,,上海,CN,\n')
        wizard = self.run_import(text.encode('utf-8'))
        self.assertEqual(wizard.rows_total, 4, "blank lines are not rows")
        self.assertEqual((wizard.created_count, wizard.failed_count), (2, 2))
        report = self.report(wizard)
        self.assertEqual([(row['Row'], row['Result']) for row in report], [
            ('2', 'created'), ('4', 'failed'), ('6', 'failed'),
            ('7', 'created')], "the rows of the file, blank lines counted")
        self.assertEqual(report[1]['Message'], (
            "the row has 8 cells but the header has 7: its values cannot be "
            "matched to the columns"))
        self.assertEqual(report[2]['Message'], (
            "the row has 6 cells but the header has 7: its values cannot be "
            "matched to the columns"))
        self.assertFalse(self.leads(contact_name='Ngô Thị Lan'))
        self.assertFalse(self.leads(contact_name='Đỗ Văn Nam'))

    def test_spreadsheet_cell_beyond_the_header_fails_its_row(self):
        data = self.xlsx_bytes([
            ['Contact Name', 'Company', 'Email'],
            ['黄磊', '广州白云电器', 'huang@beyond.cn'],
            ['林静', '深圳华南科技', 'lin@beyond.cn', 'VIP, gọi lại'],
            ['Vũ Hải', 'Hải Long', 'hai@beyond.vn', None, None],
            ['陈伟', ('error', '#N/A'), 'chen@beyond.cn'],
        ])
        wizard = self.run_import(data, file_name='danh-sach.xlsx')
        self.assertEqual((wizard.created_count, wizard.failed_count), (2, 2))
        report = self.report(wizard)
        self.assertEqual(report[1]['Message'], (
            "the row has 4 cells but the header has 3: its values cannot be "
            "matched to the columns"))
        self.assertIn('#N/A', report[3]['Message'],
                      "an error cell fails its row, not the file")
        self.assertEqual(set(self.Lead.search(
            [('email_from', 'like', '@beyond.')]).mapped('email_from')),
            {'huang@beyond.cn', 'hai@beyond.vn'})

    # -- a title above the header ------------------------------------------

    def test_title_row_above_the_header_of_a_csv(self):
        text = (
            'Danh sách khách hàng tiềm năng - Vietnam Expo 2027,,,,,,\n'
            'Xuất ngày 01/03/2027,,,,,,\n'
            + LIST_HEADER + '\n'
            'Bùi Thị Thu,Thu Trang Cosmetics,thu@expo.vn,0903 456 789,'
            'Hà Nội,VN,2027-04-30\n')
        wizard = self.wizard(text.encode('utf-8'))
        wizard.action_load_file()
        self.assertEqual(wizard.header_row, 3)
        self.assertEqual(wizard.rows_total, 1)
        self.assertEqual(wizard.line_ids[0].header, 'Contact Name')
        self.assertEqual(wizard.line_ids[0].sample, 'Bùi Thị Thu')
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        lead = self.leads(email_from='thu@expo.vn')
        self.assertEqual(lead.phone, '+84 903 456 789')
        self.assertEqual(self.report(wizard)[0]['Row'], '4')

    def test_xlsx_with_a_merged_title_and_merged_company_cells(self):
        """The merged title in row 1, the header in row 2, a company
        merged over the rows of its two contacts, a blank row, closing
        dates as date cells and as text."""
        header = ['Họ tên', 'Contact Name', 'Company', 'Email', 'Mobile',
                  'City', 'Country', 'Expected Closing']
        data = self.xlsx_bytes([
            [None] * 8,
            header,
            ['Ông', 'Lý Quốc Bảo', None, 'bao@merged.vn', '0912 345 678',
             'TP. Hồ Chí Minh', 'Vietnam', datetime.date(2027, 3, 25)],
            ['Bà', 'Tạ Thị Mai', None, 'mai@merged.vn', '0903 333 333',
             'TP. Hồ Chí Minh', 'VN', '5-Apr-2027'],
            [None] * 8,
            ['先生', '王建国', '杭州西湖茶业有限公司', 'wang@merged.cn',
             '135 7246 8013', '杭州', 'CN', '2027年5月1日'],
        ], merges=[(0, 0, 0, 7, 'DANH SÁCH KHÁCH HÀNG - THÁNG 3/2027'),
                   (2, 2, 3, 2, 'Công ty CP Thép Nam Việt')])
        wizard = self.wizard(data, file_name='khach-hang.xlsx')
        wizard.action_load_file()
        self.assertEqual(wizard.header_row, 2)
        self.assertEqual(
            [line.field_name for line in wizard.line_ids],
            [False, 'contact_name', 'partner_name', 'email_from', 'mobile',
             'city', 'country_id', 'date_deadline'])
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual((wizard.created_count, wizard.failed_count), (3, 0),
                         self.report(wizard))
        bao = self.leads(email_from='bao@merged.vn')
        mai = self.leads(email_from='mai@merged.vn')
        wang = self.leads(email_from='wang@merged.cn')
        self.assertEqual((bao.partner_name, mai.partner_name),
                         ('Công ty CP Thép Nam Việt',) * 2,
                         "the merged company is each contact's")
        self.assertEqual(bao.date_deadline, '2027-03-25')
        self.assertEqual(mai.date_deadline, '2027-04-05')
        self.assertEqual(wang.date_deadline, '2027-05-01')
        self.assertEqual(wang.mobile, '+86 135 7246 8013')
        self.assertEqual(bao.country_id, self.env.ref('base.vn'))
        self.assertEqual([row['Row'] for row in self.report(wizard)],
                         ['3', '4', '6'])

    def test_the_user_chooses_the_header_row(self):
        """Titles the import does not know: no row looks like a header,
        the user says which it is and maps its columns."""
        text = ('Khách hàng tiềm năng quý 2,,\n'
                'Họ và tên,Tên công ty,Thư điện tử\n'
                'Quách Tuấn,Tuấn Phát,tuan@rowchoice.vn\n')
        wizard = self.wizard(text.encode('utf-8'))
        wizard.action_load_file()
        self.assertEqual(wizard.header_row, 1)
        with self.assertRaises(UserError) as refusal:
            wizard.with_context(
                crm_lead_import_foreground=True).action_import()
        self.assertIn('choose it as the header row', refusal.exception.name)
        wizard.header_row = 2
        wizard.action_load_file()
        self.assertEqual(wizard.line_ids.mapped('header'),
                         ['Họ và tên', 'Tên công ty', 'Thư điện tử'])
        for line, field in zip(wizard.line_ids, ('contact_name',
                                                 'partner_name',
                                                 'email_from')):
            line.field_name = field
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(self.leads(email_from='tuan@rowchoice.vn')
                         .partner_name, 'Tuấn Phát')

    def test_a_file_changed_since_it_was_loaded_is_refused(self):
        """Columns are mapped by position: a script that writes another
        file, or another header row, without loading it again would send
        values to the wrong fields."""
        wizard = self.wizard(self.csv_bytes([
            ['Tạ Quang', 'Quang Minh', 'quang@changed.vn', '', '', 'VN', '']],
            header=LIST_HEADER))
        wizard.action_load_file()
        wizard.write({'file': base64.b64encode(self.csv_bytes(
            [['quang@changed.vn', 'Tạ Quang', 'Quang Minh']],
            header='Email,Contact Name,Company'))})
        with self.assertRaises(UserError) as refusal:
            wizard.with_context(
                crm_lead_import_foreground=True).action_import()
        self.assertEqual(refusal.exception.name, (
            "The file or its header row changed since the file was loaded: "
            "load the file again and check its columns."))
        self.assertFalse(self.leads(email_from='quang@changed.vn'))
        wizard.action_load_file()
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(self.leads(email_from='quang@changed.vn')
                         .partner_name, 'Quang Minh')

    # -- phone numbers ---------------------------------------------------

    def test_countries_as_vietnamese_and_chinese_lists_write_them(self):
        """"Việt Nam" and "中国" are countries whether or not Vietnamese
        and Chinese are installed (the database of these tests has only
        English); a name that is no country is a row error."""
        rows = [['Lê Văn An', 'An Phú', 'an@countries.vn', '', 'Hà Nội',
                 'Việt Nam', ''],
                ['王建国', '西湖茶业', 'wang@countries.cn', '', '杭州', '中国',
                 ''],
                ['Tạ Mai', 'Mai', 'mai@countries.vn', '', '', 'Nam Việt', '']]
        wizard = self.run_import(self.csv_bytes(rows, header=LIST_HEADER))
        self.assertEqual(
            [(lead.email_from, lead.country_id) for lead in self.Lead.search(
                [('email_from', 'like', '@countries.')], order='id')],
            [('an@countries.vn', self.env.ref('base.vn')),
             ('wang@countries.cn', self.env.ref('base.cn'))])
        self.assertEqual(self.report(wizard)[2]['Message'],
                         "unknown country 'Nam Việt'")

    def test_phone_numbers_must_be_valid_for_their_country(self):
        self.env.user.company_id.country_id = self.env.ref('base.vn')
        wizard = self.run_import(self.csv_bytes([
            # a digit short
            ['Hồ Văn Tài', 'Tài Lộc', 'tai@phones.vn', '0912 345 67', '',
             'VN', ''],
            ['张伟', '北京万通', 'zhang@phones.cn', '139 1234 567', '', 'CN',
             ''],
            # one digit repeated
            ['Lâm Thị Kim', 'Kim Ngân', 'kim@phones.vn', '0000 000 000', '',
             'VN', ''],
            ['李娜', '天津海丰', 'li@phones.cn', '1111 1111 111', '', 'CN', ''],
            # valid, and read in the company's country without one
            ['Đinh Công', 'Công Thành', 'cong@phones.vn', '0903 456 789',
             '', '', ''],
            ['赵敏', '重庆山城', 'zhao@phones.cn', '021 6888 8888', '', 'CN',
             '']], header=LIST_HEADER))
        self.assertEqual((wizard.created_count, wizard.failed_count), (2, 4))
        self.assertEqual([row['Message'] for row in self.report(wizard)][:4], [
            "'0912 345 67' is not a valid phone number of Vietnam",
            "'139 1234 567' is not a valid phone number of China",
            "'0000 000 000' is not a valid phone number of Vietnam",
            "'1111 1111 111' is not a valid phone number of China"])
        self.assertEqual(self.leads(email_from='cong@phones.vn').phone,
                         '+84 903 456 789')
        self.assertEqual(self.leads(email_from='zhao@phones.cn').phone,
                         '+86 21 6888 8888')

    def test_links_and_amounts_that_would_harm(self):
        """A website is a link in the lead's form: only http and https
        addresses; an amount beyond any deal (1.7e308 twice made every
        grouped view of the pipeline fail on an overflow) is refused."""
        wizard = self.run_import(self.csv_bytes([
            ['Web An', 'An Web', 'an@links.vn', 'javascript:alert(1)', '1'],
            ['Web Bo', 'Bo Web', 'bo@links.vn', 'JaVaScRiPt:alert(1)//x.com',
             '1'],
            ['Web Ca', 'Ca Web', 'ca@links.vn',
             'data:text/html,<script>alert(1)</script>', '1'],
            ['Web Di', 'Di Web', 'di@links.vn', 'www.di.vn', '1.7e308'],
            ['Web En', 'En Web', 'en@links.vn', 'www.en.vn', 'nan'],
            ['Web Gi', 'Gi Web', 'gi@links.vn', 'https://gi.vn/x?y=1',
             '120 000'],
            ['Web Ha', 'Ha Web', 'ha@links.vn', 'ha.vn', '999999999999999']],
            header='Contact Name,Company,Email,Website,Expected Revenue'))
        self.assertEqual((wizard.created_count, wizard.failed_count), (2, 5))
        self.assertEqual([row['Message'] for row in self.report(wizard)][:5], [
            "'javascript:alert(1)' is not a web address (http or https)",
            "'JaVaScRiPt:alert(1)//x.com' is not a web address (http or "
            "https)",
            "'data:text/html,<script>alert(1)</script>' is not a web address "
            "(http or https)",
            "'1.7e308' is not an amount a deal can have",
            "'nan' is not an amount a deal can have"])
        self.assertEqual(self.leads(email_from='gi@links.vn').planned_revenue,
                         120000)
        self.assertEqual(self.leads(email_from='ha@links.vn').website,
                         'ha.vn')
        self.Lead.read_group([], ['planned_revenue', 'stage_id'], ['stage_id'])

    # -- the lead's title ------------------------------------------------

    def test_a_file_without_title_column_is_refused_until_the_user_chooses(
            self):
        data = self.csv_bytes([
            ['Kiều Anh', 'Anh Dương', 'anh@titles.vn', '', '', 'VN', ''],
            ['孙丽', '', 'sun@titles.cn', '', '', 'CN', '']],
            header=LIST_HEADER)
        wizard = self.wizard(data, title_mode='column')
        wizard.action_load_file()
        with self.assertRaises(UserError) as refusal:
            wizard.with_context(
                crm_lead_import_foreground=True).action_import()
        self.assertEqual(refusal.exception.name, (
            "The file has no Lead Title column. Map one of its columns to "
            "Lead Title, or choose in Lead Titles how the titles are built: "
            "from the company, from the contact name or a fixed text."))
        self.assertFalse(self.leads(email_from='anh@titles.vn'))

        wizard.title_mode = 'company'
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(self.leads(email_from='anh@titles.vn').name,
                         'Anh Dương')
        report = self.report(wizard)
        self.assertEqual(report[0]['Lead Title (the company)'], 'Anh Dương')
        self.assertEqual(report[1]['Message'],
                         "the lead's title is the company, and the row has "
                         "none")

    def test_titles_from_the_contact_or_a_fixed_text(self):
        data = self.csv_bytes([
            ['Kiều Anh', 'Anh Dương', 'anh@titles.vn', '', '', 'VN', '']],
            header=LIST_HEADER)
        self.run_import(data, title_mode='contact')
        self.assertEqual(self.leads(email_from='anh@titles.vn').name,
                         'Kiều Anh')
        other = self.csv_bytes([
            ['孙丽', '', 'sun@titles.cn', '', '', 'CN', '']],
            header=LIST_HEADER)
        wizard = self.wizard(other, title_mode='fixed')
        wizard.action_load_file()
        with self.assertRaises(UserError) as refusal:
            wizard.action_dry_run()
        self.assertEqual(refusal.exception.name,
                         "Enter the text of the lead titles.")
        wizard.title_text = 'Hội chợ Canton 2027'
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(self.leads(email_from='sun@titles.cn').name,
                         'Hội chợ Canton 2027')
        self.assertIn('Lead Title (a fixed text)', self.report(wizard)[0])

    def test_a_title_column_and_another_choice_are_refused(self):
        data = self.csv_bytes([['Kiều Anh', 'anh@titles.vn', 'Mua máy in']],
                              header='Contact Name,Email,Subject')
        wizard = self.wizard(data, title_mode='contact')
        wizard.action_load_file()
        with self.assertRaises(UserError) as refusal:
            wizard.action_dry_run()
        self.assertIn('The column Subject is mapped to Lead Title',
                      refusal.exception.name)
        wizard.title_mode = 'column'
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(self.leads(email_from='anh@titles.vn').name,
                         'Mua máy in')

    # -- dry run ---------------------------------------------------------

    def test_a_dry_run_leaves_the_import_ready_with_a_preview(self):
        wizard = self.wizard(self.csv_bytes([
            ['Mạc Văn Khoa', 'Khoa Nam', 'khoa@preview.vn', '', '', 'VN', ''],
            ['Bad', 'Bad Co', 'not-an-email', '', '', 'VN', '']],
            header=LIST_HEADER))
        wizard.action_load_file()
        wizard.action_dry_run()
        self.assertEqual(wizard.state, 'ready',
                         "ready to run: the form offers Import")
        self.assertEqual((wizard.created_count, wizard.failed_count), (0, 0),
                         "nothing under Created")
        self.assertEqual((wizard.preview_created_count,
                          wizard.preview_failed_count), (1, 1))
        self.assertEqual(wizard.preview_summary,
                         'would create 1, update 0, skip 0, fail 1')
        self.assertFalse(self.leads(email_from='khoa@preview.vn'))
        self.assertEqual(wizard.report_file_name,
                         'leads-dry-run-report.csv')

        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(wizard.state, 'done')
        self.assertFalse(wizard.dry_run)
        self.assertEqual((wizard.created_count, wizard.failed_count), (1, 1))
        self.assertFalse(wizard.preview_summary)

    # -- which field a duplicate shares ------------------------------------

    def test_the_duplicate_reason_names_the_field_that_matched(self):
        by_email = self.Lead.create({'name': 'Email', 'email_from':
                                     'dup@reason.vn'})
        by_phone = self.Lead.create({'name': 'Phone', 'phone':
                                     '+84 24 3822 1234'})
        by_names = self.Lead.create({'name': 'Names', 'partner_name':
                                     'Hưng Thịnh', 'contact_name':
                                     'Đoàn Văn Hưng'})
        wizard = self.run_import(self.csv_bytes([
            ['Ai Đó', 'Nào Đó', 'DUP@reason.vn', '', '', 'VN', ''],
            ['Người Khác', 'Khác', '', '024 3822 1234', '', 'VN', ''],
            ['đoàn văn hưng', 'HƯNG THỊNH', '', '', '', '', '']],
            header=LIST_HEADER))
        self.assertEqual([row['Message'] for row in self.report(wizard)], [
            'duplicate of lead %d: same email' % by_email.id,
            'duplicate of lead %d: same phone' % by_phone.id,
            'duplicate of lead %d: same company and contact name' %
            by_names.id])

    # -- importing again -------------------------------------------------

    def _list_with_a_bad_row(self, bad_email='tran.hung(at)thaibinh.vn'):
        return self.csv_bytes([
            ['Trần Hùng', 'Thái Bình Seafood', bad_email, '', 'Thái Bình',
             'VN', ''],
            ['Vương Phi', '北京飞扬文化', 'wang.fei@again.cn', '', '北京', 'CN',
             ''],
            ['Lê Na', 'Na Spa', 'na@again.vn', '', 'Nha Trang', 'VN', '']],
            header=LIST_HEADER)

    def test_failed_rows_fail_again_with_their_reason_and_import_corrected(
            self):
        data = self._list_with_a_bad_row()
        first = self.run_import(data, duplicate_policy='create')
        self.assertEqual((first.created_count, first.failed_count), (2, 1))
        fei = self.leads(email_from='wang.fei@again.cn')

        again = self.run_import(data, duplicate_policy='create')
        self.assertEqual((again.created_count, again.skipped_count,
                          again.failed_count), (0, 2, 1))
        report = self.report(again)
        self.assertEqual(report[0]['Message'], (
            "'tran.hung(at)thaibinh.vn' is not a valid email address"),
            "the failed row says why again")
        self.assertEqual(report[1]['Message'],
                         'already imported, as lead %d' % fei.id)

        corrected = self.run_import(self._list_with_a_bad_row(
            'tran.hung@thaibinh.vn'), duplicate_policy='create',
            file_name='leads-corrected.csv')
        self.assertEqual((corrected.created_count, corrected.skipped_count,
                          corrected.failed_count), (1, 2, 0))
        self.assertEqual(len(self.leads(email_from='tran.hung@thaibinh.vn')),
                         1)
        self.assertEqual(len(self.leads(email_from='wang.fei@again.cn')), 1,
                         "the rows imported before are not created twice")

    def test_a_file_whose_leads_were_deleted_imports_once_confirmed(self):
        data = self._list_with_a_bad_row('tran.hung@thaibinh.vn')
        first = self.run_import(data, duplicate_policy='create')
        self.assertEqual(first.created_count, 3)
        self.Lead.search([('id', 'in', first._lead_ids())]).unlink()

        again = self.run_import(data, duplicate_policy='create')
        self.assertEqual((again.created_count, again.skipped_count), (0, 3))
        self.assertEqual(self.report(again)[0]['Message'], (
            'imported before, and its lead was deleted since: tick "Import '
            'Deleted Leads Again" to import it again'))

        again.reimport_deleted = True
        again.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual((again.created_count, again.skipped_count), (3, 0))
        self.assertEqual(len(self.leads(email_from='na@again.vn')), 1)
        third = self.run_import(data, duplicate_policy='create')
        self.assertEqual((third.created_count, third.skipped_count), (0, 3),
                         "the new leads are the rows' own now")

    # -- in the user's language ------------------------------------------

    def test_a_vietnamese_manager_reads_why_in_vietnamese(self):
        self.env['res.lang'].load_lang('vi_VN')
        self.env['ir.translation'].load_module_terms(['crm_leads_ext'],
                                                     ['vi_VN'])
        data = self.csv_bytes([
            ['Lạc Hồng', 'Hồng Phúc', 'hong@vi.vn', '0912 345 67', '', 'VN',
             '02/03/2027'],
            ['Mai Lan', 'Lan Chi', 'lan@vi.vn', '0903 456 789', '', 'VN',
             '2027-03-05'],
            ['Mai Lan', 'Chi Lan', 'chi@vi.vn', '090 345 6789', '', 'VN',
             '']], header=LIST_HEADER)
        wizard = self.wizard(data, title_mode='column').with_context(
            lang='vi_VN')
        wizard.action_load_file()
        with self.assertRaises(UserError) as refusal:
            wizard.action_dry_run()
        self.assertTrue(refusal.exception.name.startswith(
            'Tệp không có cột Tiêu đề tiềm năng.'))
        wizard.title_mode = 'company'
        wizard.action_dry_run()
        report = self.report(wizard)
        self.assertEqual(report[0]['Kết quả'], 'bị lỗi')
        # the country's name as base's Vietnamese terms have it, when
        # loaded
        vietnam = self.env.ref('base.vn').with_context(lang='vi_VN').name
        self.assertEqual(report[0]['Thông báo'], (
            "'0912 345 67' không phải là số điện thoại hợp lệ của %s; "
            "'02/03/2027' có thể đọc theo ngày trước hoặc tháng trước: hãy "
            "chọn thứ tự ngày của tệp trong biểu mẫu nhập") % vietnam)
        self.assertEqual(report[2]['Thông báo'],
                         'trùng với dòng 3 của tệp: cùng số điện thoại')
        self.assertEqual(report[1]['Tiêu đề tiềm năng (công ty)'],
                         'Lan Chi')
        self.assertEqual(wizard.preview_summary,
                         'sẽ tạo 1, cập nhật 0, bỏ qua 1, lỗi 1')
