"""Leads per second through the public capture endpoint on one Odoo worker.

setup (not timed) starts a real server, ``bin/odoo-bin --workers=0
--max-cron-threads=0`` on the benchmark database (testing/browser_harness's
OdooServerProcess), after creating what both sides need: an integration user
of the group "Lead capture (create only)", an API key
(crm.lead.source.key) whose leads are created as that user, without a rate
limit of its own, and the limit per IP address
(``crm_leads_ext.capture_ip_rate_limit``) lifted (0) for the run. It warms
up both paths (the worker loads the registry on its first request) and
generates the leads (datagen's generator: Vietnamese, Chinese and English
contacts). Then one client (this process, a keep-alive connection) sends
the leads one after the other: the server serves one request at a time, as
one worker of a production server does. (``--workers=1``, Odoo's prefork
server, cannot run here: its worker dies on Python 3.11 in
``resource.setrlimit`` with a float CPU limit, odoo/service/server.py
``process_limit``; the threaded server with a single client is the same
one-request-at-a-time throughput.)

ours    POST /crm/lead/capture, one JSON lead per request with the key in
        X-Api-Key (rate limits counted, fields validated, the lead created
        as the integration user, 201 with its id).
anchor  the same leads through XML-RPC: execute_kw crm.lead create by the
        integration user, with the values the endpoint sets (team, source,
        no salesperson, type): Odoo's own way for an integration, on the
        same server.
anchor_noop
        as many JSON-RPC calls of /web/webclient/version_info, which reads
        nothing from the database: what one request costs the server and
        the client at all, the floor.

The figure printed is leads per second (calls per second for the no-op),
the median over the repeats.
Informative (the issue sets no target): the ratio says what the endpoint's
checks cost over a bare ORM create. The peak memory
column is the client's (this process); the server's is not measured.
teardown stops the server and deletes the leads, with their messages,
followers and the rate limit's hits; the previous IP limit is restored.
"""
import os
import sys
import time
import xmlrpc.client

import requests

from bench.benchmarks import delete_leads_after
from datagen.generator import DataGenerator

NAME = 'lead_capture'
TITLE = 'Capture {leads:,} leads through POST /crm/lead/capture, one ' \
    'request at a time on one Odoo server process'
ANCHORS = [
    ('anchor', 'XML-RPC crm.lead create of the same leads by the '
     'integration user, same server', None),
    ('anchor_noop', 'The same number of JSON-RPC calls of '
     '/web/webclient/version_info (no database work): the floor of one '
     'request', None),
]
PARAMS = {
    'small': dict(leads=500),
    'full': dict(leads=2000),
}
FIGURES = [('per_second', 'leads/s (calls/s for version_info)', 'median')]

LOGIN = 'bench_capture'
API_KEY = 'bench-capture-key-0123456789'
IP_LIMIT = 'crm_leads_ext.capture_ip_rate_limit'
FIRST_INDEX = 300000000
WARM_UP = 5


def _server_class():
    root = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    if os.path.join(root, 'testing') not in sys.path:
        sys.path.insert(0, os.path.join(root, 'testing'))
    from browser_harness.server import OdooServerProcess
    return OdooServerProcess


def _integration_user(env):
    Users = env['res.users'].with_context(
        no_reset_password=True, active_test=False)
    user = Users.search([('login', '=', LOGIN)])
    if not user:
        user = Users.create({
            'name': 'Lead capture benchmark', 'login': LOGIN,
            'password': LOGIN, 'email': 'bench_capture@example.com',
            'groups_id': [(6, 0, [
                env.ref('base.group_user').id,
                env.ref('crm_leads_ext.group_lead_capture').id])],
        })
    return user


def _payloads(ctx):
    gen = DataGenerator(seed=ctx.seed)
    payloads = []
    for i in range(ctx.params['leads'] + 2 * WARM_UP):
        lead = gen.lead(FIRST_INDEX + i, 0)
        payload = {
            'name': lead['name'],
            'contact_name': lead['contact_name'],
            'partner_name': lead['partner_name'],
            'function': lead['function'],
            'email_from': lead['email_from'],
            'phone': lead['phone'],
            'mobile': lead['mobile'],
            'city': lead['city'],
            'country_code': lead['country'],
            'description': lead['description'],
        }
        payloads.append({k: v for k, v in payload.items() if v})
    return payloads


