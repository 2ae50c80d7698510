# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The access gate and the access matrix (issue 11, item 11).

The gate lists every public method (callable over RPC) that the suite's own
code defines on a model, its extensions of Odoo's models included, and fails
naming each one that access_matrix.MATRIX does not cover. The matrix calls
each over JSON-RPC as a user of each role, on records of another
salesperson's territory, and expects an AccessError unless the role is
allowed."""
import ast
import base64
import os
import types

from odoo.modules.module import get_module_path, get_modules
from odoo.tests.common import TransactionCase

from odoo.addons.crm_leads_ext.tests.rpc_common import RpcCase

from .access_matrix import MATRIX, ROLES

ROOT = os.path.dirname(get_module_path('crm_leads_ext'))
# every addon of this repository, at its root and in addons/ (the bridges
# too): a new one is gated without being added to a list
SUITE_ADDONS = tuple(sorted(
    name for name in get_modules()
    if os.path.dirname(get_module_path(name)) in (
        ROOT, os.path.join(ROOT, 'addons'))))

ROLE_GROUPS = {
    'portal': ('base.group_portal',),
    'employee': (),
    'salesman_own': ('sales_team.group_sale_salesman',),
    'salesman_all': ('sales_team.group_sale_salesman_all_leads',),
    'territory': ('crm_territory_security.group_territory_salesman',),
    'manager': ('sales_team.group_sale_manager',),
}
# what of territory B's lead no role but those reading every lead may see
SECRET = 'AG bravo secret'
RULE_REFUSAL = 'cannot be completed due to security restrictions'
BLIND = ('portal', 'employee', 'salesman_own', 'territory')


def suite_public_methods(registry):
    """{(model, method)} of the regular and transient models: the public
    functions whose code is the suite's."""
    prefixes = tuple('odoo.addons.%s.' % name for name in SUITE_ADDONS)
    found = set()
    for name in registry:
        model = registry[name]
        if model._abstract:
            continue
        for klass in model.__mro__:
            for attr, value in vars(klass).items():
                if attr.startswith('_'):
                    continue
                func = value.__func__ if isinstance(
                    value, (classmethod, staticmethod)) else value
                if isinstance(func, types.FunctionType) and \
                        (func.__module__ or '').startswith(prefixes):
                    found.add((name, attr))
    return found


def covering_test_exists(reference):
    """``path::Class::test`` names a test method of that file."""
    path, class_name, test_name = reference.split('::')
    with open(os.path.join(ROOT, path)) as source:
        tree = ast.parse(source.read())
    return any(
        isinstance(node, ast.ClassDef) and node.name == class_name and any(
            isinstance(item, ast.FunctionDef) and item.name == test_name
            for item in node.body)
        for node in tree.body)


class TestAccessGate(TransactionCase):

    def test_every_public_method_is_covered(self):
        methods = suite_public_methods(self.registry)
        self.assertIn(('crm.lead.source.key', 'action_generate_key'), methods)
        self.assertIn(('crm.lead', 'action_reset_territory'), methods)
        missing = sorted(methods - set(MATRIX))
        self.assertFalse(missing, 'public methods of the suite without an '
                         'access test (add them to access_matrix.MATRIX): '
                         '%s' % ', '.join('%s.%s' % m for m in missing))
        stale = sorted(set(MATRIX) - methods)
        self.assertFalse(stale, 'access_matrix.MATRIX names methods the '
                         'suite does not define: %s' % stale)

    def test_covering_tests_exist(self):
        for key, row in sorted(MATRIX.items()):
            if row.covered_by:
                self.assertTrue(covering_test_exists(row.covered_by),
                                '%s: no test %s' % (key, row.covered_by))
            else:
                self.assertTrue(row.call and row.allowed is not None, key)


class Ids(object):
    pass


