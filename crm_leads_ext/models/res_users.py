# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    led_team_ids = fields.One2many(
        'crm.team', 'user_id', string='Led Sales Teams',
        help="Sales teams this user leads: they see the leads of these "
             "teams and of all their sub-teams.")
