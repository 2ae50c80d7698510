# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""``POST /crm/lead/capture``: the public lead capture endpoint.

Odoo 11 turns every ``application/json`` request into a JSON-RPC request
(``JsonRequest``, which reads and parses the whole body before any addon
code runs), which a plain ``type='http'`` route refuses, and parses form
bodies before the route runs, whatever their size. Requests to this path
get a ``CaptureRequest`` instead: an ``HttpRequest`` that parses nothing,
so that the route reads at most ``MAX_BODY`` bytes itself and answers
every error in JSON (the same approach as OCA's ``base_rest``). That
choice is made by ``Root.get_request``, before any database code runs:
``install_capture_request()`` wraps it, from the addon's ``post_load``
hook, for this path (with or without a trailing slash) and the databases
where the addon is installed only.
"""
import json
import logging
import math

import psycopg2
from werkzeug.urls import url_decode

import odoo
from odoo import http
from odoo.http import HttpRequest, Root, request

from ..models.crm_lead_source_key import HONEYPOT_FIELD, Repeated

_logger = logging.getLogger(__name__)

CAPTURE_PATH = '/crm/lead/capture'
MAX_BODY = 64 * 1024
JSON_TYPES = ('application/json',)
FORM_TYPES = ('application/x-www-form-urlencoded',)
UNAVAILABLE = "The lead could not be recorded: try again later."


class CaptureRequest(HttpRequest):
    """An HttpRequest that leaves the body alone: the query string is
    the only parameters the route receives."""

    def __init__(self, *args):  # pylint: disable=super-init-not-called
        super(HttpRequest, self).__init__(*args)
        params = dict(self.httprequest.args)
        params.pop('session_id', None)
        self.params = params


def _installed_in(db):
    """Whether the addon is installed in the database ``db``: its
    registry (loaded as Odoo's dispatch would) has the capture keys."""
    if not db:
        return False
    try:
        return 'crm.lead.source.key' in odoo.registry(db)
    except (AttributeError, psycopg2.Error):
        # a database that does not exist or cannot be loaded: Odoo's own
        # dispatch answers it
        return False


def install_capture_request():
    """Give the requests to CAPTURE_PATH of the databases with this addon
    a CaptureRequest; every other request keeps Odoo's own. Once per
    process (the addon's post_load hook)."""
    original = Root.get_request
    if getattr(original, 'crm_lead_capture', False):
        return

    def get_request(self, httprequest):
        # werkzeug routes the path with a trailing slash to the route too
        if httprequest.path.rstrip('/') == CAPTURE_PATH and \
                _installed_in(httprequest.session.db):
            return CaptureRequest(httprequest)
        return original(self, httprequest)

    get_request.crm_lead_capture = True
    Root.get_request = get_request


class CaptureError(Exception):
    def __init__(self, status, body, headers=None):
        super(CaptureError, self).__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or []


def _answer(status, body, headers=None):
    return http.Response(
        json.dumps(body), status=status,
        headers=[('Content-Type', 'application/json; charset=utf-8'),
                 ('Cache-Control', 'no-store')] + list(headers or []))


def _lang(env):
    """The best of the installed languages for Accept-Language."""
    langs = [code for code, _name in env['res.lang'].get_installed()]
    accept = request.httprequest.accept_languages
    for code, _quality in accept:
        code = code.replace('-', '_')
        for lang in langs:
            if lang.lower() == code.lower() or \
                    lang.split('_')[0].lower() == code.lower():
                return lang
    return 'en_US'


def _refuse_constant(name):
    raise ValueError("%s is not JSON" % name)


def _finite(text):
    number = float(text)
    if math.isinf(number):
        raise ValueError("%s is too large" % text)
    return number


def _object(pairs):
    """A JSON object; the values of a name given twice are kept, for the
    validation to refuse them (json's default keeps the last silently)."""
    data = {}
    for name, value in pairs:
        if name in data:
            previous = data[name]
            data[name] = Repeated(
                (previous if isinstance(previous, Repeated) else
                 [previous]) + [value])
        else:
            data[name] = value
    return data


def _json_object(text):
    """``text`` parsed as strict JSON: NaN, Infinity and numbers out of
    the range of a float are refused (ValueError), as the standard says."""
    return json.loads(text, parse_constant=_refuse_constant,
                      parse_float=_finite, object_pairs_hook=_object)


class LeadCaptureController(http.Controller):

    @http.route(CAPTURE_PATH, type='http', auth='public', methods=['POST'],
                csrf=False)
    def capture(self, **kwargs):
        """Create a lead from the body (JSON object or form fields),
        authenticated by the API key (header X-Api-Key or field
        api_key). See the addon's README for the answers."""
        Key = request.env['crm.lead.source.key'].sudo()
        Key = Key.with_context(lang=_lang(Key.env))
        try:
            return self._capture(Key)
        except CaptureError as error:
            return _answer(error.status, error.body, error.headers)
        except Exception:  # pylint: disable=broad-except
            _logger.exception("Lead capture failed")
            message = UNAVAILABLE
            try:
                request.env.cr.rollback()
                message = Key._capture_message('unavailable')
            except Exception:  # pylint: disable=broad-except
                _logger.exception("Lead capture: rollback failed")
            return _answer(503, {'errors': {'request': message}},
                           [('Retry-After', '60')])

    def _capture(self, Key):
        httprequest = request.httprequest
        environ = httprequest.environ
        # with proxy_mode, Odoo's ProxyFix replaced REMOTE_ADDR with
        # X-Forwarded-For, whoever sent it; the peer is kept aside
        ip = Key._capture_client_address(
            environ.get('werkzeug.proxy_fix.orig_remote_addr') or
            environ.get('REMOTE_ADDR'),
            environ.get('HTTP_X_FORWARDED_FOR'))
        hit_id, retry = Key._capture_hit(ip)
        if retry:
            raise CaptureError(429, {'errors': {
                'request': Key._capture_message('rate')}},
                [('Retry-After', str(retry))])
        data = self._read_body(Key)
        key = httprequest.headers.get('X-Api-Key') or data.get('api_key')
        source_key = Key._capture_find_key(key)
        if not source_key:
            raise CaptureError(401, {'errors': {
                'api_key': Key._capture_message('key')}},
                [('WWW-Authenticate', 'X-Api-Key')])
        retry = source_key._capture_key_hit(hit_id)
        if retry:
            raise CaptureError(429, {'errors': {
                'request': Key._capture_message('rate')}},
                [('Retry-After', str(retry))])
        if data.get(HONEYPOT_FIELD):
            _logger.info("Lead capture: honeypot filled from %s", ip)
            raise CaptureError(400, {'errors': {
                'request': Key._capture_message('refused')}})
        values, errors = Key._capture_validate(data)
        if errors:
            raise CaptureError(400, {'errors': errors})
        lead_id = source_key._capture_create(values)
        # a random reference: the lead's id would tell how many leads
        # the company gets
        lead = Key.env['crm.lead'].browse(lead_id)
        return _answer(201, {'ref': lead.capture_ref})

    def _read_body(self, Key):
        """The body as a dict of fields: 413, 415 or 400 otherwise."""
        httprequest = request.httprequest
        too_large = CaptureError(413, {'errors': {
            'request': Key._capture_message('size') % MAX_BODY}})
        length = httprequest.content_length
        if length is not None and length > MAX_BODY:
            raise too_large
        if httprequest.mimetype not in JSON_TYPES + FORM_TYPES:
            raise CaptureError(415, {'errors': {
                'request': Key._capture_message('type')}})
        body = httprequest.stream.read(MAX_BODY + 1)
        if len(body) > MAX_BODY:
            raise too_large
        charset = httprequest.mimetype_params.get('charset') or 'utf-8'
        try:
            text = body.decode(charset)
        except (UnicodeDecodeError, LookupError):
            raise CaptureError(400, {'errors': {
                'request': Key._capture_message('encoding')}})
        if httprequest.mimetype in JSON_TYPES:
            try:
                data = _json_object(text)
            except (ValueError, RecursionError):
                # RecursionError: nested deeper than Python's stack
                data = None
            if not isinstance(data, dict):
                raise CaptureError(400, {'errors': {
                    'request': Key._capture_message('json')}})
            return data
        try:
            # strict: a value not in the charset is refused, not mangled
            form = url_decode(text, charset=charset, errors='strict')
        # werkzeug encodes the text back to the charset first: a lone
        # surrogate that an escape charset (unicode_escape) let through
        # fails there, with UnicodeEncodeError
        except UnicodeError:
            raise CaptureError(400, {'errors': {
                'request': Key._capture_message('encoding')}})
        data = {}
        for field in form:
            values = form.getlist(field)
            # a field given twice is refused by the validation
            data[field] = values[0] if len(values) == 1 else \
                Repeated(values)
        return data
