"""The site built as the tests and the quality report need it: strict, for the Pages sub-path,
with a pinned clock, and optionally with no network at all.

One build of this tree runs at a time (:func:`tree_lock`): the build hooks write shared work
folders in ``build/`` (the wheel, the Pyodide distribution, the snapshot cache), and the test
suite may run in several processes (pytest-xdist, on four cores or more) that each want one.

``SOURCE_DATE_EPOCH`` is pinned (as a release build should pin it, e.g. to the commit time) to
2001-09-09, a day no page mentions, so tests/site/test_reproducible.py can tell where a build
date goes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from filelock import FileLock

from harness.local_server import SUB_PATH

__all__ = ["BUILD_EPOCH", "ROOT", "build_site", "offline_prefix", "tree_lock"]

ROOT = Path(__file__).resolve().parent.parent
BUILD_EPOCH = 1_000_000_000
#: One lock object per process: filelock counts re-entries on the same object, so a holder
#: may call build_site (which takes it too) without waiting on itself.
_TREE_LOCK = FileLock(ROOT / "build" / "tree-build.lock")


def tree_lock() -> FileLock:
    """Held while anything builds from this tree or reads what a build left in ``build/``; other
    processes (the other pytest-xdist worker, a second test run) wait for it."""
    return _TREE_LOCK


def offline_prefix() -> list[str]:
    """``unshare -n`` when this machine lets a process drop the network, else nothing."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, check=False)
    return [unshare, "-n"] if probe.returncode == 0 else []


def build_site(out: Path, *, offline: bool = False) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of the current tree into ``out``; the caller checks the result.

    ``offline``: in a network namespace with no interface but loopback, where the machine
    allows one (see :func:`offline_prefix`).
    """
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"https://example.github.io{SUB_PATH}",
        "SOURCE_DATE_EPOCH": str(BUILD_EPOCH),
    }
    prefix = offline_prefix() if offline else []
    command = [*prefix, sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    with tree_lock():
        return subprocess.run(
            [*command, str(out)], cwd=ROOT, env=env, check=False, capture_output=True, text=True
        )
