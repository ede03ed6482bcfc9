"""The fee quote widget on the fees page, driven in Chromium: the Python engine under Pyodide."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculator import Language, answer
from tests.pages import LANGS, SLUGS

pytestmark = pytest.mark.browser

RESULT = "#fee-quote-result"
START_TIMEOUT = 90_000

#: (population, GDP) pairs written as a reader of each language would: cells across the grid
#: and both sides of band edges. Consecutive expected fees differ, so each wait is unambiguous.
CASES = {
    "ru": [
        ("1", "1"),
        ("299 999", "999,99"),
        ("300 000", "1 000"),
        ("624 518", "47 404,96"),
        ("1 000 000", "4 000"),
        ("12 000 000", "5 999,99"),
        ("9 999 999", "20 000"),
        ("7 000 000", "19 999,99"),
        ("2 000 000", "6 000"),
        ("599 999", "8 000"),
        ("4 000 000", "10 000"),
        ("10 000 000", "15 000"),
        ("100 000 000", "1 000 000"),
    ],
    "en": [
        ("1", "1"),
        ("299,999", "999.99"),
        ("300,000", "1,000"),
        ("624,518", "47,404.96"),
        ("1,000,000", "4,000"),
        ("12,000,000", "5,999.99"),
        ("9,999,999", "20,000"),
        ("7,000,000", "19,999.99"),
        ("2,000,000", "6,000"),
        ("599,999", "8,000"),
        ("4,000,000", "10,000"),
        ("10,000,000", "15,000"),
        ("100,000,000", "1,000,000"),
    ],
}


def fees_url(site, lang, query=""):
    return site.url(lang, "fees/", query)


def open_ready(page: Page, url: str) -> None:
    """Open the fees page, focus the form (which starts the engine) and wait until it is up."""
    page.goto(url)
    page.focus("#fee-quote-population")
    wait_ready(page)


def wait_ready(page: Page) -> None:
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "ready", timeout=START_TIMEOUT
    )


def quote_by_enter(page: Page, population: str, gdp: str) -> None:
    page.fill("#fee-quote-population", population)
    page.fill("#fee-quote-gdp", gdp)
    page.press("#fee-quote-gdp", "Enter")


def expected(lang, population, gdp, **extra):
    return answer({"population": population, "gdp": gdp, **extra}, Language(lang))


@pytest.mark.parametrize("lang", list(LANGS))
def test_quotes_match_the_engine_across_the_grid(visit, site, lang):
    """Each quote shows the engine's fee, bands and highlighted cell, in the page's language."""
    page = visit.page
    open_ready(page, fees_url(site, lang))
    result = page.locator(RESULT)
    for population, gdp in CASES[lang]:
        record = expected(lang, population, gdp)
        quote_by_enter(page, population, gdp)
        expect(result).to_have_attribute("data-fee-usd", str(record["fee_usd"]))
        expect(result).to_contain_text(record["summary"])
        expect(result).to_contain_text(record["population_band_text"])
        expect(result).to_contain_text(record["gdp_band_text"])
        match = page.locator(".wego-schedule__match")
        expect(match).to_have_count(1)
        expect(match).to_have_attribute("data-gdp-band", str(record["cell"]["gdp_band"]))
        expect(match).to_have_attribute(
            "data-population-band", str(record["cell"]["population_bands"][0])
        )
        expect(match).to_have_attribute("data-fee-usd", str(record["fee_usd"]))
        for caveat in record["caveats"]:
            expect(result).to_contain_text(caveat)


BAD_INPUTS = {
    "ru": [
        ("abc", "999", "population", "not_a_number"),
        ("1,500", "999", "population", "ambiguous_separator"),
        ("1000", "-5", "gdp", "negative"),
        ("1000", "", "gdp", "empty"),
    ],
    "en": [
        ("12.5", "999", "population", "not_whole"),
        ("1000", "nan", "gdp", "not_finite"),
        ("200,000,000", "999", "population", "too_large"),
        ("", "999", "population", "empty"),
    ],
}


@pytest.mark.parametrize("lang", list(LANGS))
def test_bad_input_shows_a_coded_error_and_clears_the_result(visit, site, lang):
    """An error appears next to its field, in the page's language; no result stays current."""
    page = visit.page
    page.goto(fees_url(site, lang, "?population=1000&gdp=999"))
    result = page.locator(RESULT)
    for population, gdp, field, code in BAD_INPUTS[lang]:
        quote_by_enter(page, "1000", "999")
        expect(result).to_have_attribute("data-fee-usd", "400", timeout=START_TIMEOUT)
        quote_by_enter(page, population, gdp)
        error = page.locator(f'[data-error-for="{field}"]')
        expect(error).to_have_attribute("data-error-code", code)
        expect(error).to_have_text(expected(lang, population, gdp)["error"]["message"])
        expect(result).to_be_hidden()
        expect(result).not_to_have_attribute("data-fee-usd", re.compile(".*"))
        expect(page.locator(".wego-schedule__match")).to_have_count(0)
        expect(page.locator(f'[name="{field}"]')).to_have_attribute("aria-invalid", "true")


