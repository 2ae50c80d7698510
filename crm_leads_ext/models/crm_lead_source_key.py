# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""API keys of the public lead capture endpoint (``POST /crm/lead/capture``)
and what the endpoint does with a request: the client's address, the rate
limits, the validation and the creation. The controller stays thin: checks,
validation and creation live here, where ``_()`` translates with
``self.env.lang``."""
import base64
import hashlib
import ipaddress
import logging
import os
import re

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import ValidationError

from ..lead_import.normaliser import URL_RE

_logger = logging.getLogger(__name__)

# field: (maximum length, kind)
CAPTURE_FIELDS = {
    'name': (256, 'char'),
    'contact_name': (128, 'char'),
    'partner_name': (128, 'char'),
    'function': (128, 'char'),
    'email_from': (254, 'email'),
    'phone': (32, 'phone'),
    'mobile': (32, 'phone'),
    'website': (256, 'url'),
    'street': (128, 'char'),
    'street2': (128, 'char'),
    'city': (128, 'char'),
    'zip': (24, 'char'),
    'country_code': (2, 'country'),
    'description': (10000, 'text'),
}
# fields of the request that are not lead fields
CAPTURE_RESERVED = ('api_key',)
HONEYPOT_FIELD = 'website_url2'
EMAIL_RE = re.compile(r'^[^@\s<>(),;:"\[\]]+@[^@\s<>(),;:"\[\]]+\.[a-zA-Z]{2,}$')
PHONE_RE = re.compile(r'^[0-9+().\-/ ]{3,32}$')
CONTROL_RE = re.compile(u'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')
RATE_WINDOW = 60  # seconds
DEFAULT_IP_RATE_LIMIT = 30
# Who may tell the endpoint the client's address (X-Forwarded-For): the
# addresses or networks of the reverse proxies, separated by commas;
# "none" for no proxy. By default a proxy on the server itself, the
# deployment of docker/ and README.md: an address nobody else can connect
# from, while without any trusted proxy every client behind the proxy
# would share the proxy's per-IP limit.
TRUSTED_PROXIES_PARAM = 'crm_leads_ext.capture_trusted_proxies'
DEFAULT_TRUSTED_PROXIES = '127.0.0.1,::1'
KEY_BYTES = 30
REF_BYTES = 15


def hash_key(key):
    """The stored form of an API key: its SHA-256, in hex."""
    return hashlib.sha256(key.encode('utf-8')).hexdigest()


def random_token(size):
    """A URL-safe random text carrying ``size`` random bytes."""
    return base64.urlsafe_b64encode(os.urandom(size)).decode(
        'ascii').rstrip('=')


class Repeated(list):
    """The values of a field given more than once in one request."""


def _ip_address(text):
    """The IP address written in ``text`` (an IPv4 address mapped into
    IPv6 as IPv4), or None."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def client_address(peer, forwarded_for, trusted):
    """The address the limit per IP address counts for a request.

    ``peer`` is the address of the TCP connection, the only one nobody can
    forge. Only when it is one of the ``trusted`` networks (the reverse
    proxies) is ``forwarded_for`` (X-Forwarded-For) read: from the right,
    where each proxy appended the address it received the request from,
    the hops of trusted proxies are skipped and the first other address is
    the client's. What lies to its left was written by the client itself.
    A value that is not an address stops the walk at the last hop read.
    """
    address = _ip_address(peer or '')
    if address is None:
        return peer or ''
    if forwarded_for and any(address in net for net in trusted):
        for hop in reversed(forwarded_for.split(',')):
            hop_address = _ip_address(hop)
            if hop_address is None:
                break
            address = hop_address
            if not any(address in net for net in trusted):
                break
    return str(address)


