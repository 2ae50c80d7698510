# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import LeadsExtCase


class TestAssignmentRule(LeadsExtCase):

    @classmethod
    def setUpClass(cls):
        super(TestAssignmentRule, cls).setUpClass()
        cls.Rule = cls.env['crm.lead.assignment.rule']
        cls.user_a = cls._user('rr_a')
        cls.user_b = cls._user('rr_b')
        cls.user_a.name = 'LX RR A'
        cls.user_b.name = 'LX RR B'
        cls.team_vip = cls.Team.create({
            'name': 'LX VIP',
            'member_ids': [(6, 0, (cls.user_a | cls.user_b).ids)]})
        cls.team_fair = cls.Team.create({'name': 'LX Fair'})
        cls.team_vn = cls.Team.create({'name': 'LX Vietnam'})
        cls.tag_vip = cls.env['crm.lead.tag'].create({'name': 'LX VIP'})
        cls.tag_other = cls.env['crm.lead.tag'].create({'name': 'LX other'})
        cls.source_fair = cls.env['utm.source'].create({'name': 'LX Fair'})
        cls.medium = cls.env['utm.medium'].create({'name': 'LX Booth'})
        cls.campaign = cls.env['utm.campaign'].create({'name': 'LX Q1'})
        cls.rule_vip = cls.Rule.create({
            'name': 'LX VIP tag', 'sequence': 1,
            'tag_ids': [(6, 0, cls.tag_vip.ids)],
            'team_id': cls.team_vip.id,
            'user_ids': [(6, 0, (cls.user_a | cls.user_b).ids)]})
        cls.rule_fair = cls.Rule.create({
            'name': 'LX fair visitors', 'sequence': 2,
            'source_id': cls.source_fair.id,
            'medium_id': cls.medium.id,
            'campaign_id': cls.campaign.id,
            'team_id': cls.team_fair.id})
        cls.rule_vn = cls.Rule.create({
            'name': 'LX Vietnamese speakers in Vietnam', 'sequence': 3,
            'country_ids': [(6, 0, cls.env.ref('base.vn').ids)],
            'lang': 'en_US',
            'team_id': cls.team_vn.id})

    def _lead(self, **vals):
        vals.setdefault('name', 'LX rule lead')
        return self.Lead.create(vals)

    def test_new_lead_without_salesperson_is_assigned(self):
        lead = self._lead(tag_ids=[(6, 0, self.tag_vip.ids)])
        self.assertEqual(lead.team_id, self.team_vip)
        self.assertEqual(lead.user_id, self.user_a)
        self.assertEqual(lead.assignment_rule_id, self.rule_vip)
        self.assertTrue(lead.assignment_date)

    def test_lead_with_salesperson_keeps_it(self):
        lead = self._lead(tag_ids=[(6, 0, self.tag_vip.ids)],
                          user_id=self.user_b.id)
        self.assertEqual(lead.user_id, self.user_b)
        self.assertFalse(lead.assignment_rule_id)

    def test_no_rule_matches(self):
        team = self.Team.create({'name': 'LX untouched'})
        lead = self._lead(tag_ids=[(6, 0, self.tag_other.ids)],
                          team_id=team.id, user_id=False)
        self.assertEqual(lead.team_id, team)
        self.assertFalse(lead.assignment_rule_id)

    def test_every_criterion_must_match(self):
        lead = self._lead(source_id=self.source_fair.id,
                          medium_id=self.medium.id)
        self.assertFalse(lead.assignment_rule_id)
        lead = self._lead(source_id=self.source_fair.id,
                          medium_id=self.medium.id,
                          campaign_id=self.campaign.id)
        self.assertEqual(lead.assignment_rule_id, self.rule_fair)
        self.assertEqual(lead.team_id, self.team_fair)
        # a rule without salespeople leaves the lead to the whole team
        self.assertFalse(lead.user_id)

    def test_country_and_language(self):
        vn = self.env.ref('base.vn')
        self.assertFalse(self._lead(country_id=vn.id).assignment_rule_id)
        lead = self._lead(country_id=vn.id, lang='en_US')
        self.assertEqual(lead.assignment_rule_id, self.rule_vn)
        partner = self.env['res.partner'].create(
            {'name': 'LX partner', 'lang': 'en_US'})
        lead = self._lead(country_id=vn.id, partner_id=partner.id)
        self.assertEqual(lead.assignment_rule_id, self.rule_vn)

    def test_first_match_wins(self):
        lead = self._lead(tag_ids=[(6, 0, self.tag_vip.ids)],
                          source_id=self.source_fair.id,
                          medium_id=self.medium.id,
                          campaign_id=self.campaign.id)
        self.assertEqual(lead.assignment_rule_id, self.rule_vip)
        self.rule_fair.sequence = 0
        lead = self._lead(tag_ids=[(6, 0, self.tag_vip.ids)],
                          source_id=self.source_fair.id,
                          medium_id=self.medium.id,
                          campaign_id=self.campaign.id)
        self.assertEqual(lead.assignment_rule_id, self.rule_fair)
        # an archived rule does not match
        self.rule_fair.active = False
        lead = self._lead(tag_ids=[(6, 0, self.tag_vip.ids)],
                          source_id=self.source_fair.id,
                          medium_id=self.medium.id,
                          campaign_id=self.campaign.id)
        self.assertEqual(lead.assignment_rule_id, self.rule_vip)

    def test_round_robin(self):
        users = [self._lead(tag_ids=[(6, 0, self.tag_vip.ids)]).user_id
                 for _i in range(4)]
        self.assertEqual(users, [self.user_a, self.user_b,
                                 self.user_a, self.user_b])

    def test_round_robin_on_a_selection(self):
        leads = self.Lead
        for _i in range(5):
            leads |= self._lead(tag_ids=[(6, 0, self.tag_vip.ids)],
                                user_id=self.user_b.id)
        self.assertFalse(leads.mapped('assignment_rule_id'))
        leads.action_apply_assignment_rules()
        self.assertEqual(leads.mapped('assignment_rule_id'), self.rule_vip)
        self.assertEqual(leads.mapped('team_id'), self.team_vip)
        self.assertEqual(
            [lead.user_id for lead in leads.sorted('id')],
            [self.user_a, self.user_b, self.user_a, self.user_b,
             self.user_a])

    def test_monthly_capacity(self):
        self.rule_vip.capacity = 2
        # assigned by the rule last month: not counted
        old = self._lead(tag_ids=[(6, 0, self.tag_vip.ids)])
        last_month = fields.Datetime.from_string(
            fields.Datetime.now()).replace(day=1) - timedelta(days=1)
        old.assignment_date = fields.Datetime.to_string(last_month)
        leads = [self._lead(tag_ids=[(6, 0, self.tag_vip.ids)])
                 for _i in range(5)]
        self.assertEqual(
            [lead.user_id for lead in leads],
            [self.user_a, self.user_b, self.user_a, self.user_b,
             self.env['res.users']])
        # full: the team still gets the lead, unassigned
        self.assertEqual(leads[-1].team_id, self.team_vip)
        self.assertEqual(leads[-1].assignment_rule_id, self.rule_vip)
        # more capacity: the least loaded salesperson first
        self.rule_vip.capacity = 4
        self.assertEqual(
            self._lead(tag_ids=[(6, 0, self.tag_vip.ids)]).user_id,
            self.user_a)

    def test_capacity_counts_leads_the_creator_cannot_read(self):
        self.rule_vip.capacity = 1
        self._lead(tag_ids=[(6, 0, self.tag_vip.ids)])
        creator = self._user('rule_creator')
        self.assertEqual(
            self.rule_vip.sudo(creator)._month_counts(), {self.user_a.id: 1})
        lead = self._lead(user_id=self.user_b.id)
        self.assertEqual(
            dict(self.rule_vip.sudo(creator)._dispatch(lead)),
            {self.user_b.sudo(creator): lead})

    def test_domain_with_safe_eval(self):
        rule = self.Rule.create({
            'name': 'LX big deals', 'sequence': 0,
            'domain': "[('planned_revenue', '>', 1000), "
                      "('create_uid', '=', uid)]",
            'team_id': self.team_fair.id})
        small = self._lead(planned_revenue=10)
        big = self._lead(planned_revenue=5000)
        self.assertFalse(small.assignment_rule_id)
        self.assertEqual(big.assignment_rule_id, rule)
        self.assertEqual(big.team_id, self.team_fair)

    def test_domain_uid_is_the_creator(self):
        creator = self._user('domain_creator')
        rule = self.Rule.create({
            'name': 'LX my own leads', 'sequence': 0,
            'domain': "[('create_uid', '=', uid), "
                      "('create_uid', '=', user_id)]",
            'team_id': self.team_fair.id})
        lead = self.env['crm.lead'].sudo(creator).create(
            {'name': 'LX created by a salesperson', 'user_id': False})
        self.assertEqual(lead.assignment_rule_id, rule)
        self.assertEqual(lead.team_id, self.team_fair)
        # the rule names the creator's uid, the superuser's is not it
        rule.domain = "[('create_uid', '=', uid), ('create_uid', '!=', 1)]"
        lead = self.env['crm.lead'].sudo(creator).create(
            {'name': 'LX created again', 'user_id': False})
        self.assertEqual(lead.assignment_rule_id, rule)

    def test_broken_domain_refused_at_save(self):
        for domain in ("[('no_such_field', '=', 1)]",
                       "[('name', '=',",
                       "__import__('os').getcwd()",
                       "'not a list'",
                       "[('name', 'no_such_operator', 1)]"):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self.Rule.create({
                    'name': 'LX broken', 'domain': domain,
                    'team_id': self.team_fair.id})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.rule_fair.domain = "[('stage_id.nope', '=', 1)]"

    def test_server_action(self):
        lead = self._lead(tag_ids=[(6, 0, self.tag_vip.ids)],
                          user_id=self.user_b.id)
        action = self.env.ref(
            'crm_leads_ext.crm_lead_apply_assignment_rules_server_action')
        action.with_context(active_model='crm.lead',
                            active_ids=lead.ids).run()
        self.assertEqual(lead.assignment_rule_id, self.rule_vip)
        self.assertEqual(lead.user_id, self.user_a)

    def test_salespeople_must_be_team_members(self):
        outsider = self._user('rr_outsider')
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.rule_vip.user_ids = [(4, outsider.id)]
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.rule_vip.team_id = self.team_fair
        # a member who leaves the team gets no more leads of the rule
        self.user_a.sale_team_id = self.team_fair
        leads = [self._lead(tag_ids=[(6, 0, self.tag_vip.ids)])
                 for _i in range(2)]
        self.assertEqual([lead.user_id for lead in leads],
                         [self.user_b, self.user_b])
        self.assertEqual(leads[0].team_id, self.team_vip)

    def test_mail_gateway_and_import_go_through_the_rules(self):
        rule = self.Rule.create({
            'name': 'LX mails of vip.example.com', 'sequence': 0,
            'domain': "[('email_from', 'ilike', '@vip.example.com')]",
            'team_id': self.team_vip.id,
            'user_ids': [(6, 0, self.user_b.ids)]})
        message = (
            'From: Ms Vip <boss@vip.example.com>\r\n'
            'To: sale@example.com\r\n'
            'Subject: LX we need 500 desks\r\n'
            'Message-Id: <lx-rule-1@vip.example.com>\r\n'
            'Content-Type: text/plain; charset=utf-8\r\n\r\n'
            'Please call me.\r\n')
        lead_id = self.env['mail.thread'].message_process(
            'crm.lead', message,
            custom_values={'team_id': self.team_fair.id})
        lead = self.Lead.browse(lead_id)
        self.assertEqual(lead.assignment_rule_id, rule)
        self.assertEqual(lead.team_id, self.team_vip)
        self.assertEqual(lead.user_id, self.user_b)
        result = self.Lead.load(
            ['name', 'email_from'],
            [['LX imported vip', 'buyer@vip.example.com'],
             ['LX imported other', 'buyer@other.example.com']])
        self.assertFalse(result['messages'])
        imported = self.Lead.browse(result['ids'])
        self.assertEqual(imported.mapped('assignment_rule_id'), rule)
        self.assertEqual(imported[0].assignment_rule_id, rule)
        self.assertFalse(imported[1].assignment_rule_id)
