"""One measurement, in its own process: python -m bench.measure --bench NAME
--side ours|anchor|SIDE --db DB --scale small|full --seed S --repeat R

SIDE: one of the benchmark's ANCHORS (see bench/registry.py).

Loads the Odoo registry, runs the benchmark's setup (not timed), then the
side's callable (timed, wall clock), then its teardown (not timed), and prints
one line "BENCH_RESULT {json}".

Memory: the peak resident set size (RSS) of this process during the timed
call, minus its RSS just before it. The kernel's peak is reset before the
call (Linux: /proc/self/clear_refs "5"), so neither the registry load nor the
setup count. The PostgreSQL server's own memory is not included.
"""

import argparse
import gc
import json
import os
import resource
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _status_kb(key):
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith(key + ':'):
                return int(line.split()[1])
    return None


def reset_peak_rss():
    """True when the kernel's peak RSS of this process could be reset."""
    try:
        with open('/proc/self/clear_refs', 'w') as clear_refs:
            clear_refs.write('5')
        return True
    except OSError:
        return False


def peak_rss_kb():
    return _status_kb('VmHWM') or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Context:
    def __init__(self, env, db, scale, seed, params, manifest):
        self.env = env
        self.db = db
        self.scale = scale
        self.seed = seed
        self.params = params
        self.manifest = manifest


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument('--bench', required=True)
    parser.add_argument('--side', required=True)
    parser.add_argument('--db', required=True)
    parser.add_argument('--scale', required=True)
    parser.add_argument('--seed', default='42')
    parser.add_argument('--repeat', type=int, default=0)
    args = parser.parse_args(argv)
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    from datagen import odoo_env
    from datagen.load import manifest
    from bench import registry

    odoo = odoo_env.configure(args.db)
    module = registry.load(args.bench)
    sides = ['ours'] + [side for side, _label, _target in registry.anchors(module)]
    if args.side not in sides:
        parser.error('--side: one of %s' % ', '.join(sides))
    params = module.PARAMS[args.scale]
    with odoo.api.Environment.manage():
        reg = odoo.registry(args.db)
        with reg.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ctx = Context(env, args.db, args.scale, args.seed, params, manifest(env))
            state = module.setup(ctx) if hasattr(module, 'setup') else None
            cr.commit()
            gc.collect()
            load_before = os.getloadavg()[0]
            reset = reset_peak_rss()
            rss_before = _status_kb('VmRSS')
            started = time.perf_counter()
            info = getattr(module, args.side)(ctx, state) or {}
            seconds = time.perf_counter() - started
            peak = peak_rss_kb()
            load_after = os.getloadavg()[0]
            if hasattr(module, 'teardown'):
                module.teardown(ctx, state, info)
            cr.commit()
    result = dict(
        bench=args.bench,
        side=args.side,
        repeat=args.repeat,
        seconds=seconds,
        rss_before_kb=rss_before,
        peak_rss_kb=peak,
        peak_delta_kb=(peak - rss_before) if reset else None,
        # 1-minute load average of the machine before and after the call
        loadavg=[load_before, load_after],
        info={k: v for k, v in info.items() if not k.startswith('_')},
    )
    print('BENCH_RESULT ' + json.dumps(result), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
