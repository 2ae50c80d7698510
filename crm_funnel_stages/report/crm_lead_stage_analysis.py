# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models, tools


class CrmLeadStageAnalysis(models.Model):
    """One row per stay of a lead in a stage, read from the stage history:
    the analysis of conversion from each stage to the next and of the days
    spent in each stage."""

    _name = 'crm.lead.stage.analysis'
    _inherit = 'crm.stage.labels.mixin'
    _stage_label_fields = ('stage_id', 'next_stage_id')
    _description = 'Stage conversion analysis'
    _auto = False
    _rec_name = 'stage_id'
    _order = 'date desc'

    lead_id = fields.Many2one('crm.lead', string='Lead', readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson',
                              readonly=True)
    stage_id = fields.Many2one('crm.stage', string='Stage', readonly=True)
    next_stage_id = fields.Many2one(
        'crm.stage', string='Next Stage', readonly=True,
        help="Where the lead went when it left the stage; empty while it "
             "is still there.")
    date = fields.Datetime(string='Entered on', readonly=True)
    date_left = fields.Datetime(string='Left on', readonly=True)
    entry_count = fields.Integer(string='Entered', readonly=True)
    advanced_count = fields.Integer(
        string='Moved on', readonly=True,
        help="Stays that ended with the lead moving forward to a stage "
             "that is not a lost one.")
    conversion_rate = fields.Float(
        string='Conversion Rate (%)', readonly=True, group_operator='avg',
        digits=(16, 1),
        help="Share of the leads that entered the stage and moved forward "
             "from it to a stage that is not a lost one.")
    days_in_stage = fields.Float(
        string='Days in Stage', readonly=True, group_operator='avg',
        digits=(16, 1),
        help="Until the lead left the stage, or until now while it is "
             "still there (the average of them in the reports).")
    is_current = fields.Boolean(string='Still in Stage', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # A stay starts with the history row that moved the lead into the
        # stage and ends with the lead's next history row. A move to a
        # folded stage of probability 0 (a lost stage) is no conversion.
        self.env.cr.execute("""
            CREATE VIEW crm_lead_stage_analysis AS (
                SELECT stay.id, stay.lead_id, stay.team_id, lead.user_id,
                       stay.stage_to_id AS stage_id,
                       stay.next_stage_id, stay.date, stay.date_left,
                       1 AS entry_count,
                       CASE WHEN advanced THEN 1 ELSE 0 END
                           AS advanced_count,
                       CASE WHEN advanced THEN 100.0 ELSE 0.0 END
                           AS conversion_rate,
                       EXTRACT(EPOCH FROM (COALESCE(
                           stay.date_left, now() AT TIME ZONE 'UTC')
                           - stay.date)) / 86400.0 AS days_in_stage,
                       stay.date_left IS NULL AS is_current
                  FROM (
                    SELECT h.*,
                           LEAD(h.stage_to_id) OVER w AS next_stage_id,
                           LEAD(h.date) OVER w AS date_left,
                           COALESCE(LEAD(h.forward) OVER w, FALSE)
                               AS next_forward
                      FROM crm_lead_stage_history h
                    WINDOW w AS (PARTITION BY h.lead_id ORDER BY h.date, h.id)
                  ) stay
                  JOIN crm_lead lead ON lead.id = stay.lead_id
                  LEFT JOIN crm_stage next_stage
                         ON next_stage.id = stay.next_stage_id
                 CROSS JOIN LATERAL (
                    SELECT stay.next_forward AND NOT (
                        COALESCE(next_stage.fold, FALSE)
                        AND COALESCE(next_stage.probability, 0) = 0)
                        AS advanced
                 ) outcome
                 WHERE stay.stage_to_id IS NOT NULL
            )
        """)
