# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import ValidationError

# the installed languages, as for a partner's (and a lead's) language
from odoo.addons.base.res.res_partner import _lang_get
from odoo.addons.crm_safe_domain.safe_domain import SafeDomainError


class CrmLeadAssignmentRule(models.Model):
    """Ordered rules classifying new leads and handing them to a team and,
    optionally, to its salespeople in turn. The first active rule (by
    sequence) whose every set criterion matches a lead wins."""

    _name = 'crm.lead.assignment.rule'
    _inherit = ['crm.safe.domain.mixin', 'crm.company.check.mixin']
    _description = 'Lead Assignment Rule'
    _order = 'sequence, id'

    name = fields.Char(string='Name', required=True, translate=True)
    sequence = fields.Integer(string='Sequence', default=10)
    active = fields.Boolean(string='Active', default=True)
    tag_ids = fields.Many2many(
        'crm.lead.tag', 'crm_lead_assignment_rule_tag_rel', 'rule_id',
        'tag_id', string='Tags',
        help="The lead has at least one of these tags.")
    source_id = fields.Many2one('utm.source', string='Source')
    medium_id = fields.Many2one('utm.medium', string='Medium')
    campaign_id = fields.Many2one('utm.campaign', string='Campaign')
    country_ids = fields.Many2many(
        'res.country', 'crm_lead_assignment_rule_country_rel', 'rule_id',
        'country_id', string='Countries',
        help="The lead's country is one of these.")
    lang = fields.Selection(
        _lang_get, string='Language',
        help="The lead's language (or, when the lead has none, its "
             "customer's).")
    domain = fields.Char(
        string='Domain',
        help="Optional extra condition on the lead, a domain such as "
             "[('planned_revenue', '>', 1000)]. It is data: it may use uid, "
             "company_id, company_ids, context_today(), relativedelta() "
             "and the date functions of datetime and time, nothing else.")
    team_id = fields.Many2one(
        'crm.team', string='Sales Team', required=True, ondelete='cascade')
    company_id = fields.Many2one(
        'res.company', string='Company', required=True, index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'crm.lead.assignment.rule'),
        help="The rule classifies the new leads of this company only.")
    user_ids = fields.Many2many(
        'res.users', 'crm_lead_assignment_rule_user_rel', 'rule_id',
        'user_id', string='Salespeople',
        help="Members of the team to whom leads go in turn, each at most "
             "'Monthly Capacity' leads of this rule per month. Empty: the "
             "lead goes to the team without salesperson.")
    capacity = fields.Integer(
        string='Monthly Capacity', default=0,
        help="Leads of this rule each salesperson receives at most per "
             "calendar month; 0 means no limit.")
    lead_ids = fields.One2many(
        'crm.lead', 'assignment_rule_id', string='Assigned Leads')

    _sql_constraints = [
        ('capacity_positive', 'CHECK(capacity >= 0)',
         'The monthly capacity cannot be negative.'),
    ]

    @api.model
    def _safe_domain_uid(self):
        # on create the rules run as superuser: uid stays the creator's.
        # Anyone else's context cannot choose whose ids the domain sees.
        if self.env.uid == SUPERUSER_ID:
            return self.env.context.get('crm_assignment_uid') or \
                self.env.uid
        return self.env.uid

    @api.multi
    def _get_domain(self):
        """The rule's domain as data, checked again: None when it is
        refused (written before the checks, or in SQL), and the rule then
        matches no lead."""
        self.ensure_one()
        if not self.domain:
            return []
        return self._safe_domain_or_none(self.domain, 'crm.lead')

    @api.constrains('domain')
    def _check_domain(self):
        for rule in self.filtered('domain'):
            try:
                rule._safe_domain(rule.domain, 'crm.lead')
            except SafeDomainError as error:
                raise ValidationError(_(
                    "The domain of the assignment rule '%(rule)s' is not "
                    "valid: %(error)s") % {
                        'rule': rule.name,
                        'error': self._safe_domain_error_message(error)})

    @api.constrains('team_id', 'user_ids')
    def _check_user_ids(self):
        for rule in self:
            outsiders = rule.user_ids.filtered(
                lambda u, team=rule.team_id: u.sale_team_id != team)
            if outsiders:
                raise ValidationError(_(
                    "The salespeople of the assignment rule '%(rule)s' must "
                    "be members of its sales team %(team)s (Odoo moves a "
                    "lead to the team of its salesperson otherwise): "
                    "%(users)s") % {
                        'rule': rule.name, 'team': rule.team_id.name,
                        'users': ', '.join(outsiders.mapped('name'))})

    @api.constrains('team_id', 'company_id')
    def _check_company(self):
        for rule in self:
            if rule.team_id.company_id not in (
                    rule.company_id, rule.env['res.company']):
                raise ValidationError(_(
                    "The sales team of the assignment rule '%(rule)s' "
                    "belongs to another company than the rule: %(team)s.")
                    % {'rule': rule.name, 'team': rule.team_id.name})

    @api.multi
    def _filter_leads(self, leads):
        """The leads of ``leads`` this rule matches: the plain criteria
        on the prefetched records, the domain in one query."""
        self.ensure_one()
        tags = set(self.tag_ids.ids)
        countries = set(self.country_ids.ids)

        def match(lead):
            if tags and not tags & set(lead.tag_ids.ids):
                return False
            if countries and lead.country_id.id not in countries:
                return False
            if self.source_id and lead.source_id != self.source_id:
                return False
            if self.medium_id and lead.medium_id != self.medium_id:
                return False
            if self.campaign_id and lead.campaign_id != self.campaign_id:
                return False
            if self.lang and \
                    (lead.lang or lead.partner_id.lang) != self.lang:
                return False
            return True

        matched = leads.filtered(match)
        if matched and self.domain:
            domain = self._get_domain()
            if domain is None:
                return leads.browse()
            matched = matched.with_context(active_test=False).search(
                [('id', 'in', matched.ids)] + domain)
            matched = leads & matched
        return matched

    @api.model
    def _match_leads(self, leads):
        """{rule: leads}: each lead goes to the first rule of its company
        matching it (the rules run as superuser: another company's rule
        would hand the lead to that company's team)."""
        result = {}
        remaining = leads
        for rule in self.search([]):
            if not remaining:
                break
            matched = rule._filter_leads(remaining.filtered(
                lambda lead: lead.company_id == rule.company_id))
            if matched:
                result[rule] = matched
                remaining -= matched
        return result

    @api.multi
    def _month_counts(self):
        """{user id: leads this rule assigned to them this month}. Counted
        over every lead, not only those the current user may read: the
        capacity is the rule's, whoever creates the lead."""
        self.ensure_one()
        now = fields.Datetime.from_string(fields.Datetime.now())
        month_start = fields.Datetime.to_string(now.replace(
            day=1, hour=0, minute=0, second=0, microsecond=0))
        groups = self.env['crm.lead'].sudo().with_context(
            active_test=False).read_group(
            [('assignment_rule_id', '=', self.id),
             ('user_id', 'in', self.user_ids.ids),
             ('assignment_date', '>=', month_start)],
            ['user_id'], ['user_id'])
        return {group['user_id'][0]: group['user_id_count']
                for group in groups}

    @api.multi
    def _dispatch(self, leads):
        """{user (possibly empty): leads}: round-robin over the rule's
        salespeople, the least loaded this month first (ties in the order
        of the salespeople), skipping those at capacity."""
        self.ensure_one()
        Users = self.env['res.users']
        # a salesperson who left the team since gets no more leads of it
        users = self.user_ids.filtered(
            lambda u: u.sale_team_id == self.team_id)
        if not users:
            return {Users: leads}
        counts = self._month_counts()
        users = users.sorted(lambda u: (u.name or '', u.id))
        order = {user.id: index for index, user in enumerate(users)}
        result = defaultdict(lambda: self.env['crm.lead'])
        for lead in leads.sorted('id'):
            free = [u for u in users if not self.capacity or
                    counts.get(u.id, 0) < self.capacity]
            if not free:
                result[Users] |= lead
                continue
            user = min(free, key=lambda u: (counts.get(u.id, 0),
                                            order[u.id]))
            counts[user.id] = counts.get(user.id, 0) + 1
            result[user] |= lead
        return result

    @api.multi
    def _assign(self, leads):
        """Write the team, salesperson and rule on ``leads`` (all matched
        by this rule), one write per salesperson."""
        self.ensure_one()
        now = fields.Datetime.now()
        for user, user_leads in self._dispatch(leads).items():
            user_leads.write({
                'team_id': self.team_id.id,
                'user_id': user.id,
                'assignment_rule_id': self.id,
                'assignment_date': now,
            })
