# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""crm_leads_ext's lead import writes leads in SQL: what the create() of
crm_funnel_stages does must happen to imported leads too (this bridge's
hook). crm_leads_ext's test_lead_import_vs_create compares the whole lead
with a created one; here a batch of several leads, and the fields a stage
requires."""
import base64

from odoo.tests.common import SavepointCase


class TestImportedLeadsFunnel(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestImportedLeadsFunnel, cls).setUpClass()
        cls.team = cls.env['crm.team'].create({'name': 'Funnel Import Team'})
        cls.stage = cls.env['crm.lead']._stage_find(
            team_id=cls.team.id, domain=[('fold', '=', False)])
        cls.criterion = cls.env['crm.stage.criterion'].create({
            'stage_id': cls.stage.id, 'name': 'Decision maker known',
            'required': True})
        cls.manager = cls.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create({
                'name': 'Funnel Import Manager',
                'login': 'funnel_import_manager',
                'groups_id': [(6, 0, [
                    cls.env.ref('base.group_user').id,
                    cls.env.ref('sales_team.group_sale_manager').id])]})

    def _import(self, rows):
        data = ('Contact Name,Company,Email,Phone\n' + ''.join(
            '%s\n' % ','.join(row) for row in rows)).encode()
        wizard = self.env['crm.lead.import'].sudo(self.manager).create({
            'file': base64.b64encode(data), 'file_name': 'funnel.csv',
            'team_id': self.team.id, 'title_mode': 'company'})
        wizard.action_load_file()
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        leads = self.env['crm.lead'].search(
            [('email_from', 'like', '@funnel-import.example')], order='id')
        return wizard, leads

    def test_imported_leads_enter_their_first_stage(self):
        wizard, leads = self._import([
            ('Lan', 'Mekong Rice', 'lan@funnel-import.example', ''),
            ('Wei', 'Suzhou Silk', 'wei@funnel-import.example', '')])
        self.assertEqual(wizard.created_count, 2)
        self.assertEqual(len(leads), 2)
        for lead in leads:
            self.assertEqual(lead.stage_id, self.stage)
            history = lead.stage_history_ids
            self.assertEqual(len(history), 1, "entered its first stage")
            self.assertFalse(history.stage_from_id)
            self.assertEqual(history.stage_to_id, self.stage)
            self.assertEqual(history.team_id, self.team)
            self.assertEqual(history.user_id, self.manager)
            self.assertEqual(lead.current_criterion_check_ids.mapped(
                'criterion_id'), self.criterion, "the stage's checklist")
            self.assertFalse(lead.current_criterion_check_ids.done)

    def test_a_field_the_first_stage_requires_refuses_the_batch(self):
        self.stage.required_field_ids = self.env['ir.model.fields'].search(
            [('model', '=', 'crm.lead'), ('name', '=', 'phone')])
        wizard, leads = self._import([
            ('Lan', 'Mekong Rice', 'lan@funnel-import.example',
             '+84 292 3812 345'),
            ('Wei', 'Suzhou Silk', 'wei@funnel-import.example', '')])
        self.assertEqual(wizard.created_count, 0)
        self.assertEqual(wizard.failed_count, 2)
        report = base64.b64decode(wizard.report_file).decode('utf-8-sig')
        self.assertIn('Wei', report)
        self.assertIn('Phone', report, "the missing field is named")
        self.assertFalse(leads, "the batch was rolled back, as create() "
                                "refuses a lead without the field")
