# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Scheduled actions of the suite run as queue jobs (queue_job_cron).

1. In the test transaction: triggering a cron marked "run as queue job" only
   enqueues a job; performing the job (as queue_job's own tests do) does the
   work.
2. For real: a server process with queue_job's job runner, on a throw-away
   copy of the test database, runs the job a user enqueues with "Run
   Manually" on their own, and the effect shows.
"""
import os
import time
import unittest

import pytest

from odoo.addons.queue_job.job import Job
from odoo.tests.common import SavepointCase, get_db_name

from odoo.addons.crm_leads_ext.tests.harness import (
    NEEDS_HARNESS, OdooServerProcess, copy_database, drop_database)

TAG_CODE = """\
env['crm.lead'].browse(%(lead)d).write({'tag_ids': [(4, %(tag)d)]})
"""


class TestCronRunsAsQueueJob(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestCronRunsAsQueueJob, cls).setUpClass()
        cls.lead = cls.env.ref('crm.crm_case_13')
        cls.tag = cls.env['crm.lead.tag'].create({'name': 'Checked by a queued cron'})
        cls.cron = cls.env['ir.cron'].create({
            'name': 'Tag a lead (queued)',
            'model_id': cls.env.ref('crm.model_crm_lead').id,
            'state': 'code',
            'code': TAG_CODE % {'lead': cls.lead.id, 'tag': cls.tag.id},
            'interval_number': 1,
            'interval_type': 'days',
            'numbercall': -1,
            'run_as_queue_job': True,
            'channel_id': cls.env.ref('queue_job_cron.channel_root_ir_cron').id,
        })

    def test_trigger_enqueues_and_the_job_does_the_work(self):
        Jobs = self.env['queue.job']
        self.assertFalse(Jobs.search([('name', '=', self.cron.name)]))

        self.cron.method_direct_trigger()

        job_record = Jobs.search([('name', '=', self.cron.name)])
        self.assertEqual(len(job_record), 1, 'triggering the cron enqueued one job')
        self.assertEqual(job_record.state, 'pending')
        self.assertEqual(job_record.channel, 'root.ir_cron')
        self.assertEqual(job_record.user_id, self.cron.user_id)
        self.assertNotIn(self.tag, self.lead.tag_ids,
                         'the action waits for the job: nothing changed yet')

        job = Job.load(self.env, job_record.uuid)
        job.perform()
        job.set_done()
        job.store()

        self.lead.invalidate_cache()
        self.assertIn(self.tag, self.lead.tag_ids, 'the job ran the action')
        self.assertEqual(job_record.state, 'done')


@pytest.mark.server_process
@unittest.skipIf(OdooServerProcess is None, NEEDS_HARNESS)
class TestJobRunnerInServerProcess(unittest.TestCase):
    """The job runner of a real server runs what a user enqueued."""

    timeout = 60

    def setUp(self):
        super(TestJobRunnerInServerProcess, self).setUp()
        source = get_db_name()
        self.database = ('%s_qjob_%d' % (source, os.getpid()))[-63:]
        copy_database(source, self.database)
        self.addCleanup(drop_database, self.database)
        self.server = OdooServerProcess(
            self.database, label='queue-job-runner',
            extra_args=['--load=web,queue_job', '--max-cron-threads=0'])
        self.server.start()
        self.addCleanup(self.server.stop)

    def test_runner_performs_the_job_of_a_cron_run_manually(self):
        self.server.wait_for_log(
            r'queue job runner ready for db %s\b' % self.database, timeout=30)
        admin = self.server.session('admin', 'admin')
        lead_id = admin.call('ir.model.data', 'xmlid_to_res_id', 'crm.crm_case_13')
        tag_id = admin.call('crm.lead.tag', 'create',
                            {'name': 'Tagged by the job runner'})
        channel_id = admin.call('ir.model.data', 'xmlid_to_res_id',
                                'queue_job_cron.channel_root_ir_cron')
        model_id = admin.call('ir.model.data', 'xmlid_to_res_id', 'crm.model_crm_lead')
        cron_id = admin.call('ir.cron', 'create', {
            'name': 'Tag a lead (job runner)',
            'model_id': model_id,
            'state': 'code',
            'code': TAG_CODE % {'lead': lead_id, 'tag': tag_id},
            'interval_number': 1,
            'interval_type': 'days',
            'numbercall': -1,
            'run_as_queue_job': True,
            'channel_id': channel_id,
        })

        # "Run Manually" on the scheduled action: its own committed request
        admin.call_button('ir.cron', 'method_direct_trigger', [cron_id])

        deadline = time.time() + self.timeout
        jobs = []
        while time.time() < deadline:
            jobs = admin.call('queue.job', 'search_read',
                              [('name', '=', 'Tag a lead (job runner)')],
                              ['uuid', 'state', 'exc_info', 'date_done'])
            if jobs and jobs[0]['state'] in ('done', 'failed'):
                break
            time.sleep(0.5)
        self.assertEqual(len(jobs), 1, 'the trigger enqueued one job')
        job = jobs[0]
        self.assertEqual(job['state'], 'done', 'job not done within %ss: %s\n%s' % (
            self.timeout, job.get('exc_info') or job['state'], self.server.log_tail()))
        self.assertTrue(job['date_done'])
        self.assertIn('asking Odoo to run job %s' % job['uuid'], self.server.log_text())

        lead = admin.call('crm.lead', 'read', [lead_id], ['tag_ids'])[0]
        self.assertIn(tag_id, lead['tag_ids'], 'the job tagged the lead')

        # a clean stop: the runner and the server shut down on SIGTERM
        self.server.stop()
        self.assertEqual(self.server.process.returncode, 0, self.server.log_tail())
        self.assertIn('queue_job.jobrunner.runner: stopped', self.server.log_text())
