"""Creating leads: the ORM (crm.lead.create) against COPY of the same rows.

Both sides load the same generated leads (datagen, seed of the data set,
indexes from 100,000,000 on, so new rows that belong to the data set's
partners, teams and salespeople) into the benchmark database, which already
holds the data set. Rows are generated in setup (not timed); the timed part
is converting them and writing them, commits included:

ours    crm.lead.create(vals), one lead at a time, committing every ``batch``
        leads, with the context of a bulk import: no creation message, no
        tracking, creator not subscribed (mail_create_nolog,
        mail_create_nosubscribe, mail_notrack). The ORM subscribes each
        lead's salesperson (user_id) as a follower.
anchor  datagen's CopyLoader: COPY of the lead rows and of the same followers
        (with their subtypes), computed fields (day_open, day_close) set,
        then the ORM told what changed; one commit.

Informative: there is no target ratio. teardown deletes the created leads and
followers and VACUUMs, so that every repeat starts from the same tables.
"""

from datagen.generator import DataGenerator
from datagen.load import CopyLoader, OrmLoader, expand_ranges
from datagen.reference import Refs

NAME = 'lead_create'
TITLE = 'Create {leads:,} leads through the ORM (crm.lead.create, commit every {batch})'
ANCHOR = 'PostgreSQL COPY of the same rows (datagen CopyLoader)'
TARGET = None
PARAMS = {
    'small': dict(leads=2000, batch=500),
    'full': dict(leads=10000, batch=500),
}
FIRST_INDEX = 100000000


def setup(ctx):
    run = ctx.manifest[-1]
    partner_ids = expand_ranges(run['partners']['ranges'])
    gen = DataGenerator(seed=run['seed'])
    rows = [
        gen.lead(i, len(partner_ids))
        for i in range(FIRST_INDEX, FIRST_INDEX + ctx.params['leads'])
    ]
    return dict(gen=gen, rows=rows, partner_ids=partner_ids, refs=Refs(ctx.env))


def ours(ctx, state):
    loader = OrmLoader(ctx.env, state['refs'])
    rows, batch, ids = state['rows'], ctx.params['batch'], []
    for start in range(0, len(rows), batch):
        ids += loader.create_leads(rows[start : start + batch], state['partner_ids'])
        ctx.env.cr.commit()
    return dict(leads=len(ids), _ids=ids)


def anchor(ctx, state):
    loader = CopyLoader(ctx.env, state['refs'])
    ids, counts = loader.lead_chunk(
        state['gen'], state['rows'], state['partner_ids'], with_chatter=False
    )
    ctx.env.cr.commit()
    return dict(counts, _ids=ids)


def teardown(ctx, state, info):
    ids = info['_ids']
    cr = ctx.env.cr
    cr.execute("SELECT count(*) FROM crm_lead WHERE id = ANY(%s)", (ids,))
    created = cr.fetchone()[0]
    cr.execute(
        "SELECT count(*) FROM mail_followers WHERE res_model = 'crm.lead' "
        "AND res_id = ANY(%s)",
        (ids,),
    )
    info['followers'] = cr.fetchone()[0]
    assert created == ctx.params['leads'], (created, ctx.params['leads'])
    cr.execute(
        "DELETE FROM mail_message WHERE model = 'crm.lead' AND res_id = ANY(%s)", (ids,)
    )
    cr.execute(
        "DELETE FROM mail_followers WHERE res_model = 'crm.lead' AND res_id = ANY(%s)",
        (ids,),
    )
    cr.execute("DELETE FROM crm_lead WHERE id = ANY(%s)", (ids,))
    cr.commit()
    with ctx.env.registry.cursor() as vacuum:
        vacuum.autocommit(True)
        vacuum.execute(
            'VACUUM ANALYZE crm_lead, mail_followers, '
            'mail_followers_mail_message_subtype_rel'
        )
