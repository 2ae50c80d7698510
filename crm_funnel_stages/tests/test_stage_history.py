# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class TestStageHistory(SavepointCase):
    """Every stage change leaves a history row (from, to, who, when, days
    spent in the stage left, forward or back), readable by those who may
    read the lead, and averaged in the analysis."""

    @classmethod
    def setUpClass(cls):
        super(TestStageHistory, cls).setUpClass()
        Stage = cls.env['crm.stage']
        cls.first = Stage.create({'name': 'Hist First', 'sequence': 4001})
        cls.second = Stage.create({'name': 'Hist Second', 'sequence': 4002})
        cls.third = Stage.create({'name': 'Hist Third', 'sequence': 4003})
        Users = cls.env['res.users'].with_context(no_reset_password=True)
        salesman = cls.env.ref('sales_team.group_sale_salesman').id
        cls.ann = Users.create({
            'name': 'Hist Ann', 'login': 'hist_ann',
            'email': 'hist.ann@example.com',
            'groups_id': [(6, 0, [salesman])]})
        cls.bob = Users.create({
            'name': 'Hist Bob', 'login': 'hist_bob',
            'email': 'hist.bob@example.com',
            'groups_id': [(6, 0, [salesman])]})
        Lead = cls.env['crm.lead']
        cls.lead = Lead.create({
            'name': 'Hist lead', 'type': 'opportunity',
            'user_id': cls.ann.id, 'stage_id': cls.first.id})
        cls.bobs_lead = Lead.create({
            'name': 'Hist Bob lead', 'type': 'opportunity',
            'user_id': cls.bob.id, 'stage_id': cls.first.id})

    def entered_days_ago(self, leads, days):
        leads.write({'date_last_stage_update': fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now())
            - timedelta(days=days))})

    def test_entering_the_first_stage(self):
        row = self.lead.stage_history_ids
        self.assertEqual(len(row), 1)
        self.assertFalse(row.stage_from_id)
        self.assertEqual(row.stage_to_id, self.first)
        self.assertTrue(row.forward)

    def test_forward_and_back(self):
        self.entered_days_ago(self.lead, 3)
        self.lead.sudo(self.ann).write({'stage_id': self.third.id})
        row = self.lead.stage_history_ids[0]
        self.assertEqual((row.stage_from_id, row.stage_to_id),
                         (self.first, self.third))
        self.assertEqual(row.user_id, self.ann)
        self.assertEqual(row.team_id, self.lead.team_id)
        self.assertTrue(row.forward)
        self.assertAlmostEqual(row.days_in_stage, 3, places=2)

        self.entered_days_ago(self.lead, 1.5)
        self.lead.write({'stage_id': self.second.id})
        row = self.lead.stage_history_ids[0]
        self.assertEqual((row.stage_from_id, row.stage_to_id),
                         (self.third, self.second))
        self.assertFalse(row.forward, 'going back is recorded as such')
        self.assertAlmostEqual(row.days_in_stage, 1.5, places=2)
        self.assertEqual(len(self.lead.stage_history_ids), 3)

    def test_no_row_without_a_stage_change(self):
        self.lead.write({'stage_id': self.first.id, 'name': 'Hist renamed'})
        self.assertEqual(len(self.lead.stage_history_ids), 1)

    def test_many_leads_at_once(self):
        leads = self.lead | self.bobs_lead
        self.entered_days_ago(self.lead, 2)
        self.entered_days_ago(self.bobs_lead, 4)
        leads.write({'stage_id': self.second.id})
        rows = self.env['crm.lead.stage.history'].search([
            ('lead_id', 'in', leads.ids), ('stage_to_id', '=', self.second.id)])
        self.assertEqual(rows.mapped('lead_id'), leads)
        self.assertEqual(sorted(round(d, 2) for d in
                                rows.mapped('days_in_stage')), [2, 4])
        groups = self.env['crm.lead.stage.history'].read_group(
            [('id', 'in', rows.ids)], ['stage_from_id', 'days_in_stage'],
            ['stage_from_id'])
        self.assertAlmostEqual(groups[0]['days_in_stage'], 3, places=2)

    def test_salesman_reads_only_the_history_of_his_leads(self):
        (self.lead | self.bobs_lead).write({'stage_id': self.second.id})
        History = self.env['crm.lead.stage.history']
        seen = History.sudo(self.ann).search([
            ('lead_id', 'in', (self.lead | self.bobs_lead).ids)])
        self.assertEqual(seen.mapped('lead_id'), self.lead)
        self.assertEqual(len(seen), 2)
