"""The snapshot's check set and its cache (no Node needed here; the snapshot itself is made,
read back and checked by every site build, see tests/site; its file format by
tests/js/snapshot-file.test.mjs)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from calculator.schedule import get_schedule
from harness.site_build import tree_lock
from sitebuild import engine_snapshot
from sitebuild.content_hash import HASHED_ROOT
from sitebuild.engine_snapshot import (
    SNAPSHOT_NAME,
    STDLIB_NAME,
    SnapshotError,
    check_requests,
    empty_zip,
    make_snapshot,
    snapshot_key,
)


def test_checks_cover_every_band_edge_in_both_languages():
    requests = [json.loads(r) for r in check_requests()]
    assert {r["lang"] for r in requests} == {"ru", "en"}
    populations = {r["fields"].get("population") for r in requests}
    gdps = {r["fields"].get("gdp") for r in requests}
    for bound in get_schedule().population_lower_bounds[1:]:
        assert {str(bound), str(bound - 1)} <= populations
    for bound in get_schedule().gdp_lower_bounds[1:]:
        assert str(bound) in gdps
        assert any(g and g.startswith(f"{bound - 1}.99") for g in gdps)
    assert any("country" in r["fields"] for r in requests)


def test_the_empty_stdlib_is_a_valid_empty_zip():
    import io
    import zipfile

    assert zipfile.ZipFile(io.BytesIO(empty_zip())).namelist() == []


def fake_inputs(tmp_path: Path) -> tuple[Path, Path]:
    pyodide = tmp_path / "pyodide"
    pyodide.mkdir()
    for name in engine_snapshot.PYODIDE_FILES:
        (pyodide / name).write_bytes(name.encode())
    wheel = tmp_path / "engine.whl"
    wheel.write_bytes(b"wheel")
    return pyodide, wheel


def test_the_key_follows_the_wheel_and_pyodide(tmp_path):
    pyodide, wheel = fake_inputs(tmp_path)
    key = snapshot_key(pyodide, wheel, ["a"])
    assert key == snapshot_key(pyodide, wheel, ["a"])
    assert key != snapshot_key(pyodide, wheel, ["b"])
    wheel.write_bytes(b"other wheel")
    assert key != snapshot_key(pyodide, wheel, ["a"])


def test_a_cached_snapshot_is_reused_without_running_node(tmp_path, monkeypatch):
    pyodide, wheel = fake_inputs(tmp_path)
    cache = tmp_path / "cache"
    folder = cache / snapshot_key(pyodide, wheel, check_requests())
    folder.mkdir(parents=True)
    (folder / SNAPSHOT_NAME).write_bytes(b"zst")
    (folder / STDLIB_NAME).write_bytes(empty_zip())
    (folder / "snapshot.json").write_text('{"raw_bytes": 42}')

    def no_node(*args: object, **kwargs: object) -> None:
        pytest.fail("Node ran although the snapshot was cached")

    monkeypatch.setattr(engine_snapshot.subprocess, "run", no_node)
    made = make_snapshot(pyodide, wheel, cache)
    assert (made.snapshot, made.raw_bytes) == (folder / SNAPSHOT_NAME, 42)


def test_two_makes_at_once_each_work_in_their_own_folder(tmp_path, monkeypatch):
    """Two processes making the same snapshot at once (two test workers on a fresh clone):
    each works in a folder of its own, and the one that finishes second keeps the folder the
    first put in place."""
    monkeypatch.setattr(engine_snapshot, "check_pyodide", lambda pyodide_dir: None)  # fake files
    pyodide, wheel = fake_inputs(tmp_path)
    cache = tmp_path / "cache"
    folder = cache / snapshot_key(pyodide, wheel, check_requests())
    work_folders: list[Path] = []

    def node(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        out = Path(json.loads(Path(command[-1]).read_text(encoding="utf-8"))["out"])
        work_folders.append(out.parent)
        if len(work_folders) == 1:  # while this make runs, another one starts and finishes
            other = make_snapshot(pyodide, wheel, cache)
            assert other.snapshot == folder / SNAPSHOT_NAME
        out.write_bytes(b"snapshot")
        return subprocess.CompletedProcess(command, 0, '{"bytes": 25000000, "checks": 1}\n', "")

    monkeypatch.setattr(engine_snapshot.subprocess, "run", node)
    made = make_snapshot(pyodide, wheel, cache)
    assert (made.snapshot, made.raw_bytes) == (folder / SNAPSHOT_NAME, 25_000_000)
    assert made.snapshot.read_bytes() == b"snapshot"  # the file the maker wrote, as it wrote it
    first, second = work_folders
    assert first != second
    assert {first.parent, second.parent} == {cache}
    assert sorted(p.name for p in cache.iterdir()) == [folder.name]  # no work folder left


@pytest.mark.slow  # makes the snapshot afresh in Node
def test_two_makes_of_the_snapshot_are_byte_identical(built_site, tmp_path):
    """Two separate makes from the site's own Pyodide files and wheel give the same file
    (entropy and clocks are pinned while it is made): the one in the cache, which this run's
    site build made or found there from an earlier run of the same maker on the same inputs
    (the cache key covers both), and one made now without the cache. Each make also restored
    the snapshot and checked every band edge against CPython, or failed. The site ships the
    cached one."""
    from hooks.pyodide_bundle import DIST_DIR, SNAPSHOT_CACHE

    with tree_lock():  # the other test process may be rebuilding DIST_DIR
        (wheel,) = DIST_DIR.glob("*.whl")
        cached = make_snapshot(DIST_DIR, wheel, SNAPSHOT_CACHE)
        fresh = make_snapshot(DIST_DIR, wheel, tmp_path)
        assert cached.snapshot.parent.parent == SNAPSHOT_CACHE
        assert fresh.snapshot.parent.parent == tmp_path
        assert cached.snapshot.read_bytes() == fresh.snapshot.read_bytes()
    assert cached.raw_bytes == fresh.raw_bytes > 10_000_000
    (shipped,) = (built_site / HASHED_ROOT).glob(f"*/engine/{SNAPSHOT_NAME}")
    assert shipped.read_bytes() == fresh.snapshot.read_bytes()


def test_a_pyodide_without_a_private_detail_is_refused_by_name(tmp_path):
    """An upgrade that drops what the snapshot relies on stops the make, naming it."""
    pyodide, wheel = fake_inputs(tmp_path)
    (pyodide / "pyodide-lock.json").write_text('{"info": {"python": "3.13.2"}}')
    with pytest.raises(SnapshotError, match=r"_makeSnapshot is not in pyodide\.asm\.js"):
        make_snapshot(pyodide, wheel, tmp_path / "cache")
