# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, models
from odoo.exceptions import UserError


class MailComposeMessage(models.TransientModel):
    _inherit = 'mail.compose.message'

    @api.multi
    def send_mail(self, auto_commit=False):
        """Sending a quotation to a recipient without email: refused before
        sale marks it sent and anything is posted."""
        if self.env.context.get('mark_so_as_sent'):
            order = self.env['sale.order'].browse(
                self.env.context.get('default_res_id'))
            # sending marks the quotation sent: its writers only, checked
            # before the recipients say anything about it
            order.check_access_rights('write')
            order.check_access_rule('write')
            for wizard in self:
                missing = wizard.partner_ids.filtered(lambda p: not p.email)
                if missing:
                    raise UserError(_(
                        "These recipients have no email address: %s. Add "
                        "one before sending the quotation.") % ', '.join(
                            missing.mapped('display_name')))
        return super(MailComposeMessage, self).send_mail(
            auto_commit=auto_commit)
