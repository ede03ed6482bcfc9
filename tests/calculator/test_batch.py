"""calculator.batch: a list of cities, each quoted exactly as a single city, and the total."""

import csv
import io

import pytest

from calculator import ErrorCode, Language, answer, parse_cities, quote_cities
from calculator.batch import MAX_CITIES
from harness.hostile_inputs import CORPUS

CODES = {code.value for code in ErrorCode}

#: One list per language, written as a reader of that language would paste it: tabs from a
#: spreadsheet, semicolons and commas from CSV files, quoted names, a blank line.
LISTS = {
    Language.RU: (
        "Казань\t1 308 660\n"
        "Набережные Челны;548 434\n"
        '"Нижнекамск";"241 479"\n'
        "\n"
        "Альметьевск, 156 000\n"
        '"Город ""Тест"", N;1";12 000 000\n'
        "Елабуга\t74 000\n"
    ),
    Language.EN: (
        "Kazan\t1,308,660\n"
        "Naberezhnye Chelny;548434\n"
        '"Nizhnekamsk","241,479"\n'
        "\n"
        "Almetyevsk,156,000\n"
        '"Town ""Test"", N;1",12,000,000\n'
        "Yelabuga\t74 000\n"
    ),
}
#: (line, name, population as typed) of each list above.
EXPECTED_LINES = {
    Language.RU: [
        (1, "Казань", "1 308 660"),
        (2, "Набережные Челны", "548 434"),
        (3, "Нижнекамск", "241 479"),
        (5, "Альметьевск", " 156 000"),
        (6, 'Город "Тест", N;1', "12 000 000"),
        (7, "Елабуга", "74 000"),
    ],
    Language.EN: [
        (1, "Kazan", "1,308,660"),
        (2, "Naberezhnye Chelny", "548434"),
        (3, "Nizhnekamsk", "241,479"),
        (5, "Almetyevsk", "156,000"),
        (6, 'Town "Test", N;1', "12,000,000"),
        (7, "Yelabuga", "74 000"),
    ],
}
SHARED = [
    {"gdp": "5000"},
    {"country": "RUS"},
    {"country": "RUS", "gdp": "25000", "category": "associate", "approval_year": "2027"},
]


@pytest.mark.parametrize("lang", list(Language))
def test_lines_are_read_with_every_separator_and_quoted_names(lang):
    """Tab, semicolon and comma separate; quotes protect names; blank lines keep numbering."""
    good, bad = parse_cities(LISTS[lang])
    assert bad == []
    assert [(c.line, c.name, c.population) for c in good] == EXPECTED_LINES[lang]


@pytest.mark.parametrize("fields", SHARED)
@pytest.mark.parametrize("lang", list(Language))
def test_every_city_equals_the_single_quote(lang, fields):
    """Each city's record is exactly answer()'s for its population; the total is their sum."""
    record = quote_cities(LISTS[lang], fields, lang)
    assert "error" not in record
    assert record["errors"] == []
    assert len(record["cities"]) == len(EXPECTED_LINES[lang])
    for city, (line, name, population) in zip(record["cities"], EXPECTED_LINES[lang], strict=True):
        single = answer({**fields, "population": population}, lang)
        table_keys = ("line", "name", "cells", "file_cells")
        assert {k: v for k, v in city.items() if k not in table_keys} == single
        assert (city["line"], city["name"]) == (line, name)
    fees = [
        answer({**fields, "population": p}, lang)["fee_usd"] for _, _, p in EXPECTED_LINES[lang]
    ]
    assert record["total_usd"] == sum(fees)
    assert record["count"] == len(fees)
    assert record["left_out"] == 0
    assert record["left_out_text"] is None


def test_total_and_shared_text_are_localized():
    """The total line and the columns come from the engine's catalogues."""
    ru = quote_cities(LISTS[Language.RU], {"gdp": "5000"}, Language.RU)
    en = quote_cities(LISTS[Language.EN], {"gdp": "5,000"}, Language.EN)
    assert ru["total_usd"] == en["total_usd"]
    assert ru["total_summary"].startswith("Итого по списку (городов: 6): ")
    assert en["total_summary"] == f"Total for the list (cities: 6): {en['total_text']} a year"
    assert ru["columns"][0] == {"key": "name", "label": "Город"}
    assert en["columns"][3] == {"key": "fee", "label": "Fee, USD a year"}
    assert ru["total_row"]["label"] == "Итого"
    assert en["total_row"]["label"] == "Total"