class TestAccessMatrix(RpcCase):
    """One JSON-RPC session per role; B's records belong to another
    salesperson of another territory."""

    def setUp(self):
        super(TestAccessMatrix, self).setUp()
        env = self.env
        f = self.f = Ids()
        self.users = {role: self.rpc_user('ag_%s' % role, *groups)
                      for role, groups in ROLE_GROUPS.items()}
        owner_b = self.rpc_user(
            'ag_owner_b', 'crm_territory_security.group_territory_salesman')
        f.owner_b = owner_b.id
        f.country_b = env.ref('base.cn').id
        Territory = env['crm.territory']
        Territory.create({
            'name': 'AG Territory A', 'city_names': 'Gate City A',
            'country_ids': [(6, 0, env.ref('base.vn').ids)],
            'user_ids': [(6, 0, self.users['territory'].ids)]})
        territory_b = Territory.create({
            'name': 'AG Territory B', 'city_names': 'Gate City B',
            'country_ids': [(6, 0, env.ref('base.cn').ids)],
            'user_ids': [(6, 0, owner_b.ids)]})
        f.territory_b = territory_b.id
        # B's matching rules without a zip range: the ranges of another
        # territory of B's salesperson
        f.zip_b = env['crm.territory.zip.range'].create({
            'territory_id': Territory.create({
                'name': 'AG Territory C',
                'user_ids': [(6, 0, owner_b.ids)]}).id,
            'zip_from': '800000', 'zip_to': '899999'}).id
        team = env['crm.team'].create({'name': 'AG Team'})
        f.team = team.id
        stage = env['crm.stage'].create({'name': 'AG Stage',
                                         'team_id': team.id})
        f.stage = stage.id
        criterion = env['crm.stage.criterion'].create({
            'stage_id': stage.id, 'name': 'AG checked'})
        f.criterion = criterion.id
        Lead = env['crm.lead']
        lead_b = Lead.create({
            'name': SECRET, 'type': 'opportunity', 'city': 'Gate City B',
            'country_id': env.ref('base.cn').id,
            'partner_name': SECRET + ' Ltd', 'user_id': owner_b.id,
            'team_id': team.id, 'stage_id': stage.id,
            'email_from': 'bravo@secret.example'})
        self.assertEqual(lead_b.territory_id, territory_b)
        f.lead_b = lead_b.id
        f.lead_own = Lead.create({'name': 'AG own', 'city': 'Gate City A',
                                  'country_id': env.ref('base.vn').id,
                                  'user_id': False}).id
        f.check_b = env['crm.lead.criterion.check'].search([
            ('lead_id', '=', lead_b.id)], limit=1).id
        self.assertTrue(f.check_b)
        f.history_b = env['crm.lead.stage.history'].search([
            ('lead_id', '=', lead_b.id)], limit=1).id
        self.assertTrue(f.history_b)
        f.message_b = lead_b.message_post(
            body=SECRET + ' note', message_type='comment',
            subtype='mail.mt_note').id
        env['mail.notification'].create({
            'mail_message_id': f.message_b,
            'res_partner_id': owner_b.partner_id.id})
        env['ir.attachment'].create({
            'name': SECRET + '.txt', 'datas': base64.b64encode(
                SECRET.encode()), 'res_model': 'crm.lead',
            'res_id': lead_b.id})
        env['mail.activity'].create({
            'res_model_id': env.ref('crm.model_crm_lead').id,
            'res_id': lead_b.id, 'summary': SECRET + ' call',
            'user_id': owner_b.id})
        partner = env['res.partner'].create({'name': 'AG Customer'})
        f.partner = partner.id
        lead_b.message_subscribe(partner_ids=partner.ids)
        f.event_b = env['calendar.event'].create({
            'name': SECRET + ' meeting', 'opportunity_id': lead_b.id,
            'start': '2030-01-10 10:00:00', 'stop': '2030-01-10 11:00:00',
            'user_id': owner_b.id}).id
        f.product = env.ref('product.product_product_1').id
        f.order_b = env['sale.order'].create({
            'partner_id': partner.id, 'opportunity_id': lead_b.id,
            'user_id': owner_b.id}).id
        f.import_b = env['crm.lead.import'].create({
            'file_name': SECRET + '.csv',
            'file': base64.b64encode(b'Title,Email\nAG row,ag@x.example\n'),
        }).id
        f.key = env['crm.lead.source.key'].create({'name': SECRET}).id
        f.template = env['crm.funnel.template'].search([], limit=1).id
        f.field = env['ir.model.fields'].search([
            ('model', '=', 'crm.lead'), ('name', '=', 'territory_id')]).id

    def open_sessions(self):
        with self.browser_turn():
            return {role: self.session('ag_%s' % role) for role in ROLES}

    def caller(self, session):
        """``rpc(model, method, *args, **kwargs)`` over call_kw; raises
        RpcRefused with the exception's class name."""
        def rpc(model, method, *args, **kwargs):
            response = session.http.post(
                self.base_url + '/web/dataset/call_kw/%s/%s' % (model, method),
                json={'jsonrpc': '2.0', 'method': 'call', 'params': {
                    'model': model, 'method': method, 'args': list(args),
                    'kwargs': kwargs}}, timeout=60)
            body = response.json()
            if body.get('error'):
                data = body['error'].get('data') or {}
                raise RpcRefused(data.get('name', '?'),
                                 data.get('message', ''))
            return body.get('result')
        return rpc

    def outcome(self, row, session):
        """'allowed', 'denied' (an AccessError), 'refused: ...' (the
        method's own UserError or ValidationError, after the rights check)
        or 'crashed: ...'. What the call changed is rolled back: each call
        meets the same records."""
        # the test cursor's commit releases its latest savepoint
        # ``test_cursor`` and every later one: ours goes before a new one
        self.cr.execute('SAVEPOINT access_matrix')
        self.cr.execute('SAVEPOINT test_cursor')
        try:
            with self.browser_turn():
                row.call(self.f, self.caller(session))
        except RpcRefused as refused:
            if refused.name == 'odoo.exceptions.AccessError' or \
                    RULE_REFUSAL in refused.message:
                # Odoo 11 runs the constraints of a new record before its
                # create rules: a constraint that reads it as the user
                # gets the rules' AccessError, wrapped in a ValidationError
                return 'denied'
            if refused.name in ('odoo.exceptions.UserError',
                                'odoo.exceptions.ValidationError'):
                return 'refused: %s' % refused.message[:200]
            return 'crashed: %s %s' % (refused.name, refused.message[:300])
        finally:
            self.cr.execute('ROLLBACK TO SAVEPOINT access_matrix')
            self.cr.execute('RELEASE SAVEPOINT access_matrix')
            self.env.cache.invalidate()
            self.registry.clear_caches()
        return 'allowed'

    def test_every_method_as_every_role(self):
        sessions = self.open_sessions()
        wrong = []
        for key, row in sorted(MATRIX.items()):
            if not row.call:
                continue
            # the refused roles first: the allowed ones may change the
            # records (a new key, a deleted team)
            for role in sorted(ROLES, key=lambda r: r in row.allowed):
                expected = 'allowed' if role in row.allowed else 'denied'
                got = self.outcome(row, sessions[role])
                if got != expected and not (
                        expected == 'allowed' and got.startswith('refused')):
                    wrong.append('%s.%s as %s: %s, expected %s' % (
                        key[0], key[1], role, got, expected))
        self.assertFalse(wrong, '\n'.join(wrong))


