# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Multi-company: a Sales Manager of company B sees nothing of company A's
leads, imports (file, report, columns, batches, rows, remembered
mappings), assignment rules, capture keys and their requests, and cannot
act on them; A's managers, and a manager of both working in A, still
do. What B imports is B's."""
import base64

from odoo.exceptions import AccessError, ValidationError

from .lead_import_common import LeadImportCase
from .multi_company_common import MultiCompanyMixin


class TestMultiCompany(MultiCompanyMixin, LeadImportCase):

    @classmethod
    def setUpClass(cls):
        super(TestMultiCompany, cls).setUpClass()
        cls.setup_companies()
        env = cls.env
        # the import of LeadImportCase's manager, of company A
        cls.lead = cls.Lead.create({'name': 'MC lead of A',
                                    'email_from': 'lead@mc-a.vn'})
        cls.rule = env['crm.lead.assignment.rule'].create({
            'name': 'MC rule of A', 'team_id': cls.team.id,
            'domain': "[('email_from', '=ilike', '%@mc-rule.vn')]"})
        cls.key = env['crm.lead.source.key'].create({'name': 'MC key of A'})
        cls.key.action_generate_key()
        cls.hit = env['crm.lead.capture.hit'].create({
            'ip': '192.0.2.10', 'key_id': cls.key.id,
            'company_id': cls.company_a.id})
        cls.escalation = env['crm.lead.escalation'].create({
            'lead_id': cls.lead.id, 'reason': 'MC escalation of A'})

    def _import_of_a(self):
        wizard = self.run_import(self.csv_bytes([
            ['Lê Văn A', 'Công ty A', 'a@mc-import.vn', '', '', '', '', 'VN',
             '']]))
        self.assertEqual(wizard.state, 'done')
        return wizard

    def test_imports_of_a_are_hidden_from_b(self):
        wizard = self._import_of_a()
        self.assertEqual(wizard.company_id, self.company_a)
        batches = wizard.batch_ids
        rows = batches.row_ids
        mapping = self.env['crm.lead.import.mapping'].search(
            [('source_id', '=', self.source.id)])
        self.assertTrue(rows)
        self.assertEqual(rows.mapped('company_id'), self.company_a)
        self.assertEqual(wizard.line_ids.mapped('company_id'),
                         self.company_a)
        self.assertEqual(rows.lead_id.company_id, self.company_a)
        for records, field in ((wizard, 'report_file'),
                               (wizard.line_ids, 'header'),
                               (batches, 'first_row'), (rows, 'row_key'),
                               (mapping, 'mapping')):
            self.assertHiddenFrom(records, self.manager_b, field)
            self.assertSeenBy(records, self.manager_a)
            self.assertSeenBy(records, self.manager_ab)
        theirs = wizard.sudo(self.manager_b)
        for method in ('action_load_file', 'action_dry_run',
                       'action_import', 'action_download_report',
                       'action_view_leads'):
            with self.assertRaises(AccessError, msg=method):
                getattr(theirs, method)()

    def test_leads_rules_keys_requests_of_a_are_hidden_from_b(self):
        for records, field in ((self.lead, 'email_from'),
                               (self.rule, 'domain'),
                               (self.key, 'key_prefix'),
                               (self.hit, 'ip'),
                               (self.escalation, 'reason')):
            self.assertHiddenFrom(records, self.manager_b, field)
            self.assertSeenBy(records, self.manager_a)
            self.assertSeenBy(records, self.manager_ab)
        # the company the user works in, not every company they may use
        self.manager_ab.company_id = self.company_b
        self.assertHiddenFrom(self.lead, self.manager_ab, 'email_from')

    def test_b_cannot_replace_the_key_of_a(self):
        prefix = self.key.key_prefix
        with self.assertRaises(AccessError):
            self.key.sudo(self.manager_b).action_generate_key()
        self.key.invalidate_cache()
        self.assertEqual(self.key.key_prefix, prefix)
        self.assertTrue(self.key.active)

    def test_b_cannot_show_the_key_of_a(self):
        """The dialog of a new key, naming A's key: refused to B's manager
        (it would give back the key's name), in the values or as a
        default."""
        Show = self.env['crm.lead.source.key.show']
        with self.assertRaises(AccessError):
            Show.sudo(self.manager_b).create(
                {'key_id': self.key.id, 'key': 'x'})
        with self.assertRaises(AccessError):
            Show.sudo(self.manager_b).with_context(
                default_key_id=self.key.id).create({'key': 'x'})
        shown = Show.sudo(self.manager_a).create({'key_id': self.key.id})
        self.assertEqual(shown.key_id.name, 'MC key of A')

    def test_what_b_imports_is_b_s(self):
        """B imports the same row from the same source as A: a lead of B,
        not a duplicate of A's, and B's own remembered mapping."""
        self._import_of_a()
        team_b = self.env['crm.team'].create({
            'name': 'MC team of B', 'company_id': self.company_b.id})
        wizard = self.Import.sudo(self.manager_b).create({
            'file': base64.b64encode(self.csv_bytes([
                ['Lê Văn A', 'Công ty A', 'a@mc-import.vn', '', '', '', '',
                 'VN', '']])),
            'file_name': 'leads.csv', 'team_id': team_b.id,
            'source_id': self.source.id, 'title_mode': 'company'})
        self.assertEqual(wizard.company_id, self.company_b)
        wizard.action_load_file()
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        self.assertEqual((wizard.state, wizard.created_count), ('done', 1))
        leads = self.leads(email_from='a@mc-import.vn')
        self.assertEqual(leads.mapped('company_id'),
                         self.company_a | self.company_b)
        self.assertEqual(
            self.env['crm.lead.import.mapping'].search(
                [('source_id', '=', self.source.id)]).mapped('company_id'),
            self.company_a | self.company_b)
        self.assertHiddenFrom(leads.filtered(
            lambda lead: lead.company_id == self.company_a), self.manager_b,
            'email_from')

    def test_rules_of_a_do_not_assign_leads_of_b(self):
        lead_b = self.Lead.create({
            'name': 'MC lead of B', 'email_from': 'b@mc-rule.vn',
            'company_id': self.company_b.id})
        lead_a = self.Lead.create({
            'name': 'MC lead of A', 'email_from': 'a@mc-rule.vn'})
        self.assertEqual(lead_a.assignment_rule_id, self.rule)
        self.assertFalse(lead_b.assignment_rule_id)
        self.assertNotEqual(lead_b.team_id, self.team)

    def _records_of_b(self):
        """An import, a remembered mapping, an assignment rule, a capture
        key and a lead that B's manager makes in company B."""
        team_b = self.env['crm.team'].create({
            'name': 'MC team of B', 'company_id': self.company_b.id})
        # the integration user of B's key works in B
        capture_b = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'MC capture of B', 'login': 'mc_capture_b',
                'company_id': self.company_b.id,
                'company_ids': [(6, 0, self.company_b.ids)],
                'groups_id': [(6, 0, self.env.ref(
                    'crm_leads_ext.group_lead_capture').ids)]})
        env = self.env(user=self.manager_b)
        records = [
            env['crm.lead.import'].create({
                'file': base64.b64encode(self.csv_bytes([
                    ['Lê Văn B', 'Công ty B', 'b@mc-import.vn', '', '', '',
                     '', 'VN', '']])),
                'file_name': 'leads.csv', 'team_id': team_b.id,
                'source_id': self.source.id, 'title_mode': 'company'}),
            env['crm.lead.import.mapping'].create({
                'source_id': self.source.id, 'mapping': '{}'}),
            env['crm.lead.assignment.rule'].create({
                'name': 'MC rule of B', 'team_id': team_b.id}),
            env['crm.lead'].create({'name': 'MC lead of B'}),
            env['crm.lead.source.key'].create({
                'name': 'MC key of B', 'user_id': capture_b.id}),
        ]
        for record in records:
            self.assertEqual(record.company_id, self.company_b,
                             record._name)
        return records

    def test_b_cannot_move_its_records_into_a(self):
        for record in self._records_of_b():
            # the constraints of the rule (its team) and of the key (its
            # user) refuse A first
            refusal = ValidationError if record._name in (
                'crm.lead.assignment.rule', 'crm.lead.source.key') \
                else AccessError
            with self.assertRaises(refusal, msg=record._name):
                record.write({'company_id': self.company_a.id})
            self.assertEqual(record.sudo().company_id, self.company_b,
                             record._name)
            self.assertHiddenFrom(record.sudo(), self.manager_a, 'name'
                                  if 'name' in record._fields
                                  else 'company_id')

    def test_a_manager_of_both_moves_records_between_them(self):
        """Into B, another of their companies; B's manager then sees
        them. (Not a lead: crm's write reads it back, where the manager
        works, in A.)"""
        source = self.env['utm.source'].create({'name': 'MC source'})
        records = [self._import_of_a(), self.env[
            'crm.lead.import.mapping'].create({
                'source_id': source.id, 'mapping': '{}'})]
        for record in records:
            record.sudo(self.manager_ab).write(
                {'company_id': self.company_b.id})
            self.assertEqual(record.sudo().company_id, self.company_b,
                             record._name)
            self.assertSeenBy(record, self.manager_b)
