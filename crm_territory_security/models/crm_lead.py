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
    def action_reset_territory(self):
        """Forget the territory chosen by hand: match it from the address
        again."""
        self.write({'territory_manual_id': False})
        return True

    @api.model
    def create(self, vals):
        lead = super(CrmLead, self).create(vals)
        if not lead.user_id and lead.territory_id.assign_user != 'none':
            user = lead.territory_id._next_salesperson()
            if user:
                lead.write({'user_id': user.id})
        return lead
