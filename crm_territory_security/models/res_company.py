# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = 'res.company'

    crm_default_territory_id = fields.Many2one(
        'crm.territory', string='Default Territory',
        help="Leads whose address matches no territory go here.")
