# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Segment runs: the records enter their campaign once, however often the
segment runs; the mode "new or changed"; the preview and the count show
what the caller may read; bad domains are refused when saved."""
import os

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from odoo.addons.crm_safe_domain.tests.escapes import PROBE, \
    accepted_escapes
from odoo.addons.queue_job.job import Job

from .common import CITY, CampaignCase


class TestSegmentRun(CampaignCase):

    def test_records_enter_once(self):
        self.start_and_run()
        entered = self.workitems()
        self.assertEqual(sorted(entered.mapped('res_id')),
                         sorted(self.partners.ids))
        self.assertEqual(set(entered.mapped('activity_id')),
                         {self.mail_activity})
        self.assertEqual(self.segment.last_run_count, 3)
        self.assertTrue(self.segment.last_run)

        self.segment.sudo(self.manager).action_run_now()
        self.assertEqual(self.segment.last_run_count, 0)
        self.assertEqual(self.workitems(), entered)

    def test_each_record_gets_a_distinct_key(self):
        self.start_and_run()
        keys = self.workitems().mapped('idempotence_key')
        self.assertEqual(len(set(keys)), 3)

    def test_new_or_changed_mode(self):
        self.segment.sudo(self.manager).write({
            'sync_mode': 'new_or_changed',
            'last_run': '2000-01-01 00:00:00'})
        # two customers were last changed before the last run
        self.env.cr.execute(
            "UPDATE res_partner SET write_date = '1999-01-01' "
            "WHERE id IN %s", (tuple(self.partners[:2].ids),))
        self.env['res.partner'].invalidate_cache()
        self.start_and_run()
        self.assertEqual(self.workitems().mapped('res_id'),
                         [self.partners[2].id])

    def test_refused_domain_never_runs_and_says_why(self):
        # a text put in the database without the check of its save
        self.env.cr.execute(
            "UPDATE crm_segment SET domain = %s WHERE id = %s",
            ("[('name', '=', env.user.sudo().name)]", self.segment.id))
        self.segment.invalidate_cache()
        self.start_and_run()
        self.assertFalse(self.workitems())
        self.assertEqual(self.segment.last_error,
                         'The domain of the segment is refused: correct it.')
        self.assertEqual(self.segment.record_count, 0)

    def test_runs_as_a_queue_job_of_the_campaign_channel(self):
        self.campaign.sudo(self.manager).action_start()
        Segment = self.env['crm.segment'].with_context(
            test_queue_job_no_delay=False)
        self.segment.sudo(self.manager).write({'interval': 'hourly'})
        Segment._enqueue_due()
        job = self.env['queue.job'].search([
            ('model_name', '=', 'crm.segment'),
            ('method_name', '=', '_job_run')]).filtered(
                lambda j: j.record_ids == self.segment.ids)
        self.assertEqual(len(job), 1)
        self.assertEqual(job.channel, 'root.campaign')
        self.assertFalse(self.workitems())
        Segment._enqueue_due()
        # this segment's (the demo's segments may be due too)
        self.assertEqual(len(self.env['queue.job'].search([
            ('model_name', '=', 'crm.segment'),
            ('method_name', '=', '_job_run'), ('state', '=', 'pending')])
            .filtered(lambda j: j.record_ids == self.segment.ids)),
            1, "a run waiting in the queue is not queued twice")
        Job.load(self.env, job.uuid).perform()
        self.assertEqual(len(self.workitems()), 3)
        self.assertNotIn(self.segment, Segment._due(self.segment.last_run),
                         "not due again within the hour")


class TestSegmentPreview(CampaignCase):

    @classmethod
    def setUpClass(cls):
        super(TestSegmentPreview, cls).setUpClass()
        Lead = cls.env['crm.lead']
        cls.own_lead = Lead.create({'name': 'CS own', 'city': CITY,
                                    'user_id': cls.seller.id})
        cls.other_lead = Lead.create({'name': 'CS other', 'city': CITY,
                                      'user_id': cls.manager.id})
        cls.lead_segment = cls.env['crm.segment'].create({
            'name': 'CS Leads', 'domain': "[('city', '=', '%s')]" % CITY,
            'model_id': cls.env.ref('crm.model_crm_lead').id})

    def test_run_picks_what_the_responsible_may_read(self):
        lead_model = self.env.ref('crm.model_crm_lead')
        campaign = self.env['crm.campaign'].sudo(self.manager).create({
            'name': 'CS Leads', 'model_id': lead_model.id,
            'user_id': self.seller.id})
        self.env['crm.campaign.activity'].sudo(self.manager).create({
            'name': 'CS Tag', 'campaign_id': campaign.id, 'start': True,
            'action_type': 'stage_tags', 'tag_ids': [(0, 0, {
                'name': 'CS picked'})]})
        self.lead_segment.campaign_id = campaign
        campaign.sudo(self.manager).action_start()
        self.lead_segment.sudo(self.manager).action_run_now()
        self.assertEqual(
            campaign.workitem_ids.mapped('res_id'), self.own_lead.ids,
            "the lead of another salesperson stays out of the campaign of "
            "a responsible who may not read it")

    def test_preview_shows_what_the_caller_may_read(self):
        action = self.lead_segment.sudo(self.seller).action_preview()
        self.assertEqual(action['res_model'], 'crm.lead')
        seen = self.env['crm.lead'].sudo(self.seller).search(
            action['domain'])
        self.assertEqual(seen, self.own_lead)
        self.assertEqual(self.lead_segment.sudo(self.seller).record_count, 1)
        self.assertEqual(
            self.lead_segment.sudo(self.manager).record_count, 2)


class TestSegmentBadDomains(CampaignCase):

    def assertRefused(self, domain, reason):
        with self.assertRaises(ValidationError) as refused, \
                mute_logger('odoo.sql_db'):
            self.env['crm.segment'].sudo(self.manager).create({
                'name': 'CS bad', 'domain': domain})
        self.assertIn("The domain of the segment 'CS bad' is not valid",
                      refused.exception.name)
        self.assertIn(reason, refused.exception.name)

    def test_invalid_text(self):
        self.assertRefused("[('city', '=', 'x'", 'not a valid expression')

    def test_unknown_field(self):
        self.assertRefused("[('no_such_field', '=', 1)]",
                           "the field 'no_such_field' does not exist")

    def test_escapes(self):
        self.assertRefused("__import__('os').system('true')",
                           'double underscore')
        self.assertRefused("[('name', '=', '{}'.format(uid))]",
                           'string formatting')
        self.assertRefused("[('name', '=', datetime.sys)]",
                           "the attribute 'sys' is not allowed")
        self.assertRefused("[('name', '=', env)]",
                           "the name 'env' is unknown")

    def test_every_known_escape_refused(self):
        os.environ.pop(PROBE, None)
        self.addCleanup(os.environ.pop, PROBE, None)

        def segment(domain):
            self.segment.sudo(self.manager).write({'domain': domain})

        def condition(domain):
            self.mail_activity.sudo(self.manager).write(
                {'condition': domain})

        def check(error):
            self.assertIn('is not valid', error.name)

        for save in (segment, condition):
            self.assertEqual(accepted_escapes(
                save, ValidationError, check, cr=self.cr), [])
        self.assertNotIn(PROBE, os.environ, "an escape ran code")

    def test_refused_on_write(self):
        with self.assertRaises(ValidationError):
            self.segment.sudo(self.manager).write(
                {'domain': "[('name', '=', lambda: 1)]"})

    def test_condition_of_activity_checked(self):
        with self.assertRaises(ValidationError) as refused:
            self._activity('CS bad condition',
                           condition="[('nope', '=', 1)]")
        self.assertIn("The condition of the activity 'CS bad condition' "
                      "is not valid", refused.exception.name)

    def test_valid_domain_with_dates_accepted(self):
        segment = self.env['crm.segment'].sudo(self.manager).create({
            'name': 'CS recent',
            'domain': "[('create_date', '>=', (context_today() - "
                      "relativedelta(days=7)).strftime('%Y-%m-%d'))]"})
        self.assertTrue(segment.record_count >= 3)
