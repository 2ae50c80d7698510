# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import datetime
import json

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase


class TestFunnelData(SavepointCase):
    """crm.lead.get_funnel_data against figures computed by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        salesman_group = cls.env.ref('sales_team.group_sale_salesman')
        manager_group = cls.env.ref('sales_team.group_sale_manager')
        users = cls.env['res.users'].with_context(no_reset_password=True)
        cls.anh = users.create({
            'name': 'A Anh', 'login': 'funnel_anh',
            'groups_id': [(6, 0, [salesman_group.id])]})
        cls.binh = users.create({
            'name': 'B Binh', 'login': 'funnel_binh',
            'groups_id': [(6, 0, [salesman_group.id])]})
        cls.manager = users.create({
            'name': 'Funnel manager', 'login': 'funnel_manager',
            'groups_id': [(6, 0, [manager_group.id])]})
        cls.team = cls.env['crm.team'].create({'name': 'Funnel data team'})
        stages = cls.env['crm.stage']
        cls.first, cls.second, cls.won, cls.lost = [
            stages.create({
                'name': name, 'sequence': sequence, 'probability': prob,
                'fold': fold, 'team_id': cls.team.id, 'on_change': False})
            for name, sequence, prob, fold in [
                ('Funnel first', 1, 20, False),
                ('Funnel second', 2, 60, False),
                ('Funnel won', 3, 100, False),
                ('Funnel lost', 4, 0, True)]]
        other_team = cls.env['crm.team'].create({'name': 'Other team'})

        def lead(user, stage, revenue, probability, **extra):
            values = {
                'name': 'Funnel %s %s' % (user.name, revenue),
                'type': 'opportunity', 'team_id': cls.team.id,
                'user_id': user.id, 'stage_id': stage.id,
                'planned_revenue': revenue, 'probability': probability}
            values.update(extra)
            return cls.env['crm.lead'].create(values)

        lead(cls.anh, cls.first, 1000, 20)
        lead(cls.anh, cls.first, 3000, 30)
        lead(cls.anh, cls.second, 5000, 60)
        anh_won = lead(cls.anh, cls.won, 7000, 100)
        lead(cls.anh, cls.second, 2000, 60).action_set_lost()
        lead(cls.anh, cls.lost, 4000, 0)
        lead(cls.binh, cls.second, 10000, 50)
        binh_won = lead(cls.binh, cls.won, 8000, 100)
        lead(cls.binh, cls.first, 500, 20).action_set_lost()
        # Not counted: a lead, and an opportunity of another team.
        lead(cls.binh, cls.first, 99999, 20, type='lead')
        lead(cls.binh, cls.first, 77777, 20, team_id=other_team.id)
        cls.domain = [('team_id', '=', cls.team.id)]
        # The sales cycle of the won ones, from assignment to closing: 10
        # and 30 days.
        for won, days in ((anh_won, 10), (binh_won, 30)):
            cls.env.cr.execute(
                "UPDATE crm_lead SET date_open = '2026-01-01 09:00:00', "
                "date_closed = %s WHERE id = %s",
                ('2026-01-%02d 09:00:00' % (1 + days), won.id))

    def _stages(self, data):
        return [(s['name'], s['count'], s['expected_revenue'],
                 s['weighted_revenue']) for s in data['stages']]

    def test_team_figures(self):
        data = self.env['crm.lead'].sudo(self.manager).get_funnel_data(
            self.domain)
        self.assertEqual(self._stages(data), [
            ('Funnel first', 2, 4000.0, 1100.0),
            ('Funnel second', 2, 15000.0, 8000.0),
            ('Funnel won', 2, 15000.0, 15000.0),
            ('Funnel lost', 1, 4000.0, 0.0),
        ])
        self.assertEqual([s['stage_id'] for s in data['stages']],
                         [self.first.id, self.second.id, self.won.id,
                          self.lost.id])
        self.assertEqual([s['sequence'] for s in data['stages']],
                         [1, 2, 3, 4])
        # the stages' own names (no other stage has them), and what their
        # opportunities are
        self.assertEqual(
            [(s['label'], s['state']) for s in data['stages']],
            [('Funnel first', 'open'), ('Funnel second', 'open'),
             ('Funnel won', 'won'), ('Funnel lost', 'lost')])
        self.assertEqual(data['totals'], {
            'open_count': 4, 'expected_revenue': 19000.0,
            'weighted_revenue': 9100.0, 'won_count': 2,
            'won_revenue': 15000.0, 'lost_count': 3,
            # 2,000 and 500 marked lost, 4,000 in the lost stage
            'lost_revenue': 6500.0,
            'success_rate': 40.0, 'average_won_revenue': 7500.0,
            'sales_cycle_days': 20.0,
            # 4 open x 7,500 x 40 % / 20 days
            'pipeline_velocity': 600.0})
        self.assertEqual(data['users'], [])
        # The web client receives it as JSON.
        self.assertEqual(json.loads(json.dumps(data)), data)

    def test_breakdown_per_salesperson(self):
        data = self.env['crm.lead'].sudo(self.manager).get_funnel_data(
            self.domain, group_by='user_id')
        self.assertEqual([u['name'] for u in data['users']],
                         ['A Anh', 'B Binh'])
        anh, binh = data['users']
        self.assertEqual(anh['user_id'], self.anh.id)
        self.assertEqual(anh['totals'], {
            'open_count': 3, 'expected_revenue': 9000.0,
            'weighted_revenue': 4100.0, 'won_count': 1,
            'won_revenue': 7000.0, 'lost_count': 2, 'lost_revenue': 6000.0,
            'success_rate': 33.33, 'average_won_revenue': 7000.0,
            'sales_cycle_days': 10.0, 'pipeline_velocity': 700.0})
        self.assertEqual(binh['totals'], {
            'open_count': 1, 'expected_revenue': 10000.0,
            'weighted_revenue': 5000.0, 'won_count': 1,
            'won_revenue': 8000.0, 'lost_count': 1, 'lost_revenue': 500.0,
            'success_rate': 50.0, 'average_won_revenue': 8000.0,
            'sales_cycle_days': 30.0,
            # 1 open x 8,000 x 50 % / 30 days
            'pipeline_velocity': 133.33})
        self.assertEqual(self._stages(binh), [
            ('Funnel first', 0, 0.0, 0.0),
            ('Funnel second', 1, 10000.0, 5000.0),
            ('Funnel won', 1, 8000.0, 8000.0),
            ('Funnel lost', 0, 0.0, 0.0),
        ])
        self.assertEqual(data['totals']['open_count'], 4)

    def test_domain_filters_the_figures(self):
        data = self.env['crm.lead'].sudo(self.manager).get_funnel_data(
            self.domain + [('user_id', '=', self.binh.id)])
        self.assertEqual(data['totals']['open_count'], 1)
        self.assertEqual(data['totals']['success_rate'], 50.0)

    def test_salesperson_sees_only_own_figures(self):
        # "Personal Leads": a salesperson reads their own and unassigned
        # opportunities only, even when asking for the whole team.
        data = self.env['crm.lead'].sudo(self.anh).get_funnel_data(
            self.domain, group_by='user_id')
        self.assertEqual(data['totals'], {
            'open_count': 3, 'expected_revenue': 9000.0,
            'weighted_revenue': 4100.0, 'won_count': 1,
            'won_revenue': 7000.0, 'lost_count': 2, 'lost_revenue': 6000.0,
            'success_rate': 33.33, 'average_won_revenue': 7000.0,
            'sales_cycle_days': 10.0, 'pipeline_velocity': 700.0})
        self.assertEqual([u['user_id'] for u in data['users']],
                         [self.anh.id])
        self.assertEqual(self._stages(data)[1],
                         ('Funnel second', 1, 5000.0, 3000.0))

    def test_no_opportunity(self):
        data = self.env['crm.lead'].get_funnel_data(
            [('id', '=', 0)], group_by='user_id')
        self.assertEqual(data, {
            'stages': [], 'users': [],
            'totals': {'open_count': 0, 'expected_revenue': 0.0,
                       'weighted_revenue': 0.0, 'won_count': 0,
                       'won_revenue': 0.0, 'lost_count': 0,
                       'lost_revenue': 0.0, 'success_rate': 0.0,
                       'average_won_revenue': 0.0, 'sales_cycle_days': 0.0,
                       'pipeline_velocity': 0.0}})

    def test_lost_stage_counts_its_lost(self):
        """A lost opportunity archived in the lost stage (marked lost once
        moved there) counts in that stage and once in the lost ones."""
        self.env['crm.lead'].create({
            'name': 'Funnel lost in its stage', 'type': 'opportunity',
            'team_id': self.team.id, 'user_id': self.binh.id,
            'stage_id': self.lost.id, 'planned_revenue': 300,
            'probability': 0}).action_set_lost()
        data = self.env['crm.lead'].sudo(self.manager).get_funnel_data(
            self.domain)
        self.assertEqual(self._stages(data)[3],
                         ('Funnel lost', 2, 4300.0, 0.0))
        self.assertEqual(
            (data['totals']['lost_count'], data['totals']['lost_revenue'],
             data['totals']['success_rate']), (4, 6800.0, 33.33))
        # the open ones do not change
        self.assertEqual(data['totals']['open_count'], 4)

    def test_unknown_breakdown_refused(self):
        with self.assertRaises(UserError):
            self.env['crm.lead'].get_funnel_data(self.domain,
                                                 group_by='partner_id')


class TestSageDemo(SavepointCase):
    """The demo data reproduces the Sage CRM manual's funnel figures."""

    def test_demo_salesperson_figures(self):
        demo = self.env.ref('base.user_demo')
        team = self.env.ref('crm_funnel_stages.crm_team_sage_demo')
        since = fields.Datetime.to_string(
            datetime.datetime.now() - datetime.timedelta(days=365))
        data = self.env['crm.lead'].sudo(demo).get_funnel_data([
            ('user_id', '=', demo.id), ('team_id', '=', team.id),
            ('create_date', '>=', since)])
        self.assertEqual(data['totals']['open_count'], 9)
        self.assertEqual(data['totals']['expected_revenue'], 414144.0)
        self.assertEqual(data['totals']['success_rate'], 18.33)
        self.assertEqual(
            [(s['name'], s['count']) for s in data['stages']],
            [('Qualified', 4), ('Proposal Submitted', 3), ('Negotiating', 2),
             ('Sale Agreed', 11), ('Sale Lost', 49)])
        # won from 22 to 42 days after they were assigned
        self.assertEqual(data['totals']['sales_cycle_days'], 32.0)
        won_revenue = sum(self.env['crm.lead'].search([
            ('team_id', '=', team.id), ('user_id', '=', demo.id),
            ('stage_id.probability', '=', 100)]).mapped('planned_revenue'))
        self.assertEqual(data['totals']['pipeline_velocity'], round(
            9 * (won_revenue / 11) * (11 / 60.0) / 32.0, 2))

    def test_lost_ones_sit_in_sale_lost(self):
        team = self.env.ref('crm_funnel_stages.crm_team_sage_demo')
        lost = self.env['crm.lead'].with_context(active_test=False).search([
            ('team_id', '=', team.id), ('active', '=', False)])
        self.assertEqual(len(lost), 49)
        self.assertEqual(lost.mapped('stage_id'), self.env.ref(
            'crm_funnel_stages.crm_stage_sage_demo_lost'))
        self.assertEqual(set(lost.mapped('probability')), {0})
        data = self.env['crm.lead'].sudo(self.env.ref(
            'base.user_demo')).get_funnel_data([('team_id', '=', team.id)])
        # won: 9,500 + 11,000 + ... + 24,500 (11 deals, 1,500 apart);
        # lost: 5,250 + 5,500 + ... + 17,250 (49 deals, 250 apart)
        self.assertEqual(
            (data['totals']['won_revenue'], data['totals']['lost_revenue']),
            (11 * (9500 + 24500) / 2.0, 49 * (5250 + 17250) / 2.0))

    def test_stage_history(self):
        """Each Sage demo opportunity went through the stages before the
        one it is in, moved by the demo salesperson."""
        team = self.env.ref('crm_funnel_stages.crm_team_sage_demo')
        demo = self.env.ref('base.user_demo')
        leads = self.env['crm.lead'].with_context(active_test=False).search(
            [('team_id', '=', team.id)])
        self.assertEqual(len(leads), 69)
        History = self.env['crm.lead.stage.history']
        rows = History.search([('lead_id', 'in', leads.ids)],
                              order='date, id')
        self.assertEqual(rows.mapped('user_id'), demo)
        for lead in leads:
            path = rows.filtered(lambda row: row.lead_id == lead)
            self.assertFalse(path[0].stage_from_id)
            self.assertEqual(path[0].stage_to_id.name, 'Qualified')
            self.assertEqual(path[-1].stage_to_id, lead.stage_id, lead.name)
            # dated alike: the demo dates its days at a fixed hour, however
            # long the data file takes to load on a busy machine
            self.assertEqual(path[-1].date, lead.date_last_stage_update)
            for before, row in zip(path, path[1:]):
                self.assertEqual(row.stage_from_id, before.stage_to_id)
                self.assertEqual(row.days_in_stage, (
                    fields.Datetime.from_string(row.date)
                    - fields.Datetime.from_string(before.date)).days)
        # the conversion of the Sage stages, counted from the demo's
        # opportunities: all 69 entered Qualified; 49 moved on from it (the
        # 5 open ones past it, the 11 won, and the 33 lost ones that had
        # reached Proposal Submitted or Negotiating); 29 from Proposal
        # Submitted (2 open, 11 won, 16 lost); 11 from Negotiating (the won)
        groups = self.env['crm.lead.stage.analysis'].read_group(
            [('team_id', '=', team.id)],
            ['stage_id', 'entry_count', 'advanced_count'], ['stage_id'])
        self.assertEqual(
            [(group['stage_id'][1], group['entry_count'],
              group['advanced_count']) for group in groups],
            [('Qualified', 69, 49), ('Proposal Submitted', 49, 29),
             ('Negotiating', 29, 11), ('Sale Agreed', 11, 0),
             ('Sale Lost', 49, 0)])
