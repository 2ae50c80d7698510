"""Browser and server test harness of the CRM suite (platform code).

Addon tests import it; it is on PYTHONPATH through testing/run-tests.sh.
See README.md in this folder.
"""
from .server import (  # noqa: F401
    ARTIFACTS_DIR, JsonRpcError, JsonRpcSession, OdooServerProcess,
    copy_database, drop_database, free_port, start_inprocess_server)
from .browser import Browser, BrowserError  # noqa: F401
from .case import ChromiumCase, InProcessServerCase  # noqa: F401
