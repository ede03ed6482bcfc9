"""Assemble a self-hosted Pyodide distribution: the npm core files plus our own wheels.

Why this exists: the npm ``pyodide`` package ships the runtime (``pyodide.js``, the WebAssembly
module, the standard library) and a ``pyodide-lock.json`` that names ~380 packages, but none of
their wheels, and the lock's sha256 values are those of Pyodide's repacked copies, which are not
on npm. Pyodide refuses to load a wheel whose hash differs from the lock, and in Node it silently
falls back to downloading a missing wheel from the jsDelivr CDN. So whoever serves Pyodide
themselves (the offline test harness in ``tests/pyodide/``, the site build that ships the
calculator wheel) has to copy the wheels next to the runtime and register them in the lock with
their real hashes. ``pyodide lockfile add-wheels`` (pyodide-build / pyodide-lock) does the
registering: it hashes each wheel and derives its ``depends`` from the wheel's own metadata,
evaluated for Pyodide's Python, which also replaces stale ``depends`` in Pyodide's lock.

By default the written lock is then pruned to the packages whose wheel is actually in the
distribution, and checked for dependencies that are missing: a lock that names files the
distribution does not have turns into a 404 in a browser and a CDN download in Node, so it is
better to fail here, at build time, with the package's name.

Usable as a module (``assemble``) and as a command::

    python -m sitebuild.pyodide_dist --dest build/pyodide-test-dist \\
        --wheels build/wheel/*.whl build/pyodide-test-wheels/*.whl

Re-running with the same inputs only compares file sizes and modification times and one hash
stamp, so it takes milliseconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "BROWSER_CORE_FILES",
    "DEFAULT_CORE_DIR",
    "DEFAULT_CORE_FILES",
    "LOCK_NAME",
    "SNAPSHOT_START_CORE_FILES",
    "DistError",
    "assemble",
    "main",
    "sha256_file",
]

#: Where ``npm ci`` puts the ``pyodide`` package (relative to the repository root).
DEFAULT_CORE_DIR = Path("node_modules/pyodide")

#: The core files a page or Node needs to start Pyodide. ``pyodide.mjs`` is the ES module a page
#: imports; ``pyodide.js`` is the UMD/CommonJS build, which Node's ``require`` (and so
#: pytest-pyodide's Node driver) loads. The lock is not listed: it is always read from
#: ``core_dir`` and always written into ``dest`` by ``assemble``.
DEFAULT_CORE_FILES: tuple[str, ...] = (
    "pyodide.js",
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)

#: The one list of Pyodide's files a page's module worker needs (no UMD build, no Node files, no
#: source maps): the site ships these (hooks/pyodide_bundle.py) and sizes its progress bar by them.
BROWSER_CORE_FILES: tuple[str, ...] = (
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
#: Of those, what the engine's snapshot start downloads (it brings its own small standard
#: library): what the service worker keeps for the calculator (sitebuild/offline_manifest.py).
SNAPSHOT_START_CORE_FILES: tuple[str, ...] = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm")

LOCK_NAME = "pyodide-lock.json"

#: Records the inputs of the last successful run so that an unchanged re-run skips the
#: ``add-wheels`` subprocess. A dot-file, so a static-site copy of ``dest`` may leave it out.
STAMP_NAME = ".pyodide-dist-stamp.json"

#: Bumped whenever the output for the same inputs would change (invalidates old stamps).
_STAMP_FORMAT = 1


class DistError(RuntimeError):
    """The distribution cannot be assembled (missing input, bad wheel, broken lock)."""


def sha256_file(path: Path) -> str:
    """The file's SHA-256, hex: the content keys of the distribution and the engine snapshot."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _sync_file(src: Path, dst: Path) -> bool:
    """Copy ``src`` to ``dst`` unless it is already there; return whether it copied.

    Size plus modification time (which ``copy2`` preserves) is the same test ``rsync`` uses; it
    keeps re-runs fast without reading the 10 MB of WebAssembly and standard library again.
    """
    try:
        s, d = src.stat(), dst.stat()
    except FileNotFoundError:
        pass
    else:
        if s.st_size == d.st_size and s.st_mtime_ns == d.st_mtime_ns:
            return False
    tmp = dst.with_name(dst.name + ".tmp")
    shutil.copy2(src, tmp)
    os.replace(tmp, dst)
    return True


def _pyodide_cli() -> Path:
    """The ``pyodide`` command of the running environment.

    Taken next to ``sys.executable`` so the project's venv (which pins pyodide-build) is used even
    when it is not activated; ``PATH`` is only a fallback.
    """
    beside = Path(sys.executable).with_name("pyodide")
    if beside.exists():
        return beside
    found = shutil.which("pyodide")
    if found is None:
        raise DistError(
            f"the `pyodide` command (pyodide-build) is neither next to {sys.executable} "
            "nor on PATH; run `make setup`"
        )
    return Path(found)


def _check_wheels(wheels: Sequence[Path]) -> list[Path]:
    """Resolve the wheel paths; refuse non-wheels and two files for the same project."""
    by_project: dict[str, Path] = {}
    for wheel in wheels:
        if wheel.suffix != ".whl":
            raise DistError(f"{wheel} is not a wheel (.whl)")
        if not wheel.is_file():
            raise DistError(f"wheel {wheel} does not exist")
        # A wheel file name starts with the normalised project name and the version.
        project = wheel.name.split("-", 1)[0].lower()
        if project in by_project and by_project[project].name != wheel.name:
            raise DistError(
                f"two wheels for {project}: {by_project[project].name} and {wheel.name}; "
                "remove the stale one (`make wheel` cleans build/wheel/ first)"
            )
        by_project[project] = wheel.resolve()
    return list(dict.fromkeys(by_project.values()))


def _fingerprint(
    source_lock: Path, wheels: Iterable[Path], core_files: Iterable[str], prune: bool
) -> dict[str, Any]:
    return {
        "format": _STAMP_FORMAT,
        "source_lock": sha256_file(source_lock),
        "core_files": sorted(core_files),
        "wheels": {w.name: sha256_file(w) for w in sorted(wheels)},
        "prune": prune,
    }


def _add_wheels(source_lock: Path, output: Path, dest: Path, wheels: Sequence[Path]) -> None:
    """Run ``pyodide lockfile add-wheels`` with file names relative to ``dest``."""
    cmd = [
        str(_pyodide_cli()),
        "lockfile",
        "add-wheels",
        "--input",
        str(source_lock),
        "--output",
        str(output),
        "--base-path",
        str(dest),
        *(str(w) for w in wheels),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        hint = ""
        if "pkginfo" in proc.stderr:
            hint = (
                "\nhint: `pyodide lockfile add-wheels` needs pkginfo (the `wheel` extra of "
                "pyodide-lock); it must be in the dev dependencies (requirements/dev.lock)."
            )
        raise DistError(
            f"`{' '.join(cmd)}` failed with exit code {proc.returncode}:\n"
            f"{proc.stdout}{proc.stderr}{hint}"
        )


def _prune(lock: dict[str, Any], dest: Path) -> None:
    """Keep only the packages whose wheel is in ``dest``; fail on a dependency left dangling."""
    packages: dict[str, Any] = lock["packages"]
    kept = {
        name: spec
        for name, spec in packages.items()
        # An absolute URL (add-wheels --wheel-url) points elsewhere on purpose: keep it.
        if "://" in spec["file_name"] or (dest / spec["file_name"]).is_file()
    }
    missing = sorted(
        f"{name} -> {dep}"
        for name, spec in kept.items()
        for dep in spec.get("depends", [])
        if dep not in kept
    )
    if missing:
        raise DistError(
            "these packages depend on packages whose wheel is not in the distribution "
            f"(add the wheels): {', '.join(missing)}"
        )
    lock["packages"] = dict(sorted(kept.items()))


def assemble(
    dest: Path,
    wheels: Sequence[Path],
    *,
    core_dir: Path = DEFAULT_CORE_DIR,
    core_files: Sequence[str] = DEFAULT_CORE_FILES,
    prune: bool = True,
) -> Path:
    """Make ``dest`` a Pyodide distribution that can load ``wheels`` offline; return its lock.

    ``dest`` gets the ``core_files`` from ``core_dir``, a copy of each wheel, and a
    ``pyodide-lock.json`` built from ``core_dir``'s lock by ``pyodide lockfile add-wheels`` (so
    each wheel is listed under its project name with its real sha256 and with the dependencies
    that its metadata declares for Pyodide). With ``prune`` the lock keeps only packages whose
    wheel is in ``dest``, and a dependency without a wheel is an error (see the module doc).

    ``dest`` is owned by this function: wheels in it that are not in ``wheels`` are removed, so
    that an old version of a wheel cannot linger and be served. Other files are left alone.
    Idempotent; an unchanged re-run only compares sizes, times and hashes.
    """
    core_dir = Path(core_dir)
    dest = Path(dest)
    source_lock = core_dir / LOCK_NAME
    if not source_lock.is_file():
        raise DistError(f"{source_lock} not found: is the npm `pyodide` package installed?")
    if LOCK_NAME in core_files:
        raise DistError(f"{LOCK_NAME} is always written by assemble(); drop it from core_files")
    wheel_paths = _check_wheels([Path(w) for w in wheels])

    dest.mkdir(parents=True, exist_ok=True)
    for name in core_files:
        src = core_dir / name
        if not src.is_file():
            raise DistError(f"core file {src} not found")
        _sync_file(src, dest / name)

    dest_wheels = [dest / w.name for w in wheel_paths]
    for src, dst in zip(wheel_paths, dest_wheels, strict=True):
        if src != dst.resolve():
            _sync_file(src, dst)
    wanted = {w.name for w in dest_wheels}
    for stale in dest.glob("*.whl"):
        if stale.name not in wanted:
            stale.unlink()

    lock_path = dest / LOCK_NAME
    stamp_path = dest / STAMP_NAME
    fingerprint = _fingerprint(source_lock, dest_wheels, core_files, prune)
    if lock_path.is_file() and stamp_path.is_file():
        try:
            if json.loads(stamp_path.read_text(encoding="utf-8")) == fingerprint:
                return lock_path
        except ValueError:
            pass  # a damaged stamp just means: rebuild

    # From here on a failure must not leave a lock that lists the previous wheels.
    stamp_path.unlink(missing_ok=True)
    lock_path.unlink(missing_ok=True)
    tmp_lock = dest / (LOCK_NAME + ".tmp")
    if dest_wheels:
        _add_wheels(source_lock, tmp_lock, dest, dest_wheels)
    else:
        shutil.copyfile(source_lock, tmp_lock)
    lock = json.loads(tmp_lock.read_text(encoding="utf-8"))
    if prune:
        _prune(lock, dest)
    tmp_lock.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp_lock, lock_path)
    stamp_path.write_text(json.dumps(fingerprint, indent=1) + "\n", encoding="utf-8")
    return lock_path


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; prints one line per package in the written lock."""
    parser = argparse.ArgumentParser(
        description="Assemble a self-hosted Pyodide distribution (core files + wheels).",
    )
    parser.add_argument("--dest", type=Path, required=True, help="output directory")
    parser.add_argument(
        "--wheels", type=Path, nargs="*", default=[], help="wheels to copy and register"
    )
    parser.add_argument(
        "--core-dir",
        type=Path,
        default=DEFAULT_CORE_DIR,
        help=f"the npm pyodide package (default: {DEFAULT_CORE_DIR})",
    )
    parser.add_argument(
        "--core-file",
        dest="core_files",
        action="append",
        metavar="NAME",
        help=f"a core file to copy; repeat (default: {' '.join(DEFAULT_CORE_FILES)})",
    )
    parser.add_argument(
        "--no-prune",
        dest="prune",
        action="store_false",
        help="keep every package of Pyodide's lock, even those whose wheel is not in --dest",
    )
    args = parser.parse_args(argv)
    try:
        lock_path = assemble(
            args.dest,
            args.wheels,
            core_dir=args.core_dir,
            core_files=tuple(args.core_files or DEFAULT_CORE_FILES),
            prune=args.prune,
        )
    except DistError as exc:
        print(f"pyodide_dist: error: {exc}", file=sys.stderr)
        return 1
    packages = json.loads(lock_path.read_text(encoding="utf-8"))["packages"]
    print(f"{lock_path}: {len(packages)} packages")
    if args.prune:
        for name, spec in packages.items():
            print(f"  {name} {spec['version']}  {spec['file_name']}  sha256:{spec['sha256'][:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
