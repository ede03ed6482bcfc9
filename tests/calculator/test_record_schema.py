"""calculator.record_schema: the committed schema is the TypedDicts', and real answers fit it."""

import json
from importlib import resources

import pytest

from calculator import Language, answer, answer_json, quote_cities
from calculator.cli import main
from calculator.describe import describe_error
from calculator.errors import ErrorCode, Field, InputError
from calculator.record_schema import SCHEMA_FILE, build_schema, schema_text

from .schema_validator import errors

SCHEMA = json.loads(resources.files("calculator").joinpath(*SCHEMA_FILE).read_text("utf-8"))


def test_the_committed_schema_is_the_generated_one():
    """Changing records.py without `python -m calculator.record_schema` fails here."""
    shipped = resources.files("calculator").joinpath(*SCHEMA_FILE).read_text("utf-8")
    assert shipped == schema_text()


def test_every_record_shape_is_closed_and_says_what_it_is():
    """No record admits keys the contract does not name; each has a description."""
    for name, shape in build_schema()["$defs"].items():
        assert shape["additionalProperties"] is False, name
        assert shape["description"], name


def _answers():
    """Real answers: quotes with warnings, caveats and each GDP source; errors; lists."""
    for lang in Language:
        yield answer({"population": "500", "gdp": "47404.96"}, lang)
        yield answer({"population": "12000000", "gdp": "5000", "category": "associate"}, lang)
        yield answer({"population": "9000000", "country": "RUS", "approval_year": "2025"}, lang)
        yield answer({"population": "624518", "country": "RUS", "gdp": "30000"}, lang)
        yield answer({"population": "1000", "country": "TWN"}, lang)
        yield answer({"population": "abc", "gdp": "1"}, lang)
        yield describe_error(InputError(ErrorCode.INVALID_LANGUAGE, Field.LANGUAGE), lang)
        yield quote_cities("A;12000000\nB;x\nC;1000", {"country": "RUS"}, lang)
        yield quote_cities("City;Population\nB;x", {"gdp": "5000"}, lang)
        yield quote_cities("A;1000", {"gdp": "bad"}, lang)
        yield quote_cities("", {"gdp": "5000"}, lang)
        yield json.loads(answer_json(json.dumps({"lang": lang.value, "fields": {}})))


@pytest.mark.parametrize("record", list(_answers()), ids=lambda r: str(sorted(r)[:3]))
def test_real_answers_fit_the_schema(record):
    # Through JSON, as every consumer reads them.
    assert errors(json.loads(json.dumps(record)), SCHEMA) == []


def test_the_cli_json_fits_the_schema(tmp_path, capsys):
    path = tmp_path / "cities.csv"
    path.write_text("name,population\nKazan,1308660\n", encoding="utf-8")
    for argv in (
        ["--population", "500", "--gdp", "47404.96", "--json"],
        ["--cities", str(path), "--country", "RUS", "--json"],
    ):
        assert main(argv) == 0
        assert errors(json.loads(capsys.readouterr().out), SCHEMA) == []


@pytest.mark.parametrize(
    ("break_it", "problem"),
    [
        (lambda r: r.update(surprise=1), "unexpected key 'surprise'"),
        (lambda r: r.pop("lines"), "missing 'lines'"),
        (lambda r: r.update(fee_usd="7000"), "str is not integer"),
        (lambda r: r.update(needs_confirmation=1), "int is not boolean"),
        (lambda r: r.update(fee_usd=True), "bool is not integer"),
        (lambda r: r["lines"][0].update(kind="headline"), "'headline' is not one of"),
        (lambda r: r["lines"].append({"kind": "fee"}), "missing 'text'"),
        (lambda r: r["gdp_source"].update(origin="imf"), "matches none"),
    ],
)
def test_the_validator_catches_a_broken_record(break_it, problem):
    """The check can fail: each way of breaking a quote is named."""
    record = json.loads(json.dumps(answer({"population": "624518", "country": "RUS"}, Language.EN)))
    assert errors(record, SCHEMA) == []
    break_it(record)
    found = errors(record, SCHEMA)
    assert found
    assert any(problem in text for text in found), found


def test_the_validator_refuses_a_keyword_it_does_not_know():
    with pytest.raises(ValueError, match="minimum"):
        errors(3, {"type": "integer", "minimum": 5})


def test_the_check_command_passes_on_the_committed_file():
    from calculator.record_schema import main as schema_main

    assert schema_main(["--check"]) == 0


class TestTheCommand:
    """``python -m calculator.record_schema`` writes the schema; ``--check`` says if it is stale."""

    def test_check_fails_on_a_stale_file_and_writing_mends_it(self, tmp_path, monkeypatch, capsys):
        """A stale schema file exits 1 with a hint; the command rewrites it; then it checks."""
        from calculator import record_schema

        path = tmp_path / "schema" / "records.schema.json"
        monkeypatch.setattr(record_schema, "_schema_path", lambda: path)
        assert record_schema.main(["--check"]) == 1
        assert "run python -m calculator.record_schema" in capsys.readouterr().err
        assert record_schema.main([]) == 0
        assert path.read_text(encoding="utf-8") == schema_text()
        assert record_schema.main(["--check"]) == 0

    def test_an_annotation_it_cannot_write_is_refused_by_name(self):
        """A record field of a type the generator does not know fails loudly, not silently."""
        from typing import TypedDict

        class Odd(TypedDict):
            when: complex

        from calculator.record_schema import _Builder

        with pytest.raises(TypeError, match="no JSON Schema"):
            _Builder().schema(Odd)
