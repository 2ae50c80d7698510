#!/usr/bin/env bash
# `make run`: create the crm_suite database with the whole suite and its demo
# data if it does not exist (update the suite's modules if it does), then
# serve the web client and print where and how to log in.
set -uo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8069}
DB=${DB_NAME:-crm_suite}
SUITE=crm_safe_domain,crm_leads_ext,crm_funnel_stages,crm_territory_security,crm_campaign_segments,crm_quotation,crm_suite
export CRM_SUITE_ROOT=$PWD
export PATH="$PWD/node_modules/.bin:$PATH"
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=crm_suite PGPASSWORD=${PGROLE_PASSWORD:-crm_suite}
PY=.venv/bin/python
mkdir -p var/log var/data
LOG=var/log/odoo.log

fail() { echo "make run: $*" >&2; exit 1; }

# The master password (database manager) is never Odoo's default "admin".
if [ -z "${ODOO_ADMIN_PASSWD:-}" ]; then
    if [ ! -s var/admin_passwd ]; then
        (umask 077; $PY -c 'import secrets; print(secrets.token_urlsafe(18))' > var/admin_passwd)
    fi
    ODOO_ADMIN_PASSWD=$(cat var/admin_passwd)
fi
export ODOO_ADMIN_PASSWD

if ! $PY - "$PORT" <<'PYEOF'
import socket, sys
sock = socket.socket()
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    sock.bind(('0.0.0.0', int(sys.argv[1])))
except OSError:
    sys.exit(1)
PYEOF
then
    fail "port $PORT is already in use (another Odoo, or 'make run' still running?).
    Stop that process (see: ss -ltnp 'sport = :$PORT'), or serve on another
    port: make run HTTP_PORT=8070"
fi

exists=$(psql -d postgres -tAq -c "SELECT 1 FROM pg_database WHERE datname = '$DB'") \
    || fail "cannot reach PostgreSQL on 127.0.0.1:5432 as crm_suite; run 'make postgres'."
if [ "$exists" = "1" ]; then
    base=$(psql -d "$DB" -tAq -c "SELECT latest_version FROM ir_module_module WHERE name = 'base'" 2>/dev/null)
    case "$base" in
        11.0.*) ;;
        *) fail "the database $DB was not made by Odoo 11.0 (base version '${base:-none}').
    Back it up, then drop it (dropdb -h 127.0.0.1 -U crm_suite $DB) or serve
    another one: make run DB_NAME=other_name" ;;
    esac
    echo "make run: updating the suite's modules in the database $DB"
    MODE=(-u "$SUITE")
else
    echo "make run: creating the database $DB with the whole suite and its demo data (about 2 minutes)"
    MODE=(-i crm_suite)
fi

$PY bin/odoo-bin -c odoo.conf -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" \
    "${MODE[@]}" --logfile="$LOG" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' INT TERM EXIT

ready=
for _ in $(seq 1 600); do
    if ! kill -0 $server 2>/dev/null; then break; fi
    if grep -q "Modules loaded\|Registry loaded in" "$LOG" 2>/dev/null \
            && curl -fsS -o /dev/null "http://127.0.0.1:$PORT/web/login" 2>/dev/null; then
        ready=1; break
    fi
    sleep 1
done
if [ -z "$ready" ]; then
    echo "make run: the server did not start. The end of $LOG:" >&2
    grep -n "ERROR\|CRITICAL\|Traceback" "$LOG" | grep -v "Unmet dependencies" | tail -n 5 >&2
    tail -n 25 "$LOG" >&2
    echo "If the database comes from an older, incompatible version of the suite," >&2
    echo "back it up and drop it (dropdb -h 127.0.0.1 -U crm_suite $DB); make run recreates it." >&2
    exit 1
fi

cat <<EOM

  The CRM suite is served on http://localhost:$PORT  (log: $LOG)

  Demo logins (login / password):
    salesperson     sales / sales       (Nguyễn Thị Lan)
    sales manager   manager / manager   (Trần Văn Minh, leads the Hanoi team)
    team leader     shanghai / shanghai (王芳 Wang Fang, Shanghai team)
    screening       screening / screening (李伟 Li Wei, Shanghai junior screening)
    territories     terr_manager, terr_hanoi, terr_shanghai (password = login)
    Sage funnel     demo / demo         (Marc Demo)
    administrator   admin / admin
  Master password of the database manager: in var/admin_passwd (or \$ODOO_ADMIN_PASSWD).

  Stop with Ctrl-C.
EOM
wait $server
