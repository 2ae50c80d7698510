#!/usr/bin/env python3
"""Read the log of Odoo 11's own test runner and say whether it all passed.

Odoo 11 (odoo/modules/module.py, run_unit_tests) runs each test file of an
addon with ``unittest.TextTestRunner(verbosity=2)`` and sends the runner's
output, line by line, to a logger named after the test file
(``odoo.addons.<addon>.tests.<file>``): the test's description, then
"skipped '<reason>'", "FAIL" or "ERROR" (an "ok" is filtered out), then
"FAIL: <test> (<id>)" / "ERROR: <test> (<id>)" with the traceback,
"Ran N tests in Xs" and "OK" / "FAILED" followed by " (failures=.., errors=..,
skipped=..)". A failing file also makes odoo.modules.module log "Module X: N
failures, M errors", and loading.py "At least one test failed when loading
the modules." YAML tests that raise log "module X: an exception occurred in a
test" (logger odoo.tests).

A test counts as passed when it ran and did not fail, error or skip. A
skipped test counts as skipped only when testing/platform/exclusions.txt
lists it; any other skip is a failure (the list has to stay honest). An
ERROR or CRITICAL line logged outside the tests' own output is a failure too
(except "Unmet dependencies": the extra addons wheel ships bridge addons whose
dependencies are not installed, harmless as long as nobody installs them).

The last line printed is ``N passed, N failed, N skipped``; the exit status
is 0 only when nothing failed and odoo-bin itself exited with 0.
"""
import argparse
import ast
import collections
import importlib.util
import os
import re
import sys

RECORD = re.compile(
    r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) '
    r'(?P<logger>[\w.]+): (?P<msg>.*)$')
TEST_LOGGER = re.compile(r'^odoo\.addons\.(?P<addon>\w+)\.tests(\.|$)')
DESCRIPTION = re.compile(r'^(?P<name>\S+) \((?P<path>[\w.]+)\)')
LISTING = re.compile(r'^(?P<kind>FAIL|ERROR|UNEXPECTED SUCCESS): (?P<name>\S+) \((?P<path>[\w.]+)\)')
RAN = re.compile(r'^Ran (?P<n>\d+) tests? in ')
COUNTS = re.compile(r'^ \((?P<counts>[\w =,]+)\)$')
FIXTURES = ('setUpClass', 'tearDownClass', 'setUpModule', 'tearDownModule')


def test_id(name, path):
    """unittest's "name (path)" as one dotted id.

    Python 3.11 prints "test_x (pkg.module.Class.test_x)"; doctests print
    "Name (pkg.module)"; fixtures "setUpClass (pkg.module.Class)".
    """
    return path if path.endswith('.' + name) else '%s.%s' % (path, name)


def read_exclusions(path):
    """{test id: reason} from exclusions.txt: "<test id> <reason>" per line."""
    exclusions = {}
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            parts = line.split(None, 1)
            if len(parts) < 2:
                raise SystemExit('%s:%d: "%s" has no reason' % (path, number, line))
            exclusions[parts[0]] = parts[1]
    return exclusions


class Module(object):
    """What one addon's test files reported."""

    def __init__(self):
        self.ran = 0
        self.failed = []    # test ids that failed, errored or succeeded unexpectedly
        self.skipped = {}   # test id: skip reason
        self.counted = collections.Counter()  # from the " (failures=..)" lines


def records(lines):
    """Log records as (level, logger, message); continuation lines dropped."""
    for line in lines:
        match = RECORD.match(line.rstrip('\n'))
        if match:
            yield match.group('level'), match.group('logger'), match.group('msg')


def parse(lines):
    modules = collections.defaultdict(Module)
    current = {}            # test logger: id of the test it is reporting on
    yaml_failures = []
    outside = []            # ERROR/CRITICAL lines logged outside the tests
    for level, logger, msg in records(lines):
        match = TEST_LOGGER.match(logger)
        if match:
            module = modules[match.group('addon')]
            listing = LISTING.match(msg)
            if listing:
                tid = test_id(listing.group('name'), listing.group('path'))
                if tid not in module.failed:
                    module.failed.append(tid)
                continue
            ran = RAN.match(msg)
            if ran:
                module.ran += int(ran.group('n'))
                continue
            counts = COUNTS.match(msg)
            if counts:
                for item in counts.group('counts').split(','):
                    key, _, value = item.strip().partition('=')
                    if value.isdigit():
                        module.counted[key] += int(value)
                continue
            description = DESCRIPTION.match(msg)
            if description and level == 'INFO':
                current[logger] = test_id(description.group('name'),
                                          description.group('path'))
                continue
            if msg.startswith('skipped ') and logger in current:
                reason = msg[len('skipped '):]
                try:
                    reason = ast.literal_eval(reason)
                except (ValueError, SyntaxError):
                    pass
                module.skipped[current[logger]] = reason
            elif msg == 'unexpected success' and logger in current:
                if current[logger] not in module.failed:
                    module.failed.append(current[logger])
            continue
        if level not in ('ERROR', 'CRITICAL'):
            continue
        if logger == 'odoo.tests' and 'an exception occurred in a test' in msg:
            yaml_failures.append(msg)
        elif logger == 'odoo.modules.module' and re.match(r'^Module \w+: \d+ failures, \d+ errors$', msg):
            pass  # the same failures, already counted from the test output
        elif logger == 'odoo.modules.loading' and msg.startswith('At least one test failed'):
            pass
        elif logger == 'odoo.modules.graph' and 'Unmet dependencies' in msg:
            pass
        else:
            outside.append('%s %s: %s' % (level, logger, msg))
    return modules, yaml_failures, outside


