# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json

from werkzeug.exceptions import BadRequest, Forbidden, HTTPException

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.mail.controllers.main import MailController
from odoo.addons.web.controllers.main import ReportController


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
        answers 403 (Odoo 11 fails while rendering it: 500)."""
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
        try:
            request_content = json.loads(data)
        except (TypeError, ValueError, RecursionError):
            # RecursionError: nested deeper than Python's stack
            raise BadRequest()
        if not isinstance(request_content, list) or \
                len(request_content) < 2 or not all(
                    isinstance(part, str) for part in request_content[:2]):
            raise BadRequest()
        return super(TerritoryReportController, self).report_download(
            data, token)

    @http.route()
    def report_barcode(self, type=None, value=None, **kwargs):
        """An unknown barcode type, or a value it cannot encode: 400 (Odoo
        11 answers its 'Cannot convert' error, a KeyError, or reportlab's
        bare Exception, as 500)."""
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
