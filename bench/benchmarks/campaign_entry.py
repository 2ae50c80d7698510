"""A segment's records entering a campaign: "Run now" of a segment of every
active partner against an INSERT ... SELECT of the same workitems.

ours    crm.segment._run(), what "Run now" and the segments' job do: the
        segment's domain compiled by the ORM (record rules of the
        campaign's responsible applied), one INSERT ... SELECT ... ON
        CONFLICT DO NOTHING of a workitem per partner (the engine's
        entry), the segment's last run written, then the due workitems
        marked as queued (one UPDATE ... RETURNING of their ids) and a
        queue_job job created per batch of 500 workitems.
anchor  one INSERT INTO crm_campaign_workitem ... SELECT of the same rows
        (same columns and values, idempotence key included) from the same
        partners, without the unique index's conflict handling and without
        queueing: the floor of writing those rows.

setup() tops the data set's partners up to the scale's number (copies of
existing partners, INSERT ... SELECT, then ANALYZE; archived again by
teardown(), since deleting them checks every foreign key to res_partner
for each, and activated by the next setup()) and makes a running
campaign in test mode with a mail activity and a segment of every active
partner; teardown() deletes the workitems and the jobs, then
VACUUMs the workitems so that every repeat inserts into the same table.

Target (issue 13): ours within 5x of the floor, under 1 GiB of memory.
"""

NAME = 'campaign_entry'
TITLE = 'A segment of {partners:,} partners entering a campaign ' \
    '("Run now": the workitems inserted and their batches queued as jobs)'
ANCHOR = 'INSERT ... SELECT of the same workitem rows (the floor: no ' \
    'conflict handling, no jobs)'
TARGET = 5.0
PARAMS = {
    'small': dict(partners=100000),
    'full': dict(partners=1000000),
}
FIGURES = [('workitems', 'workitems entered'), ('jobs', 'jobs queued')]

CAMPAIGN = 'Benchmark campaign entry'
# the reference of the partners copied to top the data set up
MARK = 'bench-campaign-entry'
# the columns of res_partner copied to top the partners up (those of the
# database's table: the installed modules add some)
COPIED = (
    'name', 'display_name', 'active', 'customer', 'supplier', 'employee',
    'is_company', 'company_id', 'type', 'lang', 'tz', 'email', 'city',
    'country_id', 'notify_email', 'invoice_warn', 'sale_warn',
    'create_date', 'write_date', 'create_uid', 'write_uid',
)
FLOOR_SQL = """
    INSERT INTO crm_campaign_workitem
        (campaign_id, segment_id, activity_id, res_model, res_id, state,
         date_scheduled, idempotence_key, retry_count,
         create_uid, create_date, write_uid, write_date)
    SELECT %(campaign)s, %(segment)s, %(activity)s, 'res.partner', p.id,
           'todo', %(now)s,
           concat_ws('-', 'crm-campaign', %(campaign)s, %(segment)s,
                     %(activity)s, 'res.partner', p.id),
           0, %(uid)s, %(now)s, %(uid)s, %(now)s
    FROM res_partner p WHERE p.active"""


def _top_up_partners(cr, wanted):
    """Enough active partners: the copies of an earlier repeat activated
    again, new copies of existing partners for the rest."""
    cr.execute('UPDATE res_partner SET active = TRUE WHERE ref = %s',
               (MARK,))
    cr.execute('SELECT COUNT(*) FROM res_partner WHERE active')
    missing = wanted - cr.fetchone()[0]
    if missing > 0:
        cr.execute("""SELECT column_name FROM information_schema.columns
                      WHERE table_name = 'res_partner'""")
        existing = {row[0] for row in cr.fetchall()}
        columns = ', '.join(c for c in COPIED if c in existing)
        cr.execute(
            'INSERT INTO res_partner ({columns}, ref) '  # pylint: disable=sql-injection
            'SELECT {columns}, %s FROM res_partner, generate_series(1, %s) '
            'AS round WHERE active ORDER BY round, id LIMIT %s'.format(
                columns=columns),
            (MARK, missing // (wanted - missing) + 1, missing))
    cr.execute('ANALYZE res_partner')


def setup(ctx):
    env = ctx.env
    _top_up_partners(env.cr, ctx.params['partners'])
    template = env['mail.template'].create({
        'name': CAMPAIGN, 'model_id': env.ref('base.model_res_partner').id,
        'subject': 'Products for ${object.name}',
        'email_to': '${object.email}',
        'body_html': '<p>Dear ${object.name}, see our products.</p>'})
    campaign = env['crm.campaign'].create({'name': CAMPAIGN})
    activity = env['crm.campaign.activity'].create({
        'name': CAMPAIGN, 'campaign_id': campaign.id, 'start': True,
        'action_type': 'mail', 'template_id': template.id})
    segment = env['crm.segment'].create({
        'name': CAMPAIGN, 'campaign_id': campaign.id, 'interval': 'manual',
        'domain': "[('active', '=', True)]"})
    campaign.action_start()
    env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM queue_job")
    return dict(template=template.id,
                campaign=campaign.id, segment=segment.id,
                activity=activity.id, last_job=env.cr.fetchone()[0])


def teardown(ctx, state, info):
    cr = ctx.env.cr
    cr.execute('DELETE FROM queue_job WHERE id > %s', (state['last_job'],))
    cr.execute('DELETE FROM crm_campaign_workitem WHERE campaign_id = %s',
               (state['campaign'],))
    cr.execute('DELETE FROM crm_campaign WHERE id = %s',
               (state['campaign'],))
    cr.execute('DELETE FROM mail_template WHERE id = %s',
               (state['template'],))
    # archived, not deleted: deleting them checks every foreign key to
    # res_partner for each (minutes for 100,000); the next repeat
    # activates them again
    cr.execute('UPDATE res_partner SET active = FALSE WHERE ref = %s',
               (MARK,))
    cr.commit()
    # the next repeat inserts into a table without this one's dead rows
    cr.autocommit(True)
    cr.execute('VACUUM ANALYZE crm_campaign_workitem')
    cr.autocommit(False)


def _counts(ctx, state):
    cr = ctx.env.cr
    cr.execute('SELECT COUNT(*) FROM crm_campaign_workitem '
               'WHERE campaign_id = %s', (state['campaign'],))
    workitems = cr.fetchone()[0]
    cr.execute('SELECT COUNT(*) FROM queue_job WHERE id > %s',
               (state['last_job'],))
    return dict(workitems=workitems, jobs=cr.fetchone()[0])


def ours(ctx, state):
    ctx.env['crm.segment'].browse(state['segment'])._run()
    ctx.env.cr.commit()
    return _counts(ctx, state)


def anchor(ctx, state):
    cr = ctx.env.cr
    cr.execute('SELECT now() AT TIME ZONE %s', ('UTC',))
    cr.execute(FLOOR_SQL, dict(
        campaign=state['campaign'], segment=state['segment'],
        activity=state['activity'], uid=ctx.env.uid,
        now=cr.fetchone()[0]))
    cr.commit()
    return _counts(ctx, state)
