# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Issue 11: the domain of an assignment rule is data. A Sales Manager
cannot run code through it (shell commands, ``user.sudo()`` to become an
administrator, the master password in an error message), on save over
the ORM and XML-RPC, nor through a text put in the database by SQL; the
domains rules need still work. Applying the rules needs write access on
the leads."""
import os
import xmlrpc.client

from .harness import InProcessServerCase

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import config

from odoo.addons.crm_safe_domain.tests.escapes import ESCAPES, \
    MASTER_PASSWORD, PROBE, accepted_escapes

from .common import LeadsExtCase

SECRET = 'sd-master-secret-4711'


def forget_probe(case):
    os.environ.pop(PROBE, None)
    case.addCleanup(os.environ.pop, PROBE, None)


def set_master_password(case):
    """A master password the test recognises, restored afterwards."""
    case.addCleanup(config.__setitem__, 'admin_passwd',
                    config['admin_passwd'])
    config['admin_passwd'] = SECRET


class TestAssignmentRuleSafeDomain(LeadsExtCase):

    @classmethod
    def setUpClass(cls):
        super(TestAssignmentRuleSafeDomain, cls).setUpClass()
        cls.Rule = cls.env['crm.lead.assignment.rule']
        cls.manager = cls._user(
            'sd_manager', cls.env.ref('sales_team.group_sale_manager'))
        cls.seller = cls._user('sd_seller')
        cls.team = cls.Team.create({'name': 'LX safe domain'})
        cls.group_system = cls.env.ref('base.group_system')

    def setUp(self):
        super(TestAssignmentRuleSafeDomain, self).setUp()
        forget_probe(self)
        set_master_password(self)

    def _rule(self, domain, user=None):
        """A rule matching every lead before any other (sequence), but
        for its domain."""
        return self.Rule.sudo(user or self.manager).create({
            'name': 'LX safe domain', 'sequence': -100,
            'team_id': self.team.id, 'domain': domain})

    def _accepted(self, save):
        def check(error):
            self.assertIn('is not valid', error.name)
            self.assertNotIn(SECRET, error.name)
        return accepted_escapes(save, ValidationError, check, cr=self.cr)

    def assertNothingRan(self):
        self.assertNotIn(PROBE, os.environ)
        self.env.cr.execute(
            "SELECT uid FROM res_groups_users_rel WHERE gid = %s "
            "AND uid IN %s", (self.group_system.id,
                              (self.manager.id, self.seller.id)))
        self.assertFalse(self.env.cr.fetchall(), "made an administrator")

    def test_escapes_refused_on_create(self):
        self.assertEqual(self._accepted(self._rule), [])
        self.assertNothingRan()

    def test_escapes_refused_on_write(self):
        rule = self._rule("[('name', '=', 'LX')]")
        self.assertEqual(
            self._accepted(lambda domain: rule.write({'domain': domain})),
            [])
        rule.invalidate_cache()
        self.assertEqual(rule.domain, "[('name', '=', 'LX')]")
        self.assertNothingRan()

    def test_no_administrator_through_sudo(self):
        domain = ("[('id', '!=', user.sudo().write({'groups_id': "
                  "[(4, %d)]}) and 0)]" % self.group_system.id)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._rule(domain)
        self.assertNothingRan()

    def test_no_master_password_in_the_message(self):
        with self.assertRaises(ValidationError) as caught, \
                self.cr.savepoint():
            self._rule("[('x' + %s, '=', 1)]" % MASTER_PASSWORD)
        self.assertNotIn(SECRET, caught.exception.name)
        self.assertEqual(
            caught.exception.name,
            "The domain of the assignment rule 'LX safe domain' is not "
            "valid: names with a double underscore (__) are not allowed")

    def test_no_password_hash_oracle(self):
        """A rule matches leads as the superuser: a domain comparing the
        administrator's password hash would tell, lead by lead, whether a
        prefix is right (an outside review recovered it this way)."""
        admin_partner = self.env.ref('base.user_root').partner_id
        with self.assertRaises(ValidationError) as caught, \
                self.cr.savepoint():
            self._rule("[('partner_id.user_ids.password_crypt', '=like', "
                       "'$pbkdf2-sha512$%')]")
        self.assertEqual(
            caught.exception.name,
            "The domain of the assignment rule 'LX safe domain' is not "
            "valid: 'partner_id.user_ids.password_crypt' leads to a field "
            "you may not read, which a domain may not compare")
        # planted in SQL, it matches nothing
        rule = self._rule("[('name', '=', 'LX never')]")
        self._plant(rule, "[('partner_id.user_ids.password_crypt', '!=', "
                          "False)]")
        lead = self.Lead.sudo(self.seller).create({
            'name': 'LX probe', 'user_id': False,
            'partner_id': admin_partner.id})
        self.assertNotEqual(lead.assignment_rule_id, rule)

    def _plant(self, rule, domain):
        """Write ``domain`` as an older version, or SQL, could have."""
        self.env.cr.execute(
            "UPDATE crm_lead_assignment_rule SET domain = %s WHERE id = %s",
            (domain, rule.id))
        rule.invalidate_cache(['domain'], rule.ids)

    def _new_lead(self, name):
        return self.Lead.sudo(self.seller).create(
            {'name': name, 'user_id': False})

    def test_planted_escapes_never_run(self):
        rule = self._rule("[('name', '=', 'LX never')]")
        ran = []
        for label, domain in ESCAPES:
            self._plant(rule, domain)
            try:
                with self.cr.savepoint():
                    lead = self._new_lead('LX planted %s' % label)
            except Exception:  # pylint: disable=broad-except
                # the lead is lost to the evaluation of the domain
                ran.append(label + ' (the lead is lost)')
                continue
            if lead.assignment_rule_id == rule:
                ran.append(label)
        self.assertEqual(ran, [])
        self.assertNothingRan()
        # the leads still go through the other rules
        self._plant(rule, "[('name', '=', 'LX planted ok')]")
        self.assertEqual(
            self._new_lead('LX planted ok').assignment_rule_id, rule)

    def test_planted_sudo_makes_no_administrator(self):
        rule = self._rule("[('name', '=', 'LX never')]")
        self._plant(rule, "[('id', '!=', user.sudo().write({'groups_id': "
                          "[(4, %d)]}) and 0)]" % self.group_system.id)
        lead = self._new_lead('LX created by the seller')
        self.assertFalse(lead.assignment_rule_id == rule)
        self.assertNothingRan()

    def test_legitimate_domains(self):
        week_ago = ("(context_today() - relativedelta(days=7))"
                    ".strftime('%Y-%m-%d')")
        cases = [
            ("[('create_date', '>=', %s)]" % week_ago, True),
            ("[('create_date', '<', %s)]" % week_ago, False),
            ("[('create_date', '>=', context_today() - "
             "relativedelta(days=1))]", True),
            ("[('create_date', '>=', datetime.datetime.now() - "
             "datetime.timedelta(hours=12))]", True),
            ("[('create_date', '<=', time.strftime('%Y-12-31 23:59:59'))]",
             True),
            # uid is the creator's, not the superuser's who runs the rules
            ("[('create_uid', '=', uid)]", True),
            ("[('create_uid', '=', user_id), "
             "('company_id', 'in', company_ids + [False])]", True),
            ("[('create_uid', '!=', uid)]", False),
            ("['|', ('planned_revenue', '>', 1000), "
             "('name', 'ilike', 'urgent')]", True),
            ("['!', ('name', 'ilike', 'urgent')]", False),
            ("[('id', 'in', [1, 2, 3])]", False),
            ("[('team_id.name', '=', 'LX nowhere')]", False),
        ]
        for domain, matches in cases:
            rule = self._rule(domain)
            lead = self._new_lead('LX urgent call back')
            self.assertEqual(lead.assignment_rule_id == rule, matches,
                             domain)
            rule.sudo(self.manager).active = False

    def test_context_does_not_choose_whose_ids(self):
        Rule = self.Rule.with_context(crm_assignment_uid=self.seller.id)
        self.assertEqual(
            Rule.sudo(self.manager)._safe_domain_eval_context()['uid'],
            self.manager.id)
        # only for the superuser running the rules on a creator's behalf
        self.assertEqual(Rule._safe_domain_eval_context()['uid'],
                         self.seller.id)

    def test_applying_rules_needs_write_access(self):
        """Sales Managers and salespeople apply the rules to the leads
        they may change; a user who may only read them is refused before
        anything is done, whether a rule matches or not."""
        viewers = self.env['res.groups'].create({'name': 'LX lead viewers'})
        for model in ('crm.lead', 'crm.lead.assignment.rule'):
            self.env['ir.model.access'].create({
                'name': 'LX read %s' % model, 'group_id': viewers.id,
                'model_id': self.env['ir.model']._get(model).id,
                'perm_read': True})
        viewer = self._user('sd_viewer', viewers)
        lead = self.Lead.create({'name': 'LX no rule for me',
                                 'user_id': self.seller.id})
        self.assertTrue(lead.sudo(viewer).read(['name']))
        with self.assertRaises(AccessError):
            lead.sudo(viewer).action_apply_assignment_rules()
        # the server action in the Action menu: refused on the lead too
        action = self.env.ref(
            'crm_leads_ext.crm_lead_apply_assignment_rules_server_action')
        with self.assertRaises(AccessError) as caught:
            action.sudo(viewer).with_context(
                active_model='crm.lead', active_ids=lead.ids).run()
        self.assertIn('not allowed to modify', caught.exception.name)
        self.assertIn('(Document model: crm.lead)', caught.exception.name)
        self.assertTrue(lead.sudo(self.seller).action_apply_assignment_rules())


class TestAssignmentRuleSafeDomainRpc(InProcessServerCase):
    """The same refusals over XML-RPC, as a Sales Manager's script."""

    def setUp(self):
        super(TestAssignmentRuleSafeDomainRpc, self).setUp()
        forget_probe(self)
        set_master_password(self)
        env = self.env
        self.manager = env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'SD RPC manager', 'login': 'sd_rpc_manager',
                'password': 'sd_rpc_manager', 'email': 'sd@example.com',
                'groups_id': [(6, 0, [
                    env.ref('base.group_user').id,
                    env.ref('sales_team.group_sale_manager').id])]})
        self.team = env['crm.team'].create({'name': 'SD RPC team'})
        self.rule = env['crm.lead.assignment.rule'].create({
            'name': 'SD RPC rule', 'team_id': self.team.id,
            'domain': "[('name', '=', 'SD')]"})

    def call(self, method, args):
        with self.browser_turn():
            common = xmlrpc.client.ServerProxy(
                self.base_url + '/xmlrpc/2/common', allow_none=True)
            uid = common.authenticate(self.db, 'sd_rpc_manager',
                                      'sd_rpc_manager', {})
            self.assertEqual(uid, self.manager.id)
            return xmlrpc.client.ServerProxy(
                self.base_url + '/xmlrpc/2/object',
                allow_none=True).execute_kw(
                    self.db, uid, 'sd_rpc_manager',
                    'crm.lead.assignment.rule', method, args)

    def _accepted(self, method, args):
        def check(fault):
            self.assertIn('is not valid', fault.faultString)
            self.assertNotIn(SECRET, fault.faultString)
        return accepted_escapes(
            lambda domain: self.call(method, args(domain)),
            xmlrpc.client.Fault, check)

    def test_escapes_refused_over_xmlrpc(self):
        self.assertEqual(self._accepted('create', lambda domain: [{
            'name': 'SD RPC escape', 'team_id': self.team.id,
            'domain': domain}]), [])
        self.assertEqual(self._accepted('write', lambda domain: [
            self.rule.ids, {'domain': domain}]), [])
        self.assertFalse(self.env['crm.lead.assignment.rule'].search(
            [('name', '=', 'SD RPC escape')]))
        self.rule.invalidate_cache()
        self.assertEqual(self.rule.domain, "[('name', '=', 'SD')]")
        self.assertNotIn(PROBE, os.environ)
        self.assertFalse(self.manager.has_group('base.group_system'))
        # the master password is not in the message
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.call('write', [self.rule.ids, {
                'domain': "[('x' + %s, '=', 1)]" % MASTER_PASSWORD}])
        self.assertNotIn(SECRET, caught.exception.faultString)

    def test_legitimate_domain_over_xmlrpc(self):
        domain = ("['|', ('user_id', '=', uid), ('create_date', '>=', "
                  "(context_today() - relativedelta(days=7))"
                  ".strftime('%Y-%m-%d'))]")
        rule_id = self.call('create', [{
            'name': 'SD RPC recent', 'team_id': self.team.id,
            'domain': domain}])
        self.assertEqual(
            self.env['crm.lead.assignment.rule'].browse(rule_id).domain,
            domain)
