# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Check a domain's text, evaluate it, and check that what it gives is data.

A text is evaluated only when its syntax tree holds nothing but what a
domain needs: literals (text, numbers, booleans, None), lists and tuples,
``+`` and ``-``, unary ``-``, ``+`` and ``not``, the names of the context,
the attributes of the wrapped modules listed in ``context.MODULES``, the
methods ``strftime()``, ``isoformat()`` and ``date()`` (of dates), and
calls of these. Anything else is refused before evaluation: attribute
access on any other value (a record's ``sudo``, ``env``, a module's
``sys``), ``str.format`` and f-strings, lambdas, comprehensions,
subscripts, other operators (``'x' * 10 ** 9`` would fill the memory), and
any text with a double underscore at all. What passes is evaluated by
Odoo's ``safe_eval`` (its opcode and dunder checks are a second line), and
the result must be a domain of plain values: dates become strings in the
server's format."""
import ast
import datetime

from odoo.osv.expression import DOMAIN_OPERATORS, TERM_OPERATORS
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT, \
    DEFAULT_SERVER_DATETIME_FORMAT
from odoo.tools.safe_eval import safe_eval

from .context import CALLABLE_NAMES, PATHS

# a domain with a long list of ids stays far below it
MAX_LENGTH = 20000

# called on the dates and datetimes the allowed functions return
METHODS = frozenset(['strftime', 'isoformat', 'date'])

PLAIN_TYPES = (str, int, float, bool, type(None))

# literal nodes: ast.Constant from Python 3.8, the others before
_CONSTANT_NODES = tuple(
    getattr(ast, name) for name in
    ('Constant', 'Num', 'Str', 'Bytes', 'NameConstant', 'Ellipsis')
    if hasattr(ast, name))
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp,
                   ast.GeneratorExp)

# how a refused construct is named to the user: as it is written
_SYMBOLS = {
    'Subscript': 'x[...]', 'Slice': 'x[a:b]', 'Compare': '==, <, in, is',
    'And': 'and', 'Or': 'or', 'IfExp': 'if ... else', 'Dict': '{key: value}',
    'Set': '{...}', 'JoinedStr': "f'...'", 'FormattedValue': "f'{...}'",
    'Starred': '*', 'NamedExpr': ':=', 'Await': 'await', 'Yield': 'yield',
    'YieldFrom': 'yield from', 'Mult': '*', 'Div': '/', 'FloorDiv': '//',
    'Mod': '%', 'Pow': '**', 'MatMult': '@', 'LShift': '<<',
    'RShift': '>>', 'BitOr': '|', 'BitAnd': '&', 'BitXor': '^',
    'Invert': '~', 'Call': 'f(...)(...)',
}


class SafeDomainError(ValueError):
    """Why a domain is refused. ``reason`` is a key of the messages that
    ``crm.safe.domain.mixin`` translates; ``detail`` is what the user wrote
    (a name, an operator, a field), never a value of the server's."""

    def __init__(self, reason, detail=''):
        detail = '%s' % (detail,)
        if len(detail) > 80:
            detail = detail[:77] + '...'
        super(SafeDomainError, self).__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def _symbol(node):
    name = type(node).__name__
    return _SYMBOLS.get(name, name)


def _constant_value(node):
    try:
        return node.value
    except AttributeError:
        # Python < 3.8: Num.n, Str.s, Bytes.s, Ellipsis
        return getattr(node, 'n', getattr(node, 's', Ellipsis))


