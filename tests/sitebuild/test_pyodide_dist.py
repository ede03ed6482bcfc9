"""sitebuild/pyodide_dist.py: a self-hosted Pyodide distribution, core files plus our wheels.

Most tests use a tiny stand-in for the npm package (a lock and two core files); one registers
a real wheel with the real `pyodide lockfile add-wheels` against Pyodide's own lock.
"""

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from sitebuild import pyodide_dist
from sitebuild.pyodide_dist import LOCK_NAME, DistError, assemble

ROOT = Path(__file__).resolve().parents[2]
CORE_FILES = ("pyodide.mjs", "pyodide.asm.wasm")


@pytest.fixture
def core(tmp_path) -> Path:
    """A stand-in npm `pyodide` package: a lock naming one package, and two core files."""
    folder = tmp_path / "core"
    folder.mkdir()
    lock = {
        "info": {"python": "3.13.2"},
        "packages": {
            "affine": {"name": "affine", "file_name": "affine-2.4.0-py3-none-any.whl"},
        },
    }
    (folder / LOCK_NAME).write_text(json.dumps(lock), encoding="utf-8")
    for name in CORE_FILES:
        (folder / name).write_bytes(name.encode() * 10)
    return folder


def wheel(folder: Path, name: str = "demo", version: str = "1.0") -> Path:
    """A minimal, valid pure-Python wheel."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{name}/__init__.py", "")
        zf.writestr(
            f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        )
        zf.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
        zf.writestr(f"{info}/RECORD", "")
    return path


def test_core_files_are_copied_and_the_lock_pruned_to_what_is_there(core, tmp_path):
    """No wheel: the core files, and a lock naming no package the distribution lacks."""
    dest = tmp_path / "dist"
    lock_path = assemble(dest, [], core_dir=core, core_files=CORE_FILES)
    for name in CORE_FILES:
        assert (dest / name).read_bytes() == (core / name).read_bytes()
    assert json.loads(lock_path.read_text(encoding="utf-8"))["packages"] == {}
    unpruned = assemble(tmp_path / "all", [], core_dir=core, core_files=CORE_FILES, prune=False)
    assert set(json.loads(unpruned.read_text(encoding="utf-8"))["packages"]) == {"affine"}


@pytest.mark.parametrize(
    ("wheels", "message"),
    [
        (lambda tmp: [tmp / "notes.txt"], "is not a wheel"),
        (lambda tmp: [tmp / "gone-1.0-py3-none-any.whl"], "does not exist"),
        (lambda tmp: [wheel(tmp / "a", version="1.0"), wheel(tmp / "b", version="2.0")], "two"),
    ],
)
def test_bad_wheels_are_refused(core, tmp_path, wheels, message):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(DistError, match=message):
        assemble(tmp_path / "dist", wheels(tmp_path), core_dir=core, core_files=CORE_FILES)


def test_a_missing_npm_package_or_core_file_is_explained(core, tmp_path):
    with pytest.raises(DistError, match="is the npm `pyodide` package installed"):
        assemble(tmp_path / "dist", [], core_dir=tmp_path / "nowhere")
    with pytest.raises(DistError, match="core file"):
        assemble(tmp_path / "dist", [], core_dir=core, core_files=("pyodide.js",))
    with pytest.raises(DistError, match="always written"):
        assemble(tmp_path / "dist", [], core_dir=core, core_files=(LOCK_NAME,))


def test_a_wheel_is_registered_with_its_hash_and_old_wheels_go(tmp_path):
    """The real add-wheels against Pyodide's lock: our wheel by name, with its sha256."""
    core = ROOT / "node_modules" / "pyodide"
    dest = tmp_path / "dist"
    old = wheel(tmp_path / "old", version="0.9")
    assemble(dest, [old], core_dir=core, core_files=())
    new = wheel(tmp_path / "new", version="1.0")
    lock_path = assemble(dest, [new], core_dir=core, core_files=())
    packages = json.loads(lock_path.read_text(encoding="utf-8"))["packages"]
    assert set(packages) == {"demo"}
    assert packages["demo"]["version"] == "1.0"
    assert packages["demo"]["sha256"] == hashlib.sha256(new.read_bytes()).hexdigest()
    assert sorted(p.name for p in dest.glob("*.whl")) == [new.name]
    # An unchanged re-run keeps the lock as it is.
    before = lock_path.stat().st_mtime_ns
    assert assemble(dest, [new], core_dir=core, core_files=()) == lock_path
    assert lock_path.stat().st_mtime_ns == before


def test_the_command_reports_failure_with_exit_status_1(tmp_path, capsys):
    assert pyodide_dist.main(["--dest", str(tmp_path / "d"), "--core-dir", str(tmp_path)]) == 1
    assert "pyodide_dist: error:" in capsys.readouterr().err
