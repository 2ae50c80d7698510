"""pytest plugin: apply the compatibility layer before pytest-odoo imports odoo.

pytest-odoo imports ``odoo`` as pytest starts, before any conftest.py, so the
layer is loaded as a plugin (``-p odoo311compat.pytest_plugin`` in
pytest.ini). It also sets CRM_SUITE_ROOT, which the configuration files use.
"""
import os

import odoo311compat

os.environ.setdefault(
    'CRM_SUITE_ROOT',
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
odoo311compat.apply()
