"""Loading generated rows into a database: through the ORM, or with COPY.

Both loaders write the same values (they share the conversions below) and
work inside the cursor of the environment they are given: they never commit
by themselves (pass ``on_chunk`` to commit between chunks, as the command
line does). Tests use them inside their transaction.

OrmLoader   res.partner/crm.lead/mail.activity/mail.message ``create``, then
            the log columns (create_date, create_uid, ...) set to the
            generated history with one UPDATE per batch.
CopyLoader  PostgreSQL COPY (psycopg2 ``copy_expert``) into res_partner,
            crm_lead, mail_followers (+ subtypes), mail_activity and
            mail_message. Ids are drawn from the tables' own sequences; every
            NOT NULL column gets a value (the generated one, else the model's
            default, checked against the table before loading); foreign keys
            stay checked by PostgreSQL; the stored computed fields
            (display_name, commercial_partner_id, day_open, ...) are computed
            like the ORM does; the ORM is then told what changed
            (``modified``) so that any other stored computed field depending
            on these rows, from an addon installed later, is recomputed by it.
"""

import datetime
import io
import json
import re
import time

from psycopg2.extras import execute_values

LOG_COLUMNS = ('create_uid', 'write_uid', 'create_date', 'write_date')


class LoadError(Exception):
    pass


# -- conversions shared by both loaders ---------------------------------------


def address_values(refs, row):
    return dict(
        street=row['street'],
        street2=row['street2'],
        zip=row['zip'],
        city=row['city'],
        state_id=refs.state_id(row['country'], row['state']),
        country_id=refs.country.get(row['country']),
    )


def partner_values(refs, row, partner_ids):
    parent = row['parent']
    return dict(
        name=row['name'],
        is_company=row['is_company'],
        parent_id=partner_ids[parent] if parent is not None else None,
        type='contact',
        **address_values(refs, row),
        email=row['email'],
        phone=row['phone'],
        mobile=row['mobile'],
        website=row['website'],
        function=row['function'],
        vat=row['vat'],
        lang=refs.lang(row['locale']),
        tz=row['tz'],
        customer=row['customer'],
        supplier=row['supplier'],
        employee=False,
        industry_id=refs.xmlid(row['industry']),
        user_id=refs.user[row['user']] if row['user'] else None,
        team_id=refs.team[row['team']] if row['team'] else None,
        active=True,
    )


def lead_values(refs, row, partner_ids):
    partner = row['partner']
    return dict(
        name=row['name'],
        type=row['type'],
        partner_id=partner_ids[partner] if partner is not None else None,
        contact_name=row['contact_name'],
        partner_name=row['partner_name'],
        email_from=row['email_from'],
        phone=row['phone'],
        mobile=row['mobile'],
        **address_values(refs, row),
        function=row['function'],
        website=row['website'],
        team_id=refs.team[row['team']],
        user_id=refs.user[row['user']] if row['user'] else None,
        stage_id=refs.stage[row['stage']],
        probability=row['probability'],
        planned_revenue=row['planned_revenue'],
        priority=row['priority'],
        date_deadline=row['date_deadline'],
        date_open=row['date_open'],
        date_closed=row['date_closed'],
        date_last_stage_update=row['date_last_stage_update'],
        active=row['active'],
        lost_reason=(
            refs.lost_reason.get(row['lost_reason']) if row['lost_reason'] else None
        ),
        source_id=refs.xmlid(row['source']),
        medium_id=refs.xmlid(row['medium']),
        campaign_id=refs.xmlid(row['campaign']),
        description=row['description'],
        opt_out=row['opt_out'],
    )


def activity_values(refs, act, lead_id, lead_name):
    return dict(
        res_model_id=refs.lead_model_id,
        res_model='crm.lead',
        res_id=lead_id,
        res_name=lead_name,
        activity_type_id=refs.xmlid(act['type']),
        summary=act['summary'],
        note=act['note'],
        date_deadline=act['date_deadline'],
        user_id=refs.user[act['user']],
    )


