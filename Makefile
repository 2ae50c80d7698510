# The CRM suite: Odoo 11.0 on CPython 3.11 with PostgreSQL.
#   make run            set everything up, create/update the crm_suite database, serve it
#   make test           set everything up, run the quality gates and every test
#   make test-platform  Odoo's own test suites under the compatibility layer
#   make test-odoo      the addons' own tests through odoo-bin --test-enable, as
#                       on a customer's server: nothing of testing/ on the path
#                       (its browser and in-process server tests skipped), for
#                       crm_leads_ext, crm_funnel_stages, crm_territory_security
#                       alone, each pair, and crm_suite, each on a fresh database
#   make bench          benchmarks, written to BENCHMARKS.md (SCALE=small|full)
# Every target installs what is missing first (Debian packages, .venv, node
# tools, the PostgreSQL role) and is safe to run again.

SHELL := /bin/bash
HTTP_PORT ?= 8069
SCALE ?= small
export CRM_SUITE_ROOT := $(CURDIR)

.PHONY: run test test-platform test-odoo bench setup system venv node postgres gates readme

run: setup
	@setup/serve.sh $(HTTP_PORT)

test: setup gates
	@# Odoo's own suites first, the suite's tests last: the run ends with
	@# pytest's summary line, and fails if either part failed.
	@testing/platform/run.sh; platform=$$?; \
	if [ $$platform -ne 0 ]; then echo "make test: Odoo's own test suites FAILED (above); running the suite's tests anyway"; fi; \
	testing/run-tests.sh $(PYTEST_ARGS); suite=$$?; \
	exit $$(( platform || suite ))

test-platform: setup
	@testing/platform/run.sh

test-odoo: setup
	@testing/test-odoo.sh

bench: setup
	@.venv/bin/python bench/run.py --scale $(SCALE)

gates: setup
	@testing/gates.sh

ADDONS := $(patsubst %/__manifest__.py,%,$(wildcard */__manifest__.py addons/*/__manifest__.py))
readme:
	@python3 readme_gen/gen_addon_readme.py $(ADDONS)

setup: system venv node postgres

system:
	@setup/install-system.sh

venv: system
	@setup/install-python.sh

node: system
	@setup/install-node.sh

postgres: system
	@setup/postgres.sh
