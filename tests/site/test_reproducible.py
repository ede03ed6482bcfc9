"""A pinned, offline, reproducible build.

* Building twice from the same tree gives byte-identical sites. The one thing a build date
  can change is documented here: ``sitemap.xml`` (each page's ``<lastmod>``) and the gzip
  header of ``sitemap.xml.gz`` carry the build day; setting ``SOURCE_DATE_EPOCH`` (as these
  tests and any release build should, e.g. to the commit time) pins it, and then the calculator
  wheel's file times follow it too (hatchling honours it; without it they are a fixed date).
  No page carries the date.
* The build needs no network once set up: it runs here in a network namespace with no
  interfaces at all (``unshare -n``).
* Python dependencies are locked ``==`` with hashes; npm packages are pinned to exact versions
  in package.json and locked with integrity hashes in package-lock.json.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scripts.local_server import SUB_PATH

ROOT = Path(__file__).resolve().parents[2]
#: 2001-09-09: a date no page mentions, so finding it shows where the build date goes.
EPOCH = 1_000_000_000
EPOCH_DAY = datetime.fromtimestamp(EPOCH, UTC).strftime("%Y-%m-%d")
DATED_FILES = {"sitemap.xml", "sitemap.xml.gz"}
EXACT_VERSION = re.compile(r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?")


def _offline_prefix() -> list[str]:
    """``unshare -n`` when this machine lets us drop the network, else nothing."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, check=False)
    return [unshare, "-n"] if probe.returncode == 0 else []


def build(out: Path, *, epoch: int | None, offline: bool = False) -> Path:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"https://example.github.io{SUB_PATH}",
    }
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    prefix = _offline_prefix() if offline else []
    command = [*prefix, sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    completed = subprocess.run(
        [*command, str(out)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return out


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def undated(name: str, content: bytes) -> bytes:
    """A dated file with its build day blanked out (a gzip file compared by its content)."""
    if name.endswith(".gz"):
        content = gzip.decompress(content)
    return re.sub(rb"<lastmod>[^<]*</lastmod>", b"<lastmod/>", content)


@pytest.fixture(scope="module")
def pinned_builds(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Two builds with the same SOURCE_DATE_EPOCH, the second with no network at all."""
    first = build(tmp_path_factory.mktemp("first"), epoch=EPOCH)
    second = build(tmp_path_factory.mktemp("second"), epoch=EPOCH, offline=True)
    return files(first), files(second)


def test_two_builds_with_a_source_date_are_byte_identical(pinned_builds, record_property):
    """With SOURCE_DATE_EPOCH set, every file of two builds is the same, byte for byte."""
    first, second = pinned_builds
    record_property("build_files_compared", len(first))
    assert len(first) > 50
    assert any(name.endswith("engine.snapshot.gz") for name in first), "the snapshot is compared"
    assert differences(first, second) == []


def test_the_build_date_is_only_in_the_sitemap(pinned_builds):
    """The build day appears in sitemap.xml (and its .gz), and in no page or asset."""
    first, _ = pinned_builds
    day = EPOCH_DAY.encode()
    readable = {n: gzip.decompress(c) if n.endswith(".gz") else c for n, c in first.items()}
    dated = {name for name, content in readable.items() if day in content}
    assert dated == DATED_FILES
    assert f"<lastmod>{EPOCH_DAY}</lastmod>".encode() in first["sitemap.xml"]


def test_two_everyday_builds_differ_at_most_in_the_build_day(tmp_path):
    """Without SOURCE_DATE_EPOCH, two builds are identical once the sitemap's day is blanked."""
    first = files(build(tmp_path / "a", epoch=None))
    second = files(build(tmp_path / "b", epoch=None))
    changed = differences(first, second)
    assert set(changed) <= DATED_FILES
    for name in changed:
        assert undated(name, first[name]) == undated(name, second[name]), name


def test_the_offline_build_really_had_no_network():
    """`unshare -n` works here: the second pinned build ran with no network interface but lo."""
    prefix = _offline_prefix()
    if not prefix:
        pytest.skip("this machine does not allow a private network namespace (unshare -n)")
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import socket; print(socket.if_nameindex())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "[(1, 'lo')]"


# --- pinned dependencies ----------------------------------------------------------------------


def lock_entries(path: Path) -> list[str]:
    """A pip lock file's requirements, each with its continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", path.read_text(encoding="utf-8"))
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@pytest.mark.parametrize("lock", ["dev.lock", "pyodide-test.lock"])
def test_python_dependencies_are_pinned_with_hashes(lock):
    """Every requirement in the lock is `name==version` with at least one sha256 hash."""
    entries = lock_entries(ROOT / "requirements" / lock)
    assert entries
    loose = [
        e
        for e in entries
        if not re.match(r"[A-Za-z0-9._-]+(\[[^\]]+\])?==[^ ;]+", e)
        or not re.search(r"--hash=sha256:[0-9a-f]{64}", e)
    ]
    assert loose == []


def test_npm_packages_are_exact_versions():
    """package.json names exact versions (no ^, ~, ranges or tags)."""
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    versions = {
        name: version
        for section in ("dependencies", "devDependencies", "optionalDependencies")
        for name, version in manifest.get(section, {}).items()
    }
    assert versions
    assert {n: v for n, v in versions.items() if not EXACT_VERSION.fullmatch(v)} == {}


def test_npm_lock_pins_every_package_with_integrity():
    """package-lock.json pins every installed package to an exact version and a sha512 hash."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert lock["lockfileVersion"] >= 2
    packages = lock["packages"]
    root = packages[""]
    for section in ("dependencies", "devDependencies"):
        assert root.get(section, {}) == manifest.get(section, {}), section
    unpinned = [
        path
        for path, entry in packages.items()
        if path
        and not entry.get("link")
        and not (
            EXACT_VERSION.fullmatch(entry.get("version", ""))
            and str(entry.get("integrity", "")).startswith("sha512-")
            and str(entry.get("resolved", "https://")).startswith("https://")
        )
    ]
    assert unpinned == []
    direct = {**root.get("dependencies", {}), **root.get("devDependencies", {})}
    for name, version in direct.items():
        assert packages[f"node_modules/{name}"]["version"] == version, name