def message_values(refs, msg, lead_id, partner_ids):
    if msg['author_partner'] is not None:
        author = partner_ids[msg['author_partner']]
    elif msg['message_type'] == 'email':
        author = None  # an address we do not know as a partner
    elif msg['author_user']:
        author = refs.user_partner[msg['author_user']]
    else:
        author = refs.admin_partner
    email_from = msg['email_from'] or refs.user_email(msg['author_user'])
    return dict(
        model='crm.lead',
        res_id=lead_id,
        record_name=msg['record_name'],
        message_type=msg['message_type'],
        subtype_id=refs.xmlid(msg['subtype']),
        body=msg['body'],
        subject=msg['subject'],
        author_id=author,
        email_from=email_from,
        reply_to=email_from,
        message_id=msg['message_id'],
        date=msg['date'],
        no_auto_thread=False,
    )


def log_values(refs, creator, create_date, write_date):
    uid = refs.creator(creator)
    return dict(
        create_uid=uid, write_uid=uid, create_date=create_date, write_date=write_date
    )


def _lead_extras(gen, row, with_chatter):
    if not with_chatter:
        return [], []
    partner_row = gen.partner(row['partner']) if row['partner'] is not None else None
    return gen.activities(row), gen.messages(row, partner_row)


# -- COPY ------------------------------------------------------------------------

_SPECIAL = re.compile(r'[\\\t\n\r]')
_ESCAPES = {'\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r'}


def _escape(match):
    return _ESCAPES[match.group()]


def _encode(value):
    """A value in COPY's text format."""
    kind = type(value)
    if kind is str:
        return _SPECIAL.sub(_escape, value)
    if value is None:
        return '\\N'
    if kind is bool:
        return 't' if value else 'f'
    if kind is datetime.datetime:
        return value.strftime('%Y-%m-%d %H:%M:%S')
    return str(value)


def copy_rows(cr, table, columns, rows):
    """COPY ``rows`` (tuples in the order of ``columns``) into ``table``."""
    buf = io.StringIO()
    write = buf.write
    for row in rows:
        write('\t'.join([_encode(v) for v in row]))
        write('\n')
    buf.seek(0)
    cr.copy_expert(
        'COPY "%s" (%s) FROM STDIN' % (table, ', '.join('"%s"' % c for c in columns)),
        buf,
    )


def reserve_ids(cr, sequence, count):
    """``count`` ids from ``sequence``, as the ORM would draw them."""
    if not count:
        return []
    cr.execute("SELECT nextval(%s) FROM generate_series(1, %s)", (sequence, count))
    return [r[0] for r in cr.fetchall()]


class TableSpec:
    """The columns a COPY into a model's table writes: the generated ones
    (``columns``), then every other stored column that has a default in the
    model (as ``create`` would store it), booleans as False like ``create``.
    Refuses, before loading anything, a NOT NULL column left without a value."""

    def __init__(self, env, model_name, columns, with_log=True, more=()):
        model = env[model_name]
        self.model_name = model_name
        self.table = model._table
        stored = {
            name: f for name, f in model._fields.items() if f.store and f.column_type
        }
        columns = list(columns) + list(more) + (list(LOG_COLUMNS) if with_log else [])
        unknown = [c for c in columns if c not in stored]
        if unknown:
            raise LoadError(
                '%s has no stored column(s) %s' % (model_name, ', '.join(unknown))
            )
        missing = [n for n, f in stored.items() if n not in columns and not f.compute]
        defaults = model.default_get(missing) if missing else {}
        extra = {}
        for name in missing:
            field = stored[name]
            if name in defaults or field.type == 'boolean':
                # what create() stores: the default, booleans False otherwise
                extra[name] = field.convert_to_column(
                    defaults.get(name, False), model.browse(), defaults
                )
        env.cr.execute(
            """
            SELECT column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = %s
               AND is_nullable = 'NO' AND column_default IS NULL""",
            (self.table,),
        )
        not_null = {r[0] for r in env.cr.fetchall()}
        uncovered = sorted(not_null - set(columns) - set(extra))
        if uncovered:
            raise LoadError(
                '%s: NOT NULL column(s) without a generated value or a default: '
                '%s' % (self.table, ', '.join(uncovered))
            )
        self.generated = columns
        self.columns = columns + list(extra)
        self.extra = tuple(extra.values())
        # fields written by the COPY: what `modified` is told about
        self.written = [c for c in self.columns if c != 'id']

    def copy(self, cr, rows):
        extra = self.extra
        copy_rows(cr, self.table, self.columns, (tuple(r) + extra for r in rows))


