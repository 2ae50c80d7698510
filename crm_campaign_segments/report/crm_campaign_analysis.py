# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models, tools


class CrmCampaignAnalysis(models.Model):
    """What the campaigns did, for the pivot and graph views: a line per
    workitem (its activity, state and date, and the events of the mail it
    made as mass_mailing's statistics record them) and a line per lead of
    a campaign's UTM campaign (created or updated by the campaign, or
    brought by its links), with the revenue won. Figures are sums of 0/1
    columns, so that any grouping adds them up."""

    _name = 'crm.campaign.analysis'
    _description = 'Campaign Analysis'
    _auto = False
    _rec_name = 'campaign_id'
    _order = 'date desc'

    line_type = fields.Selection([
        ('workitem', 'Workitem'),
        ('lead', 'Lead of the UTM campaign'),
    ], string='Line', readonly=True)
    date = fields.Datetime(
        string='Date', readonly=True,
        help="Workitems: when done, else when scheduled. Leads: when "
             "created.")
    campaign_id = fields.Many2one('crm.campaign', string='Campaign',
                                  readonly=True)
    utm_campaign_id = fields.Many2one('utm.campaign', string='UTM Campaign',
                                      readonly=True)
    activity_id = fields.Many2one(
        'crm.campaign.activity', string='Activity', readonly=True,
        help="Leads: the activity that created or updated the lead first.")
    segment_id = fields.Many2one('crm.segment', string='Segment',
                                 readonly=True)
    state = fields.Selection([
        ('todo', 'To Do'),
        ('done', 'Done'),
        ('skipped', 'Skipped'),
        ('cancelled', 'Cancelled'),
        ('exception', 'Exception'),
    ], string='Status', readonly=True)
    workitem_count = fields.Integer(string='Workitems', readonly=True)
    mail_count = fields.Integer(
        string='Mails', readonly=True,
        help="Mails made, sent or (test mode) kept unsent.")
    sent_count = fields.Integer(string='Sent', readonly=True)
    opened_count = fields.Integer(string='Opened', readonly=True)
    clicked_count = fields.Integer(string='Clicked', readonly=True)
    replied_count = fields.Integer(string='Replied', readonly=True)
    bounced_count = fields.Integer(string='Bounced', readonly=True)
    lead_count = fields.Integer(string='Leads', readonly=True)
    opportunity_count = fields.Integer(string='Opportunities',
                                       readonly=True)
    revenue_won = fields.Float(
        string='Revenue Won', readonly=True,
        help="The expected revenue of the won opportunities of the UTM "
             "campaign.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # ids: a workitem's doubled, a lead's line odd (a lead may count in
        # several campaigns sharing its UTM campaign: lead and campaign in
        # the id, which stays below 2^53 for the web client)
        self.env.cr.execute("""
            CREATE VIEW crm_campaign_analysis AS (
                SELECT w.id::bigint * 2 AS id, 'workitem' AS line_type,
                       COALESCE(w.date_done, w.date_scheduled) AS date,
                       w.campaign_id, c.utm_campaign_id, w.activity_id,
                       w.segment_id, w.state, 1 AS workitem_count,
                       (s.id IS NOT NULL)::integer AS mail_count,
                       (s.sent IS NOT NULL)::integer AS sent_count,
                       (s.opened IS NOT NULL)::integer AS opened_count,
                       (s.clicked IS NOT NULL)::integer AS clicked_count,
                       (s.replied IS NOT NULL)::integer AS replied_count,
                       (s.bounced IS NOT NULL)::integer AS bounced_count,
                       0 AS lead_count, 0 AS opportunity_count,
                       0.0 AS revenue_won
                FROM crm_campaign_workitem w
                JOIN crm_campaign c ON c.id = w.campaign_id
                LEFT JOIN mail_mail_statistics s
                    ON s.id = w.mail_statistics_id
                UNION ALL
                SELECT (l.id::bigint * 1000000 + c.id) * 2 + 1, 'lead',
                       l.create_date, c.id, c.utm_campaign_id,
                       first.activity_id, first.segment_id, NULL, 0,
                       0, 0, 0, 0, 0, 0,
                       (l.type = 'lead')::integer,
                       (l.type = 'opportunity')::integer,
                       CASE WHEN l.active AND l.probability = 100
                            THEN COALESCE(l.planned_revenue, 0)
                            ELSE 0 END
                FROM crm_lead l
                JOIN crm_campaign c ON c.utm_campaign_id = l.campaign_id
                LEFT JOIN LATERAL (
                    SELECT w.activity_id, w.segment_id
                    FROM crm_campaign_workitem w
                    WHERE w.lead_id = l.id AND w.campaign_id = c.id
                    ORDER BY w.id LIMIT 1) first ON TRUE
            )""")
