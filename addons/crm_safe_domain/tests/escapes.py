# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The known ways out of a domain, tried on every place the suite
evaluates one (the tests of crm_leads_ext and crm_territory_security import
this list). Each is a valid domain once evaluated, and would match every
lead if it ran: a test that sees a lead matched, or the probe set, has seen
it run."""

# set in os.environ by the first escape if it runs
PROBE = 'CRM_SAFE_DOMAIN_PROBE'

# the master password, through a lambda's globals and str.format
MASTER_PASSWORD = (
    "'{0.__globals__[__builtins__][__import__].__globals__[odoo].tools"
    ".config.options[admin_passwd]}'.format(lambda: 0)")

ESCAPES = [
    ('module attribute: datetime.sys',
     "[('name', '!=', datetime.sys.modules['os'].environ.setdefault("
     "'%s', 'ran'))]" % PROBE),
    ('module attribute: time.sleep', "[('id', '!=', time.sleep(0))]"),
    ('a record: user.sudo()', "[('id', '!=', user.sudo().id)]"),
    ('a record: user.login', "[('name', '!=', user.login)]"),
    ('env through a record',
     "[('name', 'not in', user.env['res.users'].sudo().search([])"
     ".mapped('login'))]"),
    ('env', "[('id', '!=', env.uid)]"),
    ('__globals__', "[('name', '!=', (lambda: 0).__globals__)]"),
    ('().__class__',
     "[('name', '!=', ().__class__.__base__.__subclasses__())]"),
    ("'{0.__class__}'.format()",
     "[('name', '!=', '{0.__class__}'.format(()))]"),
    ('.format on a lambda: the master password',
     "[('name', '!=', %s)]" % MASTER_PASSWORD),
    ('.format, spaced out', "[('name', '!=', '{0}' . format(1))]"),
    ('an f-string', "[('name', '!=', f'{uid!r}')]"),
    ('a lambda', "[('id', '!=', (lambda: 0)())]"),
    ('__builtins__', "[('id', '!=', __builtins__['len']([]))]"),
    ('a builtin: map', "[('id', 'not in', list(map(int, ['0'])))]"),
    ('a list comprehension', "[('id', 'not in', [i for i in range(1)])]"),
    ('a generator', "[('id', 'not in', list(i for i in range(1)))]"),
    ('getattr', "[('id', '>', getattr(uid, 'real') - uid)]"),
    ('attribute of a value', "[('id', '>', uid.real - uid)]"),
    ("repetition: 'x' * n", "[('name', '!=', 'x' * 3)]"),
]


def accepted_escapes(save, errors, check_refusal, cr=None):
    """The labels of the escapes ``save(domain)`` accepted. Each refusal,
    an exception of ``errors``, goes to ``check_refusal`` (its message).
    With a cursor, each save is undone (a savepoint)."""
    accepted = []
    for label, domain in ESCAPES:
        try:
            if cr is None:
                save(domain)
            else:
                with cr.savepoint():
                    save(domain)
        except errors as error:
            check_refusal(error)
            continue
        accepted.append(label)
    return accepted
