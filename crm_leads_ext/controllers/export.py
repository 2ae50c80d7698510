# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json

from werkzeug.exceptions import BadRequest, Forbidden

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.addons.web.controllers import main

from ..lead_import.importer import escape_formula


def refusal(status, message, exception):
    """The HTTP error ``status`` with the JSON the web client's download
    expects (its error dialog shows ``message`` under the title "Export
    refused"), without the traceback Odoo 11 puts in every error of a
    download."""
    return status(json.dumps({
        'code': status.code,
        'message': _("Export refused"),
        'data': {
            'name': 'odoo.exceptions.%s' % exception.__name__,
            'message': message,
            'arguments': [message],
            'exception_type': {
                AccessError: 'access_error',
                UserError: 'user_error',
            }[exception],
            'debug': '',
        },
    }))


def valid_export_request(data):
    """Whether ``data`` is an export request the export can run (of any
    model): Odoo 11 answers 500 for what is not one."""
    try:
        params = json.loads(data)
        if not isinstance(params, dict) or \
                params.get('model') not in request.env:
            return False
        fields = params['fields']
        return (isinstance(fields, list) and
                all(isinstance(field, dict) and 'name' in field and
                    'label' in field for field in fields) and
                isinstance(params['ids'] or [], list) and
                isinstance(params['domain'] or [], list) and
                'import_compat' in params and
                isinstance(params.get('context') or {}, dict))
    except (ValueError, TypeError, KeyError, RecursionError):
        # RecursionError: nested deeper than Python's stack
        return False


class ExportRefusalMixin(object):
    """The web client's exports (CSV and Excel) of any model answer 403
    for records the user may not read or that do not exist (the same
    answer) and 400 for a request that is not an export, each with a
    short message: Odoo 11 answers 500 with its traceback."""

    def base(self, data, token):
        if not valid_export_request(data):
            return refusal(BadRequest, _("This is not a valid export "
                                         "request."), UserError)
        try:
            return super(ExportRefusalMixin, self).base(data, token)
        except AccessError as error:
            return refusal(Forbidden, error.name, AccessError)
        except MissingError:
            # a deleted record answers as one of another user's: record
            # ids are sequential, two answers would tell which exist. The
            # ORM's own message (positional, as Odoo's source has it), so
            # that it gets the same translation.
            model = json.loads(data)['model']
            return refusal(Forbidden, _(  # pylint: disable=translation-positional-used
                'The requested operation cannot be completed due to '
                'security restrictions. Please contact your system '
                'administrator.\n\n(Document type: %s, Operation: %s)') % (
                    model, 'read'), AccessError)


class CSVExport(ExportRefusalMixin, main.CSVExport):
    """Odoo 11 escapes the CSV cells starting with =, + and -, not those
    starting with @ (or a tab or carriage return), which spreadsheets run
    as formulas too: imported prospect lists carry such cells."""

    @http.route()
    def index(self, data=None, token=None):
        """Without ``data``, Odoo 11 fails on the missing argument (500):
        the base refuses it."""
        return self.base(data, token)

    def from_data(self, fields, rows):
        return super(CSVExport, self).from_data(
            fields, [[escape_formula(cell) for cell in row] for row in rows])


class ExcelExport(ExportRefusalMixin, main.ExcelExport):

    @http.route()
    def index(self, data=None, token=None):
        """See CSVExport.index."""
        return self.base(data, token)
