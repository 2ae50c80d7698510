"""The benchmark registry: every module of bench/benchmarks/ that declares

    NAME     short identifier (also the module's name)
    TITLE    what "ours" does; may use the PARAMS of the scale: '{leads:,} leads'
    ANCHOR   what it is compared with (the anchor)
    TARGET   the ratio ours/anchor to stay at or under, or None (informative)
    PARAMS   {'small': {...}, 'full': {...}}: sizes for each SCALE
    ours(ctx, state), anchor(ctx, state)
             the two timed callables; they return a dict (keys starting
             with '_' are kept for teardown and left out of the results)

and optionally setup(ctx) -> state and teardown(ctx, state, info), which are
not timed. ``ctx`` has env (an Environment, superuser, on the benchmark
database), db, scale, seed, params and manifest (the datagen data set).
"""

import importlib
import pkgutil

from . import benchmarks

REQUIRED = ('NAME', 'TITLE', 'ANCHOR', 'TARGET', 'PARAMS', 'ours', 'anchor')


def discover(only=None):
    found = []
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda i: i.name):
        if info.name.startswith('_'):
            continue
        module = importlib.import_module('%s.%s' % (benchmarks.__name__, info.name))
        missing = [attr for attr in REQUIRED if not hasattr(module, attr)]
        if missing:
            raise SystemExit(
                'bench: %s lacks %s' % (module.__name__, ', '.join(missing))
            )
        if only and module.NAME not in only:
            continue
        found.append(module)
    return found


def load(name):
    module = importlib.import_module('%s.%s' % (benchmarks.__name__, name))
    return module
