#!/usr/bin/env bash
# Wait for the database server, install the suite with demo data on first
# start (update its modules afterwards), then serve.
set -euo pipefail
cd /srv/crm-suite
DB=${DB_NAME:-crm_suite}
SUITE=crm_safe_domain,crm_leads_ext,crm_funnel_stages,crm_territory_security,crm_campaign_segments,crm_quotation,crm_suite
export PGHOST=$DB_HOST PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
until pg_isready -q -h "$DB_HOST"; do echo "waiting for PostgreSQL at $DB_HOST"; sleep 1; done
if [ "$(psql -d postgres -tAq -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = "1" ]; then
    MODE=(-u "$SUITE")
else
    MODE=(-i crm_suite)
fi
exec .venv/bin/python bin/odoo-bin -c odoo.conf -d "$DB" --db-filter="^$DB\$" \
    --db_host="$DB_HOST" --db_user="$DB_USER" --db_password="$DB_PASSWORD" \
    "${MODE[@]}" "$@"
