"""The country field of the quote widget, in Chromium: pick a country (by a name in either
language, or its code), get its GDP filled in from the World Bank data in the engine (Pyodide),
see the source, override it, share it.

Headless Chromium cannot click into the native <datalist> popup, so a test types part of a
name, checks the datalist offers the country, then does what choosing a suggestion does: the
field's value becomes the option's value, with an input event (Playwright's ``fill``).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from calculator import Language, answer

from .axe import axe_violations
from .timeouts import ENGINE_START, ms

pytestmark = pytest.mark.browser

RESULT = "#fee-quote-result"
COUNTRY = "#fee-quote-country"
GDP = "#fee-quote-gdp"
NOTE = "[data-gdp-source]"

#: Per language: what the reader types, the name they pick, how the page writes the figures.
READER = {
    "ru": {
        "typed": "Рос",
        "name": "Россия",
        "population": "624 518",
        "gdp_text": "47\u00a0404,96",
        "fee_text": "7\u00a0000\u00a0$",
        "source": "Всемирный банк, 2024",
        "caveat": "МВФ",
        "credit": "CC BY 4.0",
    },
    "en": {
        "typed": "Rus",
        "name": "Russia",
        "population": "624,518",
        "gdp_text": "47,404.96",
        "fee_text": "$7,000",
        "source": "World Bank, 2024",
        "caveat": "IMF",
        "credit": "CC BY 4.0",
    },
}


def fees_url(site, lang, query=""):
    return site.url(lang, "fees/", query)


def suggestions(page: Page, typed: str) -> list[str]:
    """The datalist options a browser would suggest for the text typed (name or label)."""
    return page.eval_on_selector_all(
        "#fee-quote-country-list option",
        """(options, typed) => options
            .filter(o => (o.value + " " + o.label).toLowerCase().includes(typed.toLowerCase()))
            .map(o => o.value)""",
        typed,
    )


def pick_country(page: Page, typed: str, name: str) -> None:
    """Type part of a name, check the suggestion is offered, choose it."""
    field = page.locator(COUNTRY)
    field.click()
    field.press_sequentially(typed)
    assert name in suggestions(page, typed)
    field.fill(name)


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def address_query(page: Page, **params: str) -> dict[str, list[str]]:
    """The address's query once it carries ``params``: while the reader types, the address
    follows the result when typing pauses, not with every keystroke."""
    lookaheads = "".join(
        rf"(?=(?:[^#]*&)?{re.escape(name)}={re.escape(value)}(?:&|#|$))"
        for name, value in params.items()
    )
    expect(page).to_have_url(re.compile(rf"\?{lookaheads}"))
    return query_of(page.url)


def expect_picked_russia(page: Page, reader: dict[str, str], lang: str) -> None:
    """Russia picked with the population typed: the quote, the GDP field filled with the
    World Bank's figure, its note with source, year, caveat and credit (the caveat and the
    credit folded away until asked for)."""
    result = page.locator(RESULT)
    expect(result, "the quote").to_have_attribute("data-fee-usd", "7000")
    expect(result).to_contain_text(reader["fee_text"])
    expect(page.locator(GDP), "the figure filled in").to_have_value(reader["gdp_text"])
    note = page.locator(NOTE)
    expect(note).to_be_visible()
    expect(note).to_have_attribute("data-origin", "world_bank")
    expect(note).to_have_attribute("data-year", "2024")
    expect(note).to_contain_text(reader["source"])
    expect(note).to_contain_text(reader["caveat"])
    expect(note).to_contain_text(reader["credit"])
    record = answer({"population": reader["population"], "country": "RUS"}, Language(lang))
    expect(note).to_contain_text(record["gdp_source"]["caveat"])
    expect(note).to_contain_text(record["gdp_source"]["credit"])
    # The figure's source and year stay in view; the caveat and the credit open on request.
    credit = note.locator(".wego-quote__gdp-source-credit")
    expect(note.get_by_text(reader["source"]), "source in view").to_be_visible()
    expect(credit, "credit folded").to_be_hidden()
    note.locator("summary").click()
    expect(credit, "credit on request").to_be_visible()
    expect(note.locator(".wego-quote__gdp-source-caveat")).to_be_visible()


def test_a_linked_unknown_code_then_a_picked_country_then_a_typed_code(visit, site):
    """In English: a link's unknown code is a coded error at the country field; picking Russia
    from the suggestions gives the quote and its source, and the address carries the country,
    not the looked-up number; a code typed in capitals is picked."""
    reader = READER["en"]
    page = visit.page
    page.goto(fees_url(site, "en", "?population=624518&country=ZZZ"))
    error = page.locator('[data-error-for="country"]')
    expect(error, "an unknown code").to_have_attribute(
        "data-error-code", "unknown_country", timeout=ms(ENGINE_START)
    )
    expect(page.locator(COUNTRY)).to_have_attribute("aria-invalid", "true")

    page.fill(COUNTRY, "")
    pick_country(page, reader["typed"], reader["name"])
    expect_picked_russia(page, reader, "en")
    expect(error, "the error went with the code").to_be_hidden()
    query = address_query(page, country="RUS")
    assert query["country"] == ["RUS"]
    assert "gdp" not in query, "the looked-up number stays out of the link"

    page.fill(COUNTRY, "KAZ")
    page.press(COUNTRY, "Tab")
    expect(page.locator(COUNTRY), "a typed code is picked").to_have_value("Kazakhstan")
    expect(page.locator(NOTE)).to_contain_text("World Bank, 2024")
    assert address_query(page, country="KAZ")["country"] == ["KAZ"]


def test_a_linked_country_then_a_typed_figure_wins_and_the_link_keeps_both(visit, site):
    """In Russian: a link with the population and a country gives the quote, with the World
    Bank's figure and its source filled in; editing the figure overrides it and the note says
    so, and the address carries both; clearing one's own figure brings the World Bank's back.
    (A link with a country and the reader's figure restores both: the link journey of
    tests/e2e/test_fee_quote.py.)"""
    reader = READER["ru"]
    page = visit.page
    page.goto(fees_url(site, "ru", "?population=624518&country=RUS"))
    expect(page.locator(RESULT), "the link quotes").to_have_attribute(
        "data-fee-usd", "7000", timeout=ms(ENGINE_START)
    )
    expect(page.locator(COUNTRY), "the country by its name").to_have_value(reader["name"])
    expect(page.locator("#fee-quote-population")).to_have_value("624\u00a0518")
    expect_picked_russia(page, reader, "ru")
    # The note's markup is the same in either language: axe judges it once, here.
    assert axe_violations(page, "#fee-quote") == [], "the form with a World Bank note"

    page.fill(GDP, "5 000")
    expect(page.locator(RESULT), "the typed figure wins").to_have_attribute("data-fee-usd", "1300")
    note = page.locator(NOTE)
    expect(note).to_have_attribute("data-origin", "reader")
    expect(note).to_contain_text("введён вами")
    query = address_query(page, country="RUS", gdp="5000")
    assert (query["country"], query["gdp"]) == (["RUS"], ["5000"])

    page.fill(GDP, "")
    expect(page.locator(GDP), "the World Bank's figure is back").to_have_value(reader["gdp_text"])
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")
    expect(note).to_have_attribute("data-origin", "world_bank")


def test_another_country_replaces_the_figure(started_fees_page):
    """Picking a second country fills in its own figure and year (a fallback is explained)."""
    page = started_fees_page("en")
    page.fill("#fee-quote-population", "624518")
    page.fill(COUNTRY, "Russia")
    expect(page.locator(GDP)).to_have_value("47,404.96")
    page.fill(COUNTRY, "")
    expect(page.locator(GDP)).to_have_value("")
    expect(page.locator(NOTE)).to_be_hidden()
    pick_country(page, "Afgh", "Afghanistan")
    record = answer({"population": "624518", "country": "AFG"}, Language.EN)
    expect(page.locator(GDP)).to_have_value(record["gdp_source"]["value_text"])
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", str(record["fee_usd"]))
    note = page.locator(NOTE)
    expect(note).to_contain_text("World Bank, 2023")
    expect(note).to_contain_text(
        "GDP for 2024 is not in the data; the latest earlier year, 2023, is used."
    )
    assert address_query(page, country="AFG")["country"] == ["AFG"]


def test_country_without_data_asks_for_the_figure(started_fees_page):
    """Taiwan is listed, marked as without data; picking it asks for the GDP (the note needs
    no engine: the list says "no data"), and the form with that note passes axe (judged on the
    English page: the markup is the same in either language); a population then gets an error
    naming the country; typing the figure quotes."""
    page = started_fees_page("ru")
    note = page.locator(NOTE)
    expect(page.locator('#fee-quote-country-list option[data-code="TWN"]')).to_have_attribute(
        "label", "TWN — нет данных Всемирного банка, введите ВВП вручную"
    )
    page.fill(COUNTRY, "Тайвань")
    expect(note).to_have_text(
        "Тайвань: в данных Всемирного банка нет ВВП на душу населения (ППС) — введите его "
        "в поле выше сами."
    )
    expect(note).to_have_attribute("data-origin", "none")

    page = started_fees_page("en")
    note = page.locator(NOTE)
    option = page.locator('#fee-quote-country-list option[data-code="TWN"]')
    expect(option).to_have_attribute("data-no-data", "")
    expect(option).to_have_attribute("label", re.compile("TWN — "))
    pick_country(page, "Taiw", "Taiwan")
    expect(note).to_have_attribute("data-origin", "none")
    expect(note).to_contain_text("Taiwan: the World Bank data have no")
    expect(page.locator(GDP)).to_have_value("")
    assert axe_violations(page, "#fee-quote") == [], "the form with a no-data note"

    page.fill("#fee-quote-population", "624518")
    error = page.locator('[data-error-for="gdp"]')
    expect(error).to_have_attribute("data-error-code", "no_country_data")
    expect(error).to_contain_text("this country (Taiwan)")
    expect(error).not_to_contain_text("TWN")

    page.fill(GDP, "30,000")
    expect(page.locator(RESULT)).to_have_attribute("data-fee-usd", "7000")
    expect(note).to_have_attribute("data-origin", "reader")
    assert address_query(page, country="TWN")["country"] == ["TWN"]


# --- Defects found trying the site as a new reader -----------------------------------------


def leave_field_with(page: Page, typed: str) -> None:
    page.fill(COUNTRY, typed)
    page.press(COUNTRY, "Tab")


def test_three_letters_are_not_guessed_as_a_code(started_fees_page):
    """ "Aus" + Tab asks (Australia or Austria?) instead of picking Australia; "AUT" is a code."""
    page = started_fees_page("en")
    suggest = page.locator("[data-country-suggest]")
    for typed in ("Aus", "Ind", "Bel", "Tur", "Mar"):
        leave_field_with(page, typed)
        expect(page.locator(COUNTRY)).to_have_value(typed)
        expect(suggest).to_be_visible()
        expect(suggest).to_contain_text(f"“{typed}” is not a full country name")
    expect(suggest).to_contain_text("Did you mean: Morocco, Marshall Islands")
    leave_field_with(page, "Aus")
    expect(suggest).to_contain_text("Australia")
    expect(suggest).to_contain_text("Austria")
    leave_field_with(page, "AUT")
    expect(page.locator(COUNTRY)).to_have_value("Austria")
    expect(suggest).to_be_hidden()


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        (
            "en",
            {
                "Turkey": "Türkiye",
                "UK": "United Kingdom",
                "Czech Republic": "Czechia",
                "Ivory Coast": "Côte d'Ivoire",
                "United States of America": "United States",
                "USA": "United States",
            },
        ),
        (
            "ru",
            {
                "Кыргызстан": "Киргизия",
                "Белоруссия": "Беларусь",
                "Молдова": "Молдавия",
                "Туркмения": "Туркменистан",
                "Соединённые Штаты Америки": "США",
                "Кот-д\u2019Ивуар": "Кот-д'Ивуар",
            },
        ),
    ],
)
def test_common_and_older_names_resolve(started_fees_page, lang, names):
    """Common, older and official names pick the country (the page's list does it, not the
    engine)."""
    page = started_fees_page(lang)
    for typed, name in names.items():
        leave_field_with(page, typed)
        expect(page.locator(COUNTRY)).to_have_value(name)
        expect(page.locator("[data-country-suggest]")).to_be_hidden()


def test_approval_year_and_data_agree(started_fees_page):
    """Russia for a 2012 approval gets the 2012 figure; a year without data clears the figure
    and the message names the country, not its code."""
    page = started_fees_page("en")
    page.fill("#fee-quote-population", "624518")
    page.fill(COUNTRY, "Russia")
    year = page.locator("#fee-quote-approval-year")
    for approval in ("2015", "2012"):
        record = answer(
            {"population": "624518", "country": "RUS", "approval_year": approval}, Language.EN
        )
        year.fill(approval)
        expect(page.locator(GDP)).to_have_value(
            record["gdp_source"]["value_text"], timeout=ms(ENGINE_START)
        )
        expect(page.locator(NOTE)).to_have_attribute("data-year", approval)
    leave_field_with(page, "Djibouti")
    year.fill("2011")
    error = page.locator('[data-error-for="gdp"]')
    expect(error).to_have_attribute("data-error-code", "no_country_data_for_year")
    expect(error).to_contain_text("for 2011 for this country (Djibouti)")
    expect(error).not_to_contain_text("DJI")
    expect(page.locator(GDP)).to_have_value("")


def test_typing_an_approval_year_keeps_the_figure_until_the_year_is_valid(started_fees_page):
    """A GDP figure is replaced only by another figure: while the year is half-typed (2, 20,
    202) or out of range (1990), the 2024 figure and its note stay; a valid year brings that
    year's figure."""
    page = started_fees_page("en")
    page.fill("#fee-quote-population", "624518")
    page.fill(COUNTRY, "Russia")
    latest = answer({"population": "624518", "country": "RUS"}, Language.EN)["gdp_source"]
    gdp, note = page.locator(GDP), page.locator(NOTE)
    expect(gdp).to_have_value(latest["value_text"], timeout=ms(ENGINE_START))
    year = page.locator("#fee-quote-approval-year")
    year_error = page.locator('[data-error-for="approval_year"]')
    for key in "202":
        year.press(key)
        expect(gdp).to_have_value(latest["value_text"])
    expect(year_error).to_have_attribute("data-error-code", "invalid_year")
    for typed in ("1990", "19"):
        year.fill(typed)
        expect(year_error).to_have_attribute("data-error-code", "invalid_year")
        expect(gdp).to_have_value(latest["value_text"])
        expect(note).to_have_attribute("data-year", str(latest["year"]))
        expect(note).to_contain_text(latest["text"])
    year.fill("2015")
    in_2015 = answer(
        {"population": "624518", "country": "RUS", "approval_year": "2015"}, Language.EN
    )["gdp_source"]
    expect(gdp).to_have_value(in_2015["value_text"])
    expect(note).to_have_attribute("data-year", "2015")
    expect(year_error).to_be_hidden()


# --- A name in the other language (which names resolve: tests/sitebuild/test_country_names.py)

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
