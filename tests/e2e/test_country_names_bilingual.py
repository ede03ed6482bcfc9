"""The country field takes a name in either language on either page, in Chromium: the field
then shows the country under its name in the page's language and the GDP is filled in.

Which names resolve is proved in tests/sitebuild/test_country_names.py; this proves the page
reads them from its list and does what a reader sees.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from calculator import Language, answer

from .timeouts import ENGINE_START, ms

pytestmark = pytest.mark.browser

COUNTRY = "#fee-quote-country"
GDP = "#fee-quote-gdp"
RESULT = "#fee-quote-result"
POPULATION = {"ru": "624 518", "en": "624,518"}

#: Per page: what a reader types in the other language (or its short form), the name the
#: field then shows, and the country's code.
OTHER_LANGUAGE = {
    "ru": [
        ("Russia", "Россия", "RUS"),
        ("Turkey", "Турция", "TUR"),
        ("Kazakhstan", "Казахстан", "KAZ"),
        ("РФ", "Россия", "RUS"),
        ("USA", "США", "USA"),
    ],
    "en": [
        ("Россия", "Russia", "RUS"),
        ("США", "United States", "USA"),
        ("Кыргызстан", "Kyrgyzstan", "KGZ"),
        ("Турция", "Türkiye", "TUR"),
    ],
}


@pytest.mark.parametrize("lang", list(OTHER_LANGUAGE))
def test_names_in_the_other_language_pick_the_country(started_fees_page, lang):
    """Typed and left with Tab: the page's own name replaces it, the GDP and fee follow."""
    page = started_fees_page(lang)
    page.fill("#fee-quote-population", POPULATION[lang])
    for typed, shown, code in OTHER_LANGUAGE[lang]:
        page.fill(COUNTRY, typed)
        page.press(COUNTRY, "Tab")
        expect(page.locator(COUNTRY)).to_have_value(shown)
        expect(page.locator("[data-country-suggest]")).to_be_hidden()
        record = answer({"population": "624518", "country": code}, Language(lang))
        expect(page.locator(GDP)).to_have_value(
            record["gdp_source"]["value_text"], timeout=ms(ENGINE_START)
        )
        expect(page.locator(RESULT)).to_have_attribute(
            "data-fee-usd", str(record["fee_usd"]), timeout=ms(ENGINE_START)
        )
