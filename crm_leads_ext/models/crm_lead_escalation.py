# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class CrmLeadEscalation(models.Model):
    """One row per escalation of a lead to the parent team. Rows are
    written by ``crm.lead._escalate()`` only (one INSERT per escalation
    batch) and never edited."""

    _name = 'crm.lead.escalation'
    _description = 'Lead Escalation'
    _order = 'date desc, id desc'

    lead_id = fields.Many2one(
        'crm.lead', string='Lead', required=True, index=True,
        ondelete='cascade', readonly=True)
    team_from_id = fields.Many2one(
        'crm.team', string='From Team', readonly=True, ondelete='set null')
    team_to_id = fields.Many2one(
        'crm.team', string='To Team', readonly=True, ondelete='set null')
    user_id = fields.Many2one(
        'res.users', string='Escalated By', readonly=True,
        default=lambda self: self.env.user)
    date = fields.Datetime(
        string='Date', readonly=True, default=fields.Datetime.now)
    reason = fields.Text(string='Reason', required=True, readonly=True)