PARTNER_COLUMNS = [
    'id',
    'name',
    'is_company',
    'parent_id',
    'type',
    'street',
    'street2',
    'zip',
    'city',
    'state_id',
    'country_id',
    'email',
    'phone',
    'mobile',
    'website',
    'function',
    'vat',
    'lang',
    'tz',
    'customer',
    'supplier',
    'employee',
    'industry_id',
    'user_id',
    'team_id',
    'active',
    # stored computed fields, computed here as the ORM computes them
    'display_name',
    'commercial_partner_id',
    'commercial_company_name',
    'commercial_partner_country_id',
    'partner_share',
]
PARTNER_COMPUTED = [
    'display_name',
    'commercial_partner_id',
    'commercial_company_name',
    'commercial_partner_country_id',
    'partner_share',
    'activity_date_deadline',
]
LEAD_COLUMNS = [
    'id',
    'name',
    'type',
    'partner_id',
    'contact_name',
    'partner_name',
    'email_from',
    'phone',
    'mobile',
    'street',
    'street2',
    'zip',
    'city',
    'state_id',
    'country_id',
    'function',
    'website',
    'team_id',
    'user_id',
    'stage_id',
    'probability',
    'planned_revenue',
    'priority',
    'date_deadline',
    'date_open',
    'date_closed',
    'date_last_stage_update',
    'active',
    'lost_reason',
    'source_id',
    'medium_id',
    'campaign_id',
    'description',
    'opt_out',
    'day_open',
    'day_close',
    'activity_date_deadline',
]
LEAD_COMPUTED = ['day_open', 'day_close', 'activity_date_deadline']
ACTIVITY_COLUMNS = [
    'res_model_id',
    'res_model',
    'res_id',
    'res_name',
    'activity_type_id',
    'summary',
    'note',
    'date_deadline',
    'user_id',
]
ACTIVITY_COMPUTED = ['res_model', 'res_name']
MESSAGE_COLUMNS = [
    'model',
    'res_id',
    'record_name',
    'message_type',
    'subtype_id',
    'body',
    'subject',
    'author_id',
    'email_from',
    'reply_to',
    'message_id',
    'date',
    'no_auto_thread',
]
FOLLOWER_COLUMNS = ['id', 'res_model', 'res_id', 'partner_id', 'channel_id']


