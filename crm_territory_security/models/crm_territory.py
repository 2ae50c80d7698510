# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.osv import expression

from odoo.addons.crm_safe_domain.safe_domain import SafeDomainError


class CrmTerritory(models.Model):
    """A sales territory: a node of a tree, its salespeople and manager, and
    the rules that match leads and partners to it by their address.

    ``access_user_ids`` (salespeople of the territory, plus the managers of
    it and of every ancestor) and ``manager_user_ids`` (managers of it and of
    every ancestor) are stored: the record rules read them in SQL, so that
    leaving a territory removes access at once, with no cached id list."""

    _name = 'crm.territory'
    _inherit = ['crm.safe.domain.mixin', 'crm.company.check.mixin']
    _description = 'Sales Territory'
    _parent_store = True
    _parent_order = 'priority desc, name'
    _order = 'parent_left'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    complete_name = fields.Char(
        compute='_compute_complete_name', store=True)
    active = fields.Boolean(default=True)
    parent_id = fields.Many2one(
        'crm.territory', string='Parent Territory', index=True,
        ondelete='restrict')
    child_ids = fields.One2many(
        'crm.territory', 'parent_id', string='Sub-territories')
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    manager_id = fields.Many2one(
        'res.users', string='Manager',
        help="Sees every lead, opportunity and forecast of this territory "
             "and of its sub-territories.")
    user_ids = fields.Many2many(
        'res.users', 'crm_territory_res_users_rel', 'territory_id',
        'user_id', string='Salespeople',
        help="See and edit the leads and opportunities of this territory.")
    manager_user_ids = fields.Many2many(
        'res.users', 'crm_territory_manager_access_rel', 'territory_id',
        'user_id', string='Managers (with ancestors)',
        compute='_compute_manager_user_ids', store=True, readonly=True)
    access_user_ids = fields.Many2many(
        'res.users', 'crm_territory_access_rel', 'territory_id', 'user_id',
        string='Users with access',
        compute='_compute_access_user_ids', store=True, readonly=True)
    company_id = fields.Many2one(
        'res.company', index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'crm.territory'))
    priority = fields.Integer(
        default=10,
        help="When several territories match an address, the highest "
             "priority wins; between equal priorities, the deepest "
             "territory, then the one with more matching rules.")
    country_ids = fields.Many2many('res.country', string='Countries')
    state_ids = fields.Many2many(
        'res.country.state', string='States / Provinces')
    zip_range_ids = fields.One2many(
        'crm.territory.zip.range', 'territory_id', string='Zip Ranges')
    city_names = fields.Char(
        string='Cities',
        help="Comma-separated city names, compared without case.")
    category_ids = fields.Many2many(
        'res.partner.category', string='Partner Tags')
    domain = fields.Char(
        help="An optional extra domain the lead (or partner) must match, "
             "e.g. [('team_id.name', '=', 'Direct Sales')]. Fields missing "
             "on partners make the territory match leads only.")
    assign_user = fields.Selection([
        ('none', 'No'),
        ('round_robin', 'Round-robin among its salespeople'),
    ], string='Assign Salesperson', default='none', required=True,
        help="When a lead without salesperson is assigned to this "
             "territory, give it a salesperson: its only one, or each in "
             "turn.")
    lead_count = fields.Integer(compute='_compute_lead_count')

    _sql_constraints = [
        ('code_company_uniq', 'unique (code, company_id)',
         'The territory code must be unique per company.'),
    ]

    @api.depends('name', 'parent_id.complete_name')
    def _compute_complete_name(self):
        for territory in self:
            if territory.parent_id:
                territory.complete_name = '%s / %s' % (
                    territory.parent_id.complete_name, territory.name)
            else:
                territory.complete_name = territory.name

    @api.depends('manager_id', 'parent_id.manager_user_ids')
    def _compute_manager_user_ids(self):
        for territory in self:
            territory.manager_user_ids = (
                territory.manager_id | territory.parent_id.manager_user_ids)

    @api.depends('user_ids', 'manager_user_ids')
    def _compute_access_user_ids(self):
        for territory in self:
            territory.access_user_ids = (
                territory.user_ids | territory.manager_user_ids)

    @api.multi
    def _compute_lead_count(self):
        data = self.env['crm.lead'].read_group(
            [('territory_id', 'in', self.ids)], ['territory_id'],
            ['territory_id'])
        counts = {row['territory_id'][0]: row['territory_id_count']
                  for row in data}
        for territory in self:
            territory.lead_count = counts.get(territory.id, 0)

    @api.multi
    def name_get(self):
        return [(territory.id, territory.complete_name or territory.name)
                for territory in self]

    @api.model
    def name_search(self, name='', args=None, operator='ilike', limit=100):
        args = list(args or [])
        if name:
            args = expression.AND([args, [
                '|', '|', ('name', operator, name), ('code', operator, name),
                ('complete_name', operator, name)]])
        return self.search(args, limit=limit).name_get()

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_(
                "A territory cannot be its own ancestor: choose another "
                "parent territory."))

    @api.constrains('domain')
    def _check_domain(self):
        for territory in self:
            if not territory.domain:
                continue
            try:
                territory._safe_domain(territory.domain, 'crm.lead')
            except SafeDomainError as error:
                raise ValidationError(_(
                    "The domain of territory %(territory)s is not valid on "
                    "leads: %(error)s") % {
                        'territory': territory.display_name,
                        'error': self._safe_domain_error_message(error)})

    @api.multi
    def action_view_leads(self):
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        action = self.env.ref('crm.crm_lead_all_leads').read()[0]
        action['domain'] = [('territory_id', 'child_of', self.ids)]
        action['context'] = {'active_test': True}
        return action

    # Matching -----------------------------------------------------------

    @api.multi
    def _city_list(self):
        self.ensure_one()
        return [city.strip().lower()
                for city in (self.city_names or '').split(',')
                if city.strip()]

    # The matching rules are cached per version of the rules: a number in
    # a one-row table, set from a sequence by every change of a matching
    # rule (in the changing transaction: others see the new number when
    # they see the new rules; never reused: a rolled back change leaves no
    # cache entry anyone else could read). Reading it is one query per
    # matching, instead of one per territory; a change of a salesperson,
    # of a manager or of the round-robin position keeps the cache, and no
    # other cache of the server is cleared.

    # the fields whose change changes the matching (the rules' data, the
    # territories matching at all, their order)
    _matching_fields = frozenset([
        'country_ids', 'state_ids', 'zip_range_ids', 'city_names',
        'category_ids', 'domain', 'priority', 'parent_id', 'active',
        'company_id'])

    @api.model_cr
    def init(self):
        cr = self.env.cr
        cr.execute("CREATE SEQUENCE IF NOT EXISTS "
                   "crm_territory_rules_version_seq")
        cr.execute("""
            CREATE TABLE IF NOT EXISTS crm_territory_rules_version (
                version bigint NOT NULL)""")
        cr.execute("""
            INSERT INTO crm_territory_rules_version (version)
            SELECT nextval('crm_territory_rules_version_seq')
             WHERE NOT EXISTS (SELECT 1 FROM crm_territory_rules_version)""")
        # territories created before their round-robin sequence existed
        cr.execute("""
            SELECT id FROM crm_territory
             WHERE to_regclass('crm_territory_round_robin_' || id) IS NULL""")
        for territory_id, in cr.fetchall():
            self._create_round_robin_sequence(territory_id)

    @api.model
    def _rules_version(self):
        self.env.cr.execute("SELECT version FROM crm_territory_rules_version")
        return self.env.cr.fetchone()[0]

    @api.model
    def _rules_changed(self):
        """A matching rule changes in this transaction: a new version."""
        self.env.cr.execute("""
            UPDATE crm_territory_rules_version
               SET version = nextval('crm_territory_rules_version_seq')""")

    @api.model
    def _matching_rules(self):
        """The rules of the active territories that have at least one, as
        plain Python sets, best territory first. Cached until a matching
        rule changes: no query per territory for each lead created."""
        return [dict(rule, territory=self.browse(rule['territory_id']))
                for rule in self._matching_rules_data(self._rules_version())]

    @api.model
    @tools.ormcache('version')
    def _matching_rules_data(self, version):
        parents = {
            row['id']: row['parent_id'] and row['parent_id'][0]
            for row in self.sudo().with_context(active_test=False)
            .search_read([], ['parent_id'])}

        def depth(territory_id):
            level, seen = 0, set()
            while parents.get(territory_id) and territory_id not in seen:
                seen.add(territory_id)
                territory_id = parents[territory_id]
                level += 1
            return level

        Zip = self.env['crm.territory.zip.range']
        rules = []
        for territory in self.sudo().search([]):
            rule = {
                'territory_id': territory.id,
                'company_id': territory.company_id.id,
                'countries': set(territory.country_ids.ids),
                'states': set(territory.state_ids.ids),
                'zips': [(Zip._normalize(zip_range.zip_from),
                          Zip._normalize(zip_range.zip_to))
                         for zip_range in territory.zip_range_ids],
                'cities': set(territory._city_list()),
                'tags': set(territory.category_ids.ids),
                'domain': territory.domain,
            }
            count = len([key for key in ('countries', 'states', 'zips',
                                         'cities', 'tags', 'domain')
                         if rule[key]])
            if count:
                rule['key'] = (-territory.priority, -depth(territory.id),
                               -count, territory.id)
                rules.append(rule)
        return tuple(sorted(rules, key=lambda rule: rule['key']))

    # The version changes before the ORM's change too: what this
    # transaction matches in between is cached under a version nobody else
    # will read.

    @api.model
    def create(self, vals):
        self._rules_changed()
        territory = super(CrmTerritory, self).create(vals)
        self._rules_changed()
        self._create_round_robin_sequence(territory.id)
        return territory

    @api.multi
    def write(self, vals):
        matching = bool(self._matching_fields & set(vals))
        if matching:
            self._rules_changed()
        # those who may lose access: the users of these territories and of
        # their sub-territories, before the write
        losing = self._access_users() if {
            'user_ids', 'manager_id', 'parent_id'} & set(vals) else None
        result = super(CrmTerritory, self).write(vals)
        if matching:
            self._rules_changed()
        if losing:
            self.env['mail.followers']._crm_lead_unsubscribe(losing)
        return result

    @api.multi
    def unlink(self):
        losing = self._access_users()
        ids = self.ids
        self._rules_changed()
        result = super(CrmTerritory, self).unlink()
        self._rules_changed()
        for territory_id in ids:
            self._drop_round_robin_sequence(territory_id)
        self.env['mail.followers']._crm_lead_unsubscribe(losing)
        return result

    @api.multi
    def _access_users(self):
        """The users with access to these territories or to one of their
        sub-territories."""
        return self.sudo().with_context(active_test=False).search(
            [('id', 'child_of', self.ids)]).mapped('access_user_ids')

    @api.model
    def _match_address(self, rule, address):
        """Whether the address (a dict of company, country, state, zip,
        city and partner tag ids) satisfies every rule of a territory but
        its domain, which ``_match_records`` checks in SQL.

        A territory of a company takes only the records of that company
        (one without company takes any): the matching runs as superuser,
        and another company's territory would hand the record to that
        company's salespeople and run its domain on the record."""
        if rule['company_id'] and address['company_id'] != rule['company_id']:
            return False
        if rule['countries'] and address['country_id'] not in \
                rule['countries']:
            return False
        if rule['states'] and address['state_id'] not in rule['states']:
            return False
        if rule['zips']:
            zip_code = self.env['crm.territory.zip.range']._normalize(
                address['zip'])
            if not zip_code or not any(
                    low <= zip_code <= high for low, high in rule['zips']):
                return False
        if rule['cities'] and \
                (address['city'] or '').strip().lower() not in rule['cities']:
            return False
        if rule['tags'] and not rule['tags'] & set(address['category_ids']):
            return False
        return True

    @api.model
    def _match_records(self, records):
        """The best territory of each record, as {record id: territory}.

        The address rules are checked in Python on the records' values (no
        query per record); a territory's domain costs one query over all
        the records. Records not yet in the database (onchange) ignore the
        territories that have a domain."""
        if not records:
            return {}
        return self._match_addresses(records._territory_addresses(),
                                     records)

    @api.model
    def _match_addresses(self, addresses, records=None):
        """The best territory of each address ({key: address dict as
        ``_territory_addresses`` gives}), as {key: territory}. The
        territories with a domain are matched only against ``records``
        (whose ids are the keys), in the database."""
        result = {}
        real_ids = set(rid for rid in addresses if isinstance(rid, int)) \
            if records is not None else set()
        for rule in self._matching_rules():
            todo = [rid for rid in addresses if rid not in result]
            if not todo:
                break
            matched = [rid for rid in todo
                       if self._match_address(rule, addresses[rid])]
            if matched and rule['domain'] and records is None:
                matched = []
            elif matched and rule['domain']:
                # None: refused, or it names a field this model lacks
                domain = rule['territory']._safe_domain_or_none(
                    rule['domain'], records._name)
                if domain is None:
                    matched = []
                else:
                    matched = records.sudo().with_context(
                        active_test=False).search(expression.AND([
                            [('id', 'in', [rid for rid in matched
                                           if rid in real_ids])],
                            domain])).ids
            for rid in matched:
                result[rid] = rule['territory']
        return result

    # Round-robin: the position of each territory is a PostgreSQL
    # sequence of its own (as ir.sequence's "standard" implementation):
    # nextval never waits for another transaction nor fails under
    # concurrent creates, and two leads created at once get two positions.
    # A rolled back create skips one position. Nothing is written on the
    # territory, whose record the matching caches.

    @api.model
    def _round_robin_sequence(self, territory_id):
        return 'crm_territory_round_robin_%d' % territory_id

    @api.model
    def _create_round_robin_sequence(self, territory_id):
        # DDL takes no parameters: the name is made of an integer id
        self.env.cr.execute(  # pylint: disable=sql-injection
            'CREATE SEQUENCE IF NOT EXISTS %s' %
            self._round_robin_sequence(int(territory_id)))

    @api.model
    def _drop_round_robin_sequence(self, territory_id):
        self.env.cr.execute(  # pylint: disable=sql-injection
            'DROP SEQUENCE IF EXISTS %s' %
            self._round_robin_sequence(int(territory_id)))

    @api.multi
    def _next_salespeople(self, count):
        """The salespeople ``count`` new leads of this territory go to, in
        order: its only one, or each in turn when it assigns round-robin
        (empty when it assigns none)."""
        self.ensure_one()
        users = self.user_ids.sorted('id')
        if self.assign_user == 'none' or not users:
            return [users.browse()] * count
        if len(users) == 1:
            return [users] * count
        sequence = self._round_robin_sequence(self.id)
        self.env.cr.execute("SELECT to_regclass(%s)", (sequence,))
        if not self.env.cr.fetchone()[0]:
            # a territory inserted in SQL: its sequence is made here (and
            # by the next update of the addon)
            self._create_round_robin_sequence(self.id)
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            (sequence, count))
        positions = sorted(row[0] for row in self.env.cr.fetchall())
        return [users[(position - 1) % len(users)] for position in positions]
