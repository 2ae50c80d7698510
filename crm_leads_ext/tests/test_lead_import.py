# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Lead import (crm.lead.import): mapping, normalising, duplicates,
stamping, dry run, report, batches and the background job."""
import base64

from odoo.addons.queue_job.job import Job
from odoo.tools import mute_logger

from ..lead_import.importer import LeadImporter, Settings
from ..lead_import.reader import HeaderMatcher, Reader
from .common import LeadsExtCase
from .lead_import_common import HEADER, LeadImportCase


class TestLeadImport(LeadImportCase):

    def test_english_header_maps_automatically(self):
        wizard = self.wizard(self.csv_bytes([
            ['An Nguyen', 'Acme', 'an@acme.vn', '', '', 'CEO', 'Hanoi', 'VN',
             'hello']]))
        wizard.action_load_file()
        self.assertEqual(wizard.state, 'ready')
        self.assertEqual(wizard.rows_total, 1)
        self.assertEqual(
            [(line.header, line.field_name) for line in wizard.line_ids],
            [('Contact Name', 'contact_name'), ('Company', 'partner_name'),
             ('Email', 'email_from'), ('Phone', 'phone'),
             ('Mobile', 'mobile'), ('Job Position', 'function'),
             ('City', 'city'), ('Country', 'country_id'),
             ('Notes', 'description')])
        self.assertEqual(wizard.line_ids[0].sample, 'An Nguyen')

    def test_mapping_is_remembered_per_source(self):
        header = 'Kontakt,Firma,E-Mail-Adresse'
        data = self.csv_bytes([['Hans Muster', 'Muster AG',
                                'hans@muster.ch']], header=header)
        wizard = self.wizard(data)
        wizard.action_load_file()
        fields = {line.header: line.field_name for line in wizard.line_ids}
        self.assertFalse(fields['Kontakt'], "no such lead field label")
        for line in wizard.line_ids:
            line.field_name = {'Kontakt': 'contact_name',
                               'Firma': 'partner_name',
                               'E-Mail-Adresse': 'email_from'}[line.header]
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual(wizard.created_count, 1)
        lead = self.leads(email_from='hans@muster.ch')
        self.assertEqual(lead.contact_name, 'Hans Muster')

        again = self.wizard(self.csv_bytes(
            [['Eva Muster', 'Muster GmbH', 'eva@muster.de']],
            header=header))
        again.action_load_file()
        self.assertEqual(
            {line.header: line.field_name for line in again.line_ids},
            {'Kontakt': 'contact_name', 'Firma': 'partner_name',
             'E-Mail-Adresse': 'email_from'},
            "the same source gets the mapping chosen last time")
        other_source = self.wizard(self.csv_bytes(
            [['Eva Muster', 'Muster GmbH', 'eva@muster.de']],
            header=header), source_id=self.env['utm.source'].create(
                {'name': 'Other vendor'}).id)
        other_source.action_load_file()
        self.assertFalse(other_source.line_ids.filtered(
            lambda line: line.header == 'Kontakt').field_name)

    def test_emails_and_phones_are_normalised(self):
        self.run_import(self.csv_bytes([
            ['An Nguyen', 'Acme VN', '  An.Nguyen@ACME.vn ',
             '090 123 4567', '(028) 3822-1234', 'CEO', 'Hanoi', 'Vietnam',
             ''],
            ['Li Wei', 'Sino', 'li@sino.cn', '+86 138-0013-8000', '', 'CTO',
             'Beijing', 'CN', ''],
        ]))
        an = self.leads(email_from='an.nguyen@acme.vn')
        self.assertEqual(len(an), 1, "the address is stripped and lowered")
        self.assertEqual(an.phone, '+84 901 234 567')
        self.assertEqual(an.mobile, '+84 28 3822 1234')
        self.assertEqual(an.country_id, self.env.ref('base.vn'))
        li = self.leads(email_from='li@sino.cn')
        self.assertEqual(li.phone, '+86 138 0013 8000')
        self.assertEqual(li.country_id, self.env.ref('base.cn'),
                         "a country by its code too")
        self.assertEqual(li.name, 'Sino', "the lead is titled by company")

    def test_every_lead_is_stamped(self):
        salesman = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Import Seller', 'login': 'lx_import_seller',
                'groups_id': [(6, 0, [self.env.ref(
                    'sales_team.group_sale_salesman').id])]})
        self.team.member_ids = salesman
        self.run_import(self.csv_bytes([
            ['An Nguyen', 'Acme', 'an@stamp.vn', '', '', '', '', '', ''],
            ['Bao Tran', 'Beta', 'bao@stamp.vn', '', '', '', '', '', '']]),
            user_id=salesman.id)
        leads = self.Lead.search([('email_from', 'like', '@stamp.vn')])
        self.assertEqual(len(leads), 2)
        first_stage = self.Lead._stage_find(
            team_id=self.team.id, domain=[('fold', '=', False)])
        for lead in leads:
            self.assertEqual(lead.source_id, self.source)
            self.assertEqual(lead.campaign_id, self.campaign)
            self.assertEqual(lead.medium_id, self.medium)
            self.assertEqual(lead.team_id, self.team)
            self.assertEqual(lead.tag_ids, self.tag)
            self.assertEqual(lead.user_id, salesman)
            self.assertEqual(lead.stage_id, first_stage)
            self.assertEqual(lead.probability, first_stage.probability)
            self.assertEqual(lead.company_id, self.env.user.company_id)
            self.assertEqual(lead.create_uid, self.manager)
            self.assertTrue(lead.active)
            self.assertIn(salesman.partner_id,
                          lead.message_follower_ids.mapped('partner_id'),
                          "the salesperson follows the lead")
        self.assertEqual(set(leads.mapped('type')), {
            'lead' if self.manager.has_group('crm.group_use_lead')
            else 'opportunity'})

    def test_leads_without_salesperson_go_through_assignment_rules(self):
        seller = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Rule Seller', 'login': 'lx_rule_seller',
                'groups_id': [(6, 0, [self.env.ref(
                    'sales_team.group_sale_salesman').id])]})
        rule_team = self.env['crm.team'].create(
            {'name': 'Vendor leads', 'member_ids': [(6, 0, seller.ids)]})
        self.env['crm.lead.assignment.rule'].create({
            'name': 'Vendor list', 'sequence': 0, 'team_id': rule_team.id,
            'source_id': self.source.id,
            'user_ids': [(6, 0, seller.ids)]})
        self.run_import(self.csv_bytes([
            ['An Nguyen', 'Acme', 'an@rule.vn', '', '', '', '', '', '']]))
        lead = self.leads(email_from='an@rule.vn')
        self.assertEqual(lead.team_id, rule_team)
        self.assertEqual(lead.user_id, seller)

    def _existing(self):
        lead = self.Lead.create({
            'name': 'Existing', 'email_from': 'known@dup.com',
            'contact_name': 'Known', 'partner_name': 'Dup Inc',
            'city': 'Old City'})
        partner = self.env['res.partner'].create({
            'name': 'Contact Only', 'email': 'partner@dup.com',
            'phone': '+84 90 555 0000'})
        return lead, partner

    def _dup_file(self):
        return self.csv_bytes([
            # an existing lead, by email (another case)
            ['Known', 'Dup Inc', 'KNOWN@dup.com', '', '', '', 'New City',
             '', ''],
            # an existing contact, by phone
            ['Someone', 'Other', 'other@dup.com', '090 555 0000', '', '', '',
             'VN', ''],
            # new
            ['Fresh', 'Fresh Co', 'fresh@dup.com', '', '', '', '', '', ''],
            # the previous row again, by company and contact name
            ['Fresh', 'FRESH CO', '', '', '', 'Boss', '', '', ''],
        ])

    def test_duplicates_skipped(self):
        lead, partner = self._existing()
        count = self.Lead.search_count([])
        wizard = self.run_import(self._dup_file(), duplicate_policy='skip')
        self.assertEqual((wizard.created_count, wizard.skipped_count,
                          wizard.updated_count), (1, 3, 0))
        self.assertEqual(self.Lead.search_count([]), count + 1)
        self.assertEqual(lead.city, 'Old City')
        messages = [row['Message'] for row in self.report(wizard)]
        self.assertEqual(messages[0],
                         'duplicate of lead %d: same email' % lead.id)
        self.assertEqual(messages[1], 'a contact has the same phone (ID %d)'
                         % partner.id)
        self.assertEqual(messages[3], 'duplicate of row 4 of the file: same '
                                      'company and contact name')

    def test_existing_lead_found_by_company_and_contact_together(self):
        """Without email or phone, an existing lead is the same prospect
        only when company and contact both match (case and spaces aside):
        a colleague at the same company is a new lead."""
        known = self.Lead.create({
            'name': 'Known at Tân Á', 'contact_name': 'Lê  Văn Tâm',
            'partner_name': ' Tân Á Đại Thành '})
        wizard = self.run_import(self.csv_bytes([
            ['LÊ VĂN TÂM', 'tân á   đại thành', '', '', '', '', '', '', ''],
            ['Trần Thị Hạnh', 'Tân Á Đại Thành', '', '', '', '', '', '', ''],
        ]), duplicate_policy='skip')
        self.assertEqual((wizard.created_count, wizard.skipped_count), (1, 1))
        messages = [row['Message'] for row in self.report(wizard)]
        self.assertEqual(messages[0], 'duplicate of lead %d: same company '
                                      'and contact name' % known.id)
        self.assertEqual(len(self.leads(contact_name='Trần Thị Hạnh')), 1)

    def test_name_and_address_emails(self):
        """A cell "Name <address>" (mail clients, Odoo's own leads) gives
        the address; a lead of the mail gateway, whose email_from is
        "Name <address>", is found as the duplicate of that address."""
        gateway_lead = self.Lead.create({
            'name': 'Mailed', 'email_from': 'Phạm Thu <Thu.Pham@mailed.vn>'})
        wizard = self.run_import(self.csv_bytes([
            ['Lý Anh', 'Anh Co', 'Lý Anh <Ly.Anh@Named.VN>', '', '', '', '',
             '', ''],
            ['Phạm Thu', 'Mailed Co', 'thu.pham@mailed.vn', '', '', '', '',
             '', ''],
        ]), duplicate_policy='skip')
        self.assertEqual((wizard.created_count, wizard.skipped_count,
                          wizard.failed_count), (1, 1, 0))
        self.assertEqual(len(self.leads(email_from='ly.anh@named.vn')), 1)
        messages = [row['Message'] for row in self.report(wizard)]
        self.assertEqual(messages[1], 'duplicate of lead %d: same email' %
                         gateway_lead.id)

    def test_duplicates_updated(self):
        lead, partner = self._existing()
        count = self.Lead.search_count([])
        wizard = self.run_import(self._dup_file(), duplicate_policy='update')
        self.assertEqual(wizard.updated_count, 2)
        self.assertEqual(wizard.created_count, 2)
        self.assertEqual(self.Lead.search_count([]), count + 2)
        lead.invalidate_cache()
        self.assertEqual(lead.city, 'New City')
        self.assertEqual(lead.name, 'Existing', "its title is kept")
        self.assertIn(self.tag, lead.tag_ids)
        self.assertEqual(lead.source_id, self.source)
        linked = self.leads(email_from='other@dup.com')
        self.assertEqual(linked.partner_id, partner,
                         "a row matching a contact is linked to it")
        fresh = self.leads(email_from='fresh@dup.com')
        self.assertEqual(fresh.function, 'Boss',
                         "the duplicate row of the file completed it")

    def test_duplicates_created_anyway(self):
        lead, partner = self._existing()
        count = self.Lead.search_count([])
        wizard = self.run_import(self._dup_file(), duplicate_policy='create')
        self.assertEqual(wizard.created_count, 4)
        self.assertEqual(self.Lead.search_count([]), count + 4)
        self.assertEqual(len(self.leads(email_from='known@dup.com')), 2)

    def test_dry_run_writes_nothing(self):
        self._existing()
        count = self.Lead.search_count([])
        wizard = self.wizard(self._dup_file() + self.csv_bytes(
            [['Bad', 'Bad', 'not an email', '', '', '', '', '', '']],
            header=None), duplicate_policy='update')
        wizard.action_load_file()
        wizard.action_dry_run()
        self.assertEqual(self.Lead.search_count([]), count)
        self.assertTrue(wizard.dry_run)
        self.assertEqual(
            (wizard.preview_created_count, wizard.preview_updated_count,
             wizard.preview_skipped_count, wizard.preview_failed_count),
            (2, 2, 0, 1))
        self.assertIn('Nothing was written', wizard.result_message)
        results = [row['Result'] for row in self.report(wizard)]
        self.assertEqual(results, ['would update', 'would create',
                                   'would create', 'would update', 'failed'])
        self.assertFalse(self.env['crm.lead.import.batch'].search(
            [('import_id', '=', wizard.id)]))

    def test_report_rows_and_escaping(self):
        wizard = self.run_import(self.csv_bytes([
            ['=HYPERLINK("http://x","y")', 'Formula Co', 'f@formula.com', '',
             '', '', '', '', '@SUM(A1)'],
            ['Bad Mail', 'Bad Co', 'bad@', 'abc', '', '', '', '', ''],
        ]))
        lead = self.leads(email_from='f@formula.com')
        self.assertEqual(lead.contact_name, '=HYPERLINK("http://x","y")',
                         "stored as the plain text it is")
        self.assertEqual(lead.description, '@SUM(A1)')
        report = self.report(wizard)
        self.assertEqual(report[0]['Result'], 'created')
        self.assertEqual(report[0]['Lead ID'], str(lead.id))
        self.assertEqual(report[0]['Contact Name'],
                         '\'=HYPERLINK("http://x","y")')
        self.assertEqual(report[1]['Result'], 'failed')
        self.assertIn("'bad@' is not a valid email address",
                      report[1]['Message'])
        self.assertIn("'abc' is not a valid phone number",
                      report[1]['Message'])
        self.assertEqual(wizard.report_file_name, 'leads-report.csv')
        action = wizard.action_download_report()
        self.assertIn('/report_file/leads-report.csv', action['url'])

    def _big_file(self, count, boom_row=None):
        rows = []
        for index in range(count):
            rows.append(['Person %d' % index, 'Company %d' % index,
                         'p%d@batch.com' % index, '', '', '',
                         'BOOM' if index == boom_row else 'Hue', '', ''])
        return self.csv_bytes(rows)

    def test_a_failing_batch_is_rolled_back_whole(self):
        # a real database error raised by the data: a constraint that row
        # 1,501 (in the second batch of 1,000) violates
        self.env.cr.execute("""
            ALTER TABLE crm_lead ADD CONSTRAINT test_import_no_boom
            CHECK (city IS DISTINCT FROM 'BOOM')""")
        data = self._big_file(2500, boom_row=1500)
        # the refused INSERT is the expected failure, not one to report
        with mute_logger('odoo.sql_db'):
            wizard = self.run_import(data, duplicate_policy='create')
        self.assertEqual(wizard.state, 'done')
        self.assertEqual(wizard.created_count, 1500)
        self.assertEqual(wizard.failed_count, 1000)
        emails = set(self.Lead.search(
            [('email_from', 'like', '@batch.com')]).mapped('email_from'))
        self.assertIn('p999@batch.com', emails, "batch 1 kept")
        self.assertIn('p2000@batch.com', emails, "batch 3 written")
        self.assertFalse(
            {'p%d@batch.com' % i for i in range(1000, 2000)} & emails,
            "no row of batch 2 written")
        failed = [row for row in self.report(wizard)
                  if row['Result'] == 'failed']
        self.assertIn('rows 1002 to 2001 were not imported',
                      failed[0]['Message'])
        self.assertIn('test_import_no_boom', failed[0]['Message'])

        # fixed, the same file again, even "create anyway": only batch 2
        self.env.cr.execute(
            "ALTER TABLE crm_lead DROP CONSTRAINT test_import_no_boom")
        again = self.run_import(data, duplicate_policy='create')
        self.assertEqual((again.created_count, again.skipped_count),
                         (1000, 1500))
        self.assertEqual(self.Lead.search_count(
            [('email_from', 'like', '@batch.com')]), 2500)

    def test_rerun_creates_nothing(self):
        data = self.csv_bytes([
            ['An', 'A Co', 'a@rerun.com', '', '', '', '', '', ''],
            ['Bo', 'B Co', '', '+1 415 555 0101', '', '', '', 'US', ''],
            ['Cy', 'C Co', '', '', '', '', '', '', '']])
        first = self.run_import(data)
        self.assertEqual(first.created_count, 3)
        count = self.Lead.search_count([])
        for policy in ('skip', 'update'):
            again = self.run_import(data, duplicate_policy=policy)
            self.assertEqual(again.created_count, 0)
            self.assertEqual(self.Lead.search_count([]), count)

    def test_the_engine_takes_plain_values_and_reports_each_batch(self):
        """The engine without the wizard: a file read by its Reader, a
        mapping, plain settings, and a callback after each batch."""
        env = self.env(user=self.manager)
        reader = Reader(env, self._big_file(1500), 'leads.csv')
        matcher = HeaderMatcher(env, {'contact_name', 'partner_name',
                                      'email_from', 'city'})
        table = reader.table(is_header=matcher.is_header)
        batches = []
        importer = LeadImporter(
            env, table, matcher.match(table.header),
            Settings(team_id=self.team.id, title='contact',
                     duplicate_policy='skip'),
            progress=lambda rows, counts: batches.append((rows, counts)),
            dry_run=True)
        importer.run()
        self.assertEqual(batches, [
            (1000, {'created': 1000, 'updated': 0, 'skipped': 0,
                    'failed': 0}),
            (1500, {'created': 1500, 'updated': 0, 'skipped': 0,
                    'failed': 0})])
        self.assertFalse(self.leads(email_from='p0@batch.com'))

    def test_large_file_runs_as_a_queue_job(self):
        self.env['ir.config_parameter'].set_param(
            'crm_leads_ext.import_background_rows', '10')
        wizard = self.wizard(self._big_file(25))
        wizard.action_load_file()
        wizard.action_import()
        self.assertEqual(wizard.state, 'queued')
        self.assertEqual(wizard.progress, 0)
        job_record = self.env['queue.job'].search(
            [('uuid', '=', wizard.job_uuid)])
        self.assertEqual(job_record.state, 'pending')
        self.assertFalse(self.leads(email_from='p0@batch.com'),
                         "nothing imported before the job runs")

        Job.load(self.env, wizard.job_uuid).perform()
        self.assertEqual(wizard.state, 'done')
        self.assertEqual(wizard.progress, 100)
        self.assertEqual(wizard.rows_done, 25)
        self.assertEqual(wizard.created_count, 25)
        self.assertEqual(self.Lead.search_count(
            [('email_from', 'like', '@batch.com')]), 25)

    def test_small_file_runs_at_once(self):
        wizard = self.wizard(self._big_file(3))
        wizard.action_import()
        self.assertEqual(wizard.state, 'done')
        self.assertFalse(wizard.job_uuid)
        self.assertEqual(wizard.created_count, 3)

    def test_xls_file(self):
        import xlwt
        book = xlwt.Workbook()
        sheet = book.add_sheet('Leads')
        for col, title in enumerate(HEADER.split(',')):
            sheet.write(0, col, title)
        for col, value in enumerate(['Mai Pham', 'Pho Co', 'mai@pho.vn',
                                     '', '', '', 'Hue', 'VN', '']):
            sheet.write(1, col, value)
        out = __import__('io').BytesIO()
        book.save(out)
        wizard = self.run_import(out.getvalue(), file_name='leads.xls')
        self.assertEqual(wizard.created_count, 1)
        self.assertEqual(self.leads(email_from='mai@pho.vn').city, 'Hue')

    def test_import_needs_the_manager_group(self):
        salesman = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Plain Seller', 'login': 'lx_plain_seller',
                'groups_id': [(6, 0, [self.env.ref(
                    'sales_team.group_sale_salesman').id])]})
        from odoo.exceptions import AccessError
        with self.assertRaises(AccessError):
            self.env['crm.lead.import'].sudo(salesman).create({
                'file': base64.b64encode(b'Email\na@b.com\n'),
                'file_name': 'x.csv'})


class TestLeadImportDefaultTeam(LeadsExtCase):
    """The import opens on the user's own team: a Hanoi manager who leads
    two teams and belongs to Hanoi imports into Hanoi, never into the
    Sales department (Europe) Odoo falls back on."""

    @classmethod
    def setUpClass(cls):
        super(TestLeadImportDefaultTeam, cls).setUpClass()
        cls.manager = cls._user(
            'imp_manager', cls.env.ref('sales_team.group_sale_manager'))
        # led teams named before "Hanoi": Odoo's default would take them
        cls.team_inbound = cls.Team.create({
            'name': 'LX Imp A Inbound', 'user_id': cls.manager.id})
        cls.team_hanoi = cls.Team.create({
            'name': 'LX Imp Hanoi', 'user_id': cls.manager.id,
            'member_ids': [(6, 0, cls.manager.ids)]})

    def _default_team(self, user):
        return self.env['crm.lead.import'].sudo(user).default_get(
            ['team_id']).get('team_id')

    def test_default_is_the_users_own_team(self):
        self.assertEqual(self._default_team(self.manager),
                         self.team_hanoi.id)

    def test_else_a_team_they_lead(self):
        self.manager.sale_team_id = False
        self.assertEqual(self._default_team(self.manager),
                         self.team_inbound.id)

    def test_no_team_of_their_own_no_default(self):
        seller = self._user('imp_no_team')
        seller.sale_team_id = False
        self.assertFalse(self._default_team(seller))
