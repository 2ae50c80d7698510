# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Incoming mail whose HTML body would hold a mail worker for minutes
(crm_leads_ext.mail_guard) makes its lead all the same, through the real
gateway, with the body read as text and kept as an attachment; ordinary
HTML mail, a large newsletter included, keeps its HTML.

The hostile bodies are never given to lxml or to the sanitizer here (that
alone would take minutes), and are compared by their digests (a failure
then says which body, not a megabyte of it)."""
import base64
import hashlib
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from .. import mail_guard
from .common import LeadsExtCase

ATTRIBUTES = 100 * 1000
# one tag with 100,000 attributes (0.9 MB): a minute of libxml2
MANY_ATTRIBUTES = (
    '<html><body><p>Urgent quote request</p><p ' +
    ' '.join('a%d=1' % i for i in range(ATTRIBUTES)) +
    '>for 200 chairs</p></body></html>')
# 100,000 "<" before a ">": half a minute of the sanitizer's patterns
OPEN_TAGS = ('<html><body><p>Urgent quote request</p><p>' +
             '<' * ATTRIBUTES + '></p></body></html>')
# 100,000 "@" in a "<" not closed: the sanitizer's address pattern
OPEN_ADDRESSES = ('<html><body><p>Urgent quote request</p><x' +
                  '@' * ATTRIBUTES + '</body></html>')
# 100,000 "<html" without ">": Odoo joins the HTML parts of a
# multipart/mixed mail with a pattern that scans from each to a ">"
OPEN_HTML_TAGS = '<p>Urgent quote request</p>' + '<html' * ATTRIBUTES

ARTICLE = u"""
<!--[if mso]><table role="presentation" width="600" align="center"
 cellpadding="0" cellspacing="0"><tr><td><![endif]-->
<table role="presentation" class="article" width="100%%" cellpadding="0"
 cellspacing="0" border="0" align="center" style="max-width:600px;
 margin:0 auto;background-color:#ffffff;border-collapse:collapse;
 mso-table-lspace:0pt;mso-table-rspace:0pt;">
<tr><td class="article-image" style="padding:0;font-size:0;line-height:0;">
<a href="https://click.news.example.com/ls/click?upn=Yx7QnP%(n)d3kLm9_2BvR\
&amp;utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=2026-11\
&amp;utm_content=article-%(n)d" target="_blank" rel="noopener"
 style="text-decoration:none;"><img
 src="https://img.news.example.com/2026/11/article-%(n)d@2x.jpg"
 width="600" height="300" alt="Article %(n)d: the office of the year"
 style="display:block;width:100%%;max-width:600px;height:auto;border:0;
 outline:none;text-decoration:none;-ms-interpolation-mode:bicubic;"></a>
</td></tr>
<tr><td class="article-title" style="padding:24px 32px 8px 32px;
 font-family:'Helvetica Neue',Helvetica,Arial,sans-serif;font-size:22px;
 line-height:28px;color:#1a1a1a;font-weight:bold;mso-line-height-rule:
 exactly;">%(n)d. Ergonomic chairs: what changed in 2026</td></tr>
<tr><td class="article-text" style="padding:0 32px 16px 32px;
 font-family:'Helvetica Neue',Helvetica,Arial,sans-serif;font-size:16px;
 line-height:24px;color:#444444;">
<p style="margin:0 0 12px 0;">Our buyers tested 40 models over three
 months. Prices &lt; $300 now come with adjustable lumbar support, and
 the delivery time fell to 5 days &amp; less in Hanoi, Ho Chi Minh City
 and Shanghai.</p>
<p style="margin:0 0 12px 0;">Questions? Write to
 <a href="mailto:sales@news.example.com" style="color:#0b6bcb;">\
