"""What the service worker keeps for offline reading: every file of one deploy, with its hash.

Why a build-time list: the service worker (``overrides/service-worker.js``) keeps one complete
version of the guide, so that after a first visit every page of both languages works without a
network, and a page is never served with another deploy's scripts or engine. The list names
each file with the SHA-256 of its bytes, written into the worker's script by
``hooks/service_worker.py``: a deploy that changes any file changes the worker's bytes, which is
how a browser learns that there is a new version (GitHub Pages sends no header that could say
so), and the worker downloads each file with that hash as its ``integrity``, so a copy left over
from the HTTP cache or a half-finished deploy can never enter the kept version.

Files are in two groups. ``shell``: the pages (keyed by the address a reader opens, ``en/fees/``
rather than ``en/fees/index.html``), the theme, the site's scripts and styles, the vendored
Mermaid and docx libraries, the search index and the search languages the site builds. ``engine``:
what the calculator's snapshot start downloads (Pyodide's core files and the engine folder), kept
at once unless the reader saves data, in which case only once a calculator has been opened. The
plain-start fallback's files (Pyodide's full standard library, the wheel) are not listed: they
are kept only if a start ever needs them. Source maps, the sitemaps, the template partials MkDocs
copies from ``overrides/`` and the search languages the site does not use are never requested
by a page, so they are left out.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitebuild.content_hash import HASHED_ROOT
from sitebuild.engine_snapshot import DECODER_NAME, SNAPSHOT_NAME, STDLIB_NAME
from sitebuild.pyodide_dist import LOCK_NAME, SNAPSHOT_START_CORE_FILES

__all__ = [
    "ENGINE_FILES",
    "ENGINE_MODULE",
    "PYODIDE_ROOT",
    "SERVICE_WORKER",
    "Manifest",
    "build_manifest",
    "integrity",
    "page_address",
    "worker_script",
]

#: The service worker's script, at the site root so that its scope is the whole guide.
SERVICE_WORKER = "service-worker.js"
#: Pyodide's core files live under a folder naming their version (hooks/pyodide_bundle.py).
PYODIDE_ROOT = "assets/pyodide"
#: The module that tells the quote worker where the engine's files are (hooks/pyodide_bundle.py).
ENGINE_MODULE = "engine.mjs"
#: The files of the snapshot start, by name: Pyodide's (in PYODIDE_ROOT/<version>/) and the
#: engine folder's (in HASHED_ROOT/<hash>/engine/). The other engine files are the fallback's.
ENGINE_FILES = frozenset(
    {*SNAPSHOT_START_CORE_FILES, ENGINE_MODULE, SNAPSHOT_NAME, DECODER_NAME, LOCK_NAME, STDLIB_NAME}
)
_NEVER_REQUESTED_SUFFIXES = (".map",)
_NEVER_REQUESTED = {SERVICE_WORKER, "sitemap.xml", "sitemap.xml.gz"}
_LUNR = "assets/javascripts/lunr/"
SEARCH_INDEX = "search/search_index.json"
#: Search helpers Material loads whatever the languages are.
_LUNR_ALWAYS = ("min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js")


@dataclass(frozen=True)
class Manifest:
    """One deploy's files: address (relative to the site root) -> ``sha256-<base64>``."""

    version: str
    shell: Mapping[str, str]
    engine: Mapping[str, str]
    #: The ``HASHED_ROOT`` folders of this deploy: a page names its version by the one its
    #: scripts come from.
    asset_folders: tuple[str, ...]

    def as_json(self) -> str:
        return json.dumps(
            {
                "version": self.version,
                "assetFolders": list(self.asset_folders),
                "shell": dict(self.shell),
                "engine": dict(self.engine),
            },
            indent=1,
            sort_keys=True,
        )


def integrity(path: Path) -> str:
    """The file's Subresource Integrity value (what ``fetch(…, {integrity})`` checks)."""
    digest = hashlib.sha256(path.read_bytes()).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def page_address(path: str) -> str:
    """The address a reader opens for a built file: ``en/fees/index.html`` -> ``en/fees/``."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def _search_language_files(site_dir: Path) -> set[str]:
    """The lunr files Material's search worker loads: its languages are those of the built
    search index (the plugin's configuration is another language's by the end of the build)."""
    index = site_dir / SEARCH_INDEX
    config = json.loads(index.read_text(encoding="utf-8"))["config"] if index.is_file() else {}
    langs = config.get("lang", [])
    return {_LUNR + name for name in _LUNR_ALWAYS} | {
        f"{_LUNR}min/lunr.{lang}.min.js" for lang in langs
    }


def _kept(path: str, search_files: set[str]) -> bool:
    parts = PurePosixPath(path).parts
    if path in _NEVER_REQUESTED or path.endswith(_NEVER_REQUESTED_SUFFIXES):
        return False
    if parts[0] == "partials":  # overrides/partials/*, copied by MkDocs as theme files
        return False
    return not path.startswith(_LUNR) or path in search_files


def _is_engine(path: str) -> bool:
    parts = PurePosixPath(path).parts
    engine_folder = path.startswith(HASHED_ROOT + "/") and len(parts) > 3 and parts[3] == "engine"
    return (path.startswith(PYODIDE_ROOT + "/") or engine_folder) and parts[-1] in ENGINE_FILES


def _is_fallback(path: str) -> bool:
    parts = PurePosixPath(path).parts
    engine_folder = path.startswith(HASHED_ROOT + "/") and len(parts) > 3 and parts[3] == "engine"
    return (path.startswith(PYODIDE_ROOT + "/") or engine_folder) and not _is_engine(path)


def build_manifest(site_dir: Path) -> Manifest:
    """The manifest of a built site (after the content-addressing hook has run)."""
    search_files = _search_language_files(site_dir)
    shell: dict[str, str] = {}
    engine: dict[str, str] = {}
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        path = file.relative_to(site_dir).as_posix()
        if not _kept(path, search_files) or _is_fallback(path):
            continue
        group = engine if _is_engine(path) else shell
        group[page_address(path)] = integrity(file)
    folders = sorted(
        {PurePosixPath(p).parts[2] for p in [*shell, *engine] if p.startswith(HASHED_ROOT + "/")}
    )
    everything = hashlib.sha256(json.dumps([shell, engine], sort_keys=True).encode())
    return Manifest(everything.hexdigest()[:16], shell, engine, tuple(folders))


def worker_script(source: str, manifest: Manifest) -> str:
    """The service worker as served: its source with this deploy's manifest in front."""
    return (
        "// Written by the build (hooks/service_worker.py): this deploy's files and hashes.\n"
        f"const OFFLINE_MANIFEST = {manifest.as_json()};\n\n{source}"
    )
