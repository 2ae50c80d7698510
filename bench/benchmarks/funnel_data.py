"""The sales funnel's figures: crm.lead.get_funnel_data against read_group.

Both sides read every opportunity of the data set (archived lost ones
included: the funnel counts them for the success rate) as the superuser:

ours    crm.lead.get_funnel_data([]): per stage the number of opportunities,
        expected and weighted revenue; the totals (open ones, potential
        revenue, won, lost, success rate); one SQL query.
anchor  Odoo's read_group on crm.lead grouped by stage with the measures it
        can sum: number of opportunities and expected revenue (read_group of
        Odoo 11 cannot sum revenue x probability, so the anchor does less).

The data set's leads are 65 % opportunities: setup() tops them up to the
number of opportunities the scale names (1,000,000 at full scale) with one
INSERT ... SELECT copying existing opportunities (stage, salesperson, team,
revenue, probability, active), then ANALYZE; teardown() deletes the copies.

Target: ours no slower than the anchor.
"""

NAME = 'funnel_data'
TITLE = 'Sales funnel figures over {opportunities:,} opportunities'
ANCHOR = "read_group on crm.lead grouped by stage (count, sum of expected revenue)"
TARGET = 1.0
PARAMS = {
    'small': dict(opportunities=20000),
    'full': dict(opportunities=1000000),
}

COPIED = (
    'name', 'type', 'active', 'stage_id', 'user_id', 'team_id', 'company_id',
    'partner_id', 'probability', 'planned_revenue', 'date_open',
    'date_closed', 'date_last_stage_update', 'create_date', 'write_date',
    'create_uid', 'write_uid',
)


def setup(ctx):
    cr = ctx.env.cr
    cr.execute("SELECT COUNT(*), MAX(id) FROM crm_lead WHERE type = 'opportunity'")
    count, _max_opportunity = cr.fetchone()
    cr.execute('SELECT MAX(id) FROM crm_lead')
    last_id = cr.fetchone()[0]
    missing = ctx.params['opportunities'] - count
    if missing > 0:
        columns = ', '.join(COPIED)
        # as many rounds over the existing opportunities as needed
        cr.execute(
            'INSERT INTO crm_lead ({columns}) '  # pylint: disable=sql-injection
            'SELECT {columns} FROM crm_lead, generate_series(1, %s) AS round '
            "WHERE type = 'opportunity' "
            'ORDER BY round, id LIMIT %s'.format(columns=columns),
            (missing // count + 1, missing),
        )
        cr.execute('ANALYZE crm_lead')
    return {'last_id': last_id, 'added': max(missing, 0)}


def teardown(ctx, state, info):
    if state['added']:
        ctx.env.cr.execute('DELETE FROM crm_lead WHERE id > %s', (state['last_id'],))


def ours(ctx, state):
    data = ctx.env['crm.lead'].get_funnel_data([])
    return dict(
        stages=len(data['stages']),
        opportunities=sum(stage['count'] for stage in data['stages']),
        open=data['totals']['open_count'],
        success_rate=data['totals']['success_rate'],
    )


def anchor(ctx, state):
    groups = (
        ctx.env['crm.lead']
        .with_context(active_test=False)
        .read_group(
            [('type', '=', 'opportunity')],
            ['stage_id', 'planned_revenue'],
            ['stage_id'],
        )
    )
    return dict(
        stages=len(groups),
        opportunities=sum(group['stage_id_count'] for group in groups),
    )
