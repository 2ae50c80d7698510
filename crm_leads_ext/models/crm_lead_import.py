# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import csv
import hashlib
import io

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.job import job

from ..lead_import.importer import BATCH_SIZE, LeadImporter
from ..lead_import.reader import Reader, normalise_header

ROW_LIMIT_PARAM = 'crm_leads_ext.import_row_limit'
BACKGROUND_PARAM = 'crm_leads_ext.import_background_rows'
# a row must name who the lead is about: one of these columns is required
IDENTITY_FIELDS = ('email_from', 'phone', 'mobile', 'partner_name',
                   'contact_name', 'name')


class CrmLeadImport(models.Model):
    """An import of a prospect list (CSV, XLS, XLSX) into leads: the file,
    its column mapping, what every lead is stamped with, how duplicates are
    handled, and the results (counts, progress, per-row report).

    The file is read by base_import; normalising, duplicates and the SQL
    writes are in the ``lead_import`` package."""

    _name = 'crm.lead.import'
    _description = 'Lead Import'
    _rec_name = 'file_name'
    _order = 'id desc'

    @api.model
    def _default_team(self):
        return self.env['crm.team']._get_default_team_id()

    file = fields.Binary(string='File', attachment=True, required=True)
    file_name = fields.Char(string='File Name', required=True)
    encoding = fields.Selection([
        ('auto', 'UTF-8 (automatic)'),
        ('windows-1258', 'Windows-1258 (Vietnamese)'),
        ('gb18030', 'GB18030 (Chinese)'),
        ('big5', 'Big5 (Traditional Chinese)'),
        ('shift_jis', 'Shift JIS (Japanese)'),
        ('windows-1252', 'Windows-1252 (Western European)'),
        ('iso-8859-1', 'ISO-8859-1 (Latin-1)'),
        ('utf-16', 'UTF-16'),
    ], string='Encoding', default='auto', required=True,
        help="How the characters of a CSV file are encoded. UTF-8 is read "
             "automatically; choose the encoding of files exported by older "
             "software.")
    separator = fields.Selection([
        ('auto', 'Automatic'), (',', 'Comma'), (';', 'Semicolon'),
        ('\t', 'Tab'), ('|', 'Vertical bar'),
    ], string='Separator', default='auto', required=True)
    team_id = fields.Many2one('crm.team', string='Sales Team',
                              default=_default_team)
    user_id = fields.Many2one(
        'res.users', string='Salesperson',
        help="Given to every new lead. Empty: the assignment rules choose.")
    campaign_id = fields.Many2one('utm.campaign', string='Campaign')
    source_id = fields.Many2one(
        'utm.source', string='Source',
        help="The list's vendor or origin; the column mapping is remembered "
             "per source.")
    medium_id = fields.Many2one('utm.medium', string='Medium')
    tag_ids = fields.Many2many(
        'crm.lead.tag', 'crm_lead_import_tag_rel', 'import_id', 'tag_id',
        string='Tags')
    duplicate_policy = fields.Selection([
        ('skip', 'Skip duplicates'),
        ('update', 'Update the existing lead'),
        ('create', 'Create anyway'),
    ], string='Duplicates', default='skip', required=True,
        help="What to do with a row whose email, phone, or company and "
             "contact name match an existing lead or contact, or an "
             "earlier row of the file.")
    line_ids = fields.One2many('crm.lead.import.line', 'import_id',
                               string='Columns')
    state = fields.Selection([
        ('draft', 'New'), ('ready', 'Ready'), ('queued', 'Queued'),
        ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed'),
    ], string='Status', default='draft', required=True, readonly=True,
        copy=False)
    dry_run = fields.Boolean(
        string='Dry Run Results', readonly=True, copy=False,
        help="The results are those of a dry run: nothing was written.")
    rows_total = fields.Integer(string='Rows', readonly=True, copy=False)
    rows_done = fields.Integer(string='Rows Processed', readonly=True,
                               copy=False)
    progress = fields.Float(string='Progress', compute='_compute_progress')
    created_count = fields.Integer(string='Created', readonly=True,
                                   copy=False)
    updated_count = fields.Integer(string='Updated', readonly=True,
                                   copy=False)
    skipped_count = fields.Integer(string='Skipped', readonly=True,
                                   copy=False)
    failed_count = fields.Integer(string='Failed', readonly=True,
                                  copy=False)
    report_file = fields.Binary(string='Report', attachment=True,
                                readonly=True, copy=False)
    report_file_name = fields.Char(string='Report File Name', readonly=True,
                                   copy=False)
    result_message = fields.Text(string='Message', readonly=True,
                                 copy=False)
    job_uuid = fields.Char(string='Job', readonly=True, copy=False)
    file_checksum = fields.Char(readonly=True, copy=False)
    batch_ids = fields.One2many('crm.lead.import.batch', 'import_id',
                                string='Batches', readonly=True)

    @api.depends('rows_done', 'rows_total', 'state')
    def _compute_progress(self):
        for wizard in self:
            if wizard.state == 'done':
                wizard.progress = 100.0
            elif wizard.rows_total:
                wizard.progress = min(
                    100.0, 100.0 * wizard.rows_done / wizard.rows_total)
            else:
                wizard.progress = 0.0

    @api.onchange('file', 'file_name', 'encoding', 'separator', 'source_id')
    def _onchange_file(self):
        if self.state not in ('queued', 'running'):
            self.state = 'draft'

    # -- settings ----------------------------------------------------------

    @api.model
    def _int_param(self, key, default):
        value = self.env['ir.config_parameter'].sudo().get_param(key)
        try:
            return int(value) if value else default
        except ValueError:
            return default

    # -- reading -----------------------------------------------------------

    @api.multi
    def _reader(self):
        self.ensure_one()
        if not self.file:
            raise UserError(_("The file is empty.") if self.file_name
                            else _("Choose the file to import."))
        separator = self.separator if self.separator != 'auto' else False
        return Reader(self.env, base64.b64decode(self.file), self.file_name,
                      encoding=self.encoding, separator=separator)

    @api.multi
    def action_load_file(self):
        """Read the file's header through base_import, count its rows and
        map its columns: the mapping remembered for the source, else
        base_import's header matching (and the usual names of purchased
        lists)."""
        self.ensure_one()
        self.env['crm.lead'].check_access_rights('create')
        if self._is_running():
            raise UserError(_("This import is already running."))
        reader = self._reader()
        header, matches, rows = reader.header_and_rows()
        first = next(rows, None)
        if first is None:
            raise UserError(_(
                "The file has a header line but no rows to import."))
        limit = self._int_param(ROW_LIMIT_PARAM, 200000)
        count = 1
        for __ in rows:
            count += 1
            if count > limit:
                raise UserError(_(
                    "The file has more than %(limit)d rows, the most one "
                    "import may hold. Split it into smaller files (or ask "
                    "an administrator to raise the limit, system parameter "
                    "%(param)s).") % {'limit': limit,
                                      'param': ROW_LIMIT_PARAM})
        allowed = set(self.line_ids._fields['field_name'].get_values(
            self.env))
        remembered = self.env['crm.lead.import.mapping']._for_source(
            self.source_id)
        matched = reader.match_header(header, matches, allowed)
        lines = []
        for column, title in enumerate(header):
            key = normalise_header(title)
            field = remembered[key] if key in remembered \
                else matched.get(column)
            lines.append((0, 0, {
                'column': column, 'header': title,
                'field_name': field if field in allowed else False,
                'sample': (first[column] if column < len(first)
                           else '')[:100]}))
        self.write({
            'line_ids': [(5, 0, 0)] + lines,
            'rows_total': count,
            'rows_done': 0,
            'state': 'ready',
            'dry_run': False,
            'result_message': False,
            'file_checksum': hashlib.sha1(
                base64.b64decode(self.file)).hexdigest(),
        })
        if len(header) == 1:
            # one column: most likely another separator than the one used;
            # with several, unmapped columns are for the user to map
            self._check_mapping(reader.separator)
        return True

    @api.multi
    def _column_mapping(self):
        return {line.column: line.field_name for line in self.line_ids
                if line.field_name}

    @api.multi
    def _check_mapping(self, separator=None):
        """Refuse a mapping that maps a field twice or none of the columns
        saying who the lead is (email, phone, company, contact name)."""
        self.ensure_one()
        mapped = self._column_mapping()
        duplicates = [field for field in set(mapped.values())
                      if list(mapped.values()).count(field) > 1]
        if duplicates:
            raise UserError(_(
                "Several columns are mapped to the same field: %s.") %
                ', '.join(sorted(duplicates)))
        if not set(mapped.values()) & set(IDENTITY_FIELDS):
            separator = separator or (self.separator if self.separator !=
                                      'auto' else ',')
            labels = {',': _('comma (,)'), ';': _('semicolon (;)'),
                      '\t': _('tab'), '|': _('vertical bar (|)')}
            raise UserError(_(
                "The mapping found no required column: the file needs a "
                "column for the email, the phone, the mobile, the company or "
                "the contact name. %(columns)d column(s) were read with the "
                "separator %(sep)s (%(headers)s); if the file uses another "
                "separator, choose it and load the file again.") % {
                    'columns': len(self.line_ids),
                    'sep': labels.get(separator, separator),
                    'headers': ', '.join(
                        self.line_ids.mapped('header'))[:200]})

    @api.multi
    def _is_running(self):
        """Queued or running, and its job neither failed nor ended (a job
        killed with its worker leaves the import 'running')."""
        self.ensure_one()
        if self.state not in ('queued', 'running'):
            return False
        if not self.job_uuid:
            return self.state == 'running'
        job_record = self.env['queue.job'].sudo().search(
            [('uuid', '=', self.job_uuid)], limit=1)
        return job_record.state not in ('failed', 'done')

    # -- running -----------------------------------------------------------

    @api.multi
    def _prepare_run(self):
        self.ensure_one()
        self.env['crm.lead'].check_access_rights('create')
        if self._is_running():
            raise UserError(_("This import is already running."))
        if self.state == 'draft':
            self.action_load_file()
        self._check_mapping()
        limit = self._int_param(ROW_LIMIT_PARAM, 200000)
        if self.rows_total > limit:
            raise UserError(_(
                "The file has %(rows)d rows, more than the %(limit)d one "
                "import may hold. Split it into smaller files.") % {
                    'rows': self.rows_total, 'limit': limit})

    @api.multi
    def action_dry_run(self):
        """Report what the import would do (counts and the per-row
        report) without writing any lead."""
        self._prepare_run()
        self._run(dry_run=True)
        return True

    @api.multi
    def action_import(self):
        """Import the file: in the background (a queue job) when it has more
        rows than the system parameter crm_leads_ext.import_background_rows
        (2000), unless the context says crm_lead_import_foreground."""
        self._prepare_run()
        self.env['crm.lead.import.mapping']._remember(
            self.source_id, self.line_ids)
        threshold = self._int_param(BACKGROUND_PARAM, 2000)
        if self.rows_total > threshold and not self.env.context.get(
                'crm_lead_import_foreground'):
            self._reset_results('queued')
            delayed = self.with_delay(description=_(
                "Import of leads from %s") % self.file_name)._job_import()
            self.job_uuid = delayed.uuid
        else:
            self._run(dry_run=False)
        return True

    @job(default_channel='root')
    @api.multi
    def _job_import(self):
        """The background import. A file that cannot be read ends the job
        with the import marked failed and the reason shown in the form."""
        self.ensure_one()
        try:
            self._run(dry_run=False, commit=True)
        except UserError as error:
            self.write({'state': 'failed', 'result_message': error.name})
            return error.name
        return _("%(created)d created, %(updated)d updated, %(skipped)d "
                 "skipped, %(failed)d failed") % {
            'created': self.created_count, 'updated': self.updated_count,
            'skipped': self.skipped_count, 'failed': self.failed_count}

    @api.multi
    def _reset_results(self, state):
        self.write({
            'state': state, 'rows_done': 0, 'created_count': 0,
            'updated_count': 0, 'skipped_count': 0, 'failed_count': 0,
            'report_file': False, 'report_file_name': False,
            'result_message': False})

    @api.multi
    def _run(self, dry_run=False, commit=False):
        self.ensure_one()
        importer = LeadImporter(self, dry_run=dry_run, commit=commit)
        self._reset_results('running')
        self.dry_run = dry_run
        if importer.commit:
            # the form polled by the user shows the job running
            self.env.cr.commit()  # pylint: disable=invalid-commit
        counts = importer.run()
        stem = (self.file_name or 'leads').rsplit('.', 1)[0]
        self.write({
            'state': 'done',
            'rows_done': self.rows_total,
            'report_file': base64.b64encode(importer.report_csv()),
            'report_file_name': '%s-%s.csv' % (
                stem, _('dry-run-report') if dry_run else _('report')),
            'result_message': (_(
                "Dry run: %(created)d would be created, %(updated)d "
                "updated, %(skipped)d skipped, %(failed)d failed. Nothing "
                "was written.") if dry_run else _(
                "%(created)d created, %(updated)d updated, %(skipped)d "
                "skipped, %(failed)d failed.")) % counts,
        })
        return counts

    @api.multi
    def _batch_progress(self, rows, counts, commit=False):
        """Called after each batch: the progress the form shows."""
        self.write({
            'rows_done': self.rows_done + rows,
            'created_count': counts['created'],
            'updated_count': counts['updated'],
            'skipped_count': counts['skipped'],
            'failed_count': counts['failed'],
        })
        if commit:
            # a background batch is its own transaction: kept if a later
            # one fails or the worker is killed, and its progress visible
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.multi
    def _record_batch(self, index, first_row, last_row):
        self.env['crm.lead.import.batch'].create({
            'import_id': self.id, 'checksum': self.file_checksum,
            'batch_index': index, 'batch_size': BATCH_SIZE,
            'first_row': first_row, 'last_row': last_row})

    @api.multi
    def _done_batches(self):
        return set(self.env['crm.lead.import.batch'].search([
            ('checksum', '=', self.file_checksum),
            ('batch_size', '=', BATCH_SIZE)]).mapped('batch_index'))

    @api.multi
    def action_download_report(self):
        self.ensure_one()
        if not self.report_file:
            raise UserError(_("There is no report yet: run the import or a "
                              "dry run first."))
        return {
            'type': 'ir.actions.act_url',
            'target': 'self',
            'url': '/web/content/%s/%d/report_file/%s?download=true' % (
                self._name, self.id, self.report_file_name),
        }

    @api.multi
    def action_view_leads(self):
        self.ensure_one()
        action = self.env.ref('crm.crm_lead_all_leads').read()[0]
        lead_ids = self.env['crm.lead'].search(
            [('id', 'in', self._lead_ids())]).ids
        action['domain'] = [('id', 'in', lead_ids)]
        action['context'] = {}
        return action

    @api.multi
    def _lead_ids(self):
        """The leads this import's batches wrote or updated, from the
        report."""
        self.ensure_one()
        if not self.report_file or self.dry_run:
            return []
        text = base64.b64decode(self.report_file).decode('utf-8-sig')
        rows = csv.reader(io.StringIO(text))
        next(rows, None)
        return [int(row[2]) for row in rows
                if len(row) > 2 and row[2].isdigit()]
