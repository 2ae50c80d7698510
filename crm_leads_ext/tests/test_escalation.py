# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, UserError

from .common import LeadsExtCase


class TestEscalation(LeadsExtCase):
    """Team A1 under P1 (leader: boss1), A2 under P2 (leader: boss2), and
    O without parent. A salesperson of A1 (member of "All Documents")
    escalates. (Odoo moves a lead to its salesperson's team unless they
    are a member of the lead's team: the leads of A2 and O are
    unassigned.)"""

    @classmethod
    def setUpClass(cls):
        super(TestEscalation, cls).setUpClass()
        cls.boss1 = cls._user('boss1')
        cls.boss2 = cls._user('boss2')
        cls.agent = cls._user('agent', cls.group_all_leads)
        cls.team_p1 = cls.Team.create({
            'name': 'LX HQ 1', 'user_id': cls.boss1.id})
        cls.team_p2 = cls.Team.create({
            'name': 'LX HQ 2', 'user_id': cls.boss2.id})
        cls.team_a1 = cls.Team.create({
            'name': 'LX Agency 1', 'parent_id': cls.team_p1.id,
            'member_ids': [(6, 0, cls.agent.ids)]})
        cls.team_a2 = cls.Team.create({
            'name': 'LX Agency 2', 'parent_id': cls.team_p2.id})
        cls.team_o = cls.Team.create({'name': 'LX Orphan'})
        cls.lead_1 = cls.Lead.create({
            'name': 'LX escalate one', 'team_id': cls.team_a1.id,
            'user_id': cls.agent.id})
        cls.lead_2 = cls.Lead.create({
            'name': 'LX escalate two', 'team_id': cls.team_a2.id,
            'user_id': False})
        cls.lead_o = cls.Lead.create({
            'name': 'LX cannot escalate', 'team_id': cls.team_o.id,
            'user_id': False})
        cls.Escalation = cls.env['crm.lead.escalation']

    def _wizard(self, leads, reason):
        return self.env['crm.lead.escalate'].sudo(self.agent).with_context(
            active_model='crm.lead', active_ids=leads.ids).create(
                {'reason': reason})

    @staticmethod
    def _comment(lead):
        return lead.message_ids.filtered(
            lambda m: m.message_type == 'comment')[:1]

    def _history(self, leads):
        return self.Escalation.search([('lead_id', 'in', leads.ids)])

    def test_action_opens_the_wizard(self):
        action = self.lead_1.sudo(self.agent).action_escalate()
        self.assertEqual(action['res_model'], 'crm.lead.escalate')
        self.assertEqual(action['context']['active_ids'], self.lead_1.ids)
        server_action = self.env.ref(
            'crm_leads_ext.crm_lead_escalate_server_action')
        self.assertEqual(server_action.binding_model_id.model, 'crm.lead')
        result = server_action.sudo(self.agent).with_context(
            active_model='crm.lead',
            active_ids=(self.lead_1 | self.lead_2).ids).run()
        self.assertEqual(result['res_model'], 'crm.lead.escalate')
        wizard = self.env['crm.lead.escalate'].with_context(
            result['context']).create({'reason': 'x'})
        self.assertEqual(wizard.lead_ids, self.lead_1 | self.lead_2)

    def test_escalate_single_lead(self):
        wizard = self._wizard(self.lead_1, 'Customer asks for a discount '
                                           'above my limit <b>now</b>')
        self.assertEqual(wizard.lead_ids, self.lead_1)
        wizard.action_escalate()
        self.assertEqual(self.lead_1.team_id, self.team_p1)
        self.assertEqual(self.lead_1.user_id, self.agent)
        history = self._history(self.lead_1)
        self.assertEqual(len(history), 1)
        self.assertEqual(history.team_from_id, self.team_a1)
        self.assertEqual(history.team_to_id, self.team_p1)
        self.assertEqual(history.user_id, self.agent)
        self.assertTrue(history.date)
        self.assertIn('discount above my limit', history.reason)
        self.assertEqual(self.lead_1.escalation_ids, history)
        # the reason in the chatter, escaped, the leader notified
        message = self._comment(self.lead_1)
        self.assertIn('discount above my limit', message.body)
        self.assertIn('&lt;b&gt;now', message.body)
        self.assertIn('LX HQ 1', message.body)
        self.assertEqual(message.author_id, self.agent.partner_id)
        self.assertIn(self.boss1.partner_id, message.partner_ids)
        notified = self.env['mail.notification'].search([
            ('mail_message_id', '=', message.id),
            ('res_partner_id', '=', self.boss1.partner_id.id)])
        self.assertTrue(notified)
        # the leader of the parent team now sees it, in their inbox too
        self.lead_1.sudo(self.boss1).read(['name'])

    def test_escalate_selection_of_different_teams(self):
        leads = self.lead_1 | self.lead_2
        self._wizard(leads, 'Key accounts').action_escalate()
        self.assertEqual(self.lead_1.team_id, self.team_p1)
        self.assertEqual(self.lead_2.team_id, self.team_p2)
        history = self._history(leads)
        self.assertEqual(len(history), 2)
        self.assertEqual(
            {(h.lead_id, h.team_from_id, h.team_to_id) for h in history},
            {(self.lead_1, self.team_a1, self.team_p1),
             (self.lead_2, self.team_a2, self.team_p2)})
        self.assertIn(self.boss2.partner_id,
                      self._comment(self.lead_2).partner_ids)
        self.assertNotIn(self.boss1.partner_id,
                         self._comment(self.lead_2).partner_ids)
        # once more: the parents have no parent, refused
        with self.assertRaises(UserError):
            self._wizard(leads, 'Again').action_escalate()

    def test_no_parent_refused_and_nothing_written(self):
        leads = self.lead_1 | self.lead_o
        messages = self.env['mail.message'].search_count(
            [('model', '=', 'crm.lead'), ('res_id', 'in', leads.ids)])
        with self.assertRaises(UserError) as error:
            self._wizard(leads, 'Too big for us').action_escalate()
        self.assertIn('LX cannot escalate', error.exception.name)
        self.assertNotIn('LX escalate one', error.exception.name)
        self.assertEqual(self.lead_1.team_id, self.team_a1)
        self.assertEqual(self.lead_o.team_id, self.team_o)
        self.assertFalse(self._history(leads))
        self.assertEqual(self.env['mail.message'].search_count(
            [('model', '=', 'crm.lead'), ('res_id', 'in', leads.ids)]),
            messages)

    def test_reason_required(self):
        with self.assertRaises(UserError):
            self.lead_1.sudo(self.agent)._escalate('   ')
        self.assertFalse(self._history(self.lead_1))

    def test_history_follows_lead_visibility(self):
        self._wizard(self.lead_1, 'Visible?').action_escalate()
        history = self._history(self.lead_1)
        outsider = self._user('outsider')
        self.assertFalse(self.Escalation.sudo(outsider).search(
            [('id', 'in', history.ids)]))
        self.assertEqual(self.Escalation.sudo(self.boss1).search(
            [('id', 'in', history.ids)]), history)

    def test_escalate_button_on_both_forms(self):
        Lead = self.env['crm.lead']
        for xml_id in ('crm.crm_case_form_view_leads',
                       'crm.crm_case_form_view_oppor'):
            arch = Lead.fields_view_get(
                view_id=self.env.ref(xml_id).id, view_type='form')['arch']
            self.assertIn('name="action_escalate"', arch)
            self.assertIn('name="escalation_ids"', arch)

    def test_takeover_gives_the_lead_to_the_parent_leader(self):
        """A team that hands its escalated leads over: the lead moves to
        the parent team and its leader becomes the salesperson; the
        history and the leader's notification are those of any
        escalation."""
        self.team_a1.escalation_takeover = True
        self._wizard(self.lead_1, 'Too big for the agency').action_escalate()
        self.assertEqual(self.lead_1.team_id, self.team_p1)
        self.assertEqual(self.lead_1.user_id, self.boss1)
        history = self._history(self.lead_1)
        self.assertEqual(
            (history.team_from_id, history.team_to_id, history.user_id),
            (self.team_a1, self.team_p1, self.agent))
        message = self._comment(self.lead_1)
        self.assertIn('Too big for the agency', message.body)
        self.assertIn(self.boss1.partner_id, message.partner_ids)

    def test_takeover_by_a_parent_without_leader(self):
        """The parent team has no leader: the lead has no salesperson
        any more, for the parent team to assign."""
        team_top = self.Team.create({'name': 'LX HQ no leader'})
        team_sub = self.Team.create({
            'name': 'LX Agency hands over', 'parent_id': team_top.id,
            'escalation_takeover': True,
            'member_ids': [(6, 0, self.agent.ids)]})
        lead = self.Lead.create({
            'name': 'LX handed over', 'team_id': team_sub.id,
            'user_id': self.agent.id})
        self._wizard(lead, 'Outside our region').action_escalate()
        self.assertEqual(lead.team_id, team_top)
        self.assertFalse(lead.user_id)
        self.assertEqual(len(self._history(lead)), 1)

    def test_takeover_only_for_the_teams_that_ask_for_it(self):
        """One selection: the lead of a team that hands over gets the
        parent leader, the other keeps its salesperson."""
        self.team_a1.escalation_takeover = True
        seller = self._user('seller2', self.group_all_leads)
        self.team_a2.member_ids = [(4, seller.id)]
        self.lead_2.user_id = seller
        self._wizard(self.lead_1 | self.lead_2, 'Key accounts').action_escalate()
        self.assertEqual(
            (self.lead_1.team_id, self.lead_1.user_id),
            (self.team_p1, self.boss1))
        self.assertEqual(
            (self.lead_2.team_id, self.lead_2.user_id),
            (self.team_p2, seller))

    def test_takeover_by_a_salesperson_of_own_leads(self):
        """A salesperson who sees only their own leads escalates one: the
        lead leaves them (the leader's now), without an error."""
        self.team_a1.escalation_takeover = True
        seller = self._user('own_only')
        self.team_a1.member_ids = [(4, seller.id)]
        lead = self.Lead.create({
            'name': 'LX own lead', 'team_id': self.team_a1.id,
            'user_id': seller.id})
        self.env['crm.lead.escalate'].sudo(seller).with_context(
            active_model='crm.lead', active_ids=lead.ids).create(
                {'reason': 'Needs the director'}).action_escalate()
        self.assertEqual((lead.team_id, lead.user_id),
                         (self.team_p1, self.boss1))
        self.assertFalse(self.Lead.sudo(seller).search(
            [('id', '=', lead.id)]))

    def test_takeover_refused_to_who_cannot_read_the_lead(self):
        """A salesperson who cannot read the lead is refused, the option
        set or not, and nothing changes."""
        outsider = self._user('outsider_takeover')
        for takeover in (False, True):
            self.team_a1.escalation_takeover = takeover
            with self.assertRaises(AccessError):
                self.lead_1.sudo(outsider).action_escalate()
            with self.assertRaises(AccessError):
                self.env['crm.lead.escalate'].sudo(outsider).with_context(
                    active_model='crm.lead', active_ids=self.lead_1.ids
                ).create({'reason': 'Mine now'}).action_escalate()
            self.assertEqual((self.lead_1.team_id, self.lead_1.user_id),
                             (self.team_a1, self.agent))
            self.assertFalse(self._history(self.lead_1))

    def test_takeover_option_on_the_team_form(self):
        arch = self.Team.fields_view_get(
            view_id=self.env.ref('sales_team.crm_team_view_form').id,
            view_type='form')['arch']
        self.assertIn('name="escalation_takeover"', arch)
