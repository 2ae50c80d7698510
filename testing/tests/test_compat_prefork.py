"""Prefork mode (``workers`` > 0, what odoo.conf recommends in production)
under Python 3.11: a worker sets its CPU-time limit with a float, which
``resource.setrlimit`` refuses since Python 3.10 (compat/odoo_patches.py
bridges it). A real server with one worker answers requests one after the
other, served by the same worker, which stays alive."""
import pytest
import requests

from odoo.tests.common import get_db_name

from browser_harness import OdooServerProcess
from browser_harness.server import free_port


@pytest.mark.server_process
def test_a_prefork_worker_serves_requests_and_stays_alive():
    server = OdooServerProcess(
        get_db_name(), label='prefork-worker',
        extra_args=['--workers=1', '--max-cron-threads=0',
                    '--longpolling-port=%d' % free_port()])
    server.start()
    try:
        for __ in range(5):
            response = requests.post(
                server.url + '/web/webclient/version_info',
                json={'jsonrpc': '2.0', 'method': 'call', 'params': {}},
                timeout=30)
            assert response.status_code == 200
            assert response.json()['result']['server_serie'] == '11.0'
        log = server.log_text()
        assert 'integer argument expected' not in log
        assert 'exiting' not in log, server.log_tail()
        assert server.process.poll() is None
    finally:
        server.stop()
