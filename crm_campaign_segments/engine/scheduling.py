# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The queue of workitems: which are due, the next ones by the
transitions, pausing and stopping. Every function is one statement whatever
the number of workitems: PostgreSQL does the work on the indexes of the
workitems (the partial index of the pending ones by date, the unique
index that makes inserting the next workitems idempotent). Python holds at
most the ids of the due workitems, to cut them into batches."""

# the workitems the transitions schedule after a workitem done: after a
# delay (its unit is a PostgreSQL interval unit), or "not opened within N
# days", checked when the workitem is processed
NEXT_BY_DELAY_SQL = """
    INSERT INTO crm_campaign_workitem
        (campaign_id, segment_id, activity_id, res_model, res_id, state,
         date_scheduled, idempotence_key, retry_count, parent_id,
         transition_id, create_uid, create_date, write_uid, write_date)
    SELECT w.campaign_id, w.segment_id, t.to_activity_id, w.res_model,
           w.res_id, 'todo',
           CASE WHEN t.trigger = 'not_opened'
                THEN w.date_done + make_interval(days => t.interval_number)
                ELSE w.date_done + (t.interval_number || ' ' ||
                                    t.interval_unit)::interval END,
           concat_ws('-', 'crm-campaign', w.campaign_id, w.segment_id,
                     t.to_activity_id, w.res_model, w.res_id),
           0, w.id, t.id, %s, %s, %s, %s
    FROM crm_campaign_workitem w
    JOIN crm_campaign_transition t ON t.from_activity_id = w.activity_id
    WHERE w.id IN %s AND w.state = 'done'
      AND t.trigger IN ('delay', 'not_opened')
    ON CONFLICT DO NOTHING"""

# the workitems of the mail events that happened: the statistics of the
# mail a done workitem sent record them (mass_mailing's tracking pixel,
# link tracker, reply and bounce handling), with the event's time; the
# next activity is due the transition's delay after that time (a delay of
# 0: at once), so that "an opportunity 3 days after the click" counts from
# the click, not from the cron run that noticed it
NEXT_BY_MAIL_EVENT_SQL = """
    INSERT INTO crm_campaign_workitem
        (campaign_id, segment_id, activity_id, res_model, res_id, state,
         date_scheduled, idempotence_key, retry_count, parent_id,
         transition_id, create_uid, create_date, write_uid, write_date)
    SELECT w.campaign_id, w.segment_id, t.to_activity_id, w.res_model,
           w.res_id, 'todo',
           CASE t.trigger WHEN 'opened' THEN s.opened
                          WHEN 'clicked' THEN s.clicked
                          WHEN 'replied' THEN s.replied
                          ELSE s.bounced END
           + (t.interval_number || ' ' || t.interval_unit)::interval,
           concat_ws('-', 'crm-campaign', w.campaign_id, w.segment_id,
                     t.to_activity_id, w.res_model, w.res_id),
           0, w.id, t.id, %s, %s, %s, %s
    FROM crm_campaign_workitem w
    JOIN crm_campaign c ON c.id = w.campaign_id AND c.state = 'running'
    JOIN crm_campaign_transition t ON t.from_activity_id = w.activity_id
    JOIN mail_mail_statistics s ON s.id = w.mail_statistics_id
    WHERE w.state = 'done'
      AND ((t.trigger = 'opened' AND s.opened IS NOT NULL)
        OR (t.trigger = 'clicked' AND s.clicked IS NOT NULL)
        OR (t.trigger = 'replied' AND s.replied IS NOT NULL)
        OR (t.trigger = 'bounced' AND s.bounced IS NOT NULL))
    ON CONFLICT DO NOTHING"""

# marks the due workitems as queued (a job is on its way), so that the
# next cron run does not queue them again; after ``requeue_before`` a
# workitem still pending is queued again (its job was lost)
DUE_SQL = """
    UPDATE crm_campaign_workitem w SET date_enqueued = %s
    FROM crm_campaign c
    WHERE c.id = w.campaign_id AND c.state = 'running'
      AND w.state = 'todo' AND w.date_scheduled <= %s
      AND (w.date_enqueued IS NULL OR w.date_enqueued < %s)
      {campaigns}
    RETURNING w.id"""


def due_batches(cr, now, requeue_before, batch_size, campaign_ids=None):
    """The due workitems of the running campaigns (of ``campaign_ids``
    only, when given) not queued since ``requeue_before``, marked as
    queued, in lists of at most ``batch_size`` ids."""
    params = [now, now, requeue_before]
    campaigns = ''
    if campaign_ids is not None:
        if not campaign_ids:
            return []
        campaigns = 'AND w.campaign_id IN %s'
        params.append(tuple(campaign_ids))
    cr.execute(DUE_SQL.format(campaigns=campaigns), params)
    ids = sorted(row[0] for row in cr.fetchall())
    return [ids[i:i + batch_size] for i in range(0, len(ids), batch_size)]


def unattended(cr, ids):
    """Whether no transaction holds the pending workitems of ``ids`` (a
    job's batch). A job locks the workitems it processes (``claim``) until
    it commits; when its process or its connection dies, PostgreSQL
    releases the locks: a job left 'started' whose pending workitems nobody
    holds is dead. Two statements on the batch's ids (O(batch) rows, by
    primary key); the probe's locks last until the caller commits."""
    cr.execute("""
        SELECT count(*) FROM crm_campaign_workitem
        WHERE id IN %s AND state = 'todo'""", (tuple(ids),))
    pending = cr.fetchone()[0]
    cr.execute("""
        SELECT id FROM crm_campaign_workitem
        WHERE id IN %s AND state = 'todo'
        FOR UPDATE SKIP LOCKED""", (tuple(ids),))
    return cr.rowcount == pending


def forget_enqueued(cr, campaign_ids):
    """The pending workitems of ``campaign_ids`` may be queued at once."""
    if campaign_ids:
        cr.execute("""
            UPDATE crm_campaign_workitem SET date_enqueued = NULL
            WHERE campaign_id IN %s AND state = 'todo'""",
                   (tuple(campaign_ids),))


def cancel_pending(cr, campaign_ids, reason):
    """Cancel the pending workitems of ``campaign_ids``, with ``reason``."""
    if campaign_ids:
        cr.execute("""
            UPDATE crm_campaign_workitem
            SET state = 'cancelled', error = %s,
                date_done = (now() AT TIME ZONE 'UTC')
            WHERE campaign_id IN %s AND state = 'todo'""",
                   (reason, tuple(campaign_ids)))


def schedule_next(cr, done_ids, uid, now):
    """Insert the workitems that follow ``done_ids`` by their delay
    transitions. Returns how many were inserted."""
    if not done_ids:
        return 0
    cr.execute(NEXT_BY_DELAY_SQL, (uid, now, uid, now, tuple(done_ids)))
    return cr.rowcount


def schedule_mail_events(cr, uid, now):
    """Insert the workitems whose mail event happened, due the delay of
    their transition after the event. Returns how many were inserted."""
    cr.execute(NEXT_BY_MAIL_EVENT_SQL, (uid, now, uid, now))
    return cr.rowcount