def test_live_quote_while_typing_without_enter(visit, site):
    """Typing alone (debounced) produces the quote; Enter is not needed."""
    page = visit.page
    open_ready(page, fees_url(site, "en"))
    page.locator("#fee-quote-population").press_sequentially("624518")
    page.locator("#fee-quote-gdp").press_sequentially("47404.96")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")


def test_enter_never_reloads_the_page(visit, site):
    """Submitting with Enter quotes in place: the document is not reloaded."""
    page = visit.page
    open_ready(page, fees_url(site, "ru"))
    page.evaluate("window.__sameDocument = true")
    quote_by_enter(page, "500 000", "9 000")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "2500")
    assert page.evaluate("window.__sameDocument") is True


def test_shared_link_fills_the_form_and_quotes_at_once(visit, site):
    """A link with inputs fills the form and quotes without any interaction."""
    page = visit.page
    page.goto(
        fees_url(site, "en", "?population=500000&gdp=9000&category=associate&approval_year=2026")
    )
    result = page.locator(RESULT)
    expect(result).to_have_attribute("data-fee-usd", "2500", timeout=START_TIMEOUT)
    expect(page.locator("#fee-quote-population")).to_have_value("500000")
    expect(page.locator('input[name="category"][value="associate"]')).to_be_checked()
    expect(result).to_contain_text("Due now: $0")
    expect(result).to_contain_text("the first fee is for 2027")


def test_the_link_follows_the_inputs(visit, site):
    """The address bar holds the current inputs, ready to bookmark or copy."""
    page = visit.page
    open_ready(page, fees_url(site, "ru"))
    quote_by_enter(page, "624 518", "47 404,96")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")
    assert page.url.endswith("fees/?population=624+518&gdp=47+404%2C96")


def test_copy_link_button_copies_the_address(browser, site):
    """The copy button puts the shareable link on the clipboard and says so."""
    context = browser.new_context(locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    try:
        page.goto(fees_url(site, "en", "?population=1000&gdp=999"))
        expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "400", timeout=START_TIMEOUT)
        page.click('[data-action="copy-link"]')
        expect(page.locator("[data-status]")).to_have_text("Link to this estimate copied.")
        assert page.evaluate("navigator.clipboard.readText()") == page.url
    finally:
        context.close()


def test_language_switch_carries_the_inputs(visit, site):
    """Switching to English on the fees page keeps the inputs and quotes in English."""
    page = visit.page
    open_ready(page, fees_url(site, "ru"))
    quote_by_enter(page, "624 518", "47 404,96")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")
    page.locator('a.md-select__link[hreflang="en"]').dispatch_event("click")
    page.wait_for_url(re.compile(r"/en/fees/\?population="))
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000", timeout=START_TIMEOUT)
    expect(page.locator(RESULT)).to_contain_text("Annual membership fee: $7,000")


