"""The sales funnel's figures: crm.lead.get_funnel_data against read_group.

Both sides read every opportunity of the data set (archived lost ones
included: the funnel counts them for the success rate) as the superuser:

ours    crm.lead.get_funnel_data([]): per stage the number of opportunities,
        expected and weighted revenue; the totals (open ones, potential
        revenue, won, lost, success rate); one SQL query.
anchor  Odoo's read_group on crm.lead grouped by stage with the measures it
        can sum: number of opportunities and expected revenue (read_group of
        Odoo 11 cannot sum revenue x probability, so the anchor does less).

Target: ours no slower than the anchor. Nothing is written: no teardown.
"""

NAME = 'funnel_data'
TITLE = 'Sales funnel figures over the opportunities of {leads:,} leads'
ANCHOR = "read_group on crm.lead grouped by stage (count, sum of expected revenue)"
TARGET = 1.0
PARAMS = {
    'small': dict(leads=20000),
    'full': dict(leads=1000000),
}


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
