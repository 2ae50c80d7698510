# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Reading a prospect list through base_import: the file types, options and
header matching are base_import's; this module only guards the door
(empty, binary, zip bombs, encodings) and counts the rows."""
import codecs
import csv
import io
import os
import zipfile

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
    'subject': 'name', 'deadline': 'date_deadline',
    'expected closing': 'date_deadline', 'revenue': 'planned_revenue',
    'expected revenue': 'planned_revenue',
}


def guess_separator(data):
    first_line = data.split(b'\n', 1)[0]
    counts = [(first_line.count(sep.encode()), sep) for sep in SEPARATORS]
    count, sep = max(counts)
    return sep if count else ','


class Reader(object):
    """Reads the wizard's file with a ``base_import.import`` record. (Its
    messages are translated in the language of ``self.env``.)"""

    def __init__(self, env, data, file_name, encoding='auto',
                 separator=False, quoting='"'):
        self.env = env
        if not data:
            raise UserError(_("The file is empty."))
        self.ext = self._file_type(file_name)
        if self.ext == '.csv':
            data = self._to_utf8(data, encoding)
            if not data.strip():
                raise UserError(_("The file is empty."))
            self.separator = separator or guess_separator(data)
        else:
            if self.ext == '.xlsx' or data.startswith(b'PK\x03\x04'):
                self._check_zip(data)
            self.separator = separator or ','
        self.options = {
            'headers': True, 'quoting': quoting or '"',
            'separator': self.separator, 'encoding': 'utf-8',
        }
        self.importer = env['base_import.import'].create({
            'res_model': 'crm.lead', 'file': data, 'file_name': file_name,
            'file_type': FILE_TYPES[self.ext]})

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

    def _to_utf8(self, data, encoding):
        """The CSV bytes as UTF-8 without BOM, which is what base_import's CSV
        reader expects. ``encoding`` 'auto' accepts UTF-8 only: legacy
        encodings (Windows-1258, GB18030...) cannot be told apart reliably,
        the user chooses them."""
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
        if text.startswith(u'\ufeff'):
            text = text[1:]
        return text.encode('utf-8')

    def rows(self):
        """base_import's row iterator (empty lines left out)."""
        try:
            return self.importer._read_file(self.options)
        except (ValueError, ImportError) as error:
            raise UserError(_("The file cannot be read: %s") % error)

    def header_and_rows(self):
        """(header, iterator over the data rows); the header row is
        consumed by base_import's _match_headers, which also gives its
        own field match per column."""
        rows = self.rows()
        fields = self.importer.get_fields('crm.lead')
        try:
            header, matches = self.importer._match_headers(
                rows, fields, self.options)
        except StopIteration:
            raise UserError(_("The file is empty."))
        except (ValueError, csv.Error, UnicodeDecodeError) as error:
            raise UserError(_("The file cannot be read: %s") % error)
        header = [(cell or '').strip() for cell in header]
        if not any(header):
            raise UserError(_("The file is empty."))
        return header, matches, rows

    def match_header(self, header, matches, allowed):
        """{column index: field name} of ``allowed`` fields: base_import's
        match when it is an allowed field, else the synonyms of common
        prospect lists."""
        result = {}
        for index, title in enumerate(header):
            match = matches.get(index) or []
            field = match[0] if len(match) == 1 else None
            if field not in allowed:
                field = HEADER_SYNONYMS.get(' '.join(title.lower().split()))
            if field in allowed and field not in result.values():
                result[index] = field
        return result


def normalise_header(title):
    """A column title as remembered per source: case and spacing aside."""
    return ' '.join((title or '').lower().split())
