# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The first screens of the demo's salesperson and sales manager, in a real
browser: the funnel's and pipeline's defaults on the suite's demo data
(crm_suite's users, teams and deals), so here rather than in
crm_funnel_stages, whose own tests create their data.

Headless Chromium (testing/browser_harness) on the in-process test server, in
the test's transaction: nothing the browser does is committed.
"""
import pytest

# the module, not its classes: a test class imported here would run twice
from odoo.addons.crm_funnel_stages.tests import test_funnel_ux_browser as funnel_ux


@pytest.mark.browser
class TestDemoFirstScreens(funnel_ux.FunnelBrowserCase):
    """The first screens of the demo's salesperson (login sales) and sales
    manager (login manager, leader of the Hanoi team), as ``make run``
    serves them: the suite's demo data (crm_suite), on which the test
    runner builds every test database. The expected cards and figures are
    those the user's own searches find."""

    def open_figures(self, user, domain):
        """The funnel's open count and success rate for ``domain``, counted
        with the user's own searches."""
        Lead = self.env['crm.lead'].sudo(user).with_context(
            active_test=False)
        base = [('type', '=', 'opportunity')] + domain
        lost_stage = ['&', ('stage_id.fold', '=', True),
                      ('stage_id.probability', '=', 0)]
        won = Lead.search_count(base + [('active', '=', True),
                                        ('stage_id.probability', '=', 100)])
        lost = Lead.search_count(base + [
            '|', '&', ('active', '=', False), ('probability', '=', 0),
            '&', ('active', '=', True)] + lost_stage)
        opened = Lead.search_count(base + [
            ('active', '=', True), ('stage_id.probability', '<', 100),
            '!'] + lost_stage)
        return {'open_count': str(opened), 'success_rate': '%.2f %%' % (
            100.0 * won / (won + lost) if won + lost else 0)}

    def read_figures(self):
        figures = self.run_js(funnel_ux.READ_FIGURES_JS)
        del figures['expected_revenue']
        return figures

    def test_manager(self):
        manager = self.env.ref('crm_suite.user_demo_sales_manager')
        hanoi = self.env.ref('crm_leads_ext.team_hanoi')
        self.assertEqual(manager.login, 'manager')
        cards = self.env['crm.lead'].sudo(manager).search_count([
            ('type', '=', 'opportunity'), ('team_id', '=', hanoi.id)])
        self.assertTrue(cards, 'the Hanoi team has opportunities')
        self.assertEqual(self.open_pipeline('manager'),
                         (['Sales Channel Hanoi'], cards))

        self.open_funnel()
        self.save_evidence('funnel')
        self.assertEqual(self.run_js(funnel_ux.READ_FILTERS_JS), {
            'user_id': '', 'team_id': str(hanoi.id), 'chart': 'bars'})
        self.assertEqual(self.read_figures(), self.open_figures(
            manager, [('team_id', '=', hanoi.id)]))
        self.assertNotIn('No opportunity matches', self.run_js(
            "return document.querySelector('.o_funnel_view').innerText;"))

    def test_salesperson(self):
        sales = self.env.ref('crm_suite.user_demo_salesperson')
        self.assertEqual(sales.login, 'sales')
        cards = self.env['crm.lead'].sudo(sales).search_count([
            ('type', '=', 'opportunity'), ('user_id', '=', sales.id)])
        self.assertEqual(self.open_pipeline('sales'),
                         (['My Pipeline'], cards))

        self.open_funnel()
        self.save_evidence('funnel')
        self.assertEqual(self.run_js(funnel_ux.READ_FILTERS_JS), {
            'user_id': str(sales.id), 'team_id': str(sales.sale_team_id.id),
            'chart': 'bars'})
        self.assertEqual(self.read_figures(), self.open_figures(
            sales, [('user_id', '=', sales.id),
                    ('team_id', '=', sales.sale_team_id.id)]))
