"""Shared test settings and fixtures: a Hypothesis profile sized for a 2-core CI machine, and
the site built once per test run from the current tree."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from harness.site_build import build_site, tree_lock

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """How many processes `-n auto` starts: one per two cores, none on fewer than four; without
    the browser tests (`make check`), one per core.

    A browser test keeps about two cores busy (the page, its worker running Pyodide, the
    driver and pytest). Measured on this project's 2-core machine, the whole suite took 425 s
    in one process and 462 s in two, which only fought over the cores; from four cores up,
    two or more processes each get their own.
    """
    cores = os.cpu_count() or 1
    if config.getoption("markexpr") == "not browser":  # `make check`: one core per process
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
