"""MkDocs hook: copy pinned third-party files from node_modules/ into the built site.

The site serves everything from its own origin; versions are pinned in package-lock.json,
so the files are the same on every machine. Only the files a page actually loads are copied.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from sitebuild.i18n_build import is_default_language_build

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"

#: site path -> file in node_modules
VENDOR_FILES = {
    "assets/vendor/mermaid/mermaid.min.js": "mermaid/dist/mermaid.min.js",
    # docx's browser ES module bundles its two dependencies (fflate, nanoid): one file, loaded
    # by the application page only when a Word document is asked for.
    "assets/vendor/docx/docx.mjs": "docx/dist/index.mjs",
    "assets/vendor/docx/LICENSE": "docx/LICENSE",
}


def copy_vendor_files(site_dir: Path) -> None:
    """Copy each pinned file; a missing one means `npm ci` has not run, which we say."""
    for target, source in VENDOR_FILES.items():
        origin = NODE_MODULES / source
        if not origin.is_file():
            raise PluginError(f"{origin} is missing: run `make setup` (npm ci) first")
        destination = site_dir / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, destination)


def on_post_build(config: Any) -> None:
    """MkDocs event: after the pages are written; shared files go to the root build only."""
    if is_default_language_build(config):
        copy_vendor_files(Path(config["site_dir"]))
