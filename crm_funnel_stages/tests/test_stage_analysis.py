# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import datetime

from odoo import fields
from odoo.tests.common import SavepointCase


class TestStageAnalysis(SavepointCase):
    """Conversion from each stage to the next and days in each stage, read
    from the stage history as the Stage Conversion report shows them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.env['res.users'].with_context(no_reset_password=True)
        cls.salesman = users.create({
            'name': 'Analysis salesman', 'login': 'analysis_salesman',
            'groups_id': [(6, 0, [
                cls.env.ref('sales_team.group_sale_salesman').id])]})
        cls.manager = users.create({
            'name': 'Analysis manager', 'login': 'analysis_manager',
            'groups_id': [(6, 0, [
                cls.env.ref('sales_team.group_sale_manager').id])]})
        cls.team = cls.env['crm.team'].create({'name': 'Analysis team'})
        cls.first, cls.second, cls.third, cls.lost = [
            cls.env['crm.stage'].create({
                'name': name, 'sequence': sequence, 'probability': prob,
                'fold': fold, 'team_id': cls.team.id})
            for name, sequence, prob, fold in [
                ('Analysis first', 1, 10, False),
                ('Analysis second', 2, 40, False),
                ('Analysis third', 3, 80, False),
                ('Analysis lost', 4, 0, True)]]
        start = datetime.datetime(2026, 3, 2, 9, 0, 0)

        def opportunity(name, user, moves):
            """Create an opportunity in the first stage, move it through
            ``moves`` (stage, days after start) and date its history."""
            lead = cls.env['crm.lead'].create({
                'name': name, 'type': 'opportunity', 'user_id': user.id,
                'team_id': cls.team.id, 'stage_id': cls.first.id})
            for stage, _days in moves:
                lead.write({'stage_id': stage.id})
            history = lead.stage_history_ids.sorted(
                lambda row: (row.date, row.id))
            for row, days in zip(history, [0] + [d for _s, d in moves]):
                cls.env.cr.execute(
                    "UPDATE crm_lead_stage_history SET date = %s "
                    "WHERE id = %s", (fields.Datetime.to_string(
                        start + datetime.timedelta(days=days)), row.id))
            return lead

        # through every stage: 4 days in the first, 6 in the second
        opportunity('Through', cls.salesman,
                    [(cls.second, 4), (cls.third, 10)])
        # forward, then back: 2 days in the first, 3 in the second
        opportunity('Back', cls.salesman,
                    [(cls.second, 2), (cls.first, 5)])
        # lost from the first stage after 8 days: no conversion
        opportunity('Lost', cls.manager, [(cls.lost, 8)])
        # still in the first stage
        opportunity('Waiting', cls.manager, [])
        cls.env['crm.lead.stage.analysis'].invalidate_cache()
        cls.domain = [('team_id', '=', cls.team.id),
                      ('is_current', '=', False)]

    def _per_stage(self, user, domain):
        groups = self.env['crm.lead.stage.analysis'].sudo(user).read_group(
            domain, ['stage_id', 'entry_count', 'advanced_count',
                     'conversion_rate', 'days_in_stage'], ['stage_id'])
        return {group['stage_id'][1]: (
            group['entry_count'], group['advanced_count'],
            round(group['conversion_rate'], 2),
            round(group['days_in_stage'], 2)) for group in groups}

    def test_conversion_and_days_per_stage(self):
        # stays that ended: first stage left 3 times (Through and Back
        # forward, Lost to the lost stage), second stage twice (Through
        # forward, Back backward)
        self.assertEqual(self._per_stage(self.manager, self.domain), {
            'Analysis first': (3, 2, 66.67, round((4 + 2 + 8) / 3.0, 2)),
            'Analysis second': (2, 1, 50.0, 4.5),
        })

    def test_current_stays_count_as_entries(self):
        analysis = self._per_stage(
            self.manager, [('team_id', '=', self.team.id)])
        # the first stage was entered 5 times: 4 creations and Back's
        # return; the lost stage once, the third stage once
        self.assertEqual(analysis['Analysis first'][:3], (5, 2, 40.0))
        self.assertEqual(analysis['Analysis third'][:2], (1, 0))
        self.assertEqual(analysis['Analysis lost'][:2], (1, 0))

    def test_next_stage_and_still_in_stage(self):
        stays = self.env['crm.lead.stage.analysis'].search(
            [('team_id', '=', self.team.id), ('lead_id.name', '=', 'Back')],
            order='date')
        self.assertEqual(
            [(s.stage_id, s.next_stage_id, s.is_current) for s in stays],
            [(self.first, self.second, False),
             (self.second, self.first, False),
             (self.first, self.env['crm.stage'], True)])

    def test_salesperson_sees_own_leads_only(self):
        # the salesman's two opportunities: Through and Back
        self.assertEqual(self._per_stage(self.salesman, self.domain), {
            'Analysis first': (2, 2, 100.0, 3.0),
            'Analysis second': (2, 1, 50.0, 4.5),
        })
