# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Records entering a campaign: one ``INSERT ... SELECT ... ON CONFLICT DO
NOTHING`` per segment run, whatever the number of records. PostgreSQL
reads the matching rows once (the cost of the domain's query) and writes
one workitem per record and start activity; Python holds no row, so the
memory does not grow with the segment. The unique index of the workitems
(campaign, segment, model, record, activity) makes a record enter once
per segment, however often the segment runs: the rows already there are
skipped by the index, not compared in Python."""
import collections

Entry = collections.namedtuple(
    'Entry', 'campaign_id segment_id activity_ids res_model table uid now')

# the idempotence key: the workitem's identity in the unique index, as
# text, so that a mail can carry it
KEY_SQL = "concat_ws('-', 'crm-campaign', %s, %s, start.id, %s, {id})"

INSERT_SQL = """
    INSERT INTO crm_campaign_workitem
        (campaign_id, segment_id, activity_id, res_model, res_id, state,
         date_scheduled, idempotence_key, retry_count,
         create_uid, create_date, write_uid, write_date)
    SELECT %s, %s, start.id, %s, {id}, 'todo', %s, {key}, 0, %s, %s, %s, %s
    FROM {from_clause}, unnest(%s::integer[]) AS start(id)
    WHERE {where_clause}
    ON CONFLICT DO NOTHING"""


def enter_segment(cr, entry, from_clause, where_clause, where_params):
    """Insert the workitems of ``entry.activity_ids`` (the start
    activities) for the records of the query the ORM compiled from the
    segment's domain (``Query.get_sql()``). Returns how many entered."""
    record_id = '"%s".id' % entry.table
    sql = INSERT_SQL.format(
        id=record_id, key=KEY_SQL.format(id=record_id),
        from_clause=from_clause, where_clause=where_clause or 'TRUE')
    params = [entry.campaign_id, entry.segment_id, entry.res_model,
              entry.now,
              entry.campaign_id, entry.segment_id, entry.res_model,
              entry.uid, entry.now, entry.uid, entry.now,
              list(entry.activity_ids)] + list(where_params)
    cr.execute(sql, params)
    return cr.rowcount
