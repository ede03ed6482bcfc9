"""The engine's Pyodide memory snapshot: made in Node at build time, cached by a content key.

Why: a page that restores Pyodide from a snapshot with the engine already imported answers its
first quote in a fraction of the time a plain boot takes (WebAssembly compile and the engine's
import are done once, here). The snapshot is build-specific, so it is made from the exact
Pyodide files and calculator wheel the site ships, by ``sitebuild/snapshot/make-snapshot.mjs``,
which also restores it and checks every answer in ``check_requests`` against CPython.

Outputs, all byte-identical for the same inputs (see the Node script on entropy and clocks):

* ``engine.snapshot.zst``: the snapshot as a delta against ``pyodide.asm.wasm``'s data segment
  (``docs/assets/javascripts/snapshot-delta.mjs``: 1.3 MB less to download), compressed with
  Zstandard by the maker (``docs/assets/javascripts/snapshot-file.mjs``, which the page's worker
  reads it with, says why not gzip);
* ``stdlib-after-restore.zip``: the standard library the snapshot path fetches instead of
  Pyodide's 2.4 MB ``python_stdlib.zip``. It is empty: everything the engine imports is in
  the snapshot, and the Node script fails the build if a check imports any module after
  restore.

The work (about 18 s, 4 of them Zstandard's level 19) is cached under
``build/engine-snapshot/<key>/``; the key is the sha256 of the Pyodide core files, the wheel,
the check requests, the maker's source and the modules that read the file back, so a rebuild of
the same tree reuses it and any change to those makes a new one.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from calculator import Language, answer_json
from calculator.schedule import get_schedule
from sitebuild.pyodide_dist import sha256_file
from sitebuild.pyodide_private import PrivateDetailMissing, check_pyodide

__all__ = [
    "DECODER_LICENSE",
    "DECODER_NAME",
    "MAKER",
    "SNAPSHOT_NAME",
    "STDLIB_NAME",
    "ZSTD_DECODER",
    "EngineSnapshot",
    "SnapshotError",
    "check_requests",
    "make_snapshot",
    "snapshot_key",
]

ROOT = Path(__file__).resolve().parent.parent
MAKER = Path(__file__).resolve().parent / "snapshot" / "make-snapshot.mjs"
#: The delta coding and the file's reader, shared by the maker and the page's worker.
DELTA = ROOT / "docs" / "assets" / "javascripts" / "snapshot-delta.mjs"
SNAPSHOT_FILE = ROOT / "docs" / "assets" / "javascripts" / "snapshot-file.mjs"
#: The pinned Zstandard decoder (npm ``zstddec``) the page reads the file with; the site ships
#: this very file (hooks/pyodide_bundle.py), and the maker proves the snapshot reads back with it.
ZSTD_DECODER = ROOT / "node_modules" / "zstddec" / "dist" / "zstddec-stream.mjs"
#: Its name in the site, next to the snapshot; its licence goes with it.
DECODER_NAME = ZSTD_DECODER.name
DECODER_LICENSE = ZSTD_DECODER.parent.parent / "LICENSE"
#: What the maker runs in the interpreter before taking the snapshot.
TRIM = Path(__file__).with_name("snapshot_trim.py")
#: The file names the page fetches; the name says what the file is.
SNAPSHOT_NAME = "engine.snapshot.zst"
STDLIB_NAME = "stdlib-after-restore.zip"
#: The Pyodide files the snapshot depends on (its build id and memory layout come from them).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")


#: The requests after the grid in ``check_requests`` (countries, categories, errors).
WARMUP_TAIL = 16


class SnapshotError(RuntimeError):
    """The snapshot could not be made, or it answers differently from CPython."""


@dataclass(frozen=True)
class EngineSnapshot:
    """The cached outputs and the raw (decoded) size the page must allocate."""

    snapshot: Path
    stdlib: Path
    raw_bytes: int


def _edges(bounds: Iterable[int], scale: int, below: Decimal) -> list[str]:
    values: list[str] = []
    for start in bounds:
        value = Decimal(start * scale)
        if value > 0:
            values.append(str(value - below))
        values.append(str(max(value, Decimal(1))))
    return values


def check_requests() -> list[str]:
    """JSON requests covering every band edge of the grid in both languages, plus a country,
    an associate member with an approval year, and coded errors: the set every snapshot must
    answer exactly like CPython. The first is the worker's self-check after restore."""
    schedule = get_schedule()
    populations = _edges(schedule.population_lower_bounds, 1, Decimal(1))
    gdps = _edges(schedule.gdp_lower_bounds, 1, Decimal("0.01"))
    fields: list[dict[str, str]] = [{"population": "624518", "gdp": "47404.96"}]
    fields += [{"population": p, "gdp": g} for p in populations for g in gdps]
    fields += [
        {"population": "624518", "country": "RUS"},
        {"population": "12000000", "country": "KOR", "approval_year": "2020"},
        {"population": "450000", "gdp": "3000", "category": "associate", "approval_year": "2024"},
        {"population": "abc", "gdp": "1"},
        {"population": "1,500", "gdp": "999"},
        {"population": "", "gdp": ""},
        {"population": "1000", "gdp": "nan"},
        {"population": "1000", "country": "ZZZ"},
    ]
    return [
        json.dumps({"lang": lang.value, "fields": f}, ensure_ascii=False)
        for f in fields
        for lang in Language
    ]


