# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from lxml import etree

from odoo import fields
from odoo.tools.safe_eval import safe_eval

from .common import LeadsExtCase


class TestLeadAnalysis(LeadsExtCase):
    """A few leads whose figures are computed by hand: emails received and
    sent, activities overdue or not, conversion, won, lost."""

    @classmethod
    def setUpClass(cls):
        super(TestLeadAnalysis, cls).setUpClass()
        cls.Lead = cls.Lead.with_context(crm_lead_skip_assignment=True)
        cls.Analysis = cls.env['crm.lead.analysis']
        cls.seller = cls._user('ana_seller')
        cls.other = cls._user('ana_other')
        cls.customer = cls.env['res.partner'].create({
            'name': 'LX Analysis Customer', 'email': 'cust@example.com'})
        cls.team = cls.Team.create({
            'name': 'LX Analysis', 'member_ids': [(6, 0, cls.seller.ids)]})
        Stage = cls.env['crm.stage']
        cls.stage_new = Stage.create({
            'name': 'LX Ana New', 'sequence': 1, 'probability': 10})
        cls.stage_won = Stage.create({
            'name': 'LX Ana Won', 'sequence': 2, 'probability': 100})
        cls.campaign = cls.env['utm.campaign'].create({'name': 'LX Ana C'})
        cls.campaign_2 = cls.env['utm.campaign'].create(
            {'name': 'LX Ana C2'})
        cls.medium = cls.env['utm.medium'].create({'name': 'LX Ana M'})
        cls.source = cls.env['utm.source'].create({'name': 'LX Ana S'})
        common = {'team_id': cls.team.id, 'campaign_id': cls.campaign.id,
                  'medium_id': cls.medium.id, 'source_id': cls.source.id}
        # a qualified lead: converted after 2.5 days, won
        cls.lead_won = cls.Lead.create(dict(
            common, name='LX ana won', type='opportunity',
            user_id=cls.seller.id, partner_id=cls.customer.id,
            stage_id=cls.stage_won.id, planned_revenue=1000.0,
            priority='2'))
        # a lead still a lead, with a probability
        cls.lead_open = cls.Lead.create(dict(
            common, name='LX ana open', type='lead', user_id=False,
            stage_id=cls.stage_new.id, planned_revenue=500.0,
            probability=20.0, priority='1'))
        # a lost opportunity, converted after 1 day
        cls.lead_lost = cls.Lead.create(dict(
            common, name='LX ana lost', type='opportunity',
            user_id=cls.other.id, stage_id=cls.stage_won.id,
            planned_revenue=300.0, priority='0'))
        cls.lead_lost.write({'active': False})
        # another campaign, nothing converted
        cls.lead_c2 = cls.Lead.create({
            'name': 'LX ana c2', 'type': 'lead', 'user_id': cls.other.id,
            'team_id': cls.team.id, 'campaign_id': cls.campaign_2.id,
            'stage_id': cls.stage_new.id, 'planned_revenue': 0.0})
        cls.leads = cls.lead_won | cls.lead_open | cls.lead_lost | \
            cls.lead_c2
        cls.env.cr.execute("""
            UPDATE crm_lead SET create_date = '2026-01-01 00:00:00',
                   date_conversion = CASE id
                       WHEN %s THEN timestamp '2026-01-03 12:00:00'
                       WHEN %s THEN timestamp '2026-01-02 00:00:00' END
             WHERE id IN %s""", (cls.lead_won.id, cls.lead_lost.id,
                                 tuple(cls.leads.ids)))
        cls.leads.invalidate_cache()
        # emails of lead_won: 2 received (the customer, an unknown sender),
        # 2 sent (a mail and a chatter message of the salesperson); a note
        # and a notification are not emails
        Message = cls.env['mail.message'].sudo()
        mt_comment = cls.env.ref('mail.mt_comment')
        mt_note = cls.env.ref('mail.mt_note')

        def msg(lead, message_type, author, subtype=False):
            return Message.create({
                'model': 'crm.lead', 'res_id': lead.id, 'body': 'x',
                'message_type': message_type, 'author_id': author.id,
                'subtype_id': subtype and subtype.id})
        nobody = cls.env['res.partner']
        seller_p = cls.seller.partner_id
        cls.messages = {
            'received': msg(cls.lead_won, 'email', cls.customer) |
            msg(cls.lead_won, 'email', nobody) |
            msg(cls.lead_open, 'comment', cls.customer, mt_comment),
            'sent': msg(cls.lead_won, 'email', seller_p) |
            msg(cls.lead_won, 'comment', seller_p, mt_comment),
            'other': msg(cls.lead_won, 'comment', seller_p, mt_note) |
            msg(cls.lead_won, 'notification', seller_p),
        }
        # activities of lead_open: 2 overdue, 1 today, 1 tomorrow
        Activity = cls.env['mail.activity']
        model_lead = cls.env.ref('crm.model_crm_lead')
        today = date.today()
        for days in (-5, -1, 0, 1):
            Activity.create({
                'res_model_id': model_lead.id, 'res_id': cls.lead_open.id,
                'activity_type_id': cls.env.ref(
                    'mail.mail_activity_data_call').id,
                'user_id': cls.seller.id, 'summary': 'LX call',
                'date_deadline': fields.Date.to_string(
                    today + timedelta(days=days))})

    def _rows(self, env=None):
        Analysis = self.Analysis if env is None else env['crm.lead.analysis']
        rows = Analysis.search([('lead_id', 'in', self.leads.ids)])
        return {row.lead_id.id: row for row in rows}

    def test_one_row_per_lead_lost_ones_included(self):
        rows = self._rows()
        self.assertEqual(set(rows), set(self.leads.ids))
        self.assertFalse(rows[self.lead_lost.id].lead_active)
        self.assertEqual(rows[self.lead_won.id].nbr, 1)

    def test_emails_received_and_sent(self):
        rows = self._rows()
        self.assertEqual(rows[self.lead_won.id].emails_received, 2)
        self.assertEqual(rows[self.lead_won.id].emails_sent, 2)
        self.assertEqual(rows[self.lead_open.id].emails_received, 1)
        self.assertEqual(rows[self.lead_open.id].emails_sent, 0)
        self.assertEqual(rows[self.lead_c2.id].emails_received, 0)

    def test_overdue_activities(self):
        rows = self._rows()
        self.assertEqual(rows[self.lead_open.id].overdue_activities, 2)
        self.assertEqual(rows[self.lead_won.id].overdue_activities, 0)

    def test_conversion_won_and_revenues(self):
        rows = self._rows()
        won, open_, lost, c2 = (rows[self.lead_won.id],
                                rows[self.lead_open.id],
                                rows[self.lead_lost.id],
                                rows[self.lead_c2.id])
        self.assertAlmostEqual(won.days_to_qualify, 2.5)
        self.assertAlmostEqual(lost.days_to_qualify, 1.0)
        self.assertFalse(open_.days_to_qualify)
        self.assertEqual((won.converted, open_.converted, lost.converted,
                          c2.converted), (True, False, True, False))
        self.assertEqual((won.conversion_rate, open_.conversion_rate),
                         (100.0, 0.0))
        # lost: in the won stage but archived, so not won
        self.assertEqual((won.won, open_.won, lost.won), (True, False, False))
        self.assertEqual(won.won_revenue, 1000.0)
        self.assertEqual(lost.won_revenue, 0.0)
        self.assertEqual(won.planned_revenue, 1000.0)
        self.assertAlmostEqual(open_.expected_revenue, 500.0 * 20.0 / 100)
        self.assertAlmostEqual(
            won.expected_revenue,
            self.lead_won.planned_revenue * self.lead_won.probability / 100)

    def test_grouped_by_campaign(self):
        groups = self.Analysis.read_group(
            [('lead_id', 'in', self.leads.ids)],
            ['campaign_id', 'nbr', 'conversion_rate', 'won_revenue',
             'days_to_qualify', 'emails_received', 'overdue_activities'],
            ['campaign_id'])
        by_campaign = {g['campaign_id'][0]: g for g in groups}
        first = by_campaign[self.campaign.id]
        self.assertEqual(first['nbr'], 3)
        # 2 converted out of 3
        self.assertAlmostEqual(first['conversion_rate'], 200.0 / 3)
        self.assertEqual(first['won_revenue'], 1000.0)
        self.assertAlmostEqual(first['days_to_qualify'], 1.75)
        self.assertEqual(first['emails_received'], 3)
        self.assertEqual(first['overdue_activities'], 2)
        second = by_campaign[self.campaign_2.id]
        self.assertEqual((second['nbr'], second['conversion_rate'],
                          second['won_revenue']), (1, 0.0, 0.0))

    def test_filter_by_one_campaign(self):
        rows = self.Analysis.search([
            ('lead_id', 'in', self.leads.ids),
            ('campaign_id', '=', self.campaign_2.id)])
        self.assertEqual(rows.mapped('lead_id'), self.lead_c2)

    def test_salesperson_sees_own_and_unassigned_rows(self):
        rows = self._rows(self.env(user=self.seller.id))
        self.assertEqual(set(rows),
                         {self.lead_won.id, self.lead_open.id})

    def test_all_leads_group_sees_every_row(self):
        viewer = self._user('ana_all', self.group_all_leads)
        rows = self._rows(self.env(user=viewer.id))
        self.assertEqual(set(rows), set(self.leads.ids))

    def test_team_leader_sees_the_team_rows(self):
        leader = self._user('ana_leader')
        self.team.user_id = leader
        rows = self._rows(self.env(user=leader.id))
        self.assertEqual(set(rows), set(self.leads.ids))

    def test_saved_analyses(self):
        action = self.env.ref('crm_leads_ext.crm_lead_analysis_action')
        expected = {
            'crm_lead_analysis_filter_month_priority_stage':
                ['create_date:month', 'priority', 'stage_id'],
            'crm_lead_analysis_filter_campaign': ['campaign_id'],
            'crm_lead_analysis_filter_channel': ['medium_id', 'source_id'],
            'crm_lead_analysis_filter_priority': ['priority'],
        }
        shared = self.env['ir.filters'].sudo(self.seller).get_filters(
            'crm.lead.analysis', action.id)
        shared_names = {f['name'] for f in shared}
        for xml_id, group_by in expected.items():
            favourite = self.env.ref('crm_leads_ext.' + xml_id)
            self.assertEqual(favourite.model_id, 'crm.lead.analysis')
            self.assertFalse(favourite.user_id)
            self.assertEqual(favourite.action_id.id, action.id)
            self.assertIn(favourite.name, shared_names)
            context = safe_eval(favourite.context)
            self.assertEqual(context['group_by'], group_by)
            for measure in context.get('pivot_measures', []):
                self.assertIn(measure, self.Analysis._fields)
            # every group-by works on the view
            self.Analysis.read_group(
                [('lead_id', 'in', self.leads.ids)],
                context.get('pivot_measures', ['nbr']) +
                [g.split(':')[0] for g in group_by], group_by, lazy=False)
        campaign = safe_eval(self.env.ref(
            'crm_leads_ext.crm_lead_analysis_filter_campaign').context)
        self.assertEqual(campaign['pivot_measures'],
                         ['nbr', 'conversion_rate', 'won_revenue'])

    def test_menu_and_views(self):
        menu = self.env.ref('crm_leads_ext.crm_lead_analysis_menu')
        self.assertEqual(menu.parent_id, self.env.ref('crm.crm_menu_report'))
        for view_type in ('pivot', 'graph', 'search'):
            self.Analysis.sudo(self.seller).fields_view_get(
                view_type=view_type)


