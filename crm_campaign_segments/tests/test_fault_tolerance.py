# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A job killed in the middle of a batch is retried: it neither sends a
mail twice nor loses a workitem.

All real parts: a server process with two prefork workers and queue_job's
job runner, on a throw-away copy of the test database, a live campaign
whose mails go through Odoo's mail queue to a local SMTP sink (aiosmtpd),
and PostgreSQL row locks to stop the job at a known workitem. The test's
own connections lock the partners of the workitems; once the job runs,
it lets the first ones go: the job makes their mails, then waits for the
lock of the next partner (its mail's recipient, a foreign key), in the
middle of its batch. There the test kills it: the worker process
(SIGKILL), or the job's PostgreSQL backend (pg_terminate_backend). Then
the locks go, the job is retried, the mail queue sends, and the sink
counts the mails by their X-Crm-Campaign-Workitem header."""
import collections
import email
import logging
import os
import signal
import threading
import time
import unittest
from contextlib import closing

import psutil
import psycopg2
import pytest
from aiosmtpd.controller import Controller

from odoo.sql_db import connection_info_for
from odoo.tests.common import get_db_name

from ..models.crm_campaign_activity import WORKITEM_HEADER
from ..models.crm_campaign_workitem import STARTED_GRACE
from .harness import (
    NEEDS_HARNESS, OdooServerProcess, copy_database, drop_database,
    free_port)

CITY = 'CS Fault City'
PARTNERS = 8
# the job makes the mails of this many workitems, then waits
DONE_BEFORE_KILL = 3
TIMEOUT = 60


class SmtpSink(object):
    """aiosmtpd's handler: every message received, kept parsed."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        with self.lock:
            self.messages.append(message)
        return '250 OK'

    def keys(self, campaign_id):
        """How many mails each workitem key of the campaign has (the demo
        data's own queued mails and other campaigns' are not counted)."""
        prefix = 'crm-campaign-%d-' % campaign_id
        with self.lock:
            return collections.Counter(
                message[WORKITEM_HEADER] for message in self.messages
                if (message[WORKITEM_HEADER] or '').startswith(prefix))


@pytest.mark.server_process
@unittest.skipIf(OdooServerProcess is None, NEEDS_HARNESS)
class TestJobKilledInBatch(unittest.TestCase):

    def setUp(self):
        super(TestJobKilledInBatch, self).setUp()
        self.sink = SmtpSink()
        # aiosmtpd logs every SMTP command at INFO
        smtp_log = logging.getLogger('mail.log')
        self.addCleanup(smtp_log.setLevel, smtp_log.level)
        smtp_log.setLevel(logging.WARNING)
        self.smtp = Controller(self.sink, hostname='127.0.0.1',
                               port=free_port())
        self.smtp.start()
        self.addCleanup(self.smtp.stop)
        source = get_db_name()
        self.database = ('%s_fault_%d' % (source, os.getpid()))[-63:]
        copy_database(source, self.database)
        self.addCleanup(drop_database, self.database)
        self.server = OdooServerProcess(
            self.database, label='campaign-fault',
            extra_args=['--load=web,queue_job', '--workers=2',
                        '--max-cron-threads=0',
                        '--longpolling-port=%d' % free_port()],
            # one campaign job at a time: the other worker serves the
            # test's requests while the job waits for the test's lock
            env={'ODOO_QUEUE_JOB_CHANNELS': 'root:2,root.campaign:1'})
        self.server.start()
        self.addCleanup(self.server.stop)
        self.server.wait_for_log(
            r'queue job runner ready for db %s\b' % self.database,
            timeout=30)
        self.admin = self.server.session('admin', 'admin')
        self.locks = []
        self.addCleanup(self.release, self.locks)

    # -- the database, as the test's own connections -----------------------
    def connect(self):
        return psycopg2.connect(**connection_info_for(self.database)[1])

    def sql(self, query, params=()):
        with closing(self.connect()) as connection:
            connection.autocommit = True
            cr = connection.cursor()
            cr.execute(query, params)
            return cr.fetchall() if cr.description else None

    def lock_partner(self, partner_id):
        """A transaction of its own holding the partner's row lock: its
        backend's pid and its connection."""
        connection = self.connect()
        self.addCleanup(connection.close)
        with connection.cursor() as cr:
            cr.execute('SELECT pg_backend_pid()')
            pid = cr.fetchone()[0]
            cr.execute('SELECT id FROM res_partner WHERE id = %s '
                       'FOR UPDATE', (partner_id,))
        self.locks.append(connection)
        return pid, connection

    def release(self, locks):
        for connection in locks:
            if not connection.closed:
                connection.rollback()

    def wait(self, what, predicate, timeout=TIMEOUT, step=0.2):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(step)
        self.fail('%s: not within %ss\n%s' % (
            what, timeout, self.server.log_tail()))

    # -- the campaign, as a user does it ------------------------------------
    def make_campaign(self):
        call = self.admin.call
        call('ir.mail_server', 'create', {
            'name': 'CS SMTP sink', 'smtp_host': '127.0.0.1',
            'smtp_port': self.smtp.port, 'smtp_encryption': 'none',
            'sequence': 1})
        partner_ids = [call('res.partner', 'create', {
            'name': 'CS Fault %d' % index, 'city': CITY,
            'email': 'cs-fault-%d@example.com' % index})
            for index in range(PARTNERS)]
        model_id = call('ir.model.data', 'xmlid_to_res_id',
                        'base.model_res_partner')
        template_id = call('mail.template', 'create', {
            'name': 'CS Fault Recommendation', 'model_id': model_id,
            'subject': 'Products for ${object.name}',
            'partner_to': '${object.id}',
            'body_html': '<p>Dear ${object.name}, see our products.</p>'})
        campaign_id = call('crm.campaign', 'create', {
            'name': 'CS Fault Campaign', 'mode': 'live'})
        call('crm.campaign.activity', 'create', {
            'name': 'CS Fault Mail', 'campaign_id': campaign_id,
            'start': True, 'action_type': 'mail',
            'template_id': template_id})
        segment_id = call('crm.segment', 'create', {
            'name': 'CS Fault City', 'campaign_id': campaign_id,
            'interval': 'manual', 'domain': "[('city', '=', '%s')]" % CITY})
        self.admin.call_button('crm.campaign', 'action_start',
                               [campaign_id])
        return campaign_id, segment_id, partner_ids

    def workitems(self, campaign_id):
        return self.sql("""
            SELECT id, res_id, state, idempotence_key
            FROM crm_campaign_workitem WHERE campaign_id = %s
            ORDER BY id""", (campaign_id,))

    def job(self, campaign_id):
        """The campaign's job: its uuid, state and tries."""
        jobs = self.sql("""
            SELECT uuid, state, retry FROM queue_job
            WHERE model_name = 'crm.campaign.workitem'
              AND method_name = '_job_process'
              AND record_ids::jsonb @> to_jsonb(ARRAY[%s])""",
                        (self.workitems(campaign_id)[0][0],))
        self.assertEqual(len(jobs), 1, 'one batch, one job: %s' % jobs)
        return jobs[0]

    def trigger(self, xmlid):
        cron_id = self.admin.call('ir.model.data', 'xmlid_to_res_id', xmlid)
        self.admin.call_button('ir.cron', 'method_direct_trigger',
                               [cron_id])

    def start_and_stop_in_batch(self):
        """Run the segment, let the job make the first mails and wait at
        the next workitem: the job's backend pid, blocked by the test."""
        campaign_id, segment_id, partner_ids = self.make_campaign()
        locks = {partner: self.lock_partner(partner)
                 for partner in partner_ids}
        self.admin.call_button('crm.segment', 'action_run_now',
                               [segment_id])
        items = self.workitems(campaign_id)
        self.assertEqual(len(items), PARTNERS)
        # the job processes its workitems in the order of their ids
        for __, res_id, __, __ in items[:DONE_BEFORE_KILL]:
            locks[res_id][1].rollback()
        holder = locks[items[DONE_BEFORE_KILL][1]][0]
        blocked = self.wait('the job waits for the lock', lambda: self.sql(
            """SELECT pid, client_port FROM pg_stat_activity
               WHERE datname = %s AND %s = ANY(pg_blocking_pids(pid))""",
            (self.database, holder)))
        self.assertEqual(len(blocked), 1, blocked)
        self.assertEqual(self.job(campaign_id)[1], 'started')
        # the mail queue runs meanwhile: the batch's mails are not
        # committed, none leaves
        self.trigger('mail.ir_cron_mail_scheduler_action')
        self.assertFalse(self.sink.keys(campaign_id))
        return campaign_id, blocked[0]

    def assert_each_mail_once(self, campaign_id, tries):
        self.wait('every workitem done', lambda: all(
            state == 'done' for __, __, state, __ in
            self.workitems(campaign_id)))
        self.assertEqual(self.job(campaign_id)[1:], ('done', tries))
        keys = [key for __, __, __, key in self.workitems(campaign_id)]
        self.trigger('mail.ir_cron_mail_scheduler_action')
        self.wait('the mails reach the SMTP sink',
                  lambda: sum(self.sink.keys(campaign_id).values()) >=
                  PARTNERS)
        # no late duplicate on its way
        self.trigger('mail.ir_cron_mail_scheduler_action')
        self.assertEqual(self.sink.keys(campaign_id),
                         collections.Counter(keys),
                         'exactly one mail per workitem')

    def test_worker_killed(self):
        campaign_id, (backend, port) = self.start_and_stop_in_batch()
        # a live job is left alone, however long it runs: it holds the
        # workitems it processes
        uuid = self.job(campaign_id)[0]
        self.wait('the job started long ago', lambda: self.sql(
            """SELECT (now() AT TIME ZONE 'UTC') - date_started > %s
               FROM queue_job WHERE uuid = %s""",
            (STARTED_GRACE, uuid))[0][0], step=0.5)
        self.trigger('crm_campaign_segments.ir_cron_campaign_run')
        self.assertEqual(self.job(campaign_id)[1], 'started')
        workers = [
            process for process in psutil.Process(
                self.server.process.pid).children(recursive=True)
            if any(connection.laddr.port == port
                   for connection in process.net_connections('tcp'))]
        self.assertEqual(len(workers), 1, 'the worker running the job')
        os.kill(workers[0].pid, signal.SIGKILL)
        workers[0].wait(10)
        self.release(self.locks)
        # queue_job leaves the job 'started' for good; the campaigns'
        # scheduled action finds it dead and queues it again
        self.wait('the dead job queued again', lambda: (
            self.trigger('crm_campaign_segments.ir_cron_campaign_run') or
            self.job(campaign_id)[1] != 'started'), step=1)
        # the killed try could not count itself
        self.assert_each_mail_once(campaign_id, tries=1)

    def test_backend_terminated(self):
        campaign_id, (backend, port) = self.start_and_stop_in_batch()
        self.assertTrue(self.sql('SELECT pg_terminate_backend(%s)',
                                 (backend,))[0][0])
        self.release(self.locks)
        # the worker lives on: the job is retried by queue_job itself
        self.assert_each_mail_once(campaign_id, tries=2)
