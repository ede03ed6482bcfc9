"""The fee quote widget on the fees page, driven in Chromium: the Python engine under Pyodide.

What the engine answers is proved in tests/calculator (and inside Pyodide in tests/pyodide);
what the page's modules decide on their own (the link's query, the lines' classes, the spoken
summary, the printed inputs, the start's failures) in tests/js. Here the page shows it: each
test that opens a page walks one reader's journey through it and names each fact it checks,
and the tests that only type share one started page per language (``started_fees_page``).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, Route, expect

from calculator import Language, answer
from tests.pages import LANGS

from .material_search import RESULTS, search
from .timeouts import ENGINE_START, ms
from .waits import expect_engine_ready

pytestmark = pytest.mark.browser

RESULT = "#fee-quote-result"
#: Past the widget's pauses (fee-widget.mjs): 400 ms before an error shows while typing,
#: 1,200 ms before the summary is spoken. Skipped on the page's clock, never waited.
PAST_THE_PAUSES_MS = 1_500

#: One (population, GDP) pair per kind of schedule cell, written as a reader of each language
#: would: a merged cell (400), a published one (7,000), the estimated empty cell (2,800) and one
#: off the row's step (8,500). The engine's answer for every band edge is proved in CPython and
#: in Pyodide; here the page shows it, highlights the cell and adds the cell's caveat.
#: Consecutive expected fees differ, so each wait is unambiguous.
CASES = {
    "ru": [
        ("299 999", "999,99"),
        ("624 518", "47 404,96"),
        ("12 000 000", "5 999,99"),
        ("9 999 999", "20 000"),
    ],
    "en": [
        ("299,999", "999.99"),
        ("624,518", "47,404.96"),
        ("12,000,000", "5,999.99"),
        ("9,999,999", "20,000"),
    ],
}


def fees_url(site, lang, query=""):
    return site.url(lang, "fees/", query)


def quote_by_enter(page: Page, population: str, gdp: str) -> None:
    page.fill("#fee-quote-population", population)
    page.fill("#fee-quote-gdp", gdp)
    page.press("#fee-quote-gdp", "Enter")


def expected(lang, population, gdp, **extra):
    return answer({"population": population, "gdp": gdp, **extra}, Language(lang))


# --- Typing into the started widget (one shared page per language) -------------------------


@pytest.mark.parametrize("lang", list(LANGS))
def test_each_kind_of_cell_is_shown_and_highlighted(started_fees_page, lang):
    """Each quote shows the engine's fee, bands and caveats and highlights its cell."""
    page = started_fees_page(lang)
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


#: Per language, one error at each number field: which code each typed text gets is proved in
#: tests/calculator/test_parsing.py and test_request.py; here the page puts it beside its field.
#: English adds a 48-character paste, which must reach the engine whole ("too long").
BAD_INPUTS = {
    "ru": [
        ("1,500", "999", "population", "ambiguous_separator"),
        ("1000", "-5", "gdp", "negative"),
    ],
    "en": [
        ("12.5", "999", "population", "not_whole"),
        ("1000", "nan", "gdp", "not_finite"),
        ("9,999," * 8, "1000", "population", "too_long"),
    ],
}


@pytest.mark.parametrize("lang", list(LANGS))
def test_bad_input_shows_a_coded_error_and_clears_the_result(started_fees_page, lang):
    """An error appears next to its field, in the page's language; no result stays current."""
    page = started_fees_page(lang)
    result = page.locator(RESULT)
    for population, gdp, field, code in BAD_INPUTS[lang]:
        quote_by_enter(page, "1000", "999")
        expect(result).to_have_attribute("data-fee-usd", "400")
        quote_by_enter(page, population, gdp)
        expect(page.locator("#fee-quote-population")).to_have_value(population)
        error = page.locator(f'[data-error-for="{field}"]')
        expect(error).to_have_attribute("data-error-code", code)
        expect(error).to_have_text(expected(lang, population, gdp)["error"]["message"])
        expect(result).to_be_hidden()
        expect(result).not_to_have_attribute("data-fee-usd", re.compile(".*"))
        expect(page.locator(".wego-schedule__match")).to_have_count(0)
        expect(page.locator(f'[name="{field}"]')).to_have_attribute("aria-invalid", "true")


def test_enter_quotes_in_place_and_the_address_follows(started_fees_page):
    """Submitting with Enter quotes without reloading the document, and the address bar then
    holds the inputs, machine-written, ready to bookmark or copy."""
    page = started_fees_page("ru")
    page.evaluate("window.__sameDocument = true")
    quote_by_enter(page, "624 518", "47 404,96")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")
    assert page.evaluate("window.__sameDocument") is True, "Enter reloaded the page"
    assert page.url.endswith("fees/?population=624518&gdp=47404.96"), page.url


