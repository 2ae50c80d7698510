"""ChromiumCase: an Odoo test case with a headless Chromium on a test server;
InProcessServerCase: the same test server and shared cursor without a browser.

What Odoo 11's HttpCase does, made to work under pytest-odoo with Chromium:

* the in-process test server is started (once per process, free port);
* the registry enters test mode: every HTTP request of the server uses one
  shared test cursor (``registry.test_cr``), whose transaction is rolled back
  when the test ends. Unlike Odoo 11's HttpCase (whose ``self.cr`` is another
  transaction the browser never sees), ``self.cr``/``self.env`` here *are*
  that cursor: the browser sees the test's uncommitted data, and the test sees
  what the browser did;
* the test and the server's request threads take turns on that cursor. The
  test holds its lock by default; every Browser helper that lets the browser
  talk to the server (open, login, open_menu, wait_idle, wait_for,
  drag_and_drop) hands it over to the server for its duration and takes it
  back afterwards, with the test's ORM cache invalidated. Use
  ``with self.browser_turn():`` around your own Selenium calls that make the
  page call the server, or end them with ``self.browser.wait_idle()``;
* a fresh Chromium per test (``self.browser``, ``self.driver``);
* the test fails if the page logged JavaScript errors (console.error, uncaught
  errors, failed loads, the web client's error dialog); on any failure a
  screenshot, the page's HTML and the errors are saved in test-artifacts/.

It is not a subclass of HttpCase on purpose: pytest-odoo skips every HttpCase
unless ``--odoo-http`` is given, and ``--odoo-http`` on Odoo 11 runs
``odoo.service.server.start(stop=True)``, which deletes every registry and
shuts logging down.
"""
import contextlib
import re

import odoo
from odoo import api
from odoo.tests.common import BaseCase, get_db_name

from .browser import Browser, shorten
from .server import start_inprocess_server


class InProcessServerCase(BaseCase):
    """The in-process test server and its shared test cursor, without a
    browser: each HTTP call the test makes inside ``with
    self.browser_turn():`` is a real request served in the test's
    transaction, rolled back when the test ends (RPC and endpoint tests)."""

    def setUp(self):
        super(InProcessServerCase, self).setUp()
        self.base_url = start_inprocess_server()
        self.db = get_db_name()
        self.registry = odoo.registry(self.db)
        self.registry.enter_test_mode()
        test_cr = self.registry.test_cr
        test_cr.acquire()
        self._turn_depth = 0
        self.cr = test_cr
        self.uid = odoo.SUPERUSER_ID
        self.env = api.Environment(self.cr, self.uid, {})
        self.addCleanup(self._tear_down_server_case, test_cr)

    def _tear_down_server_case(self, test_cr):
        # the cursor is ours (its lock is held): close it, roll back everything
        self.registry.clear_caches()
        self.registry.reset_changes()
        self.env.reset()
        self.registry.leave_test_mode()
        test_cr.release()

    @contextlib.contextmanager
    def browser_turn(self):
        """Let the server's requests use the test cursor for a while.

        What the test wrote so far is kept (the test cursor's "commit" is a
        savepoint); afterwards the test's ORM cache is invalidated, as the
        browser may have changed anything.
        """
        if self._turn_depth:  # nested: the server has the cursor already
            self._turn_depth += 1
            try:
                yield
            finally:
                self._turn_depth -= 1
            return
        self.cr.commit()
        self._turn_depth = 1
        self.cr.release()
        try:
            yield
        finally:
            self.cr.acquire()
            self._turn_depth = 0
            self.env.cache.invalidate()


class ChromiumCase(InProcessServerCase):
    #: seconds a browser wait may take before the test fails
    browser_timeout = 60
    #: regexes of JavaScript errors this test expects (and so tolerates)
    allowed_js_errors = ()

    def setUp(self):
        self.browser = None
        super(ChromiumCase, self).setUp()
        self.browser = Browser(self.base_url, timeout=self.browser_timeout,
                               turn=self.browser_turn).start()
        # cleanups run last registered first: the browser quits before the
        # cursor is released, so no new request may start after this
        self.addCleanup(self.browser.quit)
        self.driver = self.browser.driver

    # -- results ------------------------------------------------------------
    def _callTestMethod(self, method):
        # Python 3.8+ unittest calls the test method here: the browser is
        # still open, so this is where the evidence of a failure is taken.
        try:
            method()
            self.assert_no_js_errors()
        except BaseException:
            self.save_evidence('FAILED')
            raise

    def evidence_name(self, label):
        return '%s.%s-%s' % (type(self).__name__, self._testMethodName, label)

    def save_evidence(self, label):
        """Screenshot + HTML (+ errors) as test-artifacts/<Class>.<test>-<label>.*"""
        if self.browser is None or self.browser.driver is None:
            return None
        try:
            return self.browser.save_evidence(self.evidence_name(label))
        except Exception:  # evidence must never hide the test's own error
            return None

    def js_errors(self):
        """The JavaScript errors seen so far, minus the allowed ones."""
        errors = self.browser.collect_errors()
        return [e for e in errors
                if not any(re.search(p, e) for p in self.allowed_js_errors)]

    def assert_no_js_errors(self):
        errors = self.js_errors()
        if errors:
            raise AssertionError('the page logged %d JavaScript error(s):\n%s' % (
                len(errors), '\n'.join('  - ' + shorten(e) for e in errors)))