class CopyLoader:
    """Bulk loader: PostgreSQL COPY, chunk by chunk."""

    def __init__(self, env, refs):
        self.env = env
        self.cr = env.cr
        self.refs = refs
        # create() of a company's contact copies the company's commercial
        # fields (vat, credit_limit, ...) into it: the ones not generated are
        # empty on the company, and the ORM writes them as read (0.0 for a float)
        Partner = env['res.partner']
        self.commercial = []
        for name in Partner._commercial_fields():
            field = Partner._fields.get(name)
            if (
                field
                and field.store
                and field.column_type
                and name not in PARTNER_COLUMNS
            ):
                contact_value = field.convert_to_column(
                    field.convert_to_write(
                        field.convert_to_cache(False, Partner), Partner
                    ),
                    Partner,
                )
                self.commercial.append((name, contact_value))
        self.partners_spec = TableSpec(
            env,
            'res.partner',
            PARTNER_COLUMNS,
            more=[name for name, _v in self.commercial],
        )
        self.leads_spec = TableSpec(env, 'crm.lead', LEAD_COLUMNS)
        self.activities_spec = TableSpec(env, 'mail.activity', ACTIVITY_COLUMNS)
        self.messages_spec = TableSpec(env, 'mail.message', MESSAGE_COLUMNS)
        self.followers_spec = TableSpec(
            env, 'mail.followers', FOLLOWER_COLUMNS, with_log=False
        )

    # partners ------------------------------------------------------------
    def partner_chunk(self, gen, start, stop, partner_ids):
        """Load partners ``start``..``stop``-1; ``partner_ids`` (index -> id)
        must hold the earlier ones, and is extended with these."""
        assert len(partner_ids) == start, 'partners are loaded in order'
        refs = self.refs
        ids = reserve_ids(self.cr, 'res_partner_id_seq', stop - start)
        partner_ids.extend(ids)
        rows = []
        country_of = {}
        for index, pid in zip(range(start, stop), ids):
            row = gen.partner(index)
            vals = partner_values(refs, row, partner_ids)
            country_of[pid] = vals['country_id']
            if row['parent'] is None:
                commercial, commercial_name = pid, (
                    row['name'] if row['is_company'] else None
                )
                commercial_country = vals['country_id']
            else:
                commercial, commercial_name = vals['parent_id'], row['parent_name']
                commercial_country = country_of.get(
                    vals['parent_id'], vals['country_id']
                )
            vals.update(
                id=pid,
                display_name=gen.partner_display_name(row),
                commercial_partner_id=commercial,
                commercial_company_name=commercial_name,
                commercial_partner_country_id=commercial_country,
                partner_share=True,
            )
            for name, contact_value in self.commercial:
                vals[name] = None if row['parent'] is None else contact_value
            vals.update(
                log_values(refs, row['creator'], row['create_date'], row['write_date'])
            )
            rows.append([vals[c] for c in self.partners_spec.generated])
        self.partners_spec.copy(self.cr, rows)
        self._notify_orm(
            [('res.partner', ids, self.partners_spec.written, PARTNER_COMPUTED)]
        )
        return ids

    # leads -----------------------------------------------------------------
    def lead_chunk(self, gen, rows, partner_ids, with_chatter=True, followers=True):
        """Load the generated lead ``rows`` (with their followers and, when
        ``with_chatter``, activities and messages). Returns (lead ids, counts)."""
        refs, cr = self.refs, self.cr
        ids = reserve_ids(cr, 'crm_lead_id_seq', len(rows))
        lead_rows, activity_rows, message_rows = [], [], []
        follower_rows, subtype_rows = [], []
        follower_ids = (
            reserve_ids(cr, 'mail_followers_id_seq', sum(1 for r in rows if r['user']))
            if followers
            else []
        )
        next_follower = iter(follower_ids)
        for row, lead_id in zip(rows, ids):
            activities, messages = _lead_extras(gen, row, with_chatter)
            vals = lead_values(refs, row, partner_ids)
            vals.update(
                id=lead_id,
                day_open=row['day_open'],
                day_close=row['day_close'],
                activity_date_deadline=min(
                    (a['date_deadline'] for a in activities), default=None
                ),
            )
            vals.update(
                log_values(refs, row['creator'], row['create_date'], row['write_date'])
            )
            lead_rows.append([vals[c] for c in self.leads_spec.generated])
            for act in activities:
                avals = activity_values(refs, act, lead_id, row['name'])
                avals.update(
                    log_values(
                        refs, act['creator'], act['create_date'], act['create_date']
                    )
                )
                activity_rows.append([avals[c] for c in self.activities_spec.generated])
            for msg in messages:
                mvals = message_values(refs, msg, lead_id, partner_ids)
                mvals.update(log_values(refs, msg['creator'], msg['date'], msg['date']))
                message_rows.append([mvals[c] for c in self.messages_spec.generated])
            if followers and row['user']:
                # the ORM subscribes the salesperson (auto-subscription on user_id)
                follower_id = next(next_follower)
                follower_rows.append(
                    (
                        follower_id,
                        'crm.lead',
                        lead_id,
                        refs.user_partner[row['user']],
                        None,
                    )
                )
                subtype_rows.extend(
                    (follower_id, s) for s in refs.lead_follower_subtypes
                )
        self.leads_spec.copy(cr, lead_rows)
        if follower_rows:
            self.followers_spec.copy(cr, follower_rows)
            copy_rows(
                cr,
                'mail_followers_mail_message_subtype_rel',
                ['mail_followers_id', 'mail_message_subtype_id'],
                subtype_rows,
            )
        if activity_rows:
            self.activities_spec.copy(cr, activity_rows)
        if message_rows:
            self.messages_spec.copy(cr, message_rows)
        self._notify_orm([('crm.lead', ids, self.leads_spec.written, LEAD_COMPUTED)])
        return ids, dict(
            leads=len(ids),
            activities=len(activity_rows),
            messages=len(message_rows),
            followers=len(follower_rows),
        )

    def _notify_orm(self, batches):
        """Tell the ORM which fields of which records were written, drop the
        stored computed fields computed here, recompute whatever else depends
        on them (fields of addons this loader does not know)."""
        env = self.env
        for model_name, ids, written, _computed in batches:
            env[model_name].browse(ids).modified(written)
        for model_name, ids, _written, computed in batches:
            records = env[model_name].browse(ids)
            for name in computed:
                if name in records._fields:
                    env.remove_todo(records._fields[name], records)
        if env.has_todo():
            env[batches[0][0]].recompute()
        env.cache.invalidate()


