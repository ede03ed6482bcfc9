"""The several-cities page in Chromium: a list to a table of fees from the engine under Pyodide.

What the engine makes of a list is proved in tests/calculator/test_batch.py; how the page lays
a record out as a table and a CSV file, writes and reads its link and keeps a long list in the
tab, in tests/js (cities-table, csv-file, link-query, kept-list, ui-text). Here two journeys per
language, each through one page, prove that the page shows and does it.
"""

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

from .quote_phone import PHONE_HEIGHT, PHONE_WIDTHS, expect_cities_table_fits, page_scrolls_sideways
from .waits import expect_engine_ready

pytestmark = pytest.mark.browser

FORM = "#multi-quote"
LIST = "#multi-quote-cities"
RESULT = "#multi-quote-result"
BOM = b"\xef\xbb\xbf"

#: A list as a reader would paste it, after a spreadsheet's header row (skipped, not an error):
#: tab, semicolon, comma, a quoted name with a separator inside, and a city in a cell the
#: source leaves empty (an estimate with a caveat). How each language's writing is read is
#: proved in tests/calculator/test_batch.py; the page passes the text on whole.
#: Its last city's long name has to wrap on a phone.
PASTED = (
    'City,Population\nKazan\t1,308,660\nNaberezhnye Chelny; 548,434\n"Town, N"; 12,000,000\n'
    "Yelabuga,74000\nSaint-Petersburg-Kronstadt-Peterhof; 5,600,000"
)
#: On the Russian page, a list for the phone: a caveat (an estimated cell: the table gains its
#: fifth column) and a long name that has to wrap.
PASTED_RU = "Казань; 1 308 660\nГород; 12 000 000\nСанкт-Петербург-Кронштадт-Петергоф; 5 600 000"
DESKTOP = {"width": 1280, "height": 800}
GDP = {"ru": "5 000", "en": "5,000"}
#: A bad second line, a name that looks like markup (it must stay text), and a name that hides
#: a zero-width space (the message must name the city's name as the wrong field, not the number).
BAD_LIST = "Kazan\t1,308,660\nNowhere; many\n<b>Yelabuga</b>; 74,000\nKaz\u200ban; 1,308,660"
#: One more city than a link holds: «51 город», the "one" form in Russian (every form of each
#: language is proved in tests/js/ui-text.test.mjs).
TOO_LONG_COUNT = MAX_LINK_CITIES + 1


def cities_url(site, lang, query=""):
    return site.url(lang, "cities/", query)


def submit(page: Page, cities: str, gdp: str | None = None) -> None:
    page.fill(LIST, cities)
    if gdp is not None:
        page.fill("#fee-quote-gdp", gdp)
    page.click(f'{FORM} button[type="submit"]')


#: The shown result in one round trip: each city row's name, fee and text, each line's kind and
#: text, and each table row's column keys (head, body, total).
READ_RESULT = """(result) => {
  const root = document.querySelector(result);
  return {
    rows: [...root.querySelectorAll("tbody tr[data-city]")].map((row) => ({
      city: row.dataset.city, fee: row.dataset.feeUsd, text: row.textContent,
    })),
    lines: [...root.querySelectorAll("p[data-kind]")].map((p) => [p.dataset.kind, p.textContent]),
    columns: [...root.querySelectorAll("table tr")].map(
      (row) => [...row.querySelectorAll("th, td")].map((cell) => cell.dataset.column)),
  };
}"""


