# collective.consultation: `make run` serves the demo site, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8080
SMTP_PORT ?= 8025
ADMIN_PASSWORD ?= admin
export PORT SMTP_PORT ADMIN_PASSWORD BIN

STAMP := $(VENV)/.installed

.PHONY: docs docs-update help install install-cluster install-lint lint format run run-zeo run-relstorage remind test test-cluster smoke bench screenshots bench-load constraints versions-cfg buildout-check upgrade-check i18n clean

help:
	@echo "make run             install, create the demo site once, serve http://localhost:$(PORT)/Plone"
	@echo "make run-zeo         the same site on a ZEO server with two Zope instances (PORT, PORT+1)"
	@echo "make run-relstorage  the same on PostgreSQL (RelStorage), started on loopback in var/cluster"
	@echo "make test-cluster    two instances on RelStorage: reads, concurrent steps, a killed instance"
	@echo "make remind          queue the units' overdue reminders and send them (TODAY=2018-12-01 fixes the clock)"
	@echo "make test            install and run every test"
	@echo "make lint            plone/meta's linters (black, isort, flake8, zpretty, pyroma, ...)"
	@echo "make format          rewrite the tree as the formatters want it"
	@echo "make smoke           start the site as 'make run' does, check it over HTTP, stop it"
	@echo "make bench           benchmarks (bench/): ratios against named baselines"
	@echo "make screenshots     docs/screenshots/ from the running demo site (make run)"
	@echo "make constraints     re-resolve and freeze constraints.txt (then make versions-cfg)"
	@echo "make versions-cfg    write profiles/versions.cfg from constraints.txt"
	@echo "make buildout-check  build the same site with buildout in a temporary folder"
	@echo "make upgrade-check   build the previous release's demo site, upgrade it, compare its data"
	@echo "make i18n            rebuild the .pot files and sync the .po catalogs"
	@echo "make docs            build the documentation (docs/_build/html); warnings fail it"
	@echo "make docs-update     rewrite the REST examples and settings table from the test site"

# uv (from PyPI, pinned) installs the pinned set in seconds; pip does it when uv cannot
# be had or fails. $(call install_pinned,test dev) installs the package with those extras
# under constraints.txt.
comma := ,
space := $() $()
extras = -e ".[$(subst $(space),$(comma),$(1))]"
install_pinned = if [ -x $(BIN)/uv ] && $(BIN)/uv pip install -q --python $(BIN)/python \
	-c constraints.txt $(call extras,$(1)); then :; \
	else $(BIN)/pip install -q -c constraints.txt $(call extras,$(1)); fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt pip setuptools wheel
	-$(BIN)/pip install -q -c constraints.txt uv

$(STAMP): $(BIN)/python setup.py constraints.txt
	$(call install_pinned,test dev)
	touch $@

install: $(STAMP)

CLUSTER_STAMP := $(VENV)/.installed-cluster
$(CLUSTER_STAMP): $(STAMP)
	$(call install_pinned,test dev relstorage)
	touch $@

install-cluster: $(CLUSTER_STAMP)

LINT_STAMP := $(VENV)/.installed-lint
$(LINT_STAMP): $(STAMP)
	$(call install_pinned,lint)
	touch $@

install-lint: $(LINT_STAMP)

# pre-commit's hooks are `repo: local`: the tools come from the venv, not from other hosts.
LINT := PATH="$(abspath $(BIN)):$$PATH" $(BIN)/pre-commit run --all-files
lint: install-lint
	$(LINT) --show-diff-on-failure

format: install-lint
	-$(LINT) pyupgrade
	-$(LINT) isort
	-$(LINT) black
	-$(LINT) zpretty

# Several Zope processes on one database; data in var/cluster/<kind>. Ctrl-C stops all.
run-zeo: install-cluster
	$(BIN)/consultation-cluster zeo --folder var/cluster/zeo --port $(PORT)

run-relstorage: install-cluster
	$(BIN)/consultation-cluster relstorage --folder var/cluster/relstorage --port $(PORT)

test-cluster: install-cluster
	$(BIN)/pytest cluster_tests

run: install
	$(BIN)/consultation-instance --port $(PORT) > /dev/null
	$(BIN)/consultation-create-site --zope-conf instance/etc/zope.conf
	scripts/serve.sh

