# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""crm_leads_ext's create-only integration users with a round-robin
territory of crm_territory_security: the leads they create, through the
capture endpoint and over XML-RPC, are created and get the territory's
salespeople in turn; the integration user still reads none of them."""

from odoo.addons.crm_leads_ext.tests.test_lead_capture_access import RpcCase


class TestCaptureRoundRobin(RpcCase):

    def setUp(self):
        super(TestCaptureRoundRobin, self).setUp()
        env = self.env
        # the assignment rules would give the leads a salesperson first
        env['crm.lead.assignment.rule'].search([]).write({'active': False})
        Users = env['res.users'].with_context(no_reset_password=True)
        self.salespeople = Users.browse()
        for login in ('crr_salesman_1', 'crr_salesman_2'):
            self.salespeople |= Users.create({
                'name': login, 'login': login,
                'email': '%s@example.com' % login,
                'groups_id': [(6, 0, env.ref(
                    'sales_team.group_sale_salesman').ids)]})
        self.territory = env['crm.territory'].create({
            'name': 'CRR Iceland', 'priority': 99,
            'country_ids': [(6, 0, env.ref('base.is').ids)],
            'assign_user': 'round_robin',
            'user_ids': [(6, 0, self.salespeople.ids)]})
        self.key_rec.user_id = self.integration

    def test_endpoint_leads_assigned_in_turn(self):
        leads = self.env['crm.lead']
        for number in range(4):
            leads |= self.lead_of(self.post({
                'name': 'CRR request %d' % number,
                'email_from': 'crr%d@example.com' % number,
                'country_code': 'IS'}))
        self.assertEqual(leads.mapped('create_uid'), self.integration)
        self.assertEqual(leads.mapped('territory_id'), self.territory)
        self.assertEqual(leads.mapped('user_id'), self.salespeople)
        self.assertEqual(leads[0].user_id, leads[2].user_id)
        self.assertNotEqual(leads[0].user_id, leads[1].user_id)
        self.assertAccessRefused('cap_webshop', 'crm.lead', 'read',
                                 [leads.ids, ['name', 'user_id']])

    def test_xmlrpc_create_assigned(self):
        ids = [self.rpc('cap_webshop', 'crm.lead', 'create', [{
            'name': 'CRR over XML-RPC %d' % number, 'user_id': False,
            'email_from': 'crr.rpc%d@example.com' % number,
            'country_id': self.env.ref('base.is').id}])
            for number in range(2)]
        leads = self.env['crm.lead'].browse(ids)
        self.assertEqual(leads.mapped('territory_id'), self.territory)
        self.assertEqual(leads.mapped('user_id'), self.salespeople)
        self.assertAccessRefused('cap_webshop', 'crm.lead', 'read',
                                 [ids, ['name']])
        self.assertAccessRefused('cap_webshop', 'crm.lead', 'write',
                                 [ids, {'user_id': False}])
