# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""What a domain may name: ids, the user's date, and modules seen through a
list of their attributes (Odoo 13's ``safe_eval.wrap_module``, which Odoo
11 lacks). No record and no real module is ever put in the context: a
record leads to ``sudo()`` and ``env``, a module to ``sys.modules``."""
import datetime
import time
import types

import dateutil
import dateutil.relativedelta

# {name in the context: (module, {attribute: the names under it})}. Under a
# class are the methods a domain may call on it (datetime.date.today());
# under a submodule, its attributes, the submodule being wrapped in turn.
# The checker of the expressions reads the same table: an attribute is
# reachable when, and only when, it is listed here.
MODULES = {
    'datetime': (datetime, {
        'date': ['today'],
        'datetime': ['now', 'today', 'utcnow', 'combine', 'strptime'],
        'time': [],
        'timedelta': [],
    }),
    # not time.sleep: a domain must not hold a server worker
    'time': (time, {
        'strftime': [],
        'time': [],
        'localtime': [],
        'gmtime': [],
    }),
    'dateutil': (dateutil, {
        'relativedelta': ['relativedelta', 'MO', 'TU', 'WE', 'TH', 'FR',
                          'SA', 'SU'],
    }),
}

# the names of the context a domain may call, as the web client's domains
CALLABLE_NAMES = frozenset(['context_today', 'relativedelta'])

# every name of the context, as ``eval_context`` builds it
NAMES = frozenset(['uid', 'user_id', 'company_id', 'company_ids']) | \
    CALLABLE_NAMES | frozenset(MODULES)


def _dotted_paths():
    paths = set()
    for module_name, (_module, attributes) in MODULES.items():
        for name, under in attributes.items():
            path = '%s.%s' % (module_name, name)
            paths.add(path)
            paths.update('%s.%s' % (path, sub) for sub in under)
    return frozenset(paths)


# 'datetime.date', 'datetime.date.today', ... 'dateutil.relativedelta.MO'
PATHS = _dotted_paths()


class WrappedModule(object):
    """A module seen through a list of its attributes: ``datetime.sys``
    does not exist on the wrapped ``datetime``. Read-only; its name is
    kept under a double-underscore name, which no domain can reach."""

    def __init__(self, name, attributes):
        for key, value in attributes.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, '_WrappedModule__name', name)

    def __setattr__(self, name, value):
        raise AttributeError("a wrapped module is read-only")

    def __delattr__(self, name):
        raise AttributeError("a wrapped module is read-only")

    def __repr__(self):
        return '<wrapped module %s>' % self.__name


def wrap_module(module, attributes):
    """``module`` reduced to ``attributes`` (their names; for a submodule,
    a dict {name: names of the submodule's attributes})."""
    values = {}
    for name in attributes:
        value = getattr(module, name)
        if isinstance(value, types.ModuleType):
            value = wrap_module(value, attributes[name])
        values[name] = value
    return WrappedModule(module.__name__, values)


WRAPPED_MODULES = {
    name: wrap_module(module, attributes)
    for name, (module, attributes) in MODULES.items()}


class ContextToday(object):
    """``context_today()``: the user's date, as in the web client's
    domains. It holds the date only."""

    __slots__ = ('__today',)

    def __init__(self, today):
        self.__today = today

    def __call__(self):
        return self.__today


def eval_context(uid, company_id, company_ids, today):
    """The evaluation context of a domain written for the user ``uid``:
    plain ids, the user's date and the wrapped modules."""
    context = dict(WRAPPED_MODULES)
    context.update({
        'uid': uid,
        'user_id': uid,
        'company_id': company_id,
        'company_ids': list(company_ids),
        'context_today': ContextToday(today),
        'relativedelta': dateutil.relativedelta.relativedelta,
    })
    return context
