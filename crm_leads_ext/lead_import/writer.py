# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Writing a batch of leads in SQL: the ORM's crm.lead.create costs about
20 ms a lead (tracking, followers, read-backs, one INSERT each); a batch
of 1,000 rows here is one INSERT, one INSERT of tags and followers, then
the set-based hook ``crm.lead._post_import_create`` for what other addons
do on create."""
from psycopg2.extras import execute_values

from odoo import fields

# the columns of crm_lead a row of the file may fill
ROW_COLUMNS = ('name', 'contact_name', 'partner_name', 'email_from',
               'phone', 'mobile', 'function', 'street', 'street2', 'zip',
               'city', 'country_id', 'website', 'description',
               'date_deadline', 'planned_revenue', 'lang', 'referred',
               'partner_id')
# the columns the ORM sets on create from defaults and the wizard's choices
FIXED_COLUMNS = ('type', 'stage_id', 'probability', 'priority', 'active',
                 'color', 'message_bounce', 'company_id', 'team_id',
                 'user_id', 'campaign_id', 'source_id', 'medium_id',
                 'date_open', 'day_open', 'day_close', 'opt_out',
                 'date_last_stage_update', 'create_uid',
                 'create_date', 'write_uid', 'write_date')
# columns set by the writer itself, not recomputed after the INSERT
PRECOMPUTED_COLUMNS = ('date_open', 'day_open', 'day_close', 'create_date')
# what an update may change on an existing lead
UPDATE_COLUMNS = ROW_COLUMNS

INSERT_TAGS_SQL = """
    INSERT INTO crm_lead_tag_rel (lead_id, tag_id) VALUES %s
    ON CONFLICT DO NOTHING"""
INSERT_FOLLOWERS_SQL = """
    INSERT INTO mail_followers (res_model, res_id, partner_id) VALUES %s
    ON CONFLICT DO NOTHING RETURNING id"""
INSERT_SUBTYPES_SQL = """
    INSERT INTO mail_followers_mail_message_subtype_rel
        (mail_followers_id, mail_message_subtype_id) VALUES %s
    ON CONFLICT DO NOTHING"""


class LeadWriter(object):

    def __init__(self, env, team, company, user, utm, tags):
        """``company``: the company of the new leads; ``utm``:
        {'campaign_id', 'source_id', 'medium_id'} ids (or False); ``tags``:
        crm.lead.tag ids."""
        self.env = env
        self.cr = env.cr
        self.tag_ids = list(tags)
        self.user = user
        Lead = env['crm.lead']
        stage = Lead._stage_find(team_id=team.id,
                                 domain=[('fold', '=', False)])
        now = fields.Datetime.now()
        lead_type = 'lead' if env.user.has_group('crm.group_use_lead') \
            else 'opportunity'
        self.fixed = {
            'type': lead_type,
            'stage_id': stage.id or None,
            'probability': stage.probability if stage else 0.0,
            'priority': '0',
            'active': True,
            'color': 0,
            'message_bounce': 0,
            'company_id': company.id,
            'team_id': team.id or None,
            'user_id': user.id or None,
            'campaign_id': utm.get('campaign_id') or None,
            'source_id': utm.get('source_id') or None,
            'medium_id': utm.get('medium_id') or None,
            # crm's defaults: assigned "now" whoever the salesperson, so
            # the stored computed day_open is 0 (set here rather than
            # recomputed with an UPDATE of every row)
            'date_open': now,
            'day_open': 0.0,
            # as create() stores them (test_lead_import_vs_create): 0 days
            # to close while not closed, an unticked box False, not NULL
            'day_close': 0.0,
            'opt_out': False,
            'date_last_stage_update': now,
            'create_uid': env.uid, 'create_date': now,
            'write_uid': env.uid, 'write_date': now,
        }
        if user:
            subtypes = env['mail.message.subtype'].default_subtypes(
                'crm.lead')[0]
            self.follower_subtype_ids = subtypes.ids
        self.now = now

    def insert(self, rows, extra_columns=()):
        """Insert ``rows`` (list of {column: value}); returns the new ids in
        the same order. ``extra_columns``: stored computed columns the
        rows carry (crm.lead._prepare_import_rows)."""
        if not rows:
            return []
        row_columns = ROW_COLUMNS + tuple(extra_columns)
        columns = row_columns + FIXED_COLUMNS
        fixed = tuple(self.fixed[col] for col in FIXED_COLUMNS)
        values = [tuple(row.get(col) for col in row_columns) + fixed
                  for row in rows]
        # columns are constants of this module, every value a parameter
        query = 'INSERT INTO crm_lead (%s) VALUES %%s RETURNING id' % (
            ', '.join('"%s"' % col for col in columns))
        ids = [row[0] for row in execute_values(
            self.cr, query, values, page_size=len(values), fetch=True)]
        self._add_tags(ids)
        if self.user:
            self._add_followers(ids, self.user.partner_id.id)
        return ids

    def _add_tags(self, lead_ids):
        if self.tag_ids:
            execute_values(
                self.cr, INSERT_TAGS_SQL,
                [(lead_id, tag_id) for lead_id in lead_ids
                 for tag_id in self.tag_ids], page_size=10000)

    def _add_followers(self, lead_ids, partner_id):
        """The salesperson follows the leads, with the default subtypes, as
        the ORM's auto-subscription of ``user_id`` does (without the
        assignment e-mail per lead)."""
        follower_ids = [row[0] for row in execute_values(
            self.cr, INSERT_FOLLOWERS_SQL,
            [('crm.lead', lead_id, partner_id) for lead_id in lead_ids],
            page_size=len(lead_ids), fetch=True)]
        if follower_ids and self.follower_subtype_ids:
            execute_values(
                self.cr, INSERT_SUBTYPES_SQL,
                [(fid, sid) for fid in follower_ids
                 for sid in self.follower_subtype_ids], page_size=10000)

    def update_leads(self, updates):
        """``updates``: {lead id: {column: value}}. Imported values replace
        the lead's, empty cells keep them; the campaign, source and medium
        are set where the lead has none; the tags are added. The team and
        salesperson of a lead already being worked on are kept."""
        if not updates:
            return []
        ids = list(updates)
        values = [(lead_id,) + tuple(updates[lead_id].get(col)
                                     for col in UPDATE_COLUMNS)
                  for lead_id in ids]
        assignments = ', '.join(
            '"{col}" = COALESCE(v."{col}", l."{col}")'.format(col=col)
            for col in UPDATE_COLUMNS)
        casts = {'country_id': 'int', 'partner_id': 'int',
                 'planned_revenue': 'float8', 'date_deadline': 'date',
                 'description': 'text'}
        # typed NULLs: a VALUES list of NULLs alone has no column type
        template = '(%s::int, ' + ', '.join(
            '%%s::%s' % casts.get(col, 'varchar')
            for col in UPDATE_COLUMNS) + ')'
        # column names are constants of this module, values parameters
        execute_values(self.cr, """
            UPDATE crm_lead l SET {assign}
              FROM (VALUES %s) AS v (id, {cols})
             WHERE l.id = v.id""".format(
            assign=assignments,
            cols=', '.join('"%s"' % col for col in UPDATE_COLUMNS)),
            values, template=template, page_size=len(values))
        self.cr.execute("""
            UPDATE crm_lead
               SET campaign_id = COALESCE(campaign_id, %(campaign)s),
                   source_id = COALESCE(source_id, %(source)s),
                   medium_id = COALESCE(medium_id, %(medium)s),
                   write_uid = %(uid)s, write_date = %(now)s
             WHERE id IN %(ids)s""", {
            'campaign': self.fixed['campaign_id'],
            'source': self.fixed['source_id'],
            'medium': self.fixed['medium_id'],
            'uid': self.env.uid, 'now': self.now, 'ids': tuple(ids)})
        self._add_tags(ids)
        return ids
