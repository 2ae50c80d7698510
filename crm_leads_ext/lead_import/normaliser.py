# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Normalising and validating one row of a prospect list: emails, phone
numbers, countries, dates, numbers, the lead's title. Pure Python, no
query per row: the look-up tables are loaded once per import."""
import logging
import re
import unicodedata

from odoo import _
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT, email_split

from .dates import DateParser

_logger = logging.getLogger(__name__)
try:
    import phonenumbers
except ImportError:
    # an external dependency of the addon (its manifest): not installable
    # without it
    _logger.debug("phonenumbers is not installed")

# A cell longer than this is refused (the row fails with a message) rather
# than truncated: a silently cut note or name is worse than a clear error
MAX_CELL = 64 * 1024
EMAIL_RE = re.compile(
    r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9]{2,}$")
# http://, https:// or no scheme, then a host name with a dot, an optional
# port and path. Any other scheme (javascript:, data:, vbscript:...) puts a
# colon where the host name is, and is refused: the address is a link in
# the lead's form. The capture endpoint checks its URLs with it too.
URL_RE = re.compile(
    r'^(?:https?://)?[^\s/$.?#:@][^\s/?#:@]*\.[^\s/?#:@]+'
    r'(?::[0-9]{1,5})?(?:[/?#]\S*)?$', re.IGNORECASE)
# Countries as lists and business cards from Vietnam and China write them,
# found whatever languages the database has installed (res.country's names
# are English, and Vietnamese or Chinese only once those are installed).
COUNTRY_ALIASES = {
    'việt nam': 'VN', 'viet nam': 'VN', '越南': 'VN',
    '中国': 'CN', '中华人民共和国': 'CN', 'trung quốc': 'CN',
    "people's republic of china": 'CN', 'p.r. china': 'CN', 'prc': 'CN',
}
# The largest amount a row may have: far above any deal, far below where
# PostgreSQL's sums of double precision overflow (two rows of 1.7e308
# broke every grouped view of the pipeline, for every user).
MAX_AMOUNT = 10 ** 15
# how the lead's title is built: from a column of the file, the company,
# the contact name or a fixed text
TITLE_FROM_COLUMN = 'column'
TITLE_FROM_COMPANY = 'company'
TITLE_FROM_CONTACT = 'contact'
TITLE_FIXED = 'fixed'
TEXT_FIELDS = ('name', 'contact_name', 'partner_name', 'function', 'street',
               'street2', 'zip', 'city', 'website', 'description',
               'referred')


def country_names(env):
    """{lower-case name: res.country id}: each country's name in English
    and in every installed language, and COUNTRY_ALIASES. One query per
    language: for a whole import or one business card, not for a row."""
    ids_by_code = {}
    names = {}
    for code in {'en_US'} | {lang for lang, __ in
                             env['res.lang'].get_installed()}:
        for country in env['res.country'].with_context(lang=code).search([]):
            ids_by_code[country.code] = country.id
            names.setdefault(country.name.lower(), country.id)
    for alias, code in COUNTRY_ALIASES.items():
        if code in ids_by_code:
            names.setdefault(alias, ids_by_code[code])
    return names


class Normaliser(object):
    """Turns a row's cells (by field name) into crm.lead column values."""

    def __init__(self, env, region=None, date_order=None,
                 title=TITLE_FROM_COLUMN, title_text=''):
        """``region``: the country code phone numbers without one are
        read in when the row has no country (the team's company's);
        ``date_order``: see DateParser; ``title``: one of the TITLE_*
        constants, with ``title_text`` for TITLE_FIXED."""
        self.env = env
        self.region = (region or 'US').upper()
        self.dates = DateParser(env, date_order)
        self.title = title
        self.title_text = title_text
        self.countries = {}
        self.country_codes = {}
        self.country_names = {}
        langs = env['res.lang'].get_installed()
        for country in env['res.country'].search([]):
            self.country_codes[country.id] = country.code
            self.country_names[country.code] = country.name
            self.countries[country.code.lower()] = country.id
        # a country by its name: lists bought in Vietnam say "Việt Nam",
        # in China "中国"
        for name, country_id in country_names(env).items():
            self.countries.setdefault(name, country_id)
        self.langs = {}
        for code, name in langs:
            self.langs[code.lower()] = code
            self.langs[name.lower()] = code
            self.langs.setdefault(code.split('_')[0].lower(), code)

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
        """(display form, E.164 key, error message). Parsed in the row's
        country (``region``), else the team's company's, refused unless
        libphonenumber says it is a valid number (a possible length is not
        enough: a digit short, or one digit repeated, can be possible),
        formatted internationally as crm_phone_validation does."""
        region = region or self.region
        try:
            number = phonenumbers.parse(value.strip(), region)
        except phonenumbers.NumberParseException:
            return None, None, _("'%s' is not a valid phone number") % value
        if not phonenumbers.is_valid_number(number):
            country = phonenumbers.region_code_for_country_code(
                number.country_code)
            return None, None, _(
                "'%(value)s' is not a valid phone number of %(country)s") % {
                    'value': value,
                    'country': self.country_names.get(country, country)}
        key = '+%d%s' % (number.country_code,
                         phonenumbers.national_significant_number(number))
        return phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.INTERNATIONAL), key, None

    def date(self, value):
        date, error = self.dates.parse(value)
        if error:
            return None, error
        return date.strftime(DEFAULT_SERVER_DATE_FORMAT), None

    def number(self, value):
        compact = value.strip().replace(' ', '').replace(u'\xa0', '')
        if compact.count(',') and not compact.count('.'):
            compact = compact.replace(',', '.')
        else:
            compact = compact.replace(',', '')
        try:
            number = float(compact)
        except ValueError:
            return None, _("'%s' is not a number") % value
        if not abs(number) < MAX_AMOUNT:  # NaN and infinities too
            return None, _("'%s' is not an amount a deal can have") % value
        return number, None

    def website(self, value):
        """(value, error message): only an http or https address (URL_RE),
        in the user's language (self.env's, as _() reads it)."""
        if not URL_RE.match(value):
            return None, _("'%s' is not a web address (http or https)") % \
                value
        return value, None

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
        if 'website' in values:
            values['website'], error = self.website(values['website'])
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
            return values, keys, errors
        values['name'], error = self._title(values)
        if error:
            errors.append(error)
        return values, keys, errors

    def _title(self, values):
        """(the lead's title, error message), as the import builds it."""
        if self.title == TITLE_FIXED:
            return self.title_text, None
        if self.title == TITLE_FROM_COMPANY:
            title = values.get('partner_name')
            error = _("the lead's title is the company, and the row has "
                      "none")
        elif self.title == TITLE_FROM_CONTACT:
            title = values.get('contact_name')
            error = _("the lead's title is the contact name, and the row "
                      "has none")
        else:
            title = values.get('name')
            error = _("the row has no lead title")
        return title, None if title else error
