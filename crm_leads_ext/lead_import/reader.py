# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Reading a prospect list: the door (empty, binary, zip bombs,
encodings), the rows with the numbers a spreadsheet shows them under,
merged cells, and the header row, wherever it is. The cells of XLS and
XLSX files are converted as base_import does, and column titles matched
through base_import too."""
import codecs
import collections
import csv
import io
import itertools
import os
import zipfile

import xlrd

from odoo import _
from odoo.exceptions import UserError

# odoo-bin raises the csv module's cell limit (128 KiB) at start; scripts
# and tests do not: a long cell must reach the per-row check, not abort
# the whole file
if csv.field_size_limit() < 500 * 1024 * 1024:
    csv.field_size_limit(500 * 1024 * 1024)

FILE_TYPES = {
    '.csv': 'text/csv',
    '.xls': 'application/vnd.ms-excel',
    '.xlsx': 'application/vnd.openxmlformats-officedocument.'
             'spreadsheetml.sheet',
}
# an .xlsx is a zip: what it unpacks to is checked before xlrd opens it
ZIP_MAX_UNCOMPRESSED = 512 * 1024 * 1024
ZIP_MAX_RATIO = 200
SEPARATORS = (',', ';', '\t', '|')
# the header is looked for among the first rows that are not blank
HEADER_SCAN_ROWS = 20
# Each column becomes a line of the import form, matched against the lead
# fields: 20,000 columns took a minute to load. Purchased lists have tens
# of columns; an export of every field of a CRM, a few hundred.
MAX_COLUMNS = 500


# Header names of purchased lists that base_import's matching (technical
# name or label of crm.lead) misses or maps elsewhere ("Company" is the
# label of company_id, the lead's own company).
HEADER_SYNONYMS = {
    'company': 'partner_name', 'company name': 'partner_name',
    'organisation': 'partner_name', 'organization': 'partner_name',
    'account': 'partner_name', 'customer name': 'partner_name',
    'contact': 'contact_name', 'name': 'contact_name',
    'full name': 'contact_name', 'contact name': 'contact_name',
    'email': 'email_from', 'e-mail': 'email_from',
    'email address': 'email_from', 'mail': 'email_from',
    'phone': 'phone', 'telephone': 'phone', 'tel': 'phone',
    'phone number': 'phone', 'mobile': 'mobile', 'cell': 'mobile',
    'mobile phone': 'mobile', 'job title': 'function', 'title': 'function',
    'position': 'function', 'job position': 'function',
    'city': 'city', 'town': 'city', 'country': 'country_id',
    'country code': 'country_id', 'zip': 'zip', 'postcode': 'zip',
    'postal code': 'zip', 'street': 'street', 'address': 'street',
    'notes': 'description', 'note': 'description', 'comment': 'description',
    'comments': 'description', 'website': 'website', 'web': 'website',
    'url': 'website', 'language': 'lang', 'lead': 'name',
    'lead title': 'name', 'lead name': 'name', 'subject': 'name',
    'deadline': 'date_deadline',
    'expected closing': 'date_deadline', 'revenue': 'planned_revenue',
    'expected revenue': 'planned_revenue',
}


def guess_separator(text):
    """The separator that cuts the first lines of ``text`` into the most
    rows of the same number of cells (quoted cells read as such): a title
    line above the header, or a note full of commas, does not decide."""
    lines = text.splitlines()[:HEADER_SCAN_ROWS]
    best = (0, 0, ',')
    for separator in SEPARATORS:
        try:
            widths = collections.Counter(
                len(row) for row in csv.reader(lines, delimiter=separator)
                if any(cell.strip() for cell in row))
        except csv.Error:
            continue
        if widths:
            width, rows = widths.most_common(1)[0]
            if width > 1 and (rows, width) > best[:2]:
                best = (rows, width, separator)
    return best[2]


def is_blank(cells):
    return not any(cell.strip() for cell in cells)


class Table(object):
    """A file as the import reads it: the row number of its header, the
    column titles, and an iterator over its data rows, (row number, cells,
    problem): the row numbers a spreadsheet shows, blank rows left out;
    ``problem`` is the reason a row cannot be read (an error cell), else
    None. A spreadsheet's row is as wide as the header unless a cell beyond
    the header's last title holds a value; a CSV row is as it is."""

    def __init__(self, header_row, header, rows):
        self.header_row = header_row
        self.header = header
        self.rows = rows

    @property
    def width(self):
        return len(self.header)


def _empty(cell):
    return cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) or \
        cell.ctype == xlrd.XL_CELL_TEXT and not cell.value.strip()


