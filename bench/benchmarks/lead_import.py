"""Importing a file of leads: crm.lead.import against Odoo's base_import and
against PostgreSQL COPY, the same file in the same run.

The file (generated in setup, not timed; seed of the data set): a CSV with
the header ``Contact Name,Company,Email,Phone,Mobile,Job Position,City,
Country,Notes``, people with Vietnamese, Chinese and English names (datagen's
generator: leads without a partner, indexes from 200,000,000 on), of which

- 5 % rows repeat another row of the file (the same contact, same e-mail);
- 5 % rows are leads already in the database (contact, company, e-mail,
  phone and mobile of active leads of the data set).

Each side imports the whole file, commits, and its leads are deleted by
teardown (not timed), with their messages, followers and activities:

ours                crm_leads_ext's wizard: crm.lead.import created with the
                    file (base64), a sales team and a source,
                    duplicate_policy 'skip', the leads titled with a fixed
                    text (the file has no title column; base_import's
                    default_name below), then action_load_file() and
                    action_import() in the foreground
                    (crm_lead_import_foreground): the duplicates are skipped,
                    90 % of the rows become leads (less the rows whose
                    phone number libphonenumber calls invalid).
anchor_base_import  Odoo's own import: a base_import.import record with the
                    same file, do() with the same mapping (column -> field,
                    the country by its name); the team and the source as
                    default_team_id / default_source_id in the context and
                    the lead's title (required, not in the file) as
                    default_name. base_import has no duplicate detection: it
                    imports every row, duplicates included.
anchor_copy         the floor: the CSV parsed with the csv module, countries
                    resolved in one query, COPY of every row (no duplicate
                    detection either) into crm_lead: the columns the import
                    sets plus what create() would store by default
                    (datagen's TableSpec). No chatter, no followers.

Targets (the issue): at least 10x faster than base_import (ratio <= 0.1),
within 5x of COPY (ratio <= 5.0), and a peak memory under 1 GiB (the Peak
memory column). base_import's load() costs about 20 ms per lead, so it runs
3 times at small scale and once at full scale (REPEATS): 100,000 rows take it
more than half an hour.
"""
import base64
import csv
import io
import random

from bench.benchmarks import delete_leads_after
from datagen.generator import DataGenerator
from datagen.load import TableSpec

NAME = 'lead_import'
TITLE = 'Import {rows:,} leads from a CSV file (5 % duplicates in the file, ' \
    '5 % of existing leads) with crm.lead.import'
ANCHORS = [
    ('anchor_base_import',
     "Odoo's base_import (base_import.import do(): load() of every row, "
     "no duplicate detection)", 0.1),
    ('anchor_copy',
     'PostgreSQL COPY of every row into crm_lead (the floor)', 5.0),
]
PARAMS = {
    'small': dict(rows=5000),
    'full': dict(rows=100000),
}
REPEATS = {'small': 3, 'full': 1}
FIGURES = [
    ('created', 'leads created'),
    ('skipped', 'rows skipped as duplicates'),
    ('failed', 'rows refused'),
]

HEADER = ['Contact Name', 'Company', 'Email', 'Phone', 'Mobile',
          'Job Position', 'City', 'Country', 'Notes']
# the lead field of each column, base_import's mapping
FIELDS = ['contact_name', 'partner_name', 'email_from', 'phone', 'mobile',
          'function', 'city', 'country_id', 'description']
COUNTRY_NAMES = {'VN': 'Vietnam', 'CN': 'China', 'US': 'United States'}
DUPLICATE_SHARE = 0.05
FIRST_INDEX = 200000000
DEFAULT_NAME = 'Imported lead'


def generate_rows(seed, count, existing):
    """``count`` rows of the file (lists in the order of HEADER). ``existing``:
    (contact, company, email, phone, mobile) of leads in the database, which
    5 % of the rows repeat; another 5 % repeat an earlier row of the file."""
    gen = DataGenerator(seed=seed)
    rng = random.Random('%s/lead_import/%d' % (seed, count))
    duplicates = int(count * DUPLICATE_SHARE)
    picked = rng.sample(range(1, count), 2 * duplicates)
    of_file, of_database = set(picked[:duplicates]), set(picked[duplicates:])
    rows, originals = [], []
    for i in range(count):
        if i in of_file and originals:
            rows.append(list(rows[rng.choice(originals)]))
            continue
        lead = gen.lead(FIRST_INDEX + i, 0)
        row = [
            lead['contact_name'], lead['partner_name'], lead['email_from'],
            lead['phone'], lead['mobile'], lead['function'], lead['city'],
            COUNTRY_NAMES[lead['country']], lead['description'],
        ]
        if i in of_database:
            row[0:5] = rng.choice(existing)
        else:
            originals.append(i)
        rows.append(['' if v is None else v for v in row])
    return rows