# For cron. FileStorage allows one process: stop `make run` first, or POST @reminders.
remind: install
	$(BIN)/consultation-remind --zope-conf instance/etc/zope.conf $(if $(TODAY),--today $(TODAY))
	$(BIN)/consultation-mail-worker --zope-conf instance/etc/zope.conf --once

# Every test. In CI (CI=1), or with COVERAGE=1, the coverage of the add-on's lines
# (outside scripts/) closes the output: it costs about half as long again.
COVERAGE ?= $(CI)
test: install
	$(BIN)/pytest $(if $(COVERAGE),--cov --cov-report=term:skip-covered)

smoke: install
	scripts/smoke.sh

bench: install-cluster
	$(BIN)/python -m bench.feed_bench
	$(BIN)/python -m bench.reports_bench
	$(BIN)/python -m bench.stats_bench
	$(BIN)/python -m bench.mail_bench
	$(BIN)/python -m bench.page_bench
	$(BIN)/python -m bench.duty_bench
	$(BIN)/python -m bench.checkin_bench

# 50 clients for 60 s against one instance, then two (RelStorage): a few minutes.
screenshots: install
	SITE_URL=http://localhost:$(PORT)/Plone $(BIN)/python docs/screenshots.py

bench-load: install-cluster
	$(BIN)/python -m bench.load_bench

constraints:
	rm -rf .freeze-venv
	$(PYTHON) -m venv .freeze-venv
	.freeze-venv/bin/pip install -q -U pip
	.freeze-venv/bin/pip install -q "plone.app.layout==6.0.2" uv -e ".[test,dev,i18n,buildout,lint,relstorage]"
	.freeze-venv/bin/pip freeze --all --exclude-editable | grep -v -E '^pip==' > constraints.txt
	@if grep -E '==[^ ]*(a|b|rc|dev)[0-9]+$$' constraints.txt; then echo "pre-releases above"; exit 1; fi
	rm -rf .freeze-venv
	$(MAKE) versions-cfg

versions-cfg:
	$(PYTHON) scripts/versions_cfg.py constraints.txt profiles/versions.cfg

buildout-check:
	scripts/buildout_check.sh

# The previous release's demo site (UPGRADE_FROM, a tag CHANGES.md names), upgraded to this
# checkout's code: every item, mark and file kept, and the site serves.
upgrade-check: install
	scripts/upgrade_check.sh

# The docs in their own venv (docs/requirements.txt): Sphinx's docutils is not Plone's.
DOCS_VENV := .venv-docs
$(DOCS_VENV)/.installed: docs/requirements.txt
	$(PYTHON) -m venv $(DOCS_VENV)
	$(DOCS_VENV)/bin/pip install -q uv==0.13.9 || true
	if [ -x $(DOCS_VENV)/bin/uv ] && $(DOCS_VENV)/bin/uv pip install -q \
	  --python $(DOCS_VENV)/bin/python -r docs/requirements.txt; then :; \
	else $(DOCS_VENV)/bin/pip install -q -r docs/requirements.txt; fi
	touch $@

# Warnings are errors: a broken link or a page left out of the index fails the build.
docs: $(DOCS_VENV)/.installed
	$(DOCS_VENV)/bin/sphinx-build -q -W --keep-going -b html docs docs/_build/html

# The REST examples and the settings table, rewritten from the running test site.
docs-update: install
	DOCS_UPDATE=1 $(BIN)/pytest -q tests/test_documentation.py

i18n: install
	$(call install_pinned,i18n)
	cd src/collective/consultation && \
	  ../../../$(BIN)/i18ndude rebuild-pot --pot locales/collective.consultation.pot --create collective.consultation --merge locales/collective.consultation-manual.pot . && \
	  ../../../$(BIN)/i18ndude rebuild-pot --pot locales/plone.pot --create plone --merge locales/plone-manual.pot profiles && \
	  ../../../$(BIN)/i18ndude sync --pot locales/collective.consultation.pot locales/*/LC_MESSAGES/collective.consultation.po && \
	  ../../../$(BIN)/i18ndude sync --pot locales/plone.pot locales/*/LC_MESSAGES/plone.po

clean:
	rm -rf $(VENV) instance .freeze-venv
