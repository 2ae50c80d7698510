# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import logging

from odoo import _, models
from odoo.tools import html_escape

from .. import mail_guard

_logger = logging.getLogger(__name__)

# the name of the attachment keeping a body too costly to parse
ORIGINAL_BODY_NAME = 'original_body.html.txt'


class MailThread(models.AbstractModel):
    """An incoming mail whose HTML body would cost a mail worker minutes to
    parse and sanitize (see ``crm_leads_ext.mail_guard``) is read as plain
    text, and its body kept, as received, in a text attachment: nothing is
    lost, and the worker goes on with the other mail. The check is made
    where the body leaves the MIME parts, before anything parses it (the
    post-processing below, the signature parser of the leads, the
    sanitizer of the message)."""

    _inherit = 'mail.thread'

    def _message_extract_payload_postprocess(self, message, body,
                                             attachments):
        if not mail_guard.too_costly_html(body):
            return super(MailThread, self)._message_extract_payload_postprocess(
                message, body, attachments)
        _logger.info(
            'Mail %s: HTML body of %d characters too costly to parse, read '
            'as text and kept as the attachment %s',
            message.get('Message-Id'), len(body), ORIGINAL_BODY_NAME)
        attachments = list(attachments) + [
            self._Attachment(ORIGINAL_BODY_NAME, body, {})]
        note = _("This email's HTML was too costly to display: its text is "
                 "shown below, and the HTML as received is attached "
                 "(%s).") % ORIGINAL_BODY_NAME
        text = mail_guard.html_text(body)
        return '<p>%s</p><pre>%s</pre>' % (
            html_escape(note), html_escape(text)), attachments
