# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The import loop: rows read through base_import are normalised, checked
for duplicates and written one batch at a time, each batch all or
nothing (a savepoint; a commit of its own when run as a background job),
recorded as done with the file's checksum."""
import csv
import io
import logging
import threading

import psycopg2

from odoo import _
from odoo.exceptions import UserError, ValidationError

from .deduplicator import Deduplicator, Target
from .normaliser import Normaliser
from .writer import FIXED_COLUMNS, PRECOMPUTED_COLUMNS, ROW_COLUMNS, \
    LeadWriter

_logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# a formula in a spreadsheet cell starts with one of these (OWASP)
FORMULA_START = ('=', '+', '-', '@', '\t', '\r')


def escape_formula(value):
    """A cell that a spreadsheet would run as a formula, made text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class Outcome(object):
    CREATED = 'created'
    UPDATED = 'updated'
    SKIPPED = 'skipped'
    FAILED = 'failed'


class LeadImporter(object):
    """Runs one import (or dry run) of a crm.lead.import record."""

    def __init__(self, wizard, dry_run=False, commit=False):
        self.wizard = wizard
        self.env = wizard.env
        self.dry_run = dry_run
        # a background job commits each batch so that progress shows and a
        # crash loses one batch at most; never inside tests
        self.commit = commit and not getattr(
            threading.current_thread(), 'testing', False)
        self.counts = dict.fromkeys(
            (Outcome.CREATED, Outcome.UPDATED, Outcome.SKIPPED,
             Outcome.FAILED), 0)
        self.report = []

    # -- report ------------------------------------------------------------

    def _note(self, row, outcome, message='', lead_id=None, cells=None):
        self.counts[outcome] += 1
        cells = cells or {}
        self.report.append((row, outcome, lead_id or '', message,
                            cells.get('partner_name') or '',
                            cells.get('contact_name') or '',
                            cells.get('email_from') or ''))

    def report_csv(self):
        labels = {
            Outcome.CREATED: _('would create') if self.dry_run
            else _('created'),
            Outcome.UPDATED: _('would update') if self.dry_run
            else _('updated'),
            Outcome.SKIPPED: _('would skip') if self.dry_run
            else _('skipped'),
            Outcome.FAILED: _('failed'),
        }
        out = io.StringIO()
        writer = csv.writer(out, quoting=csv.QUOTE_ALL)
        writer.writerow([_('Row'), _('Result'), _('Lead ID'), _('Message'),
                         _('Company'), _('Contact Name'), _('Email')])
        for row, outcome, lead_id, message, company, contact, email in \
                sorted(self.report, key=lambda line: line[0]):
            writer.writerow([escape_formula(cell) for cell in (
                row, labels[outcome], lead_id, message, company, contact,
                email)])
        return out.getvalue().encode('utf-8-sig')

    # -- the loop ----------------------------------------------------------

    def run(self):
        wizard = self.wizard
        reader = wizard._reader()
        __, __, rows = reader.header_and_rows()
        self.mapping = wizard._column_mapping()
        self.name_mapped = 'name' in self.mapping.values()
        region = (wizard.team_id.company_id or
                  self.env.user.company_id).country_id.code
        self.normaliser = Normaliser(self.env, region)
        self.dedup = Deduplicator(self.env)
        self.writer = LeadWriter(
            self.env, wizard.team_id, wizard.user_id,
            {'campaign_id': wizard.campaign_id.id,
             'source_id': wizard.source_id.id,
             'medium_id': wizard.medium_id.id},
            wizard.tag_ids.ids)
        self.done_batches = set()
        if not self.dry_run and wizard.duplicate_policy == 'create':
            # "create anyway" finds no duplicate: a batch of this very file
            # already committed by an earlier run is not written twice
            self.done_batches = wizard._done_batches()
        batch = []
        index = 0
        # row 1 is the header
        for row_number, row in enumerate(rows, start=2):
            batch.append((row_number, row))
            if len(batch) == BATCH_SIZE:
                self._batch(index, batch)
                index += 1
                batch = []
        if batch:
            self._batch(index, batch)
        return self.counts

    def _cells(self, row):
        return {field: row[column] if column < len(row) else ''
                for column, field in self.mapping.items()}

    def _batch(self, index, batch):
        if index in self.done_batches:
            for row_number, row in batch:
                self._note(row_number, Outcome.SKIPPED, _(
                    "already imported from this file by an earlier "
                    "import"), cells=self._cells(row))
            self.wizard._batch_progress(len(batch), self.counts,
                                        commit=self.commit)
            return
        # a batch's queries reach a few thousand rows by index: compiling
        # them (JIT) or starting parallel workers costs more than it saves,
        # and a large import outdates the statistics that would decide it
        self.env.cr.execute("SET LOCAL jit TO off; "
                            "SET LOCAL max_parallel_workers_per_gather TO 0")
        prepared = []
        for row_number, row in batch:
            cells = self._cells(row)
            values, keys, errors = self.normaliser.row(cells)
            if errors:
                self._note(row_number, Outcome.FAILED, '; '.join(errors),
                           cells=cells)
                continue
            prepared.append((row_number, values, keys))
        existing = self.dedup.existing([keys for __, __, keys in prepared])
        policy = self.wizard.duplicate_policy
        creates = []      # (row number, values)
        updates = {}      # lead id: values
        update_rows = {}  # lead id: row numbers
        notes = []        # (row number, outcome, message, target, values)
        remembered = []
        for (row_number, values, keys), match in zip(prepared, existing):
            earlier = self.dedup.in_file(keys)
            if earlier is not None and policy != 'create':
                if policy == 'skip':
                    notes.append((row_number, Outcome.SKIPPED, _(
                        "duplicate of row %d of the file") % earlier.row,
                        None, values))
                elif earlier.lead_id:
                    updates.setdefault(earlier.lead_id, {}).update(
                        self._update_values(values))
                    update_rows.setdefault(earlier.lead_id, []).append(
                        row_number)
                    notes.append((row_number, Outcome.UPDATED, _(
                        "same lead as row %d of the file") % earlier.row,
                        earlier, values))
                elif earlier.values is not None:
                    earlier.values.update(self._update_values(values))
                    notes.append((row_number, Outcome.UPDATED, _(
                        "merged into row %d of the file") % earlier.row,
                        earlier, values))
                else:
                    notes.append((row_number, Outcome.SKIPPED, _(
                        "duplicate of row %d of the file, which was not "
                        "imported") % earlier.row, None, values))
                continue
            if match and match[0] == 'lead' and policy != 'create':
                if policy == 'skip':
                    notes.append((row_number, Outcome.SKIPPED, _(
                        "a lead with the same email, phone or name exists "
                        "(ID %d)") % match[1], None, values))
                    continue
                target = Target(row_number, lead_id=match[1])
                updates.setdefault(match[1], {}).update(
                    self._update_values(values))
                update_rows.setdefault(match[1], []).append(row_number)
                notes.append((row_number, Outcome.UPDATED, _(
                    "existing lead updated"), target, values))
                remembered.extend(self.dedup.remember(keys, target))
                continue
            message = ''
            if match and match[0] == 'partner':
                if policy == 'skip':
                    notes.append((row_number, Outcome.SKIPPED, _(
                        "a contact with the same email or phone exists "
                        "(ID %d)") % match[1], None, values))
                    continue
                values['partner_id'] = match[1]
                message = _("linked to the existing contact (ID %d)") % \
                    match[1]
            elif match or earlier is not None:
                message = _("created although a duplicate exists")
            target = Target(row_number, values=values)
            creates.append((row_number, target))
            notes.append((row_number, Outcome.CREATED, message, target,
                          values))
            remembered.extend(self.dedup.remember(keys, target))
        if not self.dry_run:
            try:
                self._write(index, batch, creates, updates)
            except (psycopg2.Error, UserError, ValidationError) as error:
                self.dedup.forget(remembered)
                message = _(
                    "rows %(first)d to %(last)d were not imported, the "
                    "batch was rolled back: %(error)s") % {
                        'first': batch[0][0], 'last': batch[-1][0],
                        'error': getattr(error, 'pgerror', None) or
                        getattr(error, 'name', None) or str(error)}
                _logger.warning("Lead import %s: %s", self.wizard.id,
                                message)
                for row_number, __, __, __, values in notes:
                    self._note(row_number, Outcome.FAILED, message,
                               cells=values)
                self.wizard._batch_progress(len(batch), self.counts,
                                            commit=self.commit)
                return
        for row_number, outcome, message, target, values in notes:
            lead_id = target.lead_id if target is not None else None
            self._note(row_number, outcome, message, lead_id, values)
        self.wizard._batch_progress(len(batch), self.counts,
                                    commit=self.commit)

    def _update_values(self, values):
        """The values of a duplicate row that may change its lead: the
        title built from the company is kept unless the file has one."""
        values = dict(values)
        if not self.name_mapped:
            values.pop('name', None)
        return values

    def _write(self, index, batch, creates, updates):
        cr = self.env.cr
        # the rows are written in SQL: the ORM reads back only the fields
        # the hooks use, not the ~70 columns of every lead
        Lead = self.env['crm.lead'].with_context(prefetch_fields=False)
        with cr.savepoint():
            rows = [target.values for __, target in creates]
            filled = Lead._prepare_import_rows(rows, self.writer.fixed) \
                if rows else set()
            ids = self.writer.insert(rows, sorted(filled))
            self.writer.update_leads(updates)
            Lead.invalidate_cache()
            leads = Lead.browse(ids)
            updated = Lead.browse(list(updates))
            if updated:
                updated.modified(list(self.mapping.values()))
            if leads:
                # the stored computed fields depending on the written
                # columns (territory...), as create() would compute them
                leads.modified([col for col in ROW_COLUMNS + FIXED_COLUMNS
                                if col not in PRECOMPUTED_COLUMNS])
                for name in filled:
                    self.env.remove_todo(Lead._fields[name], leads)
            Lead.recompute()
            leads._post_import_create()
            self.wizard._record_batch(index, batch[0][0], batch[-1][0])
        for (__, target), lead_id in zip(creates, ids):
            # the written lead replaces its pending values for later rows
            target.lead_id = lead_id
            target.values = None
