#!/usr/bin/env bash
# Install the Debian packages the suite needs, only those that are missing.
# Runs as root, or through sudo for another user. Debian 12 (bookworm) is the
# tested target; Ubuntu 22.04+ has the same package names.
set -euo pipefail

PACKAGES=(
    # Python 3.11 and what the pinned packages build from source
    python3 python3-venv python3-dev build-essential libpq-dev
    libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev libldap2-dev libsasl2-dev
    libcairo2-dev pkg-config
    # the database, PDF reports, the web client's stylesheets, browser tests
    postgresql wkhtmltopdf chromium chromium-driver
    # fonts for Vietnamese and Chinese in PDFs and screenshots
    fonts-noto-core fonts-noto-cjk
    # business-card OCR in crm_leads_ext: Vietnamese, simplified Chinese, English
    tesseract-ocr tesseract-ocr-vie tesseract-ocr-chi-sim tesseract-ocr-eng
    # PhantomJS (Odoo 11's own JS tests) needs fontconfig
    libfontconfig1
    # helpers the scripts use
    ca-certificates curl procps iproute2 poppler-utils
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
# Node.js may come from elsewhere (NodeSource's nodejs bundles npm and
# conflicts with Debian's npm): a working npm is enough.
command -v npm >/dev/null || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null; then
    SUDO=(sudo)
else
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "       run 'make run' as root or install sudo." >&2
    exit 1
fi
if ! command -v apt-get >/dev/null; then
    echo "setup: no apt-get here. On a non-Debian system install the equivalents of:" >&2
    echo "       ${missing[*]} -- or use docker/ (see README.md)." >&2
    exit 1
fi

echo "setup: installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
