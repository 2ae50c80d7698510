# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class CrmLead(models.Model):
    """Each lead and opportunity belongs to a territory, matched from its
    address on create, import, RPC and address change, unless someone chose
    it (``territory_manual_id``) and did not reset it since."""

    _inherit = 'crm.lead'

    territory_id = fields.Many2one(
        'crm.territory', string='Territory', index=True,
        compute='_compute_territory_id', inverse='_inverse_territory_id',
        store=True, compute_sudo=True, track_visibility='onchange',
        help="Matched from the address by the territories' rules; choosing "
             "one keeps it until 'Reset territory'.")
    territory_manual_id = fields.Many2one(
        'crm.territory', string='Territory Chosen', copy=False,
        readonly=True)
    territory_unmatched = fields.Boolean(
        string='Unassigned Territory', index=True,
        compute='_compute_territory_id', store=True, compute_sudo=True,
        help="No territory's rules match the address: the lead is in the "
             "company's default territory, or in none.")
    territory_manual = fields.Boolean(
        string='Territory Chosen by Hand',
        compute='_compute_territory_manual')

    @api.depends('country_id', 'state_id', 'zip', 'city', 'company_id',
                 'partner_id.category_id', 'territory_manual_id')
    def _compute_territory_id(self):
        manual = self.filtered('territory_manual_id')
        for lead in manual:
            lead.territory_id = lead.territory_manual_id
            lead.territory_unmatched = False
        automatic = self - manual
        matches = self.env['crm.territory']._match_records(automatic)
        default_company = self.env.user.company_id
        for lead in automatic:
            match = matches.get(lead.id)
            lead.territory_unmatched = not match
            lead.territory_id = match or (
                lead.company_id or default_company
            ).crm_default_territory_id

    @api.multi
    def _inverse_territory_id(self):
        if self.env.context.get('territory_matched'):
            return  # matched at create, not chosen
        for lead in self:
            lead.territory_manual_id = lead.territory_id

    @api.depends('territory_manual_id')
    def _compute_territory_manual(self):
        for lead in self:
            lead.territory_manual = bool(lead.territory_manual_id)

    @api.multi
    def _territory_address(self):
        self.ensure_one()
        return {
            'country_id': self.country_id.id,
            'state_id': self.state_id.id,
            'zip': self.zip,
            'city': self.city,
            'category_ids': self.partner_id.category_id.ids,
        }

    @api.multi
    def write(self, vals):
        if 'territory_id' in vals and 'territory_manual_id' not in vals:
            vals = dict(vals, territory_manual_id=vals['territory_id'])
        return super(CrmLead, self).write(vals)

    @api.multi
    def _write(self, vals):
        """Every change of territory goes through here: a write, an address
        change, the recompute wizard, the tags of the customer."""
        result = super(CrmLead, self)._write(vals)
        if 'territory_id' in vals:
            self._territory_unsubscribe_lost_followers()
        return result

    @api.multi
    def _territory_unsubscribe_lost_followers(self):
        """The territory users who follow these leads and may no longer
        read them stop following them. One query finds the candidates (the
        followers who are in the territory salesperson group, without
        access to the lead's territory), so that a recompute of many leads
        costs one query per territory; the followers' rules decide."""
        group_id = self.env['ir.model.data'].xmlid_to_res_id(
            'crm_territory_security.group_territory_salesman')
        if not self or not group_id:
            # no lead, or this addon installing: its groups have no user yet
            return True
        self.env.cr.execute("""
            SELECT DISTINCT u.id
              FROM mail_followers f
              JOIN res_users u ON u.partner_id = f.partner_id
              JOIN res_groups_users_rel g ON g.uid = u.id AND g.gid = %s
              LEFT JOIN crm_lead l ON l.id = f.res_id
             WHERE f.res_model = 'crm.lead' AND f.res_id IN %s
               AND NOT EXISTS (
                   SELECT 1 FROM crm_territory_access_rel a
                    WHERE a.user_id = u.id AND a.territory_id = l.territory_id)
        """, (group_id, tuple(self.ids)))
        users = self.env['res.users'].sudo().browse(
            [row[0] for row in self.env.cr.fetchall()])
        return self.env['mail.followers']._crm_lead_unsubscribe(users, self)

    @api.multi
    def action_reset_territory(self):
        """Forget the territory chosen by hand: match it from the address
        again."""
        self.write({'territory_manual_id': False})
        return True

    @api.model
    def create(self, vals):
        """The territory is known before the INSERT: the followers created
        inside the lead's own create are checked against the territory
        rules before any delayed recomputation runs. The address rules are
        matched first on the values; once created, the lead is matched
        again with the territories' domains too."""
        # before the matching reads the territories as superuser
        self.check_access_rights('create')
        vals = dict(vals)
        matched = False
        if vals.get('territory_id'):
            # chosen by hand; set with it, so that a recompute during the
            # create keeps it
            vals['territory_manual_id'] = vals['territory_id']
        else:
            vals.pop('territory_id', None)
            Territory = self.env['crm.territory']
            draft = self.new(vals)
            territory = Territory._match_records(draft).get(draft.id)
            if territory:
                vals['territory_id'] = territory.id
                matched = True
            elif self.env.user.territory_restricted:
                # a lead of a territory salesperson that no territory
                # matches goes to one of their territories (not to the
                # default one, which would hide it from them)
                own = Territory.search(
                    [('access_user_ids', 'in', self.env.uid)], limit=1)
                if own:
                    vals['territory_id'] = own.id
                    vals['territory_manual_id'] = own.id
        lead = super(CrmLead, self.with_context(
            territory_matched=matched)).create(vals).with_env(self.env)
        if matched:
            self.env.add_todo(self._fields['territory_id'], lead)
            lead.recompute()
        lead._assign_territory_salespeople()
        return lead

    @api.multi
    def _assign_territory_salespeople(self):
        """Give the leads without a salesperson the next salesperson of
        their territory (those assigning one): one write per salesperson
        whatever the number of leads (the candidates found in one
        query: most leads of a large import are not)."""
        if not self:
            return True
        self.recompute()
        assigning = set(self.env['crm.territory'].sudo().search(
            [('assign_user', '!=', 'none')]).ids)
        if not assigning:
            return True
        # filtered here, not in the WHERE clause: the planner would scan
        # the index of user_id (every unassigned lead) instead of the ids
        self.env.cr.execute(
            "SELECT id, user_id, territory_id FROM crm_lead WHERE id IN %s",
            (tuple(self.ids),))
        candidates = sorted(
            lead_id for lead_id, user_id, territory_id
            in self.env.cr.fetchall()
            if not user_id and territory_id in assigning)
        by_user = {}
        for lead in self.browse(candidates):
            user = lead.territory_id._next_salesperson()
            if user:
                by_user.setdefault(user.id, []).append(lead.id)
        for user_id, lead_ids in by_user.items():
            self.browse(lead_ids).write({'user_id': user_id})
        return True
