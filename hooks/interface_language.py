"""MkDocs hook: Material's interface in the page's own language, and no needless requests.

Material translates most of its interface through ``theme.language`` (mkdocs-static-i18n sets
it per language build), but a few pieces sit outside that mechanism. This hook handles them
without forking Material's templates:

* **Heading anchors.** The ``toc`` extension writes one ``permalink_title`` for every page, and
  mkdocs-static-i18n may not override ``markdown_extensions`` per language. Each language
  declares its title as ``extra.permalink_title`` in ``mkdocs.yml`` (the plugin does override
  ``extra``); this hook copies it into the extension's options once the plugin has applied the
  language.
* **The search dialog's name.** Material leaves its ``role="dialog"`` without an accessible
  name (axe: aria-dialog-name). The dialog gets ``aria-label`` = the search field's own
  translated placeholder, read from the same page.
* **Language alternates in ``<head>``.** Material's script fetches ``sitemap.xml`` relative to
  every ``<link rel="alternate">``; mkdocs-static-i18n points those links at the page's
  translation, so each page asked for ``<page>/sitemap.xml`` twice and got 404s. The links are
  dropped: the header's language selector keeps its per-page links, and ``sitemap.xml``
  already lists every page's ``hreflang`` alternates for search engines.
* **Search results.** Both languages share one search index; each entry's title is marked
  with its language's name, so a reader sees which language a result is in.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

__all__ = ["drop_alternate_links", "mark_search_entries", "name_search_dialog"]

_ALTERNATE = re.compile(r"[ \t]*<link rel=\"alternate\" href=\"[^\"]*\" hreflang=\"[^\"]*\">\n?")
_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_PLACEHOLDER = re.compile(r'class="md-search__input"[^>]*\splaceholder="([^"]*)"')


def drop_alternate_links(html: str) -> str:
    """The page without its ``<link rel="alternate" hreflang>`` tags; RSS links are kept."""
    return _ALTERNATE.sub("", html)


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog the accessible name its search field already carries."""
    placeholder = _PLACEHOLDER.search(html)
    if _DIALOG not in html or placeholder is None:
        return html
    named = _DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{placeholder[1]}"')
    return html.replace(_DIALOG, named, 1)


def mark_search_entries(index: dict[str, Any], prefixes: dict[str, str]) -> dict[str, Any]:
    """Each entry's title followed by its language's name, e.g. ``Notes · English``.

    ``prefixes`` maps a location prefix (``"en/"``; ``""`` for the default language) to the
    name; the longest matching prefix wins. Marking twice is a no-op.
    """
    ordered = sorted(prefixes.items(), key=lambda item: len(item[0]), reverse=True)
    for doc in index.get("docs", []):
        name = next(n for prefix, n in ordered if doc.get("location", "").startswith(prefix))
        suffix = f" · {name}"
        if not doc.get("title", "").endswith(suffix):
            doc["title"] = f"{doc.get('title', '')}{suffix}"
    return index


@event_priority(-110)  # after mkdocs-static-i18n (-100) has applied the language's `extra`
def on_config(config: Any) -> Any:
    """MkDocs event, once per language build: the anchors' title in that language."""
    title = config.extra.get("permalink_title")
    if title:
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = title
    return config


def on_post_page(output: str, page: Any, config: Any) -> str:
    """MkDocs event: every Markdown page, in every language."""
    return name_search_dialog(drop_alternate_links(output))


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """MkDocs event: theme templates written as pages (404.html)."""
    if template_name.endswith(".html"):
        return name_search_dialog(drop_alternate_links(output_content))
    return output_content


@event_priority(-110)  # after mkdocs-static-i18n has merged both languages into one index
def on_post_build(config: Any) -> None:
    """MkDocs event: once the last language is built, mark the shared index's entries."""
    i18n = config["plugins"].get("i18n")
    if i18n is None or i18n.building:
        return  # a language build inside the plugin's loop: the index is not final yet
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    prefixes = {
        ("" if language.default else f"{language.locale}/"): language.name
        for language in i18n.config.languages
        if language.build
    }
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(
        json.dumps(mark_search_entries(index, prefixes), ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
