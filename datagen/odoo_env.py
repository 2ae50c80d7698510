"""Odoo for standalone scripts (datagen's command line, the benchmarks).

The compatibility layer must be applied before ``odoo`` is imported, and a
script's cursors must be opened inside ``odoo.api.Environment.manage()``.
"""

import contextlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CONFIG = os.path.join(ROOT, 'testing', 'odoo-test.conf')


def bootstrap():
    """Apply the compatibility layer and import odoo; return the module."""
    compat = os.path.join(ROOT, 'compat')
    if compat not in sys.path:
        sys.path.insert(0, compat)
    os.environ.setdefault('CRM_SUITE_ROOT', ROOT)
    import odoo311compat

    odoo311compat.apply()
    import odoo

    return odoo


_configured = set()


def configure(db, config=DEFAULT_CONFIG):
    odoo = bootstrap()
    if (db, config) not in _configured:
        odoo.tools.config.parse_config(['-c', config, '-d', db])
        _configured.add((db, config))
    return odoo


@contextlib.contextmanager
def environment(db, config=DEFAULT_CONFIG, context=None):
    """An Environment (superuser) on ``db``; commits on success, rolls back on error."""
    odoo = configure(db, config)
    with odoo.api.Environment.manage():
        registry = odoo.registry(db)
        with registry.cursor() as cr:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, context or {})
