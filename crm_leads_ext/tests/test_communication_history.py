# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from odoo import fields

from .common import LeadsExtCase


class TestCommunicationHistory(LeadsExtCase):
    """Smart buttons of the lead and the partner: their counts, and the
    lists they open show exactly the counted records."""

    @classmethod
    def setUpClass(cls):
        super(TestCommunicationHistory, cls).setUpClass()
        cls.Lead = cls.Lead.with_context(crm_lead_skip_assignment=True)
        cls.seller = cls._user('hist_seller')
        Partner = cls.env['res.partner']
        cls.company = Partner.create({
            'name': 'LX Hist Co', 'is_company': True, 'customer': True})
        cls.contact = Partner.create({
            'name': 'LX Hist Contact', 'parent_id': cls.company.id,
            'email': 'contact@example.com'})
        cls.stranger = Partner.create({'name': 'LX Hist Stranger'})
        cls.campaign = cls.env['utm.campaign'].create({'name': 'LX Hist C'})
        cls.lead = cls.Lead.create({
            'name': 'LX hist lead', 'type': 'lead', 'user_id': cls.seller.id,
            'partner_id': cls.contact.id, 'campaign_id': cls.campaign.id})
        cls.opportunity = cls.Lead.create({
            'name': 'LX hist opp', 'type': 'opportunity',
            'user_id': cls.seller.id, 'partner_id': cls.company.id})
        cls.lost = cls.Lead.create({
            'name': 'LX hist lost', 'type': 'opportunity',
            'user_id': cls.seller.id, 'partner_id': cls.contact.id,
            'campaign_id': cls.campaign.id})
        cls.lost.write({'active': False})
        cls.foreign = cls.Lead.create({
            'name': 'LX hist foreign', 'user_id': cls.seller.id,
            'partner_id': cls.stranger.id})
        Message = cls.env['mail.message'].sudo()
        mt_comment = cls.env.ref('mail.mt_comment')
        mt_note = cls.env.ref('mail.mt_note')

        def msg(record, message_type, author, subtype=False):
            return Message.create({
                'model': record._name, 'res_id': record.id, 'body': 'x',
                'message_type': message_type, 'author_id': author.id,
                'subtype_id': subtype and subtype.id})
        cls.lead_emails = msg(cls.lead, 'email', cls.contact) | \
            msg(cls.lead, 'comment', cls.seller.partner_id, mt_comment)
        msg(cls.lead, 'comment', cls.seller.partner_id, mt_note)
        cls.opp_emails = msg(cls.opportunity, 'email', cls.company)
        cls.foreign_email = msg(cls.foreign, 'email', cls.stranger)
        # two logged calls on the lead, one planned
        Activity = cls.env['mail.activity'].sudo(cls.seller)
        call = cls.env.ref('mail.mail_activity_data_call')
        model_lead = cls.env.ref('crm.model_crm_lead')
        cls.done = cls.env['mail.message']
        for days in (0, 1, 2):
            activity = Activity.create({
                'res_model_id': model_lead.id, 'res_id': cls.lead.id,
                'activity_type_id': call.id, 'user_id': cls.seller.id,
                'summary': 'LX hist call %s' % days,
                'date_deadline': fields.Date.to_string(
                    date.today() + timedelta(days=days))})
            if days < 2:
                cls.done |= cls.env['mail.message'].browse(
                    activity.action_feedback('answered'))
        cls.planned = cls.env['mail.activity'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', cls.lead.id)])

    def _open(self, action):
        """The records the list of an action shows to the salesperson."""
        records = self.env(user=self.seller.id)[action['res_model']].search(
            action['domain'])
        return self.env[action['res_model']].browse(records.ids)

    def test_lead_counts_and_lists(self):
        lead = self.lead.sudo(self.seller)
        self.assertEqual(lead.history_email_count, 2)
        self.assertEqual(lead.history_done_activity_count, 2)
        self.assertEqual(lead.history_activity_count, 1)
        self.assertEqual(
            self._open(lead.action_view_history_emails()), self.lead_emails)
        self.assertEqual(
            self._open(lead.action_view_history_done_activities()),
            self.done)
        action = lead.action_view_history_activities()
        self.assertEqual(self._open(action), self.planned)
        self.assertEqual(len(self.planned), 1)
        self.assertEqual(action['context']['default_res_id'], lead.id)

    def test_lead_customer_leads_and_campaign(self):
        lead = self.lead.sudo(self.seller)
        # the company's opportunity and the contact's lost one
        self.assertEqual(lead.history_customer_lead_count, 2)
        self.assertEqual(
            self._open(lead.action_view_history_customer_leads()),
            self.opportunity | self.lost)
        self.assertEqual(self.foreign.history_customer_lead_count, 0)
        action = lead.action_view_history_campaign()
        self.assertEqual((action['res_model'], action['res_id']),
                         ('utm.campaign', self.campaign.id))

    def test_lead_counts_batch(self):
        leads = (self.lead | self.opportunity | self.foreign).sudo(
            self.seller)
        self.assertEqual(leads.mapped('history_email_count'), [2, 1, 1])

    def test_partner_counts_and_lists(self):
        company = self.company.sudo(self.seller)
        # leads of the company and of its contact, the lost one included
        self.assertEqual(company.history_lead_count, 3)
        self.assertEqual(
            self._open(company.action_view_history_leads()),
            self.lead | self.opportunity | self.lost)
        self.assertEqual(company.history_email_count, 3)
        self.assertEqual(
            self._open(company.action_view_history_emails()),
            self.lead_emails | self.opp_emails)
        self.assertEqual(company.history_done_activity_count, 2)
        self.assertEqual(
            self._open(company.action_view_history_done_activities()),
            self.done)
        self.assertEqual(company.history_campaign_count, 1)
        self.assertEqual(
            self._open(company.action_view_history_campaigns()),
            self.campaign)
        # the contact alone: its own leads only
        contact = self.contact.sudo(self.seller)
        self.assertEqual(contact.history_lead_count, 2)
        self.assertEqual(contact.history_email_count, 2)

    def test_buttons_in_the_forms(self):
        for xml_id, model in (
                ('crm.crm_case_form_view_leads', 'crm.lead'),
                ('crm.crm_case_form_view_oppor', 'crm.lead'),
                ('base.view_partner_form', 'res.partner')):
            arch = self.env[model].sudo(self.seller).fields_view_get(
                view_id=self.env.ref(xml_id).id, view_type='form')['arch']
            self.assertIn('action_view_history_emails', arch)
            self.assertIn('history_email_count', arch)

    def test_counts_are_what_the_buttons_open(self):
        """Leads and partners count their history one way: each count is
        the number of records its button lists to the salesperson."""
        for record, buttons in (
                (self.lead.sudo(self.seller), (
                    ('history_email_count', 'action_view_history_emails'),
                    ('history_done_activity_count',
                     'action_view_history_done_activities'),
                    ('history_activity_count',
                     'action_view_history_activities'),
                    ('history_customer_lead_count',
                     'action_view_history_customer_leads'))),
                (self.company.sudo(self.seller), (
                    ('history_email_count', 'action_view_history_emails'),
                    ('history_done_activity_count',
                     'action_view_history_done_activities'),
                    ('history_lead_count', 'action_view_history_leads')))):
            for count, button in buttons:
                self.assertEqual(
                    record[count], len(self._open(getattr(record, button)())),
                    '%s %s' % (record, count))
        # the lead's customer leads: the company's, but the lead itself
        self.assertEqual(
            self.lead.sudo(self.seller).history_customer_lead_count,
            self.company.sudo(self.seller).history_lead_count - 1)
