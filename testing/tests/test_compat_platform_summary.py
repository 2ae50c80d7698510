"""testing/platform/summarise.py reads Odoo 11's test log as Odoo writes it."""
import importlib.util
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    'platform_summarise', os.path.join(HERE, '..', 'platform', 'summarise.py'))
summarise = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(summarise)

P = '2026-11-23 15:45:42,976 11999 %s platform_1 %s: %s\n'
CRM = 'odoo.addons.crm.tests.test_crm_lead'
UI = 'odoo.addons.crm.tests.test_crm_ui'


def log(*records):
    return [P % r for r in records]


PASSING = log(
    ('INFO', 'odoo.modules.module', CRM + ' running tests.'),
    ('INFO', CRM, 'test_a (%s.TestLead.test_a)' % CRM),
    ('INFO', CRM, 'test_b (%s.TestLead.test_b)' % CRM),
    ('INFO', CRM, 'Ran 2 tests in 0.4s'),
    ('INFO', CRM, 'OK'),
    ('INFO', UI, 'test_01_crm_tour (%s.TestUi.test_01_crm_tour)' % UI),
    ('INFO', 'odoo.tests.common', 'phantom_run executing phantomjs'),
    ('INFO', UI, "skipped 'PhantomJS not found'"),
    ('INFO', UI, 'Ran 1 test in 0.1s'),
    ('INFO', UI, 'OK'),
    ('INFO', UI, ' (skipped=1)'),
    ('ERROR', 'odoo.modules.graph', 'module hr_maintenance: Unmet dependencies: hr'),
)
FAILING = log(
    ('INFO', CRM, 'test_a (%s.TestLead.test_a)' % CRM),
    ('ERROR', CRM, 'FAIL'),
    ('ERROR', CRM, 'FAIL: test_a (%s.TestLead.test_a)' % CRM),
    ('ERROR', CRM, 'Traceback (most recent call last):'),
    ('INFO', CRM, 'Ran 1 test in 0.4s'),
    ('ERROR', CRM, 'FAILED'),
    ('INFO', CRM, ' (failures=1)'),
    ('ERROR', 'odoo.modules.module', 'Module crm: 1 failures, 0 errors'),
)
EXCLUDED = {UI + '.TestUi.test_01_crm_tour': 'PhantomJS'}


def run(lines, exclusions=EXCLUDED, rc=0):
    out = io.StringIO()
    status = summarise.summarise(*summarise.parse(lines), exclusions=exclusions,
                                 requested=['crm'], odoo_rc=rc, out=out)
    return status, out.getvalue().splitlines()


def test_all_passed_with_a_listed_skip():
    status, out = run(PASSING)
    assert status == 0
    assert out[-1] == '2 passed, 0 failed, 1 skipped'


def test_unlisted_skip_fails():
    status, out = run(PASSING, exclusions={})
    assert status == 1
    assert out[-1] == '2 passed, 1 failed, 0 skipped'


def test_failure_is_counted_and_named():
    status, out = run(FAILING, rc=1)
    assert status == 1
    assert 'platform: FAILED %s.TestLead.test_a' % CRM in out
    assert out[-1] == '0 passed, 1 failed, 0 skipped'


def test_error_logged_outside_the_tests_fails():
    status, out = run(PASSING + log(('CRITICAL', 'odoo.service.server', 'Failed to initialize database')))
    assert status == 1
    assert out[-1] == '2 passed, 1 failed, 1 skipped'


def test_odoo_exit_status_alone_fails():
    status, out = run(PASSING, rc=1)
    assert status == 1 and out[-1] == '2 passed, 1 failed, 1 skipped'