def test_caveats_are_listed_once():
    """A caveat shared by several cities (an estimated cell) is listed once for the list."""
    text = "A\t12000000\nB\t13000000\nC\t100"
    record = quote_cities(text, {"gdp": "5000"}, Language.EN)
    estimated = [c for c in record["cities"] if c["needs_confirmation"]]
    assert len(estimated) == 2
    assert record["caveats"] == estimated[0]["caveats"]
    assert record["caveats"][0].startswith("This cell is empty in the source")


@pytest.mark.parametrize(
    ("line", "code", "field"),
    [
        ("Казань", "missing_population", "population"),
        (";5000", "missing_name", "city_name"),
        ('"Казань;5000', "unclosed_quote", "city_name"),
        ("Казань;abc", "not_a_number", "population"),
        ("Казань;1,500", "ambiguous_separator", "population"),
        ("Казань;", "empty", "population"),
        ("Казань;-5", "negative", "population"),
        ("Каз\u202eань;5000", "invalid_character", "city_name"),
        ("К" * 200 + ";5000", "too_long", "city_name"),
    ],
)
def test_a_bad_line_is_reported_by_number_and_the_others_quoted(line, code, field):
    """The bad line's coded error carries its number; the good lines still add up."""
    text = f"Набережные Челны;548 434\n\n{line}\nЕлабуга;74 000"
    record = quote_cities(text, {"gdp": "5000"}, Language.RU)
    assert "error" not in record
    assert [(e["line"], e["code"], e["field"]) for e in record["errors"]] == [(3, code, field)]
    assert record["errors"][0]["text"].startswith("Строка 3: ")
    assert [c["name"] for c in record["cities"]] == ["Набережные Челны", "Елабуга"]
    assert record["total_usd"] == sum(c["fee_usd"] for c in record["cities"])
    assert record["left_out"] == 1
    assert record["left_out_text"] == "Строк с ошибками, не вошедших в итог: 1."


def test_a_line_error_is_the_single_quote_error():
    """A bad population's message is exactly the single quote's, in English too."""
    record = quote_cities("Kazan;12.5", {"gdp": "5000"}, Language.EN)
    single = answer({"population": "12.5", "gdp": "5000"}, Language.EN)["error"]
    assert record["errors"][0]["message"] == single["message"]
    assert record["errors"][0]["text"] == f"Line 1: {single['message']}"
    assert record["total_usd"] == 0


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"gdp": "abc"}, "gdp", "not_a_number"),
        ({}, "gdp", "empty"),
        ({"country": "XYZ"}, "country", "unknown_country"),
        ({"gdp": "5000", "category": "vip"}, "category", "invalid_category"),
        ({"gdp": "5000", "approval_year": "99"}, "approval_year", "invalid_year"),
    ],
)
def test_a_shared_field_error_is_one_error_for_the_list(fields, field, code):
    """A bad GDP (or category, year, country) is the list's error, not one per line."""
    record = quote_cities("A;1000\nB;abc\nC;2000", fields, Language.RU)
    assert (record["error"]["field"], record["error"]["code"]) == (field, code)
    assert record["cities"] == []
    assert [e["line"] for e in record["errors"]] == [2]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "no_cities"),
        ("\n  \n", "no_cities"),
        ("name,population\n", "no_cities"),
        ("\ufeffГород;Население\r\n", "no_cities"),
        ("".join(f"C{n};1000\n" for n in range(MAX_CITIES + 1)), "too_many_cities"),
        (None, "invalid_usage"),
    ],
)
def test_a_list_that_cannot_be_quoted_is_one_error(text, code):
    """An empty (or header-only) or overlong list is refused as a whole, with a coded error."""
    record = quote_cities(text, {"gdp": "5000"}, Language.EN)
    assert record["error"]["code"] == code
    assert record["error"]["message"]


def test_header_and_bom_are_read_and_counted():
    """A CSV file's BOM and header are skipped, and line numbers are the file's."""
    text = "\ufeffName;Population\r\nKazan;1308660\r\nBad;x\r\n"
    record = quote_cities(text, {"gdp": "5000"}, Language.EN)
    assert [c["line"] for c in record["cities"]] == [2]
    assert [e["line"] for e in record["errors"]] == [3]


