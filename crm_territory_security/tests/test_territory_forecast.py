# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import ast

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError

from .common import TerritoryCase


class TestTerritoryForecast(TerritoryCase):
    """The forecast: open and weighted pipeline, won, quota and attainment,
    rolled up the territory tree."""

    def forecast(self, user, domain, groupby):
        return self.env['crm.territory.forecast'].sudo(user).read_group(
            domain, ['open_amount', 'weighted_amount', 'won_amount',
                     'quota_amount', 'attainment'] + groupby, groupby,
            lazy=False)

    def test_weighted_pipeline(self):
        rows = self.forecast(self.user_d, [
            ('territory_id', 'child_of', self.region.id)], ['territory_id'])
        by_territory = {row['territory_id'][0]: row for row in rows}
        self.assertEqual(
            by_territory[self.territory_a.id]['weighted_amount'], 500.0)
        self.assertEqual(
            by_territory[self.territory_b.id]['weighted_amount'], 1400.0)

    def test_won_quota_attainment_rolled_up(self):
        month = fields.Date.from_string(
            fields.Date.context_today(self.lead_a)).replace(day=1)
        Quota = self.env['crm.territory.quota']
        Quota.create({'user_id': self.user_a.id,
                      'territory_id': self.territory_a.id,
                      'date': fields.Date.to_string(month),
                      'amount': 4000.0})
        Quota.create({'user_id': self.user_b.id,
                      'territory_id': self.territory_b.id,
                      'date': fields.Date.to_string(month),
                      'amount': 6000.0})
        self.lead_a.action_set_won()
        domain = [('territory_id', 'child_of', self.region.id),
                  ('date', '=', fields.Date.to_string(month))]
        mine = self.forecast(self.user_a, domain, [])[0]
        self.assertEqual(mine['won_amount'], 1000.0)
        self.assertEqual(mine['quota_amount'], 4000.0)
        self.assertEqual(mine['attainment'], 25.0)
        region = self.forecast(self.user_m, domain, [])[0]
        self.assertEqual(region['won_amount'], 1000.0)
        self.assertEqual(region['quota_amount'], 10000.0)
        self.assertEqual(region['attainment'], 10.0)
        per_user = self.forecast(self.user_m, domain, ['user_id'])
        self.assertEqual(len(per_user), 2)

    def test_rollup_up_the_tree(self):
        """Grouped by level 1 the region gets the total of its subtree, by
        level 2 each territory its own; the manager of the region sees it
        whole, a salesperson their own part only."""
        def rollup(user, level):
            field = 'territory_level%d_id' % level
            rows = self.env['crm.territory.forecast'].sudo(user).read_group(
                [('territory_id', 'child_of', self.region.id)],
                [field, 'open_amount'], [field])
            return {row[field][0]: row['open_amount'] for row in rows}
        self.assertEqual(rollup(self.user_m, 1), {self.region.id: 8000.0})
        self.assertEqual(rollup(self.user_m, 2), {
            self.territory_a.id: 1000.0, self.territory_b.id: 7000.0})
        self.assertEqual(rollup(self.user_a, 1), {self.region.id: 1000.0})
        self.assertEqual(rollup(self.user_a, 2),
                         {self.territory_a.id: 1000.0})

    def test_quota_first_of_month(self):
        self.assertEqual(self.quota_a.date, '2030-01-01')

    def test_stock_salesperson_sees_own_rows_only(self):
        """Outside the territory groups, quotas and forecasts follow crm's
        pipeline analysis: "Own Documents Only" shows one's own rows."""
        stock = self.env['res.users'].with_context(
            no_reset_password=True).create({
                'name': 'RT stock salesman', 'login': 'rt_stock_forecast',
                'groups_id': [(6, 0, self.env.ref(
                    'sales_team.group_sale_salesman').ids)]})
        quota = self.env['crm.territory.quota'].create({
            'user_id': stock.id, 'territory_id': self.territory_a.id,
            'date': '2030-01-01', 'amount': 100.0})
        domain = [('territory_id', 'child_of', self.region.id)]
        mine = self.forecast(stock, domain, [])[0]
        self.assertEqual(mine['open_amount'], 0.0)
        self.assertEqual(mine['quota_amount'], 100.0)
        self.assertEqual(self.env['crm.territory.quota'].sudo(stock).search(
            []), quota)
        self.assertEqual(self.forecast(self.user_d, domain, [])[0][
            'quota_amount'], 9600.0)

    def test_territory_manager_sets_quotas_of_their_territories(self):
        Territory = self.env['crm.territory']
        other = self.user_m.copy({'login': 'rt_manager_other'})
        region = Territory.create({'name': 'RT Region 2',
                                   'manager_id': other.id})
        territory = Territory.create({'name': 'RT Territory C',
                                      'parent_id': region.id})
        Quota = self.env['crm.territory.quota'].sudo(self.user_m)
        with self.assertRaises(AccessError):
            Quota.create({'user_id': self.user_m.id,
                          'territory_id': territory.id,
                          'date': '2030-02-01', 'amount': 1.0})
        with self.assertRaises(AccessError):
            Quota.browse(self.quota_b.id).write(
                {'territory_id': territory.id})
        quota = Quota.create({'user_id': self.user_b.id,
                              'territory_id': self.territory_b.id,
                              'date': '2030-02-01', 'amount': 2.0})
        self.assertEqual(quota.territory_id, self.territory_b)
        self.assertEqual(self.quota_b.territory_id, self.territory_b)
        with self.assertRaises(AccessError):
            self.env['crm.territory.quota'].sudo(other).browse(
                quota.id).write({'amount': 3.0})

    def test_multi_company(self):
        """A Sales Manager of the main company sees nothing of another
        company's territories, quotas and forecasts."""
        company = self.env['res.company'].create({'name': 'RT Company 2'})
        territory = self.env['crm.territory'].create({
            'name': 'RT Territory Elsewhere', 'company_id': company.id,
            'city_names': 'Redteam Elsewhere'})
        self.env['crm.territory.zip.range'].create({
            'territory_id': territory.id, 'zip_from': '1', 'zip_to': '2'})
        self.env['crm.territory.quota'].create({
            'user_id': self.user_b.id, 'territory_id': territory.id,
            'company_id': company.id, 'date': '2030-01-01',
            'amount': 5.0})
        self.env['crm.lead'].create({
            'name': 'RT elsewhere', 'type': 'opportunity',
            'company_id': company.id, 'city': 'Redteam Elsewhere',
            'planned_revenue': 3.0})
        director = self.user_d
        self.assertNotEqual(director.company_id, company)
        domain = [('territory_id', '=', territory.id)]
        for model in ('crm.territory.zip.range', 'crm.territory.quota',
                      'crm.territory.forecast'):
            self.assertTrue(self.env[model].search(domain), model)
            self.assertFalse(self.env[model].sudo(director).search(domain),
                             model)
        self.assertFalse(self.env['crm.territory'].sudo(director).search(
            [('id', '=', territory.id)]))

    def test_success_rate_per_salesperson(self):
        """Won / (won + lost) of the month, per salesperson, as the sales
        funnel counts them: won, in a stage of probability 100; lost,
        marked lost (archived at 0 %) or moved to a folded stage of
        probability 0. By hand: A won 2 and lost 2 (50 %), B won 1 and lost
        3 (25 %); their region 3 of 8 (37.5 %)."""
        lost_stage = self.env['crm.stage'].create({
            'name': 'RT Sale Lost', 'probability': 0, 'fold': True,
            'on_change': True, 'sequence': 99})
        Lead = self.env['crm.lead'].with_context(mail_create_nolog=True)

        def opportunities(user, city, country, outcomes):
            for outcome in outcomes:
                lead = Lead.create({
                    'name': 'RT %s %s' % (user.login, outcome),
                    'type': 'opportunity', 'city': city,
                    'country_id': country.id, 'user_id': user.id,
                    'planned_revenue': 100.0})
                if outcome == 'won':
                    lead.action_set_won()
                elif outcome == 'marked lost':
                    lead.action_set_lost()
                elif outcome == 'lost stage':
                    lead.write({'stage_id': lost_stage.id})
        opportunities(self.user_a, 'Redteam City A', self.country_a,
                      ['won', 'won', 'marked lost', 'lost stage'])
        opportunities(self.user_b, 'Redteam City B', self.country_b,
                      ['won', 'marked lost', 'marked lost', 'lost stage'])
        month = fields.Date.to_string(fields.Date.from_string(
            fields.Date.context_today(self.lead_a)).replace(day=1))
        domain = [('territory_id', 'child_of', self.region.id),
                  ('date', '=', month)]

        def rates(user, groupby):
            rows = self.env['crm.territory.forecast'].sudo(user).read_group(
                domain, ['success_rate', 'won_count', 'lost_count'] +
                groupby, groupby, lazy=False)
            return {row[groupby[0]][0] if groupby else None: (
                row['won_count'], row['lost_count'], row['success_rate'])
                for row in rows}
        self.assertEqual(rates(self.user_m, ['user_id']), {
            self.user_a.id: (2, 2, 50.0), self.user_b.id: (1, 3, 25.0)})
        self.assertEqual(rates(self.user_m, []), {None: (3, 5, 37.5)})
        self.assertEqual(rates(self.user_a, []), {None: (2, 2, 50.0)})
        # a lost opportunity is no open pipeline
        open_rows = self.forecast(self.user_d, [
            ('territory_id', 'child_of', self.region.id)], [])
        self.assertEqual(open_rows[0]['open_amount'], 8000.0)

    def test_default_views_of_the_forecasts(self):
        """Both forecasts open on this month and the next two, with the
        measures a sales manager reads first and a help when empty; the
        territory forecast by territory, without the opportunities of no
        territory."""
        Forecast = self.env['crm.territory.forecast'].sudo(self.user_m)
        expected = {
            'crm_territory_security.crm_territory_forecast_territory_action':
            ('territory_level1_id', ['weighted_amount', 'won_amount',
                                     'attainment'], 'in_territory'),
            'crm_territory_security.crm_territory_forecast_action':
            ('user_id', ['weighted_amount', 'won_amount', 'success_rate'],
             'next_3_months'),
        }
        for xmlid, (row, measures, search_default) in expected.items():
            action = self.env.ref(xmlid)
            self.assertIn('search_default_' + search_default, action.context)
            self.assertIn('search_default_next_3_months', action.context)
            self.assertIn('oe_view_nocontent', action.help)
            view = action.view_ids[:1].view_id or self.env.ref(
                'crm_territory_security.crm_territory_forecast_view_pivot')
            arch = etree.fromstring(Forecast.fields_view_get(
                view.id, 'pivot')['arch'])
            self.assertEqual(arch.get('js_class'),
                             'crm_territory_forecast_pivot')
            self.assertEqual(
                [(field.get('name'), field.get('type'), field.get('interval'))
                 for field in arch.iter('field')],
                [(row, 'row', None), ('date', 'col', 'month')] +
                [(measure, 'measure', None) for measure in measures])
        # a Sales Manager's forecast by territory: no "Undefined" row of
        # the opportunities no territory matched
        self.env.user.company_id.crm_default_territory_id = False
        self.env['crm.lead'].create({
            'name': 'RT nowhere', 'type': 'opportunity',
            'city': 'Redteam Nowhere', 'planned_revenue': 99999.0})
        Forecast = self.env['crm.territory.forecast'].sudo(self.user_d)
        search = etree.fromstring(Forecast.fields_view_get(
            None, 'search')['arch'])
        domain = ast.literal_eval(search.xpath(
            "//filter[@name='in_territory']")[0].get('domain'))

        def level1(domain):
            return [row['territory_level1_id'] for row in Forecast.read_group(
                domain, ['weighted_amount', 'territory_level1_id'],
                ['territory_level1_id'])]
        self.assertIn(False, level1([]))
        self.assertTrue(level1(domain))
        self.assertNotIn(False, level1(domain))
