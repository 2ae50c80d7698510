#!/usr/bin/env bash
# Install the locked Node tools (lessc) into node_modules, when the lockfile
# changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/lessc ]; then
    exit 0
fi
echo "setup: installing the Node tools (lessc) from package-lock.json"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
