#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 and that the suite's
# role (crm_suite, CREATEDB) exists. Starts Debian's cluster if none answers.
set -euo pipefail
ROLE=${PGROLE:-crm_suite}
PASSWORD=${PGROLE_PASSWORD:-crm_suite}

if [ "$(id -u)" -eq 0 ]; then AS_POSTGRES=(runuser -u postgres --); else AS_POSTGRES=(sudo -u postgres); fi
[ "$(id -u)" -eq 0 ] && SUDO=() || SUDO=(sudo)

answers() { pg_isready -q -h 127.0.0.1 -p 5432; }

if ! answers; then
    cluster=$(pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | head -n 1)
    if [ -z "$cluster" ]; then
        echo "setup: PostgreSQL is installed but has no cluster. Create one with" >&2
        echo "       sudo pg_createcluster 15 main --start, then run make again." >&2
        exit 1
    fi
    echo "setup: starting PostgreSQL cluster $cluster"
    # --skip-systemctl-redirect: also works where systemd is not running
    # (containers, chroots)
    "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect $cluster start || true
    for _ in $(seq 1 30); do answers && break; sleep 1; done
    if ! answers; then
        echo "setup: PostgreSQL could not be started, nothing answers on 127.0.0.1:5432." >&2
        echo "       Look at /var/log/postgresql/ for the reason (a full disk, another" >&2
        echo "       server on the port, ...), fix it and run make again." >&2
        exit 1
    fi
fi

# (from /: the postgres user may not enter the checkout's folder)
cd /
exists=$("${AS_POSTGRES[@]}" psql -tAq -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'" 2>/dev/null || true)
if [ "$exists" != "1" ]; then
    echo "setup: creating the PostgreSQL role $ROLE"
    "${AS_POSTGRES[@]}" psql -q -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi
