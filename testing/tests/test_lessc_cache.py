# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""testing/bin/lessc: the test runs' lessc keeps what it compiled, so that a
rolled-back test does not make the next one compile the same stylesheets
again, and never keeps a failed compile."""
import os
import stat
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SHIM = os.path.join(ROOT, 'testing', 'bin', 'lessc')
REAL = os.path.join(ROOT, 'node_modules', '.bin', 'lessc')
ARGS = ['-', '--no-js', '--no-color']


def counting_lessc(tmp_path):
    """A lessc that records each time it runs, then runs the real one."""
    counter = tmp_path / 'runs'
    script = tmp_path / 'lessc'
    script.write_text('#!/bin/sh\necho run >> %s\nexec %s "$@"\n'
                      % (counter, REAL))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script), counter


def compile_less(source, cache_dir, real):
    env = dict(os.environ, LESSC_REAL=real)
    if cache_dir:
        env['LESSC_CACHE_DIR'] = str(cache_dir)
    else:
        env.pop('LESSC_CACHE_DIR', None)
    return subprocess.run([SHIM] + ARGS, input=source.encode('utf-8'),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env)


def runs(counter):
    return len(counter.read_text().split()) if counter.exists() else 0


def test_a_stylesheet_is_compiled_once_per_run(tmp_path):
    real, counter = counting_lessc(tmp_path)
    cache = tmp_path / 'cache'
    source = '@gap: 4px; .card { margin: @gap * 2; }'
    first = compile_less(source, cache, real)
    second = compile_less(source, cache, real)
    assert first.returncode == second.returncode == 0
    assert b'margin: 8px;' in first.stdout
    assert second.stdout == first.stdout
    assert runs(counter) == 1
    # another source is compiled, not served from the cache
    other = compile_less('.card { margin: 1px + 1; }', cache, real)
    assert b'margin: 2px;' in other.stdout
    assert runs(counter) == 2


def test_a_failed_compile_is_never_kept(tmp_path):
    real, counter = counting_lessc(tmp_path)
    cache = tmp_path / 'cache'
    for attempt in (1, 2):
        failed = compile_less('.card {', cache, real)
        assert failed.returncode != 0
        assert b'ParseError' in failed.stderr
        assert runs(counter) == attempt
    assert not list(cache.glob('*.css'))


def test_without_a_cache_directory_lessc_runs_each_time(tmp_path):
    real, counter = counting_lessc(tmp_path)
    for attempt in (1, 2):
        result = compile_less('.a { b: 1 + 1; }', None, real)
        assert b'b: 2;' in result.stdout
        assert runs(counter) == attempt
