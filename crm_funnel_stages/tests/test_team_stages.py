# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A team with stages of its own works with those only: its pipeline's
columns, its funnel, the stage bar of its opportunities; the shared stages
come back when the team asks for them. Where two stages of the same name
are shown together, each carries its team."""
from odoo.tests.common import SavepointCase


class TestTeamStages(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTeamStages, cls).setUpClass()
        Users = cls.env['res.users'].with_context(no_reset_password=True)
        cls.salesperson = Users.create({
            'name': 'Team stages salesperson', 'login': 'team_stages_sp',
            'groups_id': [(6, 0, [
                cls.env.ref('sales_team.group_sale_salesman').id])]})
        Team = cls.env['crm.team']
        cls.own = Team.create({'name': 'Own stages team'})
        cls.plain = Team.create({'name': 'Shared stages team'})
        Stage = cls.env['crm.stage']
        # the shared stages (of every test database): Odoo's four, and
        # those other addons' demo data may add
        cls.shared = Stage.search([('team_id', '=', False)])
        cls.shared_qualified = cls.env.ref('crm.stage_lead2')
        cls.qualified, cls.signed = [
            Stage.create({'name': name, 'sequence': sequence,
                          'probability': probability, 'team_id': cls.own.id})
            for name, sequence, probability in [
                ('Qualified', 1, 30), ('Signed', 2, 100)]]
        Lead = cls.env['crm.lead']
        cls.own_lead = Lead.create({
            'name': 'Own team lead', 'type': 'opportunity',
            'team_id': cls.own.id, 'stage_id': cls.qualified.id,
            'user_id': cls.salesperson.id, 'planned_revenue': 1000})
        # a lead of the team left in a shared stage (from before its
        # stages were loaded): never hidden
        cls.left_behind = Lead.create({
            'name': 'Own team lead in a shared stage', 'type': 'opportunity',
            'team_id': cls.own.id, 'stage_id': cls.env.ref(
                'crm.stage_lead1').id,
            'user_id': cls.salesperson.id, 'planned_revenue': 500})
        cls.plain_lead = Lead.create({
            'name': 'Shared team lead', 'type': 'opportunity',
            'team_id': cls.plain.id,
            'stage_id': cls.shared_qualified.id,
            'user_id': cls.salesperson.id, 'planned_revenue': 2000})

    def columns(self, team, domain=None):
        """The pipeline's columns for ``team``, as its kanban asks them."""
        groups = self.env['crm.lead'].sudo(self.salesperson).with_context(
            default_team_id=team.id).read_group(
                domain or [('team_id', '=', team.id),
                           ('type', '=', 'opportunity')],
                ['stage_id'], ['stage_id'])
        return [group['stage_id'] for group in groups]

    def test_own_stages_only(self):
        self.assertEqual(self.columns(self.own), [
            (self.env.ref('crm.stage_lead1').id, 'New'),
            (self.qualified.id, 'Qualified'),
            (self.signed.id, 'Signed')])
        # an empty pipeline shows the team's own columns only
        self.left_behind.stage_id = self.qualified
        self.assertEqual(self.columns(self.own), [
            (self.qualified.id, 'Qualified'), (self.signed.id, 'Signed')])

    def test_shared_stages_when_asked(self):
        self.own.show_shared_stages = True
        self.assertEqual(
            [stage_id for stage_id, _name in self.columns(self.own)],
            (self.shared | self.qualified | self.signed).sorted(
                lambda stage: (stage.sequence, stage.id)).ids)
        # the kanban's columns keep the stages' names
        self.assertEqual(dict(self.columns(self.own))[self.qualified.id],
                         'Qualified')

    def test_charts_tell_alike_stages_apart(self):
        # the graph and pivot views group every level at once; in stage
        # order (the team's Qualified comes first)
        groups = self.env['crm.lead'].sudo(self.salesperson).read_group(
            [('id', 'in', (self.own_lead | self.plain_lead).ids)],
            ['stage_id', 'planned_revenue'], ['stage_id'], lazy=False)
        self.assertEqual(
            [(group['stage_id'], group['planned_revenue'])
             for group in groups],
            [((self.qualified.id, 'Qualified (Own stages team)'), 1000),
             ((self.shared_qualified.id, 'Qualified (all teams)'), 2000)])
        # one stage of a name: its name
        groups = self.env['crm.lead'].read_group(
            [('id', 'in', (self.own_lead | self.left_behind).ids)],
            ['stage_id'], ['stage_id'], lazy=False)
        self.assertEqual([group['stage_id'][1] for group in groups],
                         ['New', 'Qualified'])
        # the stage reports too
        History = self.env['crm.lead.stage.history']
        groups = History.read_group(
            [('lead_id', 'in', (self.own_lead | self.plain_lead).ids)],
            ['stage_to_id'], ['stage_to_id'], lazy=False)
        self.assertEqual(
            [group['stage_to_id'][1] for group in groups],
            ['Qualified (Own stages team)', 'Qualified (all teams)'])
        groups = self.env['crm.lead.stage.analysis'].read_group(
            [('lead_id', 'in', (self.own_lead | self.plain_lead).ids)],
            ['stage_id', 'entry_count'], ['stage_id'], lazy=False)
        self.assertEqual(
            [(group['stage_id'][1], group['entry_count'])
             for group in groups],
            [('Qualified (Own stages team)', 1), ('Qualified (all teams)', 1)])

    def test_team_without_stages_sees_the_shared_ones(self):
        self.assertEqual(
            [stage_id for stage_id, _name in self.columns(self.plain)],
            self.shared.sorted(lambda s: (s.sequence, s.id)).ids)
        self.assertEqual(self.plain._stage_domain(), [
            '|', ('team_id', '=', False), ('team_id', 'in', self.plain.ids)])

    def test_form_stage_bar(self):
        self.assertEqual(self.own_lead.team_stage_ids,
                         self.qualified | self.signed)
        self.assertEqual(self.plain_lead.team_stage_ids, self.shared)
        self.own.show_shared_stages = True
        self.own_lead.invalidate_cache(['team_stage_ids'])
        self.assertEqual(self.own_lead.team_stage_ids,
                         self.shared | self.qualified | self.signed)
        view = self.env.ref('crm_funnel_stages.crm_lead_view_form')
        self.assertIn(
            "['|', ('id', '=', stage_id), ('id', 'in', team_stage_ids)]",
            view.arch)

    def test_funnel_of_a_team(self):
        Lead = self.env['crm.lead'].sudo(self.salesperson)
        data = Lead.get_funnel_data([('team_id', '=', self.own.id)])
        self.assertEqual(
            [(stage['label'], stage['state'], stage['count'])
             for stage in data['stages']],
            [('New', 'open', 1), ('Qualified', 'open', 1),
             ('Signed', 'won', 0)])
        self.own.show_shared_stages = True
        data = Lead.get_funnel_data([('team_id', '=', self.own.id)])
        labels = [stage['label'] for stage in data['stages']]
        self.assertIn('Qualified (Own stages team)', labels)
        self.assertIn('Qualified (all teams)', labels)
        self.assertEqual(len(labels), len(self.shared) + 2)

    def test_funnel_of_two_teams(self):
        data = self.env['crm.lead'].sudo(self.salesperson).get_funnel_data(
            [('team_id', 'in', (self.own | self.plain).ids)])
        labels = {stage['stage_id']: stage['label']
                  for stage in data['stages']}
        self.assertEqual(labels[self.qualified.id],
                         'Qualified (Own stages team)')
        self.assertEqual(labels[self.shared_qualified.id],
                         'Qualified (all teams)')
        self.assertEqual(labels[self.signed.id], 'Signed')

    def test_team_form_offers_the_options(self):
        arch = self.env['crm.team'].fields_view_get(
            self.env.ref('sales_team.crm_team_view_form').id)['arch']
        self.assertIn('name="show_shared_stages"', arch)
        self.assertIn('name="funnel_chart"', arch)
