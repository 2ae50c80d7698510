# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    origin_quotation_id = fields.Many2one(
        'sale.order', string='Copied From', readonly=True, copy=False,
        index=True, ondelete='set null',
        help="The quotation this one was copied from.")
    sent_attachment_ids = fields.One2many(
        'ir.attachment', 'crm_quotation_sent_order_id',
        string='Sent Versions', readonly=True, copy=False,
        help="The PDFs of this quotation as they were sent by email.")
    sent_count = fields.Integer(
        compute='_compute_sent', store=True, string='Times Sent')
    last_sent_date = fields.Datetime(
        compute='_compute_sent', store=True, string='Last Sent',
        help="When this quotation was last sent to the customer by email.")

    @api.depends('sent_attachment_ids.crm_quotation_sent_date')
    def _compute_sent(self):
        # sudo: every sent version counts, whoever may open the attachment
        for order in self:
            dates = order.sudo().sent_attachment_ids.mapped(
                'crm_quotation_sent_date')
            order.sent_count = len(dates)
            order.last_sent_date = max(dates) if dates else False

    @api.multi
    @api.onchange('partner_id')
    def onchange_partner_id(self):
        """Sale fills the addresses, pricelist and terms from the customer
        and the salesperson and team from the customer too: a quotation of
        an opportunity keeps the opportunity's."""
        result = super(SaleOrder, self).onchange_partner_id()
        self._crm_quotation_follow_opportunity()
        return result

    @api.onchange('opportunity_id')
    def _onchange_opportunity_id_crm_quotation(self):
        self._crm_quotation_follow_opportunity()

    def _crm_quotation_follow_opportunity(self):
        lead = self.opportunity_id
        if not lead:
            return
        self.update(lead._crm_quotation_lead_values())

    @api.multi
    def action_quotation_send(self):
        """Refused before the composer renders anything: a quotation sent
        to a customer without email would be recorded as sent and reach
        nobody."""
        for order in self:
            if not order.partner_id.email:
                raise UserError(_(
                    "The customer %s has no email address: add one to the "
                    "customer before sending the quotation.")
                    % order.partner_id.display_name)
        return super(SaleOrder, self).action_quotation_send()

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, **kwargs):
        message = super(SaleOrder, self).message_post(**kwargs)
        # mark_so_as_sent: the composer of "Send by Email" posts the mail
        # to the customer; notes and other mails are not a sent version
        if (self.env.context.get('mark_so_as_sent')
                and message.message_type == 'comment'
                and message.subtype_id == self.env.ref('mail.mt_comment')):
            self._crm_quotation_keep_sent(message)
        return message

    def _crm_quotation_keep_sent(self, message):
        """Keep the PDF the customer received, marked with the date and the
        recipients, and show it on the opportunity too."""
        self.ensure_one()
        pdf = self._crm_quotation_sent_pdf(message)
        pdf.sudo().write({
            'crm_quotation_sent_order_id': self.id,
            'crm_quotation_sent_date': message.date,
            'crm_quotation_sent_partner_ids': [
                (6, 0, message.partner_ids.ids)],
        })
        if self.opportunity_id:
            self.opportunity_id.message_post(
                body=html_escape(_(
                    "Quotation %(order)s sent to %(recipients)s.") % {
                        'order': self.name, 'recipients': ', '.join(
                            message.partner_ids.mapped('display_name'))}),
                subtype='mail.mt_note', attachment_ids=pdf.ids)

    def _crm_quotation_sent_pdf(self, message):
        """The quotation's PDF among the mail's attachments (the template's
        report is named after the quotation); when the sender removed it
        from the mail, the quotation as it stood is rendered and kept, but
        not shown as part of the mail the customer got."""
        prefix = (self.name or '').replace('/', '_')
        pdf = message.attachment_ids.filtered(
            lambda a: a.mimetype == 'application/pdf'
            and (a.datas_fname or a.name or '').startswith(prefix))[:1]
        if pdf:
            return pdf
        report = self.env.ref('sale.action_report_saleorder')
        content = report.render_qweb_pdf(self.ids)[0]
        name = '%s.pdf' % prefix
        pdf = self.env['ir.attachment'].create({
            'name': name, 'datas_fname': name,
            'datas': base64.b64encode(content),
            'res_model': self._name, 'res_id': self.id,
            'mimetype': 'application/pdf'})
        return pdf

    @api.multi
    def action_view_sent_versions(self):
        self.ensure_one()
        action = self.env.ref(
            'crm_quotation.action_quotation_sent_versions').read()[0]
        # read with the user's rights: the quotation's readers only
        action['domain'] = [('id', 'in', self.sent_attachment_ids.ids)]
        return action

    @api.multi
    def _crm_quotation_company_total(self):
        """Untaxed total in the user's company currency, each order
        converted at today's rate (an estimate of open quotations)."""
        currency = self.env.user.company_id.currency_id
        return sum(order.currency_id.compute(order.amount_untaxed, currency)
                   for order in self)
