"""calculator.records: the lines every result shows, decided once, in one order."""

import itertools

import pytest

from calculator import Language, answer, quote_cities
from calculator.records import BATCH_LINE_ORDER, LINE_KINDS, QUOTE_LINE_ORDER

RU, EN = Language.RU, Language.EN

#: Requests that between them produce every kind of line of a single quote.
REQUESTS = [
    {"population": "500", "gdp": "47404.96"},
    {"population": "12000000", "gdp": "5000", "category": "associate", "approval_year": "2026"},
    {"population": "9000000", "country": "RUS", "approval_year": "2025"},
    {"population": "624518", "country": "RUS", "gdp": "30000"},
    {"population": "624518", "gdp": "100"},
]


def _quotes():
    return [(lang, fields, answer(fields, lang)) for lang in Language for fields in REQUESTS]


def test_the_orders_use_only_known_kinds():
    assert set(QUOTE_LINE_ORDER) <= set(LINE_KINDS)
    assert set(BATCH_LINE_ORDER) <= set(LINE_KINDS)
    assert len(set(QUOTE_LINE_ORDER)) == len(QUOTE_LINE_ORDER)


def test_every_kind_of_quote_line_occurs_in_these_requests():
    """So the order checks below see each kind at least once."""
    seen = {line["kind"] for _, _, record in _quotes() for line in record["lines"]}
    assert seen == set(QUOTE_LINE_ORDER)


@pytest.mark.parametrize(("lang", "fields", "record"), _quotes())
def test_quote_lines_come_in_the_page_order(lang, fields, record):
    kinds = [line["kind"] for line in record["lines"]]
    assert kinds[:2] == ["fee", "schedule_date"]
    positions = [QUOTE_LINE_ORDER.index(kind) for kind in kinds]
    assert positions == sorted(positions), kinds
    assert kinds.count("category") == 1
    assert kinds.count("population_band") == kinds.count("gdp_band") == 1


@pytest.mark.parametrize(("lang", "fields", "record"), _quotes())
def test_lines_hold_the_record_texts(lang, fields, record):
    """Each line is a text the record already names; warnings and caveats keep their codes."""
    by_kind = {}
    for line in record["lines"]:
        by_kind.setdefault(line["kind"], []).append(line)
    assert by_kind["fee"][0]["text"] == record["summary"]
    assert by_kind["population_band"][0]["text"] == record["population_band_text"]
    assert by_kind["gdp_band"][0]["text"] == record["gdp_band_text"]
    assert [(w["code"], w["message"]) for w in record["warnings"]] == [
        (line["code"], line["text"]) for line in by_kind.get("warning", [])
    ]
    cell_caveats = [
        line["text"]
        for line in by_kind.get("caveat", [])
        if line["code"]
        in (
            "estimated",
            "irregular",
        )
    ]
    assert cell_caveats == record["caveats"]
    assert ("due_now" in by_kind) == (record["category"] != "full")
    assert ("fee_range" in by_kind) == (record["fee_range_text"] is not None)
    assert ("timeline" in by_kind) == (record["timeline"] is not None)
    from_world_bank = record.get("gdp_source", {}).get("origin") == "world_bank"
    assert ("gdp_figure" in by_kind) == from_world_bank


@pytest.mark.parametrize(("lang", "fields", "record"), _quotes())
def test_no_two_consecutive_lines_open_alike(lang, fields, record):
    """The GDP figure and the GDP band no longer both open with "GDP per capita (PPP)"."""
    texts = [line["text"] for line in record["lines"]]
    for before, after in itertools.pairwise(texts):
        for opening in ("GDP per capita (PPP)", "ВВП на душу"):
            assert not (before.startswith(opening) and after.startswith(opening)), (before, after)
        assert before.split(":")[0] != after.split(":")[0], (before, after)


@pytest.mark.parametrize(
    ("lang", "category", "name"),
    [
        (EN, "full", "Full Member"),
        (EN, "associate", "Associate Member"),
        (RU, "full", "олноправн"),
        (RU, "associate", "ссоциированн"),
    ],
)
def test_the_category_is_one_sentence_that_names_it_once(lang, category, name):
    """Not «Полноправный член: Полноправные члены платят…» any more."""
    fields = {"population": "1000000", "gdp": "5000", "category": category}
    for lines in (
        answer(fields, lang)["lines"],
        quote_cities("A;1000000", {"gdp": "5000", "category": category}, lang)["lines"],
    ):
        text = next(line["text"] for line in lines if line["kind"] == "category")
        assert text.count(name) == 1, text
        assert not text.startswith(f"{name}:")


def test_the_schedule_date_line_in_both_languages():
    """Dated by the letter in schedule.json; Russian keeps number and word together."""
    fields = {"population": "1000000", "gdp": "5000"}
    en = answer(fields, EN)["lines"][1]
    ru = answer(fields, RU)["lines"][1]
    assert en == {
        "kind": "schedule_date",
        "text": "By the fee schedule of the 2017 letter (1 August 2017); "
        "confirm current fees with the WeGO Secretariat.",
    }
    assert ru == {
        "kind": "schedule_date",
        "text": "По шкале взносов из письма 2017\u00a0года (1\u00a0августа 2017\u00a0г.); "
        "действующие размеры взносов уточните в секретариате WeGO.",
    }
    assert answer(fields, EN)["schedule_date"] == "2017-08-01"


def test_the_gdp_band_line_is_reworded_in_both_languages():
    fields = {"population": "1000000", "gdp": "25000"}
    assert answer(fields, EN)["gdp_band_text"] == "Band of GDP per capita (PPP): USD 20,000+"
    assert (
        answer(fields, RU)["gdp_band_text"]
        == "Диапазон ВВП на душу населения (ППС), $: 20\u00a0000 и более"
    )


def test_world_bank_lines_a_figure_then_its_caveats():
    record = answer({"population": "9000000", "country": "RUS", "approval_year": "2025"}, EN)
    figure = [line for line in record["lines"] if line["kind"] == "gdp_figure"]
    assert figure == [{"kind": "gdp_figure", "text": record["gdp_source"]["figure_text"]}]
    caveats = [line for line in record["lines"] if line["kind"] == "caveat"]
    assert [line["code"] for line in caveats] == ["irregular", "gdp_fallback", "world_bank"]


def test_a_typed_gdp_beside_a_country_is_said_among_the_caveats():
    record = answer({"population": "624518", "country": "RUS", "gdp": "30000"}, RU)
    assert record["lines"][-1] == {
        "kind": "caveat",
        "text": record["gdp_source"]["text"],
        "code": "gdp_reader",
    }