@pytest.mark.parametrize("lang", list(Language))
def test_hostile_values_give_coded_errors_never_an_exception(lang):
    """Every hostile value as a line's population is a coded line error; as a name, no crash."""
    for entry in CORPUS:
        # A CSV field's own quotation marks are the file's, not part of the number.
        csv_quoted = entry.text.startswith('"') and entry.text.endswith('"')
        one_line = not csv_quoted and not any(
            c in entry.text for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
        )
        record = quote_cities(f"Город;{entry.text}\nЕлабуга;74 000", {"gdp": "5000"}, lang)
        assert {e["code"] for e in record["errors"]} <= CODES, entry.what
        if one_line:
            assert [e["line"] for e in record["errors"]] == [1], entry.what
            assert [c["name"] for c in record["cities"]] == ["Елабуга"], entry.what
        named = quote_cities(f'"{entry.text}";1000', {"gdp": "5000"}, lang)
        assert {e["code"] for e in named["errors"]} <= CODES, entry.what
        assert "error" in named or named["cities"] or named["errors"], entry.what


@pytest.mark.parametrize(
    "header",
    [
        "name,population",
        "Name;Population",
        "City,Population",
        "Город;Население",
        "\ufeffГород;Население",
        "город\tнаселение",
        "City name,City population",
        "Название города;Население города",
    ],
)
@pytest.mark.parametrize("lang", list(Language))
def test_a_header_line_is_skipped_in_either_language(header, lang):
    """A pasted header is not "Line 1: not a number", nor a line left out of the total."""
    record = quote_cities(f"{header}\nKazan;1308660\n", {"gdp": "5000"}, lang)
    assert record["errors"] == []
    assert record["left_out"] == 0
    assert [(c["line"], c["name"]) for c in record["cities"]] == [(2, "Kazan")]


def test_a_city_named_like_a_header_on_a_later_line_is_still_a_line():
    """Only the first line can be a header: "City;Population" further down is reported."""
    record = quote_cities("Kazan;1308660\nCity;Population", {"gdp": "5000"}, Language.EN)
    assert [(e["line"], e["code"]) for e in record["errors"]] == [(2, "not_a_number")]


def _page_csv(record, delimiter):
    """The file the cities page writes: BOM, labels, a row per city, the total row."""
    rows = [[column["label"] for column in record["columns"]]]
    keys = [column["key"] for column in record["columns"]]
    rows += [[city["file_cells"][key] for key in keys] for city in record["cities"]]
    rows.append([record["total_row"]["file_cells"][key] for key in keys])
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return "\ufeff" + out.getvalue()


@pytest.mark.parametrize(("lang", "delimiter"), [(Language.RU, ";"), (Language.EN, ",")])
def test_the_file_the_cities_page_writes_reads_back_as_the_same_list(lang, delimiter):
    """BOM, header, extra columns after the population and the total row: same quotes."""
    text = "Kazan\t1308660\nA, B\t12000000\nYelabuga\t74000"
    first = quote_cities(text, {"gdp": "5000"}, lang)
    assert [c["key"] for c in first["columns"]][-1] == "caveat"  # an estimated cell
    again = quote_cities(_page_csv(first, delimiter), {"gdp": "5000"}, lang)
    assert again["errors"] == []
    assert [(c["name"], c["fee_usd"]) for c in again["cities"]] == [
        (c["name"], c["fee_usd"]) for c in first["cities"]
    ]
    assert [c["line"] for c in again["cities"]] == [2, 3, 4]


def test_extra_columns_are_read_only_when_a_header_announces_them():
    """Without a header, "Kazan;1; x" is refused, never read as a population of 1."""
    record = quote_cities("Kazan;1; x\n", {"gdp": "5000"}, Language.EN)
    assert [e["code"] for e in record["errors"]] == ["not_a_number"]
    wide = quote_cities(
        "City;Population;Note\nKazan;1308660;capital\n", {"gdp": "5000"}, Language.EN
    )
    assert [c["population"] for c in wide["cities"]] == [1308660]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (Language.RU, "Название города: название содержит невидимые или управляющие символы"),
        (Language.EN, "City name: the name contains invisible or control characters"),
    ],
)
def test_hidden_characters_in_a_name_are_told_about_the_name(lang, expected):
    """Not "type the number again": the reader has to fix the name."""
    record = quote_cities("Каз\u200bань;5000", {"gdp": "5000"}, lang)
    assert record["errors"][0]["message"].startswith(expected)
    assert "number" not in record["errors"][0]["message"]
    assert "число" not in record["errors"][0]["message"]


