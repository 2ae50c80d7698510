"""Debian's Chromium, headless, through Selenium 4, driving Odoo 11's web client.

``Browser(base_url)`` starts /usr/bin/chromium through /usr/bin/chromedriver
(never a downloaded browser: the driver path is given, so Selenium Manager is
not used) with a fresh profile and a fixed window size, and offers what tests
of the web client need: log in through the login form, open a menu by its XML
id, wait until no RPC is pending, drag and drop for jQuery UI sortables, the
JavaScript errors the page produced, screenshots.
"""
import os
import re
import shutil
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from .server import ARTIFACTS_DIR

CHROMIUM = '/usr/bin/chromium'
CHROMEDRIVER = '/usr/bin/chromedriver'
WINDOW_SIZE = (1366, 900)
# Without the background-networking flags Chromium hangs on a closed network.
CHROMIUM_FLAGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage',
]

# Installed in every document before its own scripts run (CDP
# Page.addScriptToEvaluateOnNewDocument): records console.error calls,
# uncaught errors (even if a window.onerror handler swallows them) and
# unhandled promise rejections in window.__harness_errors.
ERROR_HOOK_JS = r"""
(function () {
    if (window.__harness_errors) { return; }
    var errors = window.__harness_errors = [];
    function text(value) {
        if (typeof value === 'string') { return value; }
        if (value && value.stack) { return String(value.stack); }
        try { return JSON.stringify(value); } catch (e) { return String(value); }
    }
    var consoleError = console.error;
    console.error = function () {
        var parts = Array.prototype.map.call(arguments, text);
        errors.push('console.error: ' + parts.join(' '));
        return consoleError.apply(console, arguments);
    };
    window.addEventListener('error', function (ev) {
        if (ev.target && ev.target !== window && ev.target.tagName) {
            errors.push('failed to load <' + ev.target.tagName.toLowerCase() + '> ' +
                        (ev.target.src || ev.target.href));
        } else {
            errors.push('uncaught: ' + text(ev.error || ev.message) +
                        ' (' + ev.filename + ':' + ev.lineno + ')');
        }
    }, true);
    window.addEventListener('unhandledrejection', function (ev) {
        errors.push('unhandled rejection: ' + text(ev.reason));
    });
})();
"""

# Why the page is not idle yet, or '' when it is. In the backend web client,
# the Loading widget counts the pending RPCs exactly as the "Loading"
# indicator does (core.bus rpc_request / rpc_response, web/static/src/js/
# chrome/loading.js); the bus's long-polling RPCs are "shadow" and never
# counted. Elsewhere (login page, before the web client exists) jQuery's
# count of running $.ajax requests is used.
BUSY_JS = r"""
if (document.readyState !== 'complete') { return 'document ' + document.readyState; }
var $ = window.jQuery;
var services = window.odoo && odoo.__DEBUG__ && odoo.__DEBUG__.services;
var webClient = services && services['web.web_client'];
if (webClient && webClient.loading) {
    var pending = webClient.loading.count;
    if (pending > 0) { return pending + ' RPC(s) pending'; }
} else if ($ && $.active > 0) {
    return $.active + ' ajax request(s) pending';
}
// jQuery animations, also of plain objects (the kanban column counters)
if ($ && $.timers && $.timers.length) { return 'animation running'; }
if (document.querySelector('.ui-sortable-helper')) { return 'drag in progress'; }
return '';
"""

# The texts of the crash manager's error dialogs not reported yet (marked now)
SHOWN_ERROR_DIALOGS_JS = r"""
var dialogs = document.querySelectorAll(
    '.modal .o_dialog_error:not([data-harness-seen])');
return Array.prototype.filter.call(dialogs, function (dialog) {
    return dialog.offsetParent !== null;
}).map(function (dialog) {
    dialog.setAttribute('data-harness-seen', '1');
    var modal = dialog.closest('.modal');
    var title = modal && modal.querySelector('.modal-title');
    var detail = dialog.querySelector('.o_error_detail');
    return (title ? title.textContent.trim() + ': ' : '') +
           (detail ? detail.textContent.trim() : dialog.textContent.trim());
});
"""

# Errors in Chromium's log that are not the application's
IGNORED_LOG = [
    re.compile(r'/favicon\.ico'),
]


