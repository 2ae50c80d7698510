# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""crm_leads_ext's export refusals under crm_territory_security, over real
HTTP: the demo's Hanoi territory salesperson exporting the leads of
another territory gets a 403 and a short message, not a 500."""
from odoo.addons.crm_leads_ext.tests.rpc_common import RpcCase


class TestExportRefusalsTerritories(RpcCase):

    def test_lead_of_another_territory(self):
        hanoi = self.env['res.users'].search([('login', '=', 'terr_hanoi')])
        Lead = self.env['crm.lead']
        visible = Lead.sudo(hanoi).search([])
        others = Lead.search([
            ('id', 'not in', visible.ids), ('territory_id', '!=', False),
            ('territory_id.access_user_ids', 'not in', hanoi.ids)])
        self.assertTrue(visible and others, 'the demo data changed')
        web = self.session('terr_hanoi')
        ok = self.export(web, 'crm.lead', visible[:3].ids)
        self.assertEqual(ok.status_code, 200)
        for fmt in ('csv', 'xls'):
            for ids in (others[:1].ids, visible[:1].ids + others.ids):
                self.assertDownloadRefused(
                    self.export(web, 'crm.lead', ids, fmt=fmt), 403,
                    'security restrictions')
