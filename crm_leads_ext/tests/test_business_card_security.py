# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The business card wizard through the real HTTP server, as the web
client and an XML-RPC script call it: the photo is stored as the image it
is (never as the web page its name says), with the salesperson's rights,
on the lead they created; the wizard is for the users who may create
leads."""
import base64
import io

from PIL import Image, PngImagePlugin

from .harness import JsonRpcError

from .rpc_common import RpcCase

PAGE = '<html><body><script>alert(document.cookie)</script></body></html>'


def png_with_a_page():
    """A real PNG carrying an HTML page in a text chunk: a browser given
    it as text/html runs the script."""
    info = PngImagePlugin.PngInfo()
    info.add_text('Comment', PAGE)
    out = io.BytesIO()
    Image.new('L', (60, 40), 255).save(out, format='PNG', pnginfo=info)
    return out.getvalue()


def gif_with_a_page():
    out = io.BytesIO()
    Image.new('L', (60, 40), 255).save(out, format='GIF',
                                       comment=PAGE.encode())
    return out.getvalue()


class TestBusinessCardOverHttp(RpcCase):

    def setUp(self):
        super(TestBusinessCardOverHttp, self).setUp()
        self.env['crm.lead.assignment.rule'].search([]).write(
            {'active': False})
        self.seller = self.rpc_user('lx_card_seller',
                                    'sales_team.group_sale_salesman')
        self.web = self.session('lx_card_seller')

    def create_from_card(self, data, filename, contact):
        """What the salesperson's web client does: save the form, click
        "Create the Lead". The lead and the attachments on it."""
        with self.browser_turn():
            wizard_id = self.web.call('crm.lead.business.card', 'create', {
                'card_image': base64.b64encode(data).decode(),
                'card_filename': filename, 'contact_name': contact,
                'ocr_language': 'eng'})
            self.web.call_button('crm.lead.business.card',
                                 'action_create_lead', [wizard_id])
        lead = self.env['crm.lead'].search([('contact_name', '=', contact)])
        self.assertEqual(len(lead), 1)
        return lead, self.env['ir.attachment'].search([
            ('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id)])

    def test_card_named_html_is_served_as_an_image(self):
        data = png_with_a_page()
        lead, attachment = self.create_from_card(data, 'card.html',
                                                 'LX Html Card')
        for params in ({}, {'download': 'true'}):
            response = self.download(
                self.web, '/web/content/%d' % attachment.id, params)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.headers['Content-Type'], 'image/png')
            self.assertEqual(response.headers['X-Content-Type-Options'],
                             'nosniff')
            self.assertEqual(response.content, data, 'the photo as sent')
        self.assertEqual(lead.create_uid, self.seller)
        self.assertEqual(attachment.create_uid, self.seller,
                         "created with the salesperson's rights")
        self.assertEqual(
            (attachment.name, attachment.datas_fname, attachment.mimetype),
            ('card.png', 'card.png', 'image/png'))
        self.assertEqual(lead.message_ids.filtered(
            'attachment_ids').author_id, self.seller.partner_id)

    def test_a_jpeg_keeps_its_name(self):
        out = io.BytesIO()
        Image.new('RGB', (60, 40), 'white').save(out, format='JPEG')
        __, attachment = self.create_from_card(
            out.getvalue(), 'C:\\Photos\\IMG_0042.jpeg', 'LX Jpeg Card')
        self.assertEqual((attachment.datas_fname, attachment.mimetype),
                         ('IMG_0042.jpg', 'image/jpeg'))

    def test_not_a_photo_is_refused(self):
        """A page, an SVG with a script, a GIF: no lead, no attachment."""
        svg = (b'<svg xmlns="http://www.w3.org/2000/svg"><script>'
               b'alert(1)</script></svg>')
        for data, filename in ((PAGE.encode(), 'card.html'),
                               (svg, 'card.svg'),
                               (gif_with_a_page(), 'card.gif')):
            count = self.env['crm.lead'].search_count([])
            with self.assertRaises(JsonRpcError) as caught:
                self.create_from_card(data, filename, 'LX Refused Card')
            self.assertIn('not an image that can be read',
                          str(caught.exception))
            self.assertEqual(self.env['crm.lead'].search_count([]), count)
            self.assertFalse(self.env['ir.attachment'].search(
                [('datas_fname', '=', filename)]))

    def test_a_rule_gives_the_lead_away(self):
        """The assignment rules give the lead to a team and salesperson
        the card's salesperson cannot see: the photo and the chatter note
        were theirs before it left."""
        boss = self.rpc_user('lx_card_boss', 'sales_team.group_sale_salesman')
        team = self.env['crm.team'].create({
            'name': 'LX Card Elsewhere', 'member_ids': [(6, 0, boss.ids)]})
        self.env['crm.lead.assignment.rule'].create({
            'name': 'LX cards elsewhere', 'sequence': 0,
            'domain': "[('contact_name', '=', 'LX Moved Card')]",
            'team_id': team.id, 'user_ids': [(6, 0, boss.ids)]})
        lead, attachment = self.create_from_card(
            png_with_a_page(), 'moved.png', 'LX Moved Card')
        self.assertEqual((lead.team_id, lead.user_id), (team, boss))
        self.assertEqual(attachment.create_uid, self.seller)
        self.assertEqual(attachment.datas_fname, 'moved.png')
        note = lead.message_ids.filtered('attachment_ids')
        self.assertEqual(note.attachment_ids, attachment)
        self.assertEqual(note.create_uid, self.seller)
        self.assertFalse(self.env['crm.lead'].sudo(self.seller).search(
            [('id', '=', lead.id)]), 'the lead is out of their sight')

    def test_only_for_users_who_may_create_leads(self):
        """The wizard runs the OCR and creates leads: an employee without
        sales rights, or a portal user, cannot even create one (any user
        may create the records of a transient model)."""
        self.rpc_user('lx_card_employee')
        self.rpc_user('lx_card_portal', 'base.group_portal')
        card = base64.b64encode(png_with_a_page()).decode()
        for login in ('lx_card_employee', 'lx_card_portal'):
            self.assertRpcAccessError(
                login, 'crm.lead.business.card', 'create',
                [{'card_image': card, 'contact_name': 'LX No Right'}])
        self.assertFalse(self.env['crm.lead.business.card'].search(
            [('contact_name', '=', 'LX No Right')]))
        # a salesperson's wizard is theirs alone
        wizard = self.env['crm.lead.business.card'].sudo(self.seller).create(
            {'card_image': card, 'contact_name': 'LX Not Yours'})
        self.rpc_user('lx_card_other', 'sales_team.group_sale_salesman')
        for method in ('action_read_card', 'action_create_lead'):
            self.assertRpcAccessError('lx_card_other',
                                      'crm.lead.business.card', method,
                                      [wizard.ids])
        self.assertFalse(self.env['crm.lead'].search(
            [('contact_name', '=', 'LX Not Yours')]))
