"""Bridges inside Odoo's own modules, applied the moment each is imported.

Odoo's modules cannot be patched before ``odoo`` is imported (they do not
exist yet) and must not be edited on disk, so a meta-path finder wraps the
loader of the few modules concerned and patches each right after it ran.
"""
import ast
import builtins
import email.utils
import importlib.abc
import resource
import sys
from opcode import opmap

from . import safe_eval_opcodes

_PATCHES = {}


def _patch(module_name):
    def register(func):
        _PATCHES[module_name] = func
        return func
    return register


@_patch('odoo.tools.safe_eval')
def _widen_safe_eval(module):
    """Allow the 3.11 opcodes that stand for opcodes Odoo 11 already allows.

    The sets are widened in place: ``ir_qweb`` imports ``_SAFE_OPCODES`` by
    name. See safe_eval_opcodes.py for the opcode-by-opcode reasons.
    """
    for set_name, names in safe_eval_opcodes.EQUIVALENTS.items():
        codes = {opmap[name] for name in names if name in opmap}
        getattr(module, set_name).update(codes)
        # every wider set includes the narrower ones, as Odoo builds them
        if set_name == '_CONST_OPCODES':
            module._EXPR_OPCODES.update(codes)
            module._SAFE_OPCODES.update(codes)
        elif set_name == '_EXPR_OPCODES':
            module._SAFE_OPCODES.update(codes)


_NAME_CONSTANTS = {'None': None, 'True': True, 'False': False}


class _Py35AstNormaliser(ast.NodeTransformer):
    """Turn the Python 3.5 dialect QWeb generates into a 3.11 AST."""

    def visit_Name(self, node):
        if node.id in _NAME_CONSTANTS and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Constant(value=_NAME_CONSTANTS[node.id]), node)
        return node

    def visit_arguments(self, node):
        self.generic_visit(node)
        for field in ('posonlyargs', 'kwonlyargs', 'kw_defaults', 'defaults', 'args'):
            if getattr(node, field, None) is None:
                setattr(node, field, [])
        return node

    def visit_Module(self, node):
        self.generic_visit(node)
        if getattr(node, 'type_ignores', None) is None:
            node.type_ignores = []
        return node


def _fix_positions(tree):
    """QWeb grafts parsed expressions (with real positions) into generated
    nodes: make every node's end at least its start, as 3.11 checks."""
    for node in ast.walk(tree):
        if 'lineno' not in node._attributes:
            continue
        lineno = getattr(node, 'lineno', None) or 1
        col = getattr(node, 'col_offset', None) or 0
        node.lineno, node.col_offset = lineno, col
        end_lineno = getattr(node, 'end_lineno', None)
        end_col = getattr(node, 'end_col_offset', None)
        if end_lineno is None or end_lineno < lineno:
            end_lineno, end_col = lineno, col
        elif end_lineno == lineno and (end_col is None or end_col < col):
            end_col = col
        node.end_lineno, node.end_col_offset = end_lineno, end_col


def normalise_ast(tree):
    tree = _Py35AstNormaliser().visit(tree)
    ast.fix_missing_locations(tree)
    _fix_positions(tree)
    return tree


def _compile(source, filename, mode, *args, **kwargs):
    if isinstance(source, ast.AST):
        source = normalise_ast(source)
    return builtins.compile(source, filename, mode, *args, **kwargs)


@_patch('odoo.addons.base.ir.ir_qweb.qweb')
def _qweb_compile(module):
    # qweb.py compiles the AST it generates with the global name ``compile``
    module.compile = _compile


def getaddresses_lenient(fieldvalues):
    """``email.utils.getaddresses`` with the parsing Odoo 11 was written for."""
    return email.utils.getaddresses(fieldvalues, strict=False)


@_patch('odoo.tools.mail')
@_patch('odoo.addons.base.ir.ir_mail_server')
def _lenient_getaddresses(module):
    """Odoo 11 parses addresses with the lenient ``getaddresses`` of 3.5-3.7.

    The CVE-2023-27043 fix (CPython 3.11.10, and Debian 12's 3.11.2-6+deb12u5
    onwards) made ``getaddresses()`` strict by default: it returns
    ``('', '')`` for whole header values Odoo then cleans up itself, e.g.
    "d@x; 1@2" or a display name holding an address. email_split() returns
    [], partners are created from the wrong name, and the mail gateway finds
    no route for "to: groups@example.com, other@gmail.com". Odoo's own fix
    (odoo/odoo#180703) is the same: strict=False in these two modules only,
    which keep filtering out results without an "@" themselves. Nothing
    outside Odoo's address parsing is made lenient.
    """
    if getattr(email.utils, 'supports_strict_parsing', False):
        module.getaddresses = getaddresses_lenient


class _IntegerRlimits(object):
    """The ``resource`` module, but ``setrlimit`` takes the float limits
    Odoo 11 computes and truncates them, as Python 3.5-3.9 did."""

    def __getattr__(self, name):
        return getattr(resource, name)

    @staticmethod
    def setrlimit(limit, limits):
        resource.setrlimit(limit, tuple(int(value) for value in limits))


@_patch('odoo.service.server')
def _integer_rlimits(module):
    """Prefork workers (``--workers`` > 0) set their CPU limit to the CPU
    time used so far (``ru_utime + ru_stime``, a float) plus
    ``limit_time_cpu``; Python 3.10 stopped accepting floats in
    ``resource.setrlimit`` ("integer argument expected, got float"), so
    every worker died at its first request. Only server.py sees the
    truncating ``resource``."""
    module.resource = _IntegerRlimits()


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, loader, patch):
        self._loader = loader
        self._patch = patch

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._patch(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _PatchingFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        patch = _PATCHES.get(fullname)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, 'find_spec'):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                spec.loader = _PatchingLoader(spec.loader, patch)
                return spec
        return None


def install_import_hooks():
    for name, patch in _PATCHES.items():
        if name in sys.modules:  # imported before apply(): patch it now
            patch(sys.modules[name])
    if not any(isinstance(f, _PatchingFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _PatchingFinder())
