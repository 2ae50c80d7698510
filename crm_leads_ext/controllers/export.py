# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.addons.web.controllers import main

from ..lead_import.importer import escape_formula


class CSVExport(main.CSVExport):
    """Odoo 11 escapes the CSV cells starting with =, + and -, not those
    starting with @ (or a tab or carriage return), which spreadsheets run
    as formulas too: imported prospect lists carry such cells."""

    def from_data(self, fields, rows):
        return super(CSVExport, self).from_data(
            fields, [[escape_formula(cell) for cell in row] for row in rows])