def setup(ctx):
    from odoo.addons.crm_leads_ext.models.crm_lead_source_key import hash_key

    env, cr = ctx.env, ctx.env.cr
    user = _integration_user(env)
    # the key of a run that was interrupted before its teardown
    env['crm.lead.source.key'].with_context(active_test=False).search(
        [('key_hash', '=', hash_key(API_KEY))]).unlink()
    source = env['utm.source'].create({'name': 'Lead capture benchmark'})
    key = env['crm.lead.source.key'].create({
        'name': 'Lead capture benchmark',
        'team_id': env.ref('sales_team.team_sales_department').id,
        'source_id': source.id,
        'rate_limit': 0,
        'user_id': user.id,
    })
    key.sudo().write({'key_hash': hash_key(API_KEY), 'key_prefix': API_KEY[:6]})
    params = env['ir.config_parameter'].sudo()
    previous_limit = params.get_param(IP_LIMIT)
    params.set_param(IP_LIMIT, '0')
    cr.execute("SELECT COALESCE(MAX(id), 0) FROM crm_lead")
    max_lead_id = cr.fetchone()[0]
    use_leads = env.ref('crm.group_use_lead') in \
        env.ref('base.group_user').implied_ids
    countries = dict((c.code, c.id) for c in env['res.country'].search([]))
    cr.commit()
    server = _server_class()(
        ctx.db, label='bench-lead-capture',
        extra_args=['--workers=0', '--max-cron-threads=0', '--load=web'])
    state = dict(
        server=server, url=server.url, db=ctx.db, uid=user.id,
        key_id=key.id, source_id=source.id, previous_limit=previous_limit,
        max_lead_id=max_lead_id, countries=countries,
        defaults={'user_id': False, 'team_id': key.team_id.id,
                  'source_id': source.id,
                  'type': 'lead' if use_leads else 'opportunity'},
    )
    try:
        server.start()
        payloads = _payloads(ctx)
        _capture(state, payloads[:WARM_UP])
        _xmlrpc(state, payloads[WARM_UP:2 * WARM_UP])
    except Exception:
        _clean(ctx, state)
        raise
    state['payloads'] = payloads[2 * WARM_UP:]
    return state


def _capture(state, payloads):
    with requests.Session() as session:
        session.headers['X-Api-Key'] = API_KEY
        url = state['url'] + '/crm/lead/capture'
        for payload in payloads:
            answer = session.post(url, json=payload, timeout=60)
            if answer.status_code != 201:
                raise AssertionError('capture answered %s: %s' % (
                    answer.status_code, answer.text[:300]))


def _xmlrpc(state, payloads):
    proxy = xmlrpc.client.ServerProxy(
        state['url'] + '/xmlrpc/2/object', allow_none=True)
    for payload in payloads:
        vals = dict(payload, **state['defaults'])
        code = vals.pop('country_code', None)
        if code:
            vals['country_id'] = state['countries'][code]
        proxy.execute_kw(state['db'], state['uid'], LOGIN, 'crm.lead',
                         'create', [vals])


def _leads_per_second(send, state):
    started = time.perf_counter()
    send(state, state['payloads'])
    seconds = time.perf_counter() - started
    return dict(leads=len(state['payloads']),
                per_second=len(state['payloads']) / seconds)


def ours(ctx, state):
    return _leads_per_second(_capture, state)


def anchor(ctx, state):
    return _leads_per_second(_xmlrpc, state)


def anchor_noop(ctx, state):
    url = state['url'] + '/web/webclient/version_info'
    started = time.perf_counter()
    with requests.Session() as session:
        for index in range(len(state['payloads'])):
            answer = session.post(url, json={
                'jsonrpc': '2.0', 'method': 'call', 'params': {},
                'id': index}, timeout=60)
            if answer.status_code != 200 or 'result' not in answer.json():
                raise AssertionError('version_info answered %s: %s' % (
                    answer.status_code, answer.text[:300]))
    seconds = time.perf_counter() - started
    return dict(leads=0,
                per_second=len(state['payloads']) / seconds)


def teardown(ctx, state, info):
    cr = ctx.env.cr
    cr.execute("SELECT count(*) FROM crm_lead WHERE id > %s",
               (state['max_lead_id'],))
    created = cr.fetchone()[0]
    expected = info['leads'] + 2 * WARM_UP
    _clean(ctx, state)
    assert created == expected, (created, expected)


def _clean(ctx, state):
    """Stop the server, delete what setup and the sides created, restore
    the limit per IP address."""
    state['server'].stop()
    env, cr = ctx.env, ctx.env.cr
    cr.rollback()
    first = state['max_lead_id']
    delete_leads_after(cr, first)
    cr.execute("DELETE FROM crm_lead_capture_hit WHERE key_id = %s OR "
               "key_id IS NULL", (state['key_id'],))
    env['crm.lead.source.key'].browse(state['key_id']).unlink()
    env['utm.source'].browse(state['source_id']).unlink()
    env['ir.config_parameter'].sudo().set_param(
        IP_LIMIT, state['previous_limit'] or False)
    cr.commit()
