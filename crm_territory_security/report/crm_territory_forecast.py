# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models, tools


class CrmTerritoryForecast(models.Model):
    """Forecast per territory, salesperson and month: open and weighted
    pipeline by expected closing month, won in the month (by closing date),
    quota and attainment (won / quota, computed on the grouped sums).

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
                SELECT ROW_NUMBER() OVER () AS id, f.* FROM (
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
