# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The public lead capture endpoint POST /crm/lead/capture through the real
HTTP server: answers, validation, the opaque reference, the limits and the
addresses they count (proxies), the request type of the capture path. The
keys, the integration users and who may call what: test_lead_capture_access.
"""
import contextlib
import ipaddress
import logging
import unittest
from unittest import mock

import requests
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

import odoo
from .harness import InProcessServerCase
from odoo.exceptions import ValidationError
from odoo.http import JsonRequest
from odoo.modules.module import load_information_from_description_file

from ..controllers.lead_capture import CAPTURE_PATH, CaptureRequest
from ..hooks import post_load
from ..models.crm_lead_source_key import (CrmLeadSourceKey,
                                          client_address)

IP_LIMIT = 'crm_leads_ext.capture_ip_rate_limit'
TRUSTED = 'crm_leads_ext.capture_trusted_proxies'


class LogRecords(logging.Handler):
    """The records logged at ``level`` or above while in use."""

    def __init__(self, level=logging.WARNING):
        super(LogRecords, self).__init__(level)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    @contextlib.contextmanager
    def watching(self, name='odoo'):
        logger = logging.getLogger(name)
        logger.addHandler(self)
        try:
            yield self
        finally:
            logger.removeHandler(self)


class CaptureCase(InProcessServerCase):
    """Each call is a real HTTP request to the in-process server, served in
    the test's transaction, rolled back at the end."""

    def setUp(self):
        super(CaptureCase, self).setUp()
        self.url = self.base_url + '/crm/lead/capture'
        env = self.env
        env['ir.config_parameter'].set_param(IP_LIMIT, '1000')
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

    def lead_of(self, response):
        """The lead a 201 answer refers to (by its reference)."""
        self.assertEqual(response.status_code, 201, response.text)
        lead = self.env['crm.lead'].search(
            [('capture_ref', '=', response.json()['ref'])])
        self.assertEqual(len(lead), 1)
        return lead

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
        lead = self.lead_of(response)
        self.assertEqual(self.count_leads(), before + 1)
        self.assertEqual(lead.contact_name, u'Nguyễn Văn An')
        self.assertEqual(lead.website, 'an.example.com')
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

    def test_lead_and_request_of_the_key_s_company(self):
        """The lead and the request of a key are the key's company's, not
        its integration user's (who works in the parent company)."""
        env = self.env
        child = env['res.company'].create({
            'name': 'Capture subsidiary',
            'parent_id': env.ref('base.main_company').id})
        key = env['crm.lead.source.key'].create({
            'name': 'Subsidiary shop', 'company_id': child.id,
            'team_id': env['crm.team'].create({
                'name': 'Subsidiary team', 'company_id': child.id}).id})
        self.assertNotEqual(key.user_id.company_id, child)
        lead = self.lead_of(self.post(
            {'contact_name': 'Trần Thị Mai', 'email_from': 'mai@example.vn'},
            key=key.action_generate_key()['context']['default_key']))
        self.assertEqual(lead.capture_key_id, key)
        self.assertEqual(lead.company_id, child)
        hit = env['crm.lead.capture.hit'].search([('key_id', '=', key.id)])
        self.assertEqual(hit.company_id, child)
        # a company the integration user does not work in
        other = env['res.company'].create({'name': 'Capture other'})
        with self.assertRaises(ValidationError):
            key.company_id = other

    def test_key_team_without_rule(self):
        self.env['crm.lead.assignment.rule'].search([]).write(
            {'active': False})
        lead = self.lead_of(self.post({'contact_name': 'Li Wei',
                                       'email_from': 'li@example.cn'}))
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.name, 'Li Wei')
        self.assertFalse(lead.user_id)

    def test_use_leads_off(self):
        use_leads = self.env.ref('crm.group_use_lead')
        employees = self.env.ref('base.group_user')
        payload = {'name': 'Hi', 'email_from': 'a@example.com'}
        employees.implied_ids |= use_leads
        self.assertEqual(self.lead_of(self.post(payload)).type, 'lead')
        employees.implied_ids -= use_leads
        self.assertEqual(self.lead_of(self.post(payload)).type,
                         'opportunity')

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
        lead = self.lead_of(response)
        self.assertEqual(self.count_leads(), before + 1)
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

    def test_text_that_does_not_encode(self):
        """A lone surrogate is valid JSON but no UTF-8 text: the database
        would refuse it (a 503 and a logged traceback); it is a field
        error."""
        with LogRecords().watching() as logged:
            response = self.assertRefused(
                400, raw=b'{"contact_name": "a\\ud800b", '
                b'"email_from": "a@example.com"}',
                headers={'Content-Type': 'application/json'})
        self.assertEqual(list(response.json()['errors']), ['contact_name'])
        self.assertEqual([r.getMessage() for r in logged.records], [])

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

    def test_messages_in_vietnamese_and_chinese(self):
        for code in ('vi_VN', 'zh_CN'):
            self.env['res.lang'].load_lang(code)
        self.env['ir.translation'].load_module_terms(
            ['crm_leads_ext'], ['vi_VN', 'zh_CN'])
        payload = {'name': ['A', 'B'], 'email_from': 'a@example.com',
                   'website': 'javascript:alert(1)//example.com'}
        for lang, twice, address in (
                ('vi-VN,vi;q=0.9', 'Được gửi nhiều hơn một lần.',
                 'Địa chỉ web không hợp lệ.'),
                ('zh-CN,zh;q=0.9', '该字段提供了不止一次。', '网址无效。')):
            errors = self.assertRefused(
                400, payload, form=True,
                headers={'Accept-Language': lang}).json()['errors']
            self.assertEqual(errors, {'name': twice, 'website': address})
        # a manager choosing a wrong integration user, in Vietnamese
        with self.assertRaises(ValidationError) as refusal, \
                self.cr.savepoint():
            self.key_rec.with_context(lang='vi_VN').write(
                {'user_id': self.env.ref('base.user_root').id})
        self.assertEqual(refusal.exception.name, (
            "Người dùng tích hợp của khóa API 'Web shop' phải là người dùng "
            "thuộc nhóm 'Thu thập tiềm năng (chỉ tạo)', và không được là "
            "quản trị viên."))

    def test_malformed_json(self):
        for raw in (b'{"name": "Hi", ', b'["name"]', b'null', b'\xff\xfe{}',
                    b'', b'"a text"', b'42',
                    b'{"name": "Hi", "email_from": "a@example.com"} {}'):
            self.assertRefused(400, raw=raw, headers={
                'Content-Type': 'application/json'})
        # invalid UTF-8 and an unknown charset, in JSON and in a form
        self.assertRefused(400, raw=b'{"name": "\xc3\x28"}', headers={
            'Content-Type': 'application/json'})
        self.assertRefused(400, raw=b'name=Hi', headers={
            'Content-Type': 'application/json; charset=no-such-charset'})
        self.assertRefused(400, raw=b'name=%C3%28&email_from=a@example.com',
                           headers={'Content-Type':
                                    'application/x-www-form-urlencoded'})

    def assertJsonRefused(self, raw):
        """400 with the JSON message, nothing created, nothing logged
        (an unexpected error is logged with its traceback)."""
        with LogRecords().watching() as logged:
            response = self.assertRefused(400, raw=raw, headers={
                'Content-Type': 'application/json'})
        self.assertEqual(response.json(), {'errors': {
            'request': 'The body is not a JSON object.'}})
        self.assertEqual([r.getMessage() for r in logged.records], [])

    def test_deeply_nested_json(self):
        # about 60,000 brackets: under the body limit, far deeper than
        # Python's recursion limit
        depth = 30000
        self.assertJsonRefused(b'[' * depth + b']' * depth)
        self.assertJsonRefused(
            b'{"name": "Hi", "email_from": "a@example.com", "description": ' +
            b'{"a": ' * (depth // 6) + b'1' + b'}' * (depth // 6) + b'}')

    def test_json_numbers_json_does_not_have(self):
        # NaN and Infinity are Python's, not JSON; 1e999 overflows a float
        for number in (b'NaN', b'Infinity', b'-Infinity', b'1e999',
                       b'-1e999'):
            self.assertJsonRefused(
                b'{"name": "Hi", "email_from": "a@example.com", "zip": ' +
                number + b'}')
        # an integer of 5,000 digits: refused whatever the Python (a JSON
        # error where integers have a digit limit, else a field too long)
        self.assertRefused(400, raw=(
            b'{"name": "Hi", "email_from": "a@example.com", "zip": ' +
            b'9' * 5000 + b'}'), headers={'Content-Type': 'application/json'})
        # numbers within range are texts of their digits
        lead = self.lead_of(self.post({'name': 'Hi', 'zip': 100000,
                                       'phone': 84901234567}))
        self.assertEqual((lead.zip, lead.phone), ('100000', '84901234567'))

    def test_field_given_twice(self):
        errors = self.assertRefused(400, raw=(
            b'{"name": "First", "email_from": "a@example.com", '
            b'"name": "Second"}'), headers={
                'Content-Type': 'application/json'}).json()['errors']
        self.assertEqual(errors, {'name': 'Given more than once.'})
        errors = self.assertRefused(400, {
            'name': ['First', 'Second'], 'email_from': 'a@example.com'},
            form=True).json()['errors']
        self.assertEqual(errors, {'name': 'Given more than once.'})

    def test_website_http_or_https_only(self):
        for url in ('javascript:alert(1)//example.com',
                    'JavaScript:alert(document.cookie)//a.example.com',
                    'javascript://example.com/%0Aalert(1)',
                    'data:text/html;base64,PHNjcmlwdD4=//x.example.com',
                    'vbscript:msgbox(1)//x.example.com',
                    'ftp://files.example.com', '//example.com/x',
                    'http://user:secret@example.com'):
            errors = self.assertRefused(400, {
                'name': 'Hi', 'email_from': 'a@example.com',
                'website': url}).json()['errors']
            self.assertEqual(errors, {'website': 'Not a valid web address.'},
                             url)
        for url in ('https://an.example.com/shop?x=1#top',
                    'HTTP://an.example.com:8080/', 'an.example.com/a:b'):
            lead = self.lead_of(self.post({'name': 'Hi', 'website': url,
                                           'email_from': 'a@example.com'}))
            self.assertEqual(lead.website, url)

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
        self.assertEqual(set(first.json()), {'ref'})
        self.assertEqual(set(second.json()), {'ref'})

    def test_answer_is_an_opaque_reference(self):
        payload = {'name': 'Hi', 'email_from': 'a@example.com'}
        answers = [self.post(payload) for _index in range(3)]
        leads = [self.lead_of(answer) for answer in answers]
        refs = [answer.json()['ref'] for answer in answers]
        self.assertEqual(len(set(refs)), 3)
        for answer, lead, ref in zip(answers, leads, refs):
            # 15 random bytes, URL-safe; nothing of the lead's id
            self.assertRegex(ref, r'^[A-Za-z0-9_-]{20}$')
            self.assertEqual(lead.capture_ref, ref)
            self.assertNotIn(str(lead.id), answer.text)

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


class TestLeadCaptureProxies(CaptureCase):
    """The limit per IP address counts the address of the TCP peer, or,
    when the peer is a trusted proxy, the client's address the proxy
    forwarded. Odoo runs with proxy_mode, as odoo.conf configures it, so
    that its ProxyFix rewrites REMOTE_ADDR from X-Forwarded-For."""

    def setUp(self):
        super(TestLeadCaptureProxies, self).setUp()
        patcher = mock.patch.dict(odoo.tools.config.options,
                                  {'proxy_mode': True})
        patcher.start()
        self.addCleanup(patcher.stop)
        self.params = self.env['ir.config_parameter']
        self.params.set_param(IP_LIMIT, '3')
        self.payload = {'name': 'Hi', 'email_from': 'a@example.com'}

    def via(self, forwarded_for):
        """Headers of a request a proxy forwarded, or anyone forged."""
        return {'X-Forwarded-For': forwarded_for,
                'X-Forwarded-Host': 'crm.example.com',
                'X-Forwarded-Proto': 'https'}

    def counted(self):
        self.cr.execute("SELECT ip FROM crm_lead_capture_hit ORDER BY id")
        return [ip for ip, in self.cr.fetchall()]

    def test_forged_header_from_an_untrusted_peer_is_ignored(self):
        # this test's client (127.0.0.1) is not the proxy
        self.params.set_param(TRUSTED, '192.0.2.1')
        for number in range(3):
            response = self.post(self.payload, headers=self.via(
                '203.0.113.%d' % number))
            self.assertEqual(response.status_code, 201, response.text)
        # a fourth address made up: the peer's limit all the same
        self.assertRefused(429, self.payload,
                           headers=self.via('203.0.113.99'))
        self.assertEqual(self.counted(), ['127.0.0.1'] * 4)

    def test_forged_address_does_not_block_its_owner(self):
        # someone reaching Odoo directly sends a web shop's address...
        self.params.set_param(TRUSTED, '192.0.2.1')
        for _number in range(3):
            self.post(self.payload, headers=self.via('198.51.100.7'))
        self.assertRefused(429, self.payload,
                           headers=self.via('198.51.100.7'))
        # ...while the web shop, through the proxy, is not over its limit
        self.params.set_param(TRUSTED, '127.0.0.1')
        response = self.post(self.payload, headers=self.via('198.51.100.7'))
        self.assertEqual(response.status_code, 201, response.text)

    def test_trusted_proxy_forwards_the_client_address(self):
        # the default: a proxy on the same host
        self.params.set_param(TRUSTED, False)
        for _number in range(3):
            self.assertEqual(self.post(self.payload, headers=self.via(
                '198.51.100.1')).status_code, 201)
        self.assertRefused(429, self.payload,
                           headers=self.via('198.51.100.1'))
        # another client behind the same proxy has a limit of its own
        self.assertEqual(self.post(self.payload, headers=self.via(
            '198.51.100.2')).status_code, 201)
        # an address the client wrote to the left of what the proxy
        # appended changes nothing
        self.assertRefused(429, self.payload, headers=self.via(
            '198.51.100.2, 198.51.100.1'))
        # nor does a request without the header: the proxy's own address
        self.assertEqual(self.post(self.payload).status_code, 201)
        self.assertEqual(self.counted(), ['198.51.100.1'] * 4 + [
            '198.51.100.2', '198.51.100.1', '127.0.0.1'])

    def test_chain_of_trusted_proxies(self):
        self.params.set_param(TRUSTED, '127.0.0.1, 10.0.0.0/8')
        self.post(self.payload, headers=self.via('198.51.100.1, 10.0.0.5'))
        self.post(self.payload, headers=self.via(
            '203.0.113.9, 198.51.100.1, 10.1.2.3'))
        self.assertEqual(self.counted(), ['198.51.100.1'] * 2)

    def test_trusted_proxies_parameter(self):
        Key = self.env['crm.lead.source.key']
        self.params.set_param(TRUSTED, False)
        self.assertEqual([str(n) for n in Key._capture_trusted_proxies()],
                         ['127.0.0.1/32', '::1/128'])
        self.params.set_param(TRUSTED, 'none')
        self.assertEqual(Key._capture_trusted_proxies(), [])
        self.params.set_param(TRUSTED, ' 10.0.0.1,\n172.16.0.0/12 fd00::/8 ')
        self.assertEqual([str(n) for n in Key._capture_trusted_proxies()],
                         ['10.0.0.1/32', '172.16.0.0/12', 'fd00::/8'])
        # a typing error is left out, and said in the log
        self.params.set_param(TRUSTED, '10.0.0.1, 10.0.0.300')
        with self.assertLogs('odoo.addons.crm_leads_ext', 'WARNING') as log:
            networks = Key._capture_trusted_proxies()
        self.assertEqual([str(n) for n in networks], ['10.0.0.1/32'])
        self.assertIn('10.0.0.300', log.output[0])


class TestClientAddress(unittest.TestCase):
    """client_address(): the address the limit per IP counts."""

    def address(self, peer, forwarded_for, trusted=('127.0.0.1', '::1')):
        return client_address(peer, forwarded_for, [
            ipaddress.ip_network(network) for network in trusted])

    def test_untrusted_peer(self):
        self.assertEqual(self.address('203.0.113.5', '198.51.100.1'),
                         '203.0.113.5')
        self.assertEqual(self.address('203.0.113.5', None), '203.0.113.5')

    def test_trusted_peer(self):
        self.assertEqual(self.address('127.0.0.1', '198.51.100.1'),
                         '198.51.100.1')
        self.assertEqual(self.address('::1', ' 2001:db8::1 '), '2001:db8::1')
        self.assertEqual(self.address('127.0.0.1', ''), '127.0.0.1')
        # the right-most address that is not a trusted proxy
        self.assertEqual(self.address('127.0.0.1', '1.2.3.4, 198.51.100.1'),
                         '198.51.100.1')
        # only trusted proxies: the left-most
        self.assertEqual(self.address('127.0.0.1', '127.0.0.1, ::1'),
                         '127.0.0.1')

    def test_ipv4_mapped_into_ipv6(self):
        self.assertEqual(self.address('::ffff:127.0.0.1',
                                      '::ffff:198.51.100.1'), '198.51.100.1')

    def test_not_an_address(self):
        # the walk stops at the last address read
        self.assertEqual(self.address('127.0.0.1', 'unknown'), '127.0.0.1')
        self.assertEqual(self.address('127.0.0.1',
                                      '198.51.100.1, _hidden, 127.0.0.1'),
                         '127.0.0.1')
        self.assertEqual(self.address('', '198.51.100.1'), '')
        self.assertEqual(self.address(None, '198.51.100.1'), '')


class TestCaptureRequestType(CaptureCase):
    """Odoo 11 gives a JSON body a JSON-RPC request: the capture path gets
    a plain one, in the databases with the addon only, from the addon's
    post_load hook; every other path keeps Odoo's own."""

    def request_type(self, path, db):
        builder = EnvironBuilder(path=path, method='POST',
                                 data=b'{"name": "Hi"}',
                                 content_type='application/json')
        httprequest = Request(builder.get_environ())
        httprequest.session = odoo.http.root.session_store.new()
        httprequest.session.db = db
        return type(odoo.http.root.get_request(httprequest))

    def test_capture_path_only_in_databases_with_the_addon(self):
        self.assertIs(self.request_type(CAPTURE_PATH, self.db),
                      CaptureRequest)
        self.assertIs(self.request_type('/web/dataset/call_kw', self.db),
                      JsonRequest)
        # another database of the server (here: one that does not exist)
        self.assertIs(self.request_type(CAPTURE_PATH, 'no_such_database_'
                                        'crm_leads_ext'), JsonRequest)
        self.assertIs(self.request_type(CAPTURE_PATH, None), JsonRequest)

    def test_trailing_slash(self):
        """werkzeug routes the path with a trailing slash to the same
        handler: it answers in the endpoint's own format, not a JSON-RPC
        error with a traceback."""
        self.assertIs(self.request_type(CAPTURE_PATH + '/', self.db),
                      CaptureRequest)
        self.url += '/'
        self.lead_of(self.post({'name': 'Hi', 'email_from': 'a@b.example'}))
        self.assertRefused(400, raw=b'{"name": ', headers={
            'Content-Type': 'application/json'})

    def test_installed_by_the_post_load_hook_once(self):
        self.assertEqual(load_information_from_description_file(
            'crm_leads_ext')['post_load'], 'post_load')
        installed = odoo.http.Root.get_request
        post_load()
        self.assertIs(odoo.http.Root.get_request, installed)

    def test_other_routes_unaffected(self):
        with self.browser_turn():
            version = requests.post(
                self.base_url + '/web/webclient/version_info', json={
                    'jsonrpc': '2.0', 'method': 'call', 'params': {},
                    'id': 7}, timeout=60)
            login = requests.get(self.base_url + '/web/login', timeout=60)
            rpc = requests.post(self.base_url + '/jsonrpc', json={
                'jsonrpc': '2.0', 'method': 'call', 'params': {
                    'service': 'common', 'method': 'version',
                    'args': []}}, timeout=60)
        self.assertEqual(version.json()['id'], 7)
        self.assertIn('server_version', version.json()['result'])
        self.assertEqual(login.status_code, 200)
        self.assertIn('server_version', rpc.json()['result'])
        # and the capture path, in JSON and as a form
        self.lead_of(self.post({'name': 'Hi', 'email_from': 'a@b.example'}))
        self.lead_of(self.post({'name': 'Hi', 'email_from': 'a@b.example'},
                               form=True))
