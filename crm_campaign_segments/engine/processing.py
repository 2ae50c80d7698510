# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The set-based steps of processing a batch of workitems: claiming them,
finding the records deleted since they entered, and closing them. Each is
one statement on the batch's ids (O(batch) rows, by primary key); the
activities themselves are run by the models, one savepoint each."""

# the batch's workitems still pending, due, of a running campaign, locked
# for this transaction; those another job holds are left to it
CLAIM_SQL = """
    SELECT w.id FROM crm_campaign_workitem w
    JOIN crm_campaign c ON c.id = w.campaign_id
    WHERE w.id IN %s AND w.state = 'todo' AND c.state = 'running'
      AND w.date_scheduled <= %s
    ORDER BY w.id
    FOR UPDATE OF w SKIP LOCKED"""


def claim(cr, ids, now):
    """The ids of ``ids`` this transaction may process, locked."""
    if not ids:
        return []
    cr.execute(CLAIM_SQL, (tuple(ids), now))
    return [row[0] for row in cr.fetchall()]


def missing_records(cr, table, res_ids):
    """The ids of ``res_ids`` no longer in ``table`` (a model's table, as
    the ORM names it)."""
    if not res_ids:
        return set()
    cr.execute('SELECT id FROM "%s" WHERE id IN %%s' % table,
               (tuple(res_ids),))
    return set(res_ids) - {row[0] for row in cr.fetchall()}


def close(cr, ids, state, now, error=None):
    """Put the workitems ``ids`` in ``state`` (done, skipped, cancelled),
    with ``error`` as the reason."""
    if ids:
        cr.execute("""
            UPDATE crm_campaign_workitem
            SET state = %s, date_done = %s, error = %s, write_date = %s
            WHERE id IN %s""", (state, now, error, now, tuple(ids)))
