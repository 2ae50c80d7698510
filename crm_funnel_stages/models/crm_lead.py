# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import json

from lxml import etree

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, \
    ValidationError
from odoo.osv.expression import normalize_domain


class CrmLead(models.Model):
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.stage.labels.mixin']
    _stage_label_fields = ('stage_id',)

    criterion_check_ids = fields.One2many(
        'crm.lead.criterion.check', 'lead_id', string='Criteria Checklist')
    stage_history_ids = fields.One2many(
        'crm.lead.stage.history', 'lead_id', string='Stage History')
    current_criterion_check_ids = fields.One2many(
        'crm.lead.criterion.check', 'lead_id', string='Exit Criteria',
        domain=[('is_current', '=', True)],
        help="What must be confirmed before the lead leaves its stage "
             "forward.")
    team_stage_ids = fields.Many2many(
        'crm.stage', compute='_compute_team_stage_ids',
        string='Stages of the Team',
        help="Technical: the stages the lead's team works with "
             "(crm.team._stage_domain), which the form's stage bar offers.")
    stage_required_fields = fields.Char(
        compute='_compute_stage_required_fields',
        help="Technical: the fields the current stage requires, as "
             "',name,name,' (',' when none) so that view attrs can test "
             "them with ilike.")

    @api.depends('team_id')
    def _compute_team_stage_ids(self):
        Stage = self.env['crm.stage']
        stages = {}
        for lead in self:
            team = lead.team_id
            if team.id not in stages:
                stages[team.id] = Stage.search(
                    team._stage_domain() if team
                    else [('team_id', '=', False)])
            lead.team_stage_ids = stages[team.id]

    @api.depends('stage_id', 'team_id')
    def _compute_stage_required_fields(self):
        # never False: the web client's ilike calls indexOf on the value,
        # and a form whose lead requires nothing must open too
        required = self._stage_required_field_names()
        for lead in self:
            lead.stage_required_fields = ','.join(
                [''] + sorted(required.get(lead.id, ())) + [''])

    @api.multi
    def _stage_required_field_names(self):
        """Map each lead id to the field names its stage requires.

        A stage's required fields hold for that stage and every later one
        the lead's team sees, so the union is taken over the stages up to
        the lead's stage. One search for all the leads.
        """
        leads = self.filtered('stage_id')
        if not leads:
            return {}
        stages = self.env['crm.stage'].search(
            [('required_field_ids', '!=', False)])
        result = {}
        for lead in leads:
            key = lead.stage_id._funnel_key()
            names = set()
            for stage in stages:
                if stage.team_id and stage.team_id != lead.team_id:
                    continue
                if stage._funnel_key() <= key:
                    names.update(stage.required_field_ids.mapped('name'))
            result[lead.id] = names
        return result

    @api.multi
    def _check_stage_required_fields(self):
        required = self._stage_required_field_names()
        all_names = set()
        for names in required.values():
            all_names.update(names)
        if not all_names:
            return
        labels = self.fields_get(list(all_names), ['string'])
        problems = []
        for lead in self:
            missing = [name for name in sorted(required.get(lead.id, ()))
                       if name in self._fields and not lead[name]]
            if missing:
                problems.append(_('%(lead)s (stage %(stage)s): %(what)s') % {
                    'lead': lead.name, 'stage': lead.stage_id.name,
                    'what': ', '.join(
                        labels[name]['string'] for name in missing)})
        if problems:
            raise ValidationError(
                _("These fields must be set for the stage the lead is "
                  "in:\n%s") % '\n'.join(problems))

    @api.multi
    def _missing_exit_criteria(self, new_stage):
        """Map the leads that would leave their stage forward to
        new_stage to the required criteria of their stage they have not
        checked. Two queries for all the leads."""
        key = new_stage._funnel_key()
        leaving = self.filtered(
            lambda lead: lead.stage_id and lead.stage_id != new_stage
            and lead.stage_id._funnel_key() < key)
        if not leaving:
            return {}
        criteria = self.env['crm.stage.criterion'].search([
            ('stage_id', 'in', leaving.mapped('stage_id').ids),
            ('required', '=', True)])
        if not criteria:
            return {}
        done = self.env['crm.lead.criterion.check'].search_read([
            ('lead_id', 'in', leaving.ids),
            ('criterion_id', 'in', criteria.ids),
            ('done', '=', True)], ['lead_id', 'criterion_id'])
        done_pairs = {(row['lead_id'][0], row['criterion_id'][0])
                      for row in done}
        missing = {}
        for lead in leaving:
            unchecked = criteria.filtered(
                lambda crit: crit.stage_id == lead.stage_id
                and (lead.id, crit.id) not in done_pairs)
            if unchecked:
                missing[lead] = unchecked
        return missing

    @api.multi
    def _check_exit_criteria(self, new_stage):
        """Refuse a forward move past unchecked required criteria, unless
        the user is a funnel manager: then the override is posted in the
        lead's chatter."""
        missing = self._missing_exit_criteria(new_stage)
        if not missing:
            return
        if not self.env.user.has_group(
                'crm_funnel_stages.group_funnel_manager'):
            # translated here: _() finds the user's language in the
            # caller's frame, which a generator expression is not
            line = _('%(lead)s (stage %(stage)s): %(what)s')
            raise UserError(_(
                "These leads cannot move forward to %(stage)s until the "
                "criteria of their stage are checked:\n%(what)s") % {
                'stage': new_stage.name, 'what': '\n'.join(
                    line % {
                        'lead': lead.name, 'stage': lead.stage_id.name,
                        'what': ', '.join(crits.mapped('name'))}
                    for lead, crits in missing.items())})
        for lead, crits in missing.items():
            lead.message_post(body=_(
                "%(user)s moved this lead from %(from)s to %(to)s without "
                "these criteria checked: %(what)s") % {
                'user': self.env.user.name, 'from': lead.stage_id.name,
                'to': new_stage.name,
                'what': ', '.join(crits.mapped('name'))})

    @api.multi
    def _enter_stage(self, previous, now):
        """Record the stage change of these leads and prepare the checklist
        of their new stage, in one statement each whatever the number of
        leads.

        previous maps a lead id to (stage left, date it entered that stage);
        now is the date of the change."""
        if not self:
            return
        cr = self.env.cr
        ids = self.ids
        cr.execute("""
            INSERT INTO crm_lead_stage_history (
                lead_id, team_id, stage_from_id, stage_to_id, user_id, date,
                days_in_stage, forward,
                create_uid, create_date, write_uid, write_date)
            SELECT l.id, l.team_id, prev.stage_id, l.stage_id, %(uid)s,
                   %(now)s,
                   EXTRACT(EPOCH FROM (%(now)s::timestamp - prev.entered))
                       / 86400.0,
                   sf.id IS NULL OR (st.sequence, st.id) > (sf.sequence, sf.id),
                   %(uid)s, %(now)s, %(uid)s, %(now)s
            FROM unnest(%(ids)s::int[], %(froms)s::int[],
                        %(entered)s::timestamp[])
                AS prev(lead_id, stage_id, entered)
            JOIN crm_lead l ON l.id = prev.lead_id
            JOIN crm_stage st ON st.id = l.stage_id
            LEFT JOIN crm_stage sf ON sf.id = prev.stage_id
        """, {
            'uid': self.env.uid, 'now': now, 'ids': ids,
            'froms': [previous.get(i, (None, None))[0] for i in ids],
            'entered': [previous.get(i, (None, None))[1] for i in ids],
        })
        self.env['crm.lead.criterion.check']._add_current(self, now)
        # the rows of the stage left stay (their checks are kept if the lead
        # comes back) but leave the form's checklist
        cr.execute("""
            UPDATE crm_lead_criterion_check c
            SET is_current = (c.stage_id IS NOT DISTINCT FROM l.stage_id)
            FROM crm_lead l
            WHERE l.id = c.lead_id AND c.lead_id IN %s
        """, (tuple(ids),))
        self.env['crm.lead.stage.history'].invalidate_cache()
        self.env['crm.lead.criterion.check'].invalidate_cache()
        self.invalidate_cache(
            ['criterion_check_ids', 'current_criterion_check_ids',
             'stage_history_ids'], ids)

    @api.model
    def _check_leads_writable(self, lead_ids):
        """Refuse unless the user may change every lead of ``lead_ids``
        (False skipped), with one error whether a lead is out of the user's
        reach or does not exist at all: the answer tells nothing about
        leads the user cannot see.

        The rows linked to a lead (its checklist, its stage history) call
        it with the leads they are on and the lead they move to, before
        anything is written: record rules are checked before a write, not
        after it, and a missing lead or a row the lead already has would
        otherwise answer with a database error of its own."""
        ids = [lead_id for lead_id in lead_ids
               if lead_id is not False and lead_id is not None]
        if not ids:
            return
        # an id only (no True, no text): anything else is no lead either
        allowed = all(type(lead_id) is int for lead_id in ids)
        if allowed:
            leads = self.browse(set(ids))
            try:
                leads.check_access_rights('write')
                leads.check_access_rule('write')
                allowed = len(leads.exists()) == len(leads)
            except (AccessError, MissingError):
                allowed = False
        if not allowed:
            raise AccessError(_(
                "The lead does not exist or you are not allowed to change "
                "it."))

    @api.model
    def create(self, vals):
        self.check_access_rights('create')
        if vals.get('stage_id') and 'probability' not in vals:
            # a lead created in a stage gets the stage's probability, as a
            # lead moved into it does
            vals = dict(vals)
            vals.update(self._onchange_stage_id_values(vals['stage_id']))
        lead = super(CrmLead, self).create(vals)
        if lead.stage_id:
            lead._enter_stage({}, lead.date_last_stage_update)
        lead._check_stage_required_fields()
        return lead

    @api.multi
    def write(self, vals):
        if 'stage_id' not in vals:
            result = super(CrmLead, self).write(vals)
            if set(vals) & self._all_stage_required_field_names():
                self._check_stage_required_fields()
            return result
        # the gate below may post in the chatter: the rights first
        self.check_access_rights('write')
        self.check_access_rule('write')
        new_stage = self.env['crm.stage'].browse(vals['stage_id'])
        staying = self.filtered(lambda lead: lead.stage_id == new_stage)
        moving = self - staying
        if staying:
            # writing the stage a lead already is in changes nothing: its
            # hand-typed probability and its date in the stage are kept
            same = dict(vals)
            del same['stage_id']
            if same:
                super(CrmLead, staying).write(same)
        if staying and set(vals) & self._all_stage_required_field_names():
            staying._check_stage_required_fields()
        if not moving:
            return True
        if new_stage:
            moving._check_exit_criteria(new_stage)
        previous = {lead.id: (lead.stage_id.id or None,
                              lead.date_last_stage_update)
                    for lead in moving}
        now = fields.Datetime.now()
        vals = dict(vals, date_last_stage_update=now)
        result = super(CrmLead, moving).write(vals)
        moving.filtered('stage_id')._enter_stage(previous, now)
        moving._check_stage_required_fields()
        return result

    @api.model
    def fields_view_get(self, view_id=None, view_type='form', toolbar=False,
                        submenu=False):
        self.check_access_rights('read')
        result = super(CrmLead, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar,
            submenu=submenu)
        if view_type == 'form' and 'stage_required_fields' in result['fields']:
            names = self._all_stage_required_field_names()
            if names:
                result['arch'] = self._require_stage_fields(
                    result['arch'], names)
        return result

    @api.model
    def _require_stage_fields(self, arch, names):
        """Show the form's fields that some stage requires as required
        while the lead's stage requires them: whichever fields consultants
        choose, no view has to name them."""
        doc = etree.fromstring(arch)
        # the lead's own fields, not those of the lines of a one2many
        for node in doc.xpath('//field[not(ancestor::field)]'):
            name = node.get('name')
            if name not in names:
                continue
            modifiers = json.loads(node.get('modifiers') or '{}')
            required = modifiers.get('required', False)
            if required is True:
                continue
            # the web client's ilike calls indexOf on the value: it is
            # tested only once known to be a string (a new lead's form holds
            # null until its first onchange answers, and still renders if
            # that fails)
            condition = [
                '&', ['stage_required_fields', 'not in', [False, None]],
                ['stage_required_fields', 'ilike', ',%s,' % name]]
            modifiers['required'] = (
                ['|'] + normalize_domain(required) + condition
                if required else condition)
            node.set('modifiers', json.dumps(modifiers))
        return etree.tostring(doc, encoding='unicode')

    @api.model
    def _all_stage_required_field_names(self):
        return set(self.env['crm.stage'].search(
            [('required_field_ids', '!=', False)]
        ).mapped('required_field_ids.name'))

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        """The pipeline's columns: the stages of the team in the context as
        crm.team._stage_domain gives them (a team with stages of its own
        sees the shared ones only when it asks), and every stage holding
        one of the opportunities shown."""
        team_id = self._context.get('default_team_id')
        if type(team_id) is not int:
            return super(CrmLead, self)._read_group_stage_ids(
                stages, domain, order)
        team = self.env['crm.team'].browse(team_id).exists()
        if not team:
            return super(CrmLead, self)._read_group_stage_ids(
                stages, domain, order)
        # as crm does: the stages are read as superuser, in their order
        stage_ids = stages._search(
            ['|', ('id', 'in', stages.ids)] + team._stage_domain(),
            order=order, access_rights_uid=SUPERUSER_ID)
        return stages.browse(stage_ids)

    @api.model
    def get_funnel_filters(self):
        """What the sales funnel offers to filter on, and where it opens.

        Returns::

            {'user_id', 'team_id',
             'users': [{'id', 'name'}, ...],
             'teams': [{'id', 'name', 'funnel_chart'}, ...]}

        ``users`` are the salespeople of the opportunities the user may
        read (the record rules decide: a salesperson finds themselves, a
        team leader their team, a manager everyone), and the user; ``teams``
        the sales teams they may read; both ordered by name. A manager (see
        crm.team._managed_team) opens on their team, every salesperson of
        it (``user_id`` False); a salesperson on their own opportunities in
        their default team.
        """
        self.check_access_rights('read')
        user = self.env.user
        Team = self.env['crm.team']
        managed = Team._managed_team()
        groups = self.with_context(active_test=False).read_group(
            [('type', '=', 'opportunity'), ('user_id', '!=', False)],
            ['user_id'], ['user_id'])
        users = {group['user_id'][0]: group['user_id'][1]
                 for group in groups}
        users[user.id] = user.name
        teams = Team.search([])
        return {
            'user_id': False if managed else user.id,
            'team_id': (managed or user.sale_team_id).id or False,
            'users': sorted(
                [{'id': user_id, 'name': name}
                 for user_id, name in users.items()],
                key=lambda entry: entry['name']),
            'teams': [{'id': team.id, 'name': team.name,
                       'funnel_chart': team.funnel_chart}
                      for team in teams],
        }

    @api.model
    def get_funnel_data(self, domain, group_by=None):
        """Figures of the sales funnel for the opportunities matching
        ``domain`` (the caller's salesperson, team and period filters), read
        under the user's access rights and record rules, in one SQL query.

        Won: active, in a stage of probability 100. Lost: archived with
        probability 0, as Odoo's "Mark Lost" leaves it, or active in a
        lost stage, folded with probability 0 (the Sage "Sale Lost" stage):
        archived opportunities are read for this. Open: any other active
        one; other archived ones are not counted at all.

        Returns::

            {'stages': [{'stage_id', 'name', 'label', 'sequence', 'state',
                         'count', 'expected_revenue', 'weighted_revenue'},
                        ...],
             'totals': {'open_count', 'expected_revenue', 'weighted_revenue',
                        'won_count', 'won_revenue', 'lost_count',
                        'lost_revenue', 'success_rate',
                        'average_won_revenue', 'sales_cycle_days',
                        'pipeline_velocity'},
             'users': [{'user_id', 'name', 'stages': [...],
                        'totals': {...}}, ...]}

        ``stages`` lists, in stage order, the stages holding a counted
        opportunity and the stages of their sales teams
        (crm.team._stage_domain); ``label`` is the stage's name, followed by
        its team (or "all teams") when another listed stage has the same
        name; ``state`` is ``'won'``, ``'lost'`` or ``'open'`` for the
        opportunities of the stage. ``count`` and the revenues of a stage are
        over its active opportunities and, in a lost stage, its archived
        lost ones. ``totals`` are over open opportunities, but for
        ``won_*`` and ``lost_*`` (count and expected revenue of the won and
        of the lost ones, whatever their stage); ``success_rate`` is
        won / (won + lost) in percent, rounded to 2 decimals (0.0 when
        there is neither). ``average_won_revenue`` is the mean expected
        revenue of the won ones; ``sales_cycle_days`` the mean days from
        their assignment to a salesperson (else their creation) to their
        closing (over those at probability 100, as Odoo's "won" leaves
        them); ``pipeline_velocity`` the revenue
        per day the open pipeline should bring: open count x average won
        revenue x won / (won + lost) / sales cycle days (0.0 without a won
        one). Weighted revenue is expected revenue x
        probability / 100. ``users`` is filled only when ``group_by`` is
        ``'user_id'``, ordered by name, ``user_id`` False for opportunities
        nobody is assigned to; each entry has the same ``stages`` and
        ``totals`` as above, restricted to that salesperson.
        """
        self.check_access_rights('read')
        if group_by not in (None, False, 'user_id'):
            raise UserError(_(
                "The sales funnel can only be broken down by salesperson."))
        # Lost opportunities are archived: they must be read too.
        leads = self.with_context(active_test=False)
        query = leads._where_calc(
            [('type', '=', 'opportunity')] + list(domain or []))
        leads._apply_ir_rules(query, 'read')
        from_clause, where_clause, params = query.get_sql()
        # from_clause and where_clause are built by the ORM; every value is
        # in params. Archived opportunities are lost ones (probability 0) or
        # not counted at all. Grouped on plain columns only: PostgreSQL then
        # aggregates in parallel, in a hash table, as fast as read_group;
        # whether a group is won, lost or open is decided from its stage
        # below. The sales cycle is a sum of intervals (converted once per
        # group) over the opportunities closed at 100 % (every won one, as
        # Odoo's "won" sets that probability).
        self.env.cr.execute("""
            SELECT "crm_lead".stage_id, "crm_lead".user_id,
                   "crm_lead".team_id, "crm_lead".active,
                   COUNT(*),
                   COALESCE(SUM("crm_lead".planned_revenue), 0),
                   COALESCE(SUM("crm_lead".planned_revenue
                                * "crm_lead".probability), 0) / 100.0,
                   COUNT(*) FILTER (WHERE "crm_lead".probability >= 100),
                   EXTRACT(EPOCH FROM SUM(GREATEST(
                       COALESCE("crm_lead".date_closed,
                                "crm_lead".date_last_stage_update)
                       - COALESCE("crm_lead".date_open,
                                  "crm_lead".create_date),
                       INTERVAL '0'))
                       FILTER (WHERE "crm_lead".probability >= 100))
                       / 86400.0
              FROM {from_clause}
             WHERE ({where_clause})
               AND ("crm_lead".active
                    OR COALESCE("crm_lead".probability, 0) = 0)
             GROUP BY 1, 2, 3, 4
        """.format(from_clause=from_clause,  # pylint: disable=sql-injection
                   where_clause=where_clause), params)
        groups = self.env.cr.fetchall()
        Stage = self.env['crm.stage']
        held = Stage.browse({row[0] for row in groups if row[0]})
        # won / lost of each stage, read once
        closing = {stage.id: (stage.probability == 100,
                              stage.fold and stage.probability == 0)
                   for stage in held}

        def outcome(stage_id, active):
            """'won', 'lost' or 'open', as the docstring above defines
            them."""
            if not active:
                return 'lost'
            won, lost = closing.get(stage_id, (False, False))
            return 'won' if won else 'lost' if lost else 'open'

        def in_stage(stage_id, active):
            """Whether the opportunities of a group count in their stage:
            the active ones, and the archived ones of a lost stage."""
            return stage_id and (
                active or closing.get(stage_id, (False, False))[1])

        teams = self.env['crm.team'].browse(
            {row[2] for row in groups if row[2]})
        stages = Stage.search(
            ['|', ('id', 'in', [row[0] for row in groups
                                if in_stage(row[0], row[3])])]
            + teams._stage_domain())
        closing.update(
            (stage.id, (stage.probability == 100,
                        stage.fold and stage.probability == 0))
            for stage in stages - held)
        labels = stages._team_labels()

        rows = [(stage_id, user_id, team_id, outcome(stage_id, active),
                 in_stage(stage_id, active), count, revenue, weighted,
                 cycle_count, float(cycle_days or 0.0))
                for stage_id, user_id, team_id, active, count, revenue,
                weighted, cycle_count, cycle_days in groups]

        def figures(selected):
            per_stage = {}
            totals = {'open_count': 0, 'expected_revenue': 0.0,
                      'weighted_revenue': 0.0, 'won_count': 0,
                      'won_revenue': 0.0, 'lost_count': 0,
                      'lost_revenue': 0.0}
            won_days = 0.0
            cycles = 0
            for stage_id, _user, _team, state, counted, count, revenue, \
                    weighted, cycle_count, cycle_days in selected:
                if counted:
                    figure = per_stage.setdefault(stage_id, [0, 0.0, 0.0])
                    figure[0] += count
                    figure[1] += revenue
                    figure[2] += weighted
                if state == 'open':
                    totals['open_count'] += count
                    totals['expected_revenue'] += revenue
                    totals['weighted_revenue'] += weighted
                else:
                    totals[state + '_count'] += count
                    totals[state + '_revenue'] += revenue
                if state == 'won':
                    won_days += cycle_days
                    cycles += cycle_count
            won = totals['won_count']
            won_revenue = totals['won_revenue']
            closed = won + totals['lost_count']
            totals['success_rate'] = round(
                100.0 * won / closed, 2) if closed else 0.0
            totals['average_won_revenue'] = round(
                won_revenue / won, 2) if won else 0.0
            cycle = won_days / cycles if cycles else 0.0
            totals['sales_cycle_days'] = round(cycle, 2)
            # revenue per day the open pipeline is expected to bring: open
            # deals x average won deal x success rate / days a won deal takes
            totals['pipeline_velocity'] = round(
                totals['open_count'] * (won_revenue / won)
                * (float(won) / closed) / cycle, 2) if cycle > 0 else 0.0
            for key in ('expected_revenue', 'weighted_revenue',
                        'won_revenue', 'lost_revenue'):
                totals[key] = round(totals[key], 2)
            return [{
                'stage_id': stage.id,
                'name': stage.name,
                'label': labels[stage.id],
                'sequence': stage.sequence,
                'state': outcome(stage.id, True),
                'count': per_stage.get(stage.id, [0])[0],
                'expected_revenue': round(
                    per_stage.get(stage.id, [0, 0.0])[1], 2),
                'weighted_revenue': round(
                    per_stage.get(stage.id, [0, 0.0, 0.0])[2], 2),
            } for stage in stages], totals

        result_stages, result_totals = figures(rows)
        users = []
        if group_by == 'user_id':
            user_ids = {row[1] for row in rows}
            names = {user.id: user.name for user in
                     self.env['res.users'].browse(
                         [uid for uid in user_ids if uid])}
            for user_id in user_ids:
                user_stages, user_totals = figures(
                    [row for row in rows if row[1] == user_id])
                users.append({
                    'user_id': user_id or False,
                    'name': names.get(user_id) or _("Unassigned"),
                    'stages': user_stages,
                    'totals': user_totals,
                })
            users.sort(key=lambda entry: entry['name'])
        return {'stages': result_stages, 'totals': result_totals,
                'users': users}
