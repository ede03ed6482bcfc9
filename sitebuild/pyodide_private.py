"""The private Pyodide and CPython details the engine snapshot relies on, named and checked.

The snapshot start (``sitebuild/snapshot/make-snapshot.mjs``, ``sitebuild/snapshot_trim.py``,
``docs/assets/javascripts/quote-worker.mjs``) uses parts of Pyodide and CPython that neither
project promises to keep: Pyodide's snapshot options, Emscripten's module internals, CPython's
line-table format and type flags. An upgrade that changes one would otherwise show up as a
snapshot that fails in readers' browsers (they would silently get the slower wheel start) or as
an obscure error deep in the maker. This module lists every such detail in one place and checks,
before a snapshot is made, that the Pyodide being shipped still has it; a missing one stops the
build with its name, where it is used and what to re-verify (CONTRIBUTING: "Upgrade Pyodide").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CPYTHON_VERIFIED",
    "JS_DETAILS",
    "PrivateDetail",
    "PrivateDetailMissing",
    "check_pyodide",
]


@dataclass(frozen=True)
class PrivateDetail:
    """One private name the snapshot path uses: where Pyodide defines it, and who uses it."""

    name: str
    #: The Pyodide distribution file whose text must name it.
    defined_in: str
    used_by: str


JS_DETAILS: tuple[PrivateDetail, ...] = (
    PrivateDetail(
        "_makeSnapshot", "pyodide.asm.js", "make-snapshot.mjs: loadPyodide option of the maker"
    ),
    PrivateDetail(
        "makeMemorySnapshot", "pyodide.asm.js", "make-snapshot.mjs: takes the snapshot's bytes"
    ),
    PrivateDetail(
        "_loadSnapshot", "pyodide.mjs", "quote-worker.mjs and make-snapshot.mjs: restore option"
    ),
    PrivateDetail("_module", "pyodide.asm.js", "make-snapshot.mjs: the Emscripten module"),
    PrivateDetail(
        "_malloc_footprint",
        "pyodide.asm.js",
        "make-snapshot.mjs: zeroes the heap's free memory before the snapshot",
    ),
    PrivateDetail(
        "_malloc_set_footprint_limit",
        "pyodide.asm.js",
        "make-snapshot.mjs: zeroes the heap's free memory before the snapshot",
    ),
    PrivateDetail(
        "_PyMem_RawMalloc",
        "pyodide.asm.js",
        "make-snapshot.mjs: zeroes the heap's free memory before the snapshot",
    ),
    PrivateDetail(
        "_PyMem_RawFree",
        "pyodide.asm.js",
        "make-snapshot.mjs: zeroes the heap's free memory before the snapshot",
    ),
    PrivateDetail(
        "_PyObject_Malloc",
        "pyodide.asm.js",
        "make-snapshot.mjs: zeroes the free blocks of CPython's small-object allocator",
    ),
    PrivateDetail(
        "_PyObject_Free",
        "pyodide.asm.js",
        "make-snapshot.mjs: zeroes the free blocks of CPython's small-object allocator",
    ),
    PrivateDetail(
        "_emscripten_stack_get_end",
        "pyodide.asm.js",
        "make-snapshot.mjs: zeroes the stack's unused part",
    ),
    PrivateDetail("stackSave", "pyodide.asm.js", "make-snapshot.mjs: the stack's current top"),
    PrivateDetail("HEAP8", "pyodide.asm.js", "make-snapshot.mjs: writes into the heap"),
)

#: The CPython versions (major, minor) whose private details the snapshot trim was checked
#: against: the line-table (location table) format that ``snapshot_trim.line_numbers_only``
#: writes, the type flags ``Py_TPFLAGS_HEAPTYPE``/``Py_TPFLAGS_IMMUTABLETYPE`` it reads,
#: ``zipimport._zip_directory_cache`` and ``dis.hasconst``. The maker also proves each trim
#: keeps ``co_lines()``; a Python outside this set needs that re-read before it ships.
CPYTHON_VERIFIED: frozenset[tuple[int, int]] = frozenset({(3, 13)})


class PrivateDetailMissing(RuntimeError):
    """The Pyodide being shipped lacks a private detail the snapshot relies on."""


def _python_version(pyodide_dir: Path) -> tuple[int, int]:
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    major, minor, *_ = (int(part) for part in str(lock["info"]["python"]).split("."))
    return major, minor


def check_pyodide(pyodide_dir: Path) -> None:
    """Raise :class:`PrivateDetailMissing` naming every private detail this Pyodide lacks."""
    problems: list[str] = []
    texts: dict[str, str] = {}
    for detail in JS_DETAILS:
        if detail.defined_in not in texts:
            path = pyodide_dir / detail.defined_in
            texts[detail.defined_in] = path.read_text(encoding="utf-8") if path.exists() else ""
        if detail.name not in texts[detail.defined_in]:
            problems.append(
                f"{detail.name} is not in {detail.defined_in} (used by {detail.used_by})"
            )
    version = _python_version(pyodide_dir)
    if version not in CPYTHON_VERIFIED:
        verified = ", ".join(f"{major}.{minor}" for major, minor in sorted(CPYTHON_VERIFIED))
        problems.append(
            f"Pyodide runs Python {version[0]}.{version[1]}; the snapshot trim's line-table "
            f"format, type flags and zipimport cache were verified for {verified} only "
            "(sitebuild/snapshot_trim.py)"
        )
    if problems:
        raise PrivateDetailMissing(
            "The engine snapshot relies on private Pyodide/CPython details this Pyodide lacks "
            "(see CONTRIBUTING, 'Upgrade Pyodide'):\n- " + "\n- ".join(problems)
        )
