# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmTeam(models.Model):
    """Sales teams in a tree: the leader of a team (``user_id``) sees the
    leads of the team and of every team below it (record rule
    ``crm_leads_ext.crm_lead_rule_team_leader``)."""

    _inherit = 'crm.team'
    _parent_name = 'parent_id'

    parent_id = fields.Many2one(
        'crm.team', string='Parent Team', index=True, ondelete='restrict',
        track_visibility='onchange',
        help="Leads of this team are escalated to the parent team, whose "
             "leader also sees the leads of this team.")
    child_ids = fields.One2many(
        'crm.team', 'parent_id', string='Sub-teams')
    escalation_takeover = fields.Boolean(
        string='Escalation hands the lead to the parent team',
        help="When a lead of this team is escalated, the parent team takes "
             "it over: the leader of the parent team becomes its "
             "salesperson (no salesperson if the parent team has no "
             "leader). Otherwise the lead keeps its salesperson.")

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_(
                "A sales team cannot be its own parent, directly or "
                "through its sub-teams."))

    @api.model
    def _leads_ext_rule_fields(self):
        """Fields the team leader record rule depends on: the rule domains
        are cached per user, so a change of these clears the cache."""
        return ('user_id', 'parent_id', 'active')

    @api.model
    def create(self, vals):
        team = super(CrmTeam, self).create(vals)
        if vals.get('user_id') or vals.get('parent_id'):
            self.env['ir.rule'].clear_caches()
        return team

    @api.multi
    def write(self, vals):
        res = super(CrmTeam, self).write(vals)
        if set(vals) & set(self._leads_ext_rule_fields()):
            self.env['ir.rule'].clear_caches()
        return res

    @api.multi
    def unlink(self):
        res = super(CrmTeam, self).unlink()
        self.env['ir.rule'].clear_caches()
        return res
