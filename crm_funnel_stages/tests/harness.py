# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The suite's browser test case (testing/browser_harness, on the path under
`make test`), or under Odoo's own runner, where testing/ is not on a server's
path, a stand-in whose tests are skipped with the reason."""
import unittest

from odoo.tests.common import BaseCase

try:
    from browser_harness import ChromiumCase  # noqa: F401
except ImportError:
    ChromiumCase = unittest.skip(
        "needs the suite's test harness, testing/browser_harness (make test)")(
        type('WithoutHarness', (BaseCase,), {}))
