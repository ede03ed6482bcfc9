"""The theme's interface speaks the page's language, and nothing asks for a missing sitemap.

Material's own texts (labels, titles, placeholders, the header, the footer) are checked on every
built page; the page's content is the content tests' business. The 404 page is bilingual by
design and switches its interface at load: its browser test is in tests/e2e.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.pages import LANGS, SLUGS

CYRILLIC = re.compile("[А-Яа-яЁё]")
#: Interface text Material or mkdocs.yml would show in English if a language were missed.
ENGLISH_INTERFACE = (
    "Switch to",
    "Permanent link",
    "Link to this section",
    "Made with",
    "Built with",
    "Back to top",
    "Skip to content",
    "Search",
    "Table of contents",
    "Select language",
    "Previous",
    "Next",
    "Clear",
    "Footer",
    "Header",
    "Navigation",
)
#: Interface text that would betray Russian settings on an English page.
RUSSIAN_INTERFACE = ("Включить", "Ссылка на этот раздел", "Неофициальный путеводитель. Сайт")
#: Elements whose whole text is interface (the header, the footer).
CHROME = ("md-header", "md-footer")


class Interface(HTMLParser):
    """Label-like attribute values, and the text inside the header and the footer."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.head_alternates: list[str] = []
        self.selector: dict[str, str] = {}
        self._chrome = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("aria-label", "title", "placeholder"):
            if a.get(name):
                self.texts.append(a[name])
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.head_alternates.append(a["hreflang"])
        if tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.selector[a["hreflang"]] = a["href"]
        classes = (a.get("class") or "").split()
        if self._chrome or any(c in classes for c in CHROME):
            self._chrome += tag not in ("link", "meta", "input", "br", "img")

    def handle_endtag(self, tag):
        if self._chrome:
            self._chrome -= 1

    def handle_data(self, data):
        if self._chrome and data.strip():
            self.texts.append(" ".join(data.split()))


def interface(site: Path, lang: str, slug: str) -> Interface:
    parser = Interface()
    parser.feed((site / LANGS[lang] / slug / "index.html").read_text(encoding="utf-8"))
    return parser


def content_labels(text: str) -> bool:
    """Labels the guide's own content gives itself (e.g. the fee table's cell notes)."""
    return text.startswith(("as published", "estimate:", "Notes to the table", "Result"))


@pytest.mark.parametrize("slug", SLUGS)
def test_russian_pages_show_no_english_interface(built_site, slug):
    """Palette toggle, anchors, search, header and footer are Russian on Russian pages."""
    texts = interface(built_site, "ru", slug).texts
    found = [t for t in texts for phrase in ENGLISH_INTERFACE if phrase in t]
    assert found == []
    assert "Ссылка на этот раздел" in texts
    assert {"Включить тёмную тему", "Включить светлую тему"} <= set(texts)


@pytest.mark.parametrize("slug", SLUGS)
def test_english_pages_show_no_russian_interface(built_site, slug):
    """On English pages only the language selector's «Русский» may be Cyrillic."""
    texts = interface(built_site, "en", slug).texts
    cyrillic = [t for t in texts if CYRILLIC.search(t) and t != "Русский"]
    assert cyrillic == []
    assert [t for t in texts for phrase in RUSSIAN_INTERFACE if phrase in t] == []
    assert "Link to this section" in texts
    assert {"Switch to dark mode", "Switch to light mode"} <= set(texts)


def test_interface_check_catches_a_stray_label():
    """The parser sees a label in the header and an English anchor title."""
    parser = Interface()
    parser.feed('<header class="md-header"><a title="Permanent link">Switch to dark mode</a>')
    assert parser.texts == ["Permanent link", "Switch to dark mode"]


@pytest.mark.parametrize("slug", SLUGS)
def test_no_alternate_link_for_materials_sitemap_fetch(built_site, slug):
    """No <link rel=alternate hreflang> in <head>: Material fetched <page>/sitemap.xml for each."""
    for lang in LANGS:
        assert interface(built_site, lang, slug).head_alternates == []


@pytest.mark.parametrize("slug", SLUGS)
def test_language_selector_points_to_the_twin_page_relatively(built_site, slug):
    """The header's selector links each page (home included) to its twin, under any sub-path."""
    for lang, folder in LANGS.items():
        selector = interface(built_site, lang, slug).selector
        here = f"https://example.org/anywhere/{folder}{slug}"
        assert not any(href.startswith("/") for href in selector.values()), selector
        assert urljoin(here, selector["ru"]) == f"https://example.org/anywhere/{slug}"
        assert urljoin(here, selector["en"]) == f"https://example.org/anywhere/en/{slug}"


def test_sitemap_carries_the_hreflang_alternates(built_site):
    """Search engines still learn each page's twin: from sitemap.xml instead of <head>."""
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for slug in SLUGS:
        assert (
            f'hreflang="en" href="https://example.github.io/wego-membership-guide/en/{slug}"'
            in (sitemap)
        )


def test_search_results_are_marked_with_their_language(built_site):
    """Both languages share one search index; every entry's title names its language."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    assert docs
    for doc in docs:
        language = "English" if doc["location"].startswith("en/") else "Русский"
        assert doc["title"].endswith(f" · {language}"), doc["location"]
    assert not any(" · English · " in doc["title"] for doc in docs)


def test_search_dialog_has_a_name_without_a_forked_template(built_site):
    """The dialog is named in the page's language; Material's search partial is not overridden."""
    root = Path(__file__).resolve().parents[2]
    assert not (root / "overrides" / "partials" / "search.html").exists()
    for lang, name in (("ru", "Поиск"), ("en", "Search")):
        html = (built_site / LANGS[lang] / "index.html").read_text(encoding="utf-8")
        assert f'role="dialog" aria-label="{name}"' in html


def test_404_is_relative_to_a_base_the_script_can_move(built_site):
    """404.html: assets and links relative to <base>, which defaults to the configured path."""
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<base href="/wego-membership-guide/">' in html
    assert re.findall(r'<(?!base )\w+[^>]*\s(?:href|src)="/wego-membership-guide/', html) == []
    assert 'href="./assets/stylesheets/main.' in html
    for link in ('href="./"', 'href="fees/"', 'href="en/"', 'href="en/fees/"'):
        assert link in html
