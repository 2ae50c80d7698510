# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The territory rules of the models linked to leads that other addons
add: written when a module is installed or updated (a model reflected),
never when the registry loads; each with its XML id, listed in the
README; gone with the link."""
import os

from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase, at_install, post_install

from ..models.ir_rule import MODULE, RULE_PREFIX

README = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                      'README.rst')


# Once installed: the test adds a custom model, which sets the registry up
# again (not while Odoo's own runner is still building it)
@at_install(False)
@post_install(True)
class TestGeneratedRules(TransactionCase):

    def setUp(self):
        super(TestGeneratedRules, self).setUp()
        # a custom model is a change of the registry: the test's cursor
        # for it, and the registry set up again at the end
        self.registry.enter_test_mode()
        self.addCleanup(self.registry.leave_test_mode)

    def rule_of(self, model_name):
        return self.env.ref('%s.%s%s' % (MODULE, RULE_PREFIX,
                                         model_name.replace('.', '_')),
                            raise_if_not_found=False)

    def linked_models(self):
        """The models of the registry with a stored many2one to leads and
        no hand-written territory rule."""
        handled = self.env['ir.rule']._territory_handled_models
        result = []
        for name in sorted(self.env.registry.models):
            model = self.env[name]
            if model._abstract or model._transient or name in handled:
                continue
            if any(field.type == 'many2one' and field.store and
                   field.comodel_name == 'crm.lead' and not field.related
                   for field in model._fields.values()):
                result.append(name)
        return result

    def custom_model(self):
        """A model linked to leads added after this addon: a custom model
        with a many2one to leads, readable by employees."""
        model = self.env['ir.model'].create({
            'name': 'Territory probe', 'model': 'x_territory_probe',
            'field_id': [
                (0, 0, {'name': 'x_name', 'field_description': 'Name',
                        'ttype': 'char'}),
                (0, 0, {'name': 'x_lead_id', 'field_description': 'Lead',
                        'ttype': 'many2one', 'relation': 'crm.lead'})]})
        self.env['ir.model.access'].create({
            'name': 'x_territory_probe employees', 'model_id': model.id,
            'group_id': self.env.ref('base.group_user').id,
            'perm_read': True, 'perm_write': True, 'perm_create': True})
        return model

    def test_every_linked_model_has_its_rule_listed_in_the_readme(self):
        with open(README, encoding='utf-8') as readme:
            text = readme.read()
        for name in self.linked_models():
            rule = self.rule_of(name)
            self.assertTrue(rule, name)
            self.assertEqual(rule.model_id.model, name)
            self.assertFalse(rule.groups, "global: AND-ed with the others")
            for part in ('%s%s' % (RULE_PREFIX, name.replace('.', '_')),
                         rule.name, rule.domain_force):
                self.assertTrue(part in text, 'README.rst lacks %s' % part)

    def test_a_model_added_later_gets_its_rule(self):
        self.custom_model()
        rule = self.rule_of('x_territory_probe')
        self.assertTrue(rule, "the rule of the new model")
        self.assertEqual(
            rule.domain_force,
            "[(1, '=', 1)] if not user.territory_restricted else "
            "['|', ('x_lead_id', '=', False), "
            "('x_lead_id.territory_id.access_user_ids', 'in', [user.id])]")

        # it holds: a territory salesperson reads the rows of their leads
        Users = self.env['res.users'].with_context(no_reset_password=True)
        salesman = self.env.ref(
            'crm_territory_security.group_territory_salesman')
        user = Users.create({
            'name': 'TGR Salesman', 'login': 'tgr_salesman',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id,
                                  salesman.id])]})
        Territory = self.env['crm.territory']
        Territory.create({'name': 'TGR Mine', 'city_names': 'Tgr Mine',
                          'user_ids': [(6, 0, user.ids)]})
        Territory.create({'name': 'TGR Other', 'city_names': 'Tgr Other'})
        Lead = self.env['crm.lead']
        mine = Lead.create({'name': 'TGR mine', 'city': 'Tgr Mine'})
        other = Lead.create({'name': 'TGR other', 'city': 'Tgr Other'})
        Probe = self.env['x_territory_probe']
        rows = Probe.create({'x_name': 'mine', 'x_lead_id': mine.id}) | \
            Probe.create({'x_name': 'other', 'x_lead_id': other.id}) | \
            Probe.create({'x_name': 'none'})
        self.assertEqual(
            Probe.sudo(user).search([('id', 'in', rows.ids)]).mapped(
                'x_name'), ['mine', 'none'])
        with self.assertRaises(AccessError):
            rows[1].sudo(user).read(['x_name'])

    def test_registry_load_writes_no_rule(self):
        """Loading the registry (every server start, every worker) writes
        no security: a rule deleted by hand stays deleted until a module
        is installed or updated."""
        self.custom_model()
        self.rule_of('x_territory_probe').unlink()
        self.env['ir.rule']._register_hook()
        self.assertFalse(self.rule_of('x_territory_probe'))
        # an update of a module of the model reflects it again
        self.env['ir.model.fields']._reflect_model(
            self.env['x_territory_probe'])
        self.assertTrue(self.rule_of('x_territory_probe'))

    def test_rule_goes_with_the_link(self):
        model = self.custom_model()
        self.assertTrue(self.rule_of('x_territory_probe'))
        model.field_id.filtered(lambda f: f.name == 'x_lead_id').unlink()
        self.assertFalse(self.rule_of('x_territory_probe'))