sales@news.example.com</a> or call +84 24 3934 5678.</p>
</td></tr>
<tr><td align="left" style="padding:0 32px 32px 32px;">
<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:w="urn:schemas-microsoft-com:office:word"
 href="https://click.news.example.com/ls/click?upn=Read%(n)d"
 style="height:44px;v-text-anchor:middle;width:200px;" arcsize="10%%"
 strokecolor="#0b6bcb" fillcolor="#0b6bcb"><w:anchorlock/><center
 style="color:#ffffff;font-family:sans-serif;font-size:16px;
 font-weight:bold;">Read more</center></v:roundrect><![endif]-->
<a href="https://click.news.example.com/ls/click?upn=Read%(n)d"
 class="button" target="_blank" style="background-color:#0b6bcb;
 border:1px solid #0b6bcb;border-radius:4px;color:#ffffff;display:
 inline-block;font-family:sans-serif;font-size:16px;font-weight:bold;
 line-height:44px;text-align:center;text-decoration:none;width:200px;
 -webkit-text-size-adjust:none;mso-hide:all;">Read more &rarr;</a>
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
"""


def newsletter_html(size=200 * 1000):
    """An HTML newsletter of ``size`` characters as mailing services send
    them: head styles and media queries, Outlook conditional comments and
    VML buttons, nested layout tables with inline styles, tracked links,
    escaped and unescaped "<" in the text, an address in a link."""
    head = u"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"
 xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:o="urn:schemas-microsoft-com:office:office" lang="en">
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Office News, November 2026</title>
<style type="text/css">
body{margin:0;padding:0;-webkit-text-size-adjust:100%;}
table,td{border-collapse:collapse;mso-table-lspace:0pt;}
img{border:0;height:auto;line-height:100%;outline:none;}
@media only screen and (max-width:600px){
 .article{width:100% !important;}
 .article-title{font-size:20px !important;line-height:26px !important;}
}
</style></head>
<body style="margin:0;padding:0;background-color:#f2f4f6;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">
Chairs, desks and the office of the year &zwnj;&nbsp;&zwnj;&nbsp;</div>
<p style="font-size:12px;color:#888888;text-align:center;">
<<< Previous issue | View in your browser | Next issue >>></p>
"""
    foot = u"""
<p style="font-size:12px;color:#888888;text-align:center;">You receive
 this email because you subscribed at news.example.com.
 <a href="https://news.example.com/unsubscribe?u=7Qn">Unsubscribe</a>
 &middot; Office News, 12 Ly Thai To, Hanoi, Vietnam</p>
</body></html>"""
    articles, number = [], 0
    while len(head) + len(foot) + sum(map(len, articles)) < size:
        number += 1
        articles.append(ARTICLE % {'n': number})
    return head + u''.join(articles) + foot


