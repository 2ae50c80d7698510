"""testing/platform/summarise.py reads Odoo 11's test log as Odoo writes it,
and decides which failed test run.sh runs again (and counts it).

The platform_logs/ fixtures are real logs (werkzeug's access lines left
out): of testing/platform/run.sh with PhantomJS killed during website's
banner tour, and of run_test.py running that tour alone, passing, with
PhantomJS crashing by itself, on the editor's manipulatorOffset race under
CPU load, and failing at a step for another reason. Each says on its first
line how it was made."""
import io
import os

from platform_summarise import summarise

HERE = os.path.dirname(os.path.abspath(__file__))

P = '2026-11-23 15:45:42,976 11999 %s platform_1 %s: %s\n'
CRM = 'odoo.addons.crm.tests.test_crm_lead'
UI = 'odoo.addons.crm.tests.test_crm_ui'
BANNER = 'odoo.addons.website.tests.test_ui.TestUi.test_02_admin_tour_banner'
BANNER_SHORT = 'website.tests.test_ui.TestUi.test_02_admin_tour_banner'
LOGS = os.path.join(HERE, 'platform_logs')


def log(*records):
    return [P % r for r in records]


def fixture(name):
    with open(os.path.join(LOGS, name + '.log'), encoding='utf-8') as f:
        return f.readlines()


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
    ('ERROR', CRM, '`   File "/odoo/addons/crm/tests/test_crm_lead.py", line 9, in test_a'),
    ('ERROR', CRM, '`     self.assertEqual(lead.stage_id, stage)'),
    ('ERROR', CRM, '` AssertionError: crm.stage(1,) != crm.stage(2,)'),
    ('INFO', CRM, 'Ran 1 test in 0.4s'),
    ('ERROR', CRM, 'FAILED'),
    ('INFO', CRM, ' (failures=1)'),
    ('ERROR', 'odoo.modules.module', 'Module crm: 1 failures, 0 errors'),
)
EXCLUDED = {UI + '.TestUi.test_01_crm_tour': 'PhantomJS'}


def run(lines, exclusions=EXCLUDED, rc=0, reruns=(), requested=('crm',)):
    """summarise.py on a platform log and its reruns [(test id, log lines,
    exit status)]: (exit status, printed lines, test to run again next)."""
    out = io.StringIO()
    runs = [(tid, summarise.parse(rerun), rerun_rc, 'rerun%d.log' % n)
            for n, (tid, rerun, rerun_rc) in enumerate(reruns, 1)]
    status, decided = summarise.summarise(summarise.parse(lines), exclusions=exclusions,
                                          requested=list(requested), odoo_rc=rc,
                                          out=out, runs=runs)
    return status, out.getvalue().splitlines(), decided.next


def test_all_passed_with_a_listed_skip():
    status, out, next_rerun = run(PASSING)
    assert status == 0 and next_rerun is None
    assert out[-1] == '2 passed, 0 failed, 1 skipped, 0 reruns'


def test_unlisted_skip_fails():
    status, out, _ = run(PASSING, exclusions={})
    assert status == 1
    assert out[-1] == '2 passed, 1 failed, 0 skipped, 0 reruns'


def test_failure_is_counted_and_named():
    status, out, next_rerun = run(FAILING, rc=1)
    assert status == 1 and next_rerun is None
    assert ('platform: FAILED %s.TestLead.test_a: AssertionError: crm.stage(1,) != crm.stage(2,)'
            % CRM) in out
    assert out[-1] == '0 passed, 1 failed, 0 skipped, 0 reruns'


def test_error_logged_outside_the_tests_fails():
    status, out, _ = run(PASSING + log(('CRITICAL', 'odoo.service.server', 'Failed to initialize database')))
    assert status == 1
    assert out[-1] == '2 passed, 1 failed, 1 skipped, 0 reruns'


def test_odoo_exit_status_alone_fails():
    status, out, _ = run(PASSING, rc=1)
    assert status == 1 and out[-1] == '2 passed, 1 failed, 1 skipped, 0 reruns'


# What each real failure is, as run.sh's decision reads it.

def failure_of(name):
    failures = summarise.parse(fixture(name)).failures()
    assert list(failures) == [BANNER]
    return summarise.rerun_reason(BANNER, failures[BANNER])


def test_a_phantomjs_crash_is_rerun():
    assert failure_of('rerun_phantomjs_crash') == 'PhantomJS crash'
    assert failure_of('rerun_phantomjs_segfault') == 'PhantomJS crash'