def expect_record(page: Page, record: dict) -> None:
    """Every city's row, fee and band, the total, and the record's lines in order, as the
    engine computed them; every cell of the table (head, body, total) names its column, in
    the engine's order. Waits for the table and the total, then reads it all at once (a new
    answer replaces the whole result in one step)."""
    rows = page.locator(f"{RESULT} tbody tr[data-city]")
    expect(rows, "one row per city").to_have_count(len(record["cities"]))
    total = page.locator(f"{RESULT} [data-total-usd]").first
    expect(total, "the total").to_have_attribute("data-total-usd", str(record["total_usd"]))
    expect(page.locator(f"{RESULT} p[data-kind]")).to_have_count(len(record["lines"]))
    shown = page.evaluate(READ_RESULT, RESULT)
    for row, city in zip(shown["rows"], record["cities"], strict=True):
        assert (row["city"], row["fee"]) == (city["name"], str(city["fee_usd"])), row
        for text in (city["fee_text"], city["population_text"], city["population_band"]["label"]):
            assert text in row["text"], (text, row)
    assert shown["lines"] == [[line["kind"], line["text"]] for line in record["lines"]]
    keys = [column["key"] for column in record["columns"]]
    assert shown["columns"] == [keys] * (len(record["cities"]) + 2), "each cell's column"


def schedule_date_line(record: dict) -> str:
    """The engine's line saying which fee schedule the fees are from."""
    (text,) = [line["text"] for line in record["lines"] if line["kind"] == "schedule_date"]
    return str(text)


def gdp_error_goes_once_its_field_is_fixed(page: Page, cities: str) -> None:
    """Without a GDP figure the error is beside its field and on the status line; typing the
    figure re-quotes when typing pauses, without pressing "Calculate" again: both go."""
    submit(page, cities)
    error = quote_cities(cities, {}, Language.EN)["error"]
    slot = page.locator(f'[data-error-for="{error["field"]}"]')
    expect(slot, "the error beside its field").to_have_text(error["message"])
    expect(page.locator("[data-status]")).to_have_text(error["message"])
    page.fill("#fee-quote-gdp", GDP["en"])
    record = quote_cities(cities, {"gdp": GDP["en"]}, Language.EN)
    expect(page.locator(f"{RESULT} [data-total-usd]").first).to_have_attribute(
        "data-total-usd", str(record["total_usd"])
    )
    expect(slot, "the fixed field's error went").to_be_hidden()
    expect(page.locator("[data-status]")).not_to_have_text(error["message"])


def expect_csv(page: Page, record: dict) -> None:
    """The CSV: UTF-8 with a BOM, columns in the page's language and its delimiter, one row
    per city, the total, and last which fee schedule the fees are from (each language's
    delimiter is proved in tests/sitebuild/test_multi_quote_form.py)."""
    messages = script_messages("en")
    with page.expect_download() as download_info:
        page.click('[data-action="download-csv"]')
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(BOM), "a BOM"
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
    assert rows[-1] == [schedule_date_line(record)] + [""] * (len(keys) - 1)
    assert re.fullmatch(r"wego-[a-z]+-\d{4}-\d\d-\d\d\.csv", download_info.value.suggested_filename)


def expect_bad_lines(page: Page) -> None:
    """A bad line is reported by its number with the engine's code, the others still quoted;
    a name that looks like markup stays text; a hidden character in a name is named as the
    name's fault."""
    submit(page, BAD_LIST)
    record = quote_cities(BAD_LIST, {"gdp": GDP["en"]}, Language.EN)
    expect_record(page, record)
    error = page.locator(f'{RESULT} li[data-line="2"]')
    expect(error, "line 2 by its number").to_have_attribute("data-error-code", "not_a_number")
    expect(error).to_have_text(record["errors"][0]["text"])
    expect(page.locator(RESULT)).to_contain_text(record["left_out_text"])
    expect(page.locator(f"{RESULT} tbody th").last).to_have_text(record["cities"][-1]["name"])
    expect(page.locator(f"{RESULT} b"), "markup stays text").to_have_count(0)
    hidden = record["errors"][1]
    assert hidden["field"] == "city_name"
    item = page.locator(f'{RESULT} li[data-line="4"]')
    expect(item, "a hidden character in a name").to_have_attribute(
        "data-error-code", hidden["code"]
    )
    expect(item).to_have_text(hidden["text"])
    expect(item).not_to_contain_text("number again")


