# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Who may do what with the addon's records and methods, under crm's own
rules (no territory): the rows of a lead's funnel record (its criteria
checklist, its stage history) follow the lead's write rights, whatever
rules give them; every public method refuses a caller without the right
before anything is done.
"""
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase

REFUSED = 'The lead does not exist or you are not allowed to change it.'


class FunnelAccessCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(FunnelAccessCase, cls).setUpClass()
        Users = cls.env['res.users'].with_context(no_reset_password=True)

        def user(login, *groups):
            return Users.create({
                'name': login.replace('_', ' ').title(), 'login': login,
                'email': '%s@example.com' % login,
                'groups_id': [(6, 0, [cls.env.ref(group).id
                                      for group in groups])]})
        # "User: Own Documents Only"
        cls.ann = user('access_ann', 'sales_team.group_sale_salesman')
        cls.bob = user('access_bob', 'sales_team.group_sale_salesman')
        cls.funnel_manager = user(
            'access_funnel_manager', 'crm_funnel_stages.group_funnel_manager',
            'sales_team.group_sale_salesman_all_leads')
        cls.manager = user('access_manager', 'sales_team.group_sale_manager')
        # an employee without any sales right
        cls.employee = user('access_employee', 'base.group_user')
        cls.team = cls.env['crm.team'].create({
            'name': 'Access team',
            'member_ids': [(6, 0, (cls.ann | cls.bob).ids)]})
        Stage = cls.env['crm.stage']
        cls.qualify = Stage.create({
            'name': 'Access Qualify', 'sequence': 5001,
            'team_id': cls.team.id,
            'criterion_ids': [(0, 0, {'name': 'Need confirmed'})]})
        cls.propose = Stage.create({
            'name': 'Access Propose', 'sequence': 5002,
            'team_id': cls.team.id})
        cls.need = cls.qualify.criterion_ids
        Lead = cls.env['crm.lead']
        cls.anns_lead = Lead.create({
            'name': 'Access Ann lead', 'type': 'opportunity',
            'user_id': cls.ann.id, 'team_id': cls.team.id,
            'stage_id': cls.qualify.id})
        cls.bobs_lead = Lead.create({
            'name': 'Access Bob lead', 'type': 'opportunity',
            'user_id': cls.bob.id, 'team_id': cls.team.id,
            'stage_id': cls.qualify.id})
        # no lead has this id
        cls.env.cr.execute('SELECT COALESCE(MAX(id), 0) + 1000 FROM crm_lead')
        cls.missing_id = cls.env.cr.fetchone()[0]

    def refusal(self, call, *args):
        """The message of the AccessError ``call(*args)`` raises; what it
        did is rolled back, as the request's would be."""
        with self.assertRaises(AccessError) as caught, \
                self.env.cr.savepoint():
            call(*args)
        self.env.clear()
        return caught.exception.name

    def lock_leads(self):
        """A rule of crm.lead, as another addon may add (territories):
        nobody but the superuser may change a lead whose name says it is
        locked, everyone may still read it."""
        self.env['ir.rule'].create({
            'name': 'Locked leads are read-only',
            'model_id': self.env.ref('crm.model_crm_lead').id,
            'domain_force': "[('name', 'not like', 'Locked')]",
            'perm_read': False, 'perm_create': False,
            'perm_write': True, 'perm_unlink': False})