def test_back_and_forward_restore_the_quote(visit, site):
    """Leaving the fees page and coming back shows the same inputs and quote."""
    page = visit.page
    open_ready(page, fees_url(site, "en"))
    quote_by_enter(page, "8000000", "25000")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "8500")
    page.goto(site.url("en", "contacts/"))
    page.go_back()
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "8500", timeout=START_TIMEOUT)
    expect(page.locator("#fee-quote-population")).to_have_value("8000000")
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/en/contacts/$"))


def test_arriving_from_another_page(visit, site):
    """Following the navigation to the fees page gives a working widget."""
    page = visit.page
    page.goto(site.url("ru"))
    page.locator(".md-nav__link", has_text="Членские взносы").first.click()
    page.wait_for_url(re.compile(r"/fees/$"))
    quote_by_enter(page, "1 000", "1 000")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "500", timeout=START_TIMEOUT)


def test_loading_state_is_announced(visit, site):
    """While Pyodide starts, a status says so in the page's language (no empty box)."""
    page = visit.page
    page.route("**/assets/pyodide/pyodide.asm.wasm", lambda route: None)  # hold the download
    page.goto(fees_url(site, "ru"))
    page.focus("#fee-quote-population")
    status = page.locator("[data-status]")
    expect(status).to_have_text("Калькулятор загружается…")
    expect(status).to_have_attribute("role", "status")
    expect(page.locator("#fee-quote")).to_have_attribute("aria-busy", "true")


@pytest.mark.parametrize(
    ("lang", "text"),
    [("ru", "Калькулятор не запустился"), ("en", "The calculator could not start")],
)
def test_failure_to_start_is_explained_and_the_table_remains(visit, site, lang, text):
    """If Pyodide cannot load, the reader is told in their language; the table still reads."""
    page = visit.page
    page.route("**/assets/pyodide/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(fees_url(site, lang))
    page.focus("#fee-quote-population")
    # Usually at once (the worker reports Pyodide's failure); at worst when the client's own
    # start timeout (START_TIMEOUT, the same 90 s) gives up: bounded either way.
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "failed", timeout=START_TIMEOUT + 30_000
    )
    expect(page.locator("[data-status]")).to_contain_text(text)
    expect(page.locator(".wego-schedule td")).to_have_count(64)
    visit.requests[:] = [url for url in visit.requests if "pyodide.asm.wasm" not in url]


def test_table_is_readable_without_javascript(browser, site):
    """With JavaScript off the schedule and a hint are still there."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(fees_url(site, "en"))
        expect(page.locator(".wego-schedule td")).to_have_count(64)
        expect(page.locator("#fee-quote noscript")).to_have_count(1)
    finally:
        context.close()


def test_only_the_fees_page_loads_pyodide(visit, site):
    """Pages without the widget request no Pyodide file; the fees page loads it only when seen."""
    page = visit.page
    for lang in LANGS:
        for slug in SLUGS:
            if slug != "fees/":
                page.goto(site.url(lang, slug), wait_until="load")
    assert [url for url in visit.requests if "/assets/pyodide/" in url] == []
    page.set_viewport_size({"width": 1280, "height": 400})
    page.goto(fees_url(site, "en"))
    # The widget is set up; its visibility observer gets two frames to (wrongly) start Pyodide.
    page.wait_for_selector("#fee-quote[data-enhanced='true']", state="attached")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert [url for url in visit.requests if "/assets/pyodide/" in url] == []
    page.locator("#fee-quote").scroll_into_view_if_needed()
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "ready", timeout=START_TIMEOUT
    )
    loaded = {url.rsplit("/", 1)[-1] for url in visit.requests if "/assets/pyodide/" in url}
    assert "pyodide.asm.wasm" in loaded
    assert any(name.startswith("wego_fee_calculator-") for name in loaded)


def test_printed_quote_keeps_the_result_and_drops_the_controls(visit, site):
    """In print, the quote and the table show; the buttons and site chrome do not."""
    page = visit.page
    page.goto(fees_url(site, "en", "?population=624518&gdp=47404.96"))
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000", timeout=START_TIMEOUT)
    page.emulate_media(media="print")
    expect(page.locator(RESULT)).to_be_visible()
    expect(page.locator(".wego-schedule__match")).to_be_visible()
    expect(page.locator(".wego-quote__actions")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
