# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models, tools
from odoo.addons.crm.models.crm_stage import AVAILABLE_PRIORITIES

# An email of a lead is a message of the lead's chatter that came in or went
# out by mail: message_type 'email' (the mail gateway, a reply by mail) or a
# 'comment' posted with the "Discussions" subtype (mail.mt_comment: chatter's
# "Send message" and the mail composer, mailed to the followers). Internal
# notes, tracking and done activities are not emails. It was *sent* when its
# author is the partner of an internal user (res_users.share false, archived
# users included), *received* otherwise (a customer, a portal user, or no
# known author: the gateway's unknown senders).
EMAIL_SQL = """
    (m.message_type = 'email' OR (m.message_type = 'comment' AND
     m.subtype_id = (SELECT imd.res_id FROM ir_model_data imd
                      WHERE imd.module = 'mail' AND imd.name = 'mt_comment'
                        AND imd.model = 'mail.message.subtype')))
"""
INTERNAL_AUTHOR_SQL = """
    EXISTS (SELECT 1 FROM res_users u
             WHERE u.partner_id = m.author_id AND u.share IS NOT TRUE)
"""


class CrmLeadAnalysis(models.Model):
    """Lead analysis: one row per lead or opportunity (lost ones included),
    crm's pipeline analysis figures plus the emails received and sent, the
    overdue activities, the days to qualify, converted and won."""

    _name = 'crm.lead.analysis'
    _description = 'Lead Analysis'
    _auto = False
    _rec_name = 'name'
    _order = 'create_date desc'

    lead_id = fields.Many2one('crm.lead', string='Lead', readonly=True)
    name = fields.Char(string='Lead', readonly=True)
    type = fields.Selection([
        ('lead', 'Lead'), ('opportunity', 'Opportunity'),
    ], string='Type', readonly=True)
    lead_active = fields.Boolean(
        string='Active', readonly=True,
        help="False for lost (archived) leads and opportunities.")
    create_date = fields.Datetime(string='Creation Date', readonly=True)
    date_open = fields.Datetime(string='Assignation Date', readonly=True)
    date_conversion = fields.Datetime(
        string='Conversion Date', readonly=True,
        help="When the lead became an opportunity.")
    date_closed = fields.Datetime(string='Close Date', readonly=True)
    user_id = fields.Many2one('res.users', string='Salesperson',
                              readonly=True)
    team_id = fields.Many2one('crm.team', string='Sales Team',
                              readonly=True)
    company_id = fields.Many2one('res.company', string='Company',
                                 readonly=True)
    stage_id = fields.Many2one('crm.stage', string='Stage', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Customer',
                                 readonly=True)
    country_id = fields.Many2one('res.country', string='Country',
                                 readonly=True)
    campaign_id = fields.Many2one('utm.campaign', string='Campaign',
                                  readonly=True)
    medium_id = fields.Many2one('utm.medium', string='Medium',
                                readonly=True)
    source_id = fields.Many2one('utm.source', string='Source',
                                readonly=True)
    priority = fields.Selection(AVAILABLE_PRIORITIES, string='Priority',
                                readonly=True)
    lost_reason = fields.Many2one('crm.lost.reason', string='Lost Reason',
                                  readonly=True)
    # measures
    nbr = fields.Integer(string='# Leads', readonly=True)
    planned_revenue = fields.Float(string='Expected Revenue',
                                   digits=(16, 2), readonly=True)
    expected_revenue = fields.Float(
        string='Prorated Revenue', digits=(16, 2), readonly=True,
        help="Expected revenue x probability / 100.")
    probability = fields.Float(string='Probability (%)', digits=(16, 2),
                               readonly=True, group_operator='avg')
    emails_received = fields.Integer(
        string='# Emails Received', readonly=True,
        help="Emails of the lead not written by an internal user: mail "
             "from the customer, through the gateway or the portal.")
    emails_sent = fields.Integer(
        string='# Emails Sent', readonly=True,
        help="Emails of the lead written by an internal user: sent from "
             "the chatter or the composer, or replies by mail.")
    overdue_activities = fields.Integer(
        string='# Overdue Activities', readonly=True,
        help="Planned activities whose due date is before today (UTC).")
    days_to_qualify = fields.Float(
        string='Days to Qualify', digits=(16, 2), readonly=True,
        group_operator='avg',
        help="Days from the creation of the lead to its conversion into "
             "an opportunity (empty when not converted).")
    converted = fields.Boolean(
        string='Converted', readonly=True,
        help="The lead is an opportunity, or was converted into one.")
    conversion_rate = fields.Float(
        string='Conversion Rate (%)', digits=(16, 2), readonly=True,
        group_operator='avg',
        help="100 for a converted lead, 0 otherwise: its average is the "
             "share of converted leads.")
    won = fields.Boolean(
        string='Won', readonly=True,
        help="Active and in a stage of probability 100.")
    won_revenue = fields.Float(
        string='Won Revenue', digits=(16, 2), readonly=True,
        help="The expected revenue of the won opportunities.")

    def _select(self):
        return """
            SELECT
                c.id AS id,
                c.id AS lead_id,
                c.name AS name,
                c.type AS type,
                c.active AS lead_active,
                c.create_date AS create_date,
                c.date_open AS date_open,
                c.date_conversion AS date_conversion,
                c.date_closed AS date_closed,
                c.user_id AS user_id,
                c.team_id AS team_id,
                c.company_id AS company_id,
                c.stage_id AS stage_id,
                c.partner_id AS partner_id,
                c.country_id AS country_id,
                c.campaign_id AS campaign_id,
                c.medium_id AS medium_id,
                c.source_id AS source_id,
                c.priority AS priority,
                c.lost_reason AS lost_reason,
                1 AS nbr,
                COALESCE(c.planned_revenue, 0) AS planned_revenue,
                COALESCE(c.planned_revenue, 0) *
                    COALESCE(c.probability, 0) / 100.0 AS expected_revenue,
                c.probability AS probability,
                COALESCE(msg.emails_received, 0) AS emails_received,
                COALESCE(msg.emails_sent, 0) AS emails_sent,
                COALESCE(act.overdue_activities, 0) AS overdue_activities,
                CASE WHEN c.date_conversion IS NOT NULL THEN
                    EXTRACT('epoch' FROM c.date_conversion - c.create_date)
                    / (3600 * 24) END AS days_to_qualify,
                (c.type = 'opportunity' OR c.date_conversion IS NOT NULL)
                    AS converted,
                CASE WHEN c.type = 'opportunity'
                          OR c.date_conversion IS NOT NULL
                     THEN 100.0 ELSE 0.0 END AS conversion_rate,
                (c.active AND COALESCE(stage.probability, 0) = 100) AS won,
                CASE WHEN c.active AND COALESCE(stage.probability, 0) = 100
                     THEN COALESCE(c.planned_revenue, 0) ELSE 0 END
                    AS won_revenue
        """

    def _from(self):
        # messages and activities are aggregated once, grouped by lead,
        # and joined: no query per lead
        return """
            FROM crm_lead c
            LEFT JOIN crm_stage stage ON stage.id = c.stage_id
            LEFT JOIN (
                SELECT m.res_id AS lead_id,
                       COUNT(*) FILTER (WHERE NOT %(internal)s)
                           AS emails_received,
                       COUNT(*) FILTER (WHERE %(internal)s) AS emails_sent
                  FROM mail_message m
                 WHERE m.model = 'crm.lead' AND m.res_id IS NOT NULL
                   AND %(email)s
                 GROUP BY m.res_id
            ) msg ON msg.lead_id = c.id
            LEFT JOIN (
                SELECT a.res_id AS lead_id, COUNT(*) AS overdue_activities
                  FROM mail_activity a
                 WHERE a.res_model = 'crm.lead'
                   AND a.date_deadline < (now() AT TIME ZONE 'UTC')::date
                 GROUP BY a.res_id
            ) act ON act.lead_id = c.id
        """ % {'internal': INTERNAL_AUTHOR_SQL, 'email': EMAIL_SQL}

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("CREATE OR REPLACE VIEW %s AS (%s %s)" % (
            self._table, self._select(), self._from()))