class TestLeadAnalysisDefaults(LeadsExtCase):
    """What the lead analysis opens with, on the whole demo as a Sales
    Manager sees it: the graph and the pivot group and measure the same
    way, and add up to the same total."""

    def _default(self, view_type):
        """The grouping (rows then columns) and measures of the action's
        view of this type."""
        action = self.env.ref('crm_leads_ext.crm_lead_analysis_action')
        view = action.view_ids.filtered(
            lambda v: v.view_mode == view_type).view_id
        arch = etree.fromstring(self.env['crm.lead.analysis'].fields_view_get(
            view_id=view.id, view_type=view_type)['arch'])
        groupby = [f.get('name') for kind in ('row', 'col')
                   for f in arch.xpath('//field[@type="%s"]' % kind)]
        measures = [f.get('name')
                    for f in arch.xpath('//field[@type="measure"]')]
        return groupby, measures

    def test_graph_and_pivot_open_alike(self):
        self.assertEqual(self._default('pivot'), (['team_id', 'type'],
                                                  ['nbr']))
        self.assertEqual(self._default('graph'), self._default('pivot'))

    def test_graph_and_pivot_read_the_same_total(self):
        """The graph keys its bars and series by label (Odoo 11's
        graph_renderer): a label that two groups share shows one of
        them. The pivot adds every group."""
        manager = self._user('ana_manager',
                             self.env.ref('sales_team.group_sale_manager'))
        action = self.env.ref('crm_leads_ext.crm_lead_analysis_action')
        domain = safe_eval(action.domain or '[]')
        context = dict(safe_eval(action.context or '{}'), lang='en_US')
        Analysis = self.env['crm.lead.analysis'].sudo(manager).with_context(
            context)
        groupby, measures = self._default('graph')
        groups = Analysis.read_group(
            domain, groupby + measures, groupby, lazy=False)
        pivot_total = sum(group['nbr'] for group in groups)
        self.assertEqual(pivot_total, Analysis.search_count(domain))
        self.assertGreater(pivot_total, 0)

        def label(group, spec):
            value = group[spec]
            if isinstance(value, tuple):
                return value[1]
            field = Analysis._fields[spec.split(':')[0]]
            if field.type == 'selection':
                return dict(field.selection).get(value, value)
            return value

        graph = {}
        for group in groups:
            graph.setdefault(label(group, groupby[1]), {})[
                label(group, groupby[0])] = group[measures[0]]
        self.assertEqual(
            sum(sum(serie.values()) for serie in graph.values()),
            pivot_total)
