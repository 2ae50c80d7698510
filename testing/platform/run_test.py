#!/usr/bin/env python3
"""Run one of Odoo 11's own tests again, on a database where it already ran.

Usage: run_test.py <test id> -- <odoo-bin options>

<test id> is the dotted id summarise.py prints, e.g.
odoo.addons.website.tests.test_ui.TestUi.test_02_admin_tour_banner. The
options are odoo-bin's (-c, -d, --http-port, --logfile, --log-level, ...).

Odoo 11 has no --test-tags, and --test-file runs a whole file; this does what
odoo-bin does for one test method: the compatibility layer is applied by
loading bin/odoo-bin (its __main__ part does not run), the configuration is
parsed, the HTTP server thread starts on the configured port (HttpCase and its
PhantomJS tours talk to it, see ThreadedServer.start), the registry of the
installed database is loaded (no module installed or updated, so no other
test runs), and the test runs with unittest's TextTestRunner writing through
Odoo's TestStream, as odoo.modules.module.run_unit_tests does: the log reads
like the platform run's log, and summarise.py reads it the same way.

The exit status is 0 when the test passed, 1 when it failed, 2 on bad usage.
"""
import importlib.machinery
import importlib.util
import logging
import os
import sys
import threading
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_launcher():
    """bin/odoo-bin as a module: the compatibility layer applied, odoo imported."""
    path = os.path.join(ROOT, 'bin', 'odoo-bin')
    loader = importlib.machinery.SourceFileLoader('crm_suite_odoo_bin', path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    launcher = importlib.util.module_from_spec(spec)
    loader.exec_module(launcher)
    return launcher


def main(argv):
    if len(argv) < 2 or argv[1] != '--':
        sys.stderr.write(__doc__.split('\n\n')[1] + '\n')
        return 2
    test_id, odoo_args = argv[0], argv[2:]
    launcher = load_launcher()
    odoo = launcher.odoo
    odoo.tools.config.parse_config(odoo_args + ['--test-enable'])
    config = odoo.tools.config
    if not config['db_name'] or ',' in config['db_name']:
        sys.stderr.write('run_test.py: name one database with -d\n')
        return 2
    logger = logging.getLogger('odoo.tests.run_test')

    # As odoo.service.server.start() with --stop-after-init, up to the
    # registry: the server-wide modules, the XML-RPC marshaller, the HTTP
    # thread (started because test_enable is set).
    odoo.service.server.load_server_wide_modules()
    odoo.service.wsgi_server._patch_xmlrpc_marshaller()
    server = odoo.service.server.server = odoo.service.server.ThreadedServer(
        odoo.service.wsgi_server.application)
    server.start(stop=True)
    odoo.registry(config['db_name'])

    suite = unittest.TestLoader().loadTestsFromName(test_id)
    tests = list(odoo.modules.module.unwrap_suite(suite))
    if len(tests) != 1 or not isinstance(tests[0], unittest.TestCase):
        logger.error('%s names %d tests, not one test method', test_id, len(tests))
        server.stop()
        return 2
    test_module = type(tests[0]).__module__
    addon = test_module.split('.')[2]  # odoo.addons.<addon>.tests.<file>
    # What run_unit_tests sets around a module's tests.
    odoo.modules.module.current_test = addon
    threading.current_thread().testing = True
    with odoo.api.Environment.manage():
        logging.getLogger('odoo.modules.module').info('%s running tests.', test_module)
        result = unittest.TextTestRunner(
            verbosity=2, stream=odoo.modules.module.TestStream(test_module)).run(suite)
    threading.current_thread().testing = False
    odoo.modules.module.current_test = None
    if not result.wasSuccessful():
        logging.getLogger('odoo.modules.module').error(
            'Module %s: %d failures, %d errors', addon, len(result.failures), len(result.errors))
    server.stop()
    return 0 if result.wasSuccessful() else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
