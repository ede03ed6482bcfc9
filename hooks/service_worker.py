"""MkDocs hook: the service worker that keeps the whole guide for reading offline.

After every language is built and the content-addressing hook has moved the site's files
(priority -110), this hook lists every file of the deploy with its hash
(``sitebuild/offline_manifest.py``) and writes that list in front of the worker's script,
``overrides/service-worker.js``, which MkDocs has copied to the site root as a theme file: the
root, so that its scope is the whole guide under any sub-path. A deploy that changes any file
changes the worker, which is how a returning reader's browser learns of it.

Each page gets, from ``overrides/main.html``, the offer of a new version (its texts in the
page's language, ``sitebuild/locales/offline.*.json``) and the module that registers the worker.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitebuild.offline_manifest import SERVICE_WORKER, build_manifest, worker_script
from sitebuild.ui_text import ui_catalogue

OFFLINE_KEYS = ("offline.update_available", "offline.reload")


def _after_all_languages(config: Any) -> bool:
    i18n = config["plugins"].get("i18n")
    return i18n is None or not i18n.building


def offline_messages(lang: str) -> str:
    """The offer's texts in one language, as the JSON its ``data-messages`` carries."""
    catalogue = ui_catalogue(lang)
    return json.dumps({key: catalogue[key] for key in OFFLINE_KEYS}, ensure_ascii=False)


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """MkDocs event: the offer's texts in the page's language, for overrides/main.html."""
    lang = getattr(page.file, "locale", None) or config["theme"]["language"]
    context["wego_offline_messages"] = offline_messages(lang)
    return context


@event_priority(-120)
def on_post_build(config: Any) -> None:
    """MkDocs event (after content addressing, which runs at -110): write the worker."""
    if not _after_all_languages(config):
        return
    site_dir = Path(config["site_dir"])
    worker = site_dir / SERVICE_WORKER
    if not worker.is_file():
        raise PluginError(f"{worker} is missing: overrides/{SERVICE_WORKER} was not copied")
    source = worker.read_text(encoding="utf-8")
    manifest = build_manifest(site_dir)
    worker.write_text(worker_script(source, manifest), encoding="utf-8")
