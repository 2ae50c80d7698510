#!/usr/bin/env python3
"""Helpers of testing/test-odoo.sh (`make test-odoo`): the addons' own tests
run by Odoo's runner, odoo-bin --test-enable, with nothing of testing/ on the
path.

``deps MODULES``: the modules that are not the suite's and that the suite's
modules of MODULES (comma-separated) and their suite dependencies need, comma
separated: test-odoo.sh installs those first, without --test-enable, so that
Odoo's runner then runs the tests of the suite's addons only (it tests each
module it installs: crm, mail and the rest would take an hour).

``summary LOG COMBINATION SECONDS ODOO_RC``: reads the log of the
--test-enable step (the parsing of testing/platform/summarise.py), prints per
addon the tests run, failures, errors and skips with their reasons, and each
failure; exits with 1 on a failure, an error, an ERROR line logged outside
the tests, a test of an addon that is not the suite's, no test run at all or
odoo-bin failing.
"""
import ast
import collections
import glob
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
sys.path.insert(0, os.path.join(ROOT, 'testing', 'platform'))
import summarise  # noqa: E402


def suite_addons():
    """{name: manifest} of the suite's addons: the repository's top-level
    addons and those of addons/ (the auto_install bridges included)."""
    addons = {}
    for path in sorted(glob.glob(os.path.join(ROOT, '*', '__manifest__.py'))
                       + glob.glob(os.path.join(ROOT, 'addons', '*', '__manifest__.py'))):
        with open(path, encoding='utf-8') as f:
            addons[os.path.basename(os.path.dirname(path))] = ast.literal_eval(f.read())
    return addons


def external_deps(modules):
    addons = suite_addons()
    todo, seen, external = list(modules), set(), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for dep in addons[name].get('depends', []):
            (todo.append if dep in addons else external.add)(dep)
    return sorted(external)


def exception(traceback):
    """The first line of a traceback's exception (an assertion's diff follows
    it), to name a failure."""
    lines = [line for line in traceback.split('\n')
             if line and not line.startswith(' ') and not line.startswith('Traceback')]
    return lines[0] if lines else '(no traceback in the log)'


def summary(log_path, combination, seconds, odoo_rc):
    log = summarise.read_log(log_path)
    ours = suite_addons()
    failed = []
    print('test-odoo: %s, %s s' % (combination, seconds))
    print('  %-30s %5s %9s %7s %8s' % ('addon', 'ran', 'failures', 'errors', 'skipped'))
    totals = collections.Counter()
    for addon in sorted(log.modules):
        module = log.modules[addon]
        row = collections.Counter(ran=module.ran, failures=module.counted['failures'],
                                  errors=module.counted['errors'] + module.counted['unexpected successes'],
                                  skipped=len(module.skipped))
        totals.update(row)
        print('  %-30s %5d %9d %7d %8d' % (addon, row['ran'], row['failures'], row['errors'], row['skipped']))
        if addon not in ours:
            failed.append('tests of %s ran: only the suite\'s addons were to be tested' % addon)
        reasons = collections.Counter(module.skipped.values())
        for reason, count in sorted(reasons.items()):
            print('  %-30s %d skipped: %s' % ('', count, reason))
    for tid, traceback in log.failures().items():
        failed.append('%s: %s' % (summarise.short_id(tid), exception(traceback)))
    failed += ['logged outside the tests: %s' % line[:300] for line in log.unexplained()]
    failed += ['(YAML test) %s' % msg for msg in log.yaml_failures]
    if not totals['ran']:
        failed.append('no test ran')
    if odoo_rc not in (0, 1) or (odoo_rc and not log.failures()):
        failed.append('odoo-bin exited with status %d' % odoo_rc)
    for line in failed:
        print('  FAILED %s' % line)
    print('  %s: %d ran, %d failures, %d errors, %d skipped, %s'
          % (combination, totals['ran'], totals['failures'], totals['errors'],
             totals['skipped'], 'FAILED' if failed else 'ok'))
    return 1 if failed else 0


def main(argv):
    if argv[:1] == ['deps'] and len(argv) == 2:
        print(','.join(external_deps(argv[1].split(','))))
        return 0
    if argv[:1] == ['summary'] and len(argv) == 5:
        return summary(argv[1], argv[2], argv[3], int(argv[4]))
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
