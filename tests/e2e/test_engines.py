"""What a reader does on the site, in each of the three engines: Chromium, Firefox ESR and
WebKitGTK (tests/e2e/engines.py). The other browser tests go deeper in Chromium; these prove
the same site works where the reader's browser is not Chromium.

Starting Pyodide is most of a test's time, so the fees-page tests share one started page per
engine where isolation is not the point: each opens the page only if it is not already there
with the engine up (each still runs alone).
"""

from __future__ import annotations

import re

from calculator import Language, answer

from .conftest import Site
from .engines import EnginePage
from .timeouts import ENGINE_START

QUOTE = "#fee-quote"
# The result inside the widget: the schedule's cells carry data-fee-usd too.
RESULT = "#fee-quote #fee-quote-result"
FORM = "#wego-application-form[data-enhanced='true']"
DRAFT_KEY = "wego-application-draft-v1"


def squash(text: str) -> str:
    """Whitespace (no-break spaces included) as one space: what a reader sees as a gap."""
    return re.sub(r"\s+", " ", text).strip()


def start_engine(page: EnginePage) -> None:
    """Focus the form (which starts Pyodide) and wait until the engine answers."""
    page.evaluate("() => document.getElementById('fee-quote-population').focus()")
    page.wait_for_attribute(QUOTE, "data-engine", "ready", timeout=ENGINE_START)


def on_the_fees_page(page: EnginePage, site: Site) -> None:
    """The Russian fees page with the engine up: the one already open, or a fresh one."""
    url = site.url("ru", "fees/")
    here = page.evaluate(
        "() => [location.href.split('?')[0], document.getElementById('fee-quote')?.dataset"
        ".engine, !!window.__engineTestPrint]"
    )
    if here != [url, "ready", False]:
        page.goto(url)
        start_engine(page)


def forget_the_result(page: EnginePage) -> None:
    """So that waiting for the next quote cannot see the last one (the page is shared)."""
    page.evaluate(
        "() => document.getElementById('fee-quote-result').removeAttribute('data-fee-usd')"
    )


def quote(page: EnginePage, population: str, gdp: str) -> None:
    page.fill("#fee-quote-population", population)
    page.fill("#fee-quote-gdp", gdp)
    page.press("#fee-quote-gdp", "Enter")


def test_the_quote_is_the_engines(engine_page, site: Site, record_property):
    """Typed figures give the Python engine's fee, bands and summary, in the page's language."""
    page = engine_page
    on_the_fees_page(page, site)
    forget_the_result(page)
    # How Pyodide started: from the build's memory snapshot (the wheel is the fallback,
    # test_engines_fallback.py), in every engine.
    path = page.attribute(QUOTE, "data-engine-path")
    record_property("engine_path", f"{page.name}: {path or 'not reported'}")
    assert path == "snapshot"
    quote(page, "624 518", "47 404,96")
    page.wait_for_attribute(RESULT, "data-fee-usd", "7000")
    expected = answer({"population": "624 518", "gdp": "47 404,96"}, Language.RU)
    shown = squash(page.text(RESULT))
    for part in ("summary", "population_band_text", "gdp_band_text"):
        assert squash(expected[part]) in shown, part
    assert page.attribute(".wego-schedule__match", "data-fee-usd") == "7000"


def test_bad_input_shows_the_engines_error(engine_page, site: Site):
    """A number the engine refuses shows its coded error, in the page's language, and no fee."""
    page = engine_page
    on_the_fees_page(page, site)
    quote(page, "abc", "999")
    slot = "#fee-quote [data-error-for='population']"
    page.wait_for_attribute(slot, "data-error-code", "not_a_number")
    expected = answer({"population": "abc", "gdp": "999"}, Language.RU)
    assert squash(page.text(slot)) == squash(expected["error"]["message"])
    assert page.attribute("#fee-quote-population", "aria-invalid") == "true"
    assert not page.is_visible(RESULT)


def test_a_picked_country_fills_its_gdp_and_quotes(engine_page, site: Site):
    """Choosing a country from the list fills the World Bank figure and gives the quote."""
    page = engine_page
    on_the_fees_page(page, site)
    offered = page.evaluate(
        "() => [...document.querySelectorAll('#fee-quote-country-list option')].map(o => o.value)"
    )
    assert "Россия" in offered
    forget_the_result(page)
    page.fill("#fee-quote-gdp", "")
    page.fill("#fee-quote-population", "624 518")
    page.fill("#fee-quote-country", "Россия")  # what choosing the suggestion does
    page.wait_for_attribute(RESULT, "data-fee-usd", "7000")
    assert page.value("#fee-quote-gdp") == "47\u00a0404,96"
    note = "#fee-quote [data-gdp-source]"
    assert page.attribute(note, "data-origin") == "world_bank"
    assert "Всемирный банк, 2024" in squash(page.text(note))


def test_print_keeps_the_quote_and_drops_the_controls(engine_page, site: Site):
    """Printed, the fees page keeps the quote and its table cell, not buttons or site chrome."""
    page = engine_page
    # A fresh page: the country an earlier test picked stays picked otherwise (WebDriver's
    # clear() sends no input event, so the picker never hears the field emptied).
    page.goto(site.url("ru", "fees/"))
    start_engine(page)
    quote(page, "624 518", "47 404,96")
    page.wait_for_attribute(RESULT, "data-fee-usd", "7000", timeout=ENGINE_START)
    assert page.is_visible(".wego-quote__actions")
    page.print_media()
    assert page.is_visible(RESULT)
    assert page.is_visible(".wego-schedule__match")
    assert not page.is_visible(".wego-quote__actions")
    assert not page.is_visible(".md-header")


def test_the_application_draft_survives_a_reload(engine_page, site: Site):
    """What is typed into the application form is kept in the browser and comes back."""
    page = engine_page
    page.goto(site.url("en", "application/"))
    page.wait_for(FORM)
    page.clear_storage()
    typed = {
        "city_official_name": "City of Ulyanovsk",
        "mayor_email": "mayor.1@ulmeria.ru",
        "city_postcode": "432017",
    }
    for name, value in typed.items():
        page.fill(f"[data-field='{name}']", value)
    page.press("[data-field='city_postcode']", "Tab")  # leaving the field saves it at the latest
    page.wait_until("(key) => (localStorage.getItem(key) || '').includes('432017')", DRAFT_KEY)
    page.reload()
    page.wait_for(FORM)
    shown = {name: page.value(f"[data-field='{name}']") for name in typed}
    page.clear_storage()
    assert shown == typed


def test_print_of_the_application_is_the_form_sheet(engine_page, site: Site):
    """Printed, the application page is the form sheet with the typed values, not the form."""
    page = engine_page
    page.goto(site.url("en", "application/"))
    page.wait_for(FORM)
    page.clear_storage()
    page.fill("[data-field='city_official_name']", "City of Ulyanovsk")
    page.press("[data-field='city_official_name']", "Tab")
    page.print_media()
    assert page.is_visible("[data-print-sheet]")
    assert not page.is_visible("#wego-application-form")
    assert not page.is_visible(".md-header")
    sheet = squash(page.text("[data-print-sheet]"))
    page.clear_storage()
    assert "City of Ulyanovsk agrees to follow the WeGO Charter" in sheet
