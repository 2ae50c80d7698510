# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The lead capture channels through the real HTTP server: the public
endpoint POST /crm/lead/capture, and the XML-RPC recipe of an integration
user allowed only to create leads (with the example script)."""
import hashlib
import json
import os
import subprocess
import sys
import xmlrpc.client
from unittest import mock

import requests

from browser_harness import InProcessServerCase
from odoo.exceptions import AccessError

from ..models.crm_lead_source_key import CrmLeadSourceKey

EXAMPLE = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                       'examples', 'webshop_register.py')


class CaptureCase(InProcessServerCase):
    """Each call is a real HTTP request to the in-process server, served in
    the test's transaction, rolled back at the end."""

    def setUp(self):
        super(CaptureCase, self).setUp()
        self.url = self.base_url + '/crm/lead/capture'
        env = self.env
        env['ir.config_parameter'].set_param(
            'crm_leads_ext.capture_ip_rate_limit', '1000')
        # requests of the last minute from elsewhere (rolled back after)
        self.cr.execute("DELETE FROM crm_lead_capture_hit")
        self.team = env['crm.team'].create({'name': 'Capture team'})
        self.team_rule = env['crm.team'].create({'name': 'Capture rule team'})
        self.campaign = env['utm.campaign'].create({'name': 'Capture camp'})
        self.source = env['utm.source'].create({'name': 'Capture shop'})
        self.medium = env['utm.medium'].create({'name': 'Capture web'})
        self.key_rec = env['crm.lead.source.key'].create({
            'name': 'Web shop', 'team_id': self.team.id,
            'campaign_id': self.campaign.id, 'source_id': self.source.id,
            'medium_id': self.medium.id, 'rate_limit': 1000})
        action = self.key_rec.action_generate_key()
        self.key = action['context']['default_key']

    def count_leads(self):
        self.cr.execute("SELECT count(*) FROM crm_lead")
        return self.cr.fetchone()[0]

    def post(self, payload=None, key=None, raw=None, headers=None,
             form=False):
        """POST to the endpoint; the response, its body checked to be a
        JSON object without any traceback."""
        headers = dict(headers or {})
        if key is not False:
            headers.setdefault('X-Api-Key', key or self.key)
        kwargs = {'headers': headers, 'timeout': 60}
        if raw is not None:
            kwargs['data'] = raw
        elif form:
            kwargs['data'] = payload
        else:
            kwargs['json'] = payload
        with self.browser_turn():
            response = requests.post(self.url, **kwargs)
        self.assertNotIn('Traceback', response.text)
        self.assertNotIn('File "', response.text)
        self.assertTrue(response.headers['Content-Type'].startswith(
            'application/json'), response.text[:300])
        self.assertIsInstance(response.json(), dict)
        return response

    def assertRefused(self, status, payload=None, **kwargs):
        before = self.count_leads()
        response = self.post(payload, **kwargs)
        self.assertEqual(response.status_code, status, response.text)
        self.assertEqual(self.count_leads(), before)
        self.assertIn('errors', response.json())
        return response


