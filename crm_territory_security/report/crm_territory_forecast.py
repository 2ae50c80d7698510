# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models, tools


class CrmTerritoryForecast(models.Model):
    """Forecast per territory, salesperson and month: open and weighted
    pipeline by expected closing month, won in the month (by closing date),
    quota and attainment (won / quota, computed on the grouped sums).

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
    quota_amount = fields.Float(string='Quota', readonly=True)
    attainment = fields.Float(
        string='Attainment (%)', readonly=True, group_operator='max',
        help="Won / quota, in percent, of the grouped rows.")

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
                )
                SELECT ROW_NUMBER() OVER () AS id,
                       tree.path[1] AS territory_level1_id,
                       tree.path[2] AS territory_level2_id,
                       tree.path[3] AS territory_level3_id,
                       f.*
                  FROM (
                    SELECT date_trunc('month', COALESCE(
                               l.date_deadline::timestamp, l.create_date)
                           )::date AS date,
                           l.territory_id, l.user_id, l.team_id,
                           l.company_id,
                           1 AS opportunity_count,
                           COALESCE(l.planned_revenue, 0) AS open_amount,
                           COALESCE(l.planned_revenue, 0)
                               * COALESCE(l.probability, 0) / 100.0
                               AS weighted_amount,
                           0.0 AS won_amount, 0.0 AS quota_amount,
                           0.0 AS attainment
                      FROM crm_lead l
                     WHERE l.type = 'opportunity' AND l.active
                       AND COALESCE(l.probability, 0) < 100
                    UNION ALL
                    SELECT date_trunc('month', COALESCE(
                               l.date_closed, l.write_date))::date,
                           l.territory_id, l.user_id, l.team_id,
                           l.company_id, 0, 0.0, 0.0,
                           COALESCE(l.planned_revenue, 0), 0.0, 0.0
                      FROM crm_lead l
                     WHERE l.type = 'opportunity' AND l.active
                       AND l.probability = 100
                    UNION ALL
                    SELECT q.date, q.territory_id, q.user_id, NULL,
                           q.company_id, 0, 0.0, 0.0, 0.0, q.amount, 0.0
                      FROM crm_territory_quota q
                ) AS f
                LEFT JOIN tree ON tree.id = f.territory_id
            )""")

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        """Attainment is a ratio: compute it from each group's sums."""
        if 'attainment' in fields:
            fields = list(fields) + ['won_amount', 'quota_amount']
        result = super(CrmTerritoryForecast, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
        if 'attainment' in fields:
            for row in result:
                quota = row.get('quota_amount')
                won = row.get('won_amount') or 0.0
                if quota is None or won is None:
                    continue
                row['attainment'] = won * 100.0 / quota if quota else 0.0
        return result
