"""calculator.countries: the World Bank GDP data shipped in the package, and its lookups.

Also the country fields of ``answer()`` and the maintainer's refresh script (run on a tiny
World Bank-shaped download under fixtures/). Std-lib and pytest only: this module also runs
inside Pyodide.
"""

import importlib.util
import json
import shutil
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calculator import GdpFigure, gdp_for, get_gdp_data
from calculator.countries import load_gdp_data, parse_country, parse_fee_year
from calculator.describe import format_release, gdp_input_text
from calculator.errors import ErrorCode, Field, InputError
from calculator.locales import Language
from calculator.parsing import YEAR_RANGE
from calculator.protocol import answer_json
from calculator.request import answer

RU, EN = Language.RU, Language.EN
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FIXTURES = HERE / "fixtures"

SOURCE_JSON = json.dumps(
    {
        "publisher": "World Bank",
        "dataset": "World Development Indicators",
        "indicator": "NY.GDP.PCAP.PP.CD",
        "indicator_name": "GDP per capita, PPP (current international $)",
        "release": "2026-02-24",
        "license": "CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "first_year": 2010,
    }
)


def code_of(call):
    with pytest.raises(InputError) as caught:
        call()
    return caught.value.code, caught.value.field, dict(caught.value.params)


class TestShippedData:
    """The figures in calculator/data/ are the World Bank release of 24 February 2026."""

    def test_counts(self):
        """203 economies with data, 1,979 figures, years up to 2024."""
        data = get_gdp_data()
        assert len(data.codes_with_data) == 203
        assert sum(len(pairs) for pairs in data.series.values()) == 2976
        assert data.latest_year == 2024
        assert data.default_fee_year == 2025

    def test_values_are_the_source_cut_to_cents(self):
        """The file's ``47404.96484375`` is read as the figure every output shows: 47,404.96."""
        series = dict(get_gdp_data().series["RUS"])
        assert series[2024] == Decimal("47404.96")
        assert str(series[2024]) == "47404.96"
        assert sorted(series) == list(range(2010, 2025))

    def test_cutting_to_cents_never_rounds_a_figure_into_the_next_band(self):
        """19,999.999 stays under the 20,000 band bound (rounding would cross it)."""
        data = load_gdp_data(
            "iso3,year,value\nAAA,2020,19999.999\nAAA,2021,1000\n", SOURCE_JSON, "AAA\n"
        )
        assert dict(data.series["AAA"]) == {2020: Decimal("19999.99"), 2021: Decimal("1000.00")}

    def test_years_start_with_the_first_approval_year(self):
        """The data start where the approval year field does (GDP for Y prices a Y approval)."""
        series = get_gdp_data().series
        assert YEAR_RANGE.start == 2010
        assert min(year for pairs in series.values() for year, _ in pairs) == 2010
        assert [year for year, _ in series["ERI"]] == [2010, 2011]
        assert [year for year, _ in series["SSD"]][-1] == 2015
        assert min(year for year, _ in series["DJI"]) == 2013

    def test_known_codes(self):
        """All of ISO 3166-1 (249) plus Kosovo's World Bank code."""
        data = get_gdp_data()
        assert len(data.iso_codes) == 249
        assert "XKX" not in data.iso_codes
        assert {"XKX", "TWN", "PRK", "RUS"} <= data.known_codes
        assert set(data.codes_with_data) - data.iso_codes == {"XKX"}
        assert not {"TWN", "PRK", "CUB", "VAT"} & set(data.codes_with_data)

    def test_source(self):
        """The provenance the credit line needs."""
        source = get_gdp_data().source
        assert source.release == date(2026, 2, 24)
        assert source.indicator == "NY.GDP.PCAP.PP.CD"
        assert source.license == "CC BY 4.0"
        assert source.key == "world-bank-wdi:NY.GDP.PCAP.PP.CD:2026-02-24"


