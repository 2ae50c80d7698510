#!/usr/bin/env bash
# The addons' own tests run by Odoo's own runner (`make test-odoo`), as on a
# customer's server or OCA's CI: bin/odoo-bin --test-enable with PYTHONPATH
# holding only compat/ (the 3.11 compatibility layer), nothing of testing/.
# The browser and in-process server tests need testing/browser_harness: they
# are skipped there, with that reason, and `make test` runs them.
#
# Each install combination gets a fresh throw-away database: each of the five
# addons alone, each pair of crm_leads_ext, crm_funnel_stages and
# crm_territory_security, and the whole suite (crm_suite). Odoo tests every module it
# installs, so the modules they need that are not the suite's (crm, mail, ...)
# are installed first without --test-enable (kept as a template per set of
# modules, copied for each combination that needs the same set); then the
# combination is installed with --test-enable: the tests of the suite's
# addons that install then run, the auto_install bridges of addons/ included.
# testing/odoo_runner.py prints per combination the tests run, failures,
# errors and skips with their reasons; the run fails if any combination
# failed. The databases and their filestores are dropped at the end.
#
# Environment: TEST_ODOO_COMBINATIONS (space-separated, each a
# comma-separated module list; default the nine above), RUN_ID (database
# suffix, default the shell's pid). Logs: var/log/test-odoo-<combination>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
export CRM_SUITE_ROOT=$PWD
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=crm_suite PGPASSWORD=${PGROLE_PASSWORD:-crm_suite}
export PYTHONPATH=$PWD/compat
# the web client's stylesheets (a PDF report renders them) are compiled by
# lessc, as on any Odoo 11 server
export PATH="$PWD/node_modules/.bin:$PATH"
PY=.venv/bin/python
RUN=${RUN_ID:-$$}
FILESTORE=var/data/filestore
COMBINATIONS=(${TEST_ODOO_COMBINATIONS:-crm_leads_ext crm_funnel_stages crm_territory_security
    crm_campaign_segments crm_quotation crm_leads_ext,crm_funnel_stages crm_leads_ext,crm_territory_security
    crm_funnel_stages,crm_territory_security crm_suite})
mkdir -p var/log "$FILESTORE"

DBS=()
drop() {
    dropdb --if-exists "$1" 2>/dev/null || true
    rm -rf "${FILESTORE:?}/$1"
}
cleanup() {
    for db in "${DBS[@]}"; do drop "$db"; done
}
trap cleanup EXIT

odoo() {  # database, log, odoo-bin arguments...
    local db=$1 log=$2; shift 2
    $PY bin/odoo-bin -c testing/odoo-test.conf -d "$db" --db-filter="^$db\$" \
        --stop-after-init --logfile="$log" "$@"
}

declare -A TEMPLATES=()  # dependencies: template database
results=() failed=0
for combination in "${COMBINATIONS[@]}"; do
    name=${combination//,/+}
    log=var/log/test-odoo-$name.log
    : > "$log"  # odoo-bin appends to its --logfile
    db=test_odoo_${RUN}_${#results[@]}
    start=$(date +%s)
    deps=$($PY testing/odoo_runner.py deps "$combination")
    template=${TEMPLATES[$deps]:-}
    if [ -z "$template" ]; then
        template=test_odoo_${RUN}_deps${#DBS[@]}
        DBS+=("$template")
        drop "$template"
        : > "$log.deps"
        echo "test-odoo: installing $deps on $template (no tests; log $log.deps)"
        if ! odoo "$template" "$log.deps" -i "$deps" --log-level=warn; then
            echo "test-odoo: $combination: installing $deps FAILED (end of $log.deps):"
            tail -n 20 "$log.deps"
            results+=("$name: FAILED installing the dependencies")
            failed=1
            continue
        fi
        TEMPLATES[$deps]=$template
    fi
    DBS+=("$db")
    drop "$db"
    createdb -T "$template" "$db"
    if [ -d "$FILESTORE/$template" ]; then cp -a "$FILESTORE/$template" "$FILESTORE/$db"; fi
    # The server Odoo's runner starts for HTTP tests: a free local port.
    port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "test-odoo: $combination on $db, --test-enable (log $log)"
    set +e
    odoo "$db" "$log" -i "$combination" --test-enable --log-level=test \
        --http-interface=127.0.0.1 --http-port="$port"
    rc=$?
    set -e
    seconds=$(( $(date +%s) - start ))
    $PY testing/odoo_runner.py summary "$log" "$combination" "$seconds" "$rc" \
        | tee "$log.summary" || failed=1
    results+=("$(tail -n 1 "$log.summary") in $seconds s")
    drop "$db"
done

echo "test-odoo: per combination (times include installing the dependencies when not copied):"
printf '  %s\n' "${results[@]}"
exit $failed