def csv_bytes(rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator='\r\n')
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode('utf-8')


def setup(ctx):
    env, cr = ctx.env, ctx.env.cr
    cr.execute("""
        SELECT contact_name, partner_name, email_from, phone, mobile
          FROM crm_lead
         WHERE active AND email_from IS NOT NULL
         ORDER BY id""")
    existing = cr.fetchall()
    rows = generate_rows(ctx.seed, ctx.params['rows'], existing)
    cr.execute("SELECT COALESCE(MAX(id), 0) FROM crm_lead")
    max_lead_id = cr.fetchone()[0]
    source = env['utm.source'].create({'name': 'Lead import benchmark'})
    return dict(
        file=csv_bytes(rows),
        team_id=env.ref('sales_team.team_sales_department').id,
        source_id=source.id,
        max_lead_id=max_lead_id,
    )


def ours(ctx, state):
    wizard = ctx.env['crm.lead.import'].create({
        'file': base64.b64encode(state['file']),
        'file_name': 'leads.csv',
        'team_id': state['team_id'],
        'source_id': state['source_id'],
        'duplicate_policy': 'skip',
        'title_mode': 'fixed',
        'title_text': DEFAULT_NAME,
    })
    wizard.action_load_file()
    for line in wizard.line_ids:
        # base_import's mapping, whatever the wizard guessed
        if line.field_name != FIELDS[line.column]:
            line.field_name = FIELDS[line.column]
    wizard.with_context(crm_lead_import_foreground=True).action_import()
    ctx.env.cr.commit()
    return dict(
        rows=wizard.rows_total,
        created=wizard.created_count,
        skipped=wizard.skipped_count,
        failed=wizard.failed_count,
    )


def anchor_base_import(ctx, state):
    env = ctx.env(context=dict(
        ctx.env.context,
        default_team_id=state['team_id'],
        default_source_id=state['source_id'],
        default_name=DEFAULT_NAME,
    ))
    importer = env['base_import.import'].create({
        'res_model': 'crm.lead',
        'file': state['file'],
        'file_name': 'leads.csv',
        'file_type': 'text/csv',
    })
    messages = importer.do(FIELDS, {
        'headers': True, 'quoting': '"', 'separator': ',',
        'encoding': 'utf-8',
    })
    errors = [m for m in messages if m.get('type') == 'error']
    assert not errors, errors[:5]
    env.cr.commit()
    return dict(skipped=0, failed=0)


def anchor_copy(ctx, state):
    env, cr = ctx.env, ctx.env.cr
    reader = csv.reader(io.StringIO(state['file'].decode('utf-8')))
    next(reader)  # the header
    cr.execute("SELECT name, id FROM res_country")
    country = dict(cr.fetchall())
    now = env['crm.lead']._fields['create_date'].now()
    uid = env.uid
    default_type = env['crm.lead'].default_get(['type'])['type']
    spec = TableSpec(env, 'crm.lead', [
        'name', 'type', 'team_id', 'source_id'] + FIELDS)
    rows = []
    team_id, source_id = state['team_id'], state['source_id']
    for row in reader:
        values = [v or None for v in row]
        values[7] = country.get(row[7])
        rows.append([row[1] or row[0] or DEFAULT_NAME, default_type,
                     team_id, source_id] + values + [uid, uid, now, now])
    spec.copy(cr, rows)
    cr.commit()
    return dict(created=len(rows), skipped=0, failed=0)


def teardown(ctx, state, info):
    cr = ctx.env.cr
    first = state['max_lead_id']
    cr.execute("SELECT count(*) FROM crm_lead WHERE id > %s", (first,))
    info['leads_in_database'] = cr.fetchone()[0]
    info.setdefault('created', info['leads_in_database'])
    delete_leads_after(cr, first)
    cr.execute("DELETE FROM base_import_import WHERE res_model = 'crm.lead'")
    if 'crm.lead.import' in ctx.env:
        ctx.env['crm.lead.import'].search([]).unlink()
    ctx.env['utm.source'].browse(state['source_id']).unlink()
    cr.commit()
    with ctx.env.registry.cursor() as vacuum:
        vacuum.autocommit(True)
        vacuum.execute(
            'VACUUM ANALYZE crm_lead, mail_message, mail_followers, '
            'mail_followers_mail_message_subtype_rel')
