"""Offline after one visit, in Chromium and Firefox: the reader opens one page of the guide with
the network up, the server then goes away, and the guide still works from the service worker's
kept copy: in both engines the fees page quotes (in the other language, never opened); then, one
in each engine (the service worker serves every kept page by the same code, so a second engine
would prove the same again), the cities example totals (Chromium) and the application form
opens with its draft after a reload (Firefox). That every file of the guide is kept is checked
in both, before the network goes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from calculator import Language, quote_cities
from harness.local_server import SUB_PATH, serve
from sitebuild.city_examples import example_text
from sitebuild.offline_manifest import SERVICE_WORKER

from .engines import EnginePage, PlaywrightPage
from .timeouts import ENGINE_START, KEEP_OFFLINE

pytestmark = pytest.mark.browser

QUERY = "?population=624518&gdp=47404.96"

MISSING_FILES = """async (urls) => {
  if (!navigator.serviceWorker.controller) return null;
  const missing = [];
  for (const url of urls) if (!(await caches.match(url))) missing.push(url);
  return missing.length === 0 ? "all kept" : null;
}"""


def kept_addresses(site_dir: Path, base: str) -> list[str]:
    """Every address the deploy's service worker lists (shell and engine), absolute."""
    script = (site_dir / SERVICE_WORKER).read_text(encoding="utf-8")
    start = script.index("{")
    manifest = json.loads(script[start : script.index("};\n") + 1])
    return [base + path for group in ("shell", "engine") for path in manifest[group]]


class OfflineReader:
    """One engine's page on a server that can be taken away (the reader's network)."""

    def __init__(self, page: EnginePage, origin: str, stop: ExitStack) -> None:
        self.page = page
        self.base = origin + SUB_PATH
        self._stop = stop

    def go_offline(self) -> None:
        self._stop.close()


@pytest.fixture(params=["chromium", "firefox"])
def reader(request: pytest.FixtureRequest, built_site: Path) -> Iterator[OfflineReader]:
    """A page in Chromium or in the session's Firefox, service workers allowed, on a server
    the test can take away."""
    with ExitStack() as browsers:
        browser = request.getfixturevalue("browser" if request.param == "chromium" else "firefox")
        server = ExitStack()
        origin = server.enter_context(serve(built_site))
        page = PlaywrightPage(request.param, browser, origin, service_workers=True)
        browsers.callback(page.close)
        browsers.push(server)
        yield OfflineReader(page, origin, server)


def test_after_one_visit_the_whole_guide_works_offline(reader: OfflineReader, built_site: Path):
    page = reader.page
    page.goto(reader.base)  # the Russian home page: no calculator on it
    page.wait_until(MISSING_FILES, kept_addresses(built_site, reader.base), KEEP_OFFLINE)
    reader.go_offline()

    # A page never opened, in the other language, quotes from the kept engine.
    page.goto(f"{reader.base}en/fees/{QUERY}")
    page.wait_for_attribute("#fee-quote-result", "data-fee-usd", "7000", ENGINE_START)
    assert page.attribute("#fee-quote", "data-engine-path") == "snapshot"

    if page.name == "chromium":
        the_cities_example_totals(page, reader.base)
    else:
        the_application_draft_comes_back(page, reader.base)
    assert page.errors == []


def the_cities_example_totals(page: EnginePage, base: str) -> None:
    """The cities page (never opened) totals its example as the engine computes it."""
    page.goto(f"{base}cities/")
    page.click('[data-action="example"]')
    record = quote_cities(example_text(Language.RU), {"country": "RUS"}, Language.RU)
    total = "#multi-quote-result [data-total-usd]"
    page.wait_for_attribute(total, "data-total-usd", str(record["total_usd"]), ENGINE_START)


def the_application_draft_comes_back(page: EnginePage, base: str) -> None:
    """The application form (never opened) keeps what is typed and brings it back on a
    reload."""
    page.goto(f"{base}en/application/")
    field = "[data-field='city_official_name']"
    page.wait_for(field)
    page.fill(field, "Kazan")
    page.reload()
    page.wait_until("(s) => document.querySelector(s)?.value === 'Kazan'", field)