def test_implausible_figures_are_quoted_with_a_warning(started_fees_page):
    """47.404 (a European thousands figure) quotes $500 but says so; 1e6 is refused."""
    page = started_fees_page("en")
    quote_by_enter(page, "624518", "47.404")
    result = page.locator(RESULT)
    expect(result).to_have_attribute("data-fee-usd", "500")
    warning = result.locator('[data-warning-code="gdp_below_any_economy"]')
    expect(warning).to_be_visible()
    expect(warning).to_have_text(expected("en", "624518", "47.404")["warnings"][0]["message"])
    quote_by_enter(page, "999", "47404")
    expect(result.locator('[data-warning-code="population_under_1000"]')).to_be_visible()
    quote_by_enter(page, "1e6", "47404")
    error = page.locator('[data-error-for="population"]')
    expect(error).to_have_attribute("data-error-code", "exponent")
    expect(error).to_have_text(expected("en", "1e6", "47404")["error"]["message"])


# --- Journeys through a page of their own ---------------------------------------------------


def switch_language(page: Page, site, lang: str) -> None:
    page.locator(f'a.md-select__link[hreflang="{lang}"]').dispatch_event("click")
    page.wait_for_url(re.compile(re.escape(fees_url(site, lang, "?"))))


def test_typing_quotes_speaks_a_summary_and_the_inputs_travel_to_russian_and_back(visit, site):
    """A reader opens the English fees page and types (no Enter): typing alone quotes, a short
    summary is spoken once typing stops, each message describes the fields as they are now, the
    address follows typing once it pauses, and a language link clicked straight after typing
    carries the latest inputs, shown in Russian writing, quoted in Russian. Leaving for another
    page and coming back shows the same inputs and quote; forward goes where the reader went.
    (The navigation's links to the fees page: tests/site/test_built_site.py.)"""
    page = visit.page
    page.clock.install()  # time flows; the widget's pauses are skipped, not waited
    page.goto(fees_url(site, "en"))
    page.focus("#fee-quote-population")
    expect_engine_ready(page)
    result = page.locator(RESULT)
    expect(result, "the result itself is not a live region").not_to_have_attribute(
        "aria-live", re.compile(".*")
    )

    page.locator("#fee-quote-population").press_sequentially("624518")
    page.locator("#fee-quote-gdp").press_sequentially("47404.96")
    expect(result, "typing alone quotes").to_have_attribute("data-fee-usd", "7000")
    page.clock.fast_forward(PAST_THE_PAUSES_MS)
    announcer = page.locator("[data-announce]")
    expect(announcer).to_have_attribute("aria-live", "polite")
    record = expected("en", "624518", "47404.96")
    expect(announcer, "the summary: fee and bands").to_have_text(
        f"{record['summary']}. {record['population_band_text']}. {record['gdp_band_text']}."
    )
    assert record["category_note"] not in (announcer.text_content() or ""), "a long summary"

    # Messages describe the fields as they are now: an emptied population no longer says "at
    # most 100,000,000", and clearing a valid figure does not ask to correct an error that is
    # not shown (an empty field is said only on a submit).
    status = page.locator("[data-status]")
    error = page.locator('[data-error-for="population"]')
    too_large = expected("en", "200000000", "47404.96")["error"]
    page.fill("#fee-quote-population", "200000000")
    expect(result, "the old result goes stale at once").to_have_attribute("data-stale", "true")
    page.clock.fast_forward(PAST_THE_PAUSES_MS)
    expect(error, "the error once typing pauses").to_have_text(too_large["message"])
    expect(status, "the status line says it too").to_have_text(too_large["message"])
    page.fill("#fee-quote-population", "")
    expect(error, "an emptied field drops its old error").to_be_hidden()
    expect(page.locator("#fee-quote-population")).not_to_have_attribute("aria-invalid", "true")
    expect(status, "and so does the status line").to_be_hidden()
    page.fill("#fee-quote-population", "624518")
    expect(result).to_have_attribute("data-fee-usd", "7000")
    page.fill("#fee-quote-population", "")
    expect(result, "an emptied field leaves the result stale").to_have_attribute(
        "data-stale", "true"
    )
    page.clock.fast_forward(PAST_THE_PAUSES_MS)
    expect(page.locator(".wego-quote__error:visible"), "no error for an empty field").to_have_count(
        0
    )
    expect(status).to_be_hidden()
    page.press("#fee-quote-population", "Enter")
    empty = expected("en", "", "47404.96")["error"]
    expect(error, "a submitted empty field is an error").to_have_attribute(
        "data-error-code", empty["code"]
    )
    expect(status).to_have_text(empty["message"])

    # The address follows typing once it pauses, machine-written.
    page.fill("#fee-quote-population", "6,245,180")  # an input event, like a keystroke
    fee = expected("en", "6245180", "47404.96")["fee_usd"]
    expect(result).to_have_attribute("data-fee-usd", str(fee))
    expect(page, "the address follows the pause").to_have_url(
        re.compile(r"fees/\?population=6245180&gdp=47404\.96$")
    )
    page.fill("#fee-quote-gdp", "999.99")
    fee = expected("en", "6245180", "999.99")["fee_usd"]
    expect(result).to_have_attribute("data-fee-usd", str(fee))
    # Straight to Russian, before typing has paused: the click writes the pending address.
    switch_language(page, site, "ru")
    expect(page, "the language link carried the latest inputs").to_have_url(
        re.compile(r"/fees/\?population=6245180&gdp=999\.99$")
    )
    expect(result).to_have_attribute("data-fee-usd", str(fee), timeout=ms(ENGINE_START))
    expect(page.locator("#fee-quote-population")).to_have_value("6\u00a0245\u00a0180")
    expect(page.locator("#fee-quote-gdp"), "999.99 shown the Russian way").to_have_value("999,99")
    expect(page.locator('[data-error-for="gdp"]')).to_be_hidden()
    expect(result, "the quote in Russian").to_contain_text(
        expected("ru", "6245180", "999.99")["summary"]
    )

    contacts = site.url("ru", "contacts/")
    page.goto(contacts)
    page.go_back()
    expect(result, "back: the same quote").to_have_attribute(
        "data-fee-usd", str(fee), timeout=ms(ENGINE_START)
    )
    expect(page.locator("#fee-quote-population")).to_have_value("6\u00a0245\u00a0180")
    page.go_forward()
    expect(page, "forward: the contacts page").to_have_url(contacts)


