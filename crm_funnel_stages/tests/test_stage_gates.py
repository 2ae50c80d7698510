# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase


class TestStageGates(SavepointCase):
    """A lead leaves its stage forward only once the stage's required
    criteria are checked, whatever the path; funnel managers may override,
    and the override shows in the chatter."""

    @classmethod
    def setUpClass(cls):
        super(TestStageGates, cls).setUpClass()
        Stage = cls.env['crm.stage']
        cls.qualify = Stage.create({'name': 'Gate Qualify', 'sequence': 1001})
        cls.propose = Stage.create({'name': 'Gate Propose', 'sequence': 1002})
        cls.close = Stage.create({'name': 'Gate Close', 'sequence': 1003})
        Criterion = cls.env['crm.stage.criterion']
        cls.need = Criterion.create({
            'stage_id': cls.qualify.id, 'name': 'Need confirmed',
            'sequence': 1})
        cls.budget = Criterion.create({
            'stage_id': cls.qualify.id, 'name': 'Budget confirmed',
            'sequence': 2})
        cls.nice = Criterion.create({
            'stage_id': cls.qualify.id, 'name': 'Met the team',
            'sequence': 3, 'required': False})
        cls.demo = Criterion.create({
            'stage_id': cls.propose.id, 'name': 'Demo given'})
        Users = cls.env['res.users'].with_context(no_reset_password=True)
        cls.salesman = Users.create({
            'name': 'Gate Salesman', 'login': 'gate_salesman',
            'email': 'gate.salesman@example.com',
            'groups_id': [(6, 0, [
                cls.env.ref('sales_team.group_sale_salesman').id])]})
        cls.funnel_manager = Users.create({
            'name': 'Gate Funnel Manager', 'login': 'gate_funnel_manager',
            'email': 'gate.manager@example.com',
            'groups_id': [(6, 0, [
                cls.env.ref('crm_funnel_stages.group_funnel_manager').id,
                cls.env.ref('sales_team.group_sale_salesman_all_leads').id,
            ])]})
        cls.lead = cls.env['crm.lead'].sudo(cls.salesman).create({
            'name': 'Gate lead', 'type': 'opportunity',
            'user_id': cls.salesman.id, 'stage_id': cls.qualify.id})

    def check(self, lead, *criteria):
        lead.current_criterion_check_ids.filtered(
            lambda check: check.criterion_id in criteria).write({'done': True})

    def test_checklist_of_the_current_stage(self):
        checks = self.lead.current_criterion_check_ids
        self.assertEqual(checks.mapped('criterion_id'),
                         self.need | self.budget | self.nice)
        self.assertFalse(any(checks.mapped('done')))
        self.check(self.lead, self.need)
        done = checks.filtered('done')
        self.assertEqual(done.criterion_id, self.need)
        self.assertEqual(done.user_id, self.salesman)
        self.assertTrue(done.date)
        done.write({'done': False})
        self.assertFalse(done.user_id)
        self.assertFalse(done.date)

    def test_forward_refused_while_required_unchecked(self):
        self.check(self.lead, self.need, self.nice)
        with self.assertRaises(UserError) as refusal:
            self.lead.write({'stage_id': self.propose.id})
        message = str(refusal.exception.name)
        self.assertIn('Budget confirmed', message)
        self.assertNotIn('Need confirmed', message)
        self.assertNotIn('Met the team', message)
        self.assertEqual(self.lead.stage_id, self.qualify)
        # jumping further forward is refused the same way
        with self.assertRaises(UserError):
            self.lead.write({'stage_id': self.close.id})

    def test_forward_allowed_once_required_checked(self):
        self.check(self.lead, self.need, self.budget)
        self.lead.write({'stage_id': self.propose.id})
        self.assertEqual(self.lead.stage_id, self.propose)
        self.assertEqual(
            self.lead.current_criterion_check_ids.mapped('criterion_id'),
            self.demo, "the checklist now shows the new stage's criteria")

    def test_backward_allowed_and_checks_kept(self):
        self.check(self.lead, self.need, self.budget)
        self.lead.write({'stage_id': self.propose.id})
        # Demo given is unchecked, yet going back is always allowed
        self.lead.write({'stage_id': self.qualify.id})
        self.assertEqual(self.lead.stage_id, self.qualify)
        self.assertEqual(
            self.lead.current_criterion_check_ids.filtered('done')
            .mapped('criterion_id'), self.need | self.budget)

    def test_criterion_added_later_can_be_checked(self):
        # a consultant adds a criterion to a stage leads are in already:
        # it is on their checklist, to tick, not a gate nobody can pass
        elsewhere = self.env['crm.lead'].create({
            'name': 'Gate lead elsewhere', 'stage_id': self.propose.id})
        self.check(self.lead, self.need, self.budget)
        signed = self.env['crm.stage.criterion'].create({
            'stage_id': self.qualify.id, 'name': 'NDA signed'})
        checks = self.lead.current_criterion_check_ids
        self.assertEqual(checks.filtered(
            lambda check: check.criterion_id == signed).mapped('done'),
            [False])
        self.assertEqual(len(checks.filtered('done')), 2, 'checks kept')
        self.assertNotIn(signed, elsewhere.criterion_check_ids.mapped(
            'criterion_id'))
        lead = self.lead.sudo(self.salesman)
        with self.assertRaisesRegex(UserError, 'NDA signed'):
            lead.write({'stage_id': self.propose.id})
        self.check(lead, signed)
        lead.write({'stage_id': self.propose.id})
        self.assertEqual(self.lead.stage_id, self.propose)

    def test_many_leads_refused_as_a_whole(self):
        Lead = self.env['crm.lead'].sudo(self.salesman)
        ready = Lead.create({'name': 'Ready', 'stage_id': self.qualify.id,
                             'user_id': self.salesman.id})
        self.check(ready, self.need, self.budget)
        with self.assertRaises(UserError) as refusal:
            (ready | self.lead).write({'stage_id': self.propose.id})
        self.assertIn('Gate lead', str(refusal.exception.name))
        self.assertNotIn('Ready', str(refusal.exception.name))
        self.assertEqual((ready | self.lead).mapped('stage_id'),
                         self.qualify)

    def test_rpc_write_refused(self):
        from odoo.api import call_kw
        with self.assertRaises(UserError):
            call_kw(self.env['crm.lead'].sudo(self.salesman), 'write',
                    [[self.lead.id], {'stage_id': self.propose.id}], {})
        self.assertEqual(self.lead.stage_id, self.qualify)

    def test_import_refused(self):
        self.env['ir.model.data'].create({
            'module': '__import__', 'name': 'gate_lead',
            'model': 'crm.lead', 'res_id': self.lead.id})
        result = self.env['crm.lead'].sudo(self.salesman).load(
            ['id', 'stage_id/.id'],
            [['__import__.gate_lead', str(self.propose.id)]])
        self.assertFalse(result['ids'])
        self.assertIn('Need confirmed',
                      ' '.join(msg['message'] for msg in result['messages']))
        self.assertEqual(self.lead.stage_id, self.qualify)

    def test_funnel_manager_overrides_and_chatter_says_so(self):
        lead = self.lead.sudo(self.funnel_manager)
        lead.write({'stage_id': self.propose.id})
        self.assertEqual(self.lead.stage_id, self.propose)
        bodies = ' '.join(self.lead.message_ids.mapped('body'))
        self.assertIn('Gate Funnel Manager', bodies)
        self.assertIn('Need confirmed', bodies)
        self.assertIn('Budget confirmed', bodies)
        self.assertNotIn('Met the team', bodies)
