# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    territory_ids = fields.Many2many(
        'crm.territory', 'crm_territory_res_users_rel', 'user_id',
        'territory_id', string='Territories')
    territory_restricted = fields.Boolean(
        compute='_compute_territory_restricted',
        help="Territory salesperson or manager, but not Sales Manager: the "
             "territory record rules apply.")

    @api.multi
    def write(self, vals):
        result = super(ResUsers, self).write(vals)
        # the user form sets groups through in_group_<id>/sel_groups_<ids>
        if 'territory_ids' in vals or any(
                name == 'groups_id' or name.startswith(('in_group_',
                                                        'sel_groups_'))
                for name in vals):
            self.env['mail.followers']._crm_lead_unsubscribe(self)
        return result

    @api.depends('groups_id')
    def _compute_territory_restricted(self):
        for user in self:
            user.territory_restricted = user.has_group(
                'crm_territory_security.group_territory_salesman'
            ) and not user.has_group('sales_team.group_sale_manager')
