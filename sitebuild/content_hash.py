"""Content-addressed URLs for every file of the site's own that can change between deploys.

Why: GitHub Pages lets browsers cache every file for ten minutes under its URL. A page reloaded
after a deploy would otherwise mix fresh HTML with cached scripts, styles, engine wheel or
snapshot (a quote could contradict the table on the same page). So the build moves those files
into one folder named by a hash of all their contents, ``assets/v/<hash>/``, keeping their
relative layout, and rewrites the references in every HTML page.

The rule is generic, with no list of files: everything under ``docs/assets/javascripts/`` and
``docs/assets/stylesheets/`` (any module or stylesheet added later included) plus the engine
folder is moved. Pinned third-party packages under ``assets/vendor/<name>/`` get a hashed
folder each, so a deploy that does not change them keeps their URL (and the reader's cache).

Because the whole module graph moves together, the references *between* those files
(``import "./x.mjs"``, ``new URL("./worker.mjs", import.meta.url)``, the worker's ``../engine/``)
stay valid unchanged, and any change to any of them gives every one of them a
new URL. Files that are addressed otherwise are left alone: the theme's bundles carry a hash in
their name, and Pyodide's core files sit under a folder naming their version.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

__all__ = [
    "HASHED_ROOT",
    "OWN_FOLDERS",
    "address",
    "folder_hash",
    "hashed_folder_matches",
    "own_files",
    "rewrite_references",
]

#: Where the content-addressed folder goes, relative to the site root.
HASHED_ROOT = "assets/v"
#: The site's own asset folders (relative to docs_dir and to the site root).
OWN_FOLDERS = ("assets/javascripts", "assets/stylesheets")
HASH_LENGTH = 16

#: An attribute holding a URL (src, href, or a data-* attribute such as data-worker).
_URL_ATTR = re.compile(r'(\s(?:src|href|data-[a-z-]+)=")([^"]*)(")')


def own_files(docs_dir: Path, extra_folders: Iterable[str] = ()) -> list[str]:
    """Site-relative paths of the files to address: those the docs folder puts under
    ``OWN_FOLDERS`` (not the theme's), plus everything in ``extra_folders`` of the site."""
    paths = {
        path.relative_to(docs_dir).as_posix()
        for folder in OWN_FOLDERS
        for path in (docs_dir / folder).rglob("*")
        if path.is_file()
    }
    return sorted(paths | set(extra_folders))


def folder_hash(site_dir: Path, paths: Iterable[str]) -> str:
    """One hash over the names and contents of all the files (a change anywhere changes it)."""
    return _digest({path: site_dir / path for path in paths})


def _digest(files: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(files[name].read_bytes()).digest())
    return digest.hexdigest()[:HASH_LENGTH]


def hashed_folder_matches(site_dir: Path, digest: str) -> bool:
    """Whether ``HASHED_ROOT/<digest>/`` still holds exactly the content its name says."""
    root = site_dir / HASHED_ROOT / digest
    files = {f"assets/{p.relative_to(root).as_posix()}": p for p in root.rglob("*") if p.is_file()}
    return bool(files) and _digest(files) == digest


def _expand(site_dir: Path, paths: Iterable[str]) -> list[str]:
    files: list[str] = []
    for path in paths:
        full = site_dir / path
        if full.is_dir():
            files += [p.relative_to(site_dir).as_posix() for p in full.rglob("*") if p.is_file()]
        elif full.is_file():
            files.append(path)
    return sorted(set(files))


def address(site_dir: Path, paths: Iterable[str], *, fresh: bool = True) -> dict[str, str]:
    """Move the files (folders are expanded) to ``HASHED_ROOT/<hash>/<same path under assets>``;
    return old -> new site-relative paths. With ``fresh``, earlier hashed folders go first."""
    files = _expand(site_dir, paths)
    digest = folder_hash(site_dir, files)
    if fresh:
        shutil.rmtree(site_dir / HASHED_ROOT, ignore_errors=True)
    moved: dict[str, str] = {}
    for old in files:
        inner = PurePosixPath(old).relative_to("assets")
        new = f"{HASHED_ROOT}/{digest}/{inner}"
        (site_dir / new).parent.mkdir(parents=True, exist_ok=True)
        os.replace(site_dir / old, site_dir / new)
        moved[old] = new
    for old in files:  # drop folders the move left empty
        folder = (site_dir / old).parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return moved


def _rewrite_page(page: str, page_dir: str, moved: dict[str, str], site_path: str) -> str:
    def replace(match: re.Match[str]) -> str:
        url = match.group(2)
        if "://" in url or url.startswith(("#", "data:", "mailto:", "//")):
            return match.group(0)
        path, sep, rest = url.partition("?") if "?" in url else url.partition("#")
        if path.startswith("/"):
            if not path.startswith(site_path):
                return match.group(0)
            target = os.path.normpath(path[len(site_path) :])
        else:
            target = os.path.normpath(os.path.join(page_dir, path))
        new = moved.get(PurePosixPath(target).as_posix())
        if new is None:
            return match.group(0)
        absolute = path.startswith("/")
        written = site_path + new if absolute else os.path.relpath(new, page_dir or ".")
        return f"{match.group(1)}{written}{sep}{rest}{match.group(3)}"

    return _URL_ATTR.sub(replace, page)


def rewrite_references(site_dir: Path, moved: dict[str, str], site_path: str = "/") -> int:
    """Point every reference in the site's HTML pages at the moved files; return pages changed.

    ``site_path`` is the path part of ``site_url`` (absolute references such as the 404 page's
    start with it)."""
    changed = 0
    for page in site_dir.rglob("*.html"):
        page_dir = page.parent.relative_to(site_dir).as_posix()
        page_dir = "" if page_dir == "." else page_dir
        text = page.read_text(encoding="utf-8")
        new = _rewrite_page(text, page_dir, moved, site_path)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
