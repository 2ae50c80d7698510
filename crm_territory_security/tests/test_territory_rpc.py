# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The red-team paths through the real HTTP server: XML-RPC (/xmlrpc/2) and
JSON-RPC (/jsonrpc, and the web client's /web/dataset/call_kw)."""
import xmlrpc.client

import requests

from .harness import InProcessServerCase, JsonRpcError, JsonRpcSession


class TestTerritoryRpc(InProcessServerCase):
    """Each call is a real HTTP request to the in-process server, served in
    the test's transaction, rolled back at the end."""

    def setUp(self):
        super(TestTerritoryRpc, self).setUp()
        env = self.env
        Users = env['res.users'].with_context(no_reset_password=True)
        group = env.ref('crm_territory_security.group_territory_salesman')
        self.user_a, self.user_b = [Users.create({
            'name': 'RPC %s' % login, 'login': login, 'password': login,
            'groups_id': [(6, 0, [env.ref('base.group_user').id,
                                  group.id])]})
            for login in ('rpc_salesman_a', 'rpc_salesman_b')]
        Territory = env['crm.territory']
        self.territory_a = Territory.create({
            'name': 'RPC A', 'city_names': 'Rpc City A',
            'user_ids': [(6, 0, self.user_a.ids)]})
        self.territory_b = Territory.create({
            'name': 'RPC B', 'city_names': 'Rpc City B',
            'user_ids': [(6, 0, self.user_b.ids)]})
        Lead = env['crm.lead']
        self.lead_a = Lead.create({'name': 'RPC alpha', 'city': 'Rpc City A',
                                   'planned_revenue': 10.0})
        self.lead_b = Lead.create({'name': 'RPC bravo', 'city': 'Rpc City B',
                                   'planned_revenue': 90.0})
        self.ids = [self.lead_a.id, self.lead_b.id]

    def xmlrpc(self, login, model, method, args, kwargs=None):
        common = xmlrpc.client.ServerProxy(
            self.base_url + '/xmlrpc/2/common', allow_none=True)
        uid = common.authenticate(self.db, login, login, {})
        self.assertTrue(uid)
        obj = xmlrpc.client.ServerProxy(
            self.base_url + '/xmlrpc/2/object', allow_none=True)
        return obj.execute_kw(self.db, uid, login, model, method, args,
                              kwargs or {})

    def jsonrpc(self, login, model, method, args, kwargs=None):
        """The /jsonrpc endpoint (service object, execute_kw)."""
        def call(service, service_method, *args):
            response = requests.post(self.base_url + '/jsonrpc', json={
                'jsonrpc': '2.0', 'method': 'call', 'params': {
                    'service': service, 'method': service_method,
                    'args': list(args)}}, timeout=60)
            response.raise_for_status()
            return response.json()
        uid = call('common', 'login', self.db, login, login)['result']
        self.assertTrue(uid)
        return call('object', 'execute_kw', self.db, uid, login, model,
                    method, args, kwargs or {})

    def test_xmlrpc(self):
        with self.browser_turn():
            found = self.xmlrpc('rpc_salesman_a', 'crm.lead', 'search',
                                [[('id', 'in', self.ids)]])
            count = self.xmlrpc('rpc_salesman_a', 'crm.lead', 'search_count',
                                [[('id', 'in', self.ids)]])
            rows = self.xmlrpc('rpc_salesman_a', 'crm.lead', 'search_read',
                               [[('id', 'in', self.ids)]],
                               {'fields': ['name']})
            groups = self.xmlrpc('rpc_salesman_a', 'crm.lead', 'read_group',
                                 [[('id', 'in', self.ids)],
                                  ['planned_revenue'], []])
            names = self.xmlrpc('rpc_salesman_a', 'crm.lead', 'name_search',
                                ['RPC bravo'])
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                self.xmlrpc('rpc_salesman_a', 'crm.lead', 'read',
                            [[self.lead_b.id], ['name']])
            with self.assertRaises(xmlrpc.client.Fault):
                self.xmlrpc('rpc_salesman_a', 'crm.lead', 'write',
                            [[self.lead_b.id], {'name': 'taken'}])
            with self.assertRaises(xmlrpc.client.Fault):
                self.xmlrpc('rpc_salesman_a', 'crm.lead', 'unlink',
                            [[self.lead_b.id]])
        self.assertEqual(found, self.lead_a.ids)
        self.assertEqual(count, 1)
        self.assertEqual([row['id'] for row in rows], self.lead_a.ids)
        self.assertEqual(groups[0]['planned_revenue'], 10.0)
        self.assertEqual(names, [])
        self.assertNotIn('RPC bravo', caught.exception.faultString)
        self.assertIn('security restrictions', caught.exception.faultString)
        self.assertEqual(self.lead_b.name, 'RPC bravo')

    def test_jsonrpc(self):
        with self.browser_turn():
            rows = self.jsonrpc('rpc_salesman_a', 'crm.lead', 'search_read',
                                [[('id', 'in', self.ids)]],
                                {'fields': ['name', 'planned_revenue']})
            read = self.jsonrpc('rpc_salesman_a', 'crm.lead', 'read',
                                [[self.lead_b.id], ['name']])
            session = JsonRpcSession(self.base_url, self.db, 'rpc_salesman_a',
                                     'rpc_salesman_a')
            web_rows = session.call('crm.lead', 'search_read',
                                    [('id', 'in', self.ids)], ['name'])
            with self.assertRaises(JsonRpcError) as caught:
                session.call('crm.lead', 'read', [self.lead_b.id], ['name'])
            groups = session.call('crm.lead', 'read_group',
                                  [('id', 'in', self.ids)],
                                  ['planned_revenue', 'stage_id'],
                                  ['stage_id'])
            b_rows = JsonRpcSession(
                self.base_url, self.db, 'rpc_salesman_b',
                'rpc_salesman_b').call('crm.lead', 'search_read',
                                       [('id', 'in', self.ids)], ['name'])
        self.assertEqual([row['id'] for row in rows['result']],
                         self.lead_a.ids)
        self.assertIn('error', read)
        self.assertNotIn('RPC bravo', repr(read))
        self.assertEqual([row['id'] for row in web_rows], self.lead_a.ids)
        self.assertIn('security restrictions', str(caught.exception))
        self.assertEqual(sum(g['planned_revenue'] for g in groups), 10.0)
        self.assertEqual([row['id'] for row in b_rows], self.lead_b.ids)

    def test_message_naming_foreign_rows(self):
        """The reviewer's call: a message on one's own lead naming B's
        tracking values and attachment, then message_format."""
        self.lead_b.write({'stage_id': self.env.ref('crm.stage_lead2').id})
        tracking = self.env['mail.tracking.value'].search([
            ('mail_message_id.model', '=', 'crm.lead'),
            ('mail_message_id.res_id', '=', self.lead_b.id)])
        self.assertTrue(tracking)
        attachment = self.env['ir.attachment'].create({
            'name': 'rpc_bravo_secret.txt', 'datas': 'UlBDIGJyYXZv',
            'res_model': 'crm.lead', 'res_id': self.lead_b.id})
        faults = []
        with self.browser_turn():
            for values in ({'tracking_value_ids': [(4, tracking[0].id)]},
                           {'attachment_ids': [(4, attachment.id)]}):
                values.update(model='crm.lead', res_id=self.lead_a.id,
                              body='probe', message_type='comment',
                              email_from='a@example.com')
                with self.assertRaises(xmlrpc.client.Fault) as caught:
                    self.xmlrpc('rpc_salesman_a', 'mail.message', 'create',
                                [values])
                faults.append(caught.exception.faultString)
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                self.xmlrpc('rpc_salesman_a', 'crm.lead', 'message_post',
                            [[self.lead_a.id]],
                            {'body': 'probe', 'message_type': 'comment',
                             'email_from': 'a@example.com',
                             'attachment_ids': attachment.ids})
            faults.append(caught.exception.faultString)
        for fault in faults:
            self.assertIn('security restrictions', fault)
            self.assertNotIn('rpc_bravo_secret', fault)
        tracking.invalidate_cache()
        self.assertEqual(set(tracking.mapped('mail_message_id.res_id')),
                         {self.lead_b.id})
        self.assertFalse(self.env['mail.message'].search([
            ('model', '=', 'crm.lead'), ('res_id', '=', self.lead_a.id),
            ('body', 'ilike', 'probe')]))
