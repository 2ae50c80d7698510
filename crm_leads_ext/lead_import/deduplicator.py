# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Finding the duplicates of the rows of a prospect list: among the rows
already read (Python dictionaries) and among the existing leads and
contacts of the import's company (one query each per batch). A row
matches by email first, then by phone or mobile, then by company and
contact name together; each match says which."""
import collections

from psycopg2 import sql

# the phone of a lead or contact compared with a row's number in E.164:
# the same expression as the indexes created by crm.lead / res.partner
PHONE_KEY_SQL = "regexp_replace({col}, '[^0-9+]', '', 'g')"


# the address in an email column, lower case: the mail gateway's leads hold
# "Name <address>"
EMAIL_KEY_SQL = ("lower(substring({col} from "
                 "'[^<>[:space:]]+@[^<>[:space:]]+'))")

# the leads and contacts a row may match: those of the import's company and
# those of no company, which every company shares
OURS_SQL = "(company_id IS NULL OR company_id = %(company)s)"

# a company or contact name compared with a row's: lower case, runs of
# spaces as one (the Normaliser's key)
NAME_KEY_SQL = "lower(regexp_replace(btrim({col}), '\\s+', ' ', 'g'))"


def create_lookup_indexes(cr, table, email, names=None):
    """The indexes of the look-ups below on ``table``: its lower-cased
    ``email`` column, its phone and mobile keys and, with ``names`` (the
    company and contact columns), the pair of their keys. One query per
    batch of rows finds its duplicates through them."""
    expressions = [('email_key', EMAIL_KEY_SQL.format(col=email))]
    expressions += [('%s_key' % column, PHONE_KEY_SQL.format(col=column))
                    for column in ('phone', 'mobile')]
    if names:
        expressions.append(('name_pair_key', ', '.join(
            NAME_KEY_SQL.format(col=column) for column in names)))
    for suffix, expression in expressions:
        # the expressions are this module's constants
        cr.execute(sql.SQL('CREATE INDEX IF NOT EXISTS {} ON {} ({})').format(
            sql.Identifier('%s_%s_index' % (table, suffix)),
            sql.Identifier(table), sql.SQL(expression)))


class Target(object):
    """What a row's lead is, for the later rows that duplicate it: a lead
    waiting in the current batch (``values``) or written (``lead_id``)."""
    __slots__ = ('row', 'lead_id', 'values')

    def __init__(self, row, lead_id=None, values=None):
        self.row = row
        self.lead_id = lead_id
        self.values = values


# a lead or contact matching a row: ``model`` 'lead' or 'partner', its
# ``id``, the ``kind`` of key that matched ('emails', 'phones' or 'names')
# and whether it is ``active`` (a lead may be archived)
Match = collections.namedtuple('Match', 'model id kind active')


class Deduplicator(object):

    def __init__(self, env, company_id):
        """``company_id``: the company of the imported leads; the leads and
        contacts of other companies are not theirs to match."""
        self.cr = env.cr
        self.company_id = company_id
        self.emails = {}
        self.phones = {}
        self.names = {}

    def in_file(self, keys):
        """``keys``: the row's [(kind, key)] (Normaliser.row). (Target,
        kind of key) of an earlier row with the same email, phone or
        company and contact name, else (None, None)."""
        for kind, key in keys:
            target = getattr(self, kind).get(key)
            if target is not None:
                return target, kind
        return None, None

    def remember(self, keys, target):
        """Register a row's keys; returns what to pass to ``forget`` if its
        batch is rolled back."""
        added = []
        for kind, key in keys:
            index = getattr(self, kind)
            if key not in index:
                index[key] = target
                added.append((kind, key))
        return added

    def forget(self, added):
        for kind, key in added:
            getattr(self, kind).pop(key, None)

    def existing(self, rows_keys):
        """For each keys of ``rows_keys``, a Match or None: the oldest
        matching lead of the company or of none (archived ones too: a lost
        prospect is not new), else the oldest matching contact of the
        company or shared. Two queries."""
        wanted = {'emails': set(), 'phones': set(), 'names': set()}
        for keys in rows_keys:
            for kind, key in keys:
                wanted[kind].add(key)
        emails = sorted(wanted['emails'])
        phones = sorted(wanted['phones'])
        names = sorted(wanted['names'])
        result = [None] * len(rows_keys)
        if not (emails or phones or names):
            return result
        # the statistics of crm_lead predate the rows a large import adds:
        # once they are outnumbered the planner takes a (JIT-compiled) scan
        # of the whole table for these thousand index probes, slower at
        # every batch
        self.cr.execute("SET LOCAL enable_seqscan TO off")
        keys = {
            'email': EMAIL_KEY_SQL.format(col='email_from'),
            'phone': PHONE_KEY_SQL.format(col='phone'),
            'mobile': PHONE_KEY_SQL.format(col='mobile'),
            'company': NAME_KEY_SQL.format(col='partner_name'),
            'contact': NAME_KEY_SQL.format(col='contact_name'),
        }
        columns = ('id, active, {email}, {phone}, {mobile}, {company}, '
                   '{contact}').format(**keys)
        # one SELECT per key, each probing its index; company names repeat
        # across many leads, so company and contact are matched together
        # in SQL (a match on the company alone brought back a hundred
        # thousand rows per batch at a million leads)
        self.cr.execute("""
            SELECT {columns} FROM crm_lead WHERE {email} = ANY(%(emails)s)
               AND {ours}
            UNION
            SELECT {columns} FROM crm_lead WHERE {phone} = ANY(%(phones)s)
               AND {ours}
            UNION
            SELECT {columns} FROM crm_lead WHERE {mobile} = ANY(%(phones)s)
               AND {ours}
            UNION
            SELECT {columns} FROM crm_lead
              JOIN unnest(%(companies)s::text[], %(contacts)s::text[])
                   AS wanted(company, contact)
                ON {company} = wanted.company
               AND {contact} = wanted.contact
             WHERE {ours}""".format(
            columns=columns, ours=OURS_SQL, **keys),
            {'emails': emails, 'phones': phones,
             'companies': [name[0] for name in names],
             'contacts': [name[1] for name in names],
             'company': self.company_id})
        # sorted here: an ORDER BY id would let the planner walk the
        # primary key over the whole table instead of probing the indexes
        lead_rows = sorted(self.cr.fetchall(), reverse=True)
        self.cr.execute("SET LOCAL enable_seqscan TO DEFAULT")
        leads = {'emails': {}, 'phones': {}, 'names': {}}
        # descending order: the oldest lead wins the dictionary slot
        for lead_id, active, email, phone, mobile, company, contact in \
                lead_rows:
            if email:
                leads['emails'][email] = (lead_id, active)
            for number in (phone, mobile):
                if number:
                    leads['phones'][number] = (lead_id, active)
            if company and contact:
                leads['names'][(company, contact)] = (lead_id, active)
        partners = {'emails': {}, 'phones': {}}
        if emails or phones:
            self.cr.execute("""
                SELECT id, {email}, {phone}, {mobile}
                  FROM res_partner
                 WHERE active AND {ours}
                   AND ({email} = ANY(%(emails)s)
                    OR {phone} = ANY(%(phones)s)
                    OR {mobile} = ANY(%(phones)s))""".format(
                email=EMAIL_KEY_SQL.format(col='email'),
                phone=PHONE_KEY_SQL.format(col='phone'),
                mobile=PHONE_KEY_SQL.format(col='mobile'), ours=OURS_SQL),
                {'emails': emails, 'phones': phones,
                 'company': self.company_id})
            for partner_id, email, phone, mobile in sorted(
                    self.cr.fetchall(), reverse=True):
                if email:
                    partners['emails'][email] = partner_id
                for number in (phone, mobile):
                    if number:
                        partners['phones'][number] = partner_id
        for index, keys in enumerate(rows_keys):
            for kind, key in keys:
                if key in leads[kind]:
                    lead_id, active = leads[kind][key]
                    result[index] = Match('lead', lead_id, kind, active)
                    break
            if result[index] is None:
                for kind, key in keys:
                    if key in partners.get(kind, {}):
                        result[index] = Match(
                            'partner', partners[kind][key], kind, True)
                        break
        return result
