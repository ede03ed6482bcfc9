# One entry point for every task. `make help` lists them.
# The two commands a newcomer needs are `make serve` and `make test`.

SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

# pyodide-build (which registers our wheel in Pyodide's lock file) needs Python 3.12+,
# so the project's one virtual environment is built on 3.12 (the engine itself supports 3.11+).
PYTHON312 ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $(shell command -v python3.12 2>/dev/null) $(shell command -v python3.13 2>/dev/null))
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup serve build test test-js check lint golden bench clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMPS)/venv: requirements/dev.lock pyproject.toml
	@test -n "$(PYTHON312)" || { echo "Python 3.12 or newer is needed (pyenv install 3.12)"; exit 1; }
	@mkdir -p $(STAMPS)
	test -x $(PY) || $(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(STAMPS)/node: package.json package-lock.json
	@mkdir -p $(STAMPS)
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

setup: $(STAMPS)/venv $(STAMPS)/node ## Install the virtual environment (.venv/) and Node modules

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

test: setup $(STAMPS)/debian-packages lint test-js pyodide-test-dist ## Run every test: engine, engine in Pyodide, built site, browser end-to-end (what CI runs)
	$(PY) -m pytest

check: setup lint test-js pyodide-test-dist ## The quick loop: lint, the JS unit tests and every test but the browser ones
	$(PY) -m pytest -m "not browser"

# The browser modules' pure logic (no DOM), with Node's own test runner: tests/js/**/*.test.mjs.
test-js: ## Run the JavaScript unit tests (node --test)
	node --test $(wildcard tests/js/*.test.mjs tests/js/*/*.test.mjs)

# --- Pyodide: the engine's wheel and its tests inside real Pyodide (Node, offline) -------------
# The npm `pyodide` package has the runtime but no package wheels, so the wheels pytest needs in
# Pyodide are downloaded from PyPI at set-up (pinned, hashed) and registered, with the calculator
# wheel, in a self-hosted distribution by sitebuild/pyodide_dist.py (`pyodide lockfile add-wheels`).
PYODIDE_TEST_WHEELS := build/pyodide-test-wheels
PYODIDE_TEST_DIST := build/pyodide-test-dist

.PHONY: wheel pyodide-test-dist

# build/ can go (`make clean`, rm -rf) while .stamps/ stays: then download again.
ifeq ($(wildcard $(PYODIDE_TEST_WHEELS)/*.whl),)
.PHONY: $(STAMPS)/pyodide-test-wheels
endif

$(STAMPS)/pyodide-test-wheels: requirements/pyodide-test.lock $(STAMPS)/venv
	@mkdir -p $(STAMPS)
	rm -rf $(PYODIDE_TEST_WHEELS)
	$(PY) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
		--python-version 3.13 --require-hashes -r requirements/pyodide-test.lock \
		-d $(PYODIDE_TEST_WHEELS)
	@touch $@

wheel: $(STAMPS)/venv ## Build the calculator wheel into build/wheel/
	rm -rf build/wheel
	$(PY) -m build --wheel --no-isolation --outdir build/wheel .

pyodide-test-dist: wheel $(STAMPS)/pyodide-test-wheels $(STAMPS)/node ## Pyodide + wheels for tests/pyodide
	$(PY) -m sitebuild.pyodide_dist --dest $(PYODIDE_TEST_DIST) \
		--wheels build/wheel/*.whl $(PYODIDE_TEST_WHEELS)/*.whl

bench: build $(STAMPS)/debian-packages ## Benchmark the fee widget against a bare Pyodide page (prints figures)
	$(PY) scripts/benchmark.py

golden: setup ## Regenerate the committed renderings of the fee table (tests/golden/)
	$(PY) scripts/regenerate_golden.py

clean: ## Remove build outputs (keeps .venv and node_modules)
	rm -rf site build dist .pytest_cache .hypothesis

# --- Quality report: the site-wide guarantees in figures ------------------------------------
.PHONY: report

report: setup $(STAMPS)/debian-packages ## Quality report of the built site (build/quality-report.md); LIGHTHOUSE=1 adds Lighthouse (local only)
	$(PY) scripts/quality_report.py $(if $(LIGHTHOUSE),--lighthouse)
