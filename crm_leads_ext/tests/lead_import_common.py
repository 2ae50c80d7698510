# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import csv
import datetime
import io

import xlsxwriter

from odoo.tests.common import SavepointCase

HEADER = ('Contact Name,Company,Email,Phone,Mobile,Job Position,City,'
          'Country,Notes')


class LeadImportCase(SavepointCase):
    """Imports of files built in the test, as a sales manager."""

    @classmethod
    def setUpClass(cls):
        super(LeadImportCase, cls).setUpClass()
        cls.team = cls.env['crm.team'].create({'name': 'Import Team'})
        cls.manager = cls.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create({
                'name': 'Import Manager', 'login': 'lx_import_manager',
                'email': 'import.manager@example.com',
                'groups_id': [(6, 0, [
                    cls.env.ref('base.group_user').id,
                    cls.env.ref('sales_team.group_sale_manager').id])]})
        cls.source = cls.env['utm.source'].create(
            {'name': 'Prospect Vendor'})
        cls.campaign = cls.env['utm.campaign'].create(
            {'name': 'Spring Push'})
        cls.medium = cls.env['utm.medium'].create({'name': 'Purchased'})
        cls.tag = cls.env['crm.lead.tag'].create({'name': 'Bought list'})
        cls.Import = cls.env['crm.lead.import'].sudo(cls.manager)
        cls.Lead = cls.env['crm.lead'].with_context(active_test=False)

    @staticmethod
    def csv_bytes(rows, header=HEADER, separator=','):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=separator, lineterminator='\n')
        if header is not None:
            writer.writerow(header.split(','))
        for row in rows:
            writer.writerow(row)
        return out.getvalue().encode('utf-8')

    @staticmethod
    def xlsx_bytes(rows, merges=()):
        """An .xlsx of one sheet, as a spreadsheet program writes it:
        ``rows`` of cells (None: an empty cell; a date: a date cell; a
        tuple ('error', text): a formula whose result is an error);
        ``merges``: (first row, first column, last row, last column,
        value) of the merged ranges, 0-based."""
        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {'in_memory': True})
        sheet = book.add_worksheet('Danh sách')
        date_format = book.add_format({'num_format': 'dd/mm/yyyy'})
        for row, cells in enumerate(rows):
            for column, value in enumerate(cells):
                if value is None:
                    continue
                if isinstance(value, datetime.date):
                    sheet.write_datetime(row, column, datetime.datetime(
                        value.year, value.month, value.day), date_format)
                elif isinstance(value, tuple):
                    sheet.write_formula(row, column, '=NA()', None, value[1])
                elif isinstance(value, (int, float)):
                    sheet.write_number(row, column, value)
                else:
                    sheet.write_string(row, column, value)
        for merge in merges:
            sheet.merge_range(*merge)
        book.close()
        return out.getvalue()

    def wizard(self, data, file_name='leads.csv', **values):
        vals = {
            'file': base64.b64encode(data), 'file_name': file_name,
            'team_id': self.team.id, 'source_id': self.source.id,
            'campaign_id': self.campaign.id, 'medium_id': self.medium.id,
            'tag_ids': [(6, 0, self.tag.ids)], 'duplicate_policy': 'skip',
            # the usual lists have no title column
            'title_mode': 'company',
        }
        vals.update(values)
        return self.Import.create(vals)

    def run_import(self, data, **values):
        wizard = self.wizard(data, **values)
        wizard.action_load_file()
        wizard.with_context(crm_lead_import_foreground=True).action_import()
        return wizard

    @staticmethod
    def report(wizard):
        """The per-row report as a list of dicts (column title: value)."""
        text = base64.b64decode(wizard.report_file).decode('utf-8-sig')
        return list(csv.DictReader(io.StringIO(text)))

    def leads(self, **domain):
        return self.Lead.search([(key, '=', value)
                                 for key, value in domain.items()])
