"""Reordering 50 pipeline stages, as a drag and drop in the stage list or of
a kanban column sends it (the new order of the stage ids).

ours    crm.stage.resequence(ids): every stage renumbered 1..n under a table
        lock in one UPDATE; a constant number of SQL statements whatever the
        number of stages.
anchor  what Odoo's /web/dataset/resequence does for any other model: one
        ORM write per stage, in the new order.

Both move the 50 stages of the benchmark (created in setup, deleted in
teardown) into the reverse order. The SQL statements each side runs are
counted (the cursor's own count) and printed.
"""

NAME = 'stage_resequence'
TITLE = 'Reorder {stages} stages (reverse their order)'
ANCHOR = "Odoo's /web/dataset/resequence: one write per stage"
TARGET = 1.0
PARAMS = {
    'small': dict(stages=50),
    'full': dict(stages=50),
}
FIGURES = [('statements', 'SQL statements')]


def setup(ctx):
    stages = ctx.env['crm.stage']
    for index in range(ctx.params['stages']):
        stages |= stages.create({
            'name': 'Benchmark stage %02d' % index,
            'sequence': 1000 + index,
        })
    return stages.ids


def ours(ctx, ids):
    cr = ctx.env.cr
    start = cr.sql_log_count
    ctx.env['crm.stage'].resequence(list(reversed(ids)))
    statements = cr.sql_log_count - start
    cr.commit()
    return dict(statements=statements)


def anchor(ctx, ids):
    cr = ctx.env.cr
    start = cr.sql_log_count
    # web/controllers/main.py, DataSet.resequence
    for i, record in enumerate(ctx.env['crm.stage'].browse(list(reversed(ids)))):
        record.write({'sequence': i})
    statements = cr.sql_log_count - start
    cr.commit()
    return dict(statements=statements)


def teardown(ctx, ids, info):
    ctx.env['crm.stage'].browse(ids).unlink()
