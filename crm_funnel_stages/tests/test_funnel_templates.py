# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase


class TestFunnelTemplates(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Stage = cls.env['crm.stage']
        cls.team = cls.env['crm.team'].create({'name': 'Funnel template team'})
        cls.lato = cls.env.ref(
            'crm_funnel_stages.crm_funnel_template_lato')
        cls.sage = cls.env.ref(
            'crm_funnel_stages.crm_funnel_template_sage')
        cls.bands = cls.env.ref(
            'crm_funnel_stages.crm_funnel_template_bands')
        cls.salesman = cls.env['res.users'].create({
            'name': 'Template salesman', 'login': 'template_salesman',
            'groups_id': [(6, 0, [
                cls.env.ref('sales_team.group_sale_salesman').id])],
        })

    def _load(self, template, team=None, on_conflict='error', env=None):
        wizard = (env or self.env)['crm.funnel.template.load'].create({
            'template_id': template.id,
            'team_id': team.id if team else False,
            'on_conflict': on_conflict,
        })
        return wizard.action_load()

    def test_installing_creates_no_stage(self):
        # Only the demo data's own team has Sage stages.
        self.assertFalse(self.Stage.search([
            ('name', 'in', ['Preliminary validation', 'Proposal Submitted',
                            'Upper part of the funnel']),
            ('team_id', '!=', self.env.ref(
                'crm_funnel_stages.crm_team_sage_demo').id)]))

    def test_load_lato_for_a_team(self):
        action = self._load(self.lato, self.team)
        stages = self.Stage.search([('team_id', '=', self.team.id)])
        self.assertEqual(action['domain'], [('id', 'in', stages.ids)])
        self.assertEqual(stages.mapped('name'), [
            'Initial', 'Preliminary validation', 'Validated', 'Proposal',
            'Negotiation', 'Won', 'Lost'])
        self.assertEqual(stages.mapped('probability'),
                         [10, 20, 40, 60, 80, 100, 0])
        self.assertTrue(all(stages.mapped('on_change')))
        self.assertEqual(stages.filtered('fold').mapped('name'), ['Lost'])
        by_name = {stage.name: stage for stage in stages}
        preliminary = by_name['Preliminary validation']
        self.assertEqual(
            sorted(preliminary.required_field_ids.mapped('name')),
            ['date_deadline', 'planned_revenue'])
        self.assertEqual(preliminary.criterion_ids.mapped('name'),
                         ['Need confirmed', 'Budget confirmed'])
        self.assertTrue(all(preliminary.criterion_ids.mapped('required')))
        self.assertEqual(by_name['Validated'].criterion_ids.mapped('name'), [
            'Current pain points', 'Expected outcome',
            'Decision maker identified'])
        self.assertEqual(by_name['Proposal'].criterion_ids.mapped('name'), [
            'Demo or solution given', 'Decision maker interested',
            'Price outlined'])
        self.assertEqual(by_name['Negotiation'].criterion_ids.mapped('name'), [
            'Negotiation closed', 'Contract terms agreed',
            'Contract sent for signature'])
        self.assertFalse(by_name['Initial'].required_field_ids)
        self.assertFalse(by_name['Won'].criterion_ids)

    def test_load_bands(self):
        """The LatoERP manual's five parts of the funnel."""
        self._load(self.bands, self.team)
        stages = self.Stage.search([('team_id', '=', self.team.id)])
        self.assertEqual(stages.mapped('probability'), [10, 25, 50, 75, 100])
        self.assertEqual(stages.mapped('name'), [
            'Top of the funnel', 'Upper part of the funnel',
            'Middle part of the funnel', 'Lower part of the funnel',
            'Bottom of the funnel'])
        # drawn as a funnel from then on
        self.assertEqual(self.team.funnel_chart, 'funnel')

    def test_chart_of_the_template(self):
        self.assertEqual(self.team.funnel_chart, 'bars')
        self._load(self.sage, self.team)
        self.assertEqual(self.team.funnel_chart, 'funnel')
        self._load(self.lato, self.team)
        self.assertEqual(self.team.funnel_chart, 'bars')
        # stages shared by all teams: no team's chart changes
        self.team.funnel_chart = 'funnel'
        self._load(self.lato, on_conflict='skip')
        self.assertEqual(self.team.funnel_chart, 'funnel')

    def test_existing_stage_stops_the_load(self):
        # Odoo's shared "Qualified" stage clashes with Sage's first stage.
        before = self.Stage.search_count([])
        with self.assertRaisesRegex(UserError, 'Qualified'):
            self._load(self.sage)
        self.assertEqual(self.Stage.search_count([]), before)

    def test_existing_stage_kept_when_skipping(self):
        qualified = self.env.ref('crm.stage_lead2')
        probability = qualified.probability
        self._load(self.sage, on_conflict='skip')
        shared = self.Stage.search([
            ('team_id', '=', False),
            ('name', 'in', self.sage.stage_ids.mapped('name'))])
        self.assertEqual(sorted(shared.mapped('name')), sorted([
            'Qualified', 'Proposal Submitted', 'Negotiating', 'Sale Agreed',
            'Sale Lost']))
        self.assertEqual(shared.filtered(
            lambda s: s.name == 'Qualified'), qualified)
        self.assertEqual(qualified.probability, probability)
        lost = shared.filtered(lambda s: s.name == 'Sale Lost')
        self.assertTrue(lost.fold)
        self.assertEqual(lost.probability, 0)
        self.assertEqual(shared.filtered(
            lambda s: s.name == 'Sale Agreed').probability, 100)

    def test_same_template_for_two_teams(self):
        other = self.env['crm.team'].create({'name': 'Second team'})
        self._load(self.bands, self.team)
        self._load(self.bands, other)
        self.assertEqual(self.Stage.search_count(
            [('name', '=', 'Middle part of the funnel')]), 2)
        with self.assertRaises(UserError):
            self._load(self.bands, other)

    def test_translations_follow_the_stages(self):
        self.env['res.lang'].load_lang('vi_VN')
        stage = self.env.ref(
            'crm_funnel_stages.crm_funnel_template_lato_preliminary')
        criterion = self.env.ref(
            'crm_funnel_stages.crm_funnel_template_lato_preliminary_need')
        stage.with_context(lang='vi_VN').name = 'Xác nhận sơ bộ'
        criterion.with_context(lang='vi_VN').name = 'Đã xác nhận nhu cầu'
        manager = self.env['res.users'].create({
            'name': 'Template manager', 'login': 'template_manager',
            'groups_id': [(6, 0, [
                self.env.ref('sales_team.group_sale_manager').id])],
        })
        self._load(self.lato, self.team, env=self.env(user=manager))
        loaded = self.Stage.search([
            ('team_id', '=', self.team.id),
            ('name', '=', 'Preliminary validation')])
        self.assertEqual(len(loaded), 1)
        self.assertEqual(loaded.with_context(lang='vi_VN').name,
                         'Xác nhận sơ bộ')
        self.assertEqual(
            loaded.with_context(lang='vi_VN').criterion_ids[0].name,
            'Đã xác nhận nhu cầu')

    def test_salesman_cannot_load(self):
        with self.assertRaises(AccessError):
            self._load(self.bands, self.team,
                       env=self.env(user=self.salesman))
        self.assertFalse(self.Stage.search(
            [('team_id', '=', self.team.id)]))

    def test_unknown_required_field_refused(self):
        with self.assertRaises(ValidationError):
            self.env['crm.funnel.template.stage'].create({
                'template_id': self.bands.id, 'name': 'Broken',
                'required_fields': 'planned_revenue,no_such_field'})

    def test_load_button_of_the_template_form(self):
        form = self.env['crm.funnel.template'].fields_view_get(
            view_type='form')['arch']
        action = self.env.ref(
            'crm_funnel_stages.crm_funnel_template_load_action')
        self.assertIn('name="%d"' % action.id, form)
        # The button passes the template shown as the wizard's default.
        wizard = self.env['crm.funnel.template.load'].with_context(
            default_template_id=self.bands.id).create(
                {'team_id': self.team.id})
        self.assertEqual(wizard.template_id, self.bands)
        self.assertEqual(wizard.on_conflict, 'error')
