"""The fees page on a phone (320 to 390 CSS pixels wide), in Chromium: the page never scrolls
sideways, the fee schedule scrolls inside its own box with its row labels in place, and a
submit brings the result into view. The cities table on a phone (every city's name, fee and
caveat and the total on the screen, inside the form) is checked in the several-cities journeys
of tests/e2e/test_multi_quote.py, with tests/e2e/quote_phone.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .quote_phone import PHONE_HEIGHT, PHONE_WIDTHS, page_scrolls_sideways
from .waits import expect_engine_ready

pytestmark = pytest.mark.browser


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
    expect_engine_ready(page)
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
