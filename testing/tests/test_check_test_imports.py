# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""testing/check_test_imports.py, the gate that every test module of an
addon is imported by its tests/__init__.py (Odoo's runner runs only those)."""
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
GATE = os.path.join(ROOT, 'testing', 'check_test_imports.py')


def addon(tmp_path, init, modules):
    tests = tmp_path / 'some_addon' / 'tests'
    tests.mkdir(parents=True)
    (tests / '__init__.py').write_text(init)
    for name in modules:
        (tests / name).write_text('')
    return str(tmp_path / 'some_addon')


def gate(*addons):
    return subprocess.run([sys.executable, GATE] + list(addons),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)


def test_a_module_left_out_fails_the_gate_by_name(tmp_path):
    folder = addon(tmp_path, 'from . import test_kept\n',
                   ['test_kept.py', 'test_forgotten.py', 'common.py'])
    result = gate(folder)
    assert result.returncode == 1
    assert result.stdout == ("%s/tests/__init__.py does not import test_forgotten "
                             "(Odoo's runner would never run it)\n" % folder)


def test_every_module_imported_passes(tmp_path):
    folder = addon(tmp_path, 'from . import test_b\nfrom . import common, test_a\n',
                   ['test_a.py', 'test_b.py', 'common.py'])
    result = gate(folder)
    assert (result.returncode, result.stdout) == (0, '')


def test_the_suite_passes():
    addons = [os.path.join(ROOT, path) for path in os.listdir(ROOT)
              if os.path.exists(os.path.join(ROOT, path, '__manifest__.py'))]
    addons += [os.path.join(ROOT, 'addons', path)
               for path in os.listdir(os.path.join(ROOT, 'addons'))]
    result = gate(*addons)
    assert (result.returncode, result.stdout) == (0, '')
