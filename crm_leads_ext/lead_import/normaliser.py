# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Normalising and validating one row of a prospect list: emails, phone
numbers, countries, dates, numbers. Pure Python, no query per row: the
look-up tables are loaded once per import."""
import datetime
import re
import unicodedata

from odoo import _
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT, email_split

try:
    import phonenumbers
except ImportError:  # pragma: no cover - listed in requirements.txt
    phonenumbers = None

# A cell longer than this is refused (the row fails with a message) rather
# than truncated: a silently cut note or name is worse than a clear error
MAX_CELL = 64 * 1024
EMAIL_RE = re.compile(
    r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9]{2,}$")
PHONE_PUNCTUATION_RE = re.compile(r"[\s().\-/]")
DATE_FORMATS = ('%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%d/%m/%Y', '%d.%m.%Y',
                '%d-%m-%Y', '%Y/%m/%d', '%d %b %Y', '%d %B %Y', '%b %d %Y',
                '%B %d %Y', '%b %d, %Y', '%B %d, %Y')
TEXT_FIELDS = ('name', 'contact_name', 'partner_name', 'function', 'street',
               'street2', 'zip', 'city', 'website', 'description',
               'referred')


class Normaliser(object):
    """Turns a row's cells (by field name) into crm.lead column values."""

    def __init__(self, env, region=None):
        self.env = env
        self.region = (region or 'US').upper()
        self.countries = {}
        self.country_codes = {}
        for country in env['res.country'].search([]):
            self.country_codes[country.id] = country.code
            self.countries[country.code.lower()] = country.id
            for lang in ('en_US', env.lang or 'en_US'):
                name = country.with_context(lang=lang).name
                self.countries[name.lower()] = country.id
        langs = env['res.lang'].get_installed()
        self.langs = {}
        for code, name in langs:
            self.langs[code.lower()] = code
            self.langs[name.lower()] = code
            self.langs.setdefault(code.split('_')[0].lower(), code)
        lang_format = env['res.lang']._lang_get(
            env.lang or 'en_US').date_format or DEFAULT_SERVER_DATE_FORMAT
        self.date_formats = (lang_format,) + tuple(
            fmt for fmt in DATE_FORMATS if fmt != lang_format)

    # -- single values -----------------------------------------------------

    def email(self, value):
        """(normalised address, error message)."""
        email = value.strip()
        if '<' in email:
            # "Name <address>", as mail clients and Odoo's own leads (the
            # mail gateway's email_from) write it
            addresses = email_split(email)
            if len(addresses) == 1:
                email = addresses[0]
        email = email.lower()
        if email.startswith('mailto:'):
            email = email[7:]
        if email.startswith('<') and email.endswith('>'):
            email = email[1:-1]
        if not EMAIL_RE.match(email):
            return None, _("'%s' is not a valid email address") % value
        return email, None

    def phone(self, value, region=None):
        """(display form, digits key, error message). With the
        ``phonenumbers`` library: parsed in the row's country (else the
        company's), refused when not a possible number, formatted
        internationally like crm_phone_validation does. Without it: spaces
        and punctuation removed, 6 to 15 digits required."""
        raw = value.strip()
        if phonenumbers is not None:
            try:
                number = phonenumbers.parse(raw, (region or self.region))
            except phonenumbers.NumberParseException:
                number = None
            if number is None or not phonenumbers.is_possible_number(number):
                return None, None, _(
                    "'%s' is not a valid phone number") % value
            key = '+%d%s' % (number.country_code,
                             phonenumbers.national_significant_number(number))
            return phonenumbers.format_number(
                number, phonenumbers.PhoneNumberFormat.INTERNATIONAL), \
                key, None
        compact = PHONE_PUNCTUATION_RE.sub('', raw)
        if compact.startswith('00'):
            compact = '+' + compact[2:]
        digits = compact[1:] if compact.startswith('+') else compact
        if not digits.isdigit() or not 6 <= len(digits) <= 15:
            return None, None, _("'%s' is not a valid phone number") % value
        return compact, compact, None

    def date(self, value):
        value = value.strip()
        for fmt in self.date_formats:
            try:
                parsed = datetime.datetime.strptime(value, fmt)
            except ValueError:
                continue
            return parsed.strftime(DEFAULT_SERVER_DATE_FORMAT), None
        return None, _(
            "'%(value)s' is not a date (expected e.g. %(example)s)") % {
                'value': value,
                'example': datetime.date.today().strftime(
                    self.date_formats[0])}

    def number(self, value):
        compact = value.strip().replace(' ', '').replace(u'\xa0', '')
        if compact.count(',') and not compact.count('.'):
            compact = compact.replace(',', '.')
        else:
            compact = compact.replace(',', '')
        try:
            return float(compact), None
        except ValueError:
            return None, _("'%s' is not a number") % value

    # -- a whole row -------------------------------------------------------

    def row(self, cells):
        """``cells``: {field name: raw text}. Returns (values, keys, errors):
        the crm.lead column values, the duplicate keys in the order they
        are tried ([('emails', email), ('phones', E.164 number)...,
        ('names', (company, contact))]) and the list of messages (empty
        when the row is fine)."""
        values = {}
        errors = []
        for field, raw in cells.items():
            if raw is None:
                continue
            if not isinstance(raw, str):
                raw = str(raw)
            if len(raw) > MAX_CELL:
                errors.append(_(
                    "the cell of %(field)s is %(size)d characters long, "
                    "more than the %(max)d allowed") % {
                        'field': field, 'size': len(raw), 'max': MAX_CELL})
                continue
            # composed characters: Windows-1258 writes Vietnamese tones as
            # combining marks, which would not match nor sort as typed
            raw = unicodedata.normalize('NFC', raw.strip())
            if raw:
                values[field] = raw
        country = values.get('country_id')
        if country is not None:
            country_id = self.countries.get(country.lower())
            if not country_id:
                errors.append(_("unknown country '%s'") % country)
            values['country_id'] = country_id
        region = self.country_codes.get(values.get('country_id'))
        keys = []
        if 'email_from' in values:
            email, error = self.email(values['email_from'])
            if error:
                errors.append(error)
            values['email_from'] = email
            if email:
                keys.append(('emails', email))
        for field in ('phone', 'mobile'):
            if field in values:
                shown, key, error = self.phone(values[field], region)
                if error:
                    errors.append(error)
                values[field] = shown
                if key:
                    keys.append(('phones', key))
        if 'date_deadline' in values:
            values['date_deadline'], error = self.date(
                values['date_deadline'])
            if error:
                errors.append(error)
        if 'planned_revenue' in values:
            values['planned_revenue'], error = self.number(
                values['planned_revenue'])
            if error:
                errors.append(error)
        if 'lang' in values:
            lang = self.langs.get(values['lang'].lower().replace('-', '_'))
            if not lang:
                errors.append(_("unknown language '%s'") % values['lang'])
            values['lang'] = lang
        company = (values.get('partner_name') or '').lower()
        contact = (values.get('contact_name') or '').lower()
        if company and contact:
            keys.append(('names', (' '.join(company.split()),
                                   ' '.join(contact.split()))))
        if not (values.get('email_from') or values.get('phone') or
                values.get('mobile') or values.get('partner_name') or
                values.get('contact_name') or values.get('name')):
            if not errors:
                errors.append(_(
                    "the row has no name, company, email or phone"))
        values['name'] = (values.get('name') or values.get('partner_name') or
                          values.get('contact_name') or
                          values.get('email_from') or values.get('phone') or
                          values.get('mobile'))
        return values, keys, errors