class TestCriterionChecksFollowTheLead(FunnelAccessCase):
    """Ticking a criterion moves a lead through its gate: only someone who
    may change the lead may tick it, neither by creating a row on it nor
    by moving one of their own rows onto it."""

    def setUp(self):
        super(TestCriterionChecksFollowTheLead, self).setUp()
        self.Check = self.env['crm.lead.criterion.check'].sudo(self.ann)
        self.assertTrue(self.Check.search(
            [('lead_id', '=', self.anns_lead.id)]))
        self.assertFalse(self.Check.search(
            [('lead_id', '=', self.bobs_lead.id)]),
            "Ann does not see the checklist of Bob's lead")

    def test_ticking_her_own_lead(self):
        row = self.anns_lead.current_criterion_check_ids
        self.anns_lead.sudo(self.ann).write({
            'current_criterion_check_ids': [(1, row.id, {'done': True})]})
        self.assertTrue(row.done)
        self.assertEqual(row.user_id, self.ann)
        self.anns_lead.sudo(self.ann).stage_id = self.propose
        self.assertEqual(self.anns_lead.stage_id, self.propose)

    def late_criterion(self):
        """A criterion of the stage Bob's lead lacks the row of (deleted,
        or the lead entered its stage in SQL), that Ann's lead has."""
        late = self.env['crm.stage.criterion'].create({
            'stage_id': self.qualify.id, 'name': 'Met the buyer'})
        self.bobs_lead.criterion_check_ids.filtered(
            lambda check: check.criterion_id == late).unlink()
        return late

    def test_create_on_a_colleagues_lead_answers_as_on_no_lead(self):
        # a criterion Bob's lead has no row for, one it has a row for, and
        # no lead at all
        late = self.late_criterion()
        answers = [self.refusal(self.Check.create, {
            'lead_id': lead_id, 'criterion_id': criterion.id,
            'done': True})
            for lead_id, criterion in [(self.bobs_lead.id, late),
                                       (self.bobs_lead.id, self.need),
                                       (self.missing_id, self.need)]]
        self.assertEqual(answers, [REFUSED] * 3)
        self.assertFalse(self.bobs_lead.criterion_check_ids.filtered('done'))

    def test_moving_her_row_onto_a_colleagues_lead(self):
        late = self.late_criterion()
        row = self.anns_lead.criterion_check_ids.filtered(
            lambda check: check.criterion_id == late).sudo(self.ann)
        row.done = True
        self.assertEqual(self.refusal(row.write, {
            'lead_id': self.bobs_lead.id}), REFUSED)
        self.assertEqual(self.refusal(row.write, {
            'lead_id': self.missing_id}), REFUSED)
        self.assertEqual(row.lead_id, self.anns_lead)
        # Bob's lead still waits at its gate
        self.bobs_lead.current_criterion_check_ids.write({'done': True})
        with self.assertRaisesRegex(UserError, 'Met the buyer'):
            self.bobs_lead.sudo(self.bob).stage_id = self.propose

    def test_a_colleagues_row_stays_untouched(self):
        row = self.bobs_lead.current_criterion_check_ids.sudo(self.ann)
        self.refusal(row.write, {'done': True})
        self.refusal(row.unlink)
        self.assertFalse(row.sudo().done)

    def test_ticking_follows_the_leads_write_rules(self):
        # whatever rule keeps Ann from changing her lead (a territory's)
        # keeps her from ticking its criteria
        self.lock_leads()
        self.anns_lead.name = 'Locked Ann lead'
        row = self.anns_lead.current_criterion_check_ids.sudo(self.ann)
        self.assertEqual(self.refusal(row.write, {'done': True}), REFUSED)
        self.assertEqual(self.refusal(row.unlink), REFUSED)
        self.assertFalse(row.sudo().done)