def test_columns_cells_and_the_total_row_say_one_table():
    """Screen cells are text; file cells write numbers as integers; caveat only if needed."""
    plain = quote_cities("Kazan\t1308660\nYelabuga\t74000", {"gdp": "5000"}, Language.EN)
    assert [c["key"] for c in plain["columns"]] == ["name", "population", "band", "fee"]
    kazan = plain["cities"][0]
    assert kazan["cells"] == {
        "name": "Kazan",
        "population": "1,308,660",
        "band": "1,000–1,999",
        "fee": kazan["fee_text"],
    }
    assert kazan["file_cells"] == {
        "name": "Kazan",
        "population": 1308660,
        "band": "1,000–1,999",
        "fee": kazan["fee_usd"],
    }
    assert plain["total_row"] == {
        "label": "Total",
        "cells": {"name": "Total", "population": "", "band": "", "fee": plain["total_text"]},
        "file_cells": {"name": "Total", "population": "", "band": "", "fee": plain["total_usd"]},
    }
    flagged = quote_cities("A\t12000000\nB\t100", {"gdp": "5000"}, Language.RU)
    assert flagged["columns"][-1] == {"key": "caveat", "label": "Оговорка"}
    assert [c["cells"]["caveat"] for c in flagged["cities"]] == [
        "оценка: в источнике ячейка пуста",
        "",
    ]


def test_the_shared_lines_come_in_order_and_say_the_category_once():
    """Total, the schedule's date, the lines left out, GDP, category, timeline, caveats."""
    fields = {"country": "RUS", "category": "associate", "approval_year": "2027"}
    record = quote_cities("A;12000000\nB;x\nC;1000", fields, Language.RU)
    kinds = [line["kind"] for line in record["lines"]]
    assert kinds == [
        "total",
        "schedule_date",
        "left_out",
        "gdp_figure",
        "gdp_band",
        "category",
        "timeline",
        "caveat",
        "caveat",
        "caveat",
    ]
    assert [line.get("code") for line in record["lines"] if line["kind"] == "caveat"] == [
        "irregular",
        "gdp_fallback",
        "world_bank",
    ]
    category = next(line["text"] for line in record["lines"] if line["kind"] == "category")
    assert category.count("ассоциированн") + category.count("Ассоциированн") == 1
    assert record["lines"][1]["text"].startswith("По шкале взносов из письма 2017\u00a0года")


class TestTheSitesOwnFile:
    """A file with the cities page's own header and extra columns reads as the page wrote it."""

    HEADER = "Город;Население;Диапазон\n"

    def test_a_quoted_population_in_a_wide_file_is_read(self):
        """A spreadsheet may quote every field: the population is read without its quotes."""
        record = quote_cities(
            f'{self.HEADER}"Казань";"1 308 660";x\n', {"gdp": "47404.96"}, Language.RU
        )
        assert [(c["name"], c["population"]) for c in record["cities"]] == [("Казань", 1308660)]
        assert record["errors"] == []

    def test_an_unclosed_quote_is_the_number_parsers_to_report(self):
        """A population that opens a quote and never closes it is a bad line, not a crash."""
        record = quote_cities(
            f'{self.HEADER}Казань;"1 308 660;x\n', {"gdp": "47404.96"}, Language.RU
        )
        assert record["cities"] == []
        assert [(e["line"], e["code"]) for e in record["errors"]] == [(2, "not_a_number")]


def test_a_country_without_data_is_one_error_for_the_list_with_its_source():
    """No figure for the country: one error for the whole list, and the source says why."""
    record = quote_cities("Kazan,1000\nElabuga,74000\n", {"country": "PRK"}, Language.EN)
    assert record["error"]["code"] == "no_country_data"
    assert record["cities"] == []
    assert record["gdp_source"]["origin"] == "none"