def shorten(text, limit=1500):
    """The start and the end (where a traceback says what failed) of a text."""
    if len(text) <= limit:
        return text
    return '%s\n[...]\n%s' % (text[:limit // 4], text[-(limit * 3 // 4):])


class BrowserError(AssertionError):
    pass


class Browser(object):
    """One headless Chromium session against an Odoo server at ``base_url``.

    ``turn`` is a context-manager factory wrapped around everything that lets
    the browser talk to the server (ChromiumCase passes one that hands the
    shared test cursor to the server while the browser works); by default it
    does nothing.
    """

    def __init__(self, base_url, timeout=30, turn=None, window_size=WINDOW_SIZE):
        self.base_url = base_url.rstrip('/')
        self.timeout = timeout
        self._turn = turn
        self.window_size = window_size
        self.driver = None
        self.user_data_dir = None
        self.errors = []

    # -- life cycle ---------------------------------------------------------
    def start(self):
        self.user_data_dir = tempfile.mkdtemp(prefix='chromium-harness-')
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument('--user-data-dir=%s' % self.user_data_dir)
        options.add_argument('--window-size=%d,%d' % self.window_size)
        options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
        log_dir = os.path.join(ARTIFACTS_DIR, 'server-logs')
        os.makedirs(log_dir, exist_ok=True)
        service = Service(executable_path=CHROMEDRIVER,
                          log_output=os.path.join(log_dir, 'chromedriver.log'))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(self.timeout * 4)
        self.driver.execute_cdp_cmd('Page.addScriptToEvaluateOnNewDocument',
                                    {'source': ERROR_HOOK_JS})
        return self

    def quit(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            finally:
                self.driver = None
                shutil.rmtree(self.user_data_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.quit()

    def turn(self):
        if self._turn is not None:
            return self._turn()
        return _NoTurn()

    # -- waiting ------------------------------------------------------------
    def wait_idle(self, timeout=None, quiet=0.3):
        """Wait until no RPC is pending, for ``quiet`` seconds in a row."""
        timeout = timeout or self.timeout
        deadline = time.time() + timeout
        idle_since = None
        reason = 'not checked'
        with self.turn():
            while time.time() < deadline:
                try:
                    reason = self.driver.execute_script(BUSY_JS)
                except WebDriverException as exc:  # navigating: no document yet
                    reason = 'no document (%s)' % exc.__class__.__name__
                if reason:
                    idle_since = None
                elif idle_since is None:
                    idle_since = time.time()
                elif time.time() - idle_since >= quiet:
                    return
                time.sleep(0.05)
        raise BrowserError('the page is still busy after %ss: %s' % (timeout, reason))

    def wait_for(self, css, timeout=None, visible=True, count=None):
        """Wait for elements matching ``css`` (visible ones by default).

        Returns the first one, or all of them if ``count`` is given (then
        waits until at least ``count`` match).
        """
        timeout = timeout or self.timeout
        deadline = time.time() + timeout
        with self.turn():
            while time.time() < deadline:
                try:
                    found = self.driver.find_elements(By.CSS_SELECTOR, css)
                    if visible:
                        found = [el for el in found if el.is_displayed()]
                except WebDriverException:
                    found = []
                if found and (count is None or len(found) >= count):
                    return found if count is not None else found[0]
                time.sleep(0.05)
        raise BrowserError('no %selement matches %r after %ss (page: %s)' % (
            'visible ' if visible else '', css, timeout, self.driver.current_url))

    # -- navigation ---------------------------------------------------------
    def open(self, path):
        """Load ``path`` (relative to the server) and wait until it is idle."""
        self.collect_errors()
        with self.turn():
            self.driver.get(path if '://' in path else self.base_url + path)
        self.wait_idle()

    def login(self, login, password):
        """Log in through the login form and wait for the backend web client."""
        self.open('/web/login')
        with self.turn():
            form = self.driver.find_element(By.CSS_SELECTOR, 'form.oe_login_form')
            form.find_element(By.NAME, 'login').send_keys(login)
            form.find_element(By.NAME, 'password').send_keys(password)
            self.collect_errors()
            form.find_element(By.CSS_SELECTOR, 'button[type=submit]').click()
        try:
            self.wait_for('.o_web_client .o_main_content')
        except BrowserError:
            alerts = self.driver.find_elements(By.CSS_SELECTOR, '.oe_login_form .alert')
            raise BrowserError('login as %r failed%s' % (
                login, ': %s' % alerts[0].text if alerts else ''))
        self.wait_idle()

    def open_menu(self, xmlid):
        """Click the menu item with XML id ``xmlid`` as a user would.

        A menu of the top bar is clicked directly; a sub-menu is reached by
        clicking its application first (which shows its left-hand menu).
        """
        selector = 'a[data-menu-xmlid="%s"]' % xmlid
        with self.turn():
            links = self.driver.find_elements(By.CSS_SELECTOR, selector)
            if not links:
                raise BrowserError('no menu item %s in the page (not visible to '
                                   'this user?)' % xmlid)
            link = links[0]
            if not link.is_displayed():
                app_id = self.driver.execute_script(
                    "var section = arguments[0].closest('.oe_secondary_menu');"
                    "return section && section.getAttribute('data-menu-parent');",
                    link)
                if not app_id:
                    raise BrowserError('menu item %s is hidden and belongs to no '
                                       'application' % xmlid)
                self.driver.find_element(
                    By.CSS_SELECTOR, '.o_main_navbar a[data-menu="%s"], '
                    '#oe_main_menu_navbar a[data-menu="%s"]' % (app_id, app_id)).click()
        if not link.is_displayed():
            self.wait_idle()
            with self.turn():
                link.click()
        else:
            with self.turn():
                link.click()
        self.wait_idle()

    # -- drag and drop ------------------------------------------------------
    def center(self, element, dx=0, dy=0):
        """Viewport coordinates of an element's centre (plus an offset)."""
        rect = self.driver.execute_script(
            'var r = arguments[0].getBoundingClientRect();'
            'return [r.left + r.width / 2, r.top + r.height / 2];', element)
        return int(rect[0] + dx), int(rect[1] + dy)

    def drag_and_drop(self, source, target, target_offset=(0, 0), steps=12,
                      hold=0.3, step_pause=0.03):
        """Drag ``source`` onto ``target`` with real mouse events.

        jQuery UI's sortable (kanban cards and columns, list row handles in
        Odoo 11) only starts dragging after the mouse moved while pressed
        (and after its ``delay``, 100 ms for kanban columns), and decides where
        the item goes on each mousemove: so the pointer is pressed, held
        ``hold`` seconds, moved in ``steps`` small moves, and released over
        the target (its centre plus ``target_offset``). Waits until idle.
        ``source`` should be the drag handle when the sortable has one.
        """
        with self.turn():
            sx, sy = self.center(source)
            tx, ty = self.center(target, *target_offset)
            actions = ActionChains(self.driver, duration=20)
            pointer = actions.w3c_actions.pointer_action
            pointer.move_to_location(sx, sy)
            pointer.pointer_down()
            pointer.pause(hold)
            for i in range(1, steps + 1):
                pointer.move_to_location(int(sx + (tx - sx) * i / steps),
                                         int(sy + (ty - sy) * i / steps))
                pointer.pause(step_pause)
            # a last small move over the target: sortable re-evaluates there
            pointer.move_to_location(tx, ty + 1)
            pointer.pause(hold)
            pointer.pointer_up()
            actions.perform()
        self.wait_idle()

    # -- errors and evidence --------------------------------------------------
    def collect_errors(self):
        """Move the page's JavaScript errors into ``self.errors``; return them."""
        if self.driver is None:
            return self.errors
        try:
            hooked = self.driver.execute_script(
                'var e = window.__harness_errors || []; '
                'return e.splice(0, e.length);') or []
        except WebDriverException:
            hooked = []
        self.errors.extend(e for e in hooked
                           if not any(p.search(e) for p in IGNORED_LOG))
        try:
            for entry in self.driver.get_log('browser'):
                if entry.get('level') != 'SEVERE':
                    continue
                message = '%s: %s' % (entry.get('source'), entry.get('message'))
                if any(p.search(message) for p in IGNORED_LOG):
                    continue
                # console-api entries are in the hooked list already
                if entry.get('source') != 'console-api':
                    self.errors.append(message)
        except WebDriverException:
            pass  # the log endpoint is optional; the hook still reports
        # the web client's crash dialog (an RPC or client error shown to the
        # user), each reported once
        try:
            shown = self.driver.execute_script(SHOWN_ERROR_DIALOGS_JS) or []
        except WebDriverException:
            shown = []
        self.errors.extend('error dialog shown: %s' % shorten(text) for text in shown)
        return self.errors

    def save_evidence(self, name):
        """Save a screenshot, the page's HTML and the errors into test-artifacts/.

        Returns the screenshot's path.
        """
        os.makedirs(ARTIFACTS_DIR, exist_ok=True)
        base = os.path.join(ARTIFACTS_DIR, re.sub(r'[^\w.-]+', '_', name))
        self.driver.save_screenshot(base + '.png')
        with open(base + '.html', 'w') as html:
            html.write(self.driver.page_source)
        if self.errors:
            with open(base + '.errors.txt', 'w') as log:
                log.write('\n'.join(self.errors) + '\n')
        return base + '.png'


class _NoTurn(object):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
