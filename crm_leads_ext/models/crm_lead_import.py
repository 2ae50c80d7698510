# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.job import job

from ..lead_import.dates import DAY_FIRST, MONTH_FIRST, DateParser
from ..lead_import.importer import LeadImporter, Settings
from ..lead_import.ledger import imported_lead_ids
from ..lead_import.normaliser import TITLE_FIXED, TITLE_FROM_COLUMN, \
    TITLE_FROM_COMPANY, TITLE_FROM_CONTACT
from ..lead_import.reader import HeaderMatcher, Reader

ROW_LIMIT_PARAM = 'crm_leads_ext.import_row_limit'
BACKGROUND_PARAM = 'crm_leads_ext.import_background_rows'
# a row must name who the lead is about: one of these columns is required
IDENTITY_FIELDS = ('email_from', 'phone', 'mobile', 'partner_name',
                   'contact_name', 'name')
OUTCOMES = ('created', 'updated', 'skipped', 'failed')


class CrmLeadImport(models.Model):
    """An import of a prospect list (CSV, XLS, XLSX) into leads: the file,
    its column mapping, what every lead is stamped with, how duplicates are
    handled, and the results (counts, progress, per-row report; a dry
    run's counts apart, as a preview).

    Reading, normalising, duplicates, the SQL writes and the record of the
    rows imported are in the ``lead_import`` package, called with plain
    values."""

    _name = 'crm.lead.import'
    _inherit = ['crm.company.check.mixin']
    _description = 'Lead Import'
    _rec_name = 'file_name'
    _order = 'id desc'

    @api.model
    def _default_team(self):
        """The user's own team: their default team, else the first team
        they lead. Not Odoo's _get_default_team_id: it takes the first of
        the teams the user leads or is a member of by name, and the Sales
        department (Europe in the demo) for a user of no team."""
        user = self.env.user
        return user.sale_team_id or self.env['crm.team'].search(
            [('user_id', '=', user.id)], limit=1)

    company_id = fields.Many2one(
        'res.company', string='Company', required=True, index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'crm.lead.import'),
        help="The company of the imported leads: only its users see the "
             "import, its file and its report.")
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
    header_row = fields.Integer(
        string='Header Row',
        help="The row of the file that holds the column titles; the rows "
             "above it (a title, a date) are not imported. Found when the "
             "file is loaded (the first row whose cells are known column "
             "titles); change it and load the file again if it is "
             "wrong.")
    date_order = fields.Selection([
        (DAY_FIRST, 'Day first (31/12/2027)'),
        (MONTH_FIRST, 'Month first (12/31/2027)'),
    ], string='Date Order',
        help="How to read a date whose day and month could be swapped, "
             "such as 02/03/2027. Chosen from the file when one of its dates "
             "has a day above 12; empty: such dates are refused, each in "
             "its row of the report.")
    title_mode = fields.Selection([
        (TITLE_FROM_COLUMN, 'From the Lead Title column'),
        (TITLE_FROM_COMPANY, 'The company'),
        (TITLE_FROM_CONTACT, 'The contact name'),
        (TITLE_FIXED, 'A fixed text'),
    ], string='Lead Titles', default=TITLE_FROM_COLUMN, required=True,
        help="Where the title of each new lead comes from. A file without "
             "a column mapped to Lead Title needs another choice.")
    title_text = fields.Char(string='Title Text',
                             help="The title of every new lead.")
    reimport_deleted = fields.Boolean(
        string='Import Deleted Leads Again',
        help="Rows imported before whose leads were deleted since are "
             "skipped, unless this is ticked: then they are imported "
             "again.")
    line_ids = fields.One2many('crm.lead.import.line', 'import_id',
                               string='Columns')
    state = fields.Selection([
        ('draft', 'New'), ('ready', 'Ready'), ('queued', 'Queued'),
        ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed'),
    ], string='Status', default='draft', required=True, readonly=True,
        copy=False)
    dry_run = fields.Boolean(
        string='Dry Run Results', readonly=True, copy=False,
        help="The message and the report are those of a dry run: nothing "
             "was written.")
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
    preview_created_count = fields.Integer(
        string='Would Create', readonly=True, copy=False)
    preview_updated_count = fields.Integer(
        string='Would Update', readonly=True, copy=False)
    preview_skipped_count = fields.Integer(
        string='Would Skip', readonly=True, copy=False)
    preview_failed_count = fields.Integer(
        string='Would Fail', readonly=True, copy=False)
    preview_summary = fields.Char(
        string='Dry Run Preview', compute='_compute_preview_summary',
        help="What the last dry run found the import would do.")
    report_file = fields.Binary(string='Report', attachment=True,
                                readonly=True, copy=False)
    report_file_name = fields.Char(string='Report File Name', readonly=True,
                                   copy=False)
    result_message = fields.Text(string='Message', readonly=True,
                                 copy=False)
    job_uuid = fields.Char(string='Job', readonly=True, copy=False)
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

    @api.depends('dry_run', 'preview_created_count', 'preview_updated_count',
                 'preview_skipped_count', 'preview_failed_count')
    def _compute_preview_summary(self):
        for wizard in self:
            wizard.preview_summary = wizard.dry_run and _(
                "would create %(created)d, update %(updated)d, skip "
                "%(skipped)d, fail %(failed)d") % {
                    outcome: wizard['preview_%s_count' % outcome]
                    for outcome in OUTCOMES}

    @api.onchange('file', 'file_name', 'encoding', 'separator', 'source_id',
                  'header_row')
    def _onchange_file(self):
        if self.state not in ('queued', 'running'):
            self.state = 'draft'

    @api.onchange('file')
    def _onchange_new_file(self):
        """Another file: its header row and date order are its own."""
        self.header_row = 0
        self.date_order = False

    # -- rights ------------------------------------------------------------

    @api.multi
    def _check_rights(self, operation):
        """Before a public method does anything: the caller's access right
        to ``operation`` imports (Sales Managers) and the record rules of
        these imports, whoever created them."""
        self.check_access_rights(operation)
        self.check_access_rule(operation)

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
    def _header_matcher(self):
        allowed = set(self.line_ids._fields['field_name'].get_values(
            self.env))
        return HeaderMatcher(
            self.env, allowed,
            self.env['crm.lead.import.mapping']._for_source(
                self.source_id, self.company_id))

    @api.multi
    def action_load_file(self):
        """Read the file: find its header row (unless chosen), count its
        rows, map its columns (the mapping remembered for the source, else
        base_import's header matching and the usual titles of purchased
        lists) and choose the date order its dates prove."""
        self._check_rights('write')
        self.ensure_one()
        self.env['crm.lead'].check_access_rights('create')
        if self._is_running():
            raise UserError(_("This import is already running."))
        reader = self._reader()
        matcher = self._header_matcher()
        table = reader.table(is_header=matcher.is_header,
                             header_row=self.header_row)
        mapping = matcher.match(table.header)
        date_column = next((column for column, field in mapping.items()
                            if field == 'date_deadline'), None)
        dates = DateParser(self.env)
        orders = set()
        first = None
        limit = self._int_param(ROW_LIMIT_PARAM, 200000)
        count = 0
        for __, cells, __ in table.rows:
            first = cells if first is None else first
            count += 1
            if count > limit:
                raise UserError(_(
                    "The file has more than %(limit)d rows, the most one "
                    "import may hold. Split it into smaller files (or ask "
                    "an administrator to raise the limit, system parameter "
                    "%(param)s).") % {'limit': limit,
                                      'param': ROW_LIMIT_PARAM})
            if date_column is not None and date_column < len(cells):
                orders.add(dates.order_hint(cells[date_column]))
        if first is None:
            raise UserError(_(
                "The file has a header line but no rows to import."))
        orders.discard(None)
        lines = [(0, 0, {
            'column': column, 'header': title,
            'field_name': mapping.get(column, False),
            'sample': (first[column] if column < len(first) else '')[:100],
        }) for column, title in enumerate(table.header)]
        self.write({
            'line_ids': [(5, 0, 0)] + lines,
            'header_row': table.header_row,
            'date_order': self.date_order or (
                orders.pop() if len(orders) == 1 else False),
            'rows_total': count,
            'rows_done': 0,
            'state': 'ready',
            'dry_run': False,
            'result_message': False,
        })
        if len(table.header) == 1:
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
            if len(self.line_ids) > 1:
                raise UserError(_(
                    "The mapping found no required column: the file needs a "
                    "column for the email, the phone, the mobile, the "
                    "company or the contact name. The column titles were "
                    "read on row %(row)d (%(headers)s); if they are on "
                    "another row, choose it as the header row and load the "
                    "file again.") % {
                        'row': self.header_row,
                        'headers': ', '.join(
                            self.line_ids.mapped('header'))[:200]})
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
    def _check_title(self):
        """The titles of the leads come from one place, said by the user:
        never made up from whatever the row has."""
        titled = [line.header for line in self.line_ids
                  if line.field_name == 'name']
        if self.title_mode == TITLE_FROM_COLUMN and not titled:
            raise UserError(_(
                "The file has no Lead Title column. Map one of its columns "
                "to Lead Title, or choose in Lead Titles how the titles are "
                "built: from the company, from the contact name or a fixed "
                "text."))
        if self.title_mode != TITLE_FROM_COLUMN and titled:
            raise UserError(_(
                "The column %(column)s is mapped to Lead Title, but Lead "
                "Titles is set to \"%(mode)s\": unmap the column or choose "
                "\"From the Lead Title column\".") % {
                    'column': titled[0],
                    'mode': dict(self._fields['title_mode']
                                 ._description_selection(self.env))[
                        self.title_mode]})
        if self.title_mode == TITLE_FIXED and not (
                self.title_text or '').strip():
            raise UserError(_("Enter the text of the lead titles."))

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
        self._check_title()
        limit = self._int_param(ROW_LIMIT_PARAM, 200000)
        if self.rows_total > limit:
            raise UserError(_(
                "The file has %(rows)d rows, more than the %(limit)d one "
                "import may hold. Split it into smaller files.") % {
                    'rows': self.rows_total, 'limit': limit})

    @api.multi
    def action_dry_run(self):
        """Report what the import would do (counts and the per-row
        report) without writing any lead: the import stays ready to
        run."""
        self._check_rights('write')
        self._prepare_run()
        self._run(dry_run=True)
        return True

    @api.multi
    def action_import(self):
        """Import the file: in the background (a queue job) when it has more
        rows than the system parameter crm_leads_ext.import_background_rows
        (2000), unless the context says crm_lead_import_foreground."""
        self._check_rights('write')
        self._prepare_run()
        self.env['crm.lead.import.mapping']._remember(
            self.source_id, self.line_ids, self.company_id)
        threshold = self._int_param(BACKGROUND_PARAM, 2000)
        if self.rows_total > threshold and not self.env.context.get(
                'crm_lead_import_foreground'):
            self._reset_results(dry_run=False)
            self.state = 'queued'
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
    def _reset_results(self, dry_run):
        """Clear the results a run replaces: a dry run its preview, an
        import its counts and the preview of the rows it changes."""
        values = {'rows_done': 0, 'dry_run': dry_run, 'report_file': False,
                  'report_file_name': False, 'result_message': False}
        for outcome in OUTCOMES:
            values['preview_%s_count' % outcome] = 0
            if not dry_run:
                values['%s_count' % outcome] = 0
        self.write(values)

    @api.multi
    def _settings(self):
        return Settings(
            team_id=self.team_id.id, user_id=self.user_id.id,
            campaign_id=self.campaign_id.id, source_id=self.source_id.id,
            medium_id=self.medium_id.id, tag_ids=self.tag_ids.ids,
            duplicate_policy=self.duplicate_policy, title=self.title_mode,
            title_text=(self.title_text or '').strip(),
            date_order=self.date_order or None,
            reimport_deleted=self.reimport_deleted, import_id=self.id,
            company_id=self.company_id.id)

    @api.multi
    def _run(self, dry_run=False, commit=False):
        """Run the engine on the file; a dry run leaves the import in its
        state, with its counts as a preview."""
        self.ensure_one()
        prefix = 'preview_' if dry_run else ''

        def progress(rows_done, counts):
            values = {'%s%s_count' % (prefix, outcome): counts[outcome]
                      for outcome in OUTCOMES}
            values['rows_done'] = rows_done
            self.write(values)

        # the header row is known since the file was loaded
        table = self._reader().table(header_row=self.header_row)
        if table.header != [line.header or '' for line in
                            self.line_ids.sorted('column')]:
            # the mapping is by column: another file, or another header
            # row, would send values to the wrong fields
            raise UserError(_(
                "The file or its header row changed since the file was "
                "loaded: load the file again and check its columns."))
        importer = LeadImporter(
            self.env, table, self._column_mapping(), self._settings(),
            progress=progress, dry_run=dry_run, commit=commit)
        self._reset_results(dry_run)
        if not dry_run:
            self.state = 'running'
        if importer.commit:
            # the form polled by the user shows the job running
            self.env.cr.commit()  # pylint: disable=invalid-commit
        counts = importer.run()
        stem = (self.file_name or 'leads').rsplit('.', 1)[0]
        values = {
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
        }
        if not dry_run:
            values['state'] = 'done'
        self.write(values)
        return counts

    @api.multi
    def action_download_report(self):
        self._check_rights('read')
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
        """The leads the import created or updated that the user may
        see."""
        self._check_rights('read')
        self.ensure_one()
        action = self.env.ref('crm.crm_lead_all_leads').read()[0]
        lead_ids = self.env['crm.lead'].search(
            [('id', 'in', self._lead_ids())]).ids
        action['domain'] = [('id', 'in', lead_ids)]
        action['context'] = {}
        return action

    @api.multi
    def _lead_ids(self):
        """The leads this import's batches wrote or updated, still there
        (the batches' rows)."""
        self.ensure_one()
        return imported_lead_ids(self.env.cr, self.ids)
