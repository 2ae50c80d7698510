"""Reference data of the generated data sets: the sales-team tree, its
salespeople, the pipeline stages and lost reasons.

They are constant (they do not depend on the run's seed): teams, users and
stages are few, are created through the ORM whatever the loader, and are
found again by their XML ids (module ``datagen``), so loading twice, or with
another seed, reuses them.

crm.team has no parent in Odoo 11. The intended tree is kept as data: TEAMS
below, and, in each database, the ir.config_parameter ``datagen.team_tree``
(JSON: team code -> {"id", "name", "parent", "parent_id", "leaf", "members"}),
for the issue that adds the hierarchy (territories) to use.
"""

import json
import random

from . import vocab

# code, name, parent code, locale of its people
TEAMS = [
    ('global', 'Global Sales', None, vocab.EN),
    ('apac', 'Asia Pacific', 'global', vocab.EN),
    ('vn', 'Vietnam', 'apac', vocab.VI),
    ('vn_hanoi', 'Hanoi', 'vn', vocab.VI),
    ('vn_hcmc', 'Ho Chi Minh City', 'vn', vocab.VI),
    ('vn_danang', 'Da Nang', 'vn', vocab.VI),
    ('cn', 'Greater China', 'apac', vocab.ZH),
    ('cn_shanghai', 'Shanghai', 'cn', vocab.ZH),
    ('cn_beijing', 'Beijing', 'cn', vocab.ZH),
    ('cn_shenzhen', 'Shenzhen', 'cn', vocab.ZH),
    ('na', 'North America', 'global', vocab.EN),
    ('us_new_york', 'New York', 'na', vocab.EN),
    ('us_san_francisco', 'San Francisco', 'na', vocab.EN),
    ('us_chicago', 'Chicago', 'na', vocab.EN),
]
TEAM_PARENT = {code: parent for code, _name, parent, _locale in TEAMS}
LEAF_TEAMS = [code for code, _n, _p, _l in TEAMS if code not in TEAM_PARENT.values()]
SALESPEOPLE_PER_TEAM = 3
TEAM_TZ = {
    vocab.VI: 'Asia/Ho_Chi_Minh',
    vocab.ZH: 'Asia/Shanghai',
    vocab.EN: 'America/New_York',
}

# code, Odoo's XML id (reused when present), name, sequence, probability
STAGES = [
    ('new', 'crm.stage_lead1', 'New', 1, 10.0),
    ('qualified', 'crm.stage_lead2', 'Qualified', 2, 30.0),
    ('proposition', 'crm.stage_lead3', 'Proposition', 3, 70.0),
    ('negotiation', None, 'Negotiation', 4, 85.0),
    ('won', 'crm.stage_lead4', 'Won', 70, 100.0),
]
STAGE_PROBABILITY = {code: probability for code, _x, _n, _s, probability in STAGES}


def salespeople(team):
    """Codes of the salespeople of a leaf team; the first one leads it."""
    return ['%s_%d' % (team, k) for k in range(1, SALESPEOPLE_PER_TEAM + 1)]


def team_leader(team):
    return salespeople(team)[0] if team in LEAF_TEAMS else '%s_manager' % team


def user_specs():
    """The users of the tree, with names drawn from a fixed seed (the same in
    every database): list of dicts code, name, login, team, role, locale, tz."""
    from .generator import person  # noqa: avoid an import cycle at module level

    rng = random.Random('datagen-reference-users')
    specs, logins = [], set()
    for code, _name, _parent, locale in TEAMS:
        members = salespeople(code) if code in LEAF_TEAMS else [team_leader(code)]
        if code in LEAF_TEAMS:
            city = next(c for c in vocab.CITIES if c.team == code)
            locale, tz = city.locale, city.tz
        else:
            tz = TEAM_TZ[locale]
        for user_code in members:
            who = person(rng, locale)
            base = '%s.%s' % (who['given_ascii'], who['family_ascii'])
            login, n = base + '@example.com', 1
            while login in logins:
                n += 1
                login = '%s%d@example.com' % (base, n)
            logins.add(login)
            if code not in LEAF_TEAMS:
                role = 'manager'
            elif user_code == team_leader(code):
                role = 'leader'
            else:
                role = 'salesman'
            specs.append(
                dict(
                    code=user_code,
                    name=who['name'],
                    login=login,
                    team=code,
                    role=role,
                    locale=locale,
                    tz=tz,
                )
            )
    return specs


ROLE_GROUPS = {
    'salesman': 'sales_team.group_sale_salesman',
    'leader': 'sales_team.group_sale_salesman_all_leads',
    'manager': 'sales_team.group_sale_manager',
}


def _ensure(env, xmlid, model, values):
    """The record of ``xmlid`` (module datagen), created with ``values`` if absent."""
    record = env.ref('datagen.' + xmlid, raise_if_not_found=False)
    if record:
        return record
    record = env[model].create(values)
    env['ir.model.data'].create(
        {
            'module': 'datagen',
            'name': xmlid,
            'model': model,
            'res_id': record.id,
            'noupdate': True,
        }
    )
    env['ir.model.data'].clear_caches()  # xmlid_lookup is cached
    return record


