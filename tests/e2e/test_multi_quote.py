"""The several-cities page in Chromium: a list to a table of fees from the engine under Pyodide."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect

from calculator import Language, quote_cities
from sitebuild.city_examples import example_text, tatarstan_cities
from sitebuild.multi_quote_form import MAX_LINK_CITIES, script_messages
from tests.e2e.axe import axe_violations
from tests.pages import LANGS

from .timeouts import ENGINE_START, ms

pytestmark = pytest.mark.browser

FORM = "#multi-quote"
LIST = "#multi-quote-cities"
RESULT = "#multi-quote-result"
BOM = b"\xef\xbb\xbf"

#: A list per language as a reader would paste it: tab, semicolon, comma, a quoted name with a
#: separator inside, and a city in a cell the source leaves empty (an estimate with a caveat).
LISTS = {
    "ru": 'Казань\t1 308 660\nНабережные Челны; 548 434\n"Город; N", 12 000 000\nЕлабуга,74 000',
    "en": 'Kazan\t1,308,660\nNaberezhnye Chelny; 548,434\n"Town, N"; 12,000,000\nYelabuga,74000',
}
GDP = {"ru": "5 000", "en": "5,000"}
#: A bad second line, and a name that looks like markup: it must stay text.
BAD_LISTS = {
    "ru": "Казань\t1 308 660\nНигде; много\n<b>Елабуга</b>; 74 000",
    "en": "Kazan\t1,308,660\nNowhere; many\n<b>Yelabuga</b>; 74,000",
}


def cities_url(site, lang, query=""):
    return site.url(lang, "cities/", query)


def wait_ready(page: Page) -> None:
    expect(page.locator(FORM)).to_have_attribute("data-engine", "ready", timeout=ms(ENGINE_START))


def submit(page: Page, cities: str, gdp: str | None = None) -> None:
    page.fill(LIST, cities)
    if gdp is not None:
        page.fill("#fee-quote-gdp", gdp)
    page.click(f'{FORM} button[type="submit"]')


def expect_record(page: Page, record: dict) -> None:
    """Every city's row, fee and band, and the total, as the engine computed them."""
    rows = page.locator(f"{RESULT} tbody tr[data-city]")
    expect(rows).to_have_count(len(record["cities"]))
    for index, city in enumerate(record["cities"]):
        row = rows.nth(index)
        expect(row).to_have_attribute("data-city", city["name"])
        expect(row).to_have_attribute("data-fee-usd", str(city["fee_usd"]))
        expect(row).to_contain_text(city["fee_text"])
        expect(row).to_contain_text(city["population_text"])
        expect(row).to_contain_text(city["population_band"]["label"])
    total = page.locator(f"{RESULT} [data-total-usd]").first
    expect(total).to_have_attribute("data-total-usd", str(record["total_usd"]))
    shown = page.locator(f"{RESULT} p[data-kind]")
    expect(shown).to_have_count(len(record["lines"]))
    for index, line in enumerate(record["lines"]):
        expect(shown.nth(index)).to_have_attribute("data-kind", line["kind"])
        expect(shown.nth(index)).to_have_text(line["text"])
    expect_columns(page, record)


def schedule_date_line(record: dict) -> str:
    """The engine's line saying which fee schedule the fees are from."""
    (text,) = [line["text"] for line in record["lines"] if line["kind"] == "schedule_date"]
    return str(text)


