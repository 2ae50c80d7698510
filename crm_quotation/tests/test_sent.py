# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Send by Email: the PDF the customer received (rendered by wkhtmltopdf,
read back with pdftotext) is kept with the date and the recipients, later
edits leave it as it was, and the opportunity shows it too. A customer
without email is refused before anything is rendered or posted."""
import base64
import subprocess
import tempfile
import unicodedata

from odoo.exceptions import UserError
from odoo.tools import config

from .common import QuotationCase


def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix='.pdf') as pdf:
        pdf.write(data)
        pdf.flush()
        text = subprocess.check_output(
            ['pdftotext', '-layout', pdf.name, '-']).decode('utf-8')
    # the font maps some ideographs to look-alike code points (木 comes
    # back as the Kangxi radical ⽊): NFKC reads them as a person does
    return unicodedata.normalize('NFKC', text)


class TestSentQuotation(QuotationCase):

    def setUp(self):
        super(TestSentQuotation, self).setUp()
        # Odoo's test mode renders reports as HTML unless it is given a
        # directory for them: the PDF itself is what is tested here
        reports = tempfile.mkdtemp(prefix='crm_quotation_reports_')
        self.addCleanup(config.options.__setitem__, 'test_report_directory',
                        config.options.get('test_report_directory'))
        config.options['test_report_directory'] = reports

    def send(self, order, without_pdf=False):
        """What the user does: Send by Email, the composer filled from the
        template (the PDF removed from it, if asked), Send."""
        action = order.sudo(self.seller).action_quotation_send()
        composer = self.env['mail.compose.message'].sudo(
            self.seller).with_context(action['context']).create({})
        composer.onchange_template_id_wrapper()
        if without_pdf:
            composer.attachment_ids = [(5, 0, 0)]
        composer.send_mail()

    def test_sent_pdf_is_kept_as_sent(self):
        order = self.quotation()
        self.assertFalse(order.last_sent_date)
        self.send(order)
        self.assertEqual(order.state, 'sent')
        self.assertEqual(order.sent_count, 1)
        self.assertTrue(order.last_sent_date)
        sent = order.sent_attachment_ids
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.mimetype, 'application/pdf')
        self.assertEqual(sent.crm_quotation_sent_partner_ids, self.customer)
        self.assertEqual(sent.crm_quotation_sent_date, order.last_sent_date)
        text = pdf_text(base64.b64decode(sent.datas))
        self.assertIn(order.name, text)
        self.assertIn('Bàn làm việc gỗ sồi', text)
        self.assertIn('橡木办公桌', text)
        self.assertIn('2,500.00', text)
        self.assertIn('980.00', text)
        self.assertIn('3,480.00', text)
        # the mail to the customer carried it
        mail = order.message_ids.filtered(
            lambda m: m.message_type == 'comment'
            and self.customer in m.partner_ids)
        self.assertIn(sent, mail.attachment_ids)
        # and the opportunity shows it
        note = self.lead.message_ids.filtered(
            lambda m: sent in m.attachment_ids)
        self.assertEqual(len(note), 1)
        self.assertIn(order.name, note.body)

        # later edits leave what was sent as it was
        order.sudo(self.seller).order_line[0].product_uom_qty = 5
        self.assertEqual(order.amount_untaxed, 7230.0)
        self.assertIn('3,480.00', pdf_text(base64.b64decode(sent.datas)))
        with self.assertRaises(UserError):
            sent.sudo(self.seller).write({'datas': base64.b64encode(b'x')})
        # sent again: a second version, the first one kept
        self.send(order)
        self.assertEqual(order.sent_count, 2)
        self.assertIn(sent, order.sent_attachment_ids)
        second = order.sent_attachment_ids - sent
        self.assertIn('7,230.00', pdf_text(base64.b64decode(second.datas)))
        action = order.action_view_sent_versions()
        self.assertEqual(
            self.env['ir.attachment'].search(action['domain']),
            order.sent_attachment_ids)

    def test_customer_without_email_is_refused(self):
        self.customer.email = False
        order = self.quotation()
        messages = order.message_ids
        with self.assertRaisesRegex(UserError, 'has no email address'):
            self.send(order)
        self.assertEqual(order.state, 'draft')
        self.assertEqual(order.message_ids, messages)
        self.assertFalse(order.sent_attachment_ids)
        self.assertFalse(self.env['ir.attachment'].search([
            ('res_model', 'in', ('sale.order', 'mail.compose.message')),
            ('res_id', 'in', (order.id, 0)),
            ('datas_fname', 'like', order.name)]))

    def test_mail_without_the_pdf_keeps_the_quotation_as_it_stood(self):
        order = self.quotation()
        self.send(order, without_pdf=True)
        sent = order.sent_attachment_ids
        self.assertEqual(len(sent), 1)
        self.assertIn('3,480.00', pdf_text(base64.b64decode(sent.datas)))
        # not shown as part of what the customer got
        mail = order.message_ids.filtered(
            lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(mail), 1)
        self.assertFalse(mail.attachment_ids)
