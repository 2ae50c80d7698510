#!/usr/bin/env bash
# Quality gates of `make test`, over the five addons and those of addons/:
#   pylint with pylint-odoo (OCA's mandatory checks for 11.0, .pylintrc),
#   OCA's XML/CSV checks (oca-odoo-pre-commit-hooks, which took them over),
#   flake8 (OCA's configuration, .flake8),
#   README.rst of each addon is generated from its readme/ fragments,
#   vermin: the addons need no more than Python 3.5 (existing Odoo 11
#     servers run 3.5 to 3.7),
#   the addons never import the 3.11 compatibility layer,
#   each addon's tests/__init__.py imports every test_*.py of its folder
#     (Odoo's own runner runs only those).
# Each failing gate says so and fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
# every addon, the bridges of addons/ included: a new one is gated without
# being added to a list
mapfile -t ADDONS < <(dirname -- */__manifest__.py addons/*/__manifest__.py)
BIN=.venv/bin
failed=()

gate() {  # name, command...
    local name=$1; shift
    local out
    if out=$("$@" 2>&1); then
        echo "gate $name: ok"
    else
        echo "gate $name: FAILED"
        echo "$out" | sed 's/^/    /'
        failed+=("$name")
    fi
}

gate "pylint-odoo (OCA, --valid-odoo-versions=11.0)" \
    "$BIN/pylint" --rcfile=.pylintrc "${ADDONS[@]}"
gate "OCA XML/CSV checks (oca-checks-odoo-module)" \
    "$BIN/oca-checks-odoo-module" "${ADDONS[@]}"
mapfile -t PO_FILES < <(find "${ADDONS[@]}" -name '*.po' -o -name '*.pot')
if [ ${#PO_FILES[@]} -gt 0 ]; then
    # Odoo 11 exports every term of a view under the view's own reference
    # (model:ir.ui.view,arch_db:<view>): po-duplicate-model-definition, made
    # for later versions, would refuse every exported view.
    gate "OCA translation checks (oca-checks-po)" "$BIN/oca-checks-po" \
        --disable po-duplicate-model-definition "${PO_FILES[@]}"
fi
gate "flake8" "$BIN/flake8" "${ADDONS[@]}"
gate "Python 3.5 (vermin -t=3.5-)" \
    "$BIN/vermin" -q --no-tips --violations --eval-annotations --backport typing -t=3.5- "${ADDONS[@]}"
gate "README.rst generated from readme/ (make readme)" \
    "$BIN/python" readme_gen/gen_addon_readme.py --check "${ADDONS[@]}"
compat_imports() {
    ! grep -rnE --include='*.py' '(^|[^.[:alnum:]_])(import|from)[[:space:]]+odoo311compat' "${ADDONS[@]}"
}
gate "addons do not import the compatibility layer" compat_imports
gate "tests/__init__.py imports every test module" \
    "$BIN/python" testing/check_test_imports.py "${ADDONS[@]}"

if [ ${#failed[@]} -gt 0 ]; then
    echo "quality gates failed: ${failed[*]}. Fix the lines above; see .pylintrc, .flake8." >&2
    exit 1
fi
