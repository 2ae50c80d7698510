# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class ResPartner(models.Model):
    """Partners get the territory of their address too (no default
    territory: a partner outside every territory has none). Partners stay
    readable by every user: the territory does not restrict them."""

    _inherit = 'res.partner'

    territory_id = fields.Many2one(
        'crm.territory', string='Territory', index=True,
        compute='_compute_territory_id', inverse='_inverse_territory_id',
        store=True, compute_sudo=True)
    territory_manual_id = fields.Many2one(
        'crm.territory', string='Territory Chosen', copy=False,
        readonly=True)

    @api.depends('country_id', 'state_id', 'zip', 'city', 'category_id',
                 'territory_manual_id')
    def _compute_territory_id(self):
        manual = self.filtered('territory_manual_id')
        for partner in manual:
            partner.territory_id = partner.territory_manual_id
        automatic = self - manual
        matches = self.env['crm.territory']._match_records(automatic)
        for partner in automatic:
            partner.territory_id = matches.get(partner.id)

    @api.multi
    def _inverse_territory_id(self):
        for partner in self:
            partner.territory_manual_id = partner.territory_id

    @api.multi
    def _territory_address(self):
        self.ensure_one()
        return {
            'country_id': self.country_id.id,
            'state_id': self.state_id.id,
            'zip': self.zip,
            'city': self.city,
            'category_ids': self.category_id.ids,
        }

    @api.model
    def create(self, vals):
        if vals.get('territory_id'):
            vals = dict(vals, territory_manual_id=vals['territory_id'])
        return super(ResPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'territory_id' in vals and 'territory_manual_id' not in vals:
            vals = dict(vals, territory_manual_id=vals['territory_id'])
        return super(ResPartner, self).write(vals)

    @api.model
    def get_needaction_count(self):
        """The Inbox lists the messages a territory user may read: its
        counter counts their notifications (Odoo 11 counts all of them in
        SQL, those of other territories' leads too)."""
        if not self.env.user.territory_restricted:
            return super(ResPartner, self).get_needaction_count()
        return self.env['mail.notification'].search_count([
            ('res_partner_id', '=', self.env.user.partner_id.id),
            ('is_read', '=', False)])

    @api.multi
    def action_reset_territory(self):
        self.write({'territory_manual_id': False})
        return True