class TestLeadCaptureEndpoint(CaptureCase):

    def test_json_created(self):
        rule = self.env['crm.lead.assignment.rule'].create({
            'name': 'Capture shop leads', 'sequence': 1,
            'source_id': self.source.id, 'team_id': self.team_rule.id})
        before = self.count_leads()
        response = self.post({
            'name': 'Bulk order', 'contact_name': u'Nguyễn Văn An',
            'partner_name': 'An Trading', 'email_from': 'an@example.com',
            'phone': '+84 90 123 4567', 'country_code': 'vn',
            'description': 'Line one\nLine two', 'website': 'an.example.com',
            'city': u'Hà Nội'})
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(self.count_leads(), before + 1)
        lead = self.env['crm.lead'].browse(response.json()['id'])
        self.assertEqual(lead.contact_name, u'Nguyễn Văn An')
        self.assertEqual(lead.country_id, self.env.ref('base.vn'))
        self.assertEqual(lead.campaign_id, self.campaign)
        self.assertEqual(lead.source_id, self.source)
        self.assertEqual(lead.medium_id, self.medium)
        self.assertEqual(lead.capture_key_id, self.key_rec)
        # through the assignment rules like any new lead
        self.assertEqual(lead.assignment_rule_id, rule)
        self.assertEqual(lead.team_id, self.team_rule)
        self.assertFalse(lead.user_id)
        self.assertEqual(self.key_rec.lead_count, 1)

    def test_key_team_without_rule(self):
        self.env['crm.lead.assignment.rule'].search([]).write(
            {'active': False})
        response = self.post({'contact_name': 'Li Wei',
                              'email_from': 'li@example.cn'})
        self.assertEqual(response.status_code, 201, response.text)
        lead = self.env['crm.lead'].browse(response.json()['id'])
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.name, 'Li Wei')
        self.assertFalse(lead.user_id)
        self.assertEqual(lead.create_uid.id, self.uid)

    def test_use_leads_off(self):
        use_leads = self.env.ref('crm.group_use_lead')
        employees = self.env.ref('base.group_user')
        payload = {'name': 'Hi', 'email_from': 'a@example.com'}
        employees.implied_ids |= use_leads
        lead = self.env['crm.lead'].browse(self.post(payload).json()['id'])
        self.assertEqual(lead.type, 'lead')
        employees.implied_ids -= use_leads
        lead = self.env['crm.lead'].browse(self.post(payload).json()['id'])
        self.assertEqual(lead.type, 'opportunity')

    def test_no_default_territory(self):
        # with crm_territory_security: a lead matching no territory, in a
        # company without a default one, is created all the same
        company = self.env.user.company_id
        if 'crm_default_territory_id' in company._fields:
            company.crm_default_territory_id = False
        response = self.post({'contact_name': 'Nobody Near',
                              'city': 'Nowhere Town',
                              'email_from': 'far@example.com'})
        self.assertEqual(response.status_code, 201, response.text)

    def test_form_created(self):
        before = self.count_leads()
        response = self.post({'name': u'Demande de devis',
                              'contact_name': u'Zoë',
                              'email_from': 'zoe@example.fr',
                              'api_key': self.key}, key=False, form=True)
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(self.count_leads(), before + 1)
        lead = self.env['crm.lead'].browse(response.json()['id'])
        self.assertEqual(lead.contact_name, u'Zoë')
        self.assertEqual(lead.team_id, self.team)

    def test_field_errors(self):
        response = self.assertRefused(400, {
            'name': 'x' * 300, 'email_from': 'not an email',
            'phone': 'call me', 'country_code': 'XX', 'zip': ['1', '2'],
            'city': 'two\nlines', 'website': 'no spaces allowed.com x'})
        errors = response.json()['errors']
        self.assertEqual(set(errors), {'name', 'email_from', 'phone',
                                       'country_code', 'zip', 'city',
                                       'website'})
        self.assertIn('256', errors['name'])
        # name or contact required; a way to answer required
        errors = self.assertRefused(400, {'email_from': 'a@example.com'})\
            .json()['errors']
        self.assertEqual(list(errors), ['name'])
        errors = self.assertRefused(400, {'name': 'No way to answer'})\
            .json()['errors']
        self.assertEqual(list(errors), ['email_from'])
        errors = self.assertRefused(400, {'city': 'Hanoi'}).json()['errors']
        self.assertEqual(set(errors), {'name', 'email_from'})
        errors = self.assertRefused(400, {}).json()['errors']
        self.assertEqual(set(errors), {'name', 'email_from'})
        # a valid field beside an invalid one: nothing is created
        self.assertRefused(400, {'name': 'Fine', 'email_from': 'a@b'})

    def test_unknown_fields_refused(self):
        errors = self.assertRefused(400, {
            'name': 'Hi', 'email_from': 'a@example.com', 'user_id': 1,
            'stage_id': 3}).json()['errors']
        self.assertEqual(set(errors), {'user_id', 'stage_id'})

    def test_messages_translated(self):
        self.env['res.lang'].load_lang('fr_FR')
        self.env['ir.translation'].create({
            'type': 'code', 'name': 'addons/crm_leads_ext/models/'
            'crm_lead_source_key.py', 'lang': 'fr_FR',
            'src': 'Not a valid email address.',
            'value': 'Adresse email invalide.', 'state': 'translated',
            'module': 'crm_leads_ext'})
        errors = self.assertRefused(
            400, {'name': 'Hi', 'email_from': 'nope'},
            headers={'Accept-Language': 'fr-FR,fr;q=0.9'}).json()['errors']
        self.assertEqual(errors['email_from'], 'Adresse email invalide.')

    def test_malformed_json(self):
        for raw in (b'{"name": "Hi", ', b'["name"]', b'null', b'\xff\xfe{}',
                    b''):
            self.assertRefused(400, raw=raw, headers={
                'Content-Type': 'application/json'})

    def test_wrong_content_type(self):
        self.assertRefused(415, raw=b'name=Hi&email_from=a@example.com',
                           headers={'Content-Type': 'text/plain'})
        self.assertRefused(415, raw=b'<lead/>',
                           headers={'Content-Type': 'application/xml'})
        self.assertRefused(415, raw=b'x', headers={
            'Content-Type': 'multipart/form-data; boundary=x'})

    def test_oversized_body(self):
        payload = {'name': 'Big', 'email_from': 'a@example.com',
                   'description': 'x' * (70 * 1024)}
        self.assertRefused(413, payload)
        self.assertRefused(413, payload, form=True)
        # under the limit but a field too long: a field error
        payload['description'] = 'x' * 20000
        self.assertRefused(400, payload)

    def test_wrong_missing_disabled_key(self):
        payload = {'name': 'Hi', 'email_from': 'a@example.com'}
        answers = [
            self.assertRefused(401, payload, key='not-a-key'),
            self.assertRefused(401, payload, key=False),
            self.assertRefused(401, dict(payload, api_key='x' * 5000),
                               key=False),
        ]
        self.key_rec.active = False
        answers.append(self.assertRefused(401, payload))
        # the same answer for all, revealing nothing
        self.assertEqual(len({a.text for a in answers}), 1)
        self.key_rec.active = True
        self.assertEqual(self.post(payload).status_code, 201)

    def test_flood_from_one_ip(self):
        self.env['ir.config_parameter'].set_param(
            'crm_leads_ext.capture_ip_rate_limit', '3')
        payload = {'name': 'Hi', 'email_from': 'a@example.com'}
        for _index in range(3):
            self.assertEqual(self.post(payload).status_code, 201)
        # even with a wrong key or a bad body, and with a valid one
        response = self.assertRefused(429, payload, key='guess')
        self.assertGreater(int(response.headers['Retry-After']), 0)
        self.assertLessEqual(int(response.headers['Retry-After']), 61)
        self.assertRefused(429, payload)

    def test_key_rate_limit(self):
        self.key_rec.rate_limit = 2
        payload = {'name': 'Hi', 'email_from': 'a@example.com'}
        self.assertEqual(self.post(payload).status_code, 201)
        self.assertEqual(self.post(payload).status_code, 201)
        response = self.assertRefused(429, payload)
        self.assertTrue(int(response.headers['Retry-After']))
        # another key is not limited by this one's traffic
        other = self.env['crm.lead.source.key'].create({'name': 'Other'})
        other_key = other.action_generate_key()['context']['default_key']
        self.assertEqual(self.post(payload, key=other_key).status_code, 201)

    def test_honeypot(self):
        response = self.assertRefused(400, {
            'name': 'Hi', 'email_from': 'a@example.com',
            'website_url2': 'http://spam.example.com'})
        self.assertNotIn('website_url2', response.text)
        self.assertEqual(self.post({'name': 'Hi', 'website_url2': '',
                                    'email_from': 'a@example.com'})
                         .status_code, 201)

    def test_existing_lead_not_revealed(self):
        payload = {'name': 'Twice', 'email_from': 'twice@example.com'}
        first = self.post(payload)
        second = self.post(payload)
        self.assertEqual((first.status_code, second.status_code), (201, 201))
        self.assertEqual(set(first.json()), {'id'})
        self.assertEqual(set(second.json()), {'id'})

    def test_unexpected_error_is_503_without_lead(self):
        before = self.count_leads()
        with mock.patch.object(CrmLeadSourceKey, '_capture_create',
                               side_effect=RuntimeError('boom secret')):
            response = self.post({'name': 'Hi',
                                  'email_from': 'a@example.com'})
        self.assertEqual(response.status_code, 503)
        self.assertNotIn('boom', response.text)
        self.assertEqual(self.count_leads(), before)
        # the failed request still counts in the rate limits
        self.cr.execute("SELECT count(*) FROM crm_lead_capture_hit "
                        "WHERE key_id = %s", (self.key_rec.id,))
        self.assertEqual(self.cr.fetchone()[0], 1)

    def test_get_not_allowed(self):
        with self.browser_turn():
            response = requests.get(self.url, timeout=60)
        self.assertEqual(response.status_code, 405)


