"""The site built as the tests and the quality report need it: strict, for the Pages sub-path,
with a pinned clock, and optionally with no network at all.

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

from harness.local_server import SUB_PATH

__all__ = ["BUILD_EPOCH", "ROOT", "build_site", "offline_prefix"]

ROOT = Path(__file__).resolve().parent.parent
BUILD_EPOCH = 1_000_000_000


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
    return subprocess.run(
        [*command, str(out)], cwd=ROOT, env=env, check=False, capture_output=True, text=True
    )
