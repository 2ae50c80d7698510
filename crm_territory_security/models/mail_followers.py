# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class MailFollowers(models.Model):
    """Every user may read mail.followers in Odoo 11: the lead link lets a
    record rule hide who follows the leads the user may not read (and that
    those leads exist)."""

    _name = 'mail.followers'
    _inherit = ['mail.followers', 'crm.lead.linked.mixin']