class TestStageHistoryFollowsTheLead(FunnelAccessCase):
    """A stage change belongs to the lead's record: a Sales Manager writing
    history by hand may only do so on a lead they may change."""

    def setUp(self):
        super(TestStageHistoryFollowsTheLead, self).setUp()
        self.lock_leads()
        self.locked = self.env['crm.lead'].create({
            'name': 'Locked lead', 'type': 'opportunity',
            'team_id': self.team.id, 'stage_id': self.qualify.id})
        self.History = self.env['crm.lead.stage.history'].sudo(self.manager)

    def values(self, lead_id):
        return {'lead_id': lead_id, 'stage_from_id': self.qualify.id,
                'stage_to_id': self.propose.id, 'forward': True}

    def test_create_on_a_lead_out_of_reach_answers_as_on_no_lead(self):
        self.assertEqual(
            [self.refusal(self.History.create, self.values(lead_id))
             for lead_id in (self.locked.id, self.missing_id)],
            [REFUSED] * 2)
        self.assertEqual(len(self.locked.stage_history_ids), 1)
        # on a lead the manager may change, it is recorded
        row = self.History.create(self.values(self.bobs_lead.id))
        self.assertIn(row, self.bobs_lead.stage_history_ids)

    def test_moving_a_row_onto_a_lead_out_of_reach(self):
        row = self.History.create(self.values(self.bobs_lead.id))
        self.assertEqual(self.refusal(row.write, {
            'lead_id': self.locked.id}), REFUSED)
        self.assertEqual(self.refusal(row.write, {
            'lead_id': self.missing_id}), REFUSED)
        self.assertEqual(row.lead_id, self.bobs_lead)
        locked_row = self.locked.stage_history_ids.sudo(self.manager)
        self.assertEqual(self.refusal(locked_row.write, {
            'lead_id': self.bobs_lead.id}), REFUSED)
        self.assertEqual(self.refusal(locked_row.unlink), REFUSED)
        self.assertTrue(locked_row.sudo().exists())

    def test_salesman_writes_no_history(self):
        history = self.env['crm.lead.stage.history'].sudo(self.ann)
        self.refusal(history.create, self.values(self.anns_lead.id))
        self.assertEqual(len(self.anns_lead.stage_history_ids), 1)


class TestPublicMethodsCheckRights(FunnelAccessCase):
    """Each public method of the addon, called by someone who must be
    refused: refused with an AccessError, before it does anything."""

    def test_load_template_needs_a_sales_manager(self):
        Load = self.env['crm.funnel.template.load'].sudo(self.ann)
        before = self.env['crm.stage'].search_count([])
        # Sage's "Qualified" exists among the shared stages: a salesman
        # learns nothing about the stages from the refusal either
        for template, team in [('sage', False), ('bands', self.team.id)]:
            wizard = Load.create({
                'template_id': self.env.ref(
                    'crm_funnel_stages.crm_funnel_template_' + template).id,
                'team_id': team})
            self.assertIn('Sales Manager', self.refusal(wizard.action_load))
        self.assertEqual(self.env['crm.stage'].search_count([]), before)

    def test_funnel_data_needs_read_access_to_leads(self):
        Lead = self.env['crm.lead'].sudo(self.employee)
        self.refusal(Lead.get_funnel_data, [], 'team_id')
        self.refusal(Lead.get_funnel_data, [])

    def test_form_layout_needs_read_access_to_leads(self):
        self.refusal(self.env['crm.lead'].sudo(self.employee).fields_view_get,
                     None, 'form')

    def test_create_needs_create_access_to_leads(self):
        self.refusal(self.env['crm.lead'].sudo(self.employee).create, {
            'name': 'Access employee lead', 'stage_id': self.qualify.id})

    def test_moving_a_lead_needs_write_access_first(self):
        # the funnel manager may read the locked lead and override its
        # gate, but may not change it: refused before the override is
        # posted in its chatter
        self.lock_leads()
        self.anns_lead.name = 'Locked Ann lead'
        lead = self.anns_lead.sudo(self.funnel_manager)
        messages = len(lead.message_ids)
        # not rolled back: what was done before the refusal stays visible
        with self.assertRaises(AccessError):
            lead.write({'stage_id': self.propose.id})
        self.anns_lead.invalidate_cache()
        self.assertEqual(self.anns_lead.stage_id, self.qualify)
        self.assertEqual(len(self.anns_lead.message_ids), messages)
        # the same stage again changes nothing, and is refused as well
        self.refusal(lead.write, {'stage_id': self.qualify.id})

    def test_resequence_needs_a_sales_manager(self):
        stages = self.qualify | self.propose
        self.refusal(self.env['crm.stage'].sudo(self.ann).resequence,
                     list(reversed(stages.ids)))
        self.assertLess(self.qualify.sequence, self.propose.sequence)
