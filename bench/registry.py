"""The benchmark registry: every module of bench/benchmarks/ that declares

    NAME     short identifier (also the module's name)
    TITLE    what "ours" does; may use the PARAMS of the scale: '{leads:,} leads'
    ANCHOR   what it is compared with (the anchor)
    TARGET   the ratio ours/anchor to stay at or under, or None (informative)
    PARAMS   {'small': {...}, 'full': {...}}: sizes for each SCALE
    ours(ctx, state), anchor(ctx, state)
             the two timed callables; they return a dict (keys starting
             with '_' are kept for teardown and left out of the results)

or, instead of ANCHOR, TARGET and anchor, several anchors:

    ANCHORS  [(SIDE, ANCHOR, TARGET), ...]: each SIDE is the name of a timed
             callable of the module, SIDE(ctx, state); one row of the report
             per anchor, our time compared with each

and optionally setup(ctx) -> state and teardown(ctx, state, info), which are
not timed, and REPEATS = {'full': 1}: the repeats of this benchmark at a
scale, instead of the scale's (for an anchor too slow to repeat; an explicit
``--repeats`` still wins). ``ctx`` has env (an Environment, superuser, on the benchmark
database), db, scale, seed, params and manifest (the datagen data set).
"""

import importlib
import pkgutil

from . import benchmarks

REQUIRED = ('NAME', 'TITLE', 'PARAMS', 'ours')
ONE_ANCHOR = ('ANCHOR', 'TARGET', 'anchor')


def anchors(module):
    """[(side, label, target)] of a benchmark: its ANCHORS, or its one
    ANCHOR measured by ``anchor``."""
    if hasattr(module, 'ANCHORS'):
        return list(module.ANCHORS)
    return [('anchor', module.ANCHOR, module.TARGET)]


def _missing(module):
    missing = [attr for attr in REQUIRED if not hasattr(module, attr)]
    if hasattr(module, 'ANCHORS'):
        missing += [side for side, _label, _target in module.ANCHORS
                    if not callable(getattr(module, side, None))]
    else:
        missing += [attr for attr in ONE_ANCHOR if not hasattr(module, attr)]
    return missing


def discover(only=None):
    found = []
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda i: i.name):
        if info.name.startswith('_'):
            continue
        module = importlib.import_module('%s.%s' % (benchmarks.__name__, info.name))
        missing = _missing(module)
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
