"""The fee widget's handling of odd input: long pastes and hand-edited links."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from calculator import Language, answer

from .timeouts import ENGINE_START, ms

pytestmark = pytest.mark.browser


def test_a_48_character_population_is_reported_as_too_long(visit, site):
    """A long paste reaches the engine whole: "too long", not "misplaced separators"."""
    page = visit.page
    population = "9,999," * 8
    assert len(population) == 48
    page.goto(site.url("en", "fees/"))
    page.fill("#fee-quote-population", population)
    expect(page.locator("#fee-quote-population")).to_have_value(population)
    page.fill("#fee-quote-gdp", "1000")
    page.press("#fee-quote-gdp", "Enter")
    error = page.locator('[data-error-for="population"]')
    expected = answer({"population": population, "gdp": "1000"}, Language.EN)["error"]
    assert expected["code"] == "too_long"
    expect(error).to_have_attribute("data-error-code", "too_long", timeout=ms(ENGINE_START))
    expect(error).to_have_text(expected["message"])


def test_an_unknown_category_in_a_link_keeps_the_default(visit, site):
    """?category=bogus leaves "Full Member" checked rather than no category at all."""
    page = visit.page
    page.goto(site.url("en", "fees/", "?population=624518&gdp=47404&category=bogus"))
    expect(page.locator("#fee-quote")).to_have_attribute(
        "data-engine", "ready", timeout=ms(ENGINE_START)
    )
    expect(page.locator("input[name=category][value=full]")).to_be_checked()
    expect(page.locator("input[name=category]:checked")).to_have_count(1)
    expect(page.locator("#fee-quote-result")).to_have_attribute("data-fee-usd", "7000")


def test_the_address_follows_typing_once_it_pauses_and_at_once_on_a_click(visit, site):
    """While the reader types, each result shows first and the address follows when typing
    pauses; a language link clicked straight after typing still carries the latest inputs."""
    page = visit.page
    page.goto(site.url("en", "fees/", "?population=624518&gdp=47404"))
    result = page.locator("#fee-quote-result")
    expect(result).to_have_attribute("data-fee-usd", "7000", timeout=ms(ENGINE_START))
    expect(page).to_have_url(re.compile(r"fees/\?population=624518&gdp=47404$"))

    page.fill("#fee-quote-population", "6245180")  # typed: an input event, like a keystroke
    expected = answer({"population": "6245180", "gdp": "47404"}, Language.EN)["fee_usd"]
    expect(result).to_have_attribute("data-fee-usd", str(expected))
    expect(page).to_have_url(re.compile(r"fees/\?population=6245180&gdp=47404$"))

    page.fill("#fee-quote-gdp", "999")
    expected = answer({"population": "6245180", "gdp": "999"}, Language.EN)["fee_usd"]
    expect(result).to_have_attribute("data-fee-usd", str(expected))
    # Straight to Russian, before typing has paused: the click writes the pending address.
    page.locator('a.md-select__link[hreflang="ru"]').dispatch_event("click")
    page.wait_for_url(re.compile(r"/fees/\?population=6245180&gdp=999$"))
    expect(result).to_have_attribute("data-fee-usd", str(expected), timeout=ms(ENGINE_START))
