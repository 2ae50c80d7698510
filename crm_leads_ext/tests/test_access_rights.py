# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Each public method of the escalation, the history buttons, the
conversion, the assignment rules' action and the mail gateway checks the
caller's rights before it does anything, over XML-RPC as an integration
(or an attacker) calls it: an access error, never a crash, nothing
written.

Users: two stock salespeople (each sees their own and the unassigned
leads), and an employee of "Contact Creation", whom crm lets read every
lead and modify none."""
from odoo.exceptions import AccessError

from .rpc_common import RpcCase


class TestAccessRights(RpcCase):

    def setUp(self):
        super(TestAccessRights, self).setUp()
        env = self.env
        env['crm.lead.assignment.rule'].search([]).write({'active': False})
        salesman = 'sales_team.group_sale_salesman'
        self.seller = self.rpc_user('lx_rights_seller', salesman)
        self.other = self.rpc_user('lx_rights_other', salesman)
        self.reader = self.rpc_user('lx_rights_reader',
                                    'base.group_partner_manager')
        self.parent = env['crm.team'].create({'name': 'LX Rights HQ'})
        self.team = env['crm.team'].create({
            'name': 'LX Rights Branch', 'parent_id': self.parent.id,
            'member_ids': [(6, 0, (self.seller | self.other).ids)]})
        Lead = env['crm.lead'].with_context(crm_lead_skip_assignment=True)
        self.mine = Lead.create({
            'name': 'LX rights mine', 'team_id': self.team.id,
            'user_id': self.seller.id, 'contact_name': 'Mai Anh',
            'email_from': 'mai.anh@rights.example'})
        self.theirs = Lead.create({
            'name': 'LX rights theirs', 'team_id': self.team.id,
            'user_id': self.other.id, 'contact_name': 'Wang Lei',
            'email_from': 'wang.lei@rights.example'})

    def escalations(self):
        return self.env['crm.lead.escalation'].search(
            [('lead_id', 'in', (self.mine | self.theirs).ids)])

    def assertUnchanged(self, *leads):
        self.env.cache.invalidate()
        for lead in leads:
            self.assertEqual(lead.team_id, self.team)
        self.assertFalse(self.escalations())

    # -- escalation ----------------------------------------------------------

    def test_escalation_wizard_on_leads_the_user_cannot_read(self):
        """The wizard's field leaves out the leads the user may not read:
        it escalated the others, or crashed on an empty list (SQL 'IN
        ()'). Now an access error, and nothing escalated."""
        for leads in (self.theirs, self.mine | self.theirs):
            wizard_id = self.xmlrpc(
                'lx_rights_seller', 'crm.lead.escalate', 'create',
                [{'lead_ids': [(6, 0, leads.ids)], 'reason': 'Big deal'}])
            self.assertRpcAccessError('lx_rights_seller', 'crm.lead.escalate',
                                      'action_escalate', [[wizard_id]])
        self.assertUnchanged(self.mine, self.theirs)
        # the rights of a user who may: escalated
        wizard_id = self.xmlrpc(
            'lx_rights_seller', 'crm.lead.escalate', 'create',
            [{'lead_ids': [(6, 0, self.mine.ids)], 'reason': 'Big deal'}])
        self.xmlrpc('lx_rights_seller', 'crm.lead.escalate',
                    'action_escalate', [[wizard_id]])
        self.env.cache.invalidate()
        self.assertEqual(self.mine.team_id, self.parent)
        self.assertEqual(self.escalations().user_id, self.seller)

    def test_escalation_needs_write_access(self):
        """The read-only reader, and a salesperson on another's lead, may
        neither open the wizard nor run it (nor another user's wizard)."""
        for login, lead in (('lx_rights_reader', self.mine),
                            ('lx_rights_seller', self.theirs)):
            self.assertRpcAccessError(login, 'crm.lead', 'action_escalate',
                                      [lead.ids])
        wizard = self.env['crm.lead.escalate'].sudo(self.seller).create(
            {'lead_ids': [(6, 0, self.mine.ids)], 'reason': 'Mine'})
        self.assertRpcAccessError('lx_rights_other', 'crm.lead.escalate',
                                  'action_escalate', [wizard.ids])
        with self.assertRaises(AccessError):
            self.mine.sudo(self.reader)._escalate('Read only')
        # nor create the wizard (any user may create transient records)
        self.rpc_user('lx_rights_portal', 'base.group_portal')
        for login in ('lx_rights_reader', 'lx_rights_portal'):
            self.assertRpcAccessError(login, 'crm.lead.escalate', 'create', [
                {'lead_ids': [(6, 0, self.mine.ids)], 'reason': 'No'}])
        self.assertUnchanged(self.mine, self.theirs)

    def test_escalation_history_is_written_by_escalations_only(self):
        """A salesperson cannot write a history row of their own, e.g. an
        escalation 'by' their manager."""
        self.assertRpcAccessError(
            'lx_rights_seller', 'crm.lead.escalation', 'create', [{
                'lead_id': self.mine.id, 'team_from_id': self.team.id,
                'team_to_id': self.parent.id, 'user_id': self.other.id,
                'reason': 'Forged'}])
        self.assertFalse(self.escalations())

    # -- history buttons -----------------------------------------------------

    def test_history_buttons_need_read_access(self):
        for method in ('action_view_history_emails',
                       'action_view_history_activities',
                       'action_view_history_done_activities',
                       'action_view_history_customer_leads',
                       'action_view_history_campaign'):
            self.assertRpcAccessError('lx_rights_seller', 'crm.lead', method,
                                      [self.theirs.ids])
            self.xmlrpc('lx_rights_seller', 'crm.lead', method,
                        [self.mine.ids])
        private = self.env['res.partner'].create({
            'name': 'LX Private Address', 'type': 'private'})
        public = self.env['res.partner'].create({'name': 'LX Customer'})
        for method in ('action_view_history_leads',
                       'action_view_history_emails',
                       'action_view_history_done_activities',
                       'action_view_history_campaigns'):
            self.assertRpcAccessError('lx_rights_seller', 'res.partner',
                                      method, [private.ids])
            self.xmlrpc('lx_rights_seller', 'res.partner', method,
                        [public.ids])

    # -- conversion ----------------------------------------------------------

    def test_conversion_needs_write_access(self):
        """Nothing is looked for or created for a user who may not modify
        the lead (the reader may create partners)."""
        Partner = self.env['res.partner']
        count = Partner.search_count([])
        for login, lead in (('lx_rights_reader', self.mine),
                            ('lx_rights_seller', self.theirs)):
            self.assertRpcAccessError(login, 'crm.lead',
                                      'handle_partner_assignation',
                                      [lead.ids])
        with self.assertRaises(AccessError):
            self.mine.sudo(self.reader).handle_partner_assignation()
        self.assertEqual(Partner.search_count([]), count)
        self.env.cache.invalidate()
        self.assertFalse((self.mine | self.theirs).mapped('partner_id'))
        # the conversion wizard reads the lead with the user's rights
        with self.assertRaises(AccessError):
            self.env['crm.lead2opportunity.partner'].sudo(
                self.seller).with_context(
                    active_model='crm.lead', active_id=self.theirs.id,
                    active_ids=self.theirs.ids).default_get(
                        ['partner_id', 'existing_company_id'])

    def test_merge_needs_write_access(self):
        """The escalation history of merged leads is moved with the
        superuser's rights: for a user who may modify them all."""
        self.env['crm.lead.escalation'].create({
            'lead_id': self.theirs.id, 'team_from_id': self.team.id,
            'team_to_id': self.parent.id, 'reason': 'Before'})
        for user in (self.reader, self.seller):
            with self.assertRaises(AccessError):
                self.mine.sudo(user).merge_dependences(self.theirs)
        self.assertEqual(self.escalations().lead_id, self.theirs)

    # -- assignment rules, mail gateway -------------------------------------

    def test_apply_assignment_rules_needs_write_access(self):
        self.env['crm.lead.assignment.rule'].create({
            'name': 'LX rights rule', 'sequence': 0,
            'domain': "[('name', '=like', 'LX rights %')]",
            'team_id': self.parent.id})
        for login, lead in (('lx_rights_reader', self.mine),
                            ('lx_rights_seller', self.theirs)):
            self.assertRpcAccessError(login, 'crm.lead',
                                      'action_apply_assignment_rules',
                                      [lead.ids])
        self.assertUnchanged(self.mine, self.theirs)

    def test_message_new_over_rpc_needs_create_access(self):
        """The gateway's entry point is public: a user who may not create
        leads learned which lead a sender has (and took the sender's
        lock)."""
        message = {'email_from': 'wang.lei@rights.example',
                   'subject': 'Any news?', 'body': '<p>Hello</p>',
                   'to': 'sales@rights.example'}
        team = {'team_id': self.team.id}
        self.assertRpcAccessError('lx_rights_reader', 'crm.lead',
                                  'message_new', [message, team])
        # the lead's salesperson may (message_new returns a record,
        # which XML-RPC cannot send back: called here directly)
        self.assertEqual(self.env['crm.lead'].sudo(self.other).message_new(
            message, team), self.theirs)
