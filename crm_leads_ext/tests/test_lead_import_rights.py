# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Lead import: who may do what. The import's public methods check the
caller's rights first; its duplicates are the company's leads and
contacts that the user may see, and an existing lead is updated only
when active and writable by the user; its record of the rows imported is
the engine's alone."""
import base64

from odoo.exceptions import AccessError

from .lead_import_common import LeadImportCase


class TestLeadImportRights(LeadImportCase):

    @classmethod
    def setUpClass(cls):
        super(TestLeadImportRights, cls).setUpClass()
        cls.seller = cls.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'Nguyễn Thị Bích', 'login': 'lx_import_seller_rpc',
                'groups_id': [(6, 0, [cls.env.ref(
                    'sales_team.group_sale_salesman_all_leads').id])]})

    def test_a_salesperson_may_call_no_method_of_an_import(self):
        wizard = self.run_import(self.csv_bytes([
            ['Phùng Văn Lực', 'Lực Sĩ', 'luc@rights.vn', '', '', '', '', 'VN',
             '']]))
        self.assertEqual(wizard.state, 'done')
        theirs = self.env['crm.lead.import'].sudo(self.seller).browse(
            wizard.id)
        for method in ('action_load_file', 'action_dry_run',
                       'action_import', 'action_download_report',
                       'action_view_leads'):
            with self.assertRaises(AccessError, msg=method):
                getattr(theirs, method)()
        # the progress the form polls
        with self.assertRaises(AccessError):
            theirs.read(['state', 'rows_done'])
        wizard.invalidate_cache()
        self.assertEqual((wizard.state, wizard.created_count), ('done', 1))
        self.assertEqual(len(self.leads(email_from='luc@rights.vn')), 1)

    def test_the_record_of_imported_rows_cannot_be_forged(self):
        """A manager could otherwise mark the rows of a list as imported
        (or their leads as deleted) and change what the next import does:
        the batches and their rows are written by the engine only."""
        wizard = self.run_import(self.csv_bytes([
            ['Tôn Nữ Hà', 'Hà Vy', 'ha@ledger.vn', '', '', '', '', 'VN', '']]))
        batch = self.env['crm.lead.import.batch'].search(
            [('import_id', '=', wizard.id)])
        self.assertEqual(batch.row_ids.lead_id,
                         self.leads(email_from='ha@ledger.vn'))
        Batch = self.env['crm.lead.import.batch'].sudo(self.manager)
        self.assertEqual(Batch.search([('import_id', '=', wizard.id)]),
                         batch, "the manager reads them")
        with self.assertRaises(AccessError):
            Batch.create({'import_id': wizard.id, 'batch_index': 1,
                          'company_id': self.env.user.company_id.id})
        with self.assertRaises(AccessError):
            self.env['crm.lead.import.row'].sudo(self.manager).create({
                'batch_id': batch.id, 'row_number': 3, 'row_key': 'x',
                'outcome': 'created'})
        with self.assertRaises(AccessError):
            batch.row_ids.sudo(self.manager).write({'lead_id': False})

    def _rule(self, name, domain, **perms):
        """A record rule for everyone on the leads."""
        values = {'perm_read': False, 'perm_write': False,
                  'perm_create': False, 'perm_unlink': False}
        values.update(perms)
        values.update({'name': name, 'domain_force': domain,
                       'model_id': self.env.ref('crm.model_crm_lead').id})
        return self.env['ir.rule'].create(values)

    def test_update_mode_changes_only_leads_the_user_may_write(self):
        other_team = self.env['crm.team'].create({'name': 'Đội Miền Nam'})
        theirs = self.Lead.create({
            'name': 'Miền Nam', 'email_from': 'nam@rules.vn',
            'city': 'Cần Thơ'})
        ours = self.Lead.create({
            'name': 'Miền Bắc', 'email_from': 'bac@rules.vn',
            'city': 'Hà Nội'})
        # in their teams, wherever the assignment rules sent them
        theirs.team_id = other_team
        ours.team_id = self.team
        self._rule('Import test: write the leads of the import team',
                   "[('team_id', '=', %d)]" % self.team.id, perm_write=True)
        wizard = self.run_import(self.csv_bytes([
            ['Nam', 'Nam Co', 'nam@rules.vn', '', '', '', 'Sóc Trăng', '',
             ''],
            ['Bắc', 'Bắc Co', 'bac@rules.vn', '', '', '', 'Hải Phòng', '',
             '']]), duplicate_policy='update')
        self.assertEqual((wizard.updated_count, wizard.skipped_count), (1, 1))
        theirs.invalidate_cache()
        self.assertEqual(theirs.city, 'Cần Thơ')
        self.assertEqual(ours.city, 'Hải Phòng')
        self.assertEqual(self.report(wizard)[0]['Message'], (
            'duplicate of lead %d (same email), which you may not change' %
            theirs.id))

    def test_a_lead_the_user_may_not_see_is_not_named(self):
        hidden = self.Lead.create({'name': 'Ẩn', 'email_from':
                                   'an@rules.vn'})
        self._rule('Import test: hide a lead', "[('id', '!=', %d)]" %
                   hidden.id, perm_read=True)
        wizard = self.run_import(self.csv_bytes([
            ['Ẩn Danh', 'Ẩn Co', 'an@rules.vn', '', '', '', '', '', '']]))
        self.assertEqual(wizard.skipped_count, 1)
        self.assertEqual(self.report(wizard)[0]['Message'],
                         'duplicate of a lead you have no access to: same '
                         'email')

    def test_leads_and_contacts_of_another_company_are_not_duplicates(self):
        other = self.env['res.company'].create({'name': 'Công ty Sài Gòn'})
        self.Lead.create({'name': 'Sài Gòn', 'email_from': 'sg@company.vn',
                          'company_id': other.id})
        partner_other = self.env['res.partner'].create({
            'name': 'Đối tác Sài Gòn', 'phone': '+84 28 3822 1234',
            'company_id': other.id})
        shared = self.env['res.partner'].create({
            'name': '共享联系人', 'email': 'shared@company.cn',
            'company_id': False})
        wizard = self.run_import(self.csv_bytes([
            ['Sài Gòn', 'SG Co', 'sg@company.vn', '', '', '', '', 'VN', ''],
            ['Đối tác', 'DT Co', 'dt@company.vn', '028 3822 1234', '', '',
             '', 'VN', ''],
            ['共享', '共享公司', 'shared@company.cn', '', '', '', '', 'CN', '']]),
            duplicate_policy='update')
        self.assertEqual(wizard.created_count, 3)
        self.assertEqual(len(self.leads(email_from='sg@company.vn')), 2)
        self.assertNotEqual(self.leads(email_from='dt@company.vn').partner_id,
                            partner_other)
        self.assertEqual(self.leads(email_from='shared@company.cn')
                         .partner_id, shared,
                         "a contact of no company is every company's")

    def test_archived_leads_are_not_updated(self):
        lost = self.Lead.create({'name': 'Lost', 'email_from':
                                 'lost@archived.vn', 'city': 'Vinh',
                                 'active': False})
        wizard = self.run_import(self.csv_bytes([
            ['Lưu Thất', 'Thất Co', 'lost@archived.vn', '', '', '', 'Huế', '',
             '']]), duplicate_policy='update')
        self.assertEqual((wizard.updated_count, wizard.skipped_count,
                          wizard.created_count), (0, 1, 0))
        lost.invalidate_cache()
        self.assertEqual(lost.city, 'Vinh')
        self.assertFalse(lost.active)
        self.assertEqual(self.report(wizard)[0]['Message'], (
            'duplicate of lead %d (same email), which is archived: archived '
            'leads are not updated' % lost.id))

    def test_the_import_leads_are_its_batches_not_its_report(self):
        wizard = self.run_import(self.csv_bytes([
            ['Đào Duy Anh', 'Duy Anh', 'anh@batches.vn', '', '', '', '', 'VN',
             ''],
            ['Hà Lan', 'Lan Co', 'lan@batches.vn', '', '', '', '', 'VN', '']]))
        leads = self.Lead.search([('email_from', 'like', '@batches.vn')])
        wizard.action_dry_run()
        self.assertIn('dry-run', wizard.report_file_name)
        action = wizard.action_view_leads()
        self.assertEqual(sorted(action['domain'][0][2]), sorted(leads.ids))
        wizard.report_file = base64.b64encode(b'not a report')
        self.assertEqual(sorted(wizard._lead_ids()), sorted(leads.ids))
