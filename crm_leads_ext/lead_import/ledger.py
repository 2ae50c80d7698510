# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""What the imports of a company wrote, row by row: each batch
(crm.lead.import.batch) and each of its rows that became or updated a lead
(crm.lead.import.row), under the key of the row's cells. A row whose key
was imported before is not written again, by any policy, from the same
file or another; its lead is named. A row whose lead was deleted since is
written again only when the user says so. A row that failed was not
recorded: corrected, it imports; failing again, it says why again."""
import collections
import hashlib
import unicodedata

from psycopg2.extras import execute_values

# Ledger.previous for a row imported before whose leads were all deleted
DELETED = False


def row_key(cells):
    """The key of a row: its cells, trimmed and composed (NFC), hashed.
    The same row of a corrected copy, or of the same list re-exported in
    another encoding, has the same key; a corrected row has another."""
    # NUL between the cells: a cell holds none (a CSV with NUL bytes is
    # refused as binary, XLSX's XML cannot hold one), so no two rows join
    # into the same text
    text = '\x00'.join(
        unicodedata.normalize('NFC', cell.strip()) for cell in cells)
    return hashlib.sha1(text.encode('utf-8')).hexdigest()


class Ledger(object):

    def __init__(self, env, import_id, company_id):
        self.env = env
        self.cr = env.cr
        self.import_id = import_id
        self.company_id = company_id
        # how many rows of each key this run met, its earlier batches
        # included: the n-th row of a key is the n-th imported before
        self.seen = collections.Counter()

    def previous(self, keys):
        """For each key of ``keys`` (the rows of a batch, in order): the
        lead an import of the company wrote from an earlier row with these
        cells, DELETED if that lead was deleted since, None if the row is
        new. The leads still there are counted first. One query."""
        if not keys:
            return []
        self.cr.execute("""
            SELECT r.row_key, r.lead_id
              FROM crm_lead_import_row r
              JOIN crm_lead_import_batch b ON b.id = r.batch_id
             WHERE r.row_key = ANY(%s) AND b.company_id = %s""",
                        (sorted(set(keys)), self.company_id))
        earlier = collections.defaultdict(list)
        for key, lead_id in sorted(self.cr.fetchall(),
                                   key=lambda row: (row[1] is None, row[1] or 0)):
            earlier[key].append(lead_id or DELETED)
        result = []
        for key in keys:
            occurrence = self.seen[key]
            self.seen[key] += 1
            leads = earlier.get(key, ())
            result.append(leads[occurrence] if occurrence < len(leads)
                          else None)
        return result

    def record(self, index, first_row, last_row, rows):
        """Record a written batch: its ``index`` in the file, the numbers
        of its ``first_row`` and ``last_row``, and ``rows``: (row number,
        key, lead id, outcome 'created' or 'updated') of the rows that
        became or updated a lead. Two INSERTs, in the batch's savepoint:
        a batch rolled back leaves no record."""
        now = self.env['crm.lead.import.batch']._fields['create_date'].now()
        self.cr.execute("""
            INSERT INTO crm_lead_import_batch
                (import_id, company_id, batch_index, first_row, last_row,
                 create_uid, create_date, write_uid, write_date)
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""", (
            self.import_id, self.company_id, index, first_row, last_row,
            self.env.uid, now, self.env.uid, now))
        batch_id = self.cr.fetchone()[0]
        if rows:
            execute_values(
                self.cr, """
                INSERT INTO crm_lead_import_row
                    (batch_id, company_id, row_number, row_key, lead_id,
                     outcome)
                VALUES %s""",
                [(batch_id, self.company_id) + tuple(row) for row in rows],
                page_size=len(rows))
        return batch_id


def imported_lead_ids(cr, import_ids):
    """The leads the batches of ``import_ids`` created or updated, still
    there."""
    cr.execute("""
        SELECT DISTINCT r.lead_id
          FROM crm_lead_import_row r
          JOIN crm_lead_import_batch b ON b.id = r.batch_id
         WHERE b.import_id IN %s AND r.lead_id IS NOT NULL""",
               (tuple(import_ids),))
    return sorted(row[0] for row in cr.fetchall())
