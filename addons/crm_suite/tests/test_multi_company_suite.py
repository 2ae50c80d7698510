# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Multi-company across the addons: a Sales Manager (and Territory
Manager) of company B sees nothing of company A's territories, their zip
ranges and quotas, nor of the stage history, criteria checks and stage
analysis of A's leads; A's managers, and a manager of both working in A,
still do. The funnel templates and the stages' criteria are configuration
shared by every company."""
from odoo.tests.common import SavepointCase

from odoo.addons.crm_leads_ext.tests.multi_company_common import \
    MultiCompanyMixin


class TestMultiCompanySuite(MultiCompanyMixin, SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestMultiCompanySuite, cls).setUpClass()
        cls.setup_companies(
            groups=('crm_territory_security.group_territory_manager',))
        env = cls.env
        cls.territory = env['crm.territory'].create({
            'name': 'MC territory of A', 'code': 'MC-A',
            'zip_range_ids': [(0, 0, {'zip_from': '70000',
                                      'zip_to': '70999'})]})
        cls.quota = env['crm.territory.quota'].create({
            'user_id': cls.manager_a.id, 'territory_id': cls.territory.id,
            'date': '2027-01-01', 'amount': 1000.0})
        stage = env['crm.stage'].search([], limit=1)
        cls.criterion = env['crm.stage.criterion'].create({
            'name': 'MC budget known', 'stage_id': stage.id})
        cls.lead = env['crm.lead'].create({
            'name': 'MC lead of A', 'stage_id': stage.id,
            'type': 'opportunity'})

    def test_territories_of_a_are_hidden_from_b(self):
        self.assertEqual(self.territory.company_id, self.company_a)
        for records, field in ((self.territory, 'name'),
                               (self.territory.zip_range_ids, 'zip_from'),
                               (self.quota, 'amount')):
            self.assertHiddenFrom(records, self.manager_b, field)
            self.assertSeenBy(records, self.manager_a)
            self.assertSeenBy(records, self.manager_ab)

    def test_funnel_rows_of_a_s_leads_are_hidden_from_b(self):
        history = self.lead.stage_history_ids
        checks = self.lead.criterion_check_ids
        analysis = self.env['crm.lead.stage.analysis'].search(
            [('lead_id', '=', self.lead.id)])
        for records, field in ((history, 'date'), (checks, 'done'),
                               (analysis, 'days_in_stage')):
            self.assertHiddenFrom(records, self.manager_b, field)
            self.assertSeenBy(records, self.manager_a)
            self.assertSeenBy(records, self.manager_ab)
        # configuration: the same criteria for every company
        self.assertSeenBy(self.criterion, self.manager_b)
