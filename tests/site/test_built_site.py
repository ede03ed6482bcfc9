"""The built site: both languages, the same navigation, the engine's table, alternates, 404."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from calculator import Language, get_schedule, render_table_html
from tests.pages import LANGS, SLUGS

PREFIX = {Language(code): folder for code, folder in LANGS.items()}
CYRILLIC = re.compile("[А-Яа-яЁё]")


class Links(HTMLParser):
    """Primary navigation links, the language selector's links and the language of the document."""

    def __init__(self) -> None:
        super().__init__()
        self.nav: list[tuple[str, str]] = []
        self.alternates: dict[str, str] = {}
        self.lang = ""
        self._depth = 0
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "a" and "md-select__link" in (a.get("class") or "") and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "nav" and "md-nav--primary" in (a.get("class") or ""):
            self._depth = 1
        elif tag == "nav" and self._depth:
            self._depth += 1
        in_page = (a.get("href") or "").startswith("#")  # table of contents, not navigation
        if self._depth and tag == "a" and "md-nav__link" in (a.get("class") or "") and not in_page:
            self._href, self._text = a.get("href", ""), ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.nav.append((self._href, " ".join(self._text.split())))
            self._href = None
        if tag == "nav" and self._depth:
            self._depth -= 1


def page(site: Path, lang: Language, slug: str) -> str:
    return (site / PREFIX[lang] / slug / "index.html").read_text(encoding="utf-8")


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_exists_in_both_languages(built_site, slug):
    """Each slug is built at the root (Russian) and under /en/ (English) with the right lang."""
    for lang in Language:
        assert parse(page(built_site, lang, slug)).lang == lang.value


@pytest.mark.parametrize("slug", SLUGS)
def test_navigation_has_the_same_structure(built_site, slug):
    """Both languages list the same pages in the same order; English titles are English."""
    ru = parse(page(built_site, Language.RU, slug)).nav
    en = parse(page(built_site, Language.EN, slug)).nav
    assert len(ru) == len(en) >= 9
    assert [href.rstrip("/") for href, _ in ru] == [href.rstrip("/") for href, _ in en]
    assert all(CYRILLIC.search(title) for _, title in ru)
    assert not any(CYRILLIC.search(title) for _, title in en)


@pytest.mark.parametrize("slug", SLUGS)
def test_alternates_point_to_the_twin_page(built_site, slug):
    """The language selector links each page to its twin in the other language."""
    for lang in Language:
        here = f"https://example.github.io/wego-membership-guide/{PREFIX[lang]}{slug}"
        alternates = parse(page(built_site, lang, slug)).alternates
        assert urljoin(here, alternates["ru"]).endswith(f"/wego-membership-guide/{slug}")
        assert urljoin(here, alternates["en"]).endswith(f"/wego-membership-guide/en/{slug}")


def test_sitemap_lists_both_languages(built_site):
    """The sitemap has every page in both languages."""
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for slug in SLUGS:
        assert f"/wego-membership-guide/{slug}</loc>" in sitemap
        assert f"/wego-membership-guide/en/{slug}</loc>" in sitemap


@pytest.mark.parametrize("lang", list(Language))
def test_fees_page_shows_the_engines_table(built_site, lang):
    """The fees page carries the engine's rendering verbatim, every cell with its fee."""
    html = page(built_site, lang, "fees/")
    assert render_table_html(lang) in html
    cells = re.findall(
        r'data-gdp-band="(\d)" data-population-band="(\d)" data-fee-usd="(\d+)" '
        r'data-provenance="[a-z]+"(?: colspan="(\d)")?',
        html,
    )
    schedule = get_schedule()
    assert len(cells) == len(schedule.cells)
    for gdp, first, fee, span in cells:
        for population in range(int(first), int(first) + int(span or 1)):
            assert schedule.fee(int(gdp), population) == int(fee)


def test_no_marker_is_left_unrendered(built_site):
    """Every <!-- wego:... --> marker was replaced at build time."""
    for html_file in built_site.rglob("*.html"):
        assert "wego:" not in html_file.read_text(encoding="utf-8"), html_file


def test_404_page_speaks_both_languages(built_site):
    """The single 404 page offers the way home in Russian and in English."""
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Страница не найдена" in html
    assert "Page not found" in html
    assert 'href="./"' in html
    assert 'href="en/"' in html


@pytest.mark.parametrize("lang", list(Language))
def test_odd_cells_are_marked_with_both_readings_on_the_built_pages(built_site, lang):
    """Fees page: the empty cell's two readings and both off-step cells of the last row, marked
    in the table and explained in its notes; the About page lists all three."""
    fees = page(built_site, lang, "fees/")
    assert len(re.findall(r'<td [^>]*data-provenance="irregular">', fees)) == 2
    assert len(re.findall(r'<td [^>]*data-provenance="estimated">', fees)) == 1
    for position in ('data-gdp-band="8" data-population-band="6"', 'data-population-band="7"'):
        assert position in fees
    assert 'data-fee-range-usd="2500 2800"' in fees
    nbsp = "\u00a0"
    two_readings = (
        (f"2{nbsp}500{nbsp}$", f"2{nbsp}800{nbsp}$")
        if lang is Language.RU
        else ("$2,500", "$2,800")
    )
    off_step = (
        (f"9{nbsp}000{nbsp}$", f"9{nbsp}500{nbsp}$")
        if lang is Language.RU
        else ("$9,000", "$9,500")
    )
    about = page(built_site, lang, "about/")
    for html in (fees, about):
        for figure in (*two_readings, *off_step):
            assert figure in html, (lang, figure)
    assert about.count('<li data-provenance="irregular">') == 2
    assert about.count('<li data-provenance="estimated">') == 1


@pytest.mark.parametrize("lang", list(Language))
def test_cities_page_loads_its_own_script(built_site, lang):
    """The several-cities page includes its module, at a URL that resolves to the file."""
    html = page(built_site, lang, "cities/")
    sources = re.findall(r'<script type="module" src="([^"]+multi-quote\.mjs)"', html)
    assert len(sources) == 1
    target = (built_site / PREFIX[lang] / "cities" / sources[0]).resolve()
    assert target.is_file()
    assert 'id="multi-quote"' in html
