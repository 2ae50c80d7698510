# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import copy
import logging

from odoo import _, models, tools
from odoo.tools import html_escape

from .. import mail_guard

_logger = logging.getLogger(__name__)

# the name of the attachment keeping a body too costly to parse
ORIGINAL_BODY_NAME = 'original_body.html.txt'


class MailThread(models.AbstractModel):
    """An incoming mail whose HTML body would cost a mail worker minutes to
    parse and sanitize (see ``crm_leads_ext.mail_guard``) is read as plain
    text, and its body kept, as received, in a text attachment: nothing is
    lost, and the worker goes on with the other mail.

    Two checks, before anything parses the body (the post-processing of
    ``_message_extract_payload``, the signature parser of the leads, the
    sanitizer of the message): each HTML part of the mail, before Odoo
    joins the parts of a multipart/mixed mail (with patterns as costly as
    the sanitizer's), and the body made of the parts (a text part is
    wrapped in ``<pre>`` as it is, its "<" left as they are)."""

    _inherit = 'mail.thread'

    def _message_extract_payload(self, message, save_original=False):
        costly = []
        for index, part in enumerate(message.walk()):
            if self._mail_is_html_body_part(part):
                html = tools.ustr(part.get_payload(decode=True),
                                  part.get_content_charset(),
                                  errors='replace')
                if mail_guard.too_costly_html(html):
                    costly.append((index, html))
        if not costly:
            return super(MailThread, self)._message_extract_payload(
                message, save_original=save_original)
        # the parts are replaced in a copy: the original email, when it is
        # saved, is the one received
        screened = copy.deepcopy(message)
        parts = list(screened.walk())
        for index, html in costly:
            part = parts[index]
            # set_payload encodes the text only without an encoding header
            del part['Content-Transfer-Encoding']
            part.set_payload(self._mail_costly_body_text(message, html),
                             'utf-8')
        body, attachments = super(MailThread, self)._message_extract_payload(
            screened, save_original=False)
        if save_original:
            attachments.insert(0, self._Attachment(
                'original_email.eml', message.as_string(), {}))
        attachments.extend(self._Attachment(ORIGINAL_BODY_NAME, html, {})
                           for __, html in costly)
        return body, attachments

    def _message_extract_payload_postprocess(self, message, body,
                                             attachments):
        if not mail_guard.too_costly_html(body):
            return super(MailThread, self)._message_extract_payload_postprocess(
                message, body, attachments)
        attachments = list(attachments) + [
            self._Attachment(ORIGINAL_BODY_NAME, body, {})]
        return self._mail_costly_body_text(message, body), attachments

    @staticmethod
    def _mail_is_html_body_part(part):
        """Whether ``_message_extract_payload`` reads this MIME part as (a
        piece of) the HTML body, not as an attachment."""
        if part.get_content_type() != 'text/html':
            return False
        filename = part.get_param('filename', None, 'content-disposition') \
            or part.get_param('name', None)
        return not filename and not part.get(
            'content-disposition', '').strip().startswith('attachment')

    def _mail_costly_body_text(self, message, html):
        """The HTML that shows the text of a body too costly to parse, and
        says where the body is kept."""
        _logger.info(
            'Mail %s: HTML body of %d characters too costly to parse, read '
            'as text and kept as the attachment %s',
            message.get('Message-Id'), len(html), ORIGINAL_BODY_NAME)
        note = _("This email's HTML was too costly to display: its text is "
                 "shown below, and the HTML as received is attached "
                 "(%s).") % ORIGINAL_BODY_NAME
        return '<p>%s</p><pre>%s</pre>' % (
            html_escape(note), html_escape(mail_guard.html_text(html)))
