"""The fee quote widget on the fees page, driven in Chromium: the Python engine under Pyodide."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from calculator import Language, answer
from tests.pages import LANGS

from .timeouts import ENGINE_START, ms

pytestmark = pytest.mark.browser

RESULT = "#fee-quote-result"

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


def open_ready(page: Page, url: str) -> None:
    """Open the fees page, focus the form (which starts the engine) and wait until it is up."""
    page.goto(url)
    page.focus("#fee-quote-population")
    wait_ready(page)


def wait_ready(page: Page) -> None:
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "ready", timeout=ms(ENGINE_START)
    )


def quote_by_enter(page: Page, population: str, gdp: str) -> None:
    page.fill("#fee-quote-population", population)
    page.fill("#fee-quote-gdp", gdp)
    page.press("#fee-quote-gdp", "Enter")


def expected(lang, population, gdp, **extra):
    return answer({"population": population, "gdp": gdp, **extra}, Language(lang))


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
def test_bad_input_shows_a_coded_error_and_clears_the_result(started_fees_page, lang):
    """An error appears next to its field, in the page's language; no result stays current."""
    page = started_fees_page(lang)
    result = page.locator(RESULT)
    for population, gdp, field, code in BAD_INPUTS[lang]:
        quote_by_enter(page, "1000", "999")
        expect(result).to_have_attribute("data-fee-usd", "400")
        quote_by_enter(page, population, gdp)
        error = page.locator(f'[data-error-for="{field}"]')
        expect(error).to_have_attribute("data-error-code", code)
        expect(error).to_have_text(expected(lang, population, gdp)["error"]["message"])
        expect(result).to_be_hidden()
        expect(result).not_to_have_attribute("data-fee-usd", re.compile(".*"))
        expect(page.locator(".wego-schedule__match")).to_have_count(0)
        expect(page.locator(f'[name="{field}"]')).to_have_attribute("aria-invalid", "true")


def test_live_quote_while_typing_without_enter(started_fees_page):
    """Typing alone (debounced) produces the quote; Enter is not needed."""
    page = started_fees_page("en")
    page.locator("#fee-quote-population").press_sequentially("624518")
    page.locator("#fee-quote-gdp").press_sequentially("47404.96")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")


def test_enter_never_reloads_the_page(started_fees_page):
    """Submitting with Enter quotes in place: the document is not reloaded."""
    page = started_fees_page("ru")
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
    expect(result).to_have_attribute("data-fee-usd", "2500", timeout=ms(ENGINE_START))
    expect(page.locator("#fee-quote-population")).to_have_value("500,000")
    expect(page.locator('input[name="category"][value="associate"]')).to_be_checked()
    expect(result).to_contain_text("Due now: $0")
    expect(result).to_contain_text("the first fee is for 2027")


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_category_no_radio_has_falls_back_to_full_member(visit, site, lang):
    """A hand-edited link's ``?category=bogus`` selects Full Member and quotes the rest."""
    page = visit.page
    page.goto(fees_url(site, lang, "?population=500000&gdp=9000&category=bogus"))
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "2500", timeout=ms(ENGINE_START))
    expect(page.locator('input[name="category"][value="full"]')).to_be_checked()
    expect(page.locator('input[name="category"][value="associate"]')).not_to_be_checked()


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_result_shows_the_engines_lines_in_order(visit, site, lang):
    """Each of the record's lines is one paragraph, in the record's order, marked with its kind;
    a warning keeps its code."""
    page = visit.page
    query = "?population=500&gdp=9000&category=associate&approval_year=2026"
    page.goto(fees_url(site, lang, query))
    record = expected(lang, "500", "9000", category="associate", approval_year="2026")
    result = page.locator(RESULT)
    expect(result).to_have_attribute(
        "data-fee-usd", str(record["fee_usd"]), timeout=ms(ENGINE_START)
    )
    shown = result.locator("p[data-kind]")
    expect(shown).to_have_count(len(record["lines"]))
    assert {line["kind"] for line in record["lines"]} >= {"fee", "warning", "due_now", "category"}
    for index, line in enumerate(record["lines"]):
        expect(shown.nth(index)).to_have_attribute("data-kind", line["kind"])
        expect(shown.nth(index)).to_have_text(line["text"])
        if line["kind"] == "warning":
            expect(shown.nth(index)).to_have_attribute("data-warning-code", line["code"])


def test_the_link_follows_the_inputs(started_fees_page):
    """The address bar holds the current inputs, ready to bookmark or copy."""
    page = started_fees_page("ru")
    quote_by_enter(page, "624 518", "47 404,96")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")
    assert page.url.endswith("fees/?population=624518&gdp=47404.96")


