# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Issue 11: a territory's domain is data. ``str.format`` on a lambda
reached the server's configuration, and a domain's error message printed
the master and database passwords; a text put in the database by SQL ran
at every lead's matching."""
import os

from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase
from odoo.tools import config

from odoo.addons.crm_safe_domain.tests.escapes import ESCAPES, \
    MASTER_PASSWORD, PROBE, accepted_escapes

SECRET = 'sd-master-secret-4711'


class TestTerritorySafeDomain(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTerritorySafeDomain, cls).setUpClass()
        env = cls.env
        cls.manager = env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'SD Director', 'login': 'sd_director',
                'email': 'sd_director@example.com',
                'groups_id': [(6, 0, [
                    env.ref('base.group_user').id,
                    env.ref('sales_team.group_sale_manager').id])]})
        cls.Territory = env['crm.territory'].sudo(cls.manager)
        cls.territory = cls.Territory.create({
            'name': 'SD Territory', 'code': 'SD-T', 'priority': 1000,
            'city_names': 'Sd City',
            'domain': "[('name', '=', 'SD never')]"})

    def setUp(self):
        super(TestTerritorySafeDomain, self).setUp()
        os.environ.pop(PROBE, None)
        self.addCleanup(os.environ.pop, PROBE, None)
        self.addCleanup(config.__setitem__, 'admin_passwd',
                        config['admin_passwd'])
        config['admin_passwd'] = SECRET

    def _accepted(self, save):
        def check(error):
            self.assertIn('is not valid on leads', error.name)
            self.assertNotIn(SECRET, error.name)
        return accepted_escapes(save, ValidationError, check, cr=self.cr)

    def test_escapes_refused_on_create(self):
        self.assertEqual(self._accepted(lambda domain: self.Territory.create(
            {'name': 'SD escape', 'domain': domain})), [])
        self.assertNotIn(PROBE, os.environ)

    def test_escapes_refused_on_write(self):
        self.assertEqual(self._accepted(
            lambda domain: self.territory.write({'domain': domain})), [])
        self.territory.invalidate_cache()
        self.assertEqual(self.territory.domain, "[('name', '=', 'SD never')]")
        self.assertNotIn(PROBE, os.environ)

    def test_no_password_in_the_message(self):
        for secret, option in ((SECRET, 'admin_passwd'),
                               (config['db_password'], 'db_password')):
            field = MASTER_PASSWORD.replace('admin_passwd', option)
            with self.assertRaises(ValidationError) as caught, \
                    self.cr.savepoint():
                self.territory.write(
                    {'domain': "[('x' + %s, '=', 1)]" % field})
            self.assertNotIn(secret, caught.exception.name)
            self.assertEqual(
                caught.exception.name,
                "The domain of territory SD Territory is not valid on "
                "leads: names with a double underscore (__) are not "
                "allowed")

    def _lead(self, name):
        return self.env['crm.lead'].create({'name': name,
                                            'city': 'Sd City'})

    def _plant(self, domain):
        self.env.cr.execute(
            "UPDATE crm_territory SET domain = %s WHERE id = %s",
            (domain, self.territory.id))
        self.territory.invalidate_cache(['domain'], self.territory.ids)
        # the matching rules are cached until a rule changes: a change made
        # in SQL makes a new version as the ORM's changes do
        self.territory._rules_changed()

    def test_planted_escapes_never_run(self):
        ran = []
        for label, domain in ESCAPES:
            self._plant(domain)
            try:
                with self.cr.savepoint():
                    lead = self._lead('SD planted %s' % label)
            except Exception:  # pylint: disable=broad-except
                # the lead is lost to the evaluation of the domain
                ran.append(label + ' (the lead is lost)')
                continue
            if lead.territory_id == self.territory:
                ran.append(label)
        self.assertEqual(ran, [])
        self.assertNotIn(PROBE, os.environ)
        # the master password as an oracle: a lead named after it matched
        self._plant("[('name', '=', %s)]" % MASTER_PASSWORD)
        self.assertFalse(self._lead(SECRET).territory_id == self.territory)
        self._plant("[('name', '=', 'SD planted ok')]")
        self.assertEqual(self._lead('SD planted ok').territory_id,
                         self.territory)

    def test_legitimate_domains(self):
        team = self.env['crm.team'].create({'name': 'SD Team'})
        week_ago = ("(context_today() - relativedelta(days=7))"
                    ".strftime('%Y-%m-%d')")
        cases = [
            ("[('create_date', '>=', %s)]" % week_ago, True),
            ("[('create_date', '<', %s)]" % week_ago, False),
            ("[('team_id.name', '=', 'SD Team')]", True),
            ("[('team_id', '=', %d)]" % team.id, True),
            ("[('team_id', 'in', [%d, 0])]" % team.id, True),
            ("['|', ('team_id', '=', False), ('create_uid', '=', uid)]",
             True),
            ("['!', ('team_id', '=', %d)]" % team.id, False),
            ("[('company_id', 'in', company_ids)]", True),
        ]
        for domain, matches in cases:
            self.territory.write({'domain': domain})
            lead = self.env['crm.lead'].create({
                'name': 'SD legit', 'city': 'Sd City', 'team_id': team.id})
            self.assertEqual(lead.territory_id == self.territory, matches,
                             domain)