# -- ORM ---------------------------------------------------------------------------


def _orm(vals):
    """ORM values: datetimes as Odoo 11 strings, None as False."""
    result = {}
    for key, value in vals.items():
        if value is None:
            value = False
        elif isinstance(value, datetime.datetime):
            value = value.strftime('%Y-%m-%d %H:%M:%S')
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        result[key] = value
    return result


def set_log_columns(cr, table, rows):
    """rows: (id, create_uid, write_uid, create_date, write_date)."""
    if rows:
        execute_values(
            cr,
            """
            UPDATE "%s" AS t SET create_uid = v.cu, write_uid = v.wu,
                   create_date = v.cd::timestamp, write_date = v.wd::timestamp
              FROM (VALUES %%s) AS v(id, cu, wu, cd, wd) WHERE t.id = v.id""" % table,
            rows,
        )


# The context of ORM loading: no creation message, no tracking (the generator
# writes the chatter itself), followers as the ORM sets them (salesperson).
LEAD_CONTEXT = dict(
    mail_create_nolog=True, mail_create_nosubscribe=True, mail_notrack=True
)
PARTNER_CONTEXT = dict(tracking_disable=True)


class OrmLoader:
    """Loader through the ORM's create(), for small data sets and tests."""

    def __init__(self, env, refs):
        self.env = env
        self.refs = refs

    def partner_chunk(self, gen, start, stop, partner_ids):
        assert len(partner_ids) == start, 'partners are loaded in order'
        refs = self.refs
        Partner = self.env['res.partner'].with_context(**PARTNER_CONTEXT)
        log = []
        for index in range(start, stop):
            row = gen.partner(index)
            record = Partner.create(_orm(partner_values(refs, row, partner_ids)))
            partner_ids.append(record.id)
            log.append(
                self._log(
                    record.id, row['creator'], row['create_date'], row['write_date']
                )
            )
        set_log_columns(self.env.cr, 'res_partner', log)
        self.env.cache.invalidate()
        return partner_ids[start:stop]

    def _log(self, rid, creator, create_date, write_date):
        uid = self.refs.creator(creator)
        return (
            rid,
            uid,
            uid,
            create_date.strftime('%Y-%m-%d %H:%M:%S'),
            write_date.strftime('%Y-%m-%d %H:%M:%S'),
        )

    def create_leads(self, rows, partner_ids):
        """crm.lead.create() of each row, nothing else (the benchmark's ORM side)."""
        Lead = self.env['crm.lead'].with_context(**LEAD_CONTEXT)
        refs = self.refs
        return [
            Lead.create(_orm(lead_values(refs, row, partner_ids))).id for row in rows
        ]

    def lead_chunk(self, gen, rows, partner_ids, with_chatter=True, followers=True):
        env, refs, cr = self.env, self.refs, self.env.cr
        ids = self.create_leads(rows, partner_ids)
        Activity = env['mail.activity'].with_context(mail_activity_quick_update=True)
        Message = env['mail.message'].sudo()
        lead_log, activity_log, message_log = [], [], []
        for row, lead_id in zip(rows, ids):
            lead_log.append(
                self._log(
                    lead_id, row['creator'], row['create_date'], row['write_date']
                )
            )
            activities, messages = _lead_extras(gen, row, with_chatter)
            for act in activities:
                record = Activity.create(
                    _orm(activity_values(refs, act, lead_id, row['name']))
                )
                activity_log.append(
                    self._log(
                        record.id,
                        act['creator'],
                        act['create_date'],
                        act['create_date'],
                    )
                )
            for msg in messages:
                record = Message.create(
                    _orm(message_values(refs, msg, lead_id, partner_ids))
                )
                message_log.append(
                    self._log(record.id, msg['creator'], msg['date'], msg['date'])
                )
        # the generated history, then day_open/day_close from the real create_date
        set_log_columns(cr, 'crm_lead', lead_log)
        leads = env['crm.lead'].browse(ids)
        leads.invalidate_cache()
        for name in ('day_open', 'day_close'):
            env.add_todo(leads._fields[name], leads)
        leads.recompute()
        set_log_columns(cr, 'crm_lead', lead_log)  # recompute() wrote write_date
        set_log_columns(cr, 'mail_activity', activity_log)
        set_log_columns(cr, 'mail_message', message_log)
        env.cache.invalidate()
        return ids, dict(
            leads=len(ids),
            activities=len(activity_log),
            messages=len(message_log),
            followers=sum(1 for r in rows if r['user']) if followers else 0,
        )


