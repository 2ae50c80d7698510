# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Quick entry of a lead from a business card: the salesperson types the
details, or uploads a photo of the card and tesseract's OCR suggests them.
A suggestion only fills the form; the lead exists once the salesperson
confirms it."""
import base64
import binascii
import io
import json
import logging
import os
import subprocess

from PIL import Image, ImageOps

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lead_import.normaliser import Normaliser
from ..mail_signature.parser import CARD_FIELDS, parse_card

_logger = logging.getLogger(__name__)

# A phone's photo is 2 to 8 MB; more is not a card photo.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# checked on the header, before the pixels are decoded
MAX_PIXELS = 50 * 1000 * 1000
# tesseract reads a card best at about 1000-2000 pixels wide: a bigger
# photo only costs time (and reads big letters worse)
OCR_MAX_SIDE = 2000
OCR_TIMEOUT = 60
# The photos a card may be, by the type read in the file (never by its
# name): the extension and the mimetype it is stored with. Nothing else
# is opened (PIL would run Ghostscript on an EPS file) nor stored (a
# "card.html" would be served as a web page).
CARD_IMAGE_TYPES = {
    'JPEG': ('jpg', 'image/jpeg'),
    'PNG': ('png', 'image/png'),
}

# tesseract languages for each choice; the first one leads the layout
OCR_LANGUAGES = {
    'vie': 'vie+eng',
    'chi_sim': 'chi_sim+eng',
    'eng': 'eng',
    'auto': 'chi_sim+vie+eng',
}
OCR_LANGUAGE_PACKAGES = {
    'vie': 'tesseract-ocr-vie',
    'chi_sim': 'tesseract-ocr-chi-sim',
    'eng': 'tesseract-ocr-eng',
}


class CrmLeadBusinessCard(models.TransientModel):
    _name = 'crm.lead.business.card'
    _description = 'Lead from a Business Card'

    @api.model
    def _default_ocr_language(self):
        lang = self.env.context.get('lang') or self.env.user.lang or ''
        if lang.startswith('vi'):
            return 'vie'
        if lang in ('zh_CN', 'zh_SG'):
            return 'chi_sim'
        return 'auto'

    card_image = fields.Binary(
        string='Card Photo', attachment=False,
        help="A photo or scan of the business card. It is attached to the "
             "lead.")
    card_filename = fields.Char(string='Photo File Name')
    ocr_language = fields.Selection(
        [('auto', 'Vietnamese, Chinese or English'),
         ('vie', 'Vietnamese'),
         ('chi_sim', 'Chinese (simplified)'),
         ('eng', 'English')],
        string='Card Language', required=True,
        default=_default_ocr_language,
        help="The language the card is written in, for reading the photo.")
    name = fields.Char(
        string='Lead',
        help="The lead's title; without one it is the company and the "
             "contact name.")
    contact_name = fields.Char(string='Contact Name')
    partner_name = fields.Char(string='Company')
    function = fields.Char(string='Job Position')
    email_from = fields.Char(string='Email')
    phone = fields.Char(string='Phone')
    mobile = fields.Char(string='Mobile')
    website = fields.Char(string='Website')
    street = fields.Char(string='Address')
    city = fields.Char(string='City')
    zip = fields.Char(string='Zip')
    country_id = fields.Many2one('res.country', string='Country')
    description = fields.Text(string='Notes')
    ocr_text = fields.Text(
        string='Text Read on the Card', readonly=True,
        help="What the OCR read on the photo, for what it did not "
             "recognise.")
    suggested_fields = fields.Char(
        readonly=True,
        help="Technical: the fields filled from the photo, comma-separated.")
    suggested_values = fields.Text(
        readonly=True,
        help="Technical: the values suggested by the last photo read "
             "(JSON), to tell them from what the salesperson typed.")
    suggestion_note = fields.Char(compute='_compute_suggestion_note')
    created_note = fields.Char(
        readonly=True,
        help="Where the lead went, when the assignment rules gave it to "
             "leads the salesperson does not see.")
    refused_note = fields.Char(
        readonly=True,
        help="What the last photo read showed and the form left out, and "
             "why.")

    @api.depends('suggested_fields')
    def _compute_suggestion_note(self):
        for wizard in self:
            names = [name for name in (
                wizard.suggested_fields or '').split(',') if name]
            wizard.suggestion_note = ', '.join(
                self._fields[name].get_description(self.env)['string']
                for name in names)

    @api.model
    def create(self, vals):
        """Any user may create a transient record: the card wizard is for
        those who may create leads."""
        self._check_lead_rights()
        return super(CrmLeadBusinessCard, self).create(vals)

    @api.model
    def _check_lead_rights(self):
        self.env['crm.lead'].check_access_rights('create')

    # -- reading the card ---------------------------------------------------
    @api.multi
    def _card_photo(self):
        """(PIL format, grey PNG of reasonable size for the OCR) of the
        card photo; a clear error for what is not a JPEG or PNG image or
        is too big."""
        self.ensure_one()
        if not self.card_image:
            raise UserError(_("Upload a photo of the business card first."))
        try:
            data = base64.b64decode(self.card_image)
        except (binascii.Error, ValueError):
            raise UserError(_("The uploaded file is not an image."))
        if len(data) > MAX_UPLOAD_BYTES:
            raise UserError(_(
                "The photo is too big (%(size).1f MB); upload at most "
                "%(limit)d MB.") % {
                    'size': len(data) / 1024.0 / 1024.0,
                    'limit': MAX_UPLOAD_BYTES // 1024 // 1024})
        too_big = _("The photo has too many pixels; upload a smaller one.")
        try:
            image = Image.open(io.BytesIO(data),
                               formats=sorted(CARD_IMAGE_TYPES))
            image_format = image.format
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise UserError(too_big)
            image.load()
            image = ImageOps.exif_transpose(image).convert('L')
            image.thumbnail((OCR_MAX_SIDE, OCR_MAX_SIDE), Image.LANCZOS)
            out = io.BytesIO()
            image.save(out, format='PNG')
        except Image.DecompressionBombError:
            raise UserError(too_big)
        except (IOError, SyntaxError, ValueError, TypeError) as error:
            _logger.info("business card: unreadable upload: %s", error)
            raise UserError(_(
                "The uploaded file is not an image that can be read (a "
                "JPEG or PNG photo of the card is expected)."))
        return image_format, out.getvalue()

    @api.multi
    def _run_ocr(self, png):
        """The text tesseract reads on the image, in the wizard's
        language."""
        self.ensure_one()
        env = dict(os.environ, OMP_THREAD_LIMIT='1')  # the server's cores
        command = ['tesseract', 'stdin', 'stdout',
                   '-l', OCR_LANGUAGES[self.ocr_language]]
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, env=env)
        except OSError:
            raise UserError(_(
                "The text of the card cannot be read: the tesseract OCR "
                "program is not installed on the server (Debian packages "
                "tesseract-ocr, tesseract-ocr-vie, tesseract-ocr-chi-sim, "
                "tesseract-ocr-eng). Type the details in."))
        try:
            out, err = process.communicate(png, timeout=OCR_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise UserError(_(
                "Reading the card took more than %d seconds; try a smaller "
                "or sharper photo.") % OCR_TIMEOUT)
        err = err.decode('utf-8', 'replace')
        if 'Failed loading language' in err:
            missing = [package for code, package in sorted(
                OCR_LANGUAGE_PACKAGES.items())
                if "'%s'" % code in err]
            raise UserError(_(
                "The OCR cannot read this language: install the Debian "
                "package(s) %s on the server.") % ', '.join(
                    missing or ['tesseract-ocr-*']))
        if process.returncode:
            _logger.warning("business card: tesseract failed (%s): %s",
                            process.returncode, err[-500:])
            raise UserError(_(
                "The photo could not be read (JPEG or PNG expected)."))
        return out.decode('utf-8', 'replace')

    @api.multi
    def action_read_card(self):
        """Fill the form with what the photo shows, as suggestions: what
        the salesperson typed stays; what an earlier photo suggested and
        nobody changed gives way (another card was uploaded). Nothing is
        saved on a lead. The OCR is for the users who may create leads."""
        self.ensure_one()
        self._check_lead_rights()
        self.check_access_rule('write')
        text = self._run_ocr(self._card_photo()[1])
        # the import's checks: the country as the card writes it, by its
        # name (English, the installed languages, "Việt Nam", "中国") or a
        # labelled code; the website, a link in the lead's form, only an
        # http or https address
        normaliser = Normaliser(self.env)
        parsed = parse_card(text, normaliser.countries)
        refused = []
        if parsed.get('website') and \
                normaliser.website(parsed['website'])[1]:
            refused.append(_(
                "The website read on the card, %s, is not a web address "
                "(http or https): it was left out.") % parsed.pop('website'))
        if not parsed:
            raise UserError(_(
                "No contact details could be read on this photo. Take it "
                "again, straight and in good light, or type the details "
                "in."))
        previous = json.loads(self.suggested_values or '{}')
        values = {'ocr_text': text.strip(), 'refused_note': ' '.join(refused)}
        suggested = {}
        for name in CARD_FIELDS:
            current = self[name]
            if name == 'country_id':
                current = current.id  # as JSON keeps it
            if current and current != previous.get(name):
                continue  # typed or corrected by the salesperson
            if parsed.get(name):
                values[name] = suggested[name] = parsed[name]
            elif current:
                values[name] = False
        values['suggested_fields'] = ','.join(
            name for name in CARD_FIELDS if name in suggested)
        values['suggested_values'] = json.dumps(suggested)
        self.write(values)
        return self._reopen()

    @api.multi
    def _reopen(self):
        """This form again, in its dialog."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Business Card'),
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'views': [(False, 'form')],
            'target': 'new',
            'context': self.env.context,
        }

    # -- the lead -----------------------------------------------------------
    @api.multi
    def _lead_values(self):
        self.ensure_one()
        name = self.name or ' - '.join(
            value for value in (self.partner_name, self.contact_name)
            if value) or self.email_from
        values = {
            'name': name,
            'source_id': self.env.ref(
                'crm_leads_ext.utm_source_business_card').id,
        }
        for field in ('contact_name', 'partner_name', 'function',
                      'email_from', 'phone', 'mobile', 'website', 'street',
                      'city', 'zip', 'description'):
            if self[field]:
                values[field] = self[field]
        if self.country_id:
            values['country_id'] = self.country_id.id
        return values

    @api.multi
    def _card_attachment_values(self, image_format):
        """The card photo as uploaded, named and typed after the image it
        is (the uploaded file name is the user's: "card.html")."""
        self.ensure_one()
        extension, mimetype = CARD_IMAGE_TYPES[image_format]
        stem = os.path.splitext(os.path.basename(
            (self.card_filename or '').replace('\\', '/')))[0].strip()
        name = '%s.%s' % (stem[:100] or _('business-card'), extension)
        return {
            'name': name,
            'datas_fname': name,
            'mimetype': mimetype,
            'datas': self.card_image,
        }

    @api.multi
    def action_create_lead(self):
        """The salesperson's confirmation: the lead, with the photo
        attached and a note in its chatter, all with the salesperson's
        rights; then the assignment rules, as for any new lead (they may
        give the lead to a team the salesperson cannot see). The new lead's
        form opens, so that the salesperson sees where it went; when the
        rules gave it out of their sight, this form says so."""
        self.ensure_one()
        self._check_lead_rights()
        self.check_access_rule('write')
        if not (self.name or self.contact_name or self.partner_name or
                self.email_from):
            raise UserError(_(
                "Give at least a contact name, a company or an email "
                "address."))
        if self.website:
            error = Normaliser(self.env).website(self.website)[1]
            if error:
                raise UserError(error)
        image_format = False
        if self.card_image:
            # not an image: refused before anything exists
            image_format = self._card_photo()[0]
        # the rules after the photo: it is attached with the salesperson's
        # rights, while the lead is still theirs
        Lead = self.env['crm.lead']
        lead = Lead.with_context(crm_lead_skip_assignment=True).create(
            self._lead_values()).with_env(Lead.env)
        if image_format:
            values = self._card_attachment_values(image_format)
            values.update(res_model='crm.lead', res_id=lead.id)
            attachment = self.env['ir.attachment'].create(values)
            lead.message_post(body=_("Created from a business card."),
                              attachment_ids=attachment.ids)
        if not self.env.context.get('crm_lead_skip_assignment'):
            lead.sudo().with_context(
                crm_assignment_uid=self.env.uid)._apply_assignment_rules()
        if not Lead.search([('id', '=', lead.id)]):
            self.created_note = _(
                'The lead "%s" was created; the assignment rules gave it to '
                'a team or salesperson whose leads you do not see.') % \
                lead.sudo().name
            return self._reopen()
        form = self.env.ref('crm.crm_case_form_view_leads'
                            if lead.type == 'lead' else
                            'crm.crm_case_form_view_oppor')
        return {
            'type': 'ir.actions.act_window',
            'name': lead.name,
            'res_model': 'crm.lead',
            'res_id': lead.id,
            'view_mode': 'form',
            'views': [(form.id, 'form')],
            'target': 'current',
        }
