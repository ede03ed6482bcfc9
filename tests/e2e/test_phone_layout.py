"""The calculator pages on a phone (320 to 390 CSS pixels wide), in Chromium: the page never
scrolls sideways, and every city's name and fee and the total are on the screen, inside the
form, without scrolling sideways."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from calculator import Language, quote_cities
from sitebuild.city_examples import example_text
from tests.pages import LANGS

from .timeouts import ENGINE_START, ms

pytestmark = pytest.mark.browser

FORM = "#multi-quote"
RESULT = "#multi-quote-result"
#: Narrow phones in portrait: 360 (many Android phones) and 390 (recent iPhones), and 320,
#: the width at which WCAG 1.4.10 (reflow) asks for no sideways scrolling.
PHONE_WIDTHS = (360, 390, 320)
PHONE_HEIGHT = 800
#: A pasted list with a caveat (an estimated cell: the table gains its fifth column) and a
#: long name that has to wrap.
PASTED = {
    "ru": "Казань; 1 308 660\nГород; 12 000 000\nСанкт-Петербург-Кронштадт-Петергоф; 5 600 000",
    "en": "Kazan; 1,308,660\nTown; 12,000,000\nSaint-Petersburg-Kronstadt-Peterhof; 5,600,000",
}


def page_scrolls_sideways(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))


def expect_on_screen(page: Page, cell: Locator, within: Locator) -> None:
    """``cell`` is visible, inside the viewport's width and inside ``within`` (the form)."""
    expect(cell).to_be_visible()
    cell.scroll_into_view_if_needed()
    box, outer = cell.bounding_box(), within.bounding_box()
    assert box is not None
    assert outer is not None
    width = page.viewport_size["width"] if page.viewport_size else 0
    left, right = box["x"], box["x"] + box["width"]
    text = cell.text_content()
    assert left >= 0, text
    assert right <= width, text
    assert left >= outer["x"], text
    assert right <= outer["x"] + outer["width"], text


def expect_table_fits(page: Page, record: dict[str, Any]) -> None:
    """No sideways scroll; each city's name and fee (as the engine wrote them) and the total
    row on screen, inside the form."""
    rows = page.locator(f"{RESULT} tbody tr[data-city]")
    expect(rows).to_have_count(len(record["cities"]), timeout=ms(ENGINE_START))
    form = page.locator(FORM)
    assert not page_scrolls_sideways(page), page.viewport_size
    for city in record["cities"]:
        row = page.locator(f"{RESULT} tbody tr").filter(has_text=city["name"]).first
        expect_on_screen(page, row.get_by_role("rowheader", name=city["name"], exact=True), form)
        expect_on_screen(page, row.get_by_role("cell", name=city["fee_text"], exact=True), form)
    expect_on_screen(page, page.locator(f"{RESULT} tfoot tr"), form)


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_cities_table_fits_a_phone(visit, site, lang):
    """The example's table, then a pasted list with a caveat and a long name, at each width."""
    page = visit.page
    language = Language(lang)
    page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": PHONE_HEIGHT})
    page.goto(site.url(lang, "cities/"))
    assert not page_scrolls_sideways(page), page.viewport_size
    page.click('[data-action="example"]')
    example = quote_cities(example_text(language), {"country": "RUS"}, language)
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        expect_table_fits(page, example)

    page.fill("#multi-quote-cities", PASTED[lang])  # the example's country stays
    page.click(f'{FORM} button[type="submit"]')
    pasted = quote_cities(PASTED[lang], {"country": "RUS"}, language)
    (estimated,) = [city for city in pasted["cities"] if city["needs_confirmation"]]
    row = page.locator(f'{RESULT} tbody tr[data-city="{estimated["name"]}"]')
    expect(row.get_by_text(estimated["provenance_text"])).to_be_visible(timeout=ms(ENGINE_START))
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        expect_table_fits(page, pasted)
        expect_on_screen(page, row.get_by_text(estimated["provenance_text"]), page.locator(FORM))


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_fees_page_does_not_scroll_sideways_on_a_phone(visit, site, lang):
    """The schedule may scroll inside its own box; the page itself never does."""
    page = visit.page
    page.goto(site.url(lang, "fees/"))
    expect(page.locator(".wego-schedule__table").first).to_be_visible()
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        assert not page_scrolls_sideways(page), width


def test_the_first_result_after_a_submit_comes_into_view_on_a_phone(visit, site):
    """On a 390x844 phone the fees form is taller than the screen: Enter (a submit) brings the
    result into view once, without moving focus; typing never scrolls the page."""
    page = visit.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url("ru", "fees/"))
    page.focus("#fee-quote-population")
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "ready", timeout=ms(ENGINE_START)
    )
    result = page.locator("#fee-quote-result")
    fee = result.locator('p[data-kind="fee"]')
    page.fill("#fee-quote-gdp", "47 404,96")
    page.fill("#fee-quote-population", "624 518")
    expect(result).to_have_attribute("data-fee-usd", "7000")
    population = page.locator("#fee-quote-population")
    population.evaluate("field => field.scrollIntoView({block: 'start'})")
    expect(fee).not_to_be_in_viewport()  # the form is taller than the phone's screen

    page.press("#fee-quote-population", "Enter")
    expect(fee).to_be_in_viewport()
    assert page.evaluate("document.activeElement.id") == "fee-quote-population"

    # Typing on: each new result leaves the page where the reader put it.
    population.evaluate("field => field.scrollIntoView({block: 'start'})")
    scrolled = page.evaluate("window.scrollY")
    page.fill("#fee-quote-population", "1 308 660")
    expect(result).not_to_have_attribute("data-fee-usd", "7000")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") == scrolled
    expect(fee).not_to_be_in_viewport()