def _dotted(node):
    """'datetime.date.today' for that chain of attributes, None when it
    does not start with a name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return '.'.join(reversed(parts))


class _Checker(object):
    """Walks the syntax tree of an expression; raises SafeDomainError at
    the first construct a domain does not need, the innermost first (in
    ``user.sudo().id``, the unknown name ``user``)."""

    def __init__(self, names):
        self.names = frozenset(names)

    def check(self, node):
        if isinstance(node, _CONSTANT_NODES):
            value = _constant_value(node)
            if not isinstance(value, PLAIN_TYPES):
                raise SafeDomainError('construct', type(value).__name__)
        elif isinstance(node, (ast.List, ast.Tuple)):
            for element in node.elts:
                self.check(element)
        elif isinstance(node, ast.UnaryOp) and \
                isinstance(node.op, (ast.USub, ast.UAdd, ast.Not)):
            self.check(node.operand)
        elif isinstance(node, ast.BinOp) and \
                isinstance(node.op, (ast.Add, ast.Sub)):
            self.check(node.left)
            self.check(node.right)
        elif isinstance(node, ast.Name):
            if node.id not in self.names:
                raise SafeDomainError('name', node.id)
        elif isinstance(node, ast.Attribute):
            self.check_attribute(node, called=False)
        elif isinstance(node, ast.Call):
            self.check_call(node)
        elif isinstance(node, ast.Lambda):
            raise SafeDomainError('lambda')
        elif isinstance(node, _COMPREHENSIONS):
            raise SafeDomainError('comprehension')
        else:
            self.refuse(node)

    def refuse(self, node):
        """Refuse ``node``, after what it holds."""
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.check(child)
        operator = getattr(node, 'op', None)
        raise SafeDomainError(
            'construct', _symbol(operator if operator else node))

    def check_attribute(self, node, called):
        """A listed attribute of a wrapped module, or (called) a method of
        a date."""
        if _dotted(node) not in PATHS and \
                not (called and node.attr in METHODS):
            self.check(node.value)
            raise SafeDomainError('attribute', node.attr)
        self.check(node.value)

    def check_call(self, node):
        func = node.func
        if isinstance(func, ast.Name):
            self.check(func)
            if func.id not in CALLABLE_NAMES:
                raise SafeDomainError('call', func.id)
        elif isinstance(func, ast.Attribute):
            self.check_attribute(func, called=True)
        else:
            # (lambda: 0)() is refused as a lambda, f()() as a call
            self.check(func)
            raise SafeDomainError('construct', _symbol(node))
        for argument in node.args:
            self.check(argument)
        for keyword in node.keywords:
            if keyword.arg is None:
                raise SafeDomainError('construct', '**')
            self.check(keyword.value)


def check_expression(text, names):
    """Raise SafeDomainError unless ``text`` is an expression made only of
    what a domain needs, naming only ``names``. Nothing is evaluated."""
    if not isinstance(text, str):
        raise SafeDomainError('syntax')
    if len(text) > MAX_LENGTH:
        raise SafeDomainError('too_long', MAX_LENGTH)
    # refused wherever they are, in a string literal too
    if '__' in text:
        raise SafeDomainError('dunder')
    if '.format' in text:
        raise SafeDomainError('format')
    try:
        tree = ast.parse(text.strip(), mode='eval')
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise SafeDomainError('syntax')
    try:
        _Checker(names).check(tree.body)
    except RecursionError:
        raise SafeDomainError('nested')


def evaluate(text, context):
    """The value of ``text`` in ``context`` (see ``context.eval_context``),
    once ``check_expression`` accepted it."""
    check_expression(text, context)
    try:
        return safe_eval(text.strip(), dict(context))
    except Exception:
        # a wrong argument, an overflow...: the error's own message is
        # not shown, as it could hold what the text was not meant to see
        raise SafeDomainError('evaluation')


def _plain(value, nested=False):
    if isinstance(value, datetime.datetime):
        return value.strftime(DEFAULT_SERVER_DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DEFAULT_SERVER_DATE_FORMAT)
    if type(value) in PLAIN_TYPES:
        return value
    if not nested and type(value) in (list, tuple):
        return [_plain(item, nested=True) for item in value]
    raise SafeDomainError('value')


def _term(item):
    left, operator, right = item
    if type(operator) is not str or \
            operator.lower() not in TERM_OPERATORS + ('<>',):
        raise SafeDomainError('operator', operator)
    if not (type(left) is str and left) and \
            (left, operator, right) not in ((1, '=', 1), (0, '=', 1)):
        raise SafeDomainError('term')
    return (left, operator, _plain(right))


def as_domain(value):
    """``value`` as a domain of plain values: a list of '&', '|', '!' and
    (field, operator, value) terms, whose operators match the terms."""
    if type(value) not in (list, tuple):
        raise SafeDomainError('not_list')
    domain = []
    expected = 1
    for item in value:
        if expected == 0:
            # terms in a row are joined by an implicit '&'
            expected = 1
        if type(item) is str and item in DOMAIN_OPERATORS:
            expected += 0 if item == '!' else 1
            domain.append(item)
        elif type(item) in (list, tuple) and len(item) == 3:
            domain.append(_term(item))
            expected -= 1
        else:
            raise SafeDomainError('term')
    if domain and expected:
        raise SafeDomainError('arity')
    return domain


def evaluate_domain(text, context):
    """The domain ``text`` stands for, as data (see ``as_domain``)."""
    return as_domain(evaluate(text, context))


def _is_date(value, formats):
    for date_format in formats:
        try:
            datetime.datetime.strptime(value, date_format)
            return True
        except ValueError:
            continue
    return False


# the Python types each field type compares with in SQL; False and None
# (no value) suit every field
_FIELD_TYPES = {
    'integer': (int, float),
    'float': (int, float),
    'monetary': (int, float),
    'boolean': (bool,),
    'char': (str,),
    'text': (str,),
    'html': (str,),
    'selection': (str, int),
    # an id, or a name for Odoo's name_search
    'many2one': (int, str),
    'one2many': (int, str),
    'many2many': (int, str),
}
_DATE_FORMATS = {
    'date': (DEFAULT_SERVER_DATE_FORMAT,),
    'datetime': (DEFAULT_SERVER_DATETIME_FORMAT, DEFAULT_SERVER_DATE_FORMAT),
}
# compare the column cast to text: any value does
_TEXT_OPERATORS = ('like', 'not like', 'ilike', 'not ilike', '=like',
                   '=ilike')
# PostgreSQL's integer: the column of integer fields, and of ids
_INTEGER_COLUMNS = ('integer', 'many2one', 'one2many', 'many2many')
_INTEGER_MIN, _INTEGER_MAX = -2 ** 31, 2 ** 31 - 1


def value_fits(field_type, operator, value):
    """Whether a term (a field of ``field_type``, ``operator``, ``value``
    as ``as_domain`` gives it) makes valid SQL: PostgreSQL refuses to
    compare a text column with a number, and such an error would abort
    the transaction creating the lead."""
    if operator.lower() in _TEXT_OPERATORS:
        return True
    values = value if type(value) is list else [value]
    for item in values:
        if item is None or item is False:
            continue
        if field_type in _DATE_FORMATS:
            if type(item) is not str or \
                    not _is_date(item, _DATE_FORMATS[field_type]):
                return False
        elif field_type in _FIELD_TYPES:
            allowed = _FIELD_TYPES[field_type]
            # a boolean is an int to Python, not to PostgreSQL
            if type(item) not in allowed:
                return False
            if type(item) is int and field_type in _INTEGER_COLUMNS and \
                    not _INTEGER_MIN <= item <= _INTEGER_MAX:
                return False
    return True
