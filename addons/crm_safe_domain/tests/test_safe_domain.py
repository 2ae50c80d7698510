# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The engine, without the ORM: what a domain's text may hold, what it
evaluates to, what the wrapped modules let through."""
import datetime
import os
import time
import unittest

import dateutil.relativedelta

from ..safe_domain import NAMES, SafeDomainError, as_domain, \
    check_expression, eval_context, evaluate, evaluate_domain, value_fits
from ..safe_domain.context import MODULES, PATHS, WRAPPED_MODULES
from .escapes import ESCAPES, PROBE

TODAY = datetime.date(2026, 3, 15)


def context():
    return eval_context(7, 1, [1, 3], TODAY)


class TestSafeDomain(unittest.TestCase):

    def setUp(self):
        super(TestSafeDomain, self).setUp()
        os.environ.pop(PROBE, None)
        self.addCleanup(os.environ.pop, PROBE, None)

    def reason(self, text, names=NAMES):
        with self.assertRaises(SafeDomainError) as caught:
            check_expression(text, names)
        return caught.exception.reason, caught.exception.detail

    def test_escapes_refused_before_evaluation(self):
        # refused on the text alone: even with the real modules and
        # stand-ins for a record and env in the context, nothing runs
        dangerous = dict(context(), datetime=datetime, time=time,
                         user=object(), env=object())
        for label, text in ESCAPES:
            with self.assertRaises(SafeDomainError, msg=label):
                evaluate(text, dangerous)
        self.assertNotIn(PROBE, os.environ)

    def test_reasons(self):
        self.assertEqual(self.reason("[('a', '=', uid.__class__)]"),
                         ('dunder', ''))
        self.assertEqual(self.reason("[('a', '=', '__x')]"), ('dunder', ''))
        self.assertEqual(self.reason("'{0}'.format(1)"), ('format', ''))
        self.assertEqual(self.reason("'{0}'. format(1)"),
                         ('attribute', 'format'))
        self.assertEqual(self.reason("(lambda: 1)()"), ('lambda', ''))
        self.assertEqual(self.reason("[i for i in company_ids]"),
                         ('comprehension', ''))
        self.assertEqual(self.reason("{i: 1 for i in company_ids}"),
                         ('comprehension', ''))
        self.assertEqual(self.reason("[('a', '=', user.id)]"),
                         ('name', 'user'))
        self.assertEqual(self.reason("[('a', '=', user.sudo().id)]"),
                         ('name', 'user'))
        self.assertEqual(self.reason("getattr(uid, 'real')"),
                         ('name', 'getattr'))
        self.assertEqual(self.reason("datetime.sys.modules"),
                         ('attribute', 'sys'))
        self.assertEqual(self.reason("time.sleep(0)"),
                         ('attribute', 'sleep'))
        self.assertEqual(self.reason("uid.real"), ('attribute', 'real'))
        self.assertEqual(self.reason("context_today().strftime"),
                         ('attribute', 'strftime'))
        self.assertEqual(self.reason("'x'.upper()"), ('attribute', 'upper'))
        self.assertEqual(self.reason("uid()"), ('call', 'uid'))
        self.assertEqual(self.reason("company_ids[0]"),
                         ('construct', 'x[...]'))
        self.assertEqual(self.reason("'x' * 10"), ('construct', '*'))
        self.assertEqual(self.reason("10 ** 10 ** 10"), ('construct', '**'))
        self.assertEqual(self.reason("'%s' % uid"), ('construct', '%'))
        self.assertEqual(self.reason("uid if uid else 0"),
                         ('construct', 'if ... else'))
        self.assertEqual(self.reason("uid == 1"),
                         ('construct', '==, <, in, is'))
        self.assertEqual(self.reason("uid and 1"), ('construct', 'and'))
        self.assertEqual(self.reason("f'{uid}'"), ('construct', "f'{...}'"))
        self.assertEqual(self.reason("f'uid'"), ('construct', "f'...'"))
        self.assertEqual(self.reason("{'a': 1}"),
                         ('construct', '{key: value}'))
        self.assertEqual(self.reason("relativedelta(**{'days': 1})"),
                         ('construct', '**'))
        self.assertEqual(self.reason("[*company_ids]"), ('construct', '*'))
        self.assertEqual(self.reason("b'x'"), ('construct', 'bytes'))
        self.assertEqual(self.reason("context_today()()"),
                         ('construct', 'f(...)(...)'))
        # the names are those of the context evaluated in
        self.assertEqual(self.reason("uid", names=['user_id']),
                         ('name', 'uid'))

    def test_syntax_length_and_depth(self):
        self.assertEqual(self.reason("[('a', '=',"), ('syntax', ''))
        self.assertEqual(self.reason("x = 1"), ('syntax', ''))
        self.assertEqual(self.reason("[1]\x00"), ('syntax', ''))
        self.assertEqual(self.reason(None), ('syntax', ''))
        self.assertEqual(self.reason('[%s]' % ', '.join(['1'] * 7000)),
                         ('too_long', '20000'))
        # deeper than the checker's stack, far less than Python's parser
        self.assertEqual(self.reason('-' * 1500 + '1'), ('nested', ''))
        self.assertEqual(self.reason('+'.join(['1'] * 6000)),
                         ('syntax', ''))

    def test_legitimate_domains(self):
        def domain(text):
            return evaluate_domain(text, context())
        self.assertEqual(domain(
            "[('create_date', '>=', (context_today() - relativedelta("
            "days=7)).strftime('%Y-%m-%d'))]"),
            [('create_date', '>=', '2026-03-08')])
        # dates become strings in the server's format
        self.assertEqual(domain(
            "[('date', '>=', context_today() + relativedelta(months=1, "
            "day=1)), ('date', '<', datetime.datetime.combine("
            "context_today(), datetime.time(12, 30)))]"),
            [('date', '>=', '2026-04-01'),
             ('date', '<', '2026-03-15 12:30:00')])
        self.assertEqual(domain(
            "['|', ('user_id', '=', uid), ('user_id', '=', False), "
            "'!', ('company_id', 'in', company_ids + [False]), "
            "('company_id', '!=', company_id), (1, '=', 1)]"),
            ['|', ('user_id', '=', 7), ('user_id', '=', False),
             '!', ('company_id', 'in', [1, 3, False]),
             ('company_id', '!=', 1), (1, '=', 1)])
        self.assertEqual(domain("[('id', 'in', (1, 2, -3)), "
                                "('name', 'not ilike', 'a' + 'b')]"),
                         [('id', 'in', [1, 2, -3]),
                          ('name', 'not ilike', 'ab')])
        self.assertEqual(domain("[('user_id', '=', user_id)]"),
                         [('user_id', '=', 7)])
        self.assertEqual(domain("[]"), [])
        self.assertEqual(domain(
            "[('date', '>=', (context_today() + dateutil.relativedelta."
            "relativedelta(weekday=dateutil.relativedelta.MO(-1)))"
            ".isoformat())]"),
            [('date', '>=', '2026-03-09')])
        this_year = time.strftime('%Y')
        self.assertEqual(domain(
            "[('date', '>=', time.strftime('%Y-01-01')), "
            "('date', '<=', datetime.date.today().strftime('%Y-12-31')), "
            "('create_date', '<=', datetime.datetime.now().date())]"),
            [('date', '>=', this_year + '-01-01'),
             ('date', '<=', this_year + '-12-31'),
             ('create_date', '<=', datetime.date.today().isoformat())])

    def test_results_are_data(self):
        def reason(text):
            with self.assertRaises(SafeDomainError) as caught:
                evaluate_domain(text, context())
            return caught.exception.reason, caught.exception.detail
        self.assertEqual(reason("'name = 1'"), ('not_list', ''))
        self.assertEqual(reason("uid"), ('not_list', ''))
        self.assertEqual(reason("[('a', '=')]"), ('term', ''))
        self.assertEqual(reason("[('', '=', 1)]"), ('term', ''))
        self.assertEqual(reason("[(2, '=', 1)]"), ('term', ''))
        self.assertEqual(reason("['&', ('a', '=', 1)]"), ('arity', ''))
        self.assertEqual(reason("['!']"), ('arity', ''))
        self.assertEqual(reason("[('a', '=', 1), '|', ('b', '=', 1)]"),
                         ('arity', ''))
        self.assertEqual(reason("[('a', 'is', 1)]"), ('operator', 'is'))
        self.assertEqual(reason("[('a', 1, 1)]"), ('operator', '1'))
        self.assertEqual(reason("[('a', '=', context_today)]"),
                         ('value', ''))
        self.assertEqual(reason("[('a', '=', datetime)]"), ('value', ''))
        self.assertEqual(reason("[('a', '=', relativedelta(days=1))]"),
                         ('value', ''))
        self.assertEqual(reason("[('a', 'in', [[1]])]"), ('value', ''))
        self.assertEqual(reason("[('a', '=', relativedelta(nope=1))]"),
                         ('evaluation', ''))
        self.assertEqual(reason("[('a', '=', datetime.date(2026, 2, 30))]"),
                         ('evaluation', ''))
        self.assertEqual(
            as_domain([['a', '=', 1], ('b', 'ilike', 'x')]),
            [('a', '=', 1), ('b', 'ilike', 'x')])

    def test_wrapped_modules(self):
        wrapped = WRAPPED_MODULES
        for name in ('sys', 'os', 'operator'):
            self.assertFalse(hasattr(wrapped['datetime'], name), name)
        self.assertFalse(hasattr(wrapped['time'], 'sleep'))
        self.assertFalse(hasattr(wrapped['dateutil'], 'parser'))
        self.assertFalse(hasattr(wrapped['dateutil'].relativedelta,
                                 'datetime'))
        self.assertIs(wrapped['datetime'].date, datetime.date)
        self.assertIs(wrapped['dateutil'].relativedelta.relativedelta,
                      dateutil.relativedelta.relativedelta)
        with self.assertRaises(AttributeError):
            wrapped['datetime'].date = None
        with self.assertRaises(AttributeError):
            del wrapped['time'].strftime
        self.assertEqual(repr(wrapped['time']), '<wrapped module time>')
        # every listed path is reachable on the wrapped modules, and only
        # the listed attributes are there
        for path in PATHS:
            parts = path.split('.')
            value = wrapped[parts[0]]
            for part in parts[1:]:
                value = getattr(value, part)
        for name, (_module, attributes) in MODULES.items():
            self.assertEqual(
                sorted(k for k in vars(wrapped[name]) if '__' not in k),
                sorted(attributes))

    def test_context_holds_values_only(self):
        values = context()
        self.assertEqual(set(values), NAMES)
        self.assertEqual(values['uid'], 7)
        self.assertEqual(values['user_id'], 7)
        self.assertEqual(values['company_id'], 1)
        self.assertEqual(values['company_ids'], [1, 3])
        self.assertEqual(values['context_today'](), TODAY)
        for name in MODULES:
            self.assertIs(values[name], WRAPPED_MODULES[name])

    def test_value_fits(self):
        fits = [
            ('integer', '=', 3), ('float', '>', 2.5), ('monetary', '<', 1),
            ('integer', 'in', [1, 2]), ('boolean', '=', True),
            ('char', '=', 'x'), ('char', '=', False), ('text', '!=', None),
            ('selection', 'in', ['a', 'b']), ('many2one', '=', 4),
            ('many2one', 'ilike', 'acme'), ('many2many', 'in', [1, 'x']),
            ('date', '>=', '2026-03-01'),
            ('datetime', '>=', '2026-03-01'),
            ('datetime', '<', '2026-03-01 10:00:00'),
            ('char', 'ilike', 3), ('integer', 'like', 'x'),
            ('binary', '=', 'x'),
        ]
        for field_type, operator, value in fits:
            self.assertTrue(value_fits(field_type, operator, value),
                            (field_type, operator, value))
        misfits = [
            ('integer', '=', 'x'), ('integer', '=', True),
            ('boolean', '=', 1), ('char', '=', 3), ('char', 'in', ['a', 1]),
            ('many2one', '=', 1.5), ('many2one', '=', 2 ** 31),
            ('integer', 'in', [1, -2 ** 31 - 1]), ('date', '>=', 'yesterday'),
            ('date', '>=', '2026-03-01 10:00:00'), ('date', '=', 20260301),
            ('datetime', '>=', '2026-13-01'),
        ]
        for field_type, operator, value in misfits:
            self.assertFalse(value_fits(field_type, operator, value),
                             (field_type, operator, value))