class TestMailGuard(LeadsExtCase):

    @classmethod
    def setUpClass(cls):
        super(TestMailGuard, cls).setUpClass()
        # the rules of the database would route these leads elsewhere
        cls.env['crm.lead.assignment.rule'].search([]).write(
            {'active': False})
        cls.team = cls.Team.create({
            'name': 'MG Hanoi', 'alias_name': 'mg-hanoi',
            'use_leads': True})

    def process(self, sender, body, subject, mail=None):
        """The lead made by the gateway from an HTML mail (or ``mail``),
        and the mail's message on it."""
        mail = mail or MIMEText(body, 'html', 'utf-8')
        mail['Message-Id'] = '<mg-%s@test.example>' % sender
        mail['From'] = '%s@customer.example' % sender
        mail['To'] = 'mg-hanoi@yourcompany.example'
        mail['Subject'] = subject
        lead_id = self.env['mail.thread'].message_process(
            False, mail.as_string())
        self.assertTrue(lead_id, "the mail should have made a lead")
        lead = self.env['crm.lead'].browse(lead_id)
        message = self.env['mail.message'].search([
            ('model', '=', 'crm.lead'), ('res_id', '=', lead_id),
            ('message_type', '=', 'email')])
        self.assertEqual(len(message), 1)
        return lead, message

    def test_html_bodies_too_costly_to_parse(self):
        for sender, body, text in (
                ('attributes', MANY_ATTRIBUTES,
                 '<pre>Urgent quote request for 200 chairs</pre>'),
                ('open-tags', OPEN_TAGS,
                 '<pre>Urgent quote request ' + '&lt;' * 1000),
                ('open-addresses', OPEN_ADDRESSES,
                 '<pre>Urgent quote request &lt;x' + '@' * 1000)):
            lead, message = self.process(sender, body, 'Quote ' + sender)
            self.assertEqual(lead.name, 'Quote ' + sender)
            self.assertEqual(lead.team_id, self.team)
            # the text, with the markup left shown as text
            self.assertIn('too costly to display', message.body, sender)
            self.assertIn(text, message.body, sender)
            self.assertNotIn('a99999', message.body, sender)
            self.assertLess(len(message.body), 1000 * 1000, sender)
            original = message.attachment_ids
            self.assertEqual(original.mapped('name'),
                             ['original_body.html.txt'], sender)
            self.assertEqual(original.mimetype, 'text/plain', sender)
            self.assertEqual(original.res_model, 'crm.lead')
            self.assertEqual(original.res_id, lead.id)
            self.assertEqual(
                hashlib.sha256(base64.b64decode(original.datas)).hexdigest(),
                hashlib.sha256(body.encode('utf-8')).hexdigest(), sender)

    def test_costly_parts_of_a_mixed_mail(self):
        """An HTML part of a multipart/mixed mail is read as text before
        Odoo joins the parts; a text part whose "<" would cost as much is
        read as text too (Odoo wraps it in <pre> as it is)."""
        mail = MIMEMultipart('mixed')
        mail.attach(MIMEText(OPEN_HTML_TAGS, 'html', 'utf-8'))
        invoice = MIMEApplication(b'%PDF-1.4 invoice', 'pdf')
        invoice.add_header('Content-Disposition', 'attachment',
                           filename='invoice.pdf')
        mail.attach(invoice)
        lead, message = self.process('mixed', None, 'Mixed', mail=mail)
        self.assertIn('<pre>Urgent quote request &lt;html&lt;html',
                      message.body)
        self.assertEqual(sorted(message.attachment_ids.mapped('name')),
                         ['invoice.pdf', 'original_body.html.txt'])
        original = message.attachment_ids.filtered(
            lambda attachment: attachment.name == 'original_body.html.txt')
        self.assertEqual(
            hashlib.sha256(base64.b64decode(original.datas)).hexdigest(),
            hashlib.sha256(OPEN_HTML_TAGS.encode('utf-8')).hexdigest())

        text = 'Urgent quote request ' + '<' * ATTRIBUTES + '>'
        __, message = self.process(
            'plain', None, 'Plain', mail=MIMEText(text, 'plain', 'utf-8'))
        self.assertIn('<pre>Urgent quote request ' + '&lt;' * 1000,
                      message.body)
        self.assertEqual(message.attachment_ids.mapped('name'),
                         ['original_body.html.txt'])

    def test_newsletter_keeps_its_html(self):
        body = newsletter_html()
        self.assertGreaterEqual(len(body), 200 * 1000)
        self.assertFalse(mail_guard.too_costly_html(body))
        __, message = self.process('newsletter', body, 'Office News')
        self.assertFalse(message.attachment_ids)
        self.assertNotIn('too costly', message.body)
        self.assertIn('<table', message.body)
        self.assertIn(
            'src="https://img.news.example.com/2026/11/article-40@2x.jpg"',
            message.body)
        self.assertIn('<a href="mailto:sales@news.example.com"',
                      message.body)

    def test_plain_text_of_a_body(self):
        self.assertEqual(
            mail_guard.html_text(
                '<p>Prices &lt; $300</p>\n\n\n<p>a <b>bold</b>   move'
                '</p><p a=1 b=2>x'),
            'Prices < $300\n\na bold move x')
        self.assertEqual(mail_guard.html_text('<p>' + 'a' * 20, limit=10),
                         'a' * 10 + u'\N{HORIZONTAL ELLIPSIS}')
