"""calculator.cli --cities: a CSV file of cities to a table or JSON, and the exit status."""

import io
import json
import subprocess
import sys

import pytest

from calculator import Language, answer
from calculator.cli import main

BOM = "\ufeff"


def run(argv):
    """main() in-process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(argv, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def csv_file(tmp_path):
    def write(text, encoding="utf-8"):
        path = tmp_path / "cities.csv"
        path.write_bytes(text.encode(encoding))
        return str(path)

    return write


GOOD_RU = (
    f"{BOM}name;population\r\n"
    "Казань;1 308 660\r\n"
    '"Набережные Челны; город";548 434\r\n'
    "Елабуга;74 000\r\n"
)


def test_json_has_every_city_the_total_and_no_errors(csv_file):
    """A BOM, semicolons and a quoted name holding a semicolon: every city, exit 0."""
    status, out, err = run(["--cities", csv_file(GOOD_RU), "--gdp", "5000", "--json"])
    assert (status, err) == (0, "")
    record = json.loads(out)
    names = [(c["line"], c["name"], c["population"]) for c in record["cities"]]
    assert names == [
        (2, "Казань", 1308660),
        (3, "Набережные Челны; город", 548434),
        (4, "Елабуга", 74000),
    ]
    for city in record["cities"]:
        single = answer({"population": str(city["population"]), "gdp": "5000"}, Language.RU)
        assert city["fee_usd"] == single["fee_usd"]
    assert record["total_usd"] == sum(c["fee_usd"] for c in record["cities"])
    assert record["errors"] == []


def test_english_commas_with_quoted_grouped_numbers(csv_file):
    """A comma CSV with English-grouped populations in quotes, read in English."""
    text = 'name,population\nKazan,"1,308,660"\n"Chelny, Naberezhnye","548,434"\n'
    status, out, _ = run(["--cities", csv_file(text), "--gdp", "5,000", "--lang", "en", "--json"])
    assert status == 0
    record = json.loads(out)
    assert [c["population"] for c in record["cities"]] == [1308660, 548434]
    assert record["cities"][1]["name"] == "Chelny, Naberezhnye"


def test_a_bad_line_exits_2_and_the_good_lines_are_printed(csv_file):
    """Exit 2, the error by line number on stderr and in JSON, the others still quoted."""
    text = "name,population\nKazan,1308660\nNowhere,abc\nYelabuga,74000\n"
    status, out, err = run(["--cities", csv_file(text), "--gdp", "5000", "--json", "--lang", "en"])
    assert status == 2
    record = json.loads(out)
    assert [c["name"] for c in record["cities"]] == ["Kazan", "Yelabuga"]
    assert [(e["line"], e["code"]) for e in record["errors"]] == [(3, "not_a_number")]
    assert err.startswith("Line 3: City population: this is not a number")
    assert record["left_out"] == 1


def test_human_output_is_a_table_with_the_total(csv_file):
    """Without --json: a header row, one row per city, then the total and its GDP source."""
    status, out, err = run(["--cities", csv_file(GOOD_RU), "--country", "RUS"])
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["Город", "Население"]
    assert set(lines[1]) == {"-", " "}
    assert "Казань" in lines[2]
    assert lines[2].rstrip().endswith("$")
    record = answer({"population": "1 308 660", "country": "RUS"}, Language.RU)
    assert record["fee_text"] in lines[2]
    assert lines[5] == ""
    assert lines[6].startswith("Итого по списку (городов: 3): ")
    assert lines[7].startswith("По шкале взносов из письма 2017")
    assert any("Всемирный банк" in line for line in lines)


def test_caveat_column_shows_an_estimated_cell(csv_file):
    """A city in a cell the source leaves empty is marked in the caveat column."""
    text = "name,population\nBig,12000000\n"
    status, out, _ = run(["--cities", csv_file(text), "--gdp", "5000", "--lang", "en"])
    assert status == 0
    assert out.splitlines()[0].split()[-1] == "Caveat"
    assert "estimate: the cell is empty in the source" in out.splitlines()[2]
    assert "! This cell is empty in the source" in out


@pytest.mark.parametrize(
    ("text", "extra", "code"),
    [
        ("name,population\n", [], "no_cities"),
        (f"{BOM}Город;Население\r\n", [], "no_cities"),
        ("name,population\nKazan,1000\n", ["--population", "5"], "invalid_usage"),
        ("name,population\nKazan,1000\n", ["--gdp", "x"], "not_a_number"),
    ],
)
def test_a_file_or_call_that_cannot_be_quoted_exits_2(csv_file, text, extra, code):
    """No city, --population with --cities, a bad GDP: one coded error, exit 2."""
    argv = ["--cities", csv_file(text), "--json", *(extra or []), "--lang", "en"]
    if "--gdp" not in extra:
        argv += ["--gdp", "5000"]
    status, out, err = run(argv)
    assert status == 2
    assert json.loads(out)["error"]["code"] == code
    assert err.strip()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_file_without_a_header_is_read_from_its_first_line(csv_file, lang):
    status, out, _ = run(
        [
            "--cities",
            csv_file("Kazan,1000\nYelabuga,74000\n"),
            "--gdp",
            "5000",
            "--json",
            "--lang",
            lang,
        ]
    )
    assert status == 0
    assert [(c["line"], c["name"]) for c in json.loads(out)["cities"]] == [
        (1, "Kazan"),
        (2, "Yelabuga"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            f"{BOM}Город;Население;Население, тыс.\u00a0жителей (диапазон);"
            "Взнос, долл. США в год\r\n"
            "Казань;1308660;1\u00a0000–1\u00a0999;1600\r\nИтого;;;1600\r\n",
            "ru",
        ),
        (
            f'{BOM}City,Population,"Population band, thousand residents","Fee, USD a year"\r\n'
            'Kazan,1308660,"1,000–1,999",1600\r\nTotal,,,1600\r\n',
            "en",
        ),
    ],
)
def test_the_file_the_cities_page_downloads_is_read(csv_file, text, lang):
    """BOM, `;` or `,`, the header in either language, extra columns, the total row: exit 0."""
    status, out, err = run(["--cities", csv_file(text), "--gdp", "5000", "--json", "--lang", lang])
    assert (status, err) == (0, "")
    record = json.loads(out)
    assert [(c["line"], c["name"], c["population"]) for c in record["cities"]] == [
        (2, "Казань" if lang == "ru" else "Kazan", 1308660)
    ]


def test_unreadable_and_non_utf8_files_are_usage_errors(csv_file, tmp_path):
    """A missing file or a legacy encoding gets a clear message, not a traceback."""
    status, _, err = run(["--cities", str(tmp_path / "none.csv"), "--gdp", "1", "--lang", "en"])
    assert status == 2
    assert "cannot read the file" in err
    path = csv_file("name;population\nКазань;1000\n", encoding="cp1251")
    status, _, err = run(["--cities", path, "--gdp", "1"])
    assert status == 2
    assert "не в кодировке UTF-8" in err


@pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide cannot start a subprocess")
def test_the_real_command_prints_json_and_exits_2_on_a_bad_line(csv_file):
    """`python -m calculator --cities` in a real process: JSON on stdout, status 2."""
    path = csv_file(f"{BOM}name,population\nKazan,1308660\n,5\n")
    result = subprocess.run(
        [sys.executable, "-m", "calculator", "--cities", path, "--gdp", "5000", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    record = json.loads(result.stdout)
    single = answer({"population": "1308660", "gdp": "5000"}, Language.RU)
    assert record["cities"][0]["fee_usd"] == single["fee_usd"]
    assert record["errors"][0]["code"] == "missing_name"
    assert "Строка 3" in result.stderr


def test_human_output_after_the_table_is_the_record_lines_then_notes_and_credit(csv_file):
    """The CLI decides nothing of its own: the record's lines, its notes, the credit."""
    path = csv_file("name,population\nBig,12000000\nSmall,500000\nBad,x\n")
    argv = ["--cities", path, "--country", "RUS", "--category", "associate", "--lang", "en"]
    _, out, _ = run(argv)
    _, as_json, _ = run([*argv, "--json"])
    record = json.loads(as_json)
    printed = out.splitlines()
    after_table = printed[printed.index("") + 1 :]
    expected = [line["text"] for line in record["lines"]] + record["notes"]
    expected.append(record["gdp_source"]["credit"])
    assert [line.lstrip("!* ") for line in after_table] == expected
