"""Material's search on the fees page, whose worker waits for the calculator's engine.

The fees page holds Material's search worker while the engine starts
(overrides/partials/search-hold.js; its rules are proved in tests/js/search-hold.test.mjs).
What only the real page can show: no search worker runs while the engine starts, the page's
release starts it once the engine is up, a query typed while the engine is still starting is
answered, and search finds pages in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route, expect

from .conftest import Site, Visit
from .timeouts import STEP, ms
from .waits import expect_engine_ready

pytestmark = pytest.mark.browser

META = ".md-search-result__meta"
QUERY = ".md-search__input"
RESULTS = ".md-search-result__item"


def hold_snapshot(page: Page) -> Callable[[], None]:
    """Hold the engine's snapshot download until the returned function lets it through."""
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/engine.snapshot.zst", hold)

    def let_through() -> None:
        for route in held:
            route.continue_()
        page.unroute("**/engine.snapshot.zst", hold)

    return let_through


def search(page: Page, query: str) -> None:
    """Type ``query`` into Material's search. Material reads the field on key-up, which typing
    Cyrillic through Playwright does not send: the text is filled, then a key pressed."""
    page.click(QUERY)
    page.fill(QUERY, query)
    page.press(QUERY, "End")


def placeholder(page: Page) -> str:
    """Material's "type to search" text in the page's language: what its search shows once the
    index is built."""
    return str(
        page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent)"
            ".translations['search.result.placeholder']"
        )
    )


def test_the_index_is_built_once_the_engine_is_up_and_search_finds_pages(
    visit: Visit, site: Site
) -> None:
    page = visit.page
    let_through = hold_snapshot(page)
    with page.expect_worker(lambda worker: "quote-worker.mjs" in worker.url):
        page.goto(site.url("ru", "fees/"))
    page.wait_for_load_state()
    searching = [worker.url for worker in page.workers if "/workers/search." in worker.url]
    assert searching == [], "no search worker while the engine starts"
    ready = placeholder(page)
    expect(page.locator(META), "no search index yet").not_to_have_text(ready)
    let_through()
    expect_engine_ready(page)
    expect(page.locator(META), "built once the engine is up").to_have_text(ready, timeout=ms(STEP))
    search(page, "взнос")
    expect(page.locator(RESULTS).first, "Russian pages found").to_be_visible()


def test_a_query_typed_while_the_engine_starts_is_answered(visit: Visit, site: Site) -> None:
    page = visit.page
    hold_snapshot(page)  # the engine does not start during this test
    page.goto(site.url("en", "fees/"))
    search(page, "fee")
    expect(page.locator(RESULTS).first, "English pages found").to_be_visible(timeout=ms(STEP))
    expect(page.locator("#fee-quote"), "the engine still starting").not_to_have_attribute(
        "data-engine", "ready"
    )
