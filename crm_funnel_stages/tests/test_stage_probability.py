# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.api import call_kw
from odoo.tests.common import SavepointCase


class TestStageProbability(SavepointCase):
    """Moving into a stage that changes probability automatically sets the
    stage's probability; a probability typed by hand is kept until the
    lead changes stage again; through the form, a kanban drag and RPC."""

    @classmethod
    def setUpClass(cls):
        super(TestStageProbability, cls).setUpClass()
        Stage = cls.env['crm.stage']
        cls.qualified = Stage.create({
            'name': 'Prob Qualified', 'sequence': 3001,
            'probability': 25, 'on_change': True})
        cls.proposal = Stage.create({
            'name': 'Prob Proposal', 'sequence': 3002,
            'probability': 50, 'on_change': True})
        cls.manual = Stage.create({
            'name': 'Prob Manual', 'sequence': 3003,
            'probability': 90, 'on_change': False})
        cls.lead = cls.env['crm.lead'].create({
            'name': 'Prob lead', 'type': 'opportunity',
            'stage_id': cls.qualified.id})

    def rpc_write(self, vals):
        call_kw(self.env['crm.lead'], 'write', [[self.lead.id], vals], {})

    def test_created_in_a_stage(self):
        self.assertEqual(self.lead.probability, 25)

    def test_form_change_of_stage(self):
        # what the form does: the onchange, then saving its values
        values = self.lead.onchange(
            {'stage_id': self.proposal.id, 'probability': 25},
            'stage_id', {'stage_id': '1', 'probability': '1'})['value']
        self.assertEqual(values['probability'], 50)
        self.lead.write({'stage_id': self.proposal.id,
                         'probability': values['probability']})
        self.assertEqual(self.lead.probability, 50)
        # the salesperson then types a probability and saves the form
        self.lead.write({'probability': 60})
        self.assertEqual(self.lead.probability, 60)

    def test_kanban_drag_sets_the_stage_probability(self):
        self.lead.write({'probability': 33})
        self.lead.write({'stage_id': self.proposal.id})
        self.assertEqual(self.lead.probability, 50)

    def test_hand_typed_probability_kept_until_the_stage_changes(self):
        self.rpc_write({'probability': 40})
        self.rpc_write({'name': 'Prob lead renamed'})
        self.assertEqual(self.lead.probability, 40)
        # writing the stage the lead is already in is no stage change
        self.rpc_write({'stage_id': self.qualified.id})
        self.assertEqual(self.lead.probability, 40)
        self.rpc_write({'stage_id': self.proposal.id})
        self.assertEqual(self.lead.probability, 50)
        # back to an earlier stage: its probability again
        self.rpc_write({'stage_id': self.qualified.id})
        self.assertEqual(self.lead.probability, 25)

    def test_stage_without_automatic_probability(self):
        self.rpc_write({'probability': 40})
        self.rpc_write({'stage_id': self.manual.id})
        self.assertEqual(self.lead.probability, 40)
        self.assertEqual(self.lead.stage_id, self.manual)