class TestGdpFor:
    """The three lookups: a given year, the previous-year rule, the latest value."""

    def test_given_year(self):
        """The value for a year, exactly."""
        figure = gdp_for("RUS", year=2020)
        assert figure == GdpFigure(
            iso3="RUS",
            value=Decimal("31490.80"),
            year=2020,
            requested_year=2020,
            is_fallback=False,
            fee_year=None,
            source="world-bank-wdi:NY.GDP.PCAP.PP.CD:2026-02-24",
        )

    def test_given_year_not_in_data(self):
        """A year lookup does not fall back."""
        assert code_of(lambda: gdp_for("AFG", year=2024)) == (
            ErrorCode.NO_COUNTRY_DATA_FOR_YEAR,
            Field.GDP,
            {"code": "AFG", "country": "AFG", "year": "2024"},
        )

    @pytest.mark.parametrize(
        ("code", "fee_year", "year", "fallback"),
        [
            ("RUS", 2025, 2024, False),
            ("RUS", 2024, 2023, False),
            ("RUS", 2016, 2015, False),
            ("RUS", 2013, 2012, False),
            ("RUS", 2011, 2010, False),
            ("RUS", 2026, 2024, True),
            ("RUS", 2100, 2024, True),
            ("AFG", 2025, 2023, True),
            ("AFG", 2024, 2023, False),
            ("SYR", 2025, 2022, True),
            ("SSD", 2020, 2015, True),
            ("YEM", 2025, 2013, True),
            ("ERI", 2012, 2011, False),
            ("XKX", 2025, 2024, False),
        ],
    )
    def test_previous_year_rule(self, code, fee_year, year, fallback):
        """A fee for year Y uses GDP of Y-1, else the latest earlier year, flagged."""
        figure = gdp_for(code, fee_year=fee_year)
        assert (figure.year, figure.requested_year) == (year, fee_year - 1)
        assert (figure.is_fallback, figure.fee_year) == (fallback, fee_year)

    def test_previous_year_before_the_data(self):
        """No figure for Y-1 or any earlier year is a coded error, not a later figure."""
        assert code_of(lambda: gdp_for("DJI", fee_year=2012)) == (
            ErrorCode.NO_COUNTRY_DATA_FOR_YEAR,
            Field.GDP,
            {"code": "DJI", "country": "DJI", "year": "2011"},
        )

    @pytest.mark.parametrize(("code", "year"), [("RUS", 2024), ("AFG", 2023), ("VEN", 2011)])
    def test_latest(self, code, year):
        """Without a year, the latest figure; nothing was asked, so nothing fell back."""
        figure = gdp_for(code)
        assert (figure.year, figure.requested_year, figure.is_fallback) == (year, None, False)

    @pytest.mark.parametrize("text", ["rus", " RUS ", "Rus"])
    def test_code_is_normalized(self, text):
        """Case and surrounding spaces do not matter."""
        assert gdp_for(text).iso3 == "RUS"

    @pytest.mark.parametrize("text", ["RU", "RUSS", "ZZZ", "CHI", "РУС", "R1S", "x" * 500])
    def test_unknown_codes(self, text):
        """Anything but an ISO 3166-1 alpha-3 code (or XKX) is unknown_country."""
        assert code_of(lambda: gdp_for(text))[:2] == (ErrorCode.UNKNOWN_COUNTRY, Field.COUNTRY)

    @pytest.mark.parametrize("code", ["TWN", "PRK", "CUB", "VAT", "LIE", "MCO"])
    def test_countries_without_data(self, code):
        """Real countries the World Bank data do not cover: no_country_data, type the GDP."""
        assert code_of(lambda: gdp_for(code)) == (
            ErrorCode.NO_COUNTRY_DATA,
            Field.GDP,
            {"code": code, "country": code},
        )

    def test_year_and_fee_year_exclude_each_other(self):
        """Asking for both is a programming error."""
        with pytest.raises(TypeError):
            gdp_for("RUS", year=2020, fee_year=2021)


class TestParsing:
    """The country and fee-year fields as a reader or a script gives them."""

    @pytest.mark.parametrize("blank", [None, "", "   "])
    def test_blank_country_is_not_given(self, blank):
        assert parse_country(blank) is None

    @pytest.mark.parametrize("value", [123, ["RUS"], b"RUS"])
    def test_non_text_country(self, value):
        assert code_of(lambda: parse_country(value))[0] is ErrorCode.UNKNOWN_COUNTRY

    def test_fee_year(self):
        assert parse_fee_year(" 2026 ") == 2026
        assert parse_fee_year("") is None
        assert code_of(lambda: parse_fee_year("26")) == (
            ErrorCode.INVALID_YEAR,
            Field.FEE_YEAR,
            {"min": 2010, "max": 2100},
        )


