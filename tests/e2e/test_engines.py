"""What a reader does on the site, in each of the three engines: Chromium, Firefox ESR and
WebKitGTK (tests/e2e/engines.py). The other browser tests go deeper in Chromium; these prove
the same site works where the reader's browser is not Chromium.

Starting Pyodide and loading a page are most of a test's time, so each test is one journey
on one page load: the fees page quotes, refuses, picks a country and prints; the application
page keeps its draft over a reload and prints as the form sheet. The last test opens a copy of
the site with a corrupt snapshot in the same running browser: the worker falls back to the
wheel and quotes the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from calculator import Language, answer

from .conftest import Site, served_with_a_corrupt_snapshot
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


def forget_the_result(page: EnginePage) -> None:
    """So that waiting for the next quote cannot see the last one."""
    page.evaluate(
        "() => document.getElementById('fee-quote-result').removeAttribute('data-fee-usd')"
    )


def quote(page: EnginePage, population: str, gdp: str) -> None:
    page.fill("#fee-quote-population", population)
    page.fill("#fee-quote-gdp", gdp)
    page.press("#fee-quote-gdp", "Enter")


def test_the_fees_page_quotes_refuses_picks_a_country_and_prints(
    engine_page, site: Site, record_property
):
    """On one load of the Russian fees page: typed figures give the Python engine's fee, bands
    and summary; a number the engine refuses shows its coded error and no fee; a picked country
    fills its World Bank figure and quotes; printed, the page keeps the quote and its table
    cell, not buttons or site chrome."""
    page = engine_page
    page.goto(site.url("ru", "fees/"))
    start_engine(page)
    # How Pyodide started: from the build's memory snapshot (the wheel is the fallback, the
    # last test), in every engine.
    path = page.attribute(QUOTE, "data-engine-path")
    record_property("engine_path", f"{page.name}: {path or 'not reported'}")
    assert path == "snapshot", "the engine started from the snapshot"

    quote(page, "624 518", "47 404,96")
    page.wait_for_attribute(RESULT, "data-fee-usd", "7000")
    expected = answer({"population": "624 518", "gdp": "47 404,96"}, Language.RU)
    shown = squash(page.text(RESULT))
    for part in ("summary", "population_band_text", "gdp_band_text"):
        assert squash(expected[part]) in shown, f"the quote shows the engine's {part}"
    assert page.attribute(".wego-schedule__match", "data-fee-usd") == "7000", "cell marked"

    quote(page, "abc", "999")
    slot = "#fee-quote [data-error-for='population']"
    page.wait_for_attribute(slot, "data-error-code", "not_a_number")
    refused = answer({"population": "abc", "gdp": "999"}, Language.RU)
    assert squash(page.text(slot)) == squash(refused["error"]["message"]), "the engine's error"
    assert page.attribute("#fee-quote-population", "aria-invalid") == "true", "field marked"
    assert not page.is_visible(RESULT), "no fee beside an error"

    offered = page.evaluate(
        "() => [...document.querySelectorAll('#fee-quote-country-list option')].map(o => o.value)"
    )
    assert "Россия" in offered, "the country list offers Russia"
    forget_the_result(page)
    page.fill("#fee-quote-gdp", "")
    page.fill("#fee-quote-population", "624 518")
    page.fill("#fee-quote-country", "Россия")  # what choosing the suggestion does
    page.wait_for_attribute(RESULT, "data-fee-usd", "7000")
    assert page.value("#fee-quote-gdp") == "47\u00a0404,96", "the country's figure filled in"
    note = "#fee-quote [data-gdp-source]"
    assert page.attribute(note, "data-origin") == "world_bank", "the figure's source"
    assert "Всемирный банк, 2024" in squash(page.text(note)), "the source note"

    assert page.is_visible(".wego-quote__actions"), "copy and print buttons on screen"
    page.print_media()  # the last step: in Firefox and WebKit it rewrites the style sheets
    assert page.is_visible(RESULT), "the quote is printed"
    assert page.is_visible(".wego-schedule__match"), "its table cell is printed"
    assert not page.is_visible(".wego-quote__actions"), "no buttons on paper"
    assert not page.is_visible(".md-header"), "no site chrome on paper"


def test_the_application_draft_survives_a_reload_and_prints_as_the_form_sheet(
    engine_page, site: Site
):
    """What is typed into the application form is kept in the browser and comes back after a
    reload; printed, the page is the form sheet with the typed values, not the form."""
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
    assert shown == typed, "the draft came back after the reload"

    page.print_media()
    assert page.is_visible("[data-print-sheet]"), "the form sheet is printed"
    assert not page.is_visible("#wego-application-form"), "not the form"
    assert not page.is_visible(".md-header"), "no site chrome on paper"
    sheet = squash(page.text("[data-print-sheet]"))
    page.clear_storage()
    assert "City of Ulyanovsk agrees to follow the WeGO Charter" in sheet, "typed values printed"


@pytest.fixture(scope="module")
def corrupt_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A copy of the built site with flipped bytes in its engine snapshot, on its own server."""
    with served_with_a_corrupt_snapshot(built_site, tmp_path_factory.mktemp("corrupt")) as served:
        yield served


def test_a_corrupt_snapshot_falls_back_to_the_wheel_and_quotes(
    engine_page: EnginePage, corrupt_site: Site
):
    """With a snapshot that cannot be used, the worker starts Pyodide from the sha256-checked
    wheel: the reader sees the same quote; only the path the worker took differs."""
    page = engine_page
    page.allow_origin(corrupt_site.origin)
    page.goto(corrupt_site.url("ru", "fees/"))
    start_engine(page)
    assert page.attribute(QUOTE, "data-engine-path") == "wheel", "the wheel started the engine"
    quote(page, "624 518", "47 404,96")
    page.wait_for_attribute(RESULT, "data-fee-usd", "7000")
