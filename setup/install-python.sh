#!/usr/bin/env bash
# Create .venv with Debian's CPython 3.11 and install the pinned requirements.
# Idempotent: does nothing when the requirement files have not changed since
# the last successful install (a stamp holds their checksum).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-/usr/bin/python3}

stamp="$VENV/.requirements.sha256"
want=$(cat requirements.txt requirements-oca.txt | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$VENV/bin/python" ]; then
    exit 0
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    echo "setup: $PYTHON is not CPython 3.11. The suite's runtime is Odoo 11.0 on" >&2
    echo "       CPython 3.11 (Debian 12's python3). Set PYTHON=/path/to/python3.11." >&2
    exit 1
fi

echo "setup: installing the Python requirements into $VENV (about a minute)"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
# (this machine kind's pip.conf names local mirrors that may be absent: hush that)
pip() { "$VENV/bin/python" -m pip --disable-pip-version-check -q "$@" 2> >(grep -v "^WARNING: Location" >&2); }
pin() { grep -E "^$1==" requirements.txt; }
# vatnumber only builds with setuptools<58 and without build isolation
pip install "$(pin setuptools)" "$(pin wheel)"
pip install --no-build-isolation "$(pin vatnumber)"
pip install -r requirements.txt
pip install --no-deps -r requirements-oca.txt
echo "$want" > "$stamp"