class TestLoader:
    """The loader refuses data it cannot trust."""

    GOOD = "iso3,year,value\nAAA,2020,1.5\nAAA,2021,2\nBBB,2019,3\n"

    def test_good(self):
        data = load_gdp_data(self.GOOD, SOURCE_JSON, "# comment\nAAA\nCCC\n")
        assert data.codes_with_data == ("AAA", "BBB")
        assert data.known_codes == frozenset({"AAA", "BBB", "CCC"})
        assert gdp_for("aaa", data=data).value == Decimal(2)
        assert gdp_for("BBB", fee_year=2025, data=data).is_fallback
        assert code_of(lambda: gdp_for("CCC", data=data))[0] is ErrorCode.NO_COUNTRY_DATA

    @pytest.mark.parametrize(
        "csv_text",
        [
            "code,year,value\nAAA,2020,1\n",
            "iso3,year,value\n",
            "iso3,year,value\nAAA,2020,1\nAAA,2020,2\n",
            "iso3,year,value\nAAA,2020,0\n",
            "iso3,year,value\nAAA,2020,-1\n",
            "iso3,year,value\nAAA,2020,1e5\n",
            "iso3,year,value\nAAA,20,1\n",
            "iso3,year,value\naaa,2020,1\n",
            "iso3,year,value\nAAA,2020\n",
        ],
    )
    def test_bad_values(self, csv_text):
        with pytest.raises(ValueError, match="GDP data"):
            load_gdp_data(csv_text, SOURCE_JSON, "AAA\n")

    def test_bad_source(self):
        with pytest.raises(ValueError, match="GDP data"):
            load_gdp_data(self.GOOD, json.dumps({"publisher": "World Bank"}), "AAA\n")


class TestFormatting:
    """How the figure and the release date are written."""

    @pytest.mark.parametrize(
        ("value", "ru", "en"),
        [
            ("47404.96484375", "47\u00a0404,96", "47,404.96"),
            ("19999.999", "19\u00a0999,99", "19,999.99"),
            ("999.996", "999,99", "999.99"),
            ("1000", "1\u00a0000", "1,000"),
            ("2201.70", "2\u00a0201,70", "2,201.70"),
        ],
    )
    def test_figure_is_cut_to_cents_not_rounded(self, value, ru, en):
        """Cutting keeps the shown figure in the exact figure's band."""
        assert gdp_input_text(Decimal(value), RU) == ru
        assert gdp_input_text(Decimal(value), EN) == en

    def test_release_date(self):
        assert format_release(date(2026, 2, 24), RU) == "24.02.2026"
        assert format_release(date(2026, 2, 24), EN) == "24 February 2026"


