# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The CRM pipeline in a real browser, as the demo salesperson sees it.

Headless Chromium (testing/browser_harness) on the in-process test server, in
the test's transaction: nothing the browser does is committed.
"""
import pytest

from odoo.addons.crm_leads_ext.tests.harness import ChromiumCase

# the kanban columns and their cards, as the page shows them
READ_PIPELINE_JS = r"""
var groups = document.querySelectorAll('.o_kanban_view .o_kanban_group');
return Array.prototype.map.call(groups, function (group) {
    var records = group.querySelectorAll('.o_kanban_record:not(.o_kanban_ghost)');
    return {
        id: parseInt(group.getAttribute('data-id'), 10) || false,
        title: group.querySelector('.o_column_title').textContent.trim(),
        folded: group.classList.contains('o_column_folded'),
        cards: Array.prototype.map.call(records, function (card) {
            var widget = jQuery(card).data('record');
            var title = card.querySelector('.o_kanban_record_title');
            return {id: widget && widget.id,
                    title: (title || card).textContent.trim()};
        }),
    };
});
"""

FIND_CARD_JS = r"""
var cards = document.querySelectorAll('.o_kanban_view .o_kanban_record');
for (var i = 0; i < cards.length; i++) {
    var widget = jQuery(cards[i]).data('record');
    if (widget && widget.id === arguments[0]) { return cards[i]; }
}
return null;
"""


@pytest.mark.browser
class TestPipelineInBrowser(ChromiumCase):

    def setUp(self):
        super(TestPipelineInBrowser, self).setUp()
        self.demo = self.env.ref('base.user_demo')
        self.assertEqual(self.demo.login, 'demo')

    def expected_pipeline(self):
        """The columns and cards the pipeline must show the demo user.

        Read from the database: the stages of no sales team or of the demo
        user's team, plus any stage holding one of their opportunities
        (crm.lead's stage group expansion), in stage order; and the demo
        user's own opportunities, searched as the demo user.
        """
        team = self.demo.sale_team_id
        leads = self.env['crm.lead'].sudo(self.demo).search([
            ('type', '=', 'opportunity'), ('user_id', '=', self.demo.id)])
        stages = self.env['crm.stage'].search([
            '|', '|', ('id', 'in', leads.mapped('stage_id').ids),
            ('team_id', '=', False), ('team_id', '=', team.id)])
        return [(stage, leads.filtered(lambda lead: lead.stage_id == stage))
                for stage in stages]

    def read_pipeline(self):
        return self.driver.execute_script(READ_PIPELINE_JS)

    def test_demo_salesperson_pipeline(self):
        expected = self.expected_pipeline()
        self.assertGreaterEqual(len(expected), 2, 'the demo data has stages')
        self.assertTrue(any(leads for stage, leads in expected),
                        'the demo salesperson has opportunities')

        self.browser.login('demo', 'demo')
        self.browser.open_menu('crm.crm_menu_root')
        self.browser.wait_for('.o_kanban_view .o_kanban_group')
        self.browser.save_evidence(self.evidence_name('pipeline'))

        shown = self.read_pipeline()
        # the columns: the stages, in order, by name
        self.assertEqual([column['id'] for column in shown],
                         [stage.id for stage, leads in expected])
        for column, (stage, leads) in zip(shown, expected):
            if column['folded']:
                self.assertEqual(column['title'], '%s (%d)' % (stage.name, len(leads)))
                continue
            self.assertEqual(column['title'], stage.name)
            # the cards: the demo user's opportunities in that stage
            self.assertEqual(sorted(card['id'] for card in column['cards']),
                             sorted(leads.ids), 'cards of column %s' % stage.name)
            self.assertEqual(sorted(card['title'] for card in column['cards']),
                             sorted(leads.mapped('name')))

        # drag a card of the first column that has one into the next column
        index = next(i for i, (stage, leads) in enumerate(expected)
                     if leads and i + 1 < len(expected))
        lead = expected[index][1][0]
        source_stage, target_stage = expected[index][0], expected[index + 1][0]
        card = self.driver.execute_script(FIND_CARD_JS, lead.id)
        target = self.driver.find_element(
            'css selector', '.o_kanban_group[data-id="%d"]' % target_stage.id)
        self.browser.drag_and_drop(card, target)
        self.browser.save_evidence(self.evidence_name('after-drag'))

        self.assertEqual(lead.stage_id, target_stage,
                         'the card moved from %s to %s in the database' % (
                             source_stage.name, target_stage.name))
        shown = {column['id']: column for column in self.read_pipeline()}
        self.assertIn(lead.id, [c['id'] for c in shown[target_stage.id]['cards']])
        self.assertNotIn(lead.id, [c['id'] for c in shown[source_stage.id]['cards']])
