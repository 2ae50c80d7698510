# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The suite's test harness (testing/browser_harness, on the path under `make
test`), or under Odoo's own runner, where testing/ is not on a server's path,
None, and the tests that need it are skipped with the reason."""
NEEDS_HARNESS = "needs the suite's test harness, testing/browser_harness (make test)"
try:
    from browser_harness import (  # noqa: F401
        OdooServerProcess, copy_database, drop_database, free_port)
except ImportError:
    OdooServerProcess = copy_database = drop_database = free_port = None