class CrmLeadSourceKey(models.Model):
    """A per-source API key of ``POST /crm/lead/capture``: the leads it
    captures get its team, campaign, source and medium. Only the SHA-256
    of the key is stored; the key is shown once, when generated."""

    _name = 'crm.lead.source.key'
    _inherit = ['crm.company.check.mixin']
    _description = 'Lead Capture API Key'
    _order = 'name, id'

    name = fields.Char(string='Name', required=True,
                       help="Who uses the key, e.g. 'Web shop'.")
    active = fields.Boolean(string='Active', default=True)
    company_id = fields.Many2one(
        'res.company', string='Company', required=True, index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'crm.lead.source.key'),
        help="The company of the captured leads: only its users see the "
             "key, its requests and its leads.")
    key_hash = fields.Char(string='Key Hash', readonly=True, copy=False,
                           index=True, groups='base.group_system')
    key_prefix = fields.Char(
        string='Key Starts With', readonly=True, copy=False,
        help="The first characters of the key, to recognise it.")
    team_id = fields.Many2one('crm.team', string='Sales Team',
                              ondelete='restrict')
    campaign_id = fields.Many2one('utm.campaign', string='Campaign',
                                  ondelete='restrict')
    source_id = fields.Many2one('utm.source', string='Source',
                                ondelete='restrict')
    medium_id = fields.Many2one('utm.medium', string='Medium',
                                ondelete='restrict')
    rate_limit = fields.Integer(
        string='Rate Limit (per minute)', default=60,
        help="Requests per minute accepted with this key, from every IP "
             "address together. 0: no limit per key (the limit per IP "
             "address still applies).")
    user_id = fields.Many2one(
        'res.users', string='Integration User', required=True,
        ondelete='restrict', default=lambda self: self._default_user_id(),
        domain=lambda self: self._user_id_domain(),
        context={'active_test': False},
        help="The leads are created as this user (their 'Created by'), "
             "with its rights: a user of the group 'Lead capture (create "
             "only)'. By default 'Lead Capture', an archived user without "
             "password that nobody can log in as.")
    lead_count = fields.Integer(compute='_compute_lead_count',
                                string='Leads')

    _sql_constraints = [
        ('rate_limit_positive', 'CHECK(rate_limit >= 0)',
         'The rate limit cannot be negative.'),
        ('key_hash_unique', 'UNIQUE(key_hash)',
         'This API key exists already.'),
    ]

    @api.model
    def _default_user_id(self):
        return self.env.ref('crm_leads_ext.user_lead_capture',
                            raise_if_not_found=False)

    @api.model
    def _user_id_domain(self):
        group = self.env.ref('crm_leads_ext.group_lead_capture',
                             raise_if_not_found=False)
        return [('groups_id', 'in', group.ids if group else [])]

    @api.constrains('user_id')
    def _check_user_id(self):
        for key in self:
            if key.user_id.id == SUPERUSER_ID or not key.user_id.has_group(
                    'crm_leads_ext.group_lead_capture'):
                raise ValidationError(_(
                    "The integration user of the API key '%s' must be a "
                    "user of the group 'Lead capture (create only)', and "
                    "not the administrator.") % key.name)

    @api.constrains('company_id', 'user_id', 'team_id')
    def _check_company(self):
        """The leads of a key are created in its company as its
        integration user, under the multi-company record rule: the user
        works in that company (or a parent), and the team is the
        company's."""
        for key in self:
            user_company = key.user_id.sudo().company_id
            if key.company_id not in self.env['res.company'].sudo().search(
                    [('id', 'child_of', user_company.ids)]):
                raise ValidationError(_(
                    "The integration user of the API key '%(key)s' works "
                    "for %(user_company)s: choose a user of the key's "
                    "company, %(company)s.") % {
                        'key': key.name,
                        'user_company': user_company.name,
                        'company': key.company_id.name})
            if key.team_id.company_id not in (
                    key.company_id, self.env['res.company']):
                raise ValidationError(_(
                    "The sales team of the API key '%(key)s' belongs to "
                    "another company than the key: %(team)s.") % {
                        'key': key.name, 'team': key.team_id.name})

    @api.multi
    def _compute_lead_count(self):
        Lead = self.env['crm.lead'].with_context(active_test=False)
        for key in self:
            key.lead_count = Lead.search_count(
                [('capture_key_id', '=', key.id)])

    @api.multi
    def action_generate_key(self):
        """Generate a new key (replacing the previous one) and show it
        once, in a dialog: it travels in the action's context only, the
        database keeps its hash."""
        # the hash is written as superuser (only administrators may read
        # or write it): the caller's right to change this key comes first
        self.check_access_rights('write')
        self.check_access_rule('write')
        self.ensure_one()
        key = random_token(KEY_BYTES)
        self.sudo().write({'key_hash': hash_key(key),
                           'key_prefix': key[:6]})
        return {
            'type': 'ir.actions.act_window',
            'name': _('New API Key'),
            'res_model': 'crm.lead.source.key.show',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_key': key, 'default_key_id': self.id},
        }

    # -- the capture endpoint ---------------------------------------------

    @api.model
    def _capture_message(self, kind):
        """The translated message of a refused request."""
        messages = {
            'key': _("Missing, unknown or disabled API key."),
            'rate': _("Too many requests: try again later."),
            'refused': _("The request could not be accepted."),
            'size': _("The request is too large: at most %d bytes."),
            'type': _("Send application/json or "
                      "application/x-www-form-urlencoded."),
            'encoding': _("The request is not in the announced charset."),
            'json': _("The body is not a JSON object."),
            'unavailable': _(
                "The lead could not be recorded: try again later."),
        }
        return messages[kind]

    @api.model
    def _capture_find_key(self, key):
        """The active key matching ``key``, or an empty recordset."""
        if not key or not isinstance(key, str) or len(key) > 256:
            return self.browse()
        return self.sudo().search([('key_hash', '=', hash_key(key))],
                                  limit=1)

    @api.model
    def _capture_trusted_proxies(self):
        """The networks of the reverse proxies whose X-Forwarded-For is
        believed (system parameter ``crm_leads_ext.capture_trusted_proxies``);
        an entry that is not an address or a network is left out, and
        logged."""
        value = self.env['ir.config_parameter'].sudo().get_param(
            TRUSTED_PROXIES_PARAM, DEFAULT_TRUSTED_PROXIES)
        networks = []
        for entry in re.split(r'[\s,]+', value.strip()):
            if not entry or entry.lower() == 'none':
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                _logger.warning("%s: %r is not an IP address or network, "
                                "left out", TRUSTED_PROXIES_PARAM, entry)
        return networks

    @api.model
    def _capture_client_address(self, peer, forwarded_for):
        """The client's address for the limit per IP address: see
        client_address()."""
        return client_address(peer, forwarded_for,
                              self._capture_trusted_proxies())

    @api.model
    def _capture_hit(self, ip):
        """Record a request from ``ip``; return the id of the hit and the
        seconds to wait when the IP address is over its limit (else 0).
        The counters live in a transaction of their own, committed at
        once: other workers see them at once, and a request that fails
        later (and is rolled back) still counts."""
        limit = int(self.env['ir.config_parameter'].sudo().get_param(
            'crm_leads_ext.capture_ip_rate_limit', DEFAULT_IP_RATE_LIMIT))
        with self.pool.cursor() as cr:
            retry = 0
            if limit:
                retry = self._capture_retry_after(cr, 'ip', ip, limit)
            cr.execute("""
                INSERT INTO crm_lead_capture_hit (ip, hit_time)
                VALUES (%s, now() at time zone 'UTC') RETURNING id
            """, (ip,))
            return cr.fetchone()[0], retry

    _RETRY_QUERIES = {
        'ip': """
            SELECT count(*), extract(epoch FROM
                   (now() at time zone 'UTC') - min(hit_time))
              FROM crm_lead_capture_hit
             WHERE ip = %(value)s AND hit_time >
                   (now() at time zone 'UTC') - interval '1 second' * %(window)s
        """,
        'key': """
            SELECT count(*), extract(epoch FROM
                   (now() at time zone 'UTC') - min(hit_time))
              FROM crm_lead_capture_hit
             WHERE key_id = %(value)s AND hit_time >
                   (now() at time zone 'UTC') - interval '1 second' * %(window)s
        """,
    }

    @api.model
    def _capture_retry_after(self, cr, kind, value, limit):
        """Seconds until a request is allowed again when ``limit`` hits
        of this IP address or key happened in the last minute, else 0."""
        cr.execute(self._RETRY_QUERIES[kind],
                   {'value': value, 'window': RATE_WINDOW})
        count, age = cr.fetchone()
        if count < limit:
            return 0
        return max(1, int(RATE_WINDOW - float(age or 0)) + 1)

    @api.multi
    def _capture_key_hit(self, hit_id):
        """Count the hit against this key; the seconds to wait when the
        key is over its limit, else 0."""
        self.ensure_one()
        with self.pool.cursor() as cr:
            retry = 0
            if self.rate_limit:
                retry = self._capture_retry_after(cr, 'key', self.id,
                                                  self.rate_limit)
            cr.execute(
                "UPDATE crm_lead_capture_hit SET key_id = %s, company_id = %s"
                " WHERE id = %s", (self.id, self.company_id.id, hit_id))
            return retry

    @api.model
    def _capture_validate(self, data):
        """Check the submitted fields; return (lead values, errors) where
        errors maps a field to a translated message. Nothing is written."""
        errors = {}
        values = {}
        for field in sorted(data):
            if field in CAPTURE_RESERVED or field == HONEYPOT_FIELD:
                continue
            if field not in CAPTURE_FIELDS:
                errors[field] = _("Unknown field.")
                continue
            value = data[field]
            if isinstance(value, Repeated):
                errors[field] = _("Given more than once.")
                continue
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(
                    value, (str, int, float)):
                errors[field] = _("Must be a text.")
                continue
            value = str(value).strip()
            if not value:
                continue
            size, kind = CAPTURE_FIELDS[field]
            if len(value) > size:
                errors[field] = _(
                    "Too long: at most %d characters.") % size
                continue
            if kind != 'text' and ('\n' in value or '\r' in value):
                errors[field] = _("Must be a single line.")
                continue
            if CONTROL_RE.search(value):
                errors[field] = _("Contains control characters.")
                continue
            try:
                # JSON escapes may name lone surrogates: no UTF-8 text
                value.encode('utf-8')
            except UnicodeEncodeError:
                errors[field] = _("Contains characters that are not text.")
                continue
            if kind == 'email' and not EMAIL_RE.match(value):
                errors[field] = _("Not a valid email address.")
                continue
            if kind == 'phone' and not PHONE_RE.match(value):
                errors[field] = _("Not a valid phone number.")
                continue
            if kind == 'url' and not URL_RE.match(value):
                errors[field] = _("Not a valid web address.")
                continue
            if kind == 'country':
                country = self.env['res.country'].sudo().search(
                    [('code', '=ilike', value)], limit=1)
                if len(value) != 2 or not country:
                    errors[field] = _(
                        "Not a known country code (ISO 3166, two letters).")
                    continue
                values['country_id'] = country.id
                continue
            values[field] = value
        # required: reported unless a field of the group was wrong already
        if not set(errors) & {'name', 'contact_name', 'partner_name'} and \
                not (values.get('name') or values.get('contact_name') or
                     values.get('partner_name')):
            errors['name'] = _(
                "Give a subject (name), a contact name or a company name.")
        if not set(errors) & {'email_from', 'phone', 'mobile'} and \
                not (values.get('email_from') or values.get('phone') or
                     values.get('mobile')):
            errors['email_from'] = _(
                "Give an email address or a phone number.")
        if not errors and not values.get('name'):
            values['name'] = values.get('partner_name') or \
                values.get('contact_name')
        return values, errors

    @api.multi
    def _capture_create(self, values):
        """Create the lead of validated ``values`` as the key's integration
        user, with its rights, with the key's team, campaign, source and
        medium, without salesperson so that it goes through the
        assignment rules; return its id. Its random ``capture_ref`` is
        what the endpoint answers."""
        self.ensure_one()
        vals = dict(values)
        vals.update({
            'user_id': False,
            'capture_key_id': self.id,
            'capture_ref': random_token(REF_BYTES),
            'team_id': self.team_id.id,
            'campaign_id': self.campaign_id.id,
            'source_id': self.source_id.id,
            'medium_id': self.medium_id.id,
            # the key's company, never the integration user's
            'company_id': self.company_id.id,
        })
        # "Use leads" (crm.group_use_lead given to every internal user)
        # off: the pipeline starts at opportunities
        use_leads = self.env.ref('crm.group_use_lead') in \
            self.env.ref('base.group_user').sudo().implied_ids
        vals['type'] = 'lead' if use_leads else 'opportunity'
        Lead = self.env['crm.lead'].sudo(self.user_id.id).with_context(
            mail_create_nosubscribe=True)
        # a capture never appends to a lead, but a mail of the same sender
        # to the team's alias arriving meanwhile must wait for this lead
        # to append to it (see crm_lead_mail.py)
        Lead.sudo()._lock_sender(self.team_id.id, vals.get('email_from'))
        with self.env.cr.savepoint():
            lead = Lead.create(vals)
        return lead.id
