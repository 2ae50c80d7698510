#!/usr/bin/env python3
"""make bench: run every benchmark and write BENCHMARKS.md.

    .venv/bin/python bench/run.py --scale small|full [--template DB] [--only NAME]

1. creates a throw-away database with the suite installed (bin/odoo-bin -i
   crm_suite, about 80 s; or a copy of --template, e.g. a database built the
   same way);
2. loads the data set of the scale with datagen (COPY);
3. runs each benchmark and its anchor(s) in the same run, alternating (each
   side first in turn: ours first on even repeats, the anchor first on odd
   ones), each measurement in its own process (bench/measure.py: wall time,
   peak RSS);
4. writes the medians to BENCHMARKS.md (this scale's section; one row per
   anchor) and every figure to bench/results-<scale>.json;
5. drops the database and its filestore, also on failure or interruption.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from bench import registry  # noqa: E402

PY = sys.executable
SCALES = {
    # the data set loaded before the benchmarks, and the repeats of each
    'small': dict(partners=10000, leads=20000, repeats=5),
    'full': dict(partners=1000000, leads=1000000, repeats=3),
}
SEED = '42'
FILESTORE = os.path.join(ROOT, 'var', 'data', 'filestore')
LOG_DIR = os.path.join(ROOT, 'var', 'log')
REPORT = os.path.join(ROOT, 'BENCHMARKS.md')

_child = None


def environ():
    env = dict(os.environ)
    env.setdefault('PGHOST', '127.0.0.1')
    env.setdefault('PGPORT', '5432')
    env.setdefault('PGUSER', 'crm_suite')
    env.setdefault('PGPASSWORD', os.environ.get('PGROLE_PASSWORD', 'crm_suite'))
    env['CRM_SUITE_ROOT'] = ROOT
    env['PYTHONPATH'] = os.pathsep.join(
        [ROOT, os.path.join(ROOT, 'compat')]
        + ([env['PYTHONPATH']] if env.get('PYTHONPATH') else [])
    )
    env['PATH'] = os.path.join(ROOT, 'node_modules', '.bin') + os.pathsep + env['PATH']
    return env


def run(cmd, log, check=True):
    """Run ``cmd``, its output appended to ``log``; return (code, output)."""
    global _child
    with open(log, 'a') as out:
        out.write('\n$ %s\n' % ' '.join(cmd))
        out.flush()
        _child = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=environ(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        lines = []
        for line in _child.stdout:
            out.write(line)
            out.flush()  # the log shows the progress of a long step
            lines.append(line)
        code = _child.wait()
        _child = None
    output = ''.join(lines)
    if check and code:
        sys.stderr.write(''.join(lines[-40:]))
        raise SystemExit('bench: failed (%d): %s; see %s' % (code, ' '.join(cmd), log))
    return code, output


def load_dataset(db, scale, log):
    run(
        [
            PY,
            '-m',
            'datagen',
            '--db',
            db,
            '--partners',
            str(scale['partners']),
            '--leads',
            str(scale['leads']),
            '--seed',
            SEED,
            '--copy',
        ],
        log,
    )


def drop(db, log):
    run(['dropdb', '--if-exists', '--force', db], log, check=False)
    shutil.rmtree(os.path.join(FILESTORE, db), ignore_errors=True)


def machine():
    cpu = 'unknown'
    with open('/proc/cpuinfo') as info:
        for line in info:
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    ram_kb = 0
    with open('/proc/meminfo') as info:
        for line in info:
            if line.startswith('MemTotal:'):
                ram_kb = int(line.split()[1])
    osname = platform.platform()
    if os.path.exists('/etc/os-release'):
        with open('/etc/os-release') as release:
            match = re.search(r'^PRETTY_NAME="?([^"\n]*)', release.read(), re.M)
            osname = match.group(1) if match else osname
    return dict(
        cores=os.cpu_count(),
        cpu=cpu,
        ram_gib=round(ram_kb / 1024**2, 1),
        os=osname,
        python=platform.python_version(),
    )


def postgres_version(db, log):
    _code, out = run(
        ['psql', '-d', db, '-Atc', 'SHOW server_version'], log, check=False
    )
    return out.strip().splitlines()[-1] if out.strip() else 'unknown'


def measure(module, side, db, scale, repeat, log):
    _code, out = run(
        [
            PY,
            '-m',
            'bench.measure',
            '--bench',
            module.NAME,
            '--side',
            side,
            '--db',
            db,
            '--scale',
            scale,
            '--seed',
            SEED,
            '--repeat',
            str(repeat),
        ],
        log,
    )
    for line in out.splitlines():
        if line.startswith('BENCH_RESULT '):
            return json.loads(line[len('BENCH_RESULT ') :])
    raise SystemExit(
        'bench: %s/%s printed no result; see %s' % (module.NAME, side, log)
    )


def seconds_text(value):
    if value is None:
        return 'n/a'
    return '%.3f s' % value if value < 10 else '%.1f s' % value


def memory_text(kb):
    return 'n/a' if kb is None else '%+.0f MB' % (kb / 1024.0)


def figure_specs(module):
    """(key, label, how) of the FIGURES of a benchmark: how is 'distinct'
    (each distinct value over the repeats: a count) or 'median'."""
    return [
        (tuple(figure) + ('distinct',))[:3]
        for figure in getattr(module, 'FIGURES', ())
    ]


def summarize(module, scale, figures, anchor):
    """The report's row of ``module`` against one of its anchors
    (side, label, target)."""
    anchor_side, anchor_label, target = anchor
    figures = [f for f in figures if f['side'] in ('ours', anchor_side)]
    ours = [f['seconds'] for f in figures if f['side'] == 'ours']
    anchor_times = [f['seconds'] for f in figures if f['side'] == anchor_side]

    def peak(side):
        values = [
            f['peak_delta_kb']
            for f in figures
            if f['side'] == side and f['peak_delta_kb'] is not None
        ]
        return max(values) if values else None

    def counted(key, side, how):
        values = [f['info'].get(key) for f in figures if f['side'] == side]
        if how == 'median':
            # a rate or a time (e.g. leads per second): its median
            values = [v for v in values if v is not None]
            return [round(statistics.median(values), 1)] if values else []
        # a count (e.g. SQL statements), each distinct value once
        return sorted(set(values), key=str)

    ours_median = statistics.median(ours)
    anchor_median = statistics.median(anchor_times)
    ratio = ours_median / anchor_median if anchor_median else None
    met = (
        'n/a'
        if target is None or ratio is None
        else ('yes' if ratio <= target else 'no')
    )
    return dict(
        name=module.NAME,
        title=module.TITLE.format(**module.PARAMS[scale]),
        anchor=anchor_label,
        anchor_side=anchor_side,
        target=target,
        params=module.PARAMS[scale],
        ours_median=ours_median,
        anchor_median=anchor_median,
        ratio=ratio,
        met=met,
        ours_peak_delta_kb=peak('ours'),
        anchor_peak_delta_kb=peak(anchor_side),
        repeats=len(ours),
        anchor_repeats=len(anchor_times),
        figures=figures,
        counts=[
            dict(label=label, how=how, ours=counted(key, 'ours', how),
                 anchor=counted(key, anchor_side, how))
            for key, label, how in figure_specs(module)
        ],
        date=datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M'),
    )


def ratio_text(ratio):
    if ratio is None:
        return 'n/a'
    if ratio < 1:
        # three significant digits: 0.105× is not "0.10×", 0.0124× not 0.01×
        return '%.3g×' % ratio
    return ('%.2f×' if ratio < 10 else '%.1f×') % ratio


def counts_text(summary):
    """'SQL statements: ours 3, anchor 152' for the FIGURES of a benchmark."""
    return '; '.join(
        '%s%s: ours %s, anchor %s' % (
            count['label'],
            ' (median)' if count.get('how') == 'median' else '',
            ' / '.join(str(v) for v in count['ours']),
            ' / '.join(str(v) for v in count['anchor']),
        )
        for count in summary.get('counts', ())
    )


def row_name(summary):
    """The benchmark's name, with the anchor's side when it has several."""
    side = summary.get('anchor_side', 'anchor')
    return summary['name'] if side == 'anchor' else '%s vs %s' % (
        summary['name'], side)


def section(scale, report):
    m = report['machine']
    if report['database'].startswith('existing'):
        where = '%s, which held the data set already' % report['database']
    else:
        where = 'throw-away database: %s in %s; data set loaded in %s' % (
            report['database'],
            seconds_text(report['seconds']['database']),
            seconds_text(report['seconds']['dataset']),
        )
    lines = [
        '## SCALE=%s' % scale,
        '',
        'Run of %s UTC: `%s` in %s (%s). %s; Python %s; PostgreSQL %s.'
        % (
            report['date'],
            report.get('command', 'make bench SCALE=%s' % scale),
            seconds_text(report['seconds']['total']),
            where,
            m['os'],
            m['python'],
            report['postgres'],
        ),
        '',
        'Machine load: the 1-minute load average was %.1f to %.1f around the '
        'measurements (%d cores; above that, other processes competed for the CPU).'
        % (report['loadavg'][0], report['loadavg'][1], m['cores']),
        '',
        'Data set (datagen, seed %s, COPY): %s partners, %s leads, %s activities, '
        '%s messages, %s followers.'
        % (
            report['dataset']['seed'],
            '{:,}'.format(report['dataset']['partners']['count']),
            '{:,}'.format(report['dataset']['leads']['count']),
            '{:,}'.format(report['dataset']['activities']),
            '{:,}'.format(report['dataset']['messages']),
            '{:,}'.format(report['dataset']['followers']),
        ),
        '',
        'Leads in the database when measured (before the benchmarks\' own '
        'setup): %s, of which %s opportunities.'
        % (
            '{:,}'.format(report['lead_rows']['leads']),
            '{:,}'.format(report['lead_rows']['opportunities']),
        ),
        '',
        '| Benchmark | Anchor | Our time (median) | Anchor time (median) '
        '| Ratio (ours/anchor) | Target | Met | Peak memory (ours / anchor) '
        '| Repeats | Machine | Date |',
        '|---|---|---|---|---|---|---|---|---|---|---|',
    ]
    for b in report['benchmarks']:
        bm = b.get('machine', m)
        b_machine = '%d cores, %s GiB RAM, %s' % (bm['cores'], bm['ram_gib'], bm['cpu'])
        lines.append(
            '| %s: %s | %s | %s | %s | %s | %s | %s | %s / %s | %d | %s | %s |'
            % (
                b['name'],
                b['title'],
                b['anchor'],
                seconds_text(b['ours_median']),
                seconds_text(b['anchor_median']),
                ratio_text(b['ratio']),
                (
                    '≤ %.2f×' % b['target']
                    if b['target'] is not None
                    else 'none (informative)'
                ),
                b['met'],
                memory_text(b['ours_peak_delta_kb']),
                memory_text(b['anchor_peak_delta_kb']),
                b['repeats'],
                b_machine,
                b.get('date', report['date'])[:10],
            )
        )
    counted = [b for b in report['benchmarks'] if counts_text(b)]
    if counted:
        lines.append('')
        lines.append('Counted in every repeat (each distinct value once, or '
                     'their median):')
        lines.append('')
        for b in counted:
            lines.append('- %s: %s' % (row_name(b), counts_text(b)))
    if report.get('kept'):
        lines += [
            '',
            'Rows of %s come from an earlier run at this scale (this run '
            'measured only the others, `--only`).'
            % ', '.join(sorted(set(report['kept']))),
        ]
    lines += [
        '',
        'Per-repeat figures: [bench/results-%s.json](bench/results-%s.json).'
        % (scale, scale),
        '',
    ]
    return '\n'.join(lines)


HEADER = """# Benchmarks

