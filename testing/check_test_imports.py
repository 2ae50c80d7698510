#!/usr/bin/env python3
"""Every test module of an addon is imported by its tests/__init__.py.

Odoo's own runner (odoo-bin --test-enable) runs only the test modules that
tests/__init__.py imports; pytest finds every test_*.py by itself, so a
module left out runs under `make test` and silently never on a customer's
server or OCA's CI. Arguments: addon folders. Prints each missing import and
exits with 1 if there is one.
"""
import ast
import os
import sys


def missing_imports(addon):
    """The test_*.py module names of addon/tests that tests/__init__.py does
    not import with "from . import <name>"."""
    folder = os.path.join(addon, 'tests')
    if not os.path.isdir(folder):
        return []
    modules = sorted(name[:-3] for name in os.listdir(folder)
                     if name.startswith('test_') and name.endswith('.py'))
    init = os.path.join(folder, '__init__.py')
    imported = set()
    if os.path.exists(init):
        with open(init, encoding='utf-8') as f:
            tree = ast.parse(f.read(), init)
        imported = {alias.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom)
                    and node.level == 1 and not node.module
                    for alias in node.names}
    return [name for name in modules if name not in imported]


def main(addons):
    status = 0
    for addon in addons:
        for name in missing_imports(addon):
            print("%s/tests/__init__.py does not import %s "
                  "(Odoo's runner would never run it)" % (addon, name))
            status = 1
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