def has_tests(addon):
    """Whether Odoo's copy of the addon ships a tests package."""
    spec = importlib.util.find_spec('odoo')
    if spec is None or not spec.submodule_search_locations:
        return True
    for location in spec.submodule_search_locations:
        if os.path.isdir(os.path.join(location, 'addons', addon, 'tests')):
            return True
    return False


def summarise(modules, yaml_failures, outside, exclusions, requested, odoo_rc, out):
    def say(text=''):
        out.write(text + '\n')

    totals = collections.Counter()
    unlisted, seen_excluded, problems = [], set(), []
    rows = []
    for addon in sorted(modules):
        module = modules[addon]
        in_tests = [t for t in module.failed if t.rsplit('.', 1)[-1] not in FIXTURES]
        skipped, bad_skips = 0, 0
        for tid, reason in sorted(module.skipped.items()):
            if tid in exclusions:
                skipped += 1
                seen_excluded.add(tid)
            else:
                bad_skips += 1
                unlisted.append((tid, reason))
        failed = len(module.failed) + bad_skips
        passed = module.ran - len(in_tests) - len(module.skipped)
        counted_bad = module.counted['failures'] + module.counted['errors'] + module.counted['unexpected successes']
        if counted_bad != len(module.failed) or module.counted['skipped'] != len(module.skipped):
            problems.append('%s: the runner counted %d failed/errors and %d skipped, the log '
                            'names %d and %d' % (addon, counted_bad, module.counted['skipped'],
                                                 len(module.failed), len(module.skipped)))
        rows.append((addon, module.ran, passed, failed, skipped))
        totals.update(ran=module.ran, passed=passed, failed=failed, skipped=skipped)

    say('platform: Odoo\'s own tests per addon (at_install and post_install):')
    say('  %-22s %6s %7s %7s %8s' % ('addon', 'ran', 'passed', 'failed', 'skipped'))
    for addon, ran, passed, failed, skipped in rows:
        mark = ' ' if addon in requested else '+'
        say('%s %-22s %6d %7d %7d %8d' % (mark, addon, ran, passed, failed, skipped))
    say('  (+ = a dependency of the requested modules: Odoo tests every module it installs)')
    no_tests = [a for a in requested if a not in modules]
    for addon in no_tests:
        if has_tests(addon):
            problems.append('%s: no test of it ran (is it installed?)' % addon)
        else:
            say('  %-22s has no tests in Odoo 11' % addon)

    for addon in sorted(modules):
        for tid in modules[addon].failed:
            say('platform: FAILED %s' % tid)
    for tid, reason in unlisted:
        say('platform: FAILED %s was skipped (%r) and exclusions.txt does not list it' % (tid, reason))
    for msg in yaml_failures:
        say('platform: FAILED (YAML test) %s' % msg)
    for line in outside:
        say('platform: FAILED, logged outside the tests: %s' % line[:300])
    for tid in sorted(set(exclusions) - seen_excluded):
        say('platform: note: exclusions.txt lists %s, which was not skipped this time' % tid)
    for problem in problems:
        say('platform: FAILED, %s' % problem)
    failed = totals['failed'] + len(yaml_failures) + len(outside) + len(problems)
    if not totals['ran']:
        say('platform: FAILED, no test ran')
        failed += 1
    if odoo_rc:
        say('platform: odoo-bin exited with status %d' % odoo_rc)
        if not failed:  # a failure the log does not show: still a failure
            failed = 1
    say('platform: %d tests ran; %d skipped are listed in testing/platform/exclusions.txt'
        % (totals['ran'], totals['skipped']))
    say('%d passed, %d failed, %d skipped' % (totals['passed'], failed, totals['skipped']))
    return 0 if not failed else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('log')
    parser.add_argument('--exclusions', required=True)
    parser.add_argument('--modules', default='', help='the modules asked for, comma-separated')
    parser.add_argument('--odoo-rc', type=int, default=0)
    args = parser.parse_args(argv)
    with open(args.log, encoding='utf-8', errors='replace') as f:
        modules, yaml_failures, outside = parse(f)
    requested = [m for m in args.modules.split(',') if m]
    return summarise(modules, yaml_failures, outside, read_exclusions(args.exclusions),
                     requested, args.odoo_rc, sys.stdout)


if __name__ == '__main__':
    sys.exit(main())
