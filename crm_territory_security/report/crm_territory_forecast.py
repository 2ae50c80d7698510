# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from lxml import etree

from odoo import api, fields, models, tools


class CrmTerritoryForecast(models.Model):
    """Forecast per territory, salesperson and month: open and weighted
    pipeline by expected closing month, won and lost opportunities in the
    month they closed, quota, attainment (won / quota) and success rate
    (won / (won + lost)), both computed on the grouped sums.

    Won, lost and open are those of the sales funnel (crm_funnel_stages'
    ``get_funnel_data``): won, an active opportunity in a stage of
    probability 100; lost, an archived one at probability 0 (Odoo's
    "Mark Lost") or an active one in a folded stage of probability 0 (a
    "Sale Lost" stage); open, any other active one. They close in the month
    of their closing date, else of their last stage change.

    ``territory_level1_id`` to ``territory_level3_id`` are the territory's
    ancestors on the first three levels of the tree (itself on its own
    level): grouping by level 1, then 2, then 3 rolls the figures up the
    tree, each row counted once.

    The territory record rules apply: a salesperson reads their own rows, a
    territory manager every row of their territories and sub-territories."""

    _name = 'crm.territory.forecast'
    _description = 'Sales Forecast by Territory'
    _auto = False
    _order = 'date desc'

    date = fields.Date(string='Month', readonly=True)
    territory_id = fields.Many2one(
        'crm.territory', string='Territory', readonly=True)
    user_id = fields.Many2one(
        'res.users', string='Salesperson', readonly=True)
    team_id = fields.Many2one(
        'crm.team', string='Sales Channel', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    territory_level1_id = fields.Many2one(
        'crm.territory', string='Territory Level 1', readonly=True)
    territory_level2_id = fields.Many2one(
        'crm.territory', string='Territory Level 2', readonly=True)
    territory_level3_id = fields.Many2one(
        'crm.territory', string='Territory Level 3', readonly=True)
    opportunity_count = fields.Integer(
        string='Open Opportunities', readonly=True)
    open_amount = fields.Float(string='Open Pipeline', readonly=True)
    weighted_amount = fields.Float(
        string='Weighted Pipeline', readonly=True)
    won_amount = fields.Float(string='Won', readonly=True)
    won_count = fields.Integer(string='Won Opportunities', readonly=True)
    lost_count = fields.Integer(string='Lost Opportunities', readonly=True)
    quota_amount = fields.Float(string='Quota', readonly=True)
    attainment = fields.Float(
        string='Attainment (%)', readonly=True, group_operator='max',
        help="Won / quota, in percent, of the grouped rows.")
    success_rate = fields.Float(
        string='Success Rate (%)', readonly=True, group_operator='max',
        help="Won / (won + lost) opportunities, in percent, of the grouped "
             "rows: 0 when none was won or lost.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW crm_territory_forecast AS (
                WITH RECURSIVE tree AS (
                    SELECT id, ARRAY[id] AS path FROM crm_territory
                     WHERE parent_id IS NULL
                    UNION ALL
                    SELECT child.id, tree.path || child.id
                      FROM crm_territory child
                      JOIN tree ON child.parent_id = tree.id
                ), opportunity AS (
                    SELECT l.*,
                           CASE WHEN NOT l.active THEN 'lost'
                                WHEN s.probability = 100 THEN 'won'
                                WHEN s.fold AND s.probability = 0
                                    THEN 'lost'
                                ELSE 'open' END AS outcome
                      FROM crm_lead l
                      LEFT JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.type = 'opportunity'
                       AND (l.active OR COALESCE(l.probability, 0) = 0)
                )
                SELECT ROW_NUMBER() OVER () AS id,
                       tree.path[1] AS territory_level1_id,
                       tree.path[2] AS territory_level2_id,
                       tree.path[3] AS territory_level3_id,
                       f.*
                  FROM (
                    SELECT date_trunc('month', COALESCE(
                               o.date_deadline::timestamp, o.create_date)
                           )::date AS date,
                           o.territory_id, o.user_id, o.team_id,
                           o.company_id,
                           1 AS opportunity_count,
                           COALESCE(o.planned_revenue, 0) AS open_amount,
                           COALESCE(o.planned_revenue, 0)
                               * COALESCE(o.probability, 0) / 100.0
                               AS weighted_amount,
                           0.0 AS won_amount, 0 AS won_count,
                           0 AS lost_count, 0.0 AS quota_amount,
                           0.0 AS attainment, 0.0 AS success_rate
                      FROM opportunity o
                     WHERE o.outcome = 'open'
                    UNION ALL
                    SELECT date_trunc('month', COALESCE(
                               o.date_closed, o.date_last_stage_update,
                               o.write_date))::date,
                           o.territory_id, o.user_id, o.team_id,
                           o.company_id, 0, 0.0, 0.0,
                           CASE WHEN o.outcome = 'won'
                                THEN COALESCE(o.planned_revenue, 0)
                                ELSE 0.0 END,
                           CASE WHEN o.outcome = 'won' THEN 1 ELSE 0 END,
                           CASE WHEN o.outcome = 'lost' THEN 1 ELSE 0 END,
                           0.0, 0.0, 0.0
                      FROM opportunity o
                     WHERE o.outcome IN ('won', 'lost')
                    UNION ALL
                    SELECT q.date, q.territory_id, q.user_id, NULL,
                           q.company_id, 0, 0.0, 0.0, 0.0, 0, 0, q.amount,
                           0.0, 0.0
                      FROM crm_territory_quota q
                ) AS f
                LEFT JOIN tree ON tree.id = f.territory_id
            )""")

    @api.model
    def fields_view_get(self, view_id=None, view_type='form', toolbar=False,
                        submenu=False):
        """The pivot and graph views show the action's help when there is
        nothing to show (static/src/js: Odoo 11's schema of these views
        has no js_class, so it is set on the arch sent to the client)."""
        self.check_access_rights('read')
        result = super(CrmTerritoryForecast, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar,
            submenu=submenu)
        if view_type in ('pivot', 'graph'):
            arch = etree.fromstring(result['arch'])
            arch.set('js_class', 'crm_territory_forecast_%s' % view_type)
            result['arch'] = etree.tostring(arch, encoding='unicode')
        return result

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        """Attainment and success rate are ratios: computed from each
        group's sums."""
        ratios = {'attainment', 'success_rate'} & set(fields)
        if ratios:
            fields = list(fields) + ['won_amount', 'quota_amount',
                                     'won_count', 'lost_count']
        result = super(CrmTerritoryForecast, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
        for row in result if ratios else ():
            quota = row.get('quota_amount') or 0.0
            won = row.get('won_amount') or 0.0
            row['attainment'] = won * 100.0 / quota if quota else 0.0
            won_count = row.get('won_count') or 0
            closed = won_count + (row.get('lost_count') or 0)
            row['success_rate'] = round(
                won_count * 100.0 / closed, 2) if closed else 0.0
        return result
