"""The leads list and the pipeline grouped by stage under the territory
record rules of crm_territory_security, against the superuser (no rules).

Data: the scale's leads spread over the 190 leaves of a territory tree of
201 territories on three levels (a root, 10 regions of 19 territories), by
one SQL UPDATE in setup() (kept between repeats, removed in teardown()).

ours    as a territory salesperson of one territory, then as the manager of
        a region (a 20-territory branch): the first page (80 rows) of the
        leads list with its count (search_read + search_count), and
        read_group by stage (count, expected revenue).
anchor  the same three calls as the superuser, twice (once per user of
        ours), over all the leads.

Target: ours at most 1.5x the anchor. The result gives each user's own
time; the rule is ``territory_id IN (<the user's territories>)``, read in
the stored access table at each query, answered by the index on
``crm_lead.territory_id``.
"""
import time

NAME = 'territory_rules'
TITLE = ('Leads list page + count and read_group by stage under territory '
         'rules, {leads:,} leads over 201 territories')
ANCHOR = "The same calls as the superuser (no record rules), once per user"
TARGET = 1.5
PARAMS = {
    'small': dict(leads=20000),
    'full': dict(leads=1000000),
}

LIST_FIELDS = ['name', 'partner_id', 'email_from', 'phone', 'city',
               'country_id', 'user_id', 'team_id', 'stage_id',
               'planned_revenue', 'territory_id']


def _tree(env):
    Territory = env['crm.territory']
    root = Territory.search([('code', '=', 'BENCH-ROOT')], limit=1)
    if root:
        return root
    Users = env['res.users'].with_context(no_reset_password=True)
    salesman = env.ref('crm_territory_security.group_territory_salesman')
    manager = env.ref('crm_territory_security.group_territory_manager')
    base = env.ref('base.group_user')
    users = {}
    for login, group in (('bench_terr_salesman', salesman),
                         ('bench_terr_manager', manager)):
        users[login] = Users.search([('login', '=', login)]) or \
            Users.create({'name': login, 'login': login,
                          'groups_id': [(6, 0, [base.id, group.id])]})
    root = Territory.create({'name': 'Bench root', 'code': 'BENCH-ROOT'})
    for region_index in range(10):
        region = Territory.create({
            'name': 'Bench region %d' % region_index,
            'code': 'BENCH-R%02d' % region_index, 'parent_id': root.id,
            'manager_id': (users['bench_terr_manager'].id
                           if region_index == 0 else False)})
        for leaf_index in range(19):
            Territory.create({
                'name': 'Bench territory %d.%d' % (region_index, leaf_index),
                'code': 'BENCH-T%02d%02d' % (region_index, leaf_index),
                'parent_id': region.id,
                'user_ids': [(6, 0, users['bench_terr_salesman'].ids)
                             if region_index == 0 and leaf_index == 0
                             else []]})
    return root


def setup(ctx):
    env = ctx.env
    root = _tree(env)
    leaves = env['crm.territory'].search([
        ('code', 'like', 'BENCH-T%')], order='code')
    env.cr.execute("""
        SELECT count(*) FROM crm_lead
         WHERE territory_id IS NULL OR NOT territory_id = ANY(%s)""",
                   (leaves.ids,))
    if env.cr.fetchone()[0]:
        env.cr.execute("""
            UPDATE crm_lead SET territory_id = (%s::int[])[1 + id %% %s]""",
                       (leaves.ids, len(leaves)))
        env.cr.execute("ANALYZE crm_lead")
    env.cr.commit()
    env.cache.invalidate()
    users = env['res.users'].search([
        ('login', 'in', ('bench_terr_salesman', 'bench_terr_manager'))])
    # one warm-up of each side (not timed): the rule domains, the registry's
    # caches and PostgreSQL's buffers are then in the state a running server
    # has them
    for user in users:
        _workload(env['crm.lead'].sudo(user))
    _workload(env['crm.lead'])
    return dict(root=root.id, users={user.login: user.id for user in users})


def _workload(Lead):
    rows = Lead.search_read([], LIST_FIELDS, limit=80)
    count = Lead.search_count([])
    groups = Lead.read_group([], ['stage_id', 'planned_revenue'],
                             ['stage_id'])
    return len(rows), count, sum(group['stage_id_count'] for group in groups)


def ours(ctx, state):
    result = {}
    for label, login in (('salesperson', 'bench_terr_salesman'),
                         ('manager', 'bench_terr_manager')):
        start = time.perf_counter()
        rows, count, grouped = _workload(
            ctx.env['crm.lead'].sudo(state['users'][login]))
        result['%s_s' % label] = round(time.perf_counter() - start, 4)
        result['%s_count' % label] = count
        assert grouped == count, (grouped, count)
    return result


def anchor(ctx, state):
    result = {}
    for dummy in range(2):
        start = time.perf_counter()
        rows, count, grouped = _workload(ctx.env['crm.lead'])
        result['superuser_s'] = round(time.perf_counter() - start, 4)
        result['superuser_count'] = count
    return result


def teardown(ctx, state, info):
    """Nothing: the tree and the assignment are kept for the next repeat;
    the run's database is dropped at the end."""