def test_copy_link_button_copies_the_address(browser, site):
    """The copy button puts the shareable link on the clipboard and says so."""
    context = browser.new_context(locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    try:
        page.goto(fees_url(site, "en", "?population=1000&gdp=999"))
        expect(page.locator(RESULT)).to_have_attribute(
            "data-fee-usd", "400", timeout=ms(ENGINE_START)
        )
        page.click('[data-action="copy-link"]')
        expect(page.locator("[data-status]")).to_have_text("Link to this estimate copied.")
        assert page.evaluate("navigator.clipboard.readText()") == page.url
    finally:
        context.close()


def test_back_and_forward_restore_the_quote(visit, site):
    """Leaving the fees page and coming back shows the same inputs and quote."""
    page = visit.page
    open_ready(page, fees_url(site, "en"))
    quote_by_enter(page, "8000000", "25000")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "8500")
    page.goto(site.url("en", "contacts/"))
    page.go_back()
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "8500", timeout=ms(ENGINE_START))
    expect(page.locator("#fee-quote-population")).to_have_value("8,000,000")
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/en/contacts/$"))


def test_arriving_from_another_page(visit, site):
    """Following the navigation to the fees page gives a working widget."""
    page = visit.page
    page.goto(site.url("ru"))
    page.locator(".md-nav__link", has_text="Членские взносы").first.click()
    page.wait_for_url(re.compile(r"/fees/$"))
    quote_by_enter(page, "1 000", "1 000")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "500", timeout=ms(ENGINE_START))


def test_loading_state_is_announced(first_visit, site):
    """While Pyodide starts, a status says so in the page's language (no empty box)."""
    page = first_visit.page
    page.route("**/pyodide.asm.wasm", lambda route: None)  # hold the download
    page.goto(fees_url(site, "ru"))
    page.focus("#fee-quote-population")
    status = page.locator("[data-status]")
    expect(status).to_have_text("Калькулятор загружается…")
    expect(status).to_have_attribute("role", "status")
    expect(page.locator("#fee-quote")).to_have_attribute("aria-busy", "true")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Не удалось загрузить файлы калькулятора"),
        ("en", "The calculator's files could not be downloaded"),
    ],
)
def test_failure_to_start_is_explained_and_the_table_remains(first_visit, site, lang, text):
    """If Pyodide cannot load, the reader is told in their language; the table still reads."""
    page = first_visit.page
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(fees_url(site, lang))
    page.focus("#fee-quote-population")
    # The worker reports the refused download at once; the client has no start timeout of its
    # own (a stalled download is its own test), so this only bounds the wait.
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "failed", timeout=ms(ENGINE_START)
    )
    expect(page.locator("[data-status]")).to_contain_text(text)
    expect(page.locator(".wego-schedule td")).to_have_count(64)


def test_the_fees_page_starts_the_engine_at_once(first_visit, site):
    """Opened, the fees page downloads the engine and starts it without any interaction (other
    pages download none of it: the tour of tests/e2e/test_guarantees.py)."""
    page = first_visit.page
    page.goto(fees_url(site, "en"))
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "ready", timeout=ms(ENGINE_START)
    )
    engine = [u for u in first_visit.requests if "/assets/pyodide/" in u or "/engine/" in u]
    loaded = {url.rsplit("/", 1)[-1] for url in engine}
    assert "pyodide.asm.wasm" in loaded
    assert "engine.snapshot.gz" in loaded or any(
        n.startswith("wego_fee_calculator-") for n in loaded
    )


# --- Defects found trying the site as a new reader (one test each, where each was seen) ----


def switch_language(page: Page, site, lang: str) -> None:
    page.locator(f'a.md-select__link[hreflang="{lang}"]').dispatch_event("click")
    page.wait_for_url(re.compile(re.escape(fees_url(site, lang, "?"))))


def test_a_quote_survives_the_language_switch(visit, site):
    """The language selector carries the inputs: English 47,404 and Russian 999,99 travel as
    numbers, shown in each language's writing, and the quote is in the new language."""
    page = visit.page
    open_ready(page, fees_url(site, "en"))
    quote_by_enter(page, "624518", "47,404")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")
    assert page.url.endswith("fees/?population=624518&gdp=47404")
    switch_language(page, site, "ru")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000", timeout=ms(ENGINE_START))
    expect(page.locator("#fee-quote-gdp")).to_have_value("47\u00a0404")
    expect(page.locator("#fee-quote-population")).to_have_value("624\u00a0518")
    expect(page.locator('[data-error-for="gdp"]')).to_be_hidden()

    quote_by_enter(page, "1 000", "999,99")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "400")
    switch_language(page, site, "en")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "400", timeout=ms(ENGINE_START))
    expect(page.locator("#fee-quote-gdp")).to_have_value("999.99")
    expect(page.locator(RESULT)).to_contain_text(expected("en", "1000", "999.99")["summary"])


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


def dated_by_the_letter(record) -> list[str]:
    """The record's line that says its fee is by the 2017 letter's schedule (there is one)."""
    (line,) = [line["text"] for line in record["lines"] if line["kind"] == "schedule_date"]
    assert "2017" in line
    return [line]


