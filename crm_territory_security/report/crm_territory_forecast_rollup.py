# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models, tools


class CrmTerritoryForecastRollup(models.Model):
    """The forecast rolled up the territory tree: each row of the forecast
    once per territory from its own up to the root (``rollup_territory_id``),
    so that grouping by it gives every territory the total of its whole
    subtree. Group by ``rollup_territory_id`` first: other groupings count a
    row once per ancestor.

    The rules of the forecast apply to the rows underneath: a manager's
    region shows all its subtree, an ancestor above only the part the user
    may see."""

    _name = 'crm.territory.forecast.rollup'
    _inherit = 'crm.territory.forecast'
    _description = 'Sales Forecast Rolled up the Territory Tree'
    _auto = False
    _order = 'date desc'

    rollup_territory_id = fields.Many2one(
        'crm.territory', string='Territory (with sub-territories)',
        readonly=True)
    rollup_level = fields.Integer(
        string='Levels below', readonly=True,
        help="0 on the forecast's own territory, 1 on its parent, ...")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW crm_territory_forecast_rollup AS (
                SELECT ROW_NUMBER() OVER () AS id,
                       ancestor.id AS rollup_territory_id,
                       (SELECT count(*) FROM crm_territory middle
                         WHERE middle.parent_left > ancestor.parent_left
                           AND middle.parent_left <= own.parent_left
                           AND middle.parent_right >= own.parent_right
                       ) AS rollup_level,
                       f.date, f.territory_id, f.user_id, f.team_id,
                       f.company_id, f.opportunity_count, f.open_amount,
                       f.weighted_amount, f.won_amount, f.quota_amount,
                       f.attainment
                  FROM crm_territory_forecast f
                  JOIN crm_territory own ON own.id = f.territory_id
                  JOIN crm_territory ancestor
                    ON ancestor.parent_left <= own.parent_left
                   AND ancestor.parent_right >= own.parent_right
            )""")
