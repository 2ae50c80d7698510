# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import logging
from datetime import timedelta
from itertools import groupby

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import job

from ..engine import processing, scheduling
from .crm_campaign_activity import error_text

_logger = logging.getLogger(__name__)

BATCH_SIZE_PARAM = 'crm_campaign_segments.batch_size'
# a workitem queued this long ago and still pending lost its job (the job
# failed for good, or was removed): the cron queues it again
REQUEUE_AFTER = timedelta(hours=1)
# a job 'started' this long ago holds the workitems it processes (it
# locks them first thing); if it does not, its process died
STARTED_GRACE = timedelta(seconds=10)
# a job whose database connection was cut is tried again this much later
# (queue_job waits as long after a serialization failure)
RETRY_LOST_CONNECTION = 5


class CrmCampaignWorkitem(models.Model):
    """A record at an activity of a campaign. Workitems are inserted in
    SQL by the segment runs and the transitions (engine.entry,
    engine.scheduling), never one create per record."""

    _name = 'crm.campaign.workitem'
    _description = 'Campaign Workitem'
    _order = 'date_scheduled desc, id desc'
    _rec_name = 'idempotence_key'

    campaign_id = fields.Many2one(
        'crm.campaign', string='Campaign', required=True, readonly=True,
        ondelete='cascade', index=True)
    activity_id = fields.Many2one(
        'crm.campaign.activity', string='Activity', required=True,
        readonly=True, ondelete='cascade', index=True)
    segment_id = fields.Many2one(
        'crm.segment', string='Segment', required=True, readonly=True,
        ondelete='cascade')
    res_model = fields.Char(string='Model', required=True, readonly=True)
    res_id = fields.Integer(string='Record ID', required=True,
                            readonly=True)
    res_name = fields.Char(string='Record', compute='_compute_res_name')
    state = fields.Selection([
        ('todo', 'To Do'),
        ('done', 'Done'),
        ('skipped', 'Skipped'),
        ('cancelled', 'Cancelled'),
        ('exception', 'Exception'),
    ], string='Status', required=True, default='todo', readonly=True,
        index=True)
    date_scheduled = fields.Datetime(string='Scheduled', required=True,
                                     readonly=True)
    date_done = fields.Datetime(string='Done', readonly=True)
    date_enqueued = fields.Datetime(string='Queued', readonly=True)
    error = fields.Text(string='Error', readonly=True)
    retry_count = fields.Integer(string='Retries', readonly=True)
    idempotence_key = fields.Char(
        string='Key', required=True, readonly=True,
        help="The workitem's identity, carried by the mail it sends: a "
             "job retried after a crash never sends it twice.")
    parent_id = fields.Many2one(
        'crm.campaign.workitem', string='Previous Workitem', readonly=True,
        ondelete='set null')
    transition_id = fields.Many2one(
        'crm.campaign.transition', string='Transition', readonly=True,
        ondelete='set null')
    mail_mail_id = fields.Many2one(
        'mail.mail', string='Mail', readonly=True, ondelete='set null')
    mail_statistics_id = fields.Many2one(
        'mail.mail.statistics', string='Mail Statistics', readonly=True,
        ondelete='set null')
    lead_id = fields.Many2one(
        'crm.lead', string='Lead', readonly=True, ondelete='set null')

    _sql_constraints = [
        # a record enters a campaign once per segment, and reaches each
        # activity at most once: the segment runs and the transitions
        # insert with ON CONFLICT DO NOTHING on this index
        ('record_activity_unique',
         'UNIQUE(campaign_id, segment_id, res_model, res_id, activity_id)',
         'A record reaches an activity of a campaign once per segment.'),
        ('idempotence_key_unique', 'UNIQUE(idempotence_key)',
         'The key of a workitem is unique.'),
    ]

    @api.model_cr_context
    def _auto_init(self):
        res = super(CrmCampaignWorkitem, self)._auto_init()
        # the queue: the pending workitems by due date
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS crm_campaign_workitem_due_index
            ON crm_campaign_workitem (date_scheduled)
            WHERE state = 'todo'""")
        # deleting a workitem, a mail, its statistics or a lead makes
        # PostgreSQL find the workitems pointing at it (ON DELETE SET
        # NULL): without an index, one scan of every workitem per row
        # deleted (deleting a campaign of 100,000 workitems took more
        # than ten minutes). Partial: most workitems point at nothing,
        # and the segment runs insert them without these index entries.
        # (the column names are these constants, not input)
        for column in ('parent_id', 'mail_mail_id', 'mail_statistics_id',
                       'lead_id'):
            self.env.cr.execute(  # pylint: disable=sql-injection
                "CREATE INDEX IF NOT EXISTS crm_campaign_workitem_{0}_index "
                "ON crm_campaign_workitem ({0}) "
                "WHERE {0} IS NOT NULL".format(column))
        return res

    @api.multi
    def _compute_res_name(self):
        # one name_get per model for a list of workitems
        names = {}
        for model in set(self.mapped('res_model')):
            if model in self.env:
                records = self.env[model].browse(
                    self.filtered(lambda w, m=model: w.res_model == m)
                    .mapped('res_id')).exists()
                names.update(((model, res_id), name)
                             for res_id, name in records.name_get())
        for workitem in self:
            key = (workitem.res_model, workitem.res_id)
            workitem.res_name = names.get(key, '%s,%s' % key)

    @api.multi
    def action_retry(self):
        """Queue the workitems in exception again."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        failed = self.filtered(lambda w: w.state == 'exception')
        if not failed:
            raise UserError(_("Only workitems in exception can be retried."))
        failed.sudo().write({'state': 'todo', 'date_enqueued': False,
                             'date_scheduled': fields.Datetime.now()})
        self.sudo()._enqueue_due(failed.mapped('campaign_id').ids)
        return True

    @api.model
    def _batch_size(self):
        value = self.env['ir.config_parameter'].sudo().get_param(
            BATCH_SIZE_PARAM, '500')
        try:
            return max(int(value), 1)
        except ValueError:
            _logger.warning("%s is not a number: %r", BATCH_SIZE_PARAM,
                            value)
            return 500

    @api.model
    def _enqueue_due(self, campaign_ids=None):
        """Queue a job per batch of due workitems (of ``campaign_ids``
        only, when given)."""
        now = fields.Datetime.from_string(fields.Datetime.now())
        batches = scheduling.due_batches(
            self.env.cr, fields.Datetime.to_string(now),
            fields.Datetime.to_string(now - REQUEUE_AFTER),
            self._batch_size(), campaign_ids)
        for ids in batches:
            self.browse(ids).with_delay(description=_(
                "Process %d campaign workitems") % len(ids))._job_process()
        return len(batches)

    @api.model
    def _schedule_mail_events(self):
        return scheduling.schedule_mail_events(
            self.env.cr, self.env.uid, fields.Datetime.now())

    @api.model
    def _requeue_dead_jobs(self):
        """Queue again the jobs processing workitems whose process died
        (killed, out of memory, node lost): queue_job leaves them
        'started' for good, their workitems pending. The retried job finds
        the mails the dead one may have made (the workitem's key), so none
        is sent twice."""
        before = fields.Datetime.from_string(fields.Datetime.now()) - \
            STARTED_GRACE
        jobs = self.env['queue.job'].sudo().search([
            ('state', '=', 'started'), ('model_name', '=', self._name),
            ('method_name', '=', '_job_process'),
            ('date_started', '<=', fields.Datetime.to_string(before))])
        dead = jobs.filtered(self._job_is_dead)
        dead.requeue()
        return len(dead)

    @api.model
    def _job_is_dead(self, job_record):
        if not job_record.record_ids:
            return True
        try:
            with self.env.cr.savepoint():
                return scheduling.unattended(self.env.cr,
                                             job_record.record_ids)
        except psycopg2.OperationalError:
            # a job processed them since this transaction began
            # (serialization failure of the probe's lock): it is alive
            return False

    @job(default_channel='root.campaign')
    @api.multi
    def _job_process(self):
        try:
            counts = self.sudo()._process()
        except (psycopg2.InterfaceError, psycopg2.OperationalError):
            if not self.env.cr._cnx.closed:
                raise
            # the connection died (database restarted, backend terminated)
            # with the batch's transaction: nothing of it was kept, and
            # queue_job would fail the job for good; tried again, it
            # processes the whole batch
            raise RetryableJobError(
                _("The database connection was lost: the batch will be "
                  "processed again."), seconds=RETRY_LOST_CONNECTION)
        return _("%(done)d done, %(skipped)d skipped, %(cancelled)d "
                 "cancelled, %(exception)d in exception") % counts

    @api.multi
    def _process(self):
        """Process the due workitems of ``self``: each in a savepoint, an
        error putting it in exception without stopping the batch; then the
        next workitems by the transitions, in one INSERT."""
        cr = self.env.cr
        now = fields.Datetime.now()
        counts = dict.fromkeys(
            ('done', 'skipped', 'cancelled', 'exception'), 0)
        workitems = self.browse(processing.claim(cr, self.ids, now))
        done = []

        def close(items, state, reason=None):
            processing.close(cr, items.ids, state, now, reason)
            counts[state] += len(items)

        for model, group in groupby(workitems.sorted('res_model'),
                                    key=lambda w: w.res_model):
            items = self.browse([w.id for w in group])
            if model not in self.env:
                close(items, 'cancelled', _(
                    "The model of the record is no longer installed."))
                continue
            Model = self.env[model]
            missing = processing.missing_records(
                cr, Model._table, items.mapped('res_id'))
            deleted = items.filtered(lambda w: w.res_id in missing)
            close(deleted, 'cancelled', _(
                "The record was deleted before this activity ran."))
            items -= deleted
            for activity in items.mapped('activity_id'):
                todo = items.filtered(lambda w, a=activity:
                                      w.activity_id == a)
                todo = self._filter_condition(todo, activity, Model, close)
                opened = todo.filtered(
                    lambda w: w.transition_id.trigger == 'not_opened' and
                    w.parent_id.mail_statistics_id.opened)
                close(opened, 'skipped', _(
                    "The mail of the previous activity was opened."))
                for workitem in todo - opened:
                    if self._run_one(workitem, activity, Model, now):
                        done.append(workitem.id)
                        counts['done'] += 1
                    else:
                        counts['exception'] += 1
        scheduling.schedule_next(cr, done, self.env.uid, now)
        self.invalidate_cache()
        return counts

    @api.model
    def _filter_condition(self, todo, activity, Model, close):
        """The workitems of ``todo`` whose record matches the activity's
        condition (one search for them all); the others are closed."""
        if not activity.condition:
            return todo
        domain = activity._get_condition()
        if domain is None:
            close(todo, 'exception', _(
                "The condition of the activity is refused: correct it."))
            return todo.browse()
        matched = set(Model.with_context(active_test=False).search(
            [('id', 'in', todo.mapped('res_id'))] + domain).ids)
        skipped = todo.filtered(lambda w: w.res_id not in matched)
        close(skipped, 'skipped', _(
            "The record does not match the condition of the activity."))
        return todo - skipped

    @api.model
    def _run_one(self, workitem, activity, Model, now):
        """Run ``activity`` for ``workitem`` in a savepoint: done, or in
        exception with the error's message."""
        try:
            with self.env.cr.savepoint():
                values = activity._execute(workitem,
                                           Model.browse(workitem.res_id))
                values.update(state='done', date_done=now, error=False)
                workitem.write(values)
            return True
        except Exception as error:  # pylint: disable=broad-except
            # what the rolled back savepoint wrote is gone from the
            # database: the cache must not keep it either
            self.env.clear()
            _logger.info("campaign workitem %s failed", workitem.id,
                         exc_info=True)
            workitem.write({
                'state': 'exception', 'date_done': now,
                'error': error_text(error)[:2000],
                'retry_count': workitem.retry_count + 1})
            return False
