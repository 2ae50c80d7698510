# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The suite's test harness (testing/browser_harness, on the path under `make
test`), or under Odoo's own runner, where testing/ is not on a server's path,
a stand-in whose tests are skipped with the reason (crm_suite's tests use it
too)."""
import unittest

from odoo.tests.common import BaseCase

NEEDS_HARNESS = "needs the suite's test harness, testing/browser_harness (make test)"
try:
    from browser_harness import (  # noqa: F401
        ChromiumCase, InProcessServerCase, JsonRpcError, JsonRpcSession,
        OdooServerProcess, copy_database, drop_database)
except ImportError:
    ChromiumCase = InProcessServerCase = unittest.skip(NEEDS_HARNESS)(
        type('WithoutHarness', (BaseCase,), {}))
    JsonRpcError = JsonRpcSession = OdooServerProcess = None
    copy_database = drop_database = None
