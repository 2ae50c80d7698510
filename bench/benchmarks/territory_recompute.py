"""Recomputing the territory of every lead after the rules changed, as
crm_territory_security's Recompute Territories wizard does it, against one
SQL UPDATE of the same territories (the floor).

Data: the scale's leads; a territory tree built from datagen's cities in
setup() (kept between repeats): a region per country (its country), a
territory per city (country and the city's zip range, higher priority) and
one per city name of the capitals (city, highest priority), one of them
with a domain (opportunities only). Before each repeat every lead's
territory is emptied in SQL (not timed): every lead moves, the worst case.

ours    crm.territory.recompute(target='leads').action_recompute() as the
        superuser: the leads cut into chunks of 5,000 consecutive ids, one
        queue job each, enqueued and committed; then every job performed in
        this process, one after the other, each committed, as the job runner
        does with one channel (the suite runs two at a time).
anchor  UPDATE crm_lead SET territory_id, territory_unmatched FROM a table of
        the same values (computed in setup, not timed), one statement,
        committed: what writing the result costs at the least, with no
        matching at all.

Informative: no target ratio. The result gives the chunks and the leads
moved; both sides leave every lead with the same territory.
"""
from datagen import vocab

NAME = 'territory_recompute'
TITLE = ('Recompute the territory of {leads:,} leads (every one moves) over '
         'a tree of countries, zip ranges and cities')
ANCHOR = ("One UPDATE ... FROM of the same territory ids (no matching, the "
          "floor)")
TARGET = None
PARAMS = {
    'small': dict(leads=20000),
    'full': dict(leads=1000000),
}
FIGURES = [('chunks', 'chunks (queue jobs)'), ('moved', 'leads moved')]

CAPITALS = ('hanoi', 'beijing')


def _tree(env):
    Territory = env['crm.territory']
    root = Territory.search([('code', '=', 'BENCH-RC-ROOT')], limit=1)
    if root:
        return root
    root = Territory.create({'name': 'Bench recompute root',
                             'code': 'BENCH-RC-ROOT'})
    countries = {}
    for city in vocab.CITIES:
        country = env['res.country'].search([('code', '=', city.country)])
        if city.country not in countries:
            countries[city.country] = Territory.create({
                'name': 'Bench recompute %s' % city.country,
                'code': 'BENCH-RC-%s' % city.country, 'parent_id': root.id,
                'priority': 10, 'country_ids': [(6, 0, country.ids)]})
        Territory.create({
            'name': 'Bench recompute %s zips' % city.code,
            'code': 'BENCH-RC-Z-%s' % city.code,
            'parent_id': countries[city.country].id, 'priority': 20,
            'country_ids': [(6, 0, country.ids)],
            'zip_range_ids': [(0, 0, {'zip_from': str(city.zips[0]),
                                      'zip_to': str(city.zips[1])})]})
        if city.code in CAPITALS:
            Territory.create({
                'name': 'Bench recompute %s city' % city.code,
                'code': 'BENCH-RC-C-%s' % city.code,
                'parent_id': countries[city.country].id, 'priority': 30,
                'city_names': city.name,
                'domain': ("[('type', '=', 'opportunity')]"
                           if city.code == CAPITALS[0] else False)})
    return root


def setup(ctx):
    env = ctx.env
    cr = env.cr
    _tree(env)
    cr.commit()
    cr.execute("SELECT to_regclass('bench_territory_expected')")
    if not cr.fetchone()[0]:
        # the result, computed once with the addon's own matching (chunk by
        # chunk, not timed): the anchor's values
        cr.execute("""
            CREATE UNLOGGED TABLE bench_territory_expected (
                id integer PRIMARY KEY, territory_id integer,
                territory_unmatched boolean)""")
        Lead = env['crm.lead'].with_context(active_test=False)
        Wizard = env['crm.territory.recompute']
        for first_id, last_id, dummy in Wizard._chunks('crm.lead', 5000):
            leads = Lead.search([('id', '>=', first_id),
                                 ('id', '<=', last_id)], order='id')
            values = leads._territory_match_values()
            cr.executemany(
                "INSERT INTO bench_territory_expected VALUES (%s, %s, %s)",
                [(lead_id, value['territory_id'] or None,
                  value['territory_unmatched'])
                 for lead_id, value in values.items()])
            env.cache.invalidate()
        cr.execute("ANALYZE bench_territory_expected")
    # every lead moves
    cr.execute("UPDATE crm_lead SET territory_id = NULL, "
               "territory_unmatched = NULL, territory_manual_id = NULL")
    cr.commit()
    env.cache.invalidate()
    return {}


def ours(ctx, state):
    # imported here: the registry of benchmarks imports this module before
    # Odoo (and its compatibility layer) is loaded
    from odoo.addons.queue_job.job import Job

    env = ctx.env
    env['ir.config_parameter'].set_param(
        'crm_territory_security.recompute_chunk_size', '5000')
    wizard = env['crm.territory.recompute'].create({'target': 'leads'})
    wizard.action_recompute()
    uuids = wizard.job_ids.sorted('id').mapped('uuid')
    env.cr.commit()
    moved = 0
    for uuid in uuids:
        job = Job.load(env, uuid)
        result = job.perform()
        job.set_done(result=result)
        job.store()
        env.cr.commit()
        env.cache.invalidate()
        moved += int(result.split(' ', 1)[0])
    state['uuids'] = uuids
    return dict(chunks=len(uuids), moved=moved)


def anchor(ctx, state):
    cr = ctx.env.cr
    cr.execute("""
        UPDATE crm_lead l
           SET territory_id = e.territory_id,
               territory_unmatched = e.territory_unmatched
          FROM bench_territory_expected e
         WHERE l.id = e.id""")
    moved = cr.rowcount
    cr.commit()
    return dict(moved=moved)


def teardown(ctx, state, info):
    """Both sides left the same territories (checked); the jobs of ours are
    deleted."""
    cr = ctx.env.cr
    cr.execute("""
        SELECT count(*) FROM crm_lead l
          JOIN bench_territory_expected e ON e.id = l.id
         WHERE l.territory_id IS DISTINCT FROM e.territory_id
            OR l.territory_unmatched IS DISTINCT FROM e.territory_unmatched""")
    differing = cr.fetchone()[0]
    if state.get('uuids'):
        cr.execute("DELETE FROM queue_job WHERE uuid IN %s",
                   (tuple(state['uuids']),))
    cr.commit()
    assert not differing, '%d leads differ from the expected' % differing