def test_a_link_fills_the_form_in_view_then_copies_and_prints_itself_on_one_a4_page(visit, site):
    """At 1280x800 a link with inputs fills the form (numbers in the reader's writing, its
    category, a country, here one without World Bank data, beside the reader's own figure) and
    quotes without any interaction, the result on screen and no focus moved;
    each of the record's lines is one paragraph, in order, marked with its kind (a warning
    keeps its code); the copy button puts the link on the clipboard and says so. With a
    country picked instead of the figure, the print button prints one A4 page: inputs, country
    and source, fee, caveats, date, the link. (A category no radio has is Full Member: the
    several-cities link proves it through the same form code, tests/js/link-query the rule; the
    World Bank note folded on screen: tests/e2e/test_country_lookup.py.)"""
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page.add_init_script("window.print = () => { window.__printed = true; }")
    page.set_viewport_size({"width": 1280, "height": 800})
    inputs = {"population": "500000", "country": "TWN", "gdp": "200", "category": "associate"}
    inputs["approval_year"] = "2026"
    page.goto(fees_url(site, "en", "?" + urlencode(inputs)))
    record = answer(inputs, Language.EN)
    result = page.locator(RESULT)
    expect(result, "the link quotes at once").to_have_attribute(
        "data-fee-usd", str(record["fee_usd"]), timeout=ms(ENGINE_START)
    )
    expect(page.locator("#fee-quote-population")).to_have_value("500,000")
    expect(page.locator("#fee-quote-country"), "the country by its name").to_have_value("Taiwan")
    expect(page.locator("#fee-quote-gdp")).to_have_value("200")
    expect(page.locator("[data-gdp-source]"), "the reader's figure").to_have_attribute(
        "data-origin", "reader"
    )
    expect(page.locator('input[name="category"][value="associate"]')).to_be_checked()
    expect(page.locator("input[name=category]:checked")).to_have_count(1)
    expect(result.locator('p[data-kind="fee"]'), "the fee on screen").to_be_in_viewport()
    assert page.evaluate("document.activeElement === document.body"), "a link moves no focus"
    shown = result.locator("p[data-kind]")
    expect(shown, "one paragraph per line").to_have_count(len(record["lines"]))
    kinds = {line["kind"] for line in record["lines"]}
    assert kinds >= {"fee", "warning", "due_now", "category", "timeline"}, kinds
    for index, line in enumerate(record["lines"]):
        expect(shown.nth(index)).to_have_attribute("data-kind", line["kind"])
        expect(shown.nth(index)).to_have_text(line["text"])
        if line["kind"] == "warning":
            expect(shown.nth(index)).to_have_attribute("data-warning-code", line["code"])
    expect(result).to_contain_text("Due now: $0")
    expect(result).to_contain_text("the first fee is for 2027")

    page.click('[data-action="copy-link"]')
    expect(page.locator("[data-status]")).to_have_text("Link to this estimate copied.")
    assert page.evaluate("navigator.clipboard.readText()") == page.url, "the copied link"

    page.fill("#fee-quote-gdp", "")
    page.fill("#fee-quote-country", "Russia")
    picked = {**inputs, "gdp": "", "country": "RUS"}  # the World Bank's figure this time
    record = answer(picked, Language.EN)
    expect(page.locator('[data-gdp-source][data-origin="world_bank"]')).to_be_visible()
    expect(result).to_contain_text(record["gdp_band_text"])
    page.click('[data-action="print"]')
    assert page.evaluate("window.__printed") is True, "the button prints"
    page.emulate_media(media="print")
    sheet = page.locator(".wego-quote-print")
    expect(sheet).to_be_visible()
    expect(page.locator(".md-container")).to_be_hidden()
    for text in (
        "Printed on ",
        "500,000",
        "Russia",
        record["gdp_source"]["credit"],
        record["summary"],
        *dated_by_the_letter(record),
        record["gdp_band_text"],
        record["timeline"],
        *record["notes"],
        "confirm the fee with the WeGO Secretariat",
        page.url,
    ):
        expect(sheet).to_contain_text(text)
    assert "country=RUS" in page.url, "the printed link is the current one"
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1, "one page"