class TestAnswerWithCountry:
    """answer() with ``country``: the figure, its year, its source; the reader's figure wins."""

    def test_russia_ru(self):
        """The README's example: 624 518 residents in Russia (World Bank figure) pay 7 000 $."""
        record = answer({"population": "624 518", "country": "RUS"}, RU)
        assert record["fee_usd"] == 7000
        assert record["gdp_per_capita_usd"] == 47404.96
        source = record["gdp_source"]
        assert source["origin"] == "world_bank"
        assert (source["iso3"], source["year"], source["requested_year"]) == ("RUS", 2024, 2024)
        assert (source["fee_year"], source["is_fallback"]) == (2025, False)
        assert source["value"] == "47404.96"
        assert source["value_text"] == "47\u00a0404,96"
        assert record["gdp_per_capita_text"] == "47\u00a0404,96"
        assert "47404.964" not in json.dumps(record)
        assert source["text"] == "Всемирный банк, 2024"
        assert source["fallback_text"] is None
        assert "МВФ" in source["caveat"]
        assert "секретариата WeGO" in source["caveat"]
        assert source["credit"].startswith("Источник: Всемирный банк, World Development Indicators")
        assert "выпуск от 24.02.2026, лицензия CC BY 4.0" in source["credit"]
        assert source["license_url"] == "https://creativecommons.org/licenses/by/4.0/"

    def test_russia_en(self):
        record = answer({"population": "624,518", "country": "rus"}, EN)
        assert record["fee_usd"] == 7000
        source = record["gdp_source"]
        assert (source["text"], source["value_text"]) == ("World Bank, 2024", "47,404.96")
        assert "IMF" in source["caveat"]
        assert "Secretariat's figure may differ" in source["caveat"]
        assert "You can type your own" in source["caveat"]
        assert "release of 24 February 2026. CC BY 4.0." in source["credit"]

    def test_fallback_is_said(self):
        """When Y-1 is not in the data, the record says which year is used instead."""
        source = answer({"population": "1", "country": "RUS", "fee_year": "2026"}, EN)
        assert source["gdp_source"]["fallback_text"] == (
            "GDP for 2025 is not in the data; the latest earlier year, 2024, is used."
        )
        source = answer({"population": "1", "country": "RUS", "fee_year": "2026"}, RU)
        assert source["gdp_source"]["fallback_text"] == (
            "ВВП за 2025 год в данных нет; взят последний более ранний год — 2024."
        )

    def test_fee_year_picks_the_gdp_year(self):
        """A fee for 2019 uses GDP of 2018 (a lower band for Russia then)."""
        record = answer({"population": "624518", "country": "RUS", "fee_year": "2019"}, EN)
        assert (record["gdp_source"]["year"], record["gdp_per_capita_usd"]) == (2018, 28628.56)

    def test_approval_year_sets_the_fee_year(self):
        """Approved in Y: the first fee is for Y+1, so GDP of Y (here not yet in the data)."""
        record = answer({"population": "1", "country": "RUS", "approval_year": "2019"}, EN)
        assert record["gdp_source"]["fee_year"] == 2020
        assert record["gdp_source"]["year"] == 2019
        record = answer({"population": "1", "country": "RUS", "approval_year": "2026"}, EN)
        assert record["gdp_source"]["requested_year"] == 2026
        assert record["gdp_source"]["year"] == 2024
        assert record["gdp_source"]["is_fallback"] is True
        explicit = {
            "population": "1",
            "country": "RUS",
            "approval_year": "2026",
            "fee_year": "2020",
        }
        assert answer(explicit, EN)["gdp_source"]["year"] == 2019

    def test_typed_gdp_wins(self):
        """The reader's figure overrides the data, and the record says so."""
        record = answer({"population": "624 518", "country": "RUS", "gdp": "5 000"}, RU)
        assert record["fee_usd"] == 1300
        assert record["gdp_source"] == {
            "origin": "reader",
            "iso3": "RUS",
            "text": "ВВП на душу населения введён вами: расчёт выполнен по вашей цифре, "
            "а не по данным Всемирного банка.",
        }

    def test_no_country_keeps_the_old_record(self):
        """Without a country the record is what it always was."""
        record = answer({"population": "1", "gdp": "1"}, EN)
        assert "gdp_source" not in record
        assert answer({"population": "1", "gdp": "", "country": ""}, EN)["error"]["code"] == (
            "empty"
        )

    def test_source_comes_with_an_earlier_error(self):
        """The figure is looked up even while the population is missing (the form fills it)."""
        record = answer({"population": "", "country": "KAZ"}, EN)
        assert record["error"]["field"] == "population"
        assert record["gdp_source"]["origin"] == "world_bank"
        assert record["gdp_source"]["iso3"] == "KAZ"

    @pytest.mark.parametrize(
        ("fields", "field", "code"),
        [
            ({"population": "1", "country": "ZZZ"}, "country", "unknown_country"),
            ({"population": "1", "country": "ZZZ", "gdp": "5"}, "country", "unknown_country"),
            ({"population": "1", "country": "TWN"}, "gdp", "no_country_data"),
            (
                {"population": "1", "country": "DJI", "fee_year": "2012"},
                "gdp",
                "no_country_data_for_year",
            ),
            ({"population": "1", "country": "RUS", "fee_year": "x"}, "fee_year", "invalid_year"),
            ({"population": "x", "country": "ZZZ"}, "population", "not_a_number"),
            ({"population": "1", "country": "RUS", "gdp": "abc"}, "gdp", "not_a_number"),
        ],
    )
    def test_errors_in_form_order(self, fields, field, code):
        """Country errors are coded and come after the population's, in form order."""
        error = answer(fields, EN)["error"]
        assert (error["field"], error["code"]) == (field, code)

    def test_no_data_messages(self):
        """A country without data asks for the figure, in both languages."""
        ru = answer({"population": "1", "country": "TWN"}, RU)
        en = answer({"population": "1", "country": "TWN"}, EN)
        assert ru["error"]["message"] == (
            "ВВП на душу населения (ППС): в данных Всемирного банка нет значения для этой страны "
            "(TWN); введите его сами."
        )
        assert en["error"]["message"] == (
            "GDP per capita (PPP): the World Bank data have no figure for this country (TWN); "
            "type it yourself."
        )
        assert en["gdp_source"] == {
            "origin": "none",
            "iso3": "TWN",
            "code": "no_country_data",
            "text": en["error"]["message"],
        }
        typed = answer({"population": "624518", "country": "TWN", "gdp": "30000"}, EN)
        assert (typed["fee_usd"], typed["gdp_source"]["origin"]) == (7000, "reader")

    def test_unknown_country_message(self):
        assert answer({"population": "1", "country": "ZZZ"}, EN)["error"]["message"] == (
            "Country: pick a country from the list or give a three-letter ISO 3166-1 alpha-3 "
            "code, for example RUS."
        )
        assert answer({"population": "1", "country": "ZZZ"}, RU)["error"]["message"].startswith(
            "Страна: выберите страну из списка"
        )

    def test_json_boundary(self):
        """The browser worker's entry point passes the country through."""
        request = {"lang": "en", "fields": {"population": "624518", "country": "RUS"}}
        reply = json.loads(answer_json(json.dumps(request)))
        assert reply["fee_usd"] == 7000
        assert reply["gdp_source"]["text"] == "World Bank, 2024"