Written by `make bench` (bench/run.py); do not edit by hand. How to run them,
what the columns mean and how to add a benchmark: [bench/README.md](bench/README.md).

Times are wall-clock medians over the repeats; each benchmark and its anchor
run in the same run, alternating, each measurement in a process of its own.
Ratio = our median / the anchor's median. Peak memory = the largest growth of
the measuring process's resident set size (peak RSS during the timed call
minus RSS just before it) over the repeats; PostgreSQL's own memory is not
counted.
"""


def kept_results(scale, measured):
    """The benchmarks of the last report at this scale that this run did not
    measure, each with the date it was measured."""
    path = os.path.join(ROOT, 'bench', 'results-%s.json' % scale)
    if not os.path.exists(path):
        return []
    with open(path) as previous:
        report = json.load(previous)
    kept = [b for b in report['benchmarks'] if b['name'] not in measured]
    for b in kept:
        b.setdefault('date', report['date'])
        b.setdefault('machine', report['machine'])
    return kept


def write_report(scale, report):
    sections = {}
    if os.path.exists(REPORT):
        with open(REPORT) as current:
            text = current.read()
        for match in re.finditer(
            r'<!-- scale:(\w+) -->\n(.*?)<!-- /scale:\1 -->', text, re.S
        ):
            sections[match.group(1)] = match.group(2)
    sections[scale] = section(scale, report)
    parts = [HEADER]
    for name in ['small', 'full'] + sorted(set(sections) - {'small', 'full'}):
        if name in sections:
            parts.append(
                '<!-- scale:%s -->\n%s<!-- /scale:%s -->\n'
                % (name, sections[name], name)
            )
    with open(REPORT, 'w') as out:
        out.write('\n'.join(parts))
    with open(os.path.join(ROOT, 'bench', 'results-%s.json' % scale), 'w') as out:
        json.dump(report, out, indent=1, sort_keys=True)
        out.write('\n')


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument('--scale', choices=sorted(SCALES), default='small')
    parser.add_argument(
        '--template',
        help='copy this database (with the suite installed) '
        'instead of installing the suite',
    )
    parser.add_argument(
        '--only', action='append', help='run only this benchmark (repeatable)'
    )
    parser.add_argument(
        '--repeats',
        type=int,
        help='repeats of each side (default: 5 small, 3 full, or the '
        "benchmark's REPEATS)",
    )
    parser.add_argument(
        '--keep-db', action='store_true', help='do not drop the database'
    )
    parser.add_argument(
        '--database',
        help='measure on this existing database, which already holds the suite '
        'and the data set of the scale (e.g. one kept by --keep-db): nothing '
        'is installed nor loaded, and it is not dropped',
    )
    args = parser.parse_args(argv)
    if args.database:
        args.keep_db = True

    scale = SCALES[args.scale]
    repeats = args.repeats or scale['repeats']
    modules = registry.discover(args.only)
    os.makedirs(LOG_DIR, exist_ok=True)
    log = os.path.join(LOG_DIR, 'bench-%s.log' % args.scale)
    open(log, 'w').close()
    db = args.database or 'bench_%s_%d' % (args.scale, os.getpid())
    started = time.time()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit('bench: terminated'))
    print('bench: SCALE=%s, database %s, log %s' % (args.scale, db, log), flush=True)
    try:
        t0 = time.time()
        if args.database:
            print('bench: using the existing database %s' % db, flush=True)
        elif args.template:
            print('bench: copying %s' % args.template, flush=True)
            run(['createdb', '-T', args.template, db], log)
            if os.path.isdir(os.path.join(FILESTORE, args.template)):
                shutil.copytree(
                    os.path.join(FILESTORE, args.template), os.path.join(FILESTORE, db)
                )
        else:
            print('bench: installing the suite into %s (about 80 s)' % db, flush=True)
            run(
                [
                    PY,
                    'bin/odoo-bin',
                    '-c',
                    'testing/odoo-test.conf',
                    '-d',
                    db,
                    '-i',
                    'crm_suite',
                    '--stop-after-init',
                    '--log-level=warn',
                ],
                log,
            )
        database_seconds = time.time() - t0
        if not args.database:
            print(
                'bench: database ready in %.0f s; loading %s partners and %s leads'
                % (
                    database_seconds,
                    '{:,}'.format(scale['partners']),
                    '{:,}'.format(scale['leads']),
                ),
                flush=True,
            )
        t0 = time.time()
        if not args.database:
            load_dataset(db, scale, log)
        dataset_seconds = time.time() - t0
        _code, out = run(
            [
                'psql',
                '-d',
                db,
                '-Atc',
                "SELECT value FROM ir_config_parameter " "WHERE key = 'datagen.runs'",
            ],
            log,
        )
        dataset = json.loads(out.strip().splitlines()[-1])[-1]
        # what the benchmarks read, whatever made it (a database given with
        # --database may hold rows added in SQL besides datagen's)
        _code, out = run(
            [
                'psql',
                '-d',
                db,
                '-Atc',
                "SELECT COUNT(*), COUNT(*) FILTER (WHERE type = 'opportunity') "
                'FROM crm_lead',
            ],
            log,
        )
        lead_rows = [int(v) for v in out.strip().splitlines()[-1].split('|')]
        print(
            'bench: data set %s in %.0f s; %s leads in the database, %s '
            'opportunities'
            % (
                'found' if args.database else 'loaded',
                dataset_seconds,
                '{:,}'.format(lead_rows[0]),
                '{:,}'.format(lead_rows[1]),
            ),
            flush=True,
        )
        results = []
        for module in modules:
            sides = ['ours'] + [a[0] for a in registry.anchors(module)]
            module_repeats = (
                args.repeats
                or getattr(module, 'REPEATS', {}).get(args.scale)
                or repeats
            )
            figures = []
            for repeat in range(module_repeats):
                # each side first in turn (ours, anchor / anchor, ours)
                shift = repeat % len(sides)
                for side in sides[shift:] + sides[:shift]:
                    figure = measure(module, side, db, args.scale, repeat, log)
                    figures.append(figure)
                    print(
                        'bench: %s %s #%d: %s, peak %s'
                        % (
                            module.NAME,
                            side,
                            repeat + 1,
                            seconds_text(figure['seconds']),
                            memory_text(figure['peak_delta_kb']),
                        ),
                        flush=True,
                    )
            for anchor in registry.anchors(module):
                summary = summarize(module, args.scale, figures, anchor)
                results.append(summary)
                print(
                    'bench: %s: ours %s, %s %s, ratio %s%s'
                    % (
                        module.NAME,
                        seconds_text(summary['ours_median']),
                        anchor[0],
                        seconds_text(summary['anchor_median']),
                        ratio_text(summary['ratio']),
                        '; ' + counts_text(summary) if summary['counts'] else '',
                    ),
                    flush=True,
                )
        kept = (kept_results(args.scale, {r['name'] for r in results})
                if args.only else [])
        report = dict(
            database=(
                'existing database %s' % args.database
                if args.database
                else 'copy of %s' % args.template
                if args.template
                else 'crm_suite installed with its demo data'
            ),
            scale=args.scale,
            command=' '.join(
                ['make bench SCALE=%s' % args.scale]
                if not (args.only or args.database or args.template)
                else ['bench/run.py'] + (argv if argv is not None else sys.argv[1:])
            ),
            date=datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M'),
            machine=machine(),
            postgres=postgres_version(db, log),
            repeats=repeats,
            dataset=dataset,
            lead_rows=dict(leads=lead_rows[0], opportunities=lead_rows[1]),
            benchmarks=results + kept,
            kept=[b['name'] for b in kept],
            loadavg=[
                min(v for b in results for f in b['figures'] for v in f['loadavg']),
                max(v for b in results for f in b['figures'] for v in f['loadavg']),
            ],
            seconds=dict(
                database=round(database_seconds, 1),
                dataset=round(dataset_seconds, 1),
                total=round(time.time() - started, 1),
            ),
        )
        write_report(args.scale, report)
        print(
            'bench: wrote BENCHMARKS.md and bench/results-%s.json in %.0f s'
            % (args.scale, time.time() - started),
            flush=True,
        )
    finally:
        if _child is not None:
            _child.terminate()
        if not args.keep_db:
            drop(db, log)
            print('bench: dropped %s' % db, flush=True)
    print('bench: whole run %.0f s' % (time.time() - started), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
