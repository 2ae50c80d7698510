# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Processing the workitems: a false condition skips, an error (a mail
template that does not render) puts one workitem in exception and its
batch goes on, a deleted record cancels, transitions schedule the next
workitems after their delay or on a mail event, test mode keeps the mails
unsent, live mode sends each once, lead actions set the utm campaign."""
import re

from odoo import fields

from odoo.addons.queue_job.job import Job

from .common import CampaignCase


class TestProcessing(CampaignCase):

    def test_mail_activity_done_in_test_mode_sends_nothing(self):
        self.start_and_run()
        workitems = self.workitems()
        self.assertEqual(set(workitems.mapped('state')), {'done'})
        mails = workitems.mapped('mail_mail_id')
        self.assertEqual(len(mails), 3)
        self.assertEqual(set(mails.mapped('state')), {'cancel'})
        self.assertIn('Dear CS Customer', mails[0].body_html)
        self.env['mail.mail'].process_email_queue()
        self.assertEqual(set(mails.mapped('state')), {'cancel'},
                         "the mail queue leaves the mails of a test")
        self.assertFalse(any(mails.mapped('statistics_ids.sent')))

    def test_live_mode_mail_carries_the_key_and_is_made_once(self):
        self.campaign.sudo(self.manager).mode = 'live'
        self.start_and_run()
        workitem = self.workitems()[0]
        mail = workitem.mail_mail_id
        self.assertEqual(mail.state, 'outgoing')
        self.assertEqual(mail.crm_campaign_key, workitem.idempotence_key)
        self.assertIn("'X-Crm-Campaign-Workitem': '%s'" %
                      workitem.idempotence_key, mail.headers)
        # a job retried after a crash that happened once the mail was made
        self.env.cr.execute(
            "UPDATE crm_campaign_workitem SET state = 'todo', "
            "mail_mail_id = NULL WHERE id = %s", (workitem.id,))
        workitem.invalidate_cache()
        workitem._process()
        self.assertEqual(workitem.state, 'done')
        self.assertEqual(workitem.mail_mail_id, mail)
        self.assertEqual(self.env['mail.mail'].search_count(
            [('crm_campaign_key', '=', workitem.idempotence_key)]), 1)

    def test_false_condition_skips(self):
        self.mail_activity.sudo(self.manager).condition = \
            "[('email', '=', 'cs1@example.com')]"
        self.start_and_run()
        by_record = {w.res_id: w for w in self.workitems()}
        self.assertEqual(by_record[self.partners[1].id].state, 'done')
        for partner in self.partners[0] | self.partners[2]:
            skipped = by_record[partner.id]
            self.assertEqual(skipped.state, 'skipped')
            self.assertIn('does not match the condition', skipped.error)
            self.assertFalse(skipped.mail_mail_id)

    def test_failing_template_puts_one_in_exception_and_goes_on(self):
        self.template.body_html = '<p>${1 // object.color}</p>'
        self.partners.write({'color': 1})
        self.partners[1].color = 0
        self.start_and_run()
        by_record = {w.res_id: w for w in self.workitems()}
        failed = by_record[self.partners[1].id]
        self.assertEqual(failed.state, 'exception')
        self.assertIn("The mail template 'CS Recommendation' could not be "
                      "rendered", failed.error)
        self.assertEqual(failed.retry_count, 1)
        self.assertFalse(self.env['mail.mail'].search(
            [('crm_campaign_key', '=', failed.idempotence_key)]))
        for partner in self.partners[0] | self.partners[2]:
            self.assertEqual(by_record[partner.id].state, 'done')

        # corrected, the manager retries it
        self.template.body_html = '<p>Corrected</p>'
        failed.sudo(self.manager).action_retry()
        self.assertEqual(failed.state, 'done')
        self.assertIn('Corrected', failed.mail_mail_id.body_html)

    def test_failed_action_leaves_nothing_half_done(self):
        action = self.env['ir.actions.server'].create({
            'name': 'CS half done',
            'model_id': self.env.ref('base.model_res_partner').id,
            'state': 'code',
            'code': "record.write({'comment': 'CS touched'})\n"
                    "if record.color == 0:\n"
                    "    raise Warning('CS refused %s' % record.name)\n"})
        self.mail_activity.sudo(self.manager).write({
            'action_type': 'server_action', 'template_id': False,
            'server_action_id': action.id})
        self.partners.write({'color': 1})
        self.partners[0].color = 0
        self.start_and_run()
        by_record = {w.res_id: w for w in self.workitems()}
        failed = by_record[self.partners[0].id]
        self.assertEqual(failed.state, 'exception')
        self.assertEqual(failed.error, 'CS refused CS Customer 0')
        self.assertFalse(self.partners[0].comment,
                         "what the failed action wrote is rolled back")
        for partner in self.partners[1:]:
            self.assertEqual(by_record[partner.id].state, 'done')
            self.assertEqual(partner.comment, 'CS touched')

    def test_deleted_record_cancels(self):
        self.campaign.sudo(self.manager).action_start()
        self.segment.with_context(
            test_queue_job_no_delay=False).sudo(
                self.manager).action_run_now()
        jobs = self.pending_jobs()
        self.assertEqual(len(jobs), 1)
        self.assertEqual(jobs.channel, 'root.campaign')
        self.partners[0].unlink()
        Job.load(self.env, jobs.uuid).perform()
        self.env['crm.campaign.workitem'].invalidate_cache()
        states = {w.res_id: w for w in self.workitems()}
        cancelled = states[self.partners[0].id]
        self.assertEqual(cancelled.state, 'cancelled')
        self.assertIn('deleted', cancelled.error)
        self.assertEqual(states[self.partners[1].id].state, 'done')

    def test_batches_of_the_configured_size(self):
        self.env['ir.config_parameter'].set_param(
            'crm_campaign_segments.batch_size', '2')
        self.campaign.sudo(self.manager).action_start()
        self.segment.with_context(
            test_queue_job_no_delay=False).sudo(
                self.manager).action_run_now()
        jobs = self.pending_jobs()
        self.assertEqual(sorted(len(job.record_ids) for job in jobs), [1, 2])
        # the next cron run does not queue them again
        self.env['crm.campaign']._cron_run()
        self.assertEqual(len(self.pending_jobs()), 2)


class TestTransitions(CampaignCase):

    @classmethod
    def setUpClass(cls):
        super(TestTransitions, cls).setUpClass()
        cls.team = cls.env['crm.team'].create({'name': 'CS Shanghai Team'})
        cls.lead_activity = cls._activity(
            'CS Opportunity', action_type='lead', team_id=cls.team.id,
            lead_type='opportunity')

    def make_due(self, workitems):
        self.env.cr.execute(
            "UPDATE crm_campaign_workitem SET date_scheduled = "
            "'2000-01-01' WHERE id IN %s", (tuple(workitems.ids),))
        workitems.invalidate_cache()
        self.env['crm.campaign.workitem']._enqueue_due()
        workitems.invalidate_cache()

    def test_delay_schedules_the_next_activity(self):
        self._transition(self.mail_activity, self.lead_activity,
                         number=3, unit='days')
        self.start_and_run()
        first = self.workitems(activity_id=self.mail_activity.id)[0]
        follow = self.workitems(activity_id=self.lead_activity.id)
        self.assertEqual(len(follow), 3)
        nxt = follow.filtered(lambda w: w.res_id == first.res_id)
        self.assertEqual(nxt.state, 'todo')
        self.assertEqual(nxt.parent_id, first)
        delay = nxt.date_scheduled and (
            fields.Datetime.from_string(nxt.date_scheduled) -
            fields.Datetime.from_string(first.date_done))
        self.assertEqual(delay.days, 3)
        # not due: the cron leaves it
        self.env['crm.campaign']._cron_run()
        self.assertEqual(nxt.state, 'todo')

        self.make_due(follow)
        self.assertEqual(set(follow.mapped('state')), {'done'})
        lead = nxt.lead_id
        self.assertEqual(lead.partner_id.id, nxt.res_id)
        self.assertEqual(lead.type, 'opportunity')
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.campaign_id, self.utm,
                         "the lead counts in the utm campaign's analyses")

    def test_mail_event_schedules_the_next_activity(self):
        self._transition(self.mail_activity, self.lead_activity,
                         trigger='clicked', number=0)
        self.template.body_html = \
            '<p>See <a href="https://shop.example.com/new?a=1&amp;b=2">' \
            'our products</a>, <a href="mailto:shop@example.com">write</a></p>'
        self.start_and_run()
        self.assertFalse(self.workitems(activity_id=self.lead_activity.id))
        clicked = self.workitems()[1]
        body = clicked.mail_mail_id.body_html
        self.assertIn('href="mailto:shop@example.com"', body)
        tracked = re.search(r'href="[^"]*/r/(\w+)/m/(\d+)"', body)
        self.assertEqual(int(tracked.group(2)),
                         clicked.mail_statistics_id.id)
        link = self.env['link.tracker.code'].search(
            [('code', '=', tracked.group(1))]).link_id
        self.assertEqual(link.url, 'https://shop.example.com/new?a=1&b=2')
        self.assertEqual(link.campaign_id, self.utm)
        # what mass_mailing's route /r/<code>/m/<statistics> does
        self.env['link.tracker.click'].add_click(
            tracked.group(1), '10.0.0.1', 'CN',
            stat_id=int(tracked.group(2)))
        self.env['crm.campaign']._cron_run()
        follow = self.workitems(activity_id=self.lead_activity.id)
        self.assertEqual(follow.res_id, clicked.res_id)
        self.assertEqual(follow.state, 'done')
        self.assertEqual(follow.lead_id.campaign_id, self.utm)

    def test_mail_event_waits_its_delay_after_the_event(self):
        """The manual's campaign: an opportunity 3 days after the click,
        counted from the click, not from the run that noticed it."""
        transition = self._transition(self.mail_activity, self.lead_activity,
                                      trigger='clicked', number=3)
        self.assertEqual(transition._diagram_label(), 'clicked, then 3 days')
        self.start_and_run()
        clicked = self.workitems()[1]
        clicked.mail_statistics_id.clicked = '2026-03-02 10:00:00'
        self.env['crm.campaign']._cron_run()
        follow = self.workitems(activity_id=self.lead_activity.id)
        self.assertEqual(follow.res_id, clicked.res_id)
        self.assertEqual(follow.date_scheduled, '2026-03-05 10:00:00')
        self.assertEqual(follow.parent_id, clicked)
        # three days after that click is past: done at the same run
        self.assertEqual(follow.state, 'done')
        self.assertEqual(follow.lead_id.team_id, self.team)

        # a click not long ago: the opportunity waits its three days
        self.workitems()[0].mail_statistics_id.clicked = \
            fields.Datetime.now()
        self.env['crm.campaign']._cron_run()
        waiting = self.workitems(activity_id=self.lead_activity.id,
                                 res_id=self.workitems()[0].res_id)
        self.assertEqual(waiting.state, 'todo')
        self.assertFalse(waiting.lead_id)
        delay = fields.Datetime.from_string(waiting.date_scheduled) - \
            fields.Datetime.from_string(fields.Datetime.now())
        self.assertGreater(delay.total_seconds(), 3 * 86400 - 60)

    def test_choosing_a_mail_event_means_at_once(self):
        """In the form, a mail event trigger starts with no delay (the
        delay trigger's default of one day would surprise)."""
        Transition = self.env['crm.campaign.transition']
        for trigger, number in (('clicked', 0), ('replied', 0),
                                ('not_opened', 1), ('delay', 1)):
            transition = Transition.new({'trigger': trigger,
                                         'interval_number': 1})
            transition._onchange_trigger()
            self.assertEqual(transition.interval_number, number, trigger)

    def test_not_opened_skips_those_opened(self):
        self._transition(self.mail_activity, self.lead_activity,
                         trigger='not_opened', number=2)
        self.start_and_run()
        opened = self.workitems()[0]
        opened.mail_statistics_id.set_opened()
        follow = self.workitems(activity_id=self.lead_activity.id)
        self.assertEqual(len(follow), 3)
        self.make_due(follow)
        skipped = follow.filtered(lambda w: w.res_id == opened.res_id)
        self.assertEqual(skipped.state, 'skipped')
        self.assertIn('was opened', skipped.error)
        self.assertEqual(set((follow - skipped).mapped('state')), {'done'})

    def test_assign_and_stage_tags_on_leads(self):
        lead_model = self.env.ref('crm.model_crm_lead')
        campaign = self.env['crm.campaign'].sudo(self.manager).create({
            'name': 'CS Lead Campaign', 'model_id': lead_model.id,
            'utm_campaign_id': self.utm.id})
        tag = self.env['crm.lead.tag'].create({'name': 'CS tag'})
        Activity = self.env['crm.campaign.activity'].sudo(self.manager)
        assign = Activity.create({
            'name': 'CS assign', 'campaign_id': campaign.id, 'start': True,
            'action_type': 'assign', 'team_id': self.team.id})
        tags = Activity.create({
            'name': 'CS tags', 'campaign_id': campaign.id,
            'action_type': 'stage_tags', 'tag_ids': [(6, 0, tag.ids)]})
        self.env['crm.campaign.transition'].sudo(self.manager).create({
            'campaign_id': campaign.id, 'from_activity_id': assign.id,
            'to_activity_id': tags.id, 'interval_number': 0})
        lead = self.env['crm.lead'].create({'name': 'CS web shop lead',
                                            'city': 'CS Lead City'})
        segment = self.env['crm.segment'].sudo(self.manager).create({
            'name': 'CS web shop', 'campaign_id': campaign.id,
            'model_id': lead_model.id,
            'domain': "[('city', '=', 'CS Lead City')]"})
        campaign.sudo(self.manager).action_start()
        segment.sudo(self.manager).action_run_now()
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.campaign_id, self.utm)
        # the transition without delay is due at once, at the next run
        self.env['crm.campaign']._cron_run()
        self.assertEqual(lead.tag_ids, tag)
