"""MkDocs hook: ship the fee engine and a pinned Pyodide inside the site.

On every build (``mkdocs build`` and each ``mkdocs serve`` rebuild) the calculator package is
built into a wheel, registered in a copy of Pyodide's lock with ``pyodide lockfile add-wheels``
(so the page's ``loadPackage`` checks its sha256), and copied with the Pyodide core files into
``assets/pyodide/``. Only the fees page's worker loads these files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitebuild.i18n_build import is_default_language_build
from sitebuild.pyodide_dist import LOCK_NAME, DistError, assemble

ROOT = Path(__file__).resolve().parent.parent
WHEEL_DIR = ROOT / "build" / "site-wheel"
DIST_DIR = ROOT / "build" / "site-pyodide"
SITE_PATH = "assets/pyodide"
#: What a module worker needs to start Pyodide (no UMD build, no Node files, no source maps).
CORE_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")


def build_wheel() -> Path:
    """Build the calculator wheel from the current tree (a changed engine is picked up)."""
    shutil.rmtree(WHEEL_DIR, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        str(WHEEL_DIR),
        str(ROOT),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise PluginError(f"building the calculator wheel failed:\n{completed.stderr[-2000:]}")
    (wheel,) = WHEEL_DIR.glob("*.whl")
    return wheel


def bundle(site_dir: Path) -> list[str]:
    """Assemble the distribution and copy it into the site; return the copied file names."""
    try:
        assemble(DIST_DIR, [build_wheel()], core_files=CORE_FILES)
    except DistError as error:
        raise PluginError(f"assembling Pyodide failed: {error}") from error
    target = site_dir / SITE_PATH
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    names = [*CORE_FILES, LOCK_NAME, *(w.name for w in DIST_DIR.glob("*.whl"))]
    for name in names:
        shutil.copyfile(DIST_DIR / name, target / name)
    return names


def on_post_build(config: Any) -> None:
    """MkDocs event: the root build ships the files every language's fees page uses."""
    if is_default_language_build(config):
        bundle(Path(config["site_dir"]))
