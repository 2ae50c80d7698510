"""safe_eval on 3.11: what Odoo 11 evaluates still works, what it refused
is still refused."""
import pytest

from odoo.tools.safe_eval import safe_eval, const_eval, expr_eval

CONTEXT = {'uid': 1, 'active_id': 7, 'ids': [1, 2, 3]}


@pytest.mark.parametrize('expr, expected', [
    ("{'default_type': 'opportunity', 'search_default_assigned_to_me': 1}",
     {'default_type': 'opportunity', 'search_default_assigned_to_me': 1}),
    ("[('user_id', '=', uid), ('id', 'in', ids)]",
     [('user_id', '=', 1), ('id', 'in', [1, 2, 3])]),
    ("'Lead %s of %s' % (active_id, uid)", 'Lead 7 of 1'),
    ("active_id if active_id is not None else False", 7),
    ("[i * 2 for i in ids if i in (1, 3)]", [2, 6]),
    ("dict(a=1, **{'b': 2})", {'a': 1, 'b': 2}),
    ("max(set([3, 1, 2])) // 2", 1),
    ("sum(x for x in ids)", 6),
    ("{%s}" % ", ".join("'k%d': %d" % (i, i) for i in range(40)),
     dict(('k%d' % i, i) for i in range(40))),
])
def test_odoo_expressions_evaluate(expr, expected):
    assert safe_eval(expr, dict(CONTEXT)) == expected


def test_exec_mode_server_action_code():
    code = (
        "total = 0\n"
        "for i in ids:\n"
        "    if i == 2:\n"
        "        continue\n"
        "    total += i\n"
        "try:\n"
        "    1 / 0\n"
        "except Exception:\n"
        "    total = -total\n"
        "result = total\n"
    )
    values = dict(CONTEXT)
    safe_eval(code, values, mode='exec', nocopy=True)
    assert values['result'] == -4


def test_const_and_expr_eval():
    assert const_eval("[1, 2, (3, 4), {'foo': 'bar'}]") == [1, 2, (3, 4), {'foo': 'bar'}]
    assert expr_eval("1 + 2 * 3") == 7
    with pytest.raises(ValueError):
        const_eval("[1] + [2]")  # operators are not constants


@pytest.mark.parametrize('expr', [
    "__import__('os').system('true')",
    "().__class__.__bases__[0].__subclasses__()",
    "[c for c in ().__class__.__base__.__subclasses__()]",
    "ids.__class__",
    "getattr(ids, '__class__')",
    "__builtins__",
    "eval('1')",
    "exec('x = 1')",
    "compile('1', '', 'eval')",
    "open('/etc/passwd').read()",
    "(lambda: 1).__code__",
    "[x for x in ids].pop.__self__",
])
def test_sandbox_escapes_refused(expr):
    with pytest.raises(Exception) as caught:
        safe_eval(expr, dict(CONTEXT))
    assert isinstance(caught.value, (ValueError, NameError)), caught.value


@pytest.mark.parametrize('code', [
    "import os",
    "from os import path",
    "with open('/etc/passwd') as f:\n    pass",
    "ids.append = None",
    "class A(object):\n    pass",
    "def f():\n    x = 1\n    def g():\n        return x\n    return g",
    "global uid\nuid = 0",
])
def test_forbidden_statements_refused(code):
    with pytest.raises(Exception) as caught:
        safe_eval(code, dict(CONTEXT), mode='exec')
    assert isinstance(caught.value, (ValueError, NameError)), caught.value
    assert 'forbidden' in str(caught.value) or 'not defined' in str(caught.value) \
        or '__' in str(caught.value)


def test_only_equivalent_opcodes_were_added():
    """Every opcode the layer adds stands for one Odoo 11 already allowed."""
    import sys
    from opcode import opmap
    module = sys.modules['odoo.tools.safe_eval']
    from odoo311compat.safe_eval_opcodes import EQUIVALENTS
    added = {name for names in EQUIVALENTS.values() for name in names}
    never = {'IMPORT_NAME', 'IMPORT_FROM', 'IMPORT_STAR', 'STORE_ATTR',
             'DELETE_ATTR', 'STORE_GLOBAL', 'DELETE_GLOBAL', 'BEFORE_WITH',
             'LOAD_BUILD_CLASS', 'MAKE_CELL', 'LOAD_DEREF', 'LOAD_CLOSURE',
             'STORE_DEREF', 'SEND', 'COPY_FREE_VARS', 'SETUP_ANNOTATIONS'}
    assert not added & never
    for name in never:
        assert opmap[name] not in module._SAFE_OPCODES, name