def expect_one_printed_page(page: Page) -> None:
    """On paper: the dated line shows, the textarea does not, and it all fits one A4 page."""
    page.emulate_media(media="print")
    expect(page.locator(".wego-multi__dated")).to_be_visible()
    expect(page.locator(LIST)).to_be_hidden()
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1, "one printed page"


def expect_printed_country_and_figures(page: Page) -> None:
    """On paper: the country as the picker names it, the GDP figure as the engine read it (the
    World Bank's with its year, or the reader's marked as typed), the fee schedule's date."""
    messages = script_messages("en")
    cities = "Kazan; 1,308,660\nYelabuga; 74,000"
    page.fill("#fee-quote-approval-year", "")
    page.fill("#fee-quote-gdp", "")
    page.fill("#fee-quote-country", "Russia")
    submit(page, cities)
    looked_up = quote_cities(cities, {"country": "RUS"}, Language.EN)
    expect(page.locator(f"{RESULT} [data-total-usd]").first).to_have_attribute(
        "data-total-usd", str(looked_up["total_usd"])
    )
    inputs = page.locator(f"{RESULT} .wego-multi__inputs")
    expect(inputs, "on screen the form above says it").to_be_hidden()
    page.emulate_media(media="print")
    source = looked_up["gdp_source"]
    expect(inputs).to_be_visible()
    expect(inputs).to_contain_text(messages["print_country"] + "Russia")
    expect(inputs).to_contain_text(f"{source['value_text']} ({source['text']})")
    schedule_date = page.locator(f'{RESULT} p[data-kind="schedule_date"]')
    expect(schedule_date).to_have_text(schedule_date_line(looked_up))
    expect(schedule_date).to_be_visible()

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


def test_a_pasted_list_gives_every_fee_the_total_a_csv_and_one_printed_page(visit, site):
    """In English (the Russian page: the example's journey below): a list with its header row,
    first sent without a GDP figure, then quoted: each fee and the total; axe; the CSV; a bad
    line by number; an approval year; the printed inputs name the country and the figure, on
    one printed page. The table fits a phone's screen (the example's, in Russian, below)."""
    page = visit.page
    page.goto(cities_url(site, "en"))
    assert [url for url in visit.requests if "/assets/pyodide/" in url] == [], "no engine yet"
    page.focus(LIST)  # the engine starts when the reader turns to the form
    expect_engine_ready(page, FORM)

    gdp_error_goes_once_its_field_is_fixed(page, PASTED)
    record = quote_cities(PASTED, {"gdp": GDP["en"]}, Language.EN)
    assert (record["errors"], record["left_out"]) == ([], 0)
    expect_record(page, record)
    expect(page.locator(f"{RESULT} .wego-multi__errors"), "the header is no error").to_have_count(0)
    expect(page.locator(f'{RESULT} p[data-kind="left_out"]')).to_have_count(0)
    expect(page.locator(".wego-quote__error:visible")).to_have_count(0)
    estimated = [c for c in record["cities"] if c["needs_confirmation"]]
    assert estimated
    for city in estimated:
        expect(page.locator(f'{RESULT} tr[data-city="{city["name"]}"]')).to_contain_text(
            city["provenance_text"]
        )
    for caveat in record["caveats"]:
        expect(page.locator(RESULT)).to_contain_text(caveat)
    expect(page.locator(RESULT)).to_contain_text(script_messages("en")["unofficial"])
    expect_no_axe_violations(page)
    expect_cities_table_fits(page, record)  # on a phone, with a caveat and a long name
    page.set_viewport_size(DESKTOP)
    expect_csv(page, record)

    expect_bad_lines(page)

    # With an approval year: the first fee year and the GDP year.
    page.fill("#fee-quote-approval-year", "2026")
    page.click(f'{FORM} button[type="submit"]')
    record = quote_cities(BAD_LIST, {"gdp": GDP["en"], "approval_year": "2026"}, Language.EN)
    expect(page.locator(RESULT), "the timeline").to_contain_text(record["timeline"])
    assert "2027" in record["timeline"]

    expect_printed_country_and_figures(page)
    expect_one_printed_page(page)


