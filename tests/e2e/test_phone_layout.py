"""The calculator pages on a phone (320 to 390 CSS pixels wide), in Chromium: the page never
scrolls sideways, the fee schedule scrolls inside its own box with its row labels in place, and
every city's name and fee and the total are on the screen, inside the form, without scrolling
sideways."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

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

#: In one round trip: each element (name: selector, text) that is not shown, or not inside both
#: the viewport's width and the form's box, as "<name> <text>: <why>".
OFF_SCREEN = """([form, wanted]) => {
  const outer = document.querySelector(form).getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const [name, selector, text] of wanted) {
    const cell = [...document.querySelectorAll(selector)]
      .find((node) => text === null || node.textContent.trim() === text);
    if (!cell) { found.push(`${name} ${text}: missing`); continue; }
    const box = cell.getBoundingClientRect();
    const style = getComputedStyle(cell);
    if (box.width === 0 || box.height === 0 || style.visibility === "hidden") {
      found.push(`${name} ${text}: not shown`);
    }
    if (box.left < 0 || box.right > width) found.push(`${name} ${text}: off the screen`);
    if (box.left < outer.left || box.right > outer.right) {
      found.push(`${name} ${text}: outside the form`);
    }
  }
  return found;
}"""


def page_scrolls_sideways(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))


def expect_table_fits(page: Page, record: dict[str, Any], extra: list[list[Any]]) -> None:
    """No sideways scroll; each city's name and fee (as the engine wrote them), the total row
    and ``extra`` ([name, selector, text]) on screen, inside the form."""
    rows = page.locator(f"{RESULT} tbody tr[data-city]")
    expect(rows).to_have_count(len(record["cities"]), timeout=ms(ENGINE_START))
    assert not page_scrolls_sideways(page), page.viewport_size
    wanted: list[list[Any]] = [["total", f"{RESULT} tfoot tr", None], *extra]
    for city in record["cities"]:
        row = f'{RESULT} tbody tr[data-city="{city["name"]}"]'
        wanted.append(["name", f"{row} th", city["name"]])
        wanted.append(["fee", f"{row} td", city["fee_text"]])
    assert page.evaluate(OFF_SCREEN, [FORM, wanted]) == [], page.viewport_size


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
        expect_table_fits(page, example, [])

    page.fill("#multi-quote-cities", PASTED[lang])  # the example's country stays
    page.click(f'{FORM} button[type="submit"]')
    pasted = quote_cities(PASTED[lang], {"country": "RUS"}, language)
    (estimated,) = [city for city in pasted["cities"] if city["needs_confirmation"]]
    row = page.locator(f'{RESULT} tbody tr[data-city="{estimated["name"]}"]')
    expect(row.get_by_text(estimated["provenance_text"])).to_be_visible(timeout=ms(ENGINE_START))
    caveat = f'{RESULT} tbody tr[data-city="{estimated["name"]}"] *'
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        expect_table_fits(page, pasted, [["caveat", caveat, estimated["provenance_text"]]])


def test_the_fee_schedule_on_a_phone(visit, site):
    """The fees page never scrolls sideways at any phone width; at 390 px the schedule's row
    labels stay while its fees scroll, and its notes are outside the scroller; the categories
    page's table fits too."""
    page = visit.page
    page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": PHONE_HEIGHT})
    page.goto(site.url("ru", "fees/"))
    table = page.locator(".wego-schedule__table")
    expect(table).to_be_visible()
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        assert not page_scrolls_sideways(page), width

    page.set_viewport_size({"width": 390, "height": 844})
    table.scroll_into_view_if_needed()
    label = page.locator(".wego-schedule__table tbody th").first
    before = label.bounding_box()
    assert before is not None
    assert table.evaluate("t => t.scrollWidth > t.clientWidth"), "the fees scroll in their box"
    table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
    assert table.evaluate("t => t.scrollLeft") > 0
    after = label.bounding_box()
    assert after is not None
    assert after["x"] == before["x"], "the row label stays"
    notes = page.locator(".wego-schedule__notes")
    assert notes.evaluate("n => !n.closest('.wego-schedule__table')"), "notes outside"
    box = notes.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= 390, "the notes fit"

    page.goto(site.url("ru", "categories/"))
    box = page.locator("article table").first.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 390, "the categories table fits"


def test_the_first_result_after_a_submit_comes_into_view_on_a_phone(visit, site):
    """The English fees page never scrolls sideways at any phone width. On a 390x844 phone the
    fees form is taller than the screen: Enter (a submit) brings the result into view once,
    without moving focus; typing never scrolls the page."""
    page = visit.page
    page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": PHONE_HEIGHT})
    page.goto(site.url("en", "fees/"))
    page.focus("#fee-quote-population")
    expect(page.locator(".wego-schedule__table").first).to_be_visible()
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        assert not page_scrolls_sideways(page), width

    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "ready", timeout=ms(ENGINE_START)
    )
    result = page.locator("#fee-quote-result")
    fee = result.locator('p[data-kind="fee"]')
    page.fill("#fee-quote-gdp", "47,404.96")
    page.fill("#fee-quote-population", "624,518")
    expect(result).to_have_attribute("data-fee-usd", "7000")
    population = page.locator("#fee-quote-population")
    population.evaluate("field => field.scrollIntoView({block: 'start'})")
    expect(fee, "the form is taller than the screen").not_to_be_in_viewport()

    page.press("#fee-quote-population", "Enter")
    expect(fee, "a submit brings the result into view").to_be_in_viewport()
    assert page.evaluate("document.activeElement.id") == "fee-quote-population", "focus stays"

    # Typing on: each new result leaves the page where the reader put it.
    population.evaluate("field => field.scrollIntoView({block: 'start'})")
    scrolled = page.evaluate("window.scrollY")
    page.fill("#fee-quote-population", "1,308,660")
    expect(result).not_to_have_attribute("data-fee-usd", "7000")
    expect(result).to_have_attribute("data-fee-usd", re.compile(r"\d+"))
    # A scroll would be started with the result (block: "nearest", no animation): two frames on
    # it is done.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate("window.scrollY") == scrolled, "typing scrolled the page"
    expect(fee).not_to_be_in_viewport()
