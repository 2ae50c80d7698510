# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import importlib.util

from odoo.modules.module import get_module_resource

from .lead_import_common import LeadImportCase


class TestLeadImportMigration(LeadImportCase):
    """The update from 11.0.1.1.0, when an import batch had no company."""

    def test_batches_of_earlier_imports_get_their_company(self):
        company = self.env['res.company'].create({'name': 'Branch Office'})
        self.team.company_id = company
        self.manager.write({'company_ids': [(4, company.id)],
                            'company_id': company.id})
        wizard = self.run_import(self.csv_bytes([
            ('Trần Thị Mai', 'Mai Textiles', 'mai@example.vn', '', '',
             '', 'Hà Nội', 'Vietnam', '')]), team_id=self.team.id)
        batch = self.env['crm.lead.import.batch'].search(
            [('import_id', '=', wizard.id)])
        self.assertEqual(len(batch), 1)
        # as 11.0.1.1.0 left it
        self.cr.execute("ALTER TABLE crm_lead_import_batch "
                        "ALTER COLUMN company_id DROP NOT NULL")
        self.cr.execute("UPDATE crm_lead_import_batch SET company_id = NULL "
                        "WHERE id = %s", (batch.id,))
        path = get_module_resource(
            'crm_leads_ext', 'migrations', '11.0.1.2.0', 'pre-migration.py')
        spec = importlib.util.spec_from_file_location('pre_migration', path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        script.migrate(self.cr, '11.0.1.1.0')
        batch.invalidate_cache()
        # the company the importer took: the team's
        self.assertEqual(batch.company_id, company)
