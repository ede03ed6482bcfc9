"""How the engine starts in Chromium: from the build's memory snapshot, with the plain wheel
boot as the safety net, showing download progress and offering a retry after a network failure.

The fallback is forced two ways: a copy of the built site whose snapshot file is corrupted,
served by a second server (driver-neutral: any browser can open it), and a worker whose global
``DecompressionStream`` is removed (intercepted script; Playwright only).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from calculator import answer_json
from sitebuild.content_hash import HASHED_ROOT
from sitebuild.engine_snapshot import SNAPSHOT_NAME, check_requests
from tests.e2e.conftest import Site, served_with_a_corrupt_snapshot
from tests.pages import LANGS

pytestmark = pytest.mark.browser

START_TIMEOUT = 90_000
FORM = "#fee-quote"
RESULT = "#fee-quote-result"

#: Every request of the build's snapshot check set, sent through a second client of the same
#: worker module from the page; the replies and the path the worker took come back.
ASK_ALL = """async (requests) => {
  const src = document.querySelector('script[src*="/fee-quote.mjs"]').src;
  const { createQuoteClient } = await import(new URL("./quote-client.mjs", src).href);
  const client = createQuoteClient(new URL("./quote-worker.mjs", src));
  const { path } = await client.ready;
  const replies = [];
  for (const request of requests) replies.push(await client.ask(request));
  client.close();
  return { path, replies };
}"""


@pytest.fixture(scope="module")
def corrupt_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A copy of the built site whose snapshot has flipped bytes, on a second server."""
    with served_with_a_corrupt_snapshot(built_site, tmp_path_factory.mktemp("corrupt")) as served:
        yield served


def open_fees(page: Page, site: Site, lang: str = "en", query: str = "") -> None:
    page.goto(site.url(lang, "fees/", query))
    expect(page.locator(FORM)).to_have_attribute("data-engine", "ready", timeout=START_TIMEOUT)


def quote_once(page: Page, population: str, gdp: str, lang: str = "en") -> None:
    page.fill("#fee-quote-population", population)
    page.fill("#fee-quote-gdp", gdp)
    page.press("#fee-quote-gdp", "Enter")
    record = json.loads(
        answer_json(json.dumps({"lang": lang, "fields": {"population": population, "gdp": gdp}}))
    )
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", str(record["fee_usd"]))
    expect(page.locator(RESULT)).to_contain_text(record["summary"])


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_snapshot_path_answers_every_band_edge_like_cpython(visit, site, lang):
    """The widget starts from the snapshot; every grid edge, country and error in the page's
    language gets CPython's exact record, in one page."""
    page = visit.page
    open_fees(page, site, lang)
    expect(page.locator(FORM)).to_have_attribute("data-engine-path", "snapshot")
    requests = [json.loads(r) for r in check_requests() if json.loads(r)["lang"] == lang]
    assert len(requests) > 200
    got = page.evaluate(ASK_ALL, requests)
    assert got["path"] == "snapshot"
    expected = [json.loads(answer_json(json.dumps(r, ensure_ascii=False))) for r in requests]
    assert got["replies"] == expected


def test_a_corrupt_snapshot_falls_back_to_the_wheel_and_quotes(browser, corrupt_site):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        open_fees(page, corrupt_site)
        expect(page.locator(FORM)).to_have_attribute("data-engine-path", "wheel")
        quote_once(page, "624,518", "47,404.96")
        quote_once(page, "12,000,000", "5,999.99")
        assert any(url.endswith(SNAPSHOT_NAME) for url in requests)
        assert all(url.startswith(corrupt_site.origin + "/") for url in requests)
    finally:
        context.close()


def test_without_decompression_streams_the_wheel_path_quotes(first_visit, site):
    page = first_visit.page

    def without_decompression(route: Route) -> None:
        body = route.fetch().text()
        route.fulfill(
            body="delete self.DecompressionStream;\n" + body,
            headers={"content-type": "text/javascript"},
        )

    page.route("**/quote-worker.mjs", without_decompression)
    open_fees(page, site, "ru")
    expect(page.locator(FORM)).to_have_attribute("data-engine-path", "wheel")
    quote_once(page, "624 518", "47 404,96", "ru")