def snapshot_key(pyodide_dir: Path, wheel: Path, requests: list[str]) -> str:
    """The cache key: everything the snapshot's bytes depend on."""
    parts = {
        "pyodide": {name: sha256_file(pyodide_dir / name) for name in PYODIDE_FILES},
        "wheel": sha256_file(wheel),
        "checks": hashlib.sha256("\n".join(requests).encode()).hexdigest(),
        "maker": sha256_file(MAKER),
        "delta": sha256_file(DELTA),
        "reader": sha256_file(SNAPSHOT_FILE),
        "decoder": sha256_file(ZSTD_DECODER),
        "trim": sha256_file(TRIM),
        "packer": sha256_file(Path(__file__)),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def empty_zip() -> bytes:
    """A zip archive with no members (always the same 22 bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w"):
        pass
    return buffer.getvalue()


def make_snapshot(pyodide_dir: Path, wheel: Path, cache_root: Path) -> EngineSnapshot:
    """The snapshot for these Pyodide files and this wheel, from the cache or made now.

    Before one is made, the private Pyodide and CPython details it relies on must all be there
    (sitebuild/pyodide_private.py): an upgrade that drops one stops here, by name. (A cached
    snapshot was made from the same Pyodide files, which are part of its key.)"""
    requests = check_requests()
    folder = cache_root / snapshot_key(pyodide_dir, wheel, requests)
    result = EngineSnapshot(folder / SNAPSHOT_NAME, folder / STDLIB_NAME, 0)
    meta = folder / "snapshot.json"
    if meta.is_file() and result.snapshot.is_file() and result.stdlib.is_file():
        raw = json.loads(meta.read_text(encoding="utf-8"))["raw_bytes"]
        return EngineSnapshot(result.snapshot, result.stdlib, int(raw))
    try:
        check_pyodide(pyodide_dir)
    except PrivateDetailMissing as missing:
        raise SnapshotError(str(missing)) from missing
    node = shutil.which("node")
    if node is None:
        raise SnapshotError("Node is needed to make the engine snapshot (apt-get install nodejs)")
    # A work folder of its own: another process may be making the same snapshot right now.
    cache_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", suffix=".tmp", dir=cache_root))
    (work / STDLIB_NAME).write_bytes(empty_zip())
    grid = requests[2:-WARMUP_TAIL]
    ordered = [*requests[:2], *requests[-WARMUP_TAIL:], *grid]
    job: dict[str, Any] = {
        "pyodide": str(pyodide_dir.resolve()),
        "wheel": str(wheel.resolve()),
        "wheelSha256": sha256_file(wheel),
        "out": str((work / SNAPSHOT_NAME).resolve()),
        "minimalStdlib": str((work / STDLIB_NAME).resolve()),
        "delta": str(DELTA),
        "snapshotFile": str(SNAPSHOT_FILE),
        "decoder": str(ZSTD_DECODER),
        "trim": str(TRIM),
        "checks": [{"request": r, "reply": answer_json(r)} for r in ordered],
        # One of each kind before the snapshot (fills the engine's caches); all after restore.
        "warmup": len(requests) - len(grid) + 2,
    }
    (work / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        [node, str(MAKER), str(work / "job.json")], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        raise SnapshotError(f"making the engine snapshot failed:\n{proc.stderr[-3000:]}")
    # The maker's last line of output: {"bytes": <the snapshot's size once decoded>, ...}.
    raw_bytes = int(json.loads(proc.stdout.strip().splitlines()[-1])["bytes"])
    (work / "job.json").unlink()
    (work / "snapshot.json").write_text(json.dumps({"raw_bytes": raw_bytes}), encoding="utf-8")
    if not meta.is_file():
        shutil.rmtree(folder, ignore_errors=True)  # an incomplete folder, never a finished one
    try:
        os.replace(work, folder)
    except OSError:
        if not meta.is_file():
            raise
        shutil.rmtree(work)  # another process put the same snapshot in place first
    return EngineSnapshot(folder / SNAPSHOT_NAME, folder / STDLIB_NAME, raw_bytes)