def ensure_reference_data(env):
    """Create what is missing of the teams, users, stages and lost reasons
    (through the ORM), store the team tree, and return a Refs resolver."""
    env = env(
        context=dict(
            env.context,
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            no_reset_password=True,
        )
    )
    company = env.ref('base.main_company')
    teams = {}
    for code, name, _parent, _locale in TEAMS:
        teams[code] = _ensure(
            env,
            'team_' + code,
            'crm.team',
            {
                'name': name,
                'company_id': company.id,
                'use_leads': True,
                'use_opportunities': True,
            },
        )
    users = {}
    for spec in user_specs():
        group = env.ref(ROLE_GROUPS[spec['role']])
        users[spec['code']] = _ensure(
            env,
            'user_' + spec['code'],
            'res.users',
            {
                'name': spec['name'],
                'login': spec['login'],
                'email': spec['login'],
                'company_id': company.id,
                'company_ids': [(6, 0, [company.id])],
                'groups_id': [(6, 0, [group.id])],
                'tz': spec['tz'],
                'notification_type': 'inbox',
                'sale_team_id': (
                    teams[spec['team']].id if spec['team'] in LEAF_TEAMS else False
                ),
            },
        )
    for code, team in teams.items():
        leader = users[team_leader(code)]
        if team.user_id != leader:
            team.user_id = leader
    for code, xmlid, name, sequence, probability in STAGES:
        stage = env.ref(xmlid, raise_if_not_found=False) if xmlid else None
        if not stage:
            _ensure(
                env,
                'stage_' + code,
                'crm.stage',
                {
                    'name': name,
                    'sequence': sequence,
                    'probability': probability,
                    'on_change': True,
                },
            )
    existing = set(
        env['crm.lost.reason'].with_context(active_test=False).search([]).mapped('name')
    )
    for name in vocab.LOST_REASONS:
        if name not in existing:
            env['crm.lost.reason'].create({'name': name})
    tree = {}
    for code, name, parent, _locale in TEAMS:
        tree[code] = {
            'id': teams[code].id,
            'name': name,
            'parent': parent,
            'parent_id': teams[parent].id if parent else None,
            'leaf': code in LEAF_TEAMS,
            'leader_id': users[team_leader(code)].id,
            'members': (
                [users[u].id for u in salespeople(code)] if code in LEAF_TEAMS else []
            ),
        }
    env['ir.config_parameter'].sudo().set_param(
        'datagen.team_tree', json.dumps(tree, sort_keys=True)
    )
    return Refs(env)


def _formataddr(user):
    """mail.message's default email_from for ``user`` (odoo.tools.formataddr)."""
    if not user.email:
        return None
    return '"%s" <%s>' % (user.name.replace('"', '\\"'), user.email)


class Refs:
    """Resolves the generator's symbolic references (XML ids, codes, country
    codes, names) to database ids, once."""

    def __init__(self, env):
        self.env = env
        cr = env.cr
        self.uid = env.uid
        self.user_partner = {}
        self.team = {
            code: env.ref('datagen.team_' + code).id for code, _n, _p, _l in TEAMS
        }
        self.user = {}
        self._user_email = {}
        for spec in user_specs():
            user = env.ref('datagen.user_' + spec['code'])
            self.user[spec['code']] = user.id
            self.user_partner[spec['code']] = user.partner_id.id
            self._user_email[spec['code']] = _formataddr(user)
        admin = env['res.users'].browse(env.uid)
        self.admin_partner = admin.partner_id.id
        self._user_email[None] = _formataddr(admin)
        self.stage = {}
        for code, xmlid, _name, _seq, _prob in STAGES:
            stage = (
                env.ref(xmlid, raise_if_not_found=False) if xmlid else None
            ) or env.ref('datagen.stage_' + code)
            self.stage[code] = stage.id
        cr.execute("SELECT code, id FROM res_country")
        self.country = dict(cr.fetchall())
        cr.execute(
            "SELECT c.code, s.code, s.id FROM res_country_state s "
            "JOIN res_country c ON c.id = s.country_id"
        )
        self.state = {(country, code): sid for country, code, sid in cr.fetchall()}
        self.lost_reason = {}
        for reason in (
            env['crm.lost.reason']
            .with_context(active_test=False)
            .search([], order='id')
        ):
            self.lost_reason.setdefault(reason.name, reason.id)
        self.langs = {code for code, _name in env['res.lang'].get_installed()}
        self.default_lang = 'en_US' if 'en_US' in self.langs else sorted(self.langs)[0]
        self.company = env.ref('base.main_company').id
        self.lead_model_id = env['ir.model']._get('crm.lead').id
        self.lead_follower_subtypes = (
            env['mail.message.subtype'].default_subtypes('crm.lead')[0].ids
        )
        self._xmlids = {}

    def xmlid(self, xmlid):
        """Id of an XML id, or None when it is absent from this database."""
        if xmlid is None:
            return None
        if xmlid not in self._xmlids:
            record = self.env.ref(xmlid, raise_if_not_found=False)
            self._xmlids[xmlid] = record.id if record else None
        return self._xmlids[xmlid]

    def user_email(self, user_code):
        """The From of a message written by a user (None: the loading user)."""
        return self._user_email[user_code]

    def lang(self, locale):
        return locale if locale in self.langs else self.default_lang

    def creator(self, user_code):
        return self.user[user_code] if user_code else self.uid

    def state_id(self, country, state):
        return self.state.get((country, state)) if state else None
