# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json

from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase, at_install, post_install


def stage_requires(name):
    """The "required" condition the form gets for a field some stage
    requires: tested with ilike only once the value is a string."""
    return ['&', ['stage_required_fields', 'not in', [False, None]],
            ['stage_required_fields', 'ilike', ',%s,' % name]]


# Once installed: while a module installs, Odoo applies only the views of
# loaded modules, not those the tests create
@at_install(False)
@post_install(True)
class TestStageRequiredFields(SavepointCase):
    """The LatoERP rule: from "Preliminary validation" on, expected revenue
    and expected closing date must be set, on every path, and the form
    shows them as required."""

    @classmethod
    def setUpClass(cls):
        super(TestStageRequiredFields, cls).setUpClass()
        Stage = cls.env['crm.stage']
        lead_fields = cls.env['ir.model.fields'].search([
            ('model', '=', 'crm.lead'),
            ('name', 'in', ['planned_revenue', 'date_deadline'])])
        cls.initial = Stage.create({'name': 'Req Initial', 'sequence': 2001})
        cls.preliminary = Stage.create({
            'name': 'Req Preliminary validation', 'sequence': 2002,
            'required_field_ids': [(6, 0, lead_fields.ids)]})
        cls.validated = Stage.create({'name': 'Req Validated',
                                      'sequence': 2003})
        cls.other_team = cls.env['crm.team'].create({'name': 'Req Team'})
        cls.team_stage = Stage.create({
            'name': 'Req Team stage', 'sequence': 2000,
            'team_id': cls.other_team.id,
            'required_field_ids': [(6, 0, lead_fields.filtered(
                lambda f: f.name == 'planned_revenue').ids)]})
        cls.lead = cls.env['crm.lead'].create({
            'name': 'Req lead', 'type': 'opportunity',
            'stage_id': cls.initial.id})

    def assertRefused(self, *labels):
        return RefusalContext(self, labels)

    def test_entering_the_stage_needs_the_fields(self):
        with self.assertRefused('Expected Revenue', 'Expected Closing'):
            self.lead.write({'stage_id': self.preliminary.id})
        self.assertEqual(self.lead.stage_id, self.initial,
                         'nothing was written')

    def test_a_later_stage_needs_them_too(self):
        with self.assertRefused('Expected Revenue'):
            self.lead.write({'stage_id': self.validated.id,
                             'date_deadline': '2030-01-31'})
        self.lead.write({'stage_id': self.validated.id,
                         'date_deadline': '2030-01-31',
                         'planned_revenue': 5000})
        self.assertEqual(self.lead.stage_id, self.validated)

    def test_create_in_a_later_stage_needs_them(self):
        Lead = self.env['crm.lead']
        with self.assertRefused('Expected Closing'):
            Lead.create({'name': 'Req new', 'stage_id': self.validated.id,
                         'planned_revenue': 10})
        self.assertFalse(Lead.search([('name', '=', 'Req new')]))

    def test_clearing_a_required_field_is_refused(self):
        self.lead.write({'stage_id': self.preliminary.id,
                         'date_deadline': '2030-01-31',
                         'planned_revenue': 5000})
        with self.assertRefused('Expected Revenue'):
            self.lead.write({'planned_revenue': 0})
        self.assertEqual(self.lead.planned_revenue, 5000)

    def test_earlier_stage_needs_nothing(self):
        self.lead.write({'stage_id': self.preliminary.id,
                         'date_deadline': '2030-01-31',
                         'planned_revenue': 5000})
        self.lead.write({'stage_id': self.initial.id,
                         'planned_revenue': 0, 'date_deadline': False})
        self.assertEqual(self.lead.stage_id, self.initial)

    def test_stages_of_another_team_do_not_apply(self):
        # the other team's stage comes earlier, but is not in this funnel
        self.assertNotEqual(self.lead.team_id, self.other_team)
        self.assertEqual(self.lead.stage_required_fields, ',')
        self.env['crm.stage'].create({
            'name': 'Req own team stage', 'sequence': 1999,
            'team_id': self.lead.team_id.id,
            'required_field_ids': [
                (6, 0, self.team_stage.required_field_ids.ids)]})
        self.lead.invalidate_cache()
        self.assertEqual(self.lead.stage_required_fields, ',planned_revenue,')

    def test_form_shows_the_fields_as_required(self):
        self.lead.write({'stage_id': self.preliminary.id,
                         'date_deadline': '2030-01-31',
                         'planned_revenue': 5000})
        self.assertEqual(self.lead.stage_required_fields,
                         ',date_deadline,planned_revenue,')
        arch = self.env['crm.lead'].fields_view_get(
            self.env.ref('crm.crm_case_form_view_oppor').id, 'form')['arch']
        doc = etree.fromstring(arch)
        for name in ('planned_revenue', 'date_deadline'):
            node = doc.xpath("//field[@name='%s']" % name)[0]
            modifiers = json.loads(node.get('modifiers'))
            self.assertEqual(modifiers['required'], stage_requires(name))

    def mobile_required_when(self):
        """Have the "Validated" stage require the mobile phone; return
        the form's condition for it to be required."""
        mobile = self.env['ir.model.fields'].search([
            ('model', '=', 'crm.lead'), ('name', '=', 'mobile')])
        self.validated.required_field_ids = [(4, mobile.id)]
        arch = self.env['crm.lead'].fields_view_get(
            self.env.ref('crm.crm_case_form_view_oppor').id, 'form')['arch']
        node = etree.fromstring(arch).xpath("//field[@name='mobile']")[0]
        return json.loads(node.get('modifiers'))['required']

    def test_any_field_a_stage_requires_shows_as_required(self):
        # a field no view of the addon names: the mobile phone
        self.assertEqual(self.mobile_required_when(),
                         stage_requires('mobile'))
        self.lead.write({'stage_id': self.preliminary.id,
                         'date_deadline': '2030-01-31',
                         'planned_revenue': 5000})
        self.assertNotIn('mobile', self.lead.stage_required_fields)
        with self.assertRefused('Mobile'):
            self.lead.write({'stage_id': self.validated.id})
        self.lead.write({'stage_id': self.validated.id,
                         'mobile': '+84 90 123 4567'})
        self.assertIn(',mobile,', self.lead.stage_required_fields)

    def test_the_web_client_always_gets_a_string(self):
        """The value the form's conditions test, as the web client
        receives it: read for a saved lead, onchange for a new one."""
        Lead = self.env['crm.lead'].with_context(default_type='opportunity')
        no_stage = Lead.create({'name': 'Req no stage', 'stage_id': False})
        self.assertFalse(no_stage.stage_id)
        self.lead.write({'stage_id': self.preliminary.id,
                         'date_deadline': '2030-01-31',
                         'planned_revenue': 5000})
        leads = no_stage | self.lead | Lead.create(
            {'name': 'Req initial', 'stage_id': self.initial.id})
        self.assertEqual(
            [row['stage_required_fields']
             for row in leads.read(['stage_required_fields'])],
            [',', ',date_deadline,planned_revenue,', ','])
        # a new lead: the client asks default_get, then onchange with every
        # field of the form, those without a default as False
        view = Lead.fields_view_get(
            self.env.ref('crm.crm_case_form_view_oppor').id, 'form')
        spec = Lead._onchange_spec(view)
        defaults = Lead.default_get(list(view['fields']))
        values = dict(
            {name: [] if field['type'] in ('one2many', 'many2many')
             else False for name, field in view['fields'].items()},
            **defaults)
        for stage, expected in [(self.env['crm.stage'], ','),
                                (self.initial, ','),
                                (self.preliminary,
                                 ',date_deadline,planned_revenue,')]:
            changed = Lead.onchange(
                dict(values, stage_id=stage.id), [], spec)['value']
            self.assertEqual(changed['stage_required_fields'], expected)
        changed = Lead.onchange(
            dict(values, stage_id=self.preliminary.id,
                 stage_required_fields=','), 'stage_id', spec)['value']
        self.assertEqual(changed['stage_required_fields'],
                         ',date_deadline,planned_revenue,')

    def test_a_fields_own_condition_is_kept(self):
        # a view that already makes the mobile phone required on a
        # condition of two terms: required when that holds, or when the
        # stage requires it
        self.env['ir.ui.view'].create({
            'name': 'Req mobile condition', 'model': 'crm.lead',
            'inherit_id': self.env.ref('crm.crm_case_form_view_oppor').id,
            'arch': '<field name="mobile" position="attributes">'
                    '<attribute name="attrs">{"required": ['
                    '("type", "=", "opportunity"), ("probability", ">", 50)'
                    ']}</attribute></field>'})
        self.assertEqual(
            self.mobile_required_when(),
            ['|', '&', ['type', '=', 'opportunity'], ['probability', '>', 50]]
            + stage_requires('mobile'))


class RefusalContext(object):
    """Expect a ValidationError naming the given field labels, and roll
    back what the refused operation wrote, as the request would."""

    def __init__(self, case, labels):
        self.case = case
        self.labels = labels
        self.savepoint = None

    def __enter__(self):
        self.savepoint = self.case.env.cr.savepoint()
        self.savepoint.__enter__()

    def __exit__(self, exc_type, exc, traceback):
        self.savepoint.__exit__(exc_type, exc, traceback)
        self.case.env.clear()
        self.case.assertIs(exc_type, ValidationError, 'the change is refused')
        for label in self.labels:
            self.case.assertIn(label, str(exc.name))
        return True