# -- the whole data set ---------------------------------------------------------------


def load(
    env,
    gen,
    n_partners,
    n_leads,
    use_copy=False,
    chunk=None,
    on_chunk=None,
    with_chatter=True,
    log=None,
):
    """Generate and load ``n_partners`` partners and ``n_leads`` leads (with
    their chatter). ``on_chunk()`` runs after each chunk (the command line
    commits there). Returns the stats, also recorded in the database's
    ``datagen.runs`` parameter (see manifest())."""
    from .reference import ensure_reference_data

    started = time.time()
    refs = ensure_reference_data(env)
    loader = (CopyLoader if use_copy else OrmLoader)(env, refs)
    chunk = chunk or (20000 if use_copy else 500)
    say = log or (lambda message: None)
    partner_ids = []
    t0 = time.time()
    for start in range(0, n_partners, chunk):
        stop = min(n_partners, start + chunk)
        loader.partner_chunk(gen, start, stop, partner_ids)
        if on_chunk:
            on_chunk()
        say('partners %d/%d (%.1f s)' % (stop, n_partners, time.time() - t0))
    partners_seconds = time.time() - t0
    totals = dict(leads=0, activities=0, messages=0, followers=0)
    lead_ids = []
    t0 = time.time()
    for start in range(0, n_leads, chunk):
        stop = min(n_leads, start + chunk)
        rows = [gen.lead(i, n_partners) for i in range(start, stop)]
        ids, counts = loader.lead_chunk(
            gen, rows, partner_ids, with_chatter=with_chatter
        )
        lead_ids.extend(ids)
        for key, value in counts.items():
            totals[key] += value
        if on_chunk:
            on_chunk()
        say('leads %d/%d (%.1f s)' % (stop, n_leads, time.time() - t0))
    leads_seconds = time.time() - t0
    stats = dict(
        seed=gen.seed,
        today=gen.today.isoformat(),
        method='copy' if use_copy else 'orm',
        partners=dict(count=n_partners, ranges=id_ranges(partner_ids)),
        leads=dict(count=n_leads, ranges=id_ranges(lead_ids)),
        activities=totals['activities'],
        messages=totals['messages'],
        followers=totals['followers'],
        seconds=dict(
            partners=round(partners_seconds, 2),
            leads=round(leads_seconds, 2),
            total=round(time.time() - started, 2),
        ),
        loaded_at=datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M:%S'),
    )
    params = env['ir.config_parameter'].sudo()
    runs = json.loads(params.get_param('datagen.runs') or '[]')
    runs.append(stats)
    params.set_param('datagen.runs', json.dumps(runs))
    return stats


def id_ranges(ids):
    """[1, 2, 3, 7, 8] -> [[1, 3], [7, 8]]: the ids of a run, compactly."""
    ranges = []
    for rid in ids:
        if ranges and ranges[-1][1] == rid - 1:
            ranges[-1][1] = rid
        else:
            ranges.append([rid, rid])
    return ranges


def expand_ranges(ranges):
    ids = []
    for first, last in ranges:
        ids.extend(range(first, last + 1))
    return ids


def manifest(env):
    """The data sets loaded into this database (latest last): seed, sizes,
    id ranges of partners and leads (partner index i is the i-th id)."""
    return json.loads(
        env['ir.config_parameter'].sudo().get_param('datagen.runs') or '[]'
    )
