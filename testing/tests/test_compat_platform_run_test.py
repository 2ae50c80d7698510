"""testing/platform/run_test.py runs one of Odoo's own tests again, alone, on
a database where Odoo is installed, with the HTTP server an HttpCase needs,
and logs it as Odoo's runner does: summarise.py reads its log as a rerun."""
import os
import subprocess
import sys

import pytest

from odoo.tests.common import get_db_name

from browser_harness.server import ROOT, free_port
from platform_summarise import summarise

XMLRPC = 'odoo.addons.base.tests.test_xmlrpc.TestXMLRPC'


def run_test(test_id, logfile):
    db = get_db_name()
    return subprocess.run(
        [sys.executable, os.path.join(ROOT, 'testing', 'platform', 'run_test.py'), test_id, '--',
         '-c', os.path.join(ROOT, 'testing', 'odoo-test.conf'), '-d', db,
         '--db-filter=^%s$' % db, '--log-level=test', '--http-interface=127.0.0.1',
         '--http-port=%d' % free_port(), '--logfile=%s' % logfile],
        cwd=ROOT, timeout=600, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        universal_newlines=True)


@pytest.mark.server_process
def test_one_http_test_runs_alone_against_the_server_it_starts(tmp_path):
    # An HttpCase of Odoo's base that calls the server over XML-RPC: it
    # passes only if the HTTP server answers on the configured port.
    test_id = XMLRPC + '.test_xmlrpc_ir_model_search'
    logfile = str(tmp_path / 'rerun.log')
    result = run_test(test_id, logfile)
    assert result.returncode == 0, result.stdout
    log = summarise.read_log(logfile)
    assert summarise.rerun_outcome(test_id, log, result.returncode) == (True, None, 'passed')
    assert [addon for addon in log.modules] == ['base']
    assert log.modules['base'].ran == 1
    with open(logfile, encoding='utf-8') as f:
        text = f.read()
    assert 'test_xmlrpc_ir_model_search (%s)' % test_id in text
    assert 'test_01_xmlrpc_login' not in text


@pytest.mark.server_process
def test_an_id_naming_more_than_one_test_is_refused(tmp_path):
    logfile = str(tmp_path / 'rerun.log')
    result = run_test(XMLRPC, logfile)
    assert result.returncode == 2
    with open(logfile, encoding='utf-8') as f:
        assert '%s names 2 tests, not one test method' % XMLRPC in f.read()
    assert summarise.read_log(logfile).modules == {}