def test_a_failed_download_offers_a_retry_that_works(first_visit, site):
    """A network failure says so (not "this browser"); the retry button starts the engine."""
    page = first_visit.page
    page.route(f"**/{SNAPSHOT_NAME}", lambda route: route.abort("connectionreset"))
    page.goto(site.url("en", "fees/"))
    expect(page.locator(FORM)).to_have_attribute("data-engine", "failed", timeout=START_TIMEOUT)
    expect(page.locator("[data-status]")).to_contain_text("network connection")
    retry = page.locator('[data-action="retry"]')
    expect(retry).to_be_visible()
    page.unroute(f"**/{SNAPSHOT_NAME}")
    page.fill("#fee-quote-population", "624,518")  # typed while nothing runs: kept
    page.fill("#fee-quote-gdp", "47,404.96")
    retry.click()
    expect(page.locator(FORM)).to_have_attribute("data-engine", "ready", timeout=START_TIMEOUT)
    expect(retry).to_be_hidden()
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")


def test_a_throttled_start_shows_progress_then_quotes(first_visit, site):
    """At about 24 Mbit/s the start takes seconds: the <progress> and its text advance, and the
    inputs typed meanwhile are answered once the bytes have arrived."""
    page = first_visit.page
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 40,
            "downloadThroughput": 3_000_000,
            "uploadThroughput": 1_000_000,
        },
    )
    page.goto(site.url("en", "fees/"))
    page.fill("#fee-quote-population", "624,518")
    page.fill("#fee-quote-gdp", "47,404.96")
    seen: set[str] = set()
    deadline = time.monotonic() + START_TIMEOUT / 1000
    while page.get_attribute(FORM, "data-engine") is None and time.monotonic() < deadline:
        value = page.evaluate(
            "() => { const p = document.querySelector('#fee-quote-progress');"
            " return p && !p.closest('[hidden]') ? `${p.value}/${p.max}` : null; }"
        )
        if value:
            seen.add(value)
            expect(page.locator("#fee-quote-progress-text")).to_contain_text("MB")
        page.wait_for_timeout(100)
    assert page.get_attribute(FORM, "data-engine") == "ready"
    fractions = {tuple(map(float, v.split("/"))) for v in seen}
    assert len({received for received, _ in fractions if received > 0}) >= 2, seen
    expect(page.locator("[data-progress]")).to_be_hidden()
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")


@pytest.mark.parametrize("how", ["save-data", "3g"])
def test_save_data_or_a_slow_link_starts_by_the_path_that_moves_fewer_bytes(first_visit, site, how):
    """With Save-Data on (which Chromium shows the page but not its workers) or a link the
    browser rates 3g, the worker starts by the path that moves fewer bytes (in this build the
    wheel: no snapshot, though the standard library). The quote is the same."""
    page = first_visit.page
    cdp = page.context.new_cdp_session(page)
    if how == "save-data":
        cdp.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    else:  # 300 ms round trips make the browser rate the link 3g; bytes flow at full speed
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 300, "downloadThroughput": -1, "uploadThroughput": -1},
        )
    fewer = fewer_bytes_path(site)
    assert fewer == "wheel", "the test needs a build whose two paths differ in bytes"
    open_fees(page, site, "en", "?population=624518&gdp=47404.96")
    expect(page.locator(FORM)).to_have_attribute("data-engine-path", fewer)
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")


def fewer_bytes_path(site: Site) -> str:
    """The start path that moves fewer bytes, by the sizes the build wrote into engine.mjs."""
    (engine,) = (site.directory / HASHED_ROOT).glob("*/engine/engine.mjs")
    sizes = dict(re.findall(r"(pathBytes|wheelPathBytes): (\d+)", engine.read_text("utf-8")))
    return "snapshot" if int(sizes["pathBytes"]) <= int(sizes["wheelPathBytes"]) else "wheel"
