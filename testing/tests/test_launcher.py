"""The launcher replaces odoo-bin: same options, and a clear refusal on a
Python it does not support."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAUNCHER = os.path.join(ROOT, 'bin', 'odoo-bin')


def _run(code):
    return subprocess.run([sys.executable, '-c', code], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def test_refuses_an_unsupported_python_naming_the_supported_ones():
    result = _run(
        "import sys, runpy\n"
        "sys.version_info = (3, 7, 4, 'final', 0)\n"
        "runpy.run_path(%r, run_name='__main__')\n" % LAUNCHER)
    assert result.returncode == 2
    assert 'Python 3.7 is not supported' in result.stderr
    assert 'CPython 3.11' in result.stderr
    assert 'Traceback' not in result.stderr


def test_compat_layer_refuses_too():
    result = _run(
        "import sys; sys.path.insert(0, %r)\n"
        "import odoo311compat\n"
        "odoo311compat.check_python((3, 12, 0))\n" % os.path.join(ROOT, 'compat'))
    assert result.returncode != 0
    assert 'Python 3.12 is not supported' in result.stderr


def test_runs_odoo_with_odoo_bin_options():
    result = subprocess.run([sys.executable, LAUNCHER, '--version'],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert 'Odoo Server 11.0' in result.stdout
    result = subprocess.run([sys.executable, LAUNCHER, '--help'],
                            capture_output=True, text=True, timeout=120)
    assert '--addons-path' in result.stdout and '--test-enable' in result.stdout