def refresh_script():
    """scripts/refresh_gdp_data.py, loaded by path (it is a maintainer's tool, not a module)."""
    path = REPO / "scripts" / "refresh_gdp_data.py"
    spec = importlib.util.spec_from_file_location("refresh_gdp_data", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


class TestRefreshScript:
    """The refresh script reads the official World Bank format and writes calculator/data/."""

    @pytest.fixture
    def data_dir(self, tmp_path):
        shutil.copyfile(FIXTURES / "wb_expected" / "SOURCE.before.md", tmp_path / "SOURCE.md")
        return tmp_path

    def test_default_first_year_is_the_first_approval_year(self):
        """The shipped data start where the approval year field does, so the two agree."""
        assert YEAR_RANGE.start == refresh_script().FIRST_YEAR

    def test_fixture_is_in_the_official_format(self):
        """Byte-order mark, CRLF line ends, four preamble lines."""
        raw = next((FIXTURES / "wb_download").glob("API_*.csv")).read_bytes()
        assert raw.startswith(b'\xef\xbb\xbf"Data Source","World Development Indicators",\r\n')
        assert b"\r\n\r\n" in raw
        assert raw.count(b"\n") == raw.count(b"\r\n")

    def test_reproduces_the_expected_files(self, data_dir, capsys):
        """Aggregates, unlisted codes and old years dropped; exact strings; hashes; coverage."""
        script = refresh_script()
        # The fixture's expected files keep years from 2015 (an explicit --first-year).
        args = [str(FIXTURES / "wb_download"), "--data-dir", str(data_dir), "--first-year", "2015"]
        assert script.main(args) == 0
        expected = FIXTURES / "wb_expected"
        for name, reference in [
            ("gdp_per_capita_ppp.csv", "gdp_per_capita_ppp.csv"),
            ("source.json", "source.json"),
            ("SOURCE.md", "SOURCE.after.md"),
        ]:
            written = (data_dir / name).read_bytes()
            assert written == (expected / reference).read_bytes(), name
        # The result loads, and a second run changes nothing (--check agrees).
        data = load_gdp_data(
            (data_dir / "gdp_per_capita_ppp.csv").read_text(encoding="utf-8"),
            (data_dir / "source.json").read_text(encoding="utf-8"),
            "RUS\nERI\nPRK\n",
        )
        assert data.codes_with_data == ("ERI", "RUS", "XKX")
        args = [*args, "--check"]
        assert script.main(args) == 0
        assert "up to date" in capsys.readouterr().out

    def test_check_reports_differences(self, data_dir, capsys):
        script = refresh_script()
        args = [str(FIXTURES / "wb_download"), "--data-dir", str(data_dir), "--check"]
        assert script.main(args) == 1
        assert "differs" in capsys.readouterr().out
        assert not (data_dir / "gdp_per_capita_ppp.csv").exists()

    def test_refuses_a_file_without_the_preamble(self, tmp_path, data_dir, capsys):
        source = tmp_path / "download"
        shutil.copytree(FIXTURES / "wb_download", source)
        data_file = next(source.glob("API_*.csv"))
        data_file.write_bytes(
            b"\xef\xbb\xbf" + b"\r\n".join(data_file.read_bytes().split(b"\r\n")[4:])
        )
        assert refresh_script().main([str(source), "--data-dir", str(data_dir)]) == 2
        assert "preamble" in capsys.readouterr().err
