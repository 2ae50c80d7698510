# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class SaleOrderLine(models.Model):
    """A quotation line follows its quotation: moving it to another
    quotation is checked after the write."""

    _name = 'sale.order.line'
    _inherit = ['crm.lead.linked.mixin', 'sale.order.line']

    _crm_lead_link_fields = ('order_id',)