class _OneRowBook(object):
    """One row of a sheet as a workbook of one sheet of one row: what
    base_import's _read_xls_book converts (numbers, dates, booleans)."""

    nrows = 1

    def __init__(self, datemode, cells):
        self.datemode = datemode
        self.cells = cells

    def sheet_by_index(self, index):
        return self

    def row(self, index):
        return self.cells


class Reader(object):
    """Reads a prospect list: CSV with the csv module, XLS and XLSX with
    xlrd, each cell converted as base_import does. (Its messages are
    translated in the language of ``self.env``.)"""

    def __init__(self, env, data, file_name, encoding='auto',
                 separator=False, quoting='"'):
        self.env = env
        if not data:
            raise UserError(_("The file is empty."))
        self.ext = self._file_type(file_name)
        self.quoting = quoting or '"'
        if self.ext == '.csv':
            self.text = self._decode(data, encoding)
            if not self.text.strip():
                raise UserError(_("The file is empty."))
            self.separator = separator or guess_separator(self.text)
        else:
            if self.ext == '.xlsx' or data.startswith(b'PK\x03\x04'):
                self._check_zip(data)
            self.data = data
            self.separator = separator or ','

    def _file_type(self, file_name):
        ext = os.path.splitext(file_name or '')[1].lower()
        if ext not in FILE_TYPES:
            raise UserError(_(
                "The file %s is not a CSV, XLS or XLSX file: only these can be "
                "imported.") % (file_name or _('(no name)')))
        return ext

    def _check_zip(self, data):
        """Refuse a zip (an .xlsx) that would unpack to too much: a few KB can
        expand to gigabytes in xlrd's memory."""
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = archive.infolist()
        except (zipfile.BadZipfile, ValueError, OSError):
            raise UserError(_(
                "The file is not a valid Excel (XLSX) file: it cannot be "
                "opened."))
        total = sum(member.file_size for member in members)
        compressed = sum(member.compress_size for member in members) or 1
        if total > ZIP_MAX_UNCOMPRESSED or total > ZIP_MAX_RATIO * max(
                compressed, len(data)):
            raise UserError(_(
                "The Excel file would unpack to %(size)d MB (compression ratio "
                "%(ratio)d:1): this looks like a zip bomb and is refused.") % {
                    'size': total // (1024 * 1024),
                    'ratio': total // compressed})

    def _decode(self, data, encoding):
        """The CSV's text. ``encoding`` 'auto' accepts UTF-8 (with or
        without BOM) and UTF-16 with a BOM only: legacy encodings
        (Windows-1258, GB18030...) cannot be told apart reliably, the user
        chooses them."""
        if b'\x00' in data[:65536] and not data.startswith(
                (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise UserError(_(
                "The file is not a text (CSV) file: it contains binary data. "
                "Export the list as CSV, XLS or XLSX and import it again."))
        label = encoding
        if encoding in (None, '', 'auto'):
            if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                encoding = label = 'UTF-16'
            else:
                encoding, label = 'utf-8-sig', 'UTF-8'
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UserError(_(
                "The file cannot be read as %(encoding)s (byte %(pos)d is not "
                "valid in it). Choose the file's encoding in the import form "
                "(e.g. Windows-1258 for Vietnamese, GB18030 for Chinese) and "
                "load it again.") % {'encoding': label, 'pos': error.start})
        return text[1:] if text.startswith(u'\ufeff') else text

    def rows(self):
        """(row number, cells, problem) of every row that is not blank;
        the first row of the file is row 1."""
        if self.ext == '.csv':
            return self._csv_rows()
        return self._sheet_rows()

    def _csv_rows(self):
        rows = csv.reader(io.StringIO(self.text, newline=''),
                          delimiter=self.separator, quotechar=self.quoting)
        try:
            # a record is a row of the spreadsheet the list came from, a
            # quoted cell over several lines included
            for number, cells in enumerate(rows, start=1):
                if not is_blank(cells):
                    yield number, cells, None
        except csv.Error as error:
            raise UserError(_("The file cannot be read: %s") % error)

    def _sheet_rows(self):
        """The first sheet's rows. A cell merged over several rows gives
        its value to each of them (a company over the rows of its
        contacts); merged over several columns, to its first column only,
        where a reader of the sheet sees it. A row whose own cells are
        empty is blank, whatever a merge above it holds."""
        try:
            book = xlrd.open_workbook(
                file_contents=self.data,
                # .xls keeps its merged cells with the formatting only;
                # xlrd reads them from .xlsx always, and no formatting
                formatting_info=not self.data.startswith(b'PK\x03\x04'))
            sheet = book.sheet_by_index(0)
        # xlrd fails on a damaged file with whatever its parser meets
        # (XLRDError, struct.error, KeyError...): all mean "not readable"
        except Exception as error:
            raise UserError(_("The file cannot be read: %s") % error)
        below = {}
        for first_row, last_row, first_col, __ in sheet.merged_cells:
            for number in range(first_row + 1, last_row):
                below[(number, first_col)] = first_row
        convert = self.env['base_import.import']._read_xls_book
        for index in range(sheet.nrows):
            cells = sheet.row(index)
            if all(_empty(cell) for cell in cells):
                continue
            cells = [sheet.cell(below[(index, column)], column)
                     if (index, column) in below else cell
                     for column, cell in enumerate(cells)]
            try:
                values = next(convert(_OneRowBook(book.datemode, cells)),
                              None)
            except ValueError as error:
                yield index + 1, [], str(error)
                continue
            while values and not values[-1].strip():
                values.pop()
            yield index + 1, values or [], None

    def table(self, is_header=None, header_row=0):
        """The Table of the file. ``header_row``: the row number of the
        column titles; 0: the first of the first HEADER_SCAN_ROWS rows for
        which ``is_header(cells, width)`` (``width``: the most cells of
        those rows), else the first of them with ``width`` cells. Rows
        above the header (a title, a date, a merged banner) are not
        data."""
        rows = self.rows()
        scanned = list(itertools.islice(rows, HEADER_SCAN_ROWS))
        if not scanned:
            raise UserError(_("The file is empty."))
        width = max(len(cells) for __, cells, __ in scanned)
        if width > MAX_COLUMNS:
            raise UserError(_(
                "The file has %(width)d columns; at most %(limit)d can be "
                "imported. Remove the columns that are not lead data and "
                "load it again.") % {'width': width, 'limit': MAX_COLUMNS})
        if header_row:
            position = next((index for index, (number, __, __) in
                             enumerate(scanned) if number == header_row),
                            None)
            if position is None:
                raise UserError(_(
                    "Row %(row)d of the file holds no column titles: it is "
                    "blank or beyond the first %(rows)d rows. Choose the "
                    "row of the titles.") % {'row': header_row,
                                             'rows': HEADER_SCAN_ROWS})
        else:
            # else the first row as wide as the file: a title is narrower
            position = next((index for index, (__, cells, problem) in
                             enumerate(scanned)
                             if not problem and is_header and
                             is_header(cells, width)), None)
            if position is None:
                position = next(index for index, (__, cells, __) in
                                enumerate(scanned) if len(cells) == width)
        number, header, problem = scanned[position]
        if problem:
            raise UserError(_("The file cannot be read: %s") % problem)
        header = [(cell or '').strip() for cell in header]
        data = itertools.chain(scanned[position + 1:], rows)
        if self.ext != '.csv':
            data = self._fit(data, len(header))
        return Table(number, header, data)

    @staticmethod
    def _fit(rows, width):
        """A spreadsheet's rows padded to the header's width: its empty
        cells are values, a missing CSV cell is not."""
        for number, cells, problem in rows:
            if len(cells) < width:
                cells = cells + [''] * (width - len(cells))
            yield number, cells, problem


class HeaderMatcher(object):
    """Which lead field a column title names: the mapping remembered for
    the list's source, base_import's match of crm.lead's field names and
    labels, then the usual titles of purchased lists."""

    def __init__(self, env, allowed, remembered=None):
        self.allowed = allowed
        self.remembered = remembered or {}
        self.importer = env['base_import.import']
        self.fields = self.importer.get_fields('crm.lead')

    def field(self, title):
        key = normalise_header(title)
        if not key:
            return None
        if key in self.remembered:
            return self.remembered[key] or None
        match = self.importer._match_header(title.strip(), self.fields, {})
        field = match[0]['name'] if len(match) == 1 else None
        if field not in self.allowed:
            field = HEADER_SYNONYMS.get(key)
        return field if field in self.allowed else None

    def match(self, header):
        """{column index: field name}, each field once."""
        result = {}
        for index, title in enumerate(header):
            field = self.field(title)
            if field and field not in result.values():
                result[index] = field
        return result

    def is_header(self, cells, width):
        """Whether ``cells`` are column titles: two of them name a field
        (one in a file of one column). A title above the header, even
        "Contacts", names one at most."""
        known = sum(1 for cell in cells if self.field(cell))
        return known >= min(2, width)


def normalise_header(title):
    """A column title as remembered per source: case and spacing aside."""
    return ' '.join((title or '').lower().split())