class TestLeadCaptureKey(CaptureCase):

    def test_only_hash_stored(self):
        self.assertEqual(self.key_rec.sudo().key_hash,
                         hashlib.sha256(self.key.encode()).hexdigest())
        self.assertEqual(self.key_rec.key_prefix, self.key[:6])
        self.cr.execute("SELECT * FROM crm_lead_source_key WHERE id = %s",
                        (self.key_rec.id,))
        self.assertNotIn(self.key, repr(self.cr.fetchall()))
        # a new key replaces the old one
        new_key = self.key_rec.action_generate_key()['context']['default_key']
        self.assertNotEqual(new_key, self.key)
        payload = {'name': 'Hi', 'email_from': 'a@example.com'}
        self.assertRefused(401, payload)
        self.assertEqual(self.post(payload, key=new_key).status_code, 201)

    def test_old_hits_forgotten(self):
        self.cr.execute("""
            INSERT INTO crm_lead_capture_hit (ip, key_id, hit_time) VALUES
            ('10.0.0.1', %(key)s,
             now() at time zone 'UTC' - interval '2 hours'),
            ('10.0.0.1', %(key)s, now() at time zone 'UTC')
        """, {'key': self.key_rec.id})
        self.env['crm.lead.capture.hit']._gc_hits()
        self.cr.execute("SELECT count(*) FROM crm_lead_capture_hit")
        self.assertEqual(self.cr.fetchone()[0], 1)
        cron = self.env.ref('crm_leads_ext.crm_lead_capture_hit_gc_cron')
        self.assertTrue(cron.active)

    def test_access_managers_only(self):
        Users = self.env['res.users'].with_context(no_reset_password=True)
        salesman = Users.create({
            'name': 'Capture salesman', 'login': 'cap_salesman',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_salesman_all_leads').id
            ])]})
        manager = Users.create({
            'name': 'Capture manager', 'login': 'cap_manager',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_manager').id])]})
        Key = self.env['crm.lead.source.key']
        with self.assertRaises(AccessError):
            Key.sudo(salesman).search([])
        keys = Key.sudo(manager).search([('id', '=', self.key_rec.id)])
        self.assertEqual(keys, self.key_rec)
        action = keys.action_generate_key()
        self.assertTrue(action['context']['default_key'])
        # the hash stays out of the manager's reach
        self.assertNotIn('key_hash', keys.read()[0])
        # the key a lead came with: on the lead forms, for managers only
        for xmlid in ('crm.crm_case_form_view_leads',
                      'crm.crm_case_form_view_oppor'):
            view_id = self.env.ref(xmlid).id
            Lead = self.env['crm.lead']
            self.assertIn('capture_key_id', Lead.sudo(manager).fields_view_get(
                view_id=view_id)['arch'])
            self.assertNotIn('capture_key_id', Lead.sudo(
                salesman).fields_view_get(view_id=view_id)['arch'])
        arch = Key.sudo(manager).fields_view_get(view_type='form')['arch']
        self.assertIn('action_generate_key', arch)
        show = self.env['crm.lead.source.key.show'].sudo(manager)\
            .with_context(action['context']).default_get(['key', 'key_id'])
        self.assertEqual(show['key'], action['context']['default_key'])


class TestLeadCaptureIntegrationUser(CaptureCase):
    """The XML-RPC recipe: a user of "Lead capture (create only)"."""

    def setUp(self):
        super(TestLeadCaptureIntegrationUser, self).setUp()
        Users = self.env['res.users'].with_context(no_reset_password=True)
        self.integration = Users.create({
            'name': 'Web shop integration', 'login': 'cap_webshop',
            'password': 'cap_webshop', 'email': 'webshop@example.com',
            'groups_id': [(6, 0, [
                self.env.ref('base.group_user').id,
                self.env.ref('crm_leads_ext.group_lead_capture').id])]})
        self.other_lead = self.env['crm.lead'].create({
            'name': 'Somebody else', 'email_from': 'else@example.com',
            'user_id': False})

    def xmlrpc(self, model, method, args, kwargs=None):
        with self.browser_turn():
            common = xmlrpc.client.ServerProxy(
                self.base_url + '/xmlrpc/2/common', allow_none=True)
            uid = common.authenticate(self.db, 'cap_webshop', 'cap_webshop',
                                      {})
            self.assertEqual(uid, self.integration.id)
            obj = xmlrpc.client.ServerProxy(
                self.base_url + '/xmlrpc/2/object', allow_none=True)
            return obj.execute_kw(self.db, uid, 'cap_webshop', model, method,
                                  args, kwargs or {})

    def test_create_but_not_read_others(self):
        lead_id = self.xmlrpc('crm.lead', 'create', [{
            'name': 'Registered', 'contact_name': 'Tran Thi B',
            'email_from': 'b@example.com', 'user_id': False,
            'team_id': self.team.id, 'campaign_id': self.campaign.id}])
        lead = self.env['crm.lead'].browse(lead_id)
        self.assertEqual(lead.campaign_id, self.campaign)
        self.assertEqual(lead.create_uid, self.integration)
        self.assertFalse(lead.user_id)
        # its own lead only
        found = self.xmlrpc('crm.lead', 'search', [[]])
        self.assertEqual(found, [lead_id])
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.xmlrpc('crm.lead', 'read', [[self.other_lead.id],
                                             ['name']])
        self.assertNotIn('Somebody else', caught.exception.faultString)
        with self.assertRaises(xmlrpc.client.Fault):
            self.xmlrpc('crm.lead', 'write', [[lead_id], {'name': 'x'}])
        with self.assertRaises(xmlrpc.client.Fault):
            self.xmlrpc('crm.lead', 'unlink', [[lead_id]])
        with self.assertRaises(xmlrpc.client.Fault):
            self.xmlrpc('crm.lead.source.key', 'search', [[]])
        self.assertEqual(self.other_lead.name, 'Somebody else')

    def test_jsonrpc_create(self):
        def call(service, method, *args):
            with self.browser_turn():
                response = requests.post(self.base_url + '/jsonrpc', json={
                    'jsonrpc': '2.0', 'method': 'call', 'params': {
                        'service': service, 'method': method,
                        'args': list(args)}}, timeout=60)
            return response.json()
        uid = call('common', 'login', self.db, 'cap_webshop',
                   'cap_webshop')['result']
        self.assertEqual(uid, self.integration.id)
        answer = call('object', 'execute_kw', self.db, uid, 'cap_webshop',
                      'crm.lead', 'create', [{
                          'name': 'Over JSON-RPC', 'user_id': False,
                          'email_from': 'json@example.com'}])
        lead = self.env['crm.lead'].browse(answer['result'])
        self.assertEqual(lead.create_uid, self.integration)
        answer = call('object', 'execute_kw', self.db, uid, 'cap_webshop',
                      'crm.lead', 'read', [[self.other_lead.id], ['name']])
        self.assertIn('error', answer)
        self.assertNotIn('Somebody else', json.dumps(answer))

    def test_example_script(self):
        env = dict(os.environ, ODOO_URL=self.base_url, ODOO_DB=self.db,
                   ODOO_LOGIN='cap_webshop', ODOO_PASSWORD='cap_webshop')
        before = self.count_leads()
        with self.browser_turn():
            done = subprocess.run(
                [sys.executable, EXAMPLE, '--name', u'Nguyễn Văn An',
                 '--email', 'an@example.com', '--company', 'An Trading',
                 '--country', 'VN', '--source', 'Capture shop'],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                universal_newlines=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr)
        lead = self.env['crm.lead'].browse(int(done.stdout.strip()))
        self.assertEqual(self.count_leads(), before + 1)
        self.assertEqual(lead.contact_name, u'Nguyễn Văn An')
        self.assertEqual(lead.partner_name, 'An Trading')
        self.assertEqual(lead.source_id, self.source)
        self.assertEqual(lead.country_id, self.env.ref('base.vn'))
        self.assertEqual(lead.create_uid, self.integration)
        # a wrong password: a clear message, exit status 1
        env['ODOO_PASSWORD'] = 'wrong'
        with self.browser_turn():
            done = subprocess.run(
                [sys.executable, EXAMPLE, '--name', 'X'], env=env,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                universal_newlines=True, timeout=120)
        self.assertEqual(done.returncode, 1)
        self.assertIn('login refused', done.stderr)

    def test_endpoint_as_integration_user(self):
        self.key_rec.user_id = self.integration
        response = self.post({'name': 'Via key user',
                              'email_from': 'k@example.com'})
        self.assertEqual(response.status_code, 201, response.text)
        lead = self.env['crm.lead'].browse(response.json()['id'])
        self.assertEqual(lead.create_uid, self.integration)
        self.assertEqual(lead.capture_key_id, self.key_rec)
        self.assertFalse(lead.user_id)
