"""Test Odoo servers: in-process (for ChromiumCase) and as a subprocess.

In-process: ``start_inprocess_server()`` serves the pytest process's own Odoo
(``odoo.service.wsgi_server.application``) on a free port, in a daemon thread,
once per process. Combined with ``registry.enter_test_mode()`` (done by
ChromiumCase) every HTTP request then runs in the test's own transaction, so
the browser sees uncommitted test data and nothing it does is committed.

Subprocess: ``OdooServerProcess`` runs ``bin/odoo-bin`` against a database on
a free port, with its log kept under test-artifacts/server-logs/. Use it when
a test needs the real server process (the queue_job runner, cron threads, real
commits). ``copy_database``/``drop_database`` make and remove a throw-away
copy of a database (with its filestore) for such a server.
"""
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import closing

import requests

_logger = logging.getLogger(__name__)

ROOT = os.environ.get('CRM_SUITE_ROOT') or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTIFACTS_DIR = os.path.join(ROOT, 'test-artifacts')
LOCALHOST = '127.0.0.1'


def free_port():
    """A TCP port nobody listens on right now (the OS picks it)."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind((LOCALHOST, 0))
        return sock.getsockname()[1]


def wait_until_listening(port, timeout=30.0, host=LOCALHOST):
    deadline = time.time() + timeout
    while time.time() < deadline:
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((host, port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError('nothing listens on %s:%s after %ss' % (host, port, timeout))


# ---------------------------------------------------------------------------
# (a) in-process server
# ---------------------------------------------------------------------------
_inprocess = {}
_inprocess_lock = threading.Lock()


def start_inprocess_server():
    """Serve this process's Odoo over HTTP on a free port; return the base URL.

    Idempotent: the first call starts the server thread, later calls return the
    same URL. Odoo reads the port from its configuration at import time in
    ``odoo.tests.common`` (``PORT``), so both are set.
    """
    import odoo
    import odoo.tests.common
    from odoo.service import server as odoo_server
    from odoo.service import wsgi_server

    with _inprocess_lock:
        if 'url' in _inprocess:
            return _inprocess['url']
        port = free_port()
        odoo.tools.config['http_interface'] = LOCALHOST
        odoo.tools.config['http_port'] = port
        odoo.tests.common.PORT = port
        odoo.tests.common.HOST = LOCALHOST
        # the web client's /web/login needs to know the database: a test
        # server serves the test database only
        db_name = odoo.tests.common.get_db_name()
        if db_name:
            odoo.tools.config['dbfilter'] = '^%s$' % re.escape(db_name)
        odoo_server.load_server_wide_modules()
        wsgi_server._patch_xmlrpc_marshaller()
        httpd = odoo_server.ThreadedServer(wsgi_server.application)
        # http_spawn() only: ThreadedServer.start() would install signal
        # handlers, and queue_job patches start() to launch its job runner
        httpd.http_spawn()
        wait_until_listening(port)
        url = 'http://%s:%s' % (LOCALHOST, port)
        if db_name:
            _warm_up_assets(url, db_name)
        _inprocess['server'] = httpd
        _inprocess['url'] = url
        _logger.info('in-process test server on %s', _inprocess['url'])
        return _inprocess['url']


def _warm_up_assets(url, db_name):
    """Load the login page and the backend once, outside any test transaction.

    Odoo compiles its asset bundles (lessc, concatenated JavaScript) into
    attachments the first time a page needs them. Inside a test transaction
    that work is rolled back and redone by every test (about 8 s each); done
    here once, it is committed like on the first visit of any server.
    """
    import odoo
    from odoo import api
    from odoo.service import security

    registry = odoo.registry(db_name)
    session = odoo.http.root.session_store.new()
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        session.db = db_name
        session.uid = odoo.SUPERUSER_ID
        session.login = env.user.login
        session.session_token = security.compute_session_token(session, env)
        session.context = dict(env['res.users'].context_get() or {},
                               uid=odoo.SUPERUSER_ID)
    odoo.http.root.session_store.save(session)
    try:
        for path, cookies in (('/web/login', {}),
                              ('/web', {'session_id': session.sid})):
            response = requests.get(url + path, cookies=cookies, timeout=300)
            if response.status_code != 200:
                raise RuntimeError('warming up the assets: %s answered %s' % (
                    path, response.status_code))
    finally:
        odoo.http.root.session_store.delete(session)


# ---------------------------------------------------------------------------
# (b) subprocess server
# ---------------------------------------------------------------------------
def _pg_env():
    """Environment for odoo-bin: the suite's root, lessc on PATH."""
    env = dict(os.environ)
    env.setdefault('CRM_SUITE_ROOT', ROOT)
    node_bin = os.path.join(ROOT, 'node_modules', '.bin')
    if node_bin not in env.get('PATH', '').split(os.pathsep):
        env['PATH'] = node_bin + os.pathsep + env.get('PATH', '')
    return env


