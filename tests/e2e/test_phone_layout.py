"""The fees page on a phone (320 to 390 CSS pixels wide), in Chromium: the page never scrolls
sideways, the fee schedule scrolls inside its own box with its row labels in place, and a
submit brings the result into view. The cities table on a phone (every city's name, fee and
caveat and the total on the screen, inside the form) is checked in the several-cities journeys
of tests/e2e/test_multi_quote.py, with tests/e2e/quote_phone.py.

The fees page is the session's started one (``started_fees_page``), narrowed to a phone and
widened back after: the layout follows the viewport's width, not how the page was opened, so a
page of its own (a load and an engine start) would prove nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Page, expect

from .quote_phone import PHONE_HEIGHT, PHONE_WIDTHS, page_scrolls_sideways

pytestmark = pytest.mark.browser


@contextmanager
def on_a_phone(page: Page) -> Iterator[Page]:
    """``page`` at the narrowest phone width; after the test, at its own size again, scrolled
    to the top, with the schedule scrolled back, as the next test sharing it expects."""
    size = page.viewport_size
    assert size is not None
    page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": PHONE_HEIGHT})
    try:
        yield page
    finally:
        page.set_viewport_size(size)
        page.evaluate(
            """() => {
                for (const box of document.querySelectorAll(".wego-schedule__table")) {
                    box.scrollLeft = 0;
                }
                window.scrollTo(0, 0);
            }"""
        )


def test_the_fee_schedule_on_a_phone(started_fees_page, visit, site):
    """The fees page never scrolls sideways at any phone width; at 390 px the schedule's row
    labels stay while its fees scroll, and its notes are outside the scroller; the categories
    page's table fits too."""
    with on_a_phone(started_fees_page("ru")) as page:
        expect_the_schedule_fits(page)

    page = visit.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url("ru", "categories/"))
    box = page.locator("article table").first.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 390, "the categories table fits"


def expect_the_schedule_fits(page: Page) -> None:
    """No sideways scroll at any phone width; at 390 px the schedule's fees scroll in their
    box, its row labels stay, its notes are outside the scroller and fit."""
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


def test_the_first_result_after_a_submit_comes_into_view_on_a_phone(started_fees_page):
    """The English fees page never scrolls sideways at any phone width. On a 390x844 phone the
    fees form is taller than the screen: Enter (a submit) brings the result into view once,
    without moving focus; typing never scrolls the page."""
    with on_a_phone(started_fees_page("en")) as page:
        expect_a_submit_brings_the_result_into_view(page)


def expect_a_submit_brings_the_result_into_view(page: Page) -> None:
    """No sideways scroll at any phone width; at 390x844 Enter brings the result into view,
    focus stays, and typing on moves nothing."""
    expect(page.locator(".wego-schedule__table").first).to_be_visible()
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        assert not page_scrolls_sideways(page), width

    page.set_viewport_size({"width": 390, "height": 844})
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
