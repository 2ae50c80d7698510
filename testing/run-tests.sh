#!/usr/bin/env bash
# Run every test of the suite with pytest-odoo against a throw-away database.
#
# A template database with the whole suite and its demo data is built once per
# run; the test database is a copy of it (PostgreSQL CREATE DATABASE ...
# TEMPLATE, plus the filestore), dropped at the end. Extra arguments go to
# pytest, e.g. testing/run-tests.sh -k queue_job.
set -euo pipefail
cd "$(dirname "$0")/.."
export CRM_SUITE_ROOT=$PWD
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=crm_suite PGPASSWORD=${PGROLE_PASSWORD:-crm_suite}
export PATH="$PWD/node_modules/.bin:$PATH"
export PYTHONPATH="$PWD/compat:$PWD/testing${PYTHONPATH:+:$PYTHONPATH}:$PWD"
PY=.venv/bin/python
RUN=${RUN_ID:-$$}
TEMPLATE=crm_suite_test_template_$RUN
DB=crm_suite_test_$RUN
FILESTORE=var/data/filestore
mkdir -p var/log "$FILESTORE"

if [ -n "${TEST_DB:-}" ]; then
    # development shortcut: run against an existing database, keep it
    exec $PY -m pytest --odoo-database="$TEST_DB" "$@"
fi

# lessc keeps what it compiled for this run (testing/bin/lessc says why)
export LESSC_CACHE_DIR=$PWD/var/cache/lessc-$DB
export PATH="$PWD/testing/bin:$PATH"

cleanup() {
    for db in "$DB" "$TEMPLATE"; do
        dropdb --if-exists "$db" 2>/dev/null || true
        rm -rf "${FILESTORE:?}/$db"
    done
    rm -rf "$LESSC_CACHE_DIR"
}
trap cleanup EXIT

echo "test: building the template database (the whole suite with demo data)"
start=$(date +%s)
if ! $PY bin/odoo-bin -c testing/odoo-test.conf -d "$TEMPLATE" -i crm_suite \
        --stop-after-init --log-level=warn --logfile=var/log/test-template.log; then
    echo "test: installing the suite failed; the end of var/log/test-template.log:" >&2
    tail -n 40 var/log/test-template.log >&2
    exit 1
fi
# Odoo's extra addons wheel ships bridge modules whose dependencies are not
# installed: their "Unmet dependencies" lines are harmless; anything else is not.
if grep " ERROR \| CRITICAL " var/log/test-template.log | grep -qv "Unmet dependencies"; then
    echo "test: installing the suite logged errors (var/log/test-template.log):" >&2
    grep -A 15 " ERROR \| CRITICAL " var/log/test-template.log | grep -v "Unmet dependencies" | head -n 60 >&2
    exit 1
fi
echo "test: template built in $(( $(date +%s) - start )) s; copying it to $DB"
createdb -T "$TEMPLATE" "$DB"
[ -d "$FILESTORE/$TEMPLATE" ] && cp -a "$FILESTORE/$TEMPLATE" "$FILESTORE/$DB"

$PY -m pytest --odoo-database="$DB" "$@"