def test_the_banner_tours_manipulator_race_is_rerun():
    assert failure_of('rerun_timing_error') == 'tour timing error'


def test_a_tour_failing_at_a_step_is_not_rerun():
    assert failure_of('rerun_step_failed') is None


def test_the_race_is_rerun_in_the_banner_tour_only():
    other = 'odoo.addons.website.tests.test_ui.TestUi.test_03_other_tour'
    lines = [line.replace('test_02_admin_tour_banner', 'test_03_other_tour')
             for line in fixture('rerun_timing_error')]
    failures = summarise.parse(lines).failures()
    assert list(failures) == [other]
    assert summarise.rerun_reason(other, failures[other]) is None
    status, out, next_rerun = run(lines, rc=1, requested=['website'])
    assert status == 1 and next_rerun is None
    assert out[-1] == '0 passed, 1 failed, 0 skipped, 0 reruns'


def test_the_same_message_from_elsewhere_than_phantomjs_is_not_rerun():
    """Only what HttpCase.phantom_poll raised qualifies."""
    lines = log(
        ('INFO', CRM, 'test_a (%s.TestLead.test_a)' % CRM),
        ('ERROR', CRM, 'FAIL: test_a (%s.TestLead.test_a)' % CRM),
        ('ERROR', CRM, 'Traceback (most recent call last):'),
        ('ERROR', CRM, '`   File "/odoo/addons/crm/tests/test_crm_lead.py", line 9, in test_a'),
        ('ERROR', CRM, '`     self.fail("Ran out of data to read")'),
        ('ERROR', CRM, '` AssertionError: Ran out of data to read'),
    )
    tid = CRM + '.TestLead.test_a'
    assert summarise.rerun_reason(tid, summarise.parse(lines).failures()[tid]) is None


# The platform run, then the reruns run.sh makes.

def platform_run():
    return fixture('platform_banner_timing_error')


def website(**kwargs):
    return run(platform_run(), rc=1, requested=['website'], **kwargs)


TIMING = 'tour timing error'
CRASH = 'PhantomJS crash'


def test_the_platform_runs_failed_banner_tour_is_the_test_to_run_again():
    status, out, next_rerun = website()
    assert next_rerun == BANNER
    assert status == 1
    assert out[-1] == '1 passed, 1 failed, 0 skipped, 0 reruns'


def test_a_rerun_that_passes_makes_the_run_pass_and_is_counted():
    status, out, next_rerun = website(reruns=[(BANNER, fixture('rerun_passed'), 0)])
    assert status == 0 and next_rerun is None
    assert 'platform: rerun of %s (%s): passed (log: rerun1.log)' % (BANNER, TIMING) in out
    assert not [line for line in out if line.startswith('platform: FAILED')]
    assert out[-1] == '2 passed, 0 failed, 0 skipped, 1 rerun (%s: %s)' % (BANNER_SHORT, TIMING)


def test_reruns_go_on_while_they_fail_on_a_known_error_up_to_three():
    reruns = [(BANNER, fixture('rerun_phantomjs_crash'), 1),
              (BANNER, fixture('rerun_timing_error'), 1)]
    status, out, next_rerun = website(reruns=reruns)
    assert status == 1 and next_rerun == BANNER
    assert out[-1] == '1 passed, 1 failed, 0 skipped, 2 reruns (%s: %s, %s: %s)' % (
        BANNER_SHORT, TIMING, BANNER_SHORT, CRASH)
    reruns.append((BANNER, fixture('rerun_passed'), 0))
    status, out, next_rerun = website(reruns=reruns)
    assert status == 0 and next_rerun is None
    assert out[-1] == '2 passed, 0 failed, 0 skipped, 3 reruns (%s: %s, %s: %s, %s: %s)' % (
        BANNER_SHORT, TIMING, BANNER_SHORT, CRASH, BANNER_SHORT, TIMING)


def test_after_three_failed_reruns_the_test_fails():
    status, out, next_rerun = website(reruns=[(BANNER, fixture('rerun_timing_error'), 1)] * 3)
    assert status == 1 and next_rerun is None
    assert out[-1] == '1 passed, 1 failed, 0 skipped, 3 reruns (%s)' % ', '.join(
        ['%s: %s' % (BANNER_SHORT, TIMING)] * 3)
    assert ('platform: FAILED %s: AssertionError: ("TypeError: undefined is not an object '
            '(evaluating \'manipulatorOffset.top\')\\n"' % BANNER) in out