class RpcRefused(Exception):

    def __init__(self, name, message):
        super(RpcRefused, self).__init__(name, message)
        self.name = name
        self.message = message


# B's rows of Odoo's mail models, where they hang off leads
MAIL_MODELS = {
    'mail.message': [('model', '=', 'crm.lead')],
    'ir.attachment': [('res_model', '=', 'crm.lead')],
    'mail.notification': [('mail_message_id.model', '=', 'crm.lead')],
    'mail.activity': [('res_model', '=', 'crm.lead')],
    'mail.followers': [('res_model', '=', 'crm.lead')],
}
GROUPABLE = ('char', 'text', 'html', 'selection', 'many2one')


class TestReadPaths(TestAccessMatrix):
    """read_group, export_data and name_search on every model of the
    suite, and on Odoo's mail models for leads: nothing of B's lead comes
    back to a role that may not read it."""

    test_every_method_as_every_role = None

    def suite_models(self):
        models = dict(MAIL_MODELS)
        for name in self.registry:
            model = self.env[name]
            if not model._abstract and not model._transient and \
                    model._original_module in SUITE_ADDONS:
                models[name] = []
        models['crm.lead'] = []
        return models

    def test_no_foreign_values(self):
        sessions = self.open_sessions()
        leaks = []
        for name, domain in sorted(self.suite_models().items()):
            model = self.env[name]
            fields = sorted(
                fname for fname, field in model._fields.items()
                if field.store and field.type in GROUPABLE and
                field.column_type)
            ids = model.with_context(active_test=False).search(domain).ids
            if domain:
                self.assertTrue(ids, name)
            calls = [
                ('read_group', [domain, fields, fields],
                 {'lazy': False}),
                ('export_data', [ids, fields], {}),
                ('name_search', [SECRET], {}),
            ]
            # outside the territory groups, Odoo 11's own rules decide who
            # reads a message, attachment or activity (README, Security)
            for role in (('territory',) if name in MAIL_MODELS else BLIND):
                rpc = self.caller(sessions[role])
                for method, args, kwargs in calls:
                    try:
                        with self.browser_turn():
                            result = rpc(name, method, *args, **kwargs)
                    except RpcRefused as refused:
                        if refused.name != 'odoo.exceptions.AccessError':
                            leaks.append('%s.%s as %s: %s %s' % (
                                name, method, role, refused.name,
                                refused.message[:200]))
                        result = refused.message
                    if SECRET.lower() in repr(result).lower():
                        leaks.append('%s.%s as %s shows B: %s' % (
                            name, method, role, repr(result)[:300]))
        self.assertFalse(leaks, '\n'.join(leaks))
