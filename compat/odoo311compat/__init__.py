"""Run Odoo 11.0 on CPython 3.11.

Odoo 11.0 was written for Python 3.5-3.7. This package bridges, at runtime and
without touching a file of Odoo's, every 3.11 incompatibility seen failing on
this project's platform (see ``../../shared/PLATFORM.md`` and README.md here).

``apply()`` must run before ``odoo`` is imported. It is idempotent. The suite's
addons never import this package: it is only the 3.11 runtime bridge, and the
addons themselves still run on Python 3.5 servers without it.
"""
import sys

SUPPORTED = ((3, 11),)

_applied = False


def check_python(version_info=None):
    """Refuse, with a clear message, a Python this layer was not built for."""
    version = tuple((version_info or sys.version_info)[:2])
    if version not in SUPPORTED:
        supported = ", ".join("%d.%d" % v for v in SUPPORTED)
        raise SystemExit(
            "odoo311compat: Python %d.%d is not supported. This launcher runs "
            "Odoo 11.0 on CPython %s only (Odoo 11 itself runs natively on "
            "Python 3.5-3.7, without this layer)." % (version + (supported,)))


def apply():
    """Install every bridge. Safe to call more than once."""
    global _applied
    if _applied:
        return
    check_python()
    # imported only now: on another Python the check above speaks first
    from . import stdlib, odoo_patches
    stdlib.apply()
    odoo_patches.install_import_hooks()
    _applied = True