class OdooServerProcess(object):
    """``bin/odoo-bin`` against one database, on a free port.

    ``start()`` waits until /web/login answers 200; ``stop()`` sends SIGTERM
    (Odoo's graceful shutdown, which also stops the queue_job runner) and
    kills it only if it does not exit in time. The log is written to
    ``log_path`` (test-artifacts/server-logs/<label>-<port>.log) and kept.

    Usable as a context manager::

        with OdooServerProcess(db, extra_args=['--load=web,queue_job']) as srv:
            requests.get(srv.url + '/web/login')
    """

    def __init__(self, database, extra_args=(), config='testing/odoo-test.conf',
                 label='odoo', env=None, log_level='info', start_timeout=120):
        self.database = database
        self.port = free_port()
        self.url = 'http://%s:%s' % (LOCALHOST, self.port)
        self.config = os.path.join(ROOT, config)
        self.extra_args = list(extra_args)
        self.log_level = log_level
        self.start_timeout = start_timeout
        log_dir = os.path.join(ARTIFACTS_DIR, 'server-logs')
        os.makedirs(log_dir, exist_ok=True)
        self.log_path = os.path.join(log_dir, '%s-%s.log' % (label, self.port))
        self.env = _pg_env()
        # queue_job's runner calls /queue_job/runjob on this very server
        self.env['ODOO_QUEUE_JOB_HOST'] = LOCALHOST
        self.env['ODOO_QUEUE_JOB_PORT'] = str(self.port)
        self.env.update(env or {})
        self.process = None

    @property
    def command(self):
        return [
            sys.executable, os.path.join(ROOT, 'bin', 'odoo-bin'),
            '-c', self.config,
            '--database', self.database,
            '--db-filter', '^%s$' % re.escape(self.database),
            '--http-interface', LOCALHOST,
            '--http-port', str(self.port),
            '--log-level', self.log_level,
            '--logfile', self.log_path,
        ] + self.extra_args

    def start(self):
        # odoo-bin appends to its logfile: start each run with an empty one
        open(self.log_path, 'w').close()
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=open(self.log_path + '.stderr', 'w'))
        deadline = time.time() + self.start_timeout
        # Odoo preloads the database's registry in its main thread once the
        # HTTP service listens; a request served meanwhile imports every
        # addon (http.Root.load_addons) while the registry is being built,
        # and that race of Odoo 11 can fail the load ("KeyError:
        # 'res.partner'", seen in CI). So nothing is requested before the
        # preload has ended, one way or the other.
        preloaded = re.compile(
            r'odoo\.modules\.loading: Modules loaded\.'
            r'|Failed to initialize database')
        while time.time() < deadline and not preloaded.search(self.log_text()):
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        last_error = None
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('odoo-bin exited with %s while starting:\n%s' % (
                    self.process.returncode, self.log_tail()))
            try:
                response = requests.get(self.url + '/web/login', timeout=30)
                if response.status_code == 200:
                    return self
                last_error = 'HTTP %s' % response.status_code
            except requests.RequestException as exc:
                last_error = exc
            time.sleep(0.25)
        self.stop()
        raise RuntimeError('odoo-bin did not answer /web/login within %ss (%s):\n%s' % (
            self.start_timeout, last_error, self.log_tail()))

    def stop(self, timeout=30):
        """Graceful stop (SIGTERM); SIGKILL after ``timeout`` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            _logger.warning('odoo-bin (pid %s) ignored SIGTERM, killing it',
                            self.process.pid)
            self.process.kill()
            self.process.wait(10)

    def log_text(self):
        try:
            with open(self.log_path, errors='replace') as log:
                return log.read()
        except OSError:
            return ''

    def log_tail(self, lines=40):
        return '\n'.join(self.log_text().splitlines()[-lines:])

    def wait_for_log(self, pattern, timeout=60):
        """Wait until a line of the log matches ``pattern`` (a regex)."""
        regex = re.compile(pattern)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if regex.search(self.log_text()):
                return True
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError('the server log never showed %r within %ss:\n%s' % (
            pattern, timeout, self.log_tail()))

    def session(self, login, password):
        """A JSON-RPC session of ``login`` on this server (see JsonRpcSession)."""
        return JsonRpcSession(self.url, self.database, login, password)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class JsonRpcError(AssertionError):
    pass


class JsonRpcSession(object):
    """Talk to a server as the web client does: one JSON-RPC request (and so
    one committed transaction) per call, authenticated by a session cookie."""

    def __init__(self, url, database, login, password, timeout=60):
        self.url = url
        self.timeout = timeout
        self.http = requests.Session()
        self.uid = self.rpc('/web/session/authenticate', {
            'db': database, 'login': login, 'password': password})['uid']
        if not self.uid:
            raise JsonRpcError('%s could not log in to %s' % (login, database))

    def rpc(self, path, params):
        response = self.http.post(self.url + path, json={
            'jsonrpc': '2.0', 'method': 'call', 'params': params,
        }, timeout=self.timeout)
        response.raise_for_status()
        body = response.json()
        if body.get('error'):
            error = body['error']
            raise JsonRpcError('%s: %s\n%s' % (path, error.get('message'), (
                error.get('data') or {}).get('debug', '')))
        return body.get('result')

    def call(self, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` (call_kw, like the web client)."""
        return self.rpc('/web/dataset/call_kw/%s/%s' % (model, method), {
            'model': model, 'method': method, 'args': list(args), 'kwargs': kwargs})

    def call_button(self, model, method, ids):
        """What clicking an object button of a form does."""
        return self.rpc('/web/dataset/call_button', {
            'model': model, 'method': method, 'args': [ids]})


