# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Where a lead goes among the teams: escalation to the parent team,
assignment rules (on create and after an import) and what they match on
(the lead's language, "New").

crm.lead is extended in one file per purpose, each named in its
docstring: here the routing; crm_lead_capture.py the capture endpoint,
crm_lead_conversion.py conversion and merging, crm_lead_history.py the
communication history, crm_lead_mail.py the mail gateway."""
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape, plaintext2html

# the installed languages, as for a partner's language
from odoo.addons.base.res.res_partner import _lang_get

from ..lead_import.deduplicator import create_lookup_indexes


class CrmLead(models.Model):
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.company.check.mixin']

    lang = fields.Selection(
        _lang_get, string='Language',
        help="The language the lead speaks; assignment rules may match "
             "it.")
    team_parent_id = fields.Many2one(
        'crm.team', related='team_id.parent_id', string='Parent Team',
        readonly=True)
    escalation_ids = fields.One2many(
        'crm.lead.escalation', 'lead_id', string='Escalations',
        readonly=True)
    assignment_rule_id = fields.Many2one(
        'crm.lead.assignment.rule', string='Assignment Rule', index=True,
        readonly=True, copy=False, ondelete='set null',
        help="The assignment rule that gave this lead its team and "
             "salesperson.")
    assignment_date = fields.Datetime(
        string='Assigned by Rule on', readonly=True, copy=False)
    is_new = fields.Boolean(
        string='New', compute='_compute_is_new', search='_search_is_new',
        help="The lead is still in the first stage of the pipeline (Odoo's "
             "'New'), or has no stage.")

    # -- New ---------------------------------------------------------------

    @api.model
    def _first_stage_ids(self):
        """The first stage (lowest sequence) of the pipeline of every team
        and of the pipeline shared by all teams."""
        stages = self.env['crm.stage'].search([])
        shared = stages.filtered(lambda s: not s.team_id)
        first = set(shared[:1].ids)
        for team in stages.mapped('team_id'):
            own = stages.filtered(
                lambda s, team=team: not s.team_id or s.team_id == team)
            first.update(own[:1].ids)
        return first

    @api.depends('stage_id')
    def _compute_is_new(self):
        first = self._first_stage_ids()
        for lead in self:
            lead.is_new = not lead.stage_id or lead.stage_id.id in first

    @api.model
    def _search_is_new(self, operator, value):
        if operator not in ('=', '!='):
            raise UserError(_("Unsupported search on 'New'."))
        domain = ['|', ('stage_id', '=', False),
                  ('stage_id', 'in', list(self._first_stage_ids()))]
        if (operator == '=') != bool(value):
            domain = ['!'] + domain
        return domain

    # -- Escalation --------------------------------------------------------

    @api.multi
    def action_escalate(self):
        """Open the escalation wizard for these leads, for a user who may
        modify them."""
        self._check_escalate_rights()
        action = self.env.ref(
            'crm_leads_ext.crm_lead_escalate_action').read()[0]
        action['context'] = {
            'active_model': 'crm.lead', 'active_ids': self.ids,
            'default_lead_ids': [(6, 0, self.ids)]}
        return action

    @api.multi
    def _check_escalate_rights(self):
        """Escalating leads changes them: the user must be allowed to
        modify every one of them."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        if not self:
            raise UserError(_("Select the leads to escalate."))

    @api.multi
    def _escalate(self, reason):
        """Move every lead to the parent of its team: one history row per
        lead (one INSERT), the reason in each chatter, the parent team's
        leader notified, one write per parent team (two when some of its
        sub-teams hand their leads over: those leads get the parent
        team's leader as salesperson). Nothing is written
        when a lead cannot be escalated. The history rows are written by
        this method only, for a user who may modify the leads."""
        self._check_escalate_rights()
        if not reason or not reason.strip():
            raise UserError(_("Give the reason of the escalation."))
        stuck = self.filtered(lambda lead: not lead.team_id.parent_id)
        if stuck:
            raise UserError(_(
                "These leads cannot be escalated, their sales team has no "
                "parent team (or they have no team): %s") % ', '.join(
                    stuck.mapped('name')))
        # one INSERT for the whole batch, before the team changes
        now = fields.Datetime.now()
        self.env.cr.execute("""
            INSERT INTO crm_lead_escalation (
                lead_id, team_from_id, team_to_id, user_id, date, reason,
                create_uid, create_date, write_uid, write_date)
            SELECT lead.id, team.id, team.parent_id, %(uid)s, %(now)s,
                   %(reason)s, %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM crm_lead lead JOIN crm_team team ON team.id = lead.team_id
             WHERE lead.id IN %(ids)s
        """, {'uid': self.env.uid, 'now': now, 'reason': reason,
              'ids': tuple(self.ids)})
        self.invalidate_cache(['escalation_ids'], self.ids)
        by_parent = defaultdict(lambda: self.browse())
        for lead in self:
            by_parent[lead.team_id.parent_id] |= lead
        reason_html = plaintext2html(reason)
        for parent, leads in by_parent.items():
            leader = parent.user_id.partner_id
            for lead in leads:
                body = _(
                    "<p>Escalated from <b>%(from)s</b> to <b>%(to)s</b>.</p>"
                ) % {'from': html_escape(lead.team_id.display_name),
                     'to': html_escape(parent.display_name)} + reason_html
                lead.message_post(
                    body=body, subject=_("Lead escalated"),
                    message_type='comment', subtype='mail.mt_comment',
                    partner_ids=leader.ids)
        for parent, leads in by_parent.items():
            taken_over = leads.filtered(
                lambda lead: lead.team_id.escalation_takeover)
            if taken_over:
                # as the superuser, the user's rights checked above: a
                # salesperson who sees only their own leads loses this one
                # in the write, and Odoo's constraints read it after
                taken_over.sudo().write({'team_id': parent.id,
                                         'user_id': parent.user_id.id})
            if leads - taken_over:
                (leads - taken_over).write({'team_id': parent.id})
        return True

    # -- Assignment rules --------------------------------------------------

    @api.multi
    def _apply_assignment_rules(self):
        """Give each lead the team (and salesperson) of the first rule
        matching it. Returns the leads that a rule matched."""
        matched = self.browse()
        Rule = self.env['crm.lead.assignment.rule']
        for rule, leads in Rule._match_leads(self).items():
            rule._assign(leads)
            matched |= leads
        return matched

    @api.multi
    def action_apply_assignment_rules(self):
        """Apply the assignment rules to a selection of leads, whatever
        their current team and salesperson: for who may change them all,
        checked before any rule is tried."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._apply_assignment_rules()
        return True

    @api.model
    def create(self, vals):
        """A new lead that names no salesperson goes through the
        assignment rules, from every channel (mail gateway, import,
        RPC...). The rules are applied with the superuser's rights: an
        integration user may only be allowed to create leads."""
        lead = super(CrmLead, self).create(vals)
        if not vals.get('user_id') and \
                not self.env.context.get('crm_lead_skip_assignment'):
            lead.sudo().with_context(
                crm_assignment_uid=self.env.uid)._apply_assignment_rules()
        return lead

    # -- Import ------------------------------------------------------------

    @api.model_cr
    def init(self):
        super(CrmLead, self).init()
        create_lookup_indexes(self.env.cr, self._table, 'email_from',
                              names=('partner_name', 'contact_name'))

    @api.model
    def _prepare_import_rows(self, rows, fixed):
        """Before the lead import inserts ``rows`` ({column: value}, the
        columns of the file) with the ``fixed`` columns (team, stage,
        company...) in SQL: fill stored computed columns in the rows, and
        return their names. The import then does not recompute them (an
        UPDATE of every row); the others are recomputed after the
        INSERT."""
        return set()

    @api.multi
    def _post_import_create(self):
        """What creating these leads does beyond their row, for leads the
        import wrote in SQL (one batch): set-based. Here the assignment
        rules, for the leads without a salesperson, with the superuser's
        rights as on create; the bridge addons add what the create() of
        other addons does (crm_leads_ext_territory, crm_leads_ext_funnel)."""
        if not self or self.env.context.get('crm_lead_skip_assignment'):
            return True
        # filtered here, not in the WHERE clause: the planner would scan
        # the index of user_id (every unassigned lead) instead of the ids
        self.env.cr.execute("SELECT id, user_id FROM crm_lead WHERE id IN %s",
                            (tuple(self.ids),))
        unassigned = self.browse([lead_id for lead_id, user_id
                                  in self.env.cr.fetchall() if not user_id])
        if unassigned:
            unassigned.sudo().with_context(
                crm_assignment_uid=self.env.uid)._apply_assignment_rules()
        return True
