"""MkDocs hook: ship the fee engine and a pinned Pyodide inside the site.

On every build (``mkdocs build`` and each ``mkdocs serve`` rebuild):

* the calculator package is built into a wheel and registered in a copy of Pyodide's lock with
  ``pyodide lockfile add-wheels`` (so the plain start's ``loadPackage`` checks its sha256);
* the engine's memory snapshot is made from that wheel and the same Pyodide files
  (``sitebuild/engine_snapshot.py``, cached under ``build/engine-snapshot/``);
* Pyodide's core files go to ``assets/pyodide/<version>/``, a URL that names their version;
* the engine's files (wheel, lock, snapshot and the decoder it is read with, the standard
  library the snapshot path needs) and
  ``engine.mjs``, which tells the worker where everything is and how to check itself, go to
  ``assets/engine/``; the content-addressing hook then moves that folder with the site's
  scripts into ``assets/v/<hash>/``, so the worker's ``../engine/`` follows it.

Only the fees page's worker loads these files.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from calculator import answer_json
from sitebuild.content_hash import HASHED_ROOT
from sitebuild.engine_snapshot import (
    DECODER_LICENSE,
    DECODER_NAME,
    SNAPSHOT_NAME,
    STDLIB_NAME,
    ZSTD_DECODER,
    SnapshotError,
    check_requests,
    make_snapshot,
)
from sitebuild.i18n_build import is_default_language_build
from sitebuild.offline_manifest import ENGINE_MODULE
from sitebuild.pyodide_dist import (
    BROWSER_CORE_FILES,
    DEFAULT_CORE_DIR,
    LOCK_NAME,
    DistError,
    assemble,
)

ROOT = Path(__file__).resolve().parent.parent
WHEEL_DIR = ROOT / "build" / "site-wheel"
DIST_DIR = ROOT / "build" / "site-pyodide"
SNAPSHOT_CACHE = ROOT / "build" / "engine-snapshot"
PYODIDE_PATH = "assets/pyodide"
ENGINE_PATH = "assets/engine"
PACKAGE_NAME = "wego-fee-calculator"
CORE_FILES = BROWSER_CORE_FILES


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


def pyodide_version(core_dir: Path = ROOT / DEFAULT_CORE_DIR) -> str:
    """The pinned npm ``pyodide`` package's version (names the folder of its core files)."""
    return str(json.loads((core_dir / "package.json").read_text(encoding="utf-8"))["version"])


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def engine_module(engine_dir: Path, version: str, wheel: str, raw_snapshot_bytes: int) -> str:
    """``engine.mjs``: where the worker finds Pyodide and the engine, and its self-check.

    Relative URLs are written for the folder's final place, ``HASHED_ROOT/<hash>/engine/``.
    """
    up = "../" * (len(Path(HASHED_ROOT).parts) + 2)
    pyodide = f"{up}{PYODIDE_PATH}/{version}/"
    size = {name: (engine_dir / name).stat().st_size for name in (LOCK_NAME, wheel)}
    core = {name: (DIST_DIR / name).stat().st_size for name in CORE_FILES}
    snapshot_size = (engine_dir / SNAPSHOT_NAME).stat().st_size
    decoder_size = (engine_dir / DECODER_NAME).stat().st_size
    stdlib_size = (engine_dir / STDLIB_NAME).stat().st_size
    snapshot_path = core["pyodide.asm.wasm"] + snapshot_size + decoder_size + stdlib_size
    check = check_requests()[0]

    def url(name: str) -> str:
        return f"new URL({json.dumps(name)}, import.meta.url).href"

    return f"""// Written by the build (hooks/pyodide_bundle.py): the engine's files.
export {{ loadPyodide }} from "{pyodide}pyodide.mjs";

export const engine = {{
  packageName: {json.dumps(PACKAGE_NAME)},
  pyodide: {url(pyodide)},
  lock: {url(LOCK_NAME)},
  stdlibAfterRestore: {url(STDLIB_NAME)},
  snapshot: {{
    url: {url(SNAPSHOT_NAME)},
    sha256: {json.dumps(_sha256(engine_dir / SNAPSHOT_NAME))},
    decoder: {url(DECODER_NAME)},
    rawBytes: {raw_snapshot_bytes},
    pathBytes: {snapshot_path + size[LOCK_NAME]},
  }},
  wheelPathBytes: {core["pyodide.asm.wasm"] + core["python_stdlib.zip"] + sum(size.values())},
  wasmBytes: {core["pyodide.asm.wasm"]},
  selfCheck: {{
    request: {json.dumps(check, ensure_ascii=False)},
    reply: {json.dumps(answer_json(check), ensure_ascii=False)},
  }},
}};
"""


def bundle(site_dir: Path) -> list[str]:
    """Assemble the distribution and the snapshot and copy them into the site; return the
    site-relative paths written."""
    if not ZSTD_DECODER.is_file():
        raise PluginError(f"{ZSTD_DECODER} is missing: run `make setup` (npm ci) first")
    wheel = build_wheel()
    try:
        assemble(DIST_DIR, [wheel], core_files=CORE_FILES)
        snapshot = make_snapshot(DIST_DIR, DIST_DIR / wheel.name, SNAPSHOT_CACHE)
    except (DistError, SnapshotError) as error:
        raise PluginError(f"assembling the engine failed: {error}") from error
    version = pyodide_version()
    written: list[str] = []
    core_dir = site_dir / PYODIDE_PATH
    shutil.rmtree(core_dir, ignore_errors=True)
    (core_dir / version).mkdir(parents=True)
    for name in CORE_FILES:
        shutil.copyfile(DIST_DIR / name, core_dir / version / name)
        written.append(f"{PYODIDE_PATH}/{version}/{name}")
    engine_dir = site_dir / ENGINE_PATH
    shutil.rmtree(engine_dir, ignore_errors=True)
    engine_dir.mkdir(parents=True)
    for source in (DIST_DIR / LOCK_NAME, DIST_DIR / wheel.name, snapshot.snapshot, snapshot.stdlib):
        shutil.copyfile(source, engine_dir / source.name)
    shutil.copyfile(ZSTD_DECODER, engine_dir / DECODER_NAME)
    shutil.copyfile(DECODER_LICENSE, engine_dir / f"{DECODER_NAME}.LICENSE")
    module = engine_module(engine_dir, version, wheel.name, snapshot.raw_bytes)
    (engine_dir / ENGINE_MODULE).write_text(module, encoding="utf-8")
    written += [f"{ENGINE_PATH}/{p.name}" for p in sorted(engine_dir.iterdir())]
    return written


def on_post_build(config: Any) -> None:
    """MkDocs event: the root build ships the files every language's fees page uses."""
    if is_default_language_build(config):
        bundle(Path(config["site_dir"]))