def expect_columns(page: Page, record: dict) -> None:
    """Every cell of the table (head, body, total) names its column, in the engine's order."""
    keys = [column["key"] for column in record["columns"]]
    rows = page.locator(f"{RESULT} table tr")
    expect(rows).to_have_count(len(record["cities"]) + 2)
    for index in range(rows.count()):
        cells = rows.nth(index).locator("th, td")
        assert cells.evaluate_all("cells => cells.map(c => c.dataset.column)") == keys, index


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_pasted_list_gives_every_fee_the_total_a_csv_and_one_printed_page(visit, site, lang):
    """Paste, quote, see each fee and the total; a bad line by number; CSV; print; axe."""
    page = visit.page
    language = Language(lang)
    messages = script_messages(lang)
    page.goto(cities_url(site, lang))
    assert [url for url in visit.requests if "/assets/pyodide/" in url] == []
    page.focus(LIST)  # the engine starts when the reader turns to the form
    wait_ready(page)

    submit(page, LISTS[lang], GDP[lang])
    record = quote_cities(LISTS[lang], {"gdp": GDP[lang]}, language)
    expect_record(page, record)
    estimated = [c for c in record["cities"] if c["needs_confirmation"]]
    assert estimated
    for city in estimated:
        expect(page.locator(f'{RESULT} tr[data-city="{city["name"]}"]')).to_contain_text(
            city["provenance_text"]
        )
    for caveat in record["caveats"]:
        expect(page.locator(RESULT)).to_contain_text(caveat)
    expect(page.locator(RESULT)).to_contain_text(messages["unofficial"])
    page.mouse.move(0, 0)  # judge the page at rest, not the button under the pointer
    page.evaluate("document.activeElement.blur()")
    assert axe_violations(page) == []

    # The CSV: UTF-8 with a BOM, columns in the page's language, one row per city and a total.
    with page.expect_download() as download_info:
        page.click('[data-action="download-csv"]')
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(BOM)
    rows = list(
        csv.reader(io.StringIO(data[3:].decode("utf-8")), delimiter=messages["csv_delimiter"])
    )
    keys = [column["key"] for column in record["columns"]]
    fee = keys.index("fee")
    assert rows[0] == [column["label"] for column in record["columns"]]
    assert [row[0] for row in rows[1:-2]] == [c["name"] for c in record["cities"]]
    assert [int(row[fee]) for row in rows[1:-2]] == [c["fee_usd"] for c in record["cities"]]
    assert rows[-2][0] == record["total_row"]["label"]
    assert int(rows[-2][fee]) == record["total_usd"]
    # Last, which fee schedule the fees are from, as the engine says it.
    assert rows[-1] == [schedule_date_line(record)] + [""] * (len(keys) - 1)
    assert re.fullmatch(r"wego-[a-z]+-\d{4}-\d\d-\d\d\.csv", download_info.value.suggested_filename)

    # A bad line: reported by its number with the engine's code; the others still quoted.
    submit(page, BAD_LISTS[lang])
    record = quote_cities(BAD_LISTS[lang], {"gdp": GDP[lang]}, language)
    expect_record(page, record)
    error = page.locator(f'{RESULT} li[data-line="2"]')
    expect(error).to_have_attribute("data-error-code", "not_a_number")
    expect(error).to_have_text(record["errors"][0]["text"])
    expect(page.locator(RESULT)).to_contain_text(record["left_out_text"])
    expect(page.locator(f"{RESULT} tbody th").last).to_have_text(record["cities"][-1]["name"])
    expect(page.locator(f"{RESULT} b")).to_have_count(0)

    # With an approval year: the first fee year and the GDP year.
    page.fill("#fee-quote-approval-year", "2026")
    page.click(f'{FORM} button[type="submit"]')
    record = quote_cities(BAD_LISTS[lang], {"gdp": GDP[lang], "approval_year": "2026"}, language)
    expect(page.locator(RESULT)).to_contain_text(record["timeline"])
    assert "2027" in record["timeline"]

    # Print: one dated A4 page with the caveats and the unofficial line.
    submit(page, LISTS[lang])
    expect(page.locator(f"{RESULT} tbody tr")).to_have_count(4)
    page.emulate_media(media="print")
    expect(page.locator(".wego-multi__dated")).to_be_visible()
    expect(page.locator(LIST)).to_be_hidden()
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_example_fills_the_list_and_the_link_round_trips(browser, site, lang):
    """The Tatarstan example quotes at once; the link brings it back; >50 cities are refused."""
    context = browser.new_context(locale="ru-RU", service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    language = Language(lang)
    messages = script_messages(lang)
    try:
        page.goto(cities_url(site, lang))
        page.click('[data-action="example"]')
        expect(page.locator(LIST)).to_have_value(example_text(language))
        wait_ready(page)
        record = quote_cities(example_text(language), {"country": "RUS"}, language)
        assert len(record["cities"]) == len(tatarstan_cities())
        expect_record(page, record)
        expect(page.locator("#fee-quote-country")).to_have_value(
            "Россия" if lang == "ru" else "Russia"
        )

        page.click('[data-action="copy-link"]')
        expect(page.locator("[data-status]")).to_have_text(messages["link_copied"])
        link = page.evaluate("navigator.clipboard.readText()")
        assert link == page.url
        assert parse_qs(urlsplit(link).query)["cities"] == [example_text(language)]

        page.goto(link)  # the link alone brings back the list and its estimate
        expect(page.locator(LIST)).to_have_value(example_text(language))
        wait_ready(page)
        expect_record(page, record)

        too_long = "\n".join(f"C{n}; {1000 + n}" for n in range(MAX_LINK_CITIES + 1))
        submit(page, too_long)
        expect(page.locator(f"{RESULT} tbody tr")).to_have_count(MAX_LINK_CITIES + 1)
        # 51 in words: «51 город» (the "one" form in Russian), "51 cities".
        done = messages["done_one" if lang == "ru" else "done_other"]
        status = page.locator("[data-status]")
        expect(status).to_contain_text(done.format(count=MAX_LINK_CITIES + 1))
        page.click('[data-action="copy-link"]')
        refusal = messages["link_too_long"].format(max=MAX_LINK_CITIES, count=MAX_LINK_CITIES + 1)
        expect(page.locator("[data-status]")).to_have_text(refusal)
        assert urlsplit(page.url).query == ""
    finally:
        context.close()
    assert errors == []


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_category_no_radio_has_falls_back_to_full_member(visit, site, lang):
    """A hand-edited link's ``?category=bogus`` selects Full Member, as on the fees page."""
    page = visit.page
    cities = "Kazan; 1308660"
    query = urlencode({"cities": cities, "gdp": "5000", "category": "bogus"})
    page.goto(cities_url(site, lang, f"?{query}"))
    expect(page.locator(LIST)).to_have_value(cities)
    expect(page.locator('input[name="category"][value="full"]')).to_be_checked()
    expect(page.locator('input[name="category"][value="associate"]')).not_to_be_checked()
    wait_ready(page)
    record = quote_cities(cities, {"gdp": "5000"}, Language(lang))
    expect(page.locator(f"{RESULT} [data-total-usd]").first).to_have_attribute(
        "data-total-usd", str(record["total_usd"])
    )


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_list_too_long_for_a_link_comes_back_after_a_reload(visit, site, lang):
    """More cities than a link holds: a reload brings the list back from the tab (and says
    so); a link with a list of its own wins over the kept one."""
    page = visit.page
    messages = script_messages(lang)
    count = MAX_LINK_CITIES + 10
    cities = "\n".join(f"Город {n}; {1000 + n}" for n in range(count))
    page.goto(cities_url(site, lang))
    page.focus(LIST)
    wait_ready(page)
    submit(page, cities, GDP[lang])
    expect(page.locator(f"{RESULT} tbody tr")).to_have_count(count)
    assert urlsplit(page.url).query == ""

    page.reload()
    expect(page.locator(LIST)).to_have_value(cities)
    expect(page.locator("#fee-quote-gdp")).to_have_value(GDP[lang])
    restored = page.locator("[data-restored]")
    plural = "many" if lang == "ru" else "other"  # 60: «60 городов», "60 cities"
    expect(restored).to_have_text(
        messages[f"restored_{plural}"].format(count=count, max=MAX_LINK_CITIES)
    )
    wait_ready(page)
    expect(page.locator(f"{RESULT} tbody tr")).to_have_count(count)

    linked = "Kazan; 1308660"
    page.goto(cities_url(site, lang, "?" + urlencode({"cities": linked, "gdp": "5000"})))
    expect(page.locator(LIST)).to_have_value(linked)
    expect(page.locator("[data-restored]")).to_be_hidden()
    wait_ready(page)
    expect(page.locator(f"{RESULT} tbody tr")).to_have_count(1)


def test_the_printed_list_names_the_country_its_gdp_figure_and_the_schedule(visit, site):
    """On paper: the country as the picker names it, the GDP figure as the engine read it (the
    World Bank's with its year, or the reader's marked as typed), the fee schedule's date."""
    page = visit.page
    messages = script_messages("en")
    cities = "Kazan; 1,308,660\nYelabuga; 74,000"
    page.goto(cities_url(site, "en"))
    page.focus(LIST)
    wait_ready(page)
    page.fill("#fee-quote-country", "Russia")
    submit(page, cities)
    looked_up = quote_cities(cities, {"country": "RUS"}, Language.EN)
    expect(page.locator(f"{RESULT} [data-total-usd]").first).to_have_attribute(
        "data-total-usd", str(looked_up["total_usd"])
    )
    inputs = page.locator(f"{RESULT} .wego-multi__inputs")
    expect(inputs).to_be_hidden()  # on screen the form above says it
    page.emulate_media(media="print")
    source = looked_up["gdp_source"]
    expect(inputs).to_be_visible()
    expect(inputs).to_contain_text(messages["print_country"] + "Russia")
    expect(inputs).to_contain_text(f"{source['value_text']} ({source['text']})")
    schedule_date = schedule_date_line(looked_up)
    expect(page.locator(f'{RESULT} p[data-kind="schedule_date"]')).to_have_text(schedule_date)
    expect(page.locator(f'{RESULT} p[data-kind="schedule_date"]')).to_be_visible()

    page.emulate_media(media="screen")
    submit(page, cities, "5,000")
    typed = quote_cities(cities, {"country": "RUS", "gdp": "5,000"}, Language.EN)
    expect(page.locator(f"{RESULT} [data-total-usd]").first).to_have_attribute(
        "data-total-usd", str(typed["total_usd"])
    )
    page.emulate_media(media="print")
    expect(inputs).to_contain_text(
        f"{typed['gdp_per_capita_text']} ({messages['print_gdp_typed']})"
    )
    expect(inputs).to_contain_text("Russia")
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1


@pytest.mark.parametrize(("lang", "header"), [("ru", "Город;Население"), ("en", "City,Population")])
def test_a_pasted_header_line_is_not_an_error(visit, site, lang, header):
    """A sheet's header row pasted with the list is skipped: no error, no line left out."""
    page = visit.page
    cities = f"{header}\n{LISTS[lang]}"
    page.goto(cities_url(site, lang))
    page.focus(LIST)
    wait_ready(page)
    submit(page, cities, GDP[lang])
    record = quote_cities(cities, {"gdp": GDP[lang]}, Language(lang))
    assert record["errors"] == []
    assert record["left_out"] == 0
    expect_record(page, record)
    expect(page.locator(f"{RESULT} .wego-multi__errors")).to_have_count(0)
    expect(page.locator(f'{RESULT} p[data-kind="left_out"]')).to_have_count(0)
    expect(page.locator(".wego-quote__error:visible")).to_have_count(0)


def test_a_city_name_with_hidden_characters_is_named_as_the_wrong_field(visit, site):
    """A zero-width space inside a pasted name: the message names the city name, not the
    number."""
    page = visit.page
    cities = "Kaz\u200ban; 1,308,660\nYelabuga; 74,000"
    page.goto(cities_url(site, "en"))
    page.focus(LIST)
    wait_ready(page)
    submit(page, cities, GDP["en"])
    record = quote_cities(cities, {"gdp": GDP["en"]}, Language.EN)
    (error,) = record["errors"]
    assert error["field"] == "city_name"
    item = page.locator(f'{RESULT} li[data-line="1"]')
    expect(item).to_have_attribute("data-error-code", error["code"])
    expect(item).to_have_text(error["text"])
    expect(item).not_to_contain_text("number again")
    expect(page.locator(f"{RESULT} tbody tr")).to_have_count(1)


def test_an_error_goes_once_its_field_is_fixed(visit, site):
    """After an error, fixing the field re-quotes when typing pauses: the error and the status
    line about it go, without pressing "Calculate" again."""
    page = visit.page
    cities = "Kazan; 1,308,660"
    page.goto(cities_url(site, "en"))
    page.focus(LIST)
    wait_ready(page)
    submit(page, cities)
    error = quote_cities(cities, {}, Language.EN)["error"]
    slot = page.locator(f'[data-error-for="{error["field"]}"]')
    expect(slot).to_have_text(error["message"])
    expect(page.locator("[data-status]")).to_have_text(error["message"])

    page.fill("#fee-quote-gdp", GDP["en"])
    record = quote_cities(cities, {"gdp": GDP["en"]}, Language.EN)
    expect(page.locator(f"{RESULT} [data-total-usd]").first).to_have_attribute(
        "data-total-usd", str(record["total_usd"])
    )
    expect(slot).to_be_hidden()
    expect(page.locator("[data-status]")).not_to_have_text(error["message"])
