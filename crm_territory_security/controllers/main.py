# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from werkzeug.exceptions import BadRequest, Forbidden

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
