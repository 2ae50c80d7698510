# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests.common import SavepointCase, at_install, post_install

CITY = 'CS Campaign City'


# after the install: queue_job gives the jobs their channel (root.campaign)
# from the job functions it registers once the modules are loaded
@at_install(False)
@post_install(True)
class CampaignCase(SavepointCase):
    """A sales manager, a salesperson, partners of a city, and a draft
    campaign on partners with a segment picking that city. Jobs run at
    once (queue_job's test_queue_job_no_delay) unless a test queues them
    for real."""

    @classmethod
    def setUpClass(cls):
        super(CampaignCase, cls).setUpClass()
        cls.env = cls.env(context=dict(
            cls.env.context, tracking_disable=True, mail_create_nolog=True,
            test_queue_job_no_delay=True))
        cls.manager = cls._user(
            'manager', cls.env.ref('sales_team.group_sale_manager'))
        cls.seller = cls._user(
            'seller', cls.env.ref('sales_team.group_sale_salesman'))
        Partner = cls.env['res.partner']
        cls.partners = Partner.browse()
        for index in range(3):
            cls.partners |= Partner.create({
                'name': 'CS Customer %d' % index, 'city': CITY,
                'email': 'cs%d@example.com' % index})
        cls.template = cls.env['mail.template'].create({
            'name': 'CS Recommendation',
            'model_id': cls.env.ref('base.model_res_partner').id,
            'subject': 'Products for ${object.name}',
            'email_to': '${object.email}',
            'body_html': '<p>Dear ${object.name}, see our products.</p>'})
        cls.utm = cls.env['utm.campaign'].create({'name': 'CS UTM'})
        Campaign = cls.env['crm.campaign'].sudo(cls.manager)
        cls.campaign = Campaign.create({
            'name': 'CS Campaign', 'utm_campaign_id': cls.utm.id})
        cls.mail_activity = cls._activity('CS Mail', start=True)
        cls.segment = cls.env['crm.segment'].sudo(cls.manager).create({
            'name': 'CS City', 'campaign_id': cls.campaign.id,
            'domain': "[('city', '=', '%s')]" % CITY})

    @classmethod
    def _user(cls, login, group):
        return cls.env['res.users'].with_context(
            no_reset_password=True, mail_create_nosubscribe=True).create({
                'name': 'CS %s' % login, 'login': 'cs_%s' % login,
                'email': 'cs_%s@example.com' % login,
                'groups_id': [(6, 0, [cls.env.ref('base.group_user').id,
                                      group.id])]})

    @classmethod
    def _activity(cls, name, start=False, **values):
        values.setdefault('action_type', 'mail')
        if values['action_type'] == 'mail':
            values.setdefault('template_id', cls.template.id)
        return cls.env['crm.campaign.activity'].sudo(cls.manager).create(
            dict(values, name=name, start=start,
                 campaign_id=cls.campaign.id))

    @classmethod
    def _transition(cls, source, target, trigger='delay', number=1,
                    unit='days'):
        return cls.env['crm.campaign.transition'].sudo(cls.manager).create({
            'campaign_id': cls.campaign.id, 'from_activity_id': source.id,
            'to_activity_id': target.id, 'trigger': trigger,
            'interval_number': number, 'interval_unit': unit})

    def workitems(self, **where):
        domain = [('campaign_id', '=', self.campaign.id)] + [
            (key, '=', value) for key, value in where.items()]
        return self.env['crm.campaign.workitem'].search(domain, order='id')

    def pending_jobs(self):
        """The pending jobs processing this campaign's workitems (not
        those of the demo campaigns, which may wait for the runner)."""
        ids = set(self.workitems().ids)
        return self.env['queue.job'].search([
            ('model_name', '=', 'crm.campaign.workitem'),
            ('method_name', '=', '_job_process'),
            ('state', '=', 'pending')]).filtered(
                lambda job: set(job.record_ids) <= ids)

    def start_and_run(self):
        self.campaign.sudo(self.manager).action_start()
        self.segment.sudo(self.manager).action_run_now()
        self.env['crm.campaign.workitem'].invalidate_cache()
