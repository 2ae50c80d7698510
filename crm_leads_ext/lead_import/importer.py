# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The import loop: the rows of a Table (reader) are checked against the
rows imported before (ledger), normalised, checked for duplicates and
written one batch at a time, each batch all or nothing (a savepoint; a
commit of its own when run as a background job) and recorded in the
ledger. Plain inputs: the table, the column mapping, the Settings; the
caller hears of each batch through a callback.

Costs per batch of BATCH_SIZE rows: one query of the ledger, two of the
duplicates (leads, contacts), one or two of the record rules of the leads
and contacts matched; then, when writing, one INSERT of the leads (with
their tags and followers), one UPDATE of the duplicates updated, the
recomputation of the stored fields, the ``_post_import_create`` hook, and
two INSERTs of the ledger."""
import csv
import io
import logging
import threading

import psycopg2

from odoo import _
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from .deduplicator import Deduplicator, Target
from .ledger import DELETED, Ledger, row_key
from .normaliser import TITLE_FIXED, TITLE_FROM_COLUMN, \
    TITLE_FROM_COMPANY, TITLE_FROM_CONTACT, Normaliser
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


class Settings(object):
    """What an import stamps on its leads and how it reads its rows, as
    plain values: ``team_id``, ``user_id``, ``campaign_id``,
    ``source_id``, ``medium_id`` (ids or False), ``tag_ids`` (ids),
    ``duplicate_policy`` ('skip', 'update' or 'create'), ``title`` (a
    normaliser.TITLE_* constant) and ``title_text`` (TITLE_FIXED),
    ``date_order`` (dates.DAY_FIRST, MONTH_FIRST or None),
    ``reimport_deleted`` (write again the rows whose leads were deleted),
    ``import_id`` (the crm.lead.import the ledger records the batches
    under) and ``company_id`` (the import's: the company of the leads and
    of the duplicates; False: the team's, else the user's)."""

    DEFAULTS = {
        'team_id': False, 'user_id': False, 'campaign_id': False,
        'source_id': False, 'medium_id': False, 'tag_ids': (),
        'duplicate_policy': 'skip', 'title': TITLE_FROM_COLUMN,
        'title_text': '', 'date_order': None, 'reimport_deleted': False,
        'import_id': None, 'company_id': False,
    }

    def __init__(self, **values):
        unknown = set(values) - set(self.DEFAULTS)
        if unknown:
            raise TypeError("unknown import settings: %s" % ', '.join(
                sorted(unknown)))
        for name, default in self.DEFAULTS.items():
            setattr(self, name, values.get(name, default))


class LeadImporter(object):
    """Runs one import, or dry run, of the rows of ``table`` (a
    reader.Table): ``mapping`` {column index: crm.lead field}, ``settings``
    (Settings). ``progress(rows_done, counts)`` is called after each batch;
    with ``commit``, each batch is then committed (a background job)."""

    def __init__(self, env, table, mapping, settings, progress=None,
                 dry_run=False, commit=False):
        self.env = env
        self.table = table
        self.mapping = mapping
        self.settings = settings
        self.progress = progress
        self.dry_run = dry_run
        # a background job commits each batch so that progress shows and a
        # crash loses one batch at most; never inside tests
        self.commit = commit and not getattr(
            threading.current_thread(), 'testing', False)
        self.counts = dict.fromkeys(
            (Outcome.CREATED, Outcome.UPDATED, Outcome.SKIPPED,
             Outcome.FAILED), 0)
        self.report = []
        self.rows_done = 0

    # -- report ------------------------------------------------------------

    def _note(self, row, outcome, message='', lead_id=None, cells=None,
              title=''):
        self.counts[outcome] += 1
        cells = cells or {}
        self.report.append((row, outcome, lead_id or '', message,
                            cells.get('partner_name') or '',
                            cells.get('contact_name') or '',
                            cells.get('email_from') or '', title or ''))

    def report_csv(self):
        """The per-row report, for people: its columns and outcomes in the
        user's language. The last column is each lead's title, its header
        says how the titles were built."""
        labels = {
            Outcome.CREATED: _('would create') if self.dry_run
            else _('created'),
            Outcome.UPDATED: _('would update') if self.dry_run
            else _('updated'),
            Outcome.SKIPPED: _('would skip') if self.dry_run
            else _('skipped'),
            Outcome.FAILED: _('failed'),
        }
        titles = {
            TITLE_FROM_COLUMN: _('Lead Title'),
            TITLE_FROM_COMPANY: _('Lead Title (the company)'),
            TITLE_FROM_CONTACT: _('Lead Title (the contact name)'),
            TITLE_FIXED: _('Lead Title (a fixed text)'),
        }
        out = io.StringIO()
        writer = csv.writer(out, quoting=csv.QUOTE_ALL)
        writer.writerow([_('Row'), _('Result'), _('Lead ID'), _('Message'),
                         _('Company'), _('Contact Name'), _('Email'),
                         titles[self.settings.title]])
        for line in sorted(self.report, key=lambda line: line[0]):
            writer.writerow([escape_formula(cell) for cell in (
                (line[0], labels[line[1]]) + line[2:])])
        return out.getvalue().encode('utf-8-sig')

    # -- the loop ----------------------------------------------------------

    def run(self):
        """Import the rows; returns the counts by outcome."""
        settings = self.settings
        Lead = self.env['crm.lead']
        Lead.check_access_rights('create')
        if settings.duplicate_policy == 'update':
            Lead.check_access_rights('write')
        team = self.env['crm.team'].browse(settings.team_id)
        company = self.env['res.company'].browse(settings.company_id) or \
            team.company_id or self.env.user.company_id
        self.normaliser = Normaliser(
            self.env, company.country_id.code, settings.date_order,
            settings.title, settings.title_text)
        self.texts = self._texts()
        self.dedup = Deduplicator(self.env, company.id)
        self.ledger = Ledger(self.env, settings.import_id, company.id)
        self.writer = LeadWriter(
            self.env, team, company,
            self.env['res.users'].browse(settings.user_id),
            {'campaign_id': settings.campaign_id,
             'source_id': settings.source_id,
             'medium_id': settings.medium_id},
            settings.tag_ids)
        batch = []
        index = 0
        for row in self.table.rows:
            batch.append(row)
            if len(batch) == BATCH_SIZE:
                self._batch(index, batch)
                index += 1
                batch = []
        if batch:
            self._batch(index, batch)
        return self.counts

    def _cells(self, cells):
        return {field: cells[column] if column < len(cells) else ''
                for column, field in self.mapping.items()}

    def _read(self, batch):
        """The rows of ``batch`` that can be imported: (row number, ledger
        key, values, duplicate keys); the others are noted as failed (a
        cell that cannot be read, more or fewer cells than the header, a
        value refused by the Normaliser) or skipped (imported before)."""
        width = self.table.width
        read = []
        for row_number, cells, problem in batch:
            fields = self._cells(cells)
            if problem:
                self._note(row_number, Outcome.FAILED, problem, cells=fields)
                continue
            if len(cells) != width:
                self._note(row_number, Outcome.FAILED, self.texts['width'] % {
                    'cells': len(cells), 'header': width}, cells=fields)
                continue
            values, keys, errors = self.normaliser.row(fields)
            if errors:
                self._note(row_number, Outcome.FAILED, '; '.join(errors),
                           cells=fields)
                continue
            read.append((row_number, row_key(cells), values, keys))
        rows = []
        for row, previous in zip(read, self.ledger.previous(
                [key for __, key, __, __ in read])):
            row_number, __, values, __ = row
            if previous is None or (previous is DELETED and
                                    self.settings.reimport_deleted):
                rows.append(row)
            elif previous is DELETED:
                self._note(row_number, Outcome.SKIPPED,
                           self.texts['deleted'], cells=values)
            else:
                self._note(row_number, Outcome.SKIPPED,
                           self.texts['imported'] % previous,
                           lead_id=previous, cells=values)
        return rows

    def _allowed(self, model, ids, operation):
        """The records of ``ids`` the user may ``operation`` by the record
        rules of ``model``, as check_access_rule applies them. One query,
        none when no rule applies."""
        domain = self.env['ir.rule']._compute_domain(model, operation)
        if not ids or not domain:
            return set(ids)
        return set(self.env[model].sudo().with_context(
            active_test=False).search(expression.AND(
                [domain, [('id', 'in', list(ids))]])).ids)

    def _batch(self, index, batch):
        # a batch's queries reach a few thousand rows by index: compiling
        # them (JIT) or starting parallel workers costs more than it saves,
        # and a large import outdates the statistics that would decide it
        self.env.cr.execute("SET LOCAL jit TO off; "
                            "SET LOCAL max_parallel_workers_per_gather TO 0")
        prepared = self._read(batch)
        existing = self.dedup.existing([keys for __, __, __, keys
                                        in prepared])
        visible = {
            'lead': self._allowed('crm.lead', {
                match.id for match in existing
                if match and match.model == 'lead'}, 'read'),
            'partner': self._allowed('res.partner', {
                match.id for match in existing
                if match and match.model == 'partner'}, 'read'),
        }
        policy = self.settings.duplicate_policy
        writable = self._allowed('crm.lead', visible['lead'], 'write') \
            if policy == 'update' else set()
        creates = []      # (row number, Target)
        updates = {}      # lead id: values
        notes = []        # (row number, outcome, message, target, values,
        #                    ledger key)
        remembered = []
        texts = self.texts
        for (row_number, key, values, keys), match in zip(prepared,
                                                          existing):
            def note(outcome, message, target=None):
                notes.append((row_number, outcome, message, target, values,
                              key))

            earlier, kind = self.dedup.in_file(keys)
            if earlier is not None and policy != 'create':
                same = {'row': earlier.row, 'match': texts[kind]}
                if policy == 'skip':
                    note(Outcome.SKIPPED, texts['row_duplicate'] % same)
                elif earlier.lead_id:
                    updates.setdefault(earlier.lead_id, {}).update(
                        self._update_values(values))
                    note(Outcome.UPDATED, texts['row_same_lead'] % same,
                         earlier)
                else:
                    earlier.values.update(self._update_values(values))
                    note(Outcome.UPDATED, texts['row_merged'] % same,
                         earlier)
                continue
            if match and match.model == 'lead' and policy != 'create':
                same = {'lead': match.id, 'match': texts[match.kind]}
                if match.id not in visible['lead']:
                    note(Outcome.SKIPPED, texts['lead_hidden'] % same)
                elif policy == 'skip':
                    note(Outcome.SKIPPED, texts['lead_duplicate'] % same)
                elif not match.active:
                    note(Outcome.SKIPPED, texts['lead_archived'] % same)
                elif match.id not in writable:
                    note(Outcome.SKIPPED, texts['lead_readonly'] % same)
                else:
                    target = Target(row_number, lead_id=match.id)
                    updates.setdefault(match.id, {}).update(
                        self._update_values(values))
                    note(Outcome.UPDATED, texts['lead_updated'] % same,
                         target)
                    remembered.extend(self.dedup.remember(keys, target))
                continue
            message = ''
            if match and match.model == 'partner' and \
                    match.id in visible['partner']:
                same = {'partner': match.id, 'match': texts[match.kind]}
                if policy == 'skip':
                    note(Outcome.SKIPPED, texts['contact_duplicate'] % same)
                    continue
                values['partner_id'] = match.id
                message = texts['contact_linked'] % same
            elif match and match.model == 'lead':
                message = texts['created_anyway'] % texts[match.kind]
            elif earlier is not None:
                message = texts['created_anyway'] % texts[kind]
            target = Target(row_number, values=values)
            creates.append((row_number, target))
            note(Outcome.CREATED, message, target)
            remembered.extend(self.dedup.remember(keys, target))
        if not self.dry_run:
            try:
                self._write(index, batch, creates, updates, notes)
            except (psycopg2.Error, UserError, ValidationError) as error:
                self.dedup.forget(remembered)
                message = _(
                    "rows %(first)d to %(last)d were not imported, the "
                    "batch was rolled back: %(error)s") % {
                        'first': batch[0][0], 'last': batch[-1][0],
                        'error': getattr(error, 'pgerror', None) or
                        getattr(error, 'name', None) or str(error)}
                _logger.warning("Lead import %s: %s",
                                self.settings.import_id, message)
                for row_number, __, __, __, values, __ in notes:
                    self._note(row_number, Outcome.FAILED, message,
                               cells=values)
                self._done(batch)
                return
        for row_number, outcome, message, target, values, __ in notes:
            lead_id = target.lead_id if target is not None else None
            # the title the lead got: an update keeps the lead's own
            # unless the file has titles
            titled = outcome == Outcome.CREATED or (
                outcome == Outcome.UPDATED and
                self.settings.title == TITLE_FROM_COLUMN)
            self._note(row_number, outcome, message, lead_id, values,
                       values.get('name') if titled else '')
        self._done(batch)

    def _done(self, batch):
        self.rows_done += len(batch)
        if self.progress:
            self.progress(self.rows_done, dict(self.counts))
        if self.commit:
            # a background batch is its own transaction: kept if a later
            # one fails or the worker is killed, and its progress visible
            self.env.cr.commit()  # pylint: disable=invalid-commit

    def _update_values(self, values):
        """The values of a duplicate row that may change its lead: a title
        the import built is not the file's, the lead keeps its own."""
        values = dict(values)
        if self.settings.title != TITLE_FROM_COLUMN:
            values.pop('name', None)
        return values

    def _texts(self):
        """The report's messages of a row, translated once per import: _()
        looks up the stack for the user's language, then its translation,
        for a millisecond. The kinds of duplicate keys ('emails'...) name
        what a duplicate has in common with its row."""
        return {
            'emails': _('email'),
            'phones': _('phone'),
            'names': _('company and contact name'),
            'width': _(
                "the row has %(cells)d cells but the header has "
                "%(header)d: its values cannot be matched to the columns"),
            'deleted': _(
                "imported before, and its lead was deleted since: tick "
                "\"Import Deleted Leads Again\" to import it again"),
            'imported': _("already imported, as lead %d"),
            'row_duplicate': _(
                "duplicate of row %(row)d of the file: same %(match)s"),
            'row_same_lead': _(
                "same lead as row %(row)d of the file: same %(match)s"),
            'row_merged': _(
                "merged into row %(row)d of the file: same %(match)s"),
            'lead_hidden': _(
                "duplicate of a lead you have no access to: same "
                "%(match)s"),
            'lead_duplicate': _(
                "duplicate of lead %(lead)d: same %(match)s"),
            'lead_archived': _(
                "duplicate of lead %(lead)d (same %(match)s), which is "
                "archived: archived leads are not updated"),
            'lead_readonly': _(
                "duplicate of lead %(lead)d (same %(match)s), which you may "
                "not change"),
            'lead_updated': _(
                "existing lead %(lead)d updated: same %(match)s"),
            'contact_duplicate': _(
                "a contact has the same %(match)s (ID %(partner)d)"),
            'contact_linked': _(
                "linked to the existing contact (ID %(partner)d): same "
                "%(match)s"),
            'created_anyway': _(
                "created although a duplicate exists: same %s"),
        }

    def _write(self, index, batch, creates, updates, notes):
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
            for (__, target), lead_id in zip(creates, ids):
                # the written lead replaces its pending values for later
                # rows
                target.lead_id = lead_id
                target.values = None
            self.ledger.record(index, batch[0][0], batch[-1][0], [
                (row_number, key, target.lead_id, outcome)
                for row_number, outcome, __, target, __, key in notes
                if outcome in (Outcome.CREATED, Outcome.UPDATED)])