def test_a_rerun_failing_otherwise_ends_the_reruns():
    status, out, next_rerun = website(reruns=[(BANNER, fixture('rerun_step_failed'), 1)])
    assert status == 1 and next_rerun is None
    assert out[-1] == '1 passed, 1 failed, 0 skipped, 1 rerun (%s: %s)' % (BANNER_SHORT, TIMING)
    prefix = 'platform: rerun of %s (%s): FAILED, logged outside the test' % (BANNER, TIMING)
    assert [line for line in out if line.startswith(prefix)]


def test_a_rerun_whose_runner_failed_does_not_pass():
    status, out, _ = website(reruns=[(BANNER, fixture('rerun_passed'), 1)])
    assert status == 1
    assert ('platform: rerun of %s (%s): FAILED, run_test.py exited with status 1 '
            '(log: rerun1.log)' % (BANNER, TIMING)) in out


def test_the_real_run_with_phantomjs_killed_passes_after_two_reruns():
    """run.sh's run with PhantomJS killed in the banner tour: the first
    rerun met the race, the second passed, and so did the run."""
    main = fixture('platform_banner_crash')
    status, out, next_rerun = run(main, rc=1, requested=['website'])
    assert next_rerun == BANNER and status == 1
    reruns = [(BANNER, fixture('platform_banner_crash.rerun1'), 1)]
    status, out, next_rerun = run(main, rc=1, requested=['website'], reruns=reruns)
    assert next_rerun == BANNER and status == 1
    reruns.append((BANNER, fixture('platform_banner_crash.rerun2'), 0))
    status, out, next_rerun = run(main, rc=1, requested=['website'], reruns=reruns)
    assert status == 0 and next_rerun is None
    assert out[-1] == '2 passed, 0 failed, 0 skipped, 2 reruns (%s: %s, %s: %s)' % (
        BANNER_SHORT, CRASH, BANNER_SHORT, TIMING)


def test_nothing_is_rerun_when_anything_else_failed():
    status, out, next_rerun = run(FAILING + platform_run(), rc=1, requested=['crm', 'website'])
    assert status == 1 and next_rerun is None
    assert out[-1] == '1 passed, 2 failed, 0 skipped, 0 reruns'
    prefix = 'platform: FAILED %s: AssertionError: ("TypeError' % BANNER
    assert [line for line in out if line.startswith(prefix)]


def test_nothing_is_rerun_when_odoo_bin_died():
    """odoo-bin exits with 1 for failed tests; killed, it may have left
    tests unrun, which no rerun makes up for."""
    status, out, next_rerun = run(platform_run(), rc=137, requested=['website'])
    assert status == 1 and next_rerun is None
    assert 'platform: odoo-bin exited with status 137' in out
    assert out[-1] == '1 passed, 2 failed, 0 skipped, 0 reruns'


def test_the_segfault_line_belongs_to_the_crash_it_reports():
    crash = summarise.parse(fixture('rerun_phantomjs_segfault'))
    assert list(crash.segfaults) == [BANNER] and crash.unexplained() == []
    # the same line while a test passed is a failure of its own
    lines = [line for line in fixture('rerun_passed') if ' Phantom JS return code' not in line]
    at = next(i for i, line in enumerate(lines) if 'Terminating phantomjs' in line)
    lines.insert(at, P % ('ERROR', 'odoo.tests.common', 'Phantom JS has crashed (segmentation '
                          'fault) during testing; log may not be relevant'))
    status, out, next_rerun = run(lines, requested=['website'])
    assert status == 1 and next_rerun is None
    assert ('platform: FAILED, logged outside the tests: ERROR odoo.tests.common: Phantom JS '
            'has crashed (segmentation fault) during testing; log may not be relevant') in out
    assert out[-1] == '1 passed, 1 failed, 0 skipped, 0 reruns'


def test_next_rerun_on_the_command_line(tmp_path, capsys):
    """What run.sh calls: the test id on stdout, then nothing once it passed."""
    main_log = os.path.join(LOGS, 'platform_banner_timing_error.log')
    exclusions = tmp_path / 'exclusions.txt'
    exclusions.write_text('# none\n')
    args = [main_log, '--exclusions', str(exclusions), '--modules', 'website', '--odoo-rc', '1']
    assert summarise.main(args + ['--next-rerun']) == 0
    assert capsys.readouterr().out == BANNER + '\n'
    rerun = ['--rerun', BANNER, os.path.join(LOGS, 'rerun_passed.log'), '0']
    assert summarise.main(args + rerun + ['--next-rerun']) == 0
    assert capsys.readouterr().out == ''
    assert summarise.main(args + rerun) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(
        ', 1 rerun (%s: tour timing error)' % BANNER_SHORT)
