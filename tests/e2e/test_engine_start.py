"""How the engine starts in Chromium: from the build's memory snapshot, with the plain wheel
boot as the safety net, showing download progress and offering a retry after a network failure.

What the snapshot answers is proved where it is made: the build restores it and answers every
band edge, country and error in both languages like CPython (sitebuild/engine_snapshot.py). A
corrupt snapshot's fallback is tested in every engine (test_engines_fallback.py); here the
fallback is forced the way only Chromium can: a worker whose global ``DecompressionStream`` is
removed (an intercepted script).
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, Route, expect

from calculator import answer_json
from sitebuild.content_hash import HASHED_ROOT
from sitebuild.engine_snapshot import SNAPSHOT_NAME
from tests.e2e.conftest import Site

from .timeouts import ENGINE_START, ms

pytestmark = pytest.mark.browser

FORM = "#fee-quote"
RESULT = "#fee-quote-result"


def open_fees(page: Page, site: Site, lang: str = "en", query: str = "") -> None:
    page.goto(site.url(lang, "fees/", query))
    expect(page.locator(FORM)).to_have_attribute("data-engine", "ready", timeout=ms(ENGINE_START))


def quote_once(page: Page, population: str, gdp: str, lang: str = "en") -> None:
    page.fill("#fee-quote-population", population)
    page.fill("#fee-quote-gdp", gdp)
    page.press("#fee-quote-gdp", "Enter")
    record = json.loads(
        answer_json(json.dumps({"lang": lang, "fields": {"population": population, "gdp": gdp}}))
    )
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", str(record["fee_usd"]))
    expect(page.locator(RESULT)).to_contain_text(record["summary"])


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
    expect(page.locator(FORM)).to_have_attribute("data-engine", "failed", timeout=ms(ENGINE_START))
    expect(page.locator("[data-status]")).to_contain_text("network connection")
    retry = page.locator('[data-action="retry"]')
    expect(retry).to_be_visible()
    page.unroute(f"**/{SNAPSHOT_NAME}")
    page.fill("#fee-quote-population", "624,518")  # typed while nothing runs: kept
    page.fill("#fee-quote-gdp", "47,404.96")
    retry.click()
    expect(page.locator(FORM)).to_have_attribute("data-engine", "ready", timeout=ms(ENGINE_START))
    expect(retry).to_be_hidden()
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")


#: ``(ms) => [[value/max, text], ...]``: the progress bar's states until the form says how the
#: engine started (or ``ms`` pass).
PROGRESS_STATES = """(ms) => new Promise((resolve) => {
  const form = document.querySelector("#fee-quote");
  const states = new Map();
  const done = () => { observer.disconnect(); clearTimeout(timer); resolve([...states]); };
  const sample = () => {
    const bar = document.querySelector("#fee-quote-progress");
    if (bar && !bar.closest("[hidden]")) {
      const text = document.querySelector("#fee-quote-progress-text").textContent;
      states.set(`${bar.value}/${bar.max}`, text);
    }
    if (form.dataset.engine) done();
  };
  const observer = new MutationObserver(sample);
  observer.observe(form, { subtree: true, attributes: true, childList: true, characterData: true });
  const timer = setTimeout(done, ms);
  sample();
})"""


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
    # Every state the bar and its text pass through until the engine is up, seen by a
    # MutationObserver in the page (the bar's value is reflected in its attribute).
    states = page.evaluate(PROGRESS_STATES, ms(ENGINE_START))
    seen = {bar for bar, _ in states}
    assert all("MB" in text for _, text in states), states
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
