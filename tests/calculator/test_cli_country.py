"""``python -m calculator --country ISO3 [--fee-year Y]``: the GDP from the World Bank data.

The command line is called in-process (``main()`` with string buffers), so this module also
runs inside Pyodide; one test starts the real ``python -m calculator`` on the host.
"""

import io
import json
import subprocess
import sys

import pytest

from calculator.cli import main


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


class TestCountry:
    """--country instead of --gdp: the quote, with the figure, its year and its source."""

    def test_json_states_figure_year_and_source(self):
        status, out, err = run("--population", "624518", "--country", "RUS", "--json")
        assert (status, err) == (0, "")
        record = json.loads(out)
        assert record["fee_usd"] == 7000
        source = record["gdp_source"]
        assert (source["iso3"], source["year"], source["value"]) == ("RUS", 2024, "47404.96")
        assert source["text"] == "Всемирный банк, 2024"
        assert "CC BY 4.0" in source["credit"]

    def test_human_output_russian(self):
        status, out, _ = run("--population", "624 518", "--country", "RUS")
        assert status == 0
        lines = out.splitlines()
        assert lines[0] == "Ежегодный членский взнос: 7\u00a0000\u00a0$"
        assert "ВВП на душу населения (ППС): 47\u00a0404,96 $ — Всемирный банк, 2024" in lines
        assert any(line.startswith("! Это данные Всемирного банка") for line in lines)
        assert lines[-1].startswith("* Источник: Всемирный банк, World Development Indicators")

    def test_human_output_english(self):
        status, out, _ = run("--population", "624,518", "--country", "rus", "--lang", "en")
        assert status == 0
        lines = out.splitlines()
        assert lines[0] == "Annual membership fee: $7,000"
        assert "GDP per capita (PPP): USD 47,404.96 — World Bank, 2024" in lines
        assert any("the WeGO fee rules cite IMF data" in line for line in lines)
        assert "release of 24 February 2026. CC BY 4.0." in lines[-1]

    @pytest.mark.parametrize(
        ("lang", "text"),
        [
            ("en", "! GDP for 2025 is not in the data; the latest earlier year, 2024, is used."),
            ("ru", "! ВВП за 2025 год в данных нет; взят последний более ранний год — 2024."),
        ],
    )
    def test_fee_year_fallback_is_said(self, lang, text):
        status, out, _ = run(
            "--population", "624518", "--country", "RUS", "--fee-year", "2026", "--lang", lang
        )
        assert status == 0
        assert text in out.splitlines()

    def test_fee_year_previous_year(self):
        _, out, _ = run("--population", "1", "--country", "RUS", "--fee-year", "2019", "--json")
        source = json.loads(out)["gdp_source"]
        assert (source["year"], source["fee_year"], source["is_fallback"]) == (2018, 2019, False)

    def test_typed_gdp_wins(self):
        _, out, _ = run("--population", "624518", "--country", "RUS", "--gdp", "5000", "--json")
        record = json.loads(out)
        assert (record["fee_usd"], record["gdp_source"]["origin"]) == (1300, "reader")

    def test_gdp_alone_is_unchanged(self):
        _, out, _ = run("--population", "624518", "--gdp", "47404.96", "--json")
        assert "gdp_source" not in json.loads(out)


class TestCountryErrors:
    """Unknown codes and countries without data: exit 2, a coded and localized message."""

    @pytest.mark.parametrize(
        ("args", "code", "field"),
        [
            (["--country", "ZZZ"], "unknown_country", "country"),
            (["--country", "RU"], "unknown_country", "country"),
            (["--country", "TWN"], "no_country_data", "gdp"),
            (["--country", "PRK"], "no_country_data", "gdp"),
            (["--country", "DJI", "--fee-year", "2012"], "no_country_data_for_year", "gdp"),
            (["--country", "RUS", "--fee-year", "1999"], "invalid_year", "fee_year"),
            ([], "invalid_usage", "arguments"),
        ],
    )
    @pytest.mark.parametrize("lang", ["ru", "en"])
    def test_exit_2_with_code(self, args, code, field, lang):
        status, out, err = run("--population", "624518", *args, "--lang", lang, "--json")
        assert status == 2
        error = json.loads(out)["error"]
        assert (error["code"], error["field"]) == (code, field)
        assert err.strip() == error["message"]

    def test_messages_follow_language(self):
        _, _, ru = run("--population", "1", "--country", "ZZZ")
        _, _, en = run("--population", "1", "--country", "ZZZ", "--lang", "en")
        assert ru.startswith("Страна: выберите страну из списка или укажите трёхбуквенный код")
        assert en.startswith("Country: pick a country from the list or give a three-letter")
        _, _, ru = run("--population", "1", "--country", "TWN")
        _, _, en = run("--population", "1", "--country", "TWN", "--lang", "en")
        assert "нет значения для этой страны (TWN)" in ru
        assert "no figure for this country (TWN)" in en


def test_help_names_the_country_options(capsys):
    """--help lists --country and --fee-year."""
    with pytest.raises(SystemExit):
        main(["--help"])
    helped = capsys.readouterr().out
    assert "--country ISO3" in helped
    assert "--fee-year Y" in helped


@pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide cannot start subprocesses")
def test_real_command_line():
    """The real ``python -m calculator``, in a subprocess, with --country."""
    result = subprocess.run(
        [
            *(sys.executable, "-m", "calculator", "--population", "624518"),
            *("--country", "RUS", "--lang", "en", "--json"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["gdp_source"]["text"] == "World Bank, 2024"
