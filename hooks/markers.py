"""MkDocs hook: replace ``<!-- wego:NAME -->`` markers in a page with rendered HTML.

Pages stay plain Markdown; figures and widgets come from code at build time. A marker
nobody renders fails the build instead of leaving a hole in the page.

Most markers become HTML after Markdown (``on_page_content``). A marker whose output is text
of the page itself (the WeGO Secretariat's contacts) becomes Markdown before it
(``on_page_markdown``), so MkDocs converts it like the words around it: its links to other
pages are checked and made relative, and it reads exactly as if typed in the page.

What was rendered is recorded in ``page.meta`` (sitebuild/page_components.py), with a note
of a Mermaid diagram, so that the CSP hook and the templates decide from that record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import calculator
from sitebuild import page_components, secretariat
from sitebuild.application_form import render_application_form
from sitebuild.fee_quote_form import render_fee_quote_form
from sitebuild.multi_quote_form import render_multi_quote_form

MARKER = re.compile(r"<!--\s*wego:([a-z0-9-]+)\s*-->")
#: A marker in the Markdown source: alone on its line (so never one quoted inside a paragraph).
MARKDOWN_MARKER = re.compile(r"^<!--\s*wego:([a-z0-9-]+)\s*-->$", re.MULTILINE)
#: What pymdownx.superfences writes for a ```mermaid fence (mkdocs.yml, custom_fences).
MERMAID_DIAGRAM = re.compile(r'<pre class="mermaid">')

Renderer = Callable[[calculator.Language, str], str]

#: marker name -> renderer(language, relative URL of the site root from the page)
RENDERERS: dict[str, Renderer] = {
    "fee-table": lambda lang, root: calculator.render_table_html(lang),
    "schedule-caveats": lambda lang, root: calculator.render_caveats_html(lang),
    page_components.FEE_QUOTE: render_fee_quote_form,
    "application-form": render_application_form,
    "multi-quote": render_multi_quote_form,
}

#: marker name -> renderer(language) of Markdown, substituted before the page's Markdown runs.
MARKDOWN_RENDERERS: dict[str, Callable[[calculator.Language], str]] = {
    "secretariat": secretariat.contacts_markdown,
}


def page_language(page: Page, config: Any) -> calculator.Language:
    """The page's language: mkdocs-static-i18n's file locale, else the theme's language."""
    code = getattr(page.file, "locale", None) or config["theme"]["language"]
    return calculator.Language(code)


def render_markers(html: str, lang: calculator.Language, root: str, where: str) -> str:
    """Substitute every marker; raise on an unknown one."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            raise PluginError(f"{where}: unknown marker <!-- wego:{name} -->")
        return RENDERERS[name](lang, root)

    return MARKER.sub(substitute, html)


def render_markdown_markers(markdown: str, lang: calculator.Language) -> tuple[str, list[str]]:
    """Substitute the Markdown markers; return the text and the names rendered.

    Other markers are left for ``render_markers``, which fails the build on an unknown one.
    """
    rendered: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in MARKDOWN_RENDERERS:
            return match.group(0)
        rendered.append(name)
        return MARKDOWN_RENDERERS[name](lang)

    return MARKDOWN_MARKER.sub(substitute, markdown), rendered


def page_carries(html: str) -> list[str]:
    """The components of a page's Markdown output: its markers, and a Mermaid diagram."""
    diagram = [page_components.MERMAID] if MERMAID_DIAGRAM.search(html) else []
    return [*MARKER.findall(html), *diagram]


def on_page_markdown(markdown: str, page: Page, config: Any, files: Any) -> str:
    """MkDocs event: runs before Markdown, once per page and language.

    Records the Markdown markers rendered; ``on_page_content`` adds the rest to that record.
    """
    output, rendered = render_markdown_markers(markdown, page_language(page, config))
    page_components.record(page.meta, rendered)
    return output


def on_page_content(html: str, page: Page, config: Any, files: Any) -> str:
    """MkDocs event: runs after Markdown, once per page and language."""
    root = get_relative_url(".", page.url) or "."
    output = render_markers(html, page_language(page, config), root, page.file.src_uri)
    before_markdown = page_components.components(page.meta)
    page_components.record(page.meta, [*before_markdown, *page_carries(html)])
    return output