# ---------------------------------------------------------------------------
# throw-away database copies
# ---------------------------------------------------------------------------
def _postgres_cursor():
    import odoo
    cr = odoo.sql_db.db_connect('postgres').cursor()
    cr.autocommit(True)
    return cr


def _check_db_name(name):
    if not re.match(r'^[A-Za-z0-9_-]+$', name or ''):
        raise ValueError('not a plain database name: %r' % (name,))


def copy_database(source, target, timeout=30):
    """``CREATE DATABASE target TEMPLATE source`` plus the filestore.

    PostgreSQL refuses to copy a database somebody is connected to: this
    process's idle pooled connections to ``source`` are closed first (call it
    while no cursor of yours on ``source`` is open). Other sessions are waited
    for, never terminated.
    """
    import odoo
    _check_db_name(source)
    _check_db_name(target)
    odoo.sql_db.close_db(source)
    deadline = time.time() + timeout
    with closing(_postgres_cursor()) as cr:
        while True:
            try:
                cr.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (target, source))
                break
            except Exception as exc:  # psycopg2.errors.ObjectInUse
                if 'is being accessed by other users' not in str(exc) \
                        or time.time() > deadline:
                    raise
                time.sleep(0.5)
    source_fs = odoo.tools.config.filestore(source)
    target_fs = odoo.tools.config.filestore(target)
    if os.path.isdir(source_fs) and not os.path.exists(target_fs):
        shutil.copytree(source_fs, target_fs)
    return target


def drop_database(name):
    """Drop a database made by copy_database (and its filestore)."""
    import odoo
    _check_db_name(name)
    odoo.modules.registry.Registry.delete(name)
    odoo.sql_db.close_db(name)
    with closing(_postgres_cursor()) as cr:
        cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
    shutil.rmtree(odoo.tools.config.filestore(name), ignore_errors=True)
