"""Material's search on the fees page, whose worker waits for the calculator's engine.

The fees page holds Material's search worker while the engine starts
(overrides/partials/search-hold.js; its rules are proved in tests/js/search-hold.test.mjs;
that it runs once the start is settled, in tests/e2e/test_fee_quote.py). What only the real
page can show here: a reader who turns to search while the engine is still starting is
answered at once, not after it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Route, expect

from .conftest import Site, Visit
from .material_search import RESULTS, search
from .timeouts import STEP, ms

pytestmark = pytest.mark.browser


def test_a_query_typed_while_the_engine_starts_is_answered(visit: Visit, site: Site) -> None:
    page = visit.page
    held: list[Route] = []

    def hold(route: Route) -> None:  # the engine does not start in this test
        held.append(route)

    page.route("**/engine.snapshot.zst", hold)
    page.goto(site.url("en", "fees/"))
    search(page, "fee")
    expect(page.locator(RESULTS).first, "English pages found").to_be_visible(timeout=ms(STEP))
    expect(page.locator("#fee-quote"), "the engine still starting").not_to_have_attribute(
        "data-engine", "ready"
    )
