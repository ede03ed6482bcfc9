"""Each page loads only the scripts of the components it shows, and only the calculator pages
download the engine."""

from __future__ import annotations

import re

import pytest

from tests.pages import LANGS, SLUGS

pytestmark = pytest.mark.browser

#: script URL (the scripts live in a content-addressed folder, assets/v/<hash>/) -> the pages
#: (slugs) whose components use it
SCRIPTS = {
    r"/assets/v/[0-9a-f]+/javascripts/fee-quote\.mjs$": {"fees/"},
    r"/assets/v/[0-9a-f]+/javascripts/application/form\.mjs$": {"application/"},
    r"/assets/v/[0-9a-f]+/javascripts/multi-quote\.mjs$": {"cities/"},
}


#: The one page that starts the engine on arrival (the cities page starts it only once the reader
#: turns to its form).
ENGINE_PAGES = {"fees/"}


def test_component_scripts_load_only_where_their_component_is(first_visit, site):
    """The fee widget's, the cities form's and the application form's modules load on their own
    pages only; no other page requests an engine file."""
    page = first_visit.page
    # The engine's pages last: a started engine's downloads may still be arriving when the next
    # page opens, and must not be counted against it.
    tour = sorted(
        ((lang, slug) for lang in LANGS for slug in SLUGS), key=lambda p: p[1] in ENGINE_PAGES
    )
    for lang, slug in tour:
        first_visit.requests.clear()
        page.goto(site.url(lang, slug), wait_until="load")
        for script, pages in SCRIPTS.items():
            loaded = any(re.search(script, url.split("?")[0]) for url in first_visit.requests)
            assert loaded == (slug in pages), (lang, slug, script)
        engine = [u for u in first_visit.requests if "/assets/pyodide/" in u or "/engine/" in u]
        if slug not in ENGINE_PAGES:
            assert engine == [], (lang, slug)
