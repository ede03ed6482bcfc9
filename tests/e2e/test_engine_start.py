"""How the engine starts in Chromium: offering a retry after a network failure, showing
download progress, and by the path that moves fewer bytes when the reader saves data.

What the snapshot answers is proved where it is made: the build restores it and answers every
band edge, country and error in both languages like CPython (sitebuild/engine_snapshot.py).
The fallback from the snapshot to the wheel is proved in every engine with a corrupt snapshot
(test_engines.py): any failure of the snapshot path throws inside the same ``try`` of
quote-worker.mjs and takes that one way out. Which
connections count as frugal (Save-Data, 2g, 3g) is proved in
tests/js/frugal-connection.test.mjs; here the browser proves that the page and its worker act
on it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from sitebuild.content_hash import HASHED_ROOT
from sitebuild.engine_snapshot import SNAPSHOT_NAME
from tests.e2e.conftest import Site

from .timeouts import ENGINE_START, ms
from .waits import expect_engine_ready

pytestmark = pytest.mark.browser

FORM = "#fee-quote"
RESULT = "#fee-quote-result"


def open_fees(page: Page, site: Site, lang: str = "en", query: str = "") -> None:
    page.goto(site.url(lang, "fees/", query))
    expect_engine_ready(page, FORM)


#: ``(ms) => undefined``: starts recording the progress bar's states until the engine is up (or
#: ``ms`` pass), as the promise ``window.__wegoProgress`` of ``[[value/max, text], ...]``.
WATCH_PROGRESS = """(ms) => { window.__wegoProgress = new Promise((resolve) => {
  const form = document.querySelector("#fee-quote");
  const states = new Map();
  const done = () => { observer.disconnect(); clearTimeout(timer); resolve([...states]); };
  const sample = () => {
    const bar = document.querySelector("#fee-quote-progress");
    if (bar && !bar.closest("[hidden]")) {
      const text = document.querySelector("#fee-quote-progress-text").textContent;
      states.set(`${bar.value}/${bar.max}`, text);
    }
    if (form.dataset.engine === "ready") done();
  };
  const observer = new MutationObserver(sample);
  observer.observe(form, { subtree: true, attributes: true, childList: true, characterData: true });
  const timer = setTimeout(done, ms);
  sample();
}); }"""


def test_a_failed_download_offers_a_retry_that_starts_with_progress(first_visit, site):
    """A network failure says so (not "this browser") and offers a retry; at about 24 Mbit/s
    the retried start takes a second or more: the <progress> and its text advance, and the
    figures typed while nothing ran are kept and answered once the bytes have arrived. (The
    page and the failed start come at loopback speed: only the retry's download is timed.)"""
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
    # Every state the bar and its text pass through until the engine is up, seen by a
    # MutationObserver in the page (the bar's value is reflected in its attribute).
    page.evaluate(WATCH_PROGRESS, ms(ENGINE_START))
    retry.click()
    states = page.evaluate("window.__wegoProgress")
    seen = {bar for bar, _ in states}
    assert states, "the retried start showed its progress"
    assert all("MB" in text for _, text in states), states
    assert page.get_attribute(FORM, "data-engine") == "ready", "the retry started the engine"
    fractions = {tuple(map(float, v.split("/"))) for v in seen}
    assert len({received for received, _ in fractions if received > 0}) >= 2, seen
    expect(retry).to_be_hidden()
    expect(page.locator("[data-progress]")).to_be_hidden()
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")


def test_with_save_data_the_engine_starts_by_the_path_that_moves_fewer_bytes(visit, site):
    """With Save-Data on (which Chromium shows the page but not its workers), the page tells
    its worker, which starts by the path that moves fewer bytes (in this build the snapshot:
    Zstandard made its file smaller than the wheel start's standard library; which path a
    frugal reader gets for either build is proved in tests/js/frugal-connection.test.mjs). The
    quote is the same. (Which path is chosen does not depend on what the browser has cached:
    a returning reader's page.)"""
    page = visit.page
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    open_fees(page, site, "en", "?population=624518&gdp=47404.96")
    workers = [url for url in visit.requests if "/quote-worker.mjs" in url]
    assert workers, "the page started its quote worker"
    assert all("frugal=1" in url for url in workers), f"the worker was told: {workers}"
    expect(page.locator(FORM)).to_have_attribute("data-engine-path", fewer_bytes_path(site))
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")


def fewer_bytes_path(site: Site) -> str:
    """The start path that moves fewer bytes, by the sizes the build wrote into engine.mjs."""
    (engine,) = (site.directory / HASHED_ROOT).glob("*/engine/engine.mjs")
    sizes = dict(re.findall(r"(pathBytes|wheelPathBytes): (\d+)", engine.read_text("utf-8")))
    return "snapshot" if int(sizes["pathBytes"]) <= int(sizes["wheelPathBytes"]) else "wheel"
