# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Who may do what with the lead capture, over the real XML-RPC / JSON-RPC
of the server: the API keys (Sales Managers only, every public method),
the integration users of "Lead capture (create only)" (they create leads
and read none), the default integration user of the keys, and the example
web shop script."""
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import xmlrpc.client

import psycopg2
import requests

from odoo.exceptions import ValidationError
from odoo.modules.module import get_module_resource
from odoo.tools import mute_logger

from .test_lead_capture import CaptureCase

EXAMPLE = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                       'examples', 'webshop_register.py')
# Odoo's XML-RPC fault code of an AccessError
ACCESS_FAULT = 4


class RpcCase(CaptureCase):
    """Users with a password, called over XML-RPC like any integration."""

    def setUp(self):
        super(RpcCase, self).setUp()
        self.uids = {}
        Users = self.env['res.users'].with_context(no_reset_password=True)

        def user(login, *groups):
            return Users.create({
                'name': login, 'login': login, 'password': login,
                'email': '%s@example.com' % login,
                'groups_id': [(6, 0, [self.env.ref(g).id for g in groups])]})

        self.salesman = user('cap_salesman', 'base.group_user',
                             'sales_team.group_sale_salesman_all_leads')
        self.manager = user('cap_manager', 'base.group_user',
                            'sales_team.group_sale_manager')
        # the recipe of the README: this group only (it makes an internal
        # user)
        self.integration = user('cap_webshop',
                                'crm_leads_ext.group_lead_capture')

    def rpc(self, login, model, method, args, kwargs=None):
        with self.browser_turn():
            if login not in self.uids:
                common = xmlrpc.client.ServerProxy(
                    self.base_url + '/xmlrpc/2/common', allow_none=True)
                self.uids[login] = common.authenticate(
                    self.db, login, login, {})
                self.assertTrue(self.uids[login], login)
            uid = self.uids[login]
            obj = xmlrpc.client.ServerProxy(
                self.base_url + '/xmlrpc/2/object', allow_none=True)
            return obj.execute_kw(self.db, uid, login, model, method, args,
                                  kwargs or {})

    def assertAccessRefused(self, login, model, method, args, kwargs=None):
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.rpc(login, model, method, args, kwargs)
        self.assertEqual(caught.exception.faultCode, ACCESS_FAULT, (
            login, model, method, caught.exception.faultString[-300:]))
        return caught.exception


class TestKeyAccess(RpcCase):
    """Every public method of the capture's models checks its caller's
    rights before it does anything."""

    def key_calls(self):
        key_id = self.key_rec.id
        return [
            ('crm.lead.source.key', 'action_generate_key', [[key_id]]),
            ('crm.lead.source.key', 'search_read', [[]]),
            ('crm.lead.source.key', 'read', [[key_id], ['name']]),
            ('crm.lead.source.key', 'create', [{'name': 'Mine'}]),
            ('crm.lead.source.key', 'write', [[key_id], {'rate_limit': 0}]),
            ('crm.lead.source.key', 'toggle_active', [[key_id]]),
            ('crm.lead.source.key', 'unlink', [[key_id]]),
            ('crm.lead.source.key.show', 'default_get',
             [['key', 'key_id']],
             {'context': {'default_key': 'x', 'default_key_id': key_id}}),
            ('crm.lead.source.key.show', 'create',
             [{'key': 'x', 'key_id': key_id}]),
            ('crm.lead.capture.hit', 'search_read', [[]]),
            ('crm.lead.capture.hit', 'create', [{'ip': '192.0.2.1'}]),
        ]

    def assertKeyUnchanged(self, key_hash):
        self.key_rec.invalidate_cache()
        self.assertEqual(self.key_rec.sudo().key_hash, key_hash)
        self.assertEqual(self.key_rec.rate_limit, 1000)
        self.assertTrue(self.key_rec.active)
        self.lead_of(self.post({'name': 'Hi', 'email_from': 'a@example.com'}))

    def test_salesperson_refused(self):
        key_hash = self.key_rec.sudo().key_hash
        for call in self.key_calls():
            self.assertAccessRefused('cap_salesman', *call)
        self.assertKeyUnchanged(key_hash)

    def test_integration_user_refused(self):
        key_hash = self.key_rec.sudo().key_hash
        for call in self.key_calls():
            self.assertAccessRefused('cap_webshop', *call)
        self.assertKeyUnchanged(key_hash)

    def test_manager_generates_and_sees_the_key_once(self):
        action = self.rpc('cap_manager', 'crm.lead.source.key',
                          'action_generate_key', [[self.key_rec.id]])
        key = action['context']['default_key']
        self.assertEqual(self.key_rec.sudo().key_hash,
                         hashlib.sha256(key.encode()).hexdigest())
        shown = self.rpc('cap_manager', 'crm.lead.source.key.show',
                         'default_get', [['key', 'key_id']],
                         {'context': action['context']})
        self.assertEqual(shown, {'key': key, 'key_id': self.key_rec.id})
        # the old key stopped working, the new one works
        self.assertRefused(401, {'name': 'Hi', 'email_from': 'a@b.example'})
        self.lead_of(self.post({'name': 'Hi', 'email_from': 'a@b.example'},
                               key=key))
        # the hash is for administrators only
        self.assertNotIn('key_hash', self.rpc(
            'cap_manager', 'crm.lead.source.key', 'read',
            [[self.key_rec.id]])[0])

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

    def test_views_for_managers(self):
        Key = self.env['crm.lead.source.key']
        arch = Key.sudo(self.manager).fields_view_get(
            view_type='form')['arch']
        self.assertIn('action_generate_key', arch)
        # the key a lead came with and its reference: on the lead forms,
        # for managers only
        Lead = self.env['crm.lead']
        for xmlid in ('crm.crm_case_form_view_leads',
                      'crm.crm_case_form_view_oppor'):
            view_id = self.env.ref(xmlid).id
            arch = Lead.sudo(self.manager).fields_view_get(
                view_id=view_id)['arch']
            self.assertIn('capture_key_id', arch)
            self.assertIn('capture_ref', arch)
            arch = Lead.sudo(self.salesman).fields_view_get(
                view_id=view_id)['arch']
            self.assertNotIn('capture_key_id', arch)
            self.assertNotIn('capture_ref', arch)


class TestCreateOnlyUser(RpcCase):
    """A user of "Lead capture (create only)" creates leads over XML-RPC /
    JSON-RPC and reads none, not even those it created."""

    def setUp(self):
        super(TestCreateOnlyUser, self).setUp()
        self.partner = self.env['res.partner'].create({
            'name': 'Somebody Trading', 'is_company': True})
        self.other_lead = self.env['crm.lead'].create({
            'name': 'Somebody else', 'email_from': 'else@example.com',
            'type': 'opportunity', 'partner_id': self.partner.id,
            'user_id': False})

    def create_lead(self):
        # no salesperson given: not the integration user
        self.env['crm.lead.assignment.rule'].search([]).write(
            {'active': False})
        lead_id = self.rpc('cap_webshop', 'crm.lead', 'create', [{
            'name': 'Registered', 'contact_name': 'Tran Thi B',
            'email_from': 'b@example.com',
            'type': 'opportunity', 'partner_id': self.partner.id,
            'team_id': self.team.id, 'campaign_id': self.campaign.id}])
        lead = self.env['crm.lead'].browse(lead_id)
        self.assertEqual(lead.campaign_id, self.campaign)
        self.assertEqual(lead.create_uid, self.integration)
        self.assertFalse(lead.user_id)
        return lead

    def test_creates_but_reads_nothing(self):
        lead = self.create_lead()
        # the chatter of the lead and an attachment, written by the team
        lead.message_post(body='Discount agreed: 20%',
                          message_type='comment')
        self.env['ir.attachment'].create({
            'name': 'quote.txt', 'datas_fname': 'quote.txt',
            'datas': 'c2VjcmV0', 'res_model': 'crm.lead',
            'res_id': lead.id})
        # not a follower: the chatter is never mailed to it
        self.assertNotIn(self.integration.partner_id,
                         lead.message_partner_ids)
        own = [lead.id]
        both = [lead.id, self.other_lead.id]
        for method, args, kwargs in (
                ('read', [own, ['name']], {}),
                ('read', [both, ['name']], {}),
                ('search', [[]], {}),
                ('search_count', [[]], {}),
                ('search_read', [[('id', 'in', own)], ['name']], {}),
                ('read_group', [[], ['name'], ['team_id']], {}),
                ('export_data', [own, ['name', 'email_from']], {}),
                ('name_get', [own], {}),
                ('name_search', ['Registered'], {}),
                # mail and crm read these as superuser
                ('message_get_suggested_recipients', [both], {}),
                ('message_get_default_recipients', [both], {}),
                ('action_apply_assignment_rules', [both], {}),
                ('write', [own, {'name': 'x'}], {}),
                ('unlink', [own], {}),
                ('copy', [lead.id], {})):
            self.assertAccessRefused('cap_webshop', 'crm.lead', method,
                                     args, kwargs)
        # the partner of leads: their leads, and their count
        for field in ('opportunity_ids', 'opportunity_count'):
            self.assertAccessRefused('cap_webshop', 'res.partner', 'read',
                                     [[self.partner.id], [field]])
        # no message nor attachment of any lead
        domain = [('model', '=', 'crm.lead'), ('res_id', 'in', both)]
        self.assertEqual(self.rpc('cap_webshop', 'mail.message',
                                  'message_fetch', [domain]), [])
        self.assertEqual(self.rpc('cap_webshop', 'mail.message',
                                  'search_read', [domain, ['body']]), [])
        self.assertEqual(self.rpc('cap_webshop', 'ir.attachment',
                                  'search_read', [[
                                      ('res_model', '=', 'crm.lead')],
                                      ['name']]), [])
        messages = lead.message_ids.filtered(
            lambda m: 'Discount' in (m.body or ''))
        self.assertAccessRefused('cap_webshop', 'mail.message',
                                 'message_format', [messages.ids])
        # the read it needed to create is not granted outside the create
        self.assertFalse(self.rpc('cap_webshop', 'crm.lead',
                                  'check_access_rights', ['read'],
                                  {'raise_exception': False}))
        self.assertEqual(lead.name, 'Registered')
        self.assertTrue(lead.exists())

    def test_recipients_not_told_over_jsonrpc(self):
        # mail and crm read the suggested and default recipients of a
        # lead as superuser: the salesperson and the customer's email
        self.other_lead.user_id = self.salesman
        with self.browser_turn():
            for method in ('message_get_suggested_recipients',
                           'message_get_default_recipients'):
                answer = requests.post(self.base_url + '/jsonrpc', json={
                    'jsonrpc': '2.0', 'method': 'call', 'params': {
                        'service': 'object', 'method': 'execute_kw',
                        'args': [self.db, self.integration.id, 'cap_webshop',
                                 'crm.lead', method,
                                 [[self.other_lead.id]]]}},
                    timeout=60).json()
                self.assertIn('error', answer, method)
                self.assertNotIn('else@example.com', json.dumps(answer))
                self.assertNotIn('cap_salesman', json.dumps(answer))

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
        for lead_id in (lead.id, self.other_lead.id):
            answer = call('object', 'execute_kw', self.db, uid,
                          'cap_webshop', 'crm.lead', 'read',
                          [[lead_id], ['name']])
            self.assertIn('error', answer)
            self.assertNotIn('Somebody else', json.dumps(answer))
            self.assertNotIn('Over JSON-RPC', json.dumps(answer))

    def test_endpoint_as_integration_user(self):
        self.key_rec.user_id = self.integration
        lead = self.lead_of(self.post({'name': 'Via key user',
                                       'email_from': 'k@example.com'}))
        self.assertEqual(lead.create_uid, self.integration)
        self.assertEqual(lead.capture_key_id, self.key_rec)
        self.assertFalse(lead.user_id)
        self.assertNotIn(self.integration.partner_id,
                         lead.message_partner_ids)
        self.assertAccessRefused('cap_webshop', 'crm.lead', 'read',
                                 [[lead.id], ['name']])


class TestDefaultIntegrationUser(RpcCase):
    """Each key creates its leads as an integration user, by default the
    archived user 'Lead Capture' nobody can log in as; never as the
    superuser."""

    def setUp(self):
        super(TestDefaultIntegrationUser, self).setUp()
        self.default_user = self.env.ref('crm_leads_ext.user_lead_capture')

    def test_default_user(self):
        user = self.default_user
        self.assertEqual(self.key_rec.user_id, user)
        self.assertFalse(user.active)
        self.assertFalse(user.share)
        self.assertTrue(user.has_group('crm_leads_ext.group_lead_capture'))
        for group in ('sales_team.group_sale_salesman',
                      'base.group_erp_manager'):
            self.assertFalse(user.has_group(group), group)
        # archived and without password: nobody logs in as it, even once
        # someone restored it
        for active in (False, True):
            user.active = active
            with self.browser_turn():
                common = xmlrpc.client.ServerProxy(
                    self.base_url + '/xmlrpc/2/common', allow_none=True)
                for password in ('', user.login, 'admin', 'lead_capture'):
                    self.assertFalse(common.authenticate(
                        self.db, user.login, password, {}))

    def test_capture_created_as_default_user(self):
        lead = self.lead_of(self.post({'name': 'Hi',
                                       'email_from': 'a@example.com'}))
        self.assertEqual(lead.create_uid, self.default_user)
        self.assertNotIn(self.default_user.partner_id,
                         lead.message_partner_ids)

    def test_integration_user_required(self):
        self.assertTrue(self.env['crm.lead.source.key']._fields[
            'user_id'].required)
        with self.assertRaises(psycopg2.IntegrityError), \
                mute_logger('odoo.sql_db'), self.cr.savepoint():
            self.key_rec.write({'user_id': False})
        # neither the administrator nor a user outside the group
        for user in (self.env.ref('base.user_root'), self.salesman,
                     self.manager):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self.key_rec.write({'user_id': user.id})
        self.key_rec.write({'user_id': self.integration.id})
        # the form offers the users of the group, archived ones included
        field = self.env['crm.lead.source.key'].fields_get(
            ['user_id'])['user_id']
        users = self.env['res.users'].with_context(
            active_test=False).search(field['domain'])
        self.assertIn(self.default_user, users)
        self.assertIn(self.integration, users)
        self.assertNotIn(self.salesman, users)
        self.assertEqual(field['context'], {'active_test': False})

    def _migrate_from_previous_version(self):
        """Run migrations/11.0.1.1.0/pre-migration.py as the update from
        11.0.1.0.0 does, before the columns are updated."""
        path = get_module_resource(
            'crm_leads_ext', 'migrations', '11.0.1.1.0', 'pre-migration.py')
        spec = importlib.util.spec_from_file_location('pre_migration', path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        script.migrate(self.cr, '11.0.1.0.0')
        self.key_rec.invalidate_cache()

    def _key_of_the_previous_version(self):
        """A key as 11.0.1.0.0 left it: no user (the superuser)."""
        self.cr.execute("ALTER TABLE crm_lead_source_key "
                        "ALTER COLUMN user_id DROP NOT NULL")
        self.cr.execute("UPDATE crm_lead_source_key SET user_id = NULL "
                        "WHERE id = %s", (self.key_rec.id,))

    def test_keys_without_user_get_the_default_one_on_update(self):
        self._key_of_the_previous_version()
        self._migrate_from_previous_version()
        self.assertEqual(self.key_rec.user_id, self.default_user)
        # nothing left for Odoo's NOT NULL to refuse
        self.cr.execute("SELECT count(*) FROM crm_lead_source_key "
                        "WHERE user_id IS NULL")
        self.assertEqual(self.cr.fetchone()[0], 0)

    def test_update_from_a_database_without_the_default_user(self):
        # 11.0.1.0.0 had no default integration user
        self._key_of_the_previous_version()
        self.cr.execute("""
            DELETE FROM ir_model_data WHERE module = 'crm_leads_ext'
               AND model = 'res.users' AND name = 'user_lead_capture'""")
        self.default_user.write({'login': 'crm_leads_ext.previous'})
        self.env['ir.model.data'].clear_caches()
        self._migrate_from_previous_version()
        user = self.env.ref('crm_leads_ext.user_lead_capture')
        self.assertNotEqual(user, self.default_user)
        self.assertEqual(self.key_rec.user_id, user)
        self.assertEqual(user.login, 'crm_leads_ext.lead_capture')
        self.assertFalse(user.active)
        # the same rights as the user a new install gets from the data
        self.assertEqual(user.groups_id, self.default_user.groups_id)
        # loaded as the data file's record: not updated by the next update
        self.cr.execute("""
            SELECT noupdate FROM ir_model_data WHERE module = 'crm_leads_ext'
               AND model = 'res.users' AND name = 'user_lead_capture'""")
        self.assertEqual(self.cr.fetchone()[0], True)


class TestExampleScript(CaptureCase):
    """examples/webshop_register.py: a web shop posts its registrations."""

    def run_example(self, *args, **environment):
        env = dict(os.environ, CRM_URL=self.base_url,
                   CRM_CAPTURE_KEY=self.key)
        env.update(environment)
        with self.browser_turn():
            return subprocess.run(
                [sys.executable, EXAMPLE] + list(args), env=env,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                universal_newlines=True, timeout=120)

    def test_registration(self):
        before = self.count_leads()
        done = self.run_example(
            '--name', u'Nguyễn Văn An', '--email', 'an@example.com',
            '--company', 'An Trading', '--country', 'VN',
            '--phone', '+84 90 123 4567', '--note', 'Wants 3 users',
            '--lang', 'vi-VN')
        self.assertEqual(done.returncode, 0, done.stderr)
        ref = done.stdout.strip()
        lead = self.env['crm.lead'].search([('capture_ref', '=', ref)])
        self.assertEqual(self.count_leads(), before + 1)
        self.assertEqual(lead.name, 'Web shop registration: An Trading')
        self.assertEqual(lead.contact_name, u'Nguyễn Văn An')
        self.assertEqual(lead.partner_name, 'An Trading')
        self.assertEqual(lead.description, 'Wants 3 users')
        self.assertEqual(lead.source_id, self.source)
        self.assertEqual(lead.country_id, self.env.ref('base.vn'))
        self.assertEqual(lead.create_uid,
                         self.env.ref('crm_leads_ext.user_lead_capture'))

    def test_refusals(self):
        before = self.count_leads()
        done = self.run_example('--name', 'X', '--email', 'not an email')
        self.assertEqual(done.returncode, 1)
        self.assertIn('email_from: Not a valid email address.', done.stderr)
        done = self.run_example('--name', 'X', '--email', 'x@example.com',
                                CRM_CAPTURE_KEY='wrong')
        self.assertEqual(done.returncode, 1)
        self.assertIn('Missing, unknown or disabled API key.', done.stderr)
        done = self.run_example('--name', 'X', CRM_URL='http://127.0.0.1:9')
        self.assertEqual(done.returncode, 1)
        self.assertIn('lead not sent', done.stderr)
        self.assertEqual(self.count_leads(), before)
        # without a key: told how to give it
        done = self.run_example('--name', 'X', CRM_CAPTURE_KEY='')
        self.assertEqual(done.returncode, 2)
        self.assertIn('CRM_CAPTURE_KEY', done.stderr)
