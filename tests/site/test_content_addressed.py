"""Every script and stylesheet the built site references has a content-addressed URL.

A page reloaded after a deploy must never mix fresh and cached files, so each local JS/CSS
reference, in the HTML (``<script src>``, ``<link href>``, ``data-*`` URLs) and in the site's own
modules (``import``, ``new URL(…, import.meta.url)``), must resolve to an existing file that is
either inside ``assets/v/<hash>/`` (where the hash matches the folder's content), carries a
hash in its own name (the theme's bundles), or sits under a folder naming Pyodide's version.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from harness.local_server import SUB_PATH
from hooks.pyodide_bundle import PYODIDE_PATH, pyodide_version
from sitebuild.content_hash import HASHED_ROOT, hashed_folder_matches

HTML_REF = re.compile(r'\s(?:src|href|data-[a-z-]+)="([^"#?]+)[^"]*"')
JS_REF = re.compile(
    r"(?:\bimport\s*(?:[\w{}\s,*]+from\s*)?|\bfrom\s*|\bimport\(\s*|\bnew URL\(\s*)"
    r"""["']([^"']+)["']"""
)
NAMED_BY_HASH = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")


def local_target(base: str, ref: str) -> str | None:
    """The site-relative path a reference resolves to, or None if it leaves the site."""
    if "://" in ref or ref.startswith(("data:", "mailto:", "#", "//")):
        return None
    if ref.startswith("/"):
        return ref[len(SUB_PATH) :] if ref.startswith(SUB_PATH) else None
    return posixpath.normpath(posixpath.join(base, ref))


def addressed(site: Path, target: str) -> bool:
    if NAMED_BY_HASH.search(target):
        return True
    versioned = f"{PYODIDE_PATH}/{pyodide_version()}"
    if target == versioned or target.startswith(versioned + "/"):
        return True
    if target.startswith(HASHED_ROOT + "/"):
        return hashed_folder_matches(site, target.split("/")[2])
    return False


def references(site: Path) -> list[tuple[str, str]]:
    """(where, site-relative target) for every local JS/CSS reference."""
    found: list[tuple[str, str]] = []
    for page in site.rglob("*.html"):
        base = page.parent.relative_to(site).as_posix()
        for ref in HTML_REF.findall(page.read_text(encoding="utf-8")):
            target = local_target("" if base == "." else base, ref)
            if target and target.endswith((".js", ".mjs", ".css")):
                found.append((page.relative_to(site).as_posix(), target))
    for module in (site / HASHED_ROOT).rglob("*.mjs"):
        if "vendor" in module.relative_to(site).parts:
            # Third-party bundles (the docx library) are copied as published, whole: their
            # text holds usage examples ("from 'docx'") that are not requests of ours.
            continue
        base = module.parent.relative_to(site).as_posix()
        for ref in JS_REF.findall(module.read_text(encoding="utf-8")):
            target = local_target(base, ref)
            if target:
                found.append((module.relative_to(site).as_posix(), target))
    return found


def test_every_local_script_and_stylesheet_reference_is_content_addressed(built_site):
    refs = references(built_site)
    assert any("fee-quote.mjs" in target for _, target in refs)
    assert any("quote-worker.mjs" in target for _, target in refs)
    missing = sorted({(w, t) for w, t in refs if not (built_site / t).exists()})
    assert missing == []
    plain = sorted({(w, t) for w, t in refs if not addressed(built_site, t)})
    assert plain == []


@pytest.mark.parametrize("name", ["engine.snapshot.zst", "pyodide-lock.json", "engine.mjs"])
def test_the_engine_files_are_inside_the_hashed_folder(built_site, name):
    (found,) = (built_site / HASHED_ROOT).glob(f"*/engine/{name}")
    assert addressed(built_site, found.relative_to(built_site).as_posix())


def test_pyodide_core_files_sit_under_their_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", pyodide_version())