def expect_no_axe_violations(page: Page) -> None:
    """The page with its result passes axe, judged at rest (not the button under the pointer)."""
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement.blur()")
    assert axe_violations(page) == [], "axe"


def test_the_example_its_link_and_a_list_too_long_for_a_link(visit, site):
    """In Russian (the English page: the pasted list's journey above): before any estimate
    there is no link to copy, and the page says so; the Tatarstan example quotes at once
    (axe judges a result, with a caveat column, in the English journey), and its copied link
    says so; more cities than a link holds are quoted, said in words, refused as a link and
    kept in the tab, so a reload brings them back (and says so); a link with a list of its own
    (here with a category no radio has: Full Member stays) wins over the kept list and brings
    back its estimate, whose table, and then one with a caveat and a long name, fits a phone's
    screen."""
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    lang = "ru"
    language = Language(lang)
    messages = script_messages(lang)
    page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": PHONE_HEIGHT})
    page.goto(cities_url(site, lang))
    assert not page_scrolls_sideways(page), "the page before any result, on a phone"
    page.set_viewport_size(DESKTOP)
    status = page.locator("[data-status]")
    page.click('[data-action="copy-link"]')
    expect(status, "no link before an estimate").to_have_text(messages["nothing_to_save"])
    page.click('[data-action="example"]')
    expect(page.locator(LIST), "the example fills the list").to_have_value(example_text(language))
    expect_engine_ready(page, FORM)
    example = quote_cities(example_text(language), {"country": "RUS"}, language)
    assert len(example["cities"]) == len(tatarstan_cities())
    expect_record(page, example)
    expect(page.locator("#fee-quote-country")).to_have_value("Россия")

    page.click('[data-action="copy-link"]')
    expect(status, "the link is copied").to_have_text(messages["link_copied"])
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url
    assert parse_qs(urlsplit(link).query)["cities"] == [example_text(language)]

    too_long = "\n".join(f"Город {n}; {1000 + n}" for n in range(TOO_LONG_COUNT))
    submit(page, too_long, GDP[lang])
    expect(page.locator(f"{RESULT} tbody tr")).to_have_count(TOO_LONG_COUNT)
    done = messages["done_one"]  # «51 город»
    expect(status, "the count in words").to_contain_text(done.format(count=TOO_LONG_COUNT))
    page.click('[data-action="copy-link"]')
    refusal = messages["link_too_long"].format(max=MAX_LINK_CITIES, count=TOO_LONG_COUNT)
    expect(status, "no link for so many").to_have_text(refusal)
    assert urlsplit(page.url).query == "", "the address holds no list"

    page.reload()
    expect(page.locator(LIST), "the tab kept the list").to_have_value(too_long)
    expect(page.locator("#fee-quote-gdp")).to_have_value(GDP[lang])
    restored = messages["restored_one"]
    expect(page.locator("[data-restored]"), "and says so").to_have_text(
        restored.format(count=TOO_LONG_COUNT, max=MAX_LINK_CITIES)
    )
    expect_engine_ready(page, FORM)
    expect(page.locator(f"{RESULT} tbody tr")).to_have_count(TOO_LONG_COUNT)

    page.goto(link + "&" + urlencode({"category": "bogus"}))
    expect(page.locator(LIST), "the link's list wins").to_have_value(example_text(language))
    expect(page.locator("[data-restored]")).to_be_hidden()
    expect(page.locator('input[name="category"][value="full"]'), "the default").to_be_checked()
    expect(page.locator('input[name="category"][value="associate"]')).not_to_be_checked()
    expect_engine_ready(page, FORM)
    expect_record(page, example)

    expect_cities_table_fits(page, example)  # the example's table on a phone
    phone_list = quote_cities(PASTED_RU, {"country": "RUS"}, language)  # the country stays
    submit(page, PASTED_RU)
    expect_cities_table_fits(page, phone_list)  # with a caveat and a long name
