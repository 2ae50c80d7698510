# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    """A quotation's PDF as it was sent: attached to the quotation (so it
    is readable by whoever may read the quotation) and marked with when and
    to whom it went."""

    _inherit = 'ir.attachment'

    crm_quotation_sent_order_id = fields.Many2one(
        'sale.order', string='Sent Quotation', readonly=True, index=True,
        ondelete='set null')
    crm_quotation_sent_date = fields.Datetime(
        string='Date Sent', readonly=True)
    crm_quotation_sent_partner_ids = fields.Many2many(
        'res.partner', 'ir_attachment_crm_quotation_sent_partner_rel',
        'attachment_id', 'partner_id', string='Sent To', readonly=True)

    @api.multi
    def write(self, vals):
        # what the customer received stays what they received
        if {'datas', 'db_datas', 'url'} & set(vals) and self.filtered(
                'crm_quotation_sent_date'):
            raise UserError(_(
                "A quotation's sent version cannot be changed: it is what "
                "the customer received."))
        return super(IrAttachment, self).write(vals)
