"""MkDocs hook: give the site's own scripts, styles and engine files content-addressed URLs.

Runs once, after every language has been built (mkdocs-static-i18n builds the other languages
inside the root build's ``on_post_build``, at priority -100), so that every page's references
are rewritten. See ``sitebuild/content_hash.py`` for the rule and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from sitebuild.application_docx import TEXTS_FOLDER
from sitebuild.content_hash import address, own_files, rewrite_references

ENGINE_FOLDER = "assets/engine"
#: Folders other hooks write into the site, addressed with the scripts that read them.
GENERATED_FOLDERS = (ENGINE_FOLDER, TEXTS_FOLDER)
VENDOR_FOLDER = "assets/vendor"


def _after_all_languages(config: Any) -> bool:
    i18n = config["plugins"].get("i18n")
    return i18n is None or not i18n.building


@event_priority(-110)
def on_post_build(config: Any) -> None:
    """MkDocs event: move the files into ``assets/v/<hash>/`` and rewrite the pages."""
    if not _after_all_languages(config):
        return
    site_dir = Path(config["site_dir"])
    moved = address(site_dir, own_files(Path(config["docs_dir"]), GENERATED_FOLDERS))
    vendor = site_dir / VENDOR_FOLDER
    for package in sorted(vendor.iterdir()) if vendor.is_dir() else []:
        moved |= address(site_dir, [package.relative_to(site_dir).as_posix()], fresh=False)
    site_path = urlsplit(config["site_url"] or "/").path or "/"
    rewrite_references(site_dir, moved, site_path if site_path.endswith("/") else site_path + "/")