def test_print_this_estimate_is_one_dated_a4_page(visit, site):
    """The print button prints one A4 page: inputs, country and source, fee, caveats, date."""
    page = visit.page
    page.add_init_script("window.print = () => { window.__printed = true; }")
    page.goto(fees_url(site, "en", "?population=624518&country=RUS&approval_year=2025"))
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000", timeout=ms(ENGINE_START))
    page.click('[data-action="print"]')
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    sheet = page.locator(".wego-quote-print")
    expect(sheet).to_be_visible()
    expect(page.locator(".md-container")).to_be_hidden()
    record = answer(
        {"population": "624518", "country": "RUS", "approval_year": "2025"}, Language.EN
    )
    for text in (
        "Printed on ",
        "624,518",
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
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1


def test_screen_readers_hear_a_short_summary_once(visit, site):
    """The result is not live; a summary (fee and bands) is announced after typing stops."""
    page = visit.page
    open_ready(page, fees_url(site, "en"))
    result = page.locator(RESULT)
    expect(result).not_to_have_attribute("aria-live", re.compile(".*"))
    page.locator("#fee-quote-population").press_sequentially("624518")
    page.locator("#fee-quote-gdp").press_sequentially("47404.96")
    expect(result).to_have_attribute("data-fee-usd", "7000")
    announcer = page.locator("[data-announce]")
    expect(announcer).to_have_attribute("aria-live", "polite")
    record = expected("en", "624518", "47404.96")
    expect(announcer).to_have_text(
        f"{record['summary']}. {record['population_band_text']}. {record['gdp_band_text']}."
    )
    assert record["category_note"] not in announcer.text_content()


def test_fee_table_on_a_phone(visit, site):
    """At 390 px the row labels stay while the fees scroll; the notes are outside the scroller."""
    page = visit.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(fees_url(site, "ru"))
    table = page.locator(".wego-schedule__table")
    table.scroll_into_view_if_needed()
    label = page.locator(".wego-schedule__table tbody th").first
    before = label.bounding_box()
    assert table.evaluate("t => t.scrollWidth > t.clientWidth")
    table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
    assert table.evaluate("t => t.scrollLeft") > 0
    assert label.bounding_box()["x"] == before["x"]
    notes = page.locator(".wego-schedule__notes")
    assert notes.evaluate("n => !n.closest('.wego-schedule__table')")
    assert notes.bounding_box()["x"] + notes.bounding_box()["width"] <= 390
    page.goto(site.url("ru", "categories/"))
    box = page.locator("article table").first.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 390


def test_messages_describe_the_fields_as_they_are_now(started_fees_page):
    """An error goes with the value it was about, and so does the status line: an emptied
    population no longer says "at most 100,000,000", and clearing a valid figure does not ask
    to correct an error that is not shown (an empty field is said only on a submit)."""
    page = started_fees_page("en")
    status = page.locator("[data-status]")
    error = page.locator('[data-error-for="population"]')
    too_large = expected("en", "200000000", "5000")["error"]
    page.fill("#fee-quote-gdp", "5000")
    page.fill("#fee-quote-population", "200000000")
    expect(error).to_have_text(too_large["message"])
    expect(status).to_have_text(too_large["message"])

    page.fill("#fee-quote-population", "")
    expect(error).to_be_hidden()
    expect(page.locator("#fee-quote-population")).not_to_have_attribute("aria-invalid", "true")
    expect(status).to_be_hidden()

    page.fill("#fee-quote-population", "624518")
    fee = expected("en", "624518", "5000")["fee_usd"]
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", str(fee))
    page.fill("#fee-quote-population", "")
    expect(page.locator(RESULT)).to_have_attribute("data-stale", "true")
    page.wait_for_timeout(600)  # past the pause after which an error would show
    expect(page.locator(".wego-quote__error:visible")).to_have_count(0)
    expect(status).to_be_hidden()

    # The same empty field, submitted: now the error and its message show, and stay together.
    page.press("#fee-quote-population", "Enter")
    empty = expected("en", "", "5000")["error"]
    expect(error).to_have_attribute("data-error-code", empty["code"])
    expect(status).to_have_text(empty["message"])


def test_a_linked_result_is_in_view_on_a_desktop_screen(visit, site):
    """At 1280x800 a link with a country shows its result on screen: the World Bank note keeps
    the figure's source and year in view and folds its caveat and credit away."""
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(fees_url(site, "en", "?population=624518&country=RUS"))
    result = page.locator(RESULT)
    expect(result).to_have_attribute("data-fee-usd", "7000", timeout=ms(ENGINE_START))
    record = answer({"population": "624518", "country": "RUS"}, Language.EN)
    note = page.locator("[data-gdp-source]")
    expect(note.get_by_text(record["gdp_source"]["text"])).to_be_visible()
    expect(note.locator(".wego-quote__gdp-source-credit")).to_be_hidden()
    fee = result.locator('p[data-kind="fee"]')
    expect(fee).to_be_in_viewport()
    assert page.evaluate("document.activeElement === document.body")
