# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import html
import json
import logging
import re

from werkzeug.exceptions import BadRequest, Forbidden, HTTPException, \
    NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools import html_escape

from odoo.addons.mail.controllers.main import MailController
from odoo.addons.web.controllers.main import Binary, ReportController

_logger = logging.getLogger(__name__)

# The largest barcode drawn, in pixels a side: reportlab draws it in
# memory (999999 a side failed with a 500); reports print a few hundred.
MAX_BARCODE_SIZE = 4000
# a record id or a size, as a query parameter
_NUMBER_RE = re.compile(r'[0-9]+\Z')
# the /web/binary/image size, "width,height" (either may be empty)
_RESIZE_RE = re.compile(r'[0-9]*,[0-9]*\Z')


def _is_number(value):
    """Whether ``value`` (an int from the route or a str from the query)
    is a non-negative integer."""
    return isinstance(value, int) or bool(_NUMBER_RE.match(str(value)))


def _json_or_400(text):
    """``text`` parsed as JSON; a request whose JSON does not parse is a
    bad request (Odoo 11 answers it with a 500)."""
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        # RecursionError: nested deeper than Python's stack
        raise BadRequest()


class TerritoryMailController(MailController):

    @http.route()
    def read_followers(self, follower_ids, res_model):
        """Odoo 11 checks the followed records under the model the client
        names (``res_model``): check each follower's own document."""
        request.env['mail.followers'].browse(
            follower_ids)._check_documents_readable()
        return super(TerritoryMailController, self).read_followers(
            follower_ids, res_model)

    @http.route()
    def mail_action_new(self, model=None, res_id=None, action_id=None):
        """Odoo 11 fails without ``action_id`` (500); it is optional."""
        return super(TerritoryMailController, self).mail_action_new(
            model, res_id, action_id)

    @http.route()
    def mail_action_view(self, model=None, res_id=None, message_id=None,
                         access_token=None, **kwargs):
        """A ``res_id`` that is not a number: 400 (Odoo 11: 500)."""
        if res_id and not str(res_id).isdigit():
            raise BadRequest()
        return super(TerritoryMailController, self).mail_action_view(
            model=model, res_id=res_id, message_id=message_id,
            access_token=access_token, **kwargs)


class TerritoryReportController(ReportController):

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        """A report of records the user may not read, or that do not exist,
        answers 403 (Odoo 11 fails while rendering it: 500); a report that
        does not exist, 404; ``options`` or ``context`` that are not a
        JSON object, 400 (Odoo 11: 500)."""
        if not request.env['ir.actions.report']._get_report_from_name(
                reportname):
            raise NotFound()
        for name in ('options', 'context'):
            if data.get(name) and not isinstance(
                    _json_or_400(data[name]), dict):
                raise BadRequest()
        if docids:
            try:
                request.env['ir.actions.report']._check_report_records(
                    reportname, docids)
            except AccessError:
                raise Forbidden()
            except ValueError:
                raise BadRequest()
        return super(TerritoryReportController, self).report_routes(
            reportname, docids=docids, converter=converter, **data)

    @http.route()
    def report_download(self, data=None, token=None):
        """A request that is not the web client's ``[url, type]``: 400
        (Odoo 11 fails on it: 500)."""
        request_content = _json_or_400(data)
        if not isinstance(request_content, list) or \
                len(request_content) < 2 or not all(
                    isinstance(part, str) for part in request_content[:2]):
            raise BadRequest()
        response = super(TerritoryReportController, self).report_download(
            data, token)
        if response is None or 'Content-Disposition' in response.headers:
            return response
        # Odoo 11 answers a failed download with its error, traceback
        # included, for the web client to show: the traceback (the
        # server's code and paths) goes to the log only
        error = json.loads(html.unescape(response.get_data(as_text=True)))
        _logger.info("Report download failed: %s",
                     error['data'].get('debug'))
        error['data']['debug'] = error['data'].get('message', '')
        return request.make_response(html_escape(json.dumps(error)))

    @http.route()
    def report_barcode(self, type=None, value=None, **kwargs):
        """An unknown barcode type, no value or a value it cannot encode,
        a size that is not a number from 1 to ``MAX_BARCODE_SIZE``: 400
        (Odoo 11 answers its 'Cannot convert' error, a KeyError, or
        reportlab's bare Exception, as 500)."""
        if not value:
            raise BadRequest()
        for name in ('width', 'height'):
            size = kwargs.get(name)
            if size is not None and not (
                    _is_number(size) and
                    0 < int(size) <= MAX_BARCODE_SIZE):
                raise BadRequest()
        try:
            return super(TerritoryReportController, self).report_barcode(
                type, value, **kwargs)
        except KeyError:
            raise BadRequest()
        except HTTPException as error:
            if error.code is None:
                raise BadRequest(error.description)
            raise
        except Exception as error:
            # reportlab's QR encoder refuses a value too long for the
            # largest code with a bare Exception ('code length overflow');
            # (``type`` is the barcode type here, hence ``__class__``)
            if error.__class__ is not Exception:
                raise
            raise BadRequest()


class TerritoryBinaryController(Binary):
    """/web/content and /web/image: parameters that are not what they
    name answer 400 (Odoo 11: 500); an attachment the user may not read
    answers as one that does not exist, 404, on both (Odoo 11's
    /web/image answers 403, telling that it exists)."""

    @http.route()
    def content_common(self, id=None, **kwargs):
        if id and not _is_number(id):
            raise BadRequest()
        return super(TerritoryBinaryController, self).content_common(
            id=id, **kwargs)

    @http.route()
    def content_image(self, model='ir.attachment', id=None, field='datas',
                      width=0, height=0, **kwargs):
        if id and not _is_number(id) or not all(
                not size or _is_number(size) for size in (width, height)):
            raise BadRequest()
        Model = request.env.registry.get(model)
        if Model is not None and field in Model._fields and \
                Model._fields[field].type != 'binary':
            # an image is read from a binary field only
            raise BadRequest()
        response = super(TerritoryBinaryController, self).content_image(
            model=model, id=id, field=field, width=width, height=height,
            **kwargs)
        if response.status_code == 403:
            # the placeholder image of a missing record, with its status
            response.status_code = 404
        return response

    @http.route()
    def content_image_backward_compatibility(self, model, id, field,
                                             resize=None, **kwargs):
        if resize and not _RESIZE_RE.match(resize):
            raise BadRequest()
        return super(
            TerritoryBinaryController,
            self).content_image_backward_compatibility(
                model, id, field, resize=resize, **kwargs)
