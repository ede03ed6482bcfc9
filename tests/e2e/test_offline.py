"""Offline after one visit, in each engine (Chromium, Firefox ESR and WebKitGTK): the reader opens
one page of the guide with the network up, the network then goes away, and the guide still
works from the service worker's kept copy: every file of the guide is kept before the network
goes; the fees page quotes (in the other language, never opened: the quote worker's own
requests are answered by the service worker too, which browsers do differently), its search
finds pages (Material's search worker and its lunr languages are kept), the cities page totals
its example, and the application form opens with its draft after a reload. Across a deploy
and the worker's update, in Chromium: tests/e2e/test_deploy_reload.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from calculator import Language, quote_cities
from harness.local_server import SUB_PATH, serve
from harness.offline_copy import ALL_KEPT, kept_addresses
from sitebuild.city_examples import example_text

from .engines import EnginePage, PlaywrightPage, WebKitPage, xvfb
from .material_search import RESULTS, search
from .timeouts import ENGINE_START, KEEP_OFFLINE

pytestmark = pytest.mark.browser

QUERY = "?population=624518&gdp=47404.96"
#: The engines, Chromium's test in the Chromium group, whose browser it uses (tests/conftest.py).
IN_EACH_ENGINE = [pytest.param("chromium", marks=pytest.mark.session_chromium), "firefox", "webkit"]


class OfflineReader:
    """One engine's page on a server that can be taken away (the reader's network)."""

    def __init__(self, page: EnginePage, origin: str, stop: ExitStack) -> None:
        self.page = page
        self.base = origin + SUB_PATH
        self._stop = stop

    def go_offline(self) -> None:
        self._stop.close()


@pytest.fixture(params=IN_EACH_ENGINE)
def reader(request: pytest.FixtureRequest, built_site: Path) -> Iterator[OfflineReader]:
    """A page in a context of its own in the session's Chromium or Firefox (service workers
    allowed), or in a WebKitGTK of its own (under its own display), on a server the test can
    take away."""
    with ExitStack() as browsers:
        server = ExitStack()
        origin = server.enter_context(serve(built_site))
        page: EnginePage
        if request.param in ("chromium", "firefox"):
            session = request.getfixturevalue(
                "browser" if request.param == "chromium" else "firefox"
            )
            page = PlaywrightPage(request.param, session, origin, service_workers=True)
        else:
            page = WebKitPage(origin, browsers.enter_context(xvfb()))
        browsers.callback(page.close)
        browsers.push(server)
        yield OfflineReader(page, origin, server)


def test_after_one_visit_the_whole_guide_works_offline(reader: OfflineReader, built_site: Path):
    page = reader.page
    page.goto(reader.base)  # the Russian home page: no calculator on it
    page.wait_until(ALL_KEPT, kept_addresses(built_site, reader.base), KEEP_OFFLINE)
    reader.go_offline()

    # A page never opened, in the other language, quotes from the kept engine.
    page.goto(f"{reader.base}en/fees/{QUERY}")
    page.wait_for_attribute("#fee-quote-result", "data-fee-usd", "7000", ENGINE_START)
    assert page.attribute("#fee-quote", "data-engine-path") == "snapshot"
    search_finds_pages(page)

    the_cities_example_totals(page, reader.base)
    the_application_draft_comes_back(page, reader.base)
    assert page.errors == []


def search_finds_pages(page: EnginePage) -> None:
    """Material's search, typed into, lists pages."""
    search(page, "fee")
    page.wait_for(RESULTS)


def the_cities_example_totals(page: EnginePage, base: str) -> None:
    """The cities page (never opened) totals its example as the engine computes it."""
    page.goto(f"{base}cities/")
    page.click('[data-action="example"]')
    record = quote_cities(example_text(Language.RU), {"country": "RUS"}, Language.RU)
    total = str(record["total_usd"])
    page.wait_for_attribute(
        "#multi-quote-result [data-total-usd]", "data-total-usd", total, ENGINE_START
    )


def the_application_draft_comes_back(page: EnginePage, base: str) -> None:
    """The application form (never opened) keeps what is typed and brings it back on a
    reload."""
    page.goto(f"{base}en/application/")
    field = "[data-field='city_official_name']"
    page.wait_for(field)
    page.fill(field, "Kazan")
    page.reload()
    page.wait_until("(s) => document.querySelector(s)?.value === 'Kazan'", field)
