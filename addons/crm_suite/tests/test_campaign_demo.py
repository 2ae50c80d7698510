# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The manuals' two demo campaigns (crm_suite's demo of
crm_campaign_segments) as they run after install: their segments pick the
customers in Shanghai and the web shop's leads, queue_job's jobs make the
workitems and the test-mode mails, a click on the recommendation's link
leads to an opportunity for the Shanghai team three days later, and the
web shop's leads go to customer service group A.

The jobs are performed here as queue_job's runner would, one by one, in
the test's transaction."""
import re
from datetime import timedelta

from odoo import fields
from odoo.tests.common import SavepointCase

from odoo.addons.queue_job.job import Job


class TestCampaignDemo(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestCampaignDemo, cls).setUpClass()
        cls.manager = cls.env.ref('crm_suite.user_demo_sales_manager')
        cls.Workitem = cls.env['crm.campaign.workitem']

    def run_jobs(self):
        """Perform the pending jobs of the campaigns (those the demo queued
        at install too) until none is left, as the job runner would. By
        their model: the jobs queued at install have no channel yet (the
        job functions are registered after), the runner puts them in
        root."""
        for _round in range(10):
            jobs = self.env['queue.job'].search([
                ('model_name', 'in',
                 ('crm.segment', 'crm.campaign.workitem')),
                ('state', '=', 'pending')], order='id')
            if not jobs:
                break
            for record in jobs:
                job = Job.load(self.env, record.uuid)
                job.perform()
                job.set_done()
                job.store()
        self.Workitem.invalidate_cache()

    def run_cron(self):
        self.env['crm.campaign']._cron_run()
        self.run_jobs()

    def run_segment(self, xmlid):
        self.env.ref(xmlid).sudo(self.manager).action_run_now()
        self.run_jobs()

    def workitems(self, activity_xmlid):
        return self.Workitem.search([
            ('activity_id', '=', self.env.ref(activity_xmlid).id)],
            order='res_id')

    def make_due(self, workitems):
        """Time passes: their scheduled date is reached."""
        self.env.cr.execute(
            "UPDATE crm_campaign_workitem SET date_scheduled = %s "
            "WHERE id IN %s", (fields.Datetime.now(), tuple(workitems.ids)))
        workitems.invalidate_cache()

    def test_shanghai_customers_click_then_opportunity(self):
        campaign = self.env.ref('crm_suite.campaign_shanghai')
        self.assertEqual((campaign.state, campaign.mode), ('running', 'test'))
        self.run_segment('crm_suite.segment_shanghai')
        customers = self.env['res.partner'].search([
            ('customer', '=', True), '|', ('city', 'ilike', 'Shanghai'),
            ('city', 'ilike', '上海')])
        self.assertIn('上海华信贸易有限公司', customers.mapped('name'))
        mails = self.workitems('crm_suite.campaign_shanghai_mail')
        self.assertEqual(mails.mapped('res_id'), sorted(customers.ids))
        self.assertEqual(set(mails.mapped('state')), {'done'})
        # test mode: rendered and kept, never sent
        sent = mails.mapped('mail_mail_id')
        self.assertEqual(len(sent), len(customers))
        self.assertEqual(set(sent.mapped('state')), {'cancel'})
        huaxin = mails.filtered(
            lambda w: w.res_name == '上海华信贸易有限公司')
        self.assertIn('Dear 上海华信贸易有限公司', huaxin.mail_mail_id.body_html)
        self.assertEqual(huaxin.mail_mail_id.email_to,
                         'sales@huaxin.example.cn')
        Opportunity = 'crm_suite.campaign_shanghai_opportunity'
        # a customer who has not clicked yet (the demo's story clicked
        # for 上海华信 at install)
        customer = mails.filtered(
            lambda w: not w.mail_statistics_id.clicked)[0]
        self.assertNotIn(customer.res_id,
                         self.workitems(Opportunity).mapped('res_id'),
                         "no opportunity without a click")

        # the customer clicks the link: what mass_mailing's route
        # /r/<code>/m/<statistics> records
        body = customer.mail_mail_id.body_html
        code, stat = re.search(r'/r/(\w+)/m/(\d+)"', body).groups()
        self.assertEqual(int(stat), customer.mail_statistics_id.id)
        self.env['link.tracker.click'].add_click(
            code, '10.0.0.8', 'CN', stat_id=int(stat))
        clicked = fields.Datetime.from_string(
            customer.mail_statistics_id.clicked)
        self.run_cron()
        follow = self.workitems(Opportunity).filtered(
            lambda w: w.res_id == customer.res_id)
        self.assertEqual(follow.state, 'todo', "it waits three days")
        self.assertEqual(
            fields.Datetime.from_string(follow.date_scheduled) - clicked,
            timedelta(days=3))
        self.assertFalse(follow.lead_id)

        # three days later
        self.make_due(follow)
        self.run_cron()
        self.assertEqual(follow.state, 'done')
        lead = follow.lead_id
        self.assertEqual(lead.type, 'opportunity')
        self.assertEqual(lead.partner_id.id, customer.res_id)
        self.assertEqual(lead.name, 'Interested in the new office range')
        self.assertEqual(lead.team_id,
                         self.env.ref('crm_leads_ext.team_shanghai'))
        self.assertEqual(lead.campaign_id.name, 'Shanghai customers')
        # only those who clicked
        self.assertEqual(
            set(self.workitems(Opportunity).mapped('res_id')),
            set(mails.filtered(lambda w: w.mail_statistics_id.clicked)
                .mapped('res_id')))

    def test_demo_story_at_install(self):
        """What the demo does at install (its function, called again: the
        same outcome on a database that ran it already): 上海华信 clicked
        the recommendation three days ago and has its opportunity."""
        self.env['crm.campaign']._demo_run(
            [self.env.ref('crm_suite.segment_shanghai').id],
            self.env.ref('crm_suite.partner_demo_huaxin').id, 3)
        self.Workitem.invalidate_cache()
        huaxin = self.env.ref('crm_suite.partner_demo_huaxin')
        [follow] = self.workitems(
            'crm_suite.campaign_shanghai_opportunity').filtered(
                lambda w: w.res_id == huaxin.id)
        self.assertEqual(follow.state, 'done')
        self.assertEqual(follow.lead_id.partner_id, huaxin)
        self.assertEqual(follow.lead_id.team_id,
                         self.env.ref('crm_leads_ext.team_shanghai'))
        self.assertEqual(follow.lead_id.campaign_id.name,
                         'Shanghai customers')
        clicked = fields.Datetime.from_string(
            follow.parent_id.mail_statistics_id.clicked)
        self.assertEqual(fields.Datetime.from_string(follow.date_scheduled),
                         clicked + timedelta(days=3))
        self.assertEqual(set(self.workitems(
            'crm_suite.campaign_shanghai_mail').mapped(
                'mail_mail_id.state')), {'cancel'})

    def test_web_shop_registrations_thanked_and_assigned(self):
        campaign = self.env.ref('crm_suite.campaign_webshop')
        self.assertEqual((campaign.state, campaign.mode), ('running', 'test'))
        webshop = self.env['crm.lead'].search(
            [('source_id', '=', self.env.ref(
                'crm_suite.utm_source_webshop').id)])
        self.assertIn('Web shop registration: Cà phê Thanh Long',
                      webshop.mapped('name'))
        self.run_segment('crm_suite.segment_webshop')
        thanks = self.workitems('crm_suite.campaign_webshop_mail')
        self.assertEqual(thanks.mapped('res_id'), sorted(webshop.ids))
        self.assertEqual(set(thanks.mapped('state')), {'done'})
        long_le = thanks.filtered(lambda w: 'Thanh Long' in w.res_name)
        mail = long_le.mail_mail_id
        self.assertEqual(mail.state, 'cancel')
        self.assertEqual(mail.subject,
                         'Thank you for registering, Lê Văn Long')
        self.assertEqual(mail.email_to,
                         'long.le@thanhlong-coffee.example.vn')

        # the assignment follows without delay, at the next run of the cron
        self.run_cron()
        assign = self.workitems('crm_suite.campaign_webshop_assign')
        self.assertEqual(set(assign.mapped('state')), {'done'})
        lead = self.env['crm.lead'].browse(long_le.res_id)
        self.assertEqual(lead.team_id.name, 'Customer service group A')
        self.assertEqual(lead.campaign_id.name, 'New web-shop registrations')

        # a new registration arrives through the capture: the next run
        # picks it, and only it
        segment = self.env.ref('crm_suite.segment_webshop')
        # the records written in this test's transaction bear its start
        # time: the last run goes back before it, as if it were earlier
        self.env.cr.execute(
            "UPDATE crm_segment SET last_run = (now() AT TIME ZONE 'UTC') "
            "- interval '1 minute' WHERE id = %s", (segment.id,))
        segment.invalidate_cache()
        new = self.env.ref('crm_suite.source_key_webshop')._capture_create({
            'name': 'Web shop registration: Trà Việt',
            'contact_name': 'Nguyễn Thị Hoa',
            'email_from': 'hoa@traviet.example.vn'})
        self.run_segment('crm_suite.segment_webshop')
        self.assertEqual(segment.last_run_count, 1)
        self.assertEqual(self.workitems(
            'crm_suite.campaign_webshop_mail').filtered(
                lambda w: w.res_id == new).mail_mail_id.subject,
            'Thank you for registering, Nguyễn Thị Hoa')
