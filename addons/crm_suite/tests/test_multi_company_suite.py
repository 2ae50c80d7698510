# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Multi-company across the addons: a Sales Manager (and Territory
Manager) of company B sees nothing of company A's territories, their zip
ranges and quotas, nor of the stage history, criteria checks and stage
analysis of A's leads; A's managers, and a manager of both working in A,
still do. The funnel templates and the stages' criteria are configuration
shared by every company. B's territories take none of A's leads and
partners, whatever their rules and priority."""
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase

from odoo.addons.crm_leads_ext.tests.multi_company_common import \
    MultiCompanyMixin


class TestMultiCompanySuite(MultiCompanyMixin, SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestMultiCompanySuite, cls).setUpClass()
        cls.setup_companies(
            groups=('crm_territory_security.group_territory_manager',))
        env = cls.env
        cls.territory = env['crm.territory'].create({
            'name': 'MC territory of A', 'code': 'MC-A',
            'zip_range_ids': [(0, 0, {'zip_from': '70000',
                                      'zip_to': '70999'})]})
        cls.quota = env['crm.territory.quota'].create({
            'user_id': cls.manager_a.id, 'territory_id': cls.territory.id,
            'date': '2027-01-01', 'amount': 1000.0})
        stage = env['crm.stage'].search([], limit=1)
        cls.criterion = env['crm.stage.criterion'].create({
            'name': 'MC budget known', 'stage_id': stage.id})
        cls.lead = env['crm.lead'].create({
            'name': 'MC lead of A', 'stage_id': stage.id,
            'type': 'opportunity'})

    def test_territories_of_a_are_hidden_from_b(self):
        self.assertEqual(self.territory.company_id, self.company_a)
        for records, field in ((self.territory, 'name'),
                               (self.territory.zip_range_ids, 'zip_from'),
                               (self.quota, 'amount')):
            self.assertHiddenFrom(records, self.manager_b, field)
            self.assertSeenBy(records, self.manager_a)
            self.assertSeenBy(records, self.manager_ab)

    def test_funnel_rows_of_a_s_leads_are_hidden_from_b(self):
        history = self.lead.stage_history_ids
        checks = self.lead.criterion_check_ids
        analysis = self.env['crm.lead.stage.analysis'].search(
            [('lead_id', '=', self.lead.id)])
        for records, field in ((history, 'date'), (checks, 'done'),
                               (analysis, 'days_in_stage')):
            self.assertHiddenFrom(records, self.manager_b, field)
            self.assertSeenBy(records, self.manager_a)
            self.assertSeenBy(records, self.manager_ab)
        # configuration: the same criteria for every company
        self.assertSeenBy(self.criterion, self.manager_b)

    def _territory_of_b(self, country, priority=100):
        """A territory B's manager makes: ``country``, a high priority,
        himself as its salesperson."""
        return self.env['crm.territory'].sudo(self.manager_b).create({
            'name': 'MC territory of B', 'code': 'MC-B',
            'priority': priority, 'assign_user': 'round_robin',
            'country_ids': [(6, 0, country.ids)],
            'user_ids': [(6, 0, self.manager_b.ids)]}).sudo()

    def assertNothingForB(self, lead):
        """B's manager is not the lead's salesperson nor a follower, and
        was sent nothing about it."""
        partner_b = self.manager_b.partner_id
        self.assertNotEqual(lead.user_id, self.manager_b)
        self.assertNotIn(partner_b, lead.message_partner_ids)
        messages = self.env['mail.message'].search([
            ('model', '=', 'crm.lead'), ('res_id', '=', lead.id)])
        self.assertNotIn(partner_b, messages.mapped('partner_ids'))
        self.assertNotIn(partner_b, messages.mapped('needaction_partner_ids'))
        self.assertFalse(self.env['mail.mail'].search([
            ('recipient_ids', 'in', partner_b.ids),
            ('model', '=', 'crm.lead'), ('res_id', '=', lead.id)]))

    def test_territories_of_b_take_no_lead_of_a(self):
        china = self.env.ref('base.cn')
        territory_a = self.env['crm.territory'].create({
            'name': 'MC China of A', 'code': 'MC-A-CN', 'priority': 50,
            'assign_user': 'round_robin',
            'country_ids': [(6, 0, china.ids)],
            'user_ids': [(6, 0, self.manager_a.ids)]})
        territory_b = self._territory_of_b(china)
        self.assertEqual(territory_b.company_id, self.company_b)
        lead = self.env['crm.lead'].sudo(self.manager_a).create({
            'name': 'MC Chinese lead of A', 'country_id': china.id,
            'email_from': 'lead@mc-cn.cn'}).sudo()
        self.assertEqual(lead.company_id, self.company_a)
        self.assertEqual(lead.territory_id, territory_a)
        self.assertEqual(lead.user_id, self.manager_a)
        self.assertNothingForB(lead)
        partner = self.env['res.partner'].create({
            'name': 'MC Chinese customer of A', 'country_id': china.id})
        self.assertEqual(partner.territory_id, territory_a)
        # the recompute, asked by B's manager, leaves A's records in A
        self.env['crm.territory.recompute'].sudo(self.manager_b).create(
            {'target': 'both'}).action_recompute()
        self.assertEqual(lead.territory_id, territory_a)
        self.assertEqual(partner.territory_id, territory_a)

    def test_address_change_does_not_move_a_lead_to_b(self):
        japan = self.env.ref('base.jp')
        lead = self.env['crm.lead'].create({
            'name': 'MC Japanese lead of A', 'country_id': japan.id,
            'zip': '70100'})
        self.assertEqual(lead.territory_id, self.territory)
        self._territory_of_b(japan)
        lead.sudo(self.manager_a).write({'zip': '10000'})
        self.assertNotEqual(lead.territory_id.company_id, self.company_b)
        self.assertNothingForB(lead)

    def test_b_cannot_move_its_territory_and_quota_into_a(self):
        territory = self._territory_of_b(self.env.ref('base.cn'))
        quota = self.env['crm.territory.quota'].sudo(self.manager_b).create({
            'user_id': self.manager_b.id, 'territory_id': territory.id,
            'date': '2027-01-01', 'amount': 10.0})
        for record in (territory.sudo(self.manager_b), quota):
            with self.assertRaises(AccessError, msg=record._name):
                record.write({'company_id': self.company_a.id})
            self.assertEqual(record.sudo().company_id, self.company_b)

    def test_a_manager_of_both_moves_a_territory_to_b(self):
        self.territory.sudo(self.manager_ab).write(
            {'company_id': self.company_b.id})
        self.assertEqual(self.territory.company_id, self.company_b)
        self.assertSeenBy(self.territory, self.manager_b)

    def test_documents_of_a_s_leads_are_hidden_from_b(self):
        """The activities, followers, messages, attachments and outgoing
        emails of A's lead: B's manager finds, reads, groups and exports
        none."""
        lead = self.lead
        activity = self.env['mail.activity'].create({
            'res_model_id': self.env.ref('crm.model_crm_lead').id,
            'res_id': lead.id, 'summary': 'MC call of A',
            'activity_type_id': self.env.ref('mail.mail_activity_data_call').id,
            'user_id': self.manager_a.id})
        lead.message_subscribe_users(self.manager_a.ids)
        followers = self.env['mail.followers'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)])
        message = lead.message_post(body='MC note of A',
                                    subtype='mail.mt_note')
        attachment = self.env['ir.attachment'].create({
            'name': 'MC file of A', 'datas_fname': 'a.txt',
            'datas': 'TUMgQQ==', 'res_model': 'crm.lead',
            'res_id': lead.id})
        mail = self.env['mail.mail'].create({
            'model': 'crm.lead', 'res_id': lead.id,
            'subject': 'MC mail of A', 'body_html': '<p>MC mail of A</p>',
            'email_to': 'customer@mc-a.vn'})
        for records, field in ((activity, 'summary'),
                               (followers, 'partner_id'),
                               (message, 'body'), (attachment, 'name')):
            self.assertHiddenFrom(records, self.manager_b, field)
            self.assertSeenBy(records, self.manager_a)
            self.assertSeenBy(records, self.manager_ab)
        self.assertFalse(message.sudo(self.manager_b).with_context(
            active_test=False).search([('id', '=', message.id)])
            .message_format())
        # outgoing emails: not by name_search, which reads (name_get) the
        # message of every mail found, other documents' included, and is
        # refused to any user but an administrator
        Mail = mail.sudo(self.manager_b)
        domain = [('id', '=', mail.id)]
        self.assertFalse(Mail.search(domain))
        self.assertEqual(Mail.search_count(domain), 0)
        self.assertFalse(sum(group['__count'] for group in Mail.read_group(
            domain, ['subject'], [])))
        for method, args in (('read', (['body_html'],)),
                             ('export_data', (['body_html'],))):
            with self.assertRaises(AccessError, msg=method):
                getattr(Mail, method)(*args)
        self.assertSeenBy(mail, self.manager_a)