def dated_by_the_letter(record) -> list[str]:
    """The record's line that says its fee is by the 2017 letter's schedule (there is one)."""
    (line,) = [line["text"] for line in record["lines"] if line["kind"] == "schedule_date"]
    assert "2017" in line
    return [line]


# --- Starting the engine: a first visit, with an empty cache --------------------------------


def test_the_engine_starts_at_once_its_loading_is_announced_and_a_failed_start_explained(
    first_visit, site
):
    """Opened, with no interaction, the fees page starts downloading the engine (other pages
    download none of it: the tour of tests/e2e/test_guarantees.py), and a status says so in
    the page's language (no empty box); when the download fails, the reader is told why, the
    schedule table still reads, and Material's search, held while the engine started, works.
    (Which failure gets which message is proved in tests/js/quote-client.test.mjs; a first
    visit's start that completes, and the path it took, in tests/e2e/test_engine_start.py
    and test_engines.py.)"""
    page = first_visit.page
    held: list[Route] = []
    failing = False

    def hold_then_fail(route: Route) -> None:
        if failing:
            route.abort()
        else:
            held.append(route)

    page.route("**/pyodide.asm.wasm", hold_then_fail)  # hold the download
    with page.expect_request("**/pyodide.asm.wasm", timeout=ms(ENGINE_START)):
        page.goto(fees_url(site, "ru"))  # and nothing more: the download starts at once
    status = page.locator("[data-status]")
    expect(status, "loading is said").to_have_text("Калькулятор загружается…")
    expect(status).to_have_attribute("role", "status")
    expect(page.locator("#fee-quote")).to_have_attribute("aria-busy", "true")
    searching = [worker.url for worker in page.workers if "/workers/search." in worker.url]

    failing = True  # the held download fails now, and so would one still to come
    for route in held:
        route.abort()
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "failed", timeout=ms(ENGINE_START)
    )
    expect(status, "the failure is explained").to_contain_text(
        "Не удалось загрузить файлы калькулятора"
    )
    expect(page.locator(".wego-schedule td"), "the table remains").to_have_count(64)
    search_waited_for_the_engine(page, searching)


def search_waited_for_the_engine(page: Page, searching_while_held: list[str]) -> None:
    """Material's search worker did not run while the engine started (its index, about 0.3 s
    of processor time, is held: overrides/partials/search-hold.js), runs once the start is
    settled (here: failed), and search finds Russian pages."""
    assert searching_while_held == [], "no search worker while the engine starts"
    ready = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    expect(page.locator(".md-search-result__meta"), "the index built").to_have_text(ready)
    search(page, "взнос")
    expect(page.locator(RESULTS).first, "Russian pages found").to_be_visible()


def test_without_javascript_nothing_pretends_to_work(browser, site):
    """The schedule and a note pointing to it are there; no buttons that do nothing; no raw
    diagram source."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(fees_url(site, "en"))
        for selector in ('[data-action="copy-link"]', '[data-action="print"]', "#fee-quote button"):
            expect(page.locator(selector).first).to_be_hidden()
        expect(page.locator("#fee-quote noscript")).to_have_count(1)
        expect(page.locator(".wego-schedule td")).to_have_count(64)
        page.goto(site.url("ru", "procedure/"))
        expect(page.locator(".mermaid")).to_be_hidden()
        expect(page.get_by_text("Текстовое описание схемы", exact=False)).to_be_visible()
    finally:
        context.close()
