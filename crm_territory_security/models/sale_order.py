# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class SaleOrder(models.Model):
    """A quotation follows its opportunity's territory: moving it to
    another opportunity is checked after the write."""

    _name = 'sale.order'
    _inherit = ['crm.lead.linked.mixin', 'sale.order']

    _crm_lead_link_fields = ('opportunity_id',)
