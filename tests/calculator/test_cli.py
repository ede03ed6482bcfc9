"""calculator.cli: the command line's JSON contract, exit codes and localized messages."""

import json
import subprocess
import sys

import pytest


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "calculator", *args], capture_output=True, text=True, check=False
    )


class TestQuote:
    """A good quote exits 0."""

    def test_reference_json(self):
        """The issue's reference: fee_usd 7000 with its bands."""
        result = run("--population", "624518", "--gdp", "47404.96", "--json")
        assert result.returncode == 0, result.stderr
        record = json.loads(result.stdout)
        assert record["fee_usd"] == 7000
        assert record["population_band"]["label"] == "600–999"
        assert record["gdp_band"]["label"] == "20\u00a0000 и более"
        assert record["provenance"] == "published"
        assert len(record["notes"]) == 2
        assert result.stderr == ""

    def test_human_output_english(self):
        """Without --json the answer is localized prose."""
        result = run("--population", "12,000,000", "--gdp", "5,000", "--lang", "en")
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert lines[0] == "Annual membership fee: $2,800"
        assert "Population: 10,000+ thousand residents" in lines
        assert any(line.startswith("! The source gives no figure") for line in lines)

    def test_human_output_russian_default(self):
        """Russian is the default language."""
        result = run(
            "--population",
            "613 786",
            "--gdp",
            "4 500",
            "--category",
            "associate",
            "--approval-year",
            "2026",
        )
        assert result.returncode == 0
        assert result.stdout.splitlines()[0] == "Ежегодный членский взнос: 1\u00a0300\u00a0$"
        assert "первый взнос — за 2027 год" in result.stdout


class TestBadInput:
    """Bad input exits 2 with a localized message and, with --json, the error object."""

    @pytest.mark.parametrize(
        ("args", "code"),
        [
            (["--population", "", "--gdp", "1"], "empty"),
            (["--population", "x", "--gdp", "1"], "not_a_number"),
            (["--population", "-1", "--gdp", "1"], "negative"),
            (["--population", "0", "--gdp", "1"], "zero"),
            (["--population", "nan", "--gdp", "1"], "not_finite"),
            (["--population", "1e400", "--gdp", "1"], "exponent"),
            (["--population", "1.5", "--gdp", "1"], "not_whole"),
            (["--population", "200000000", "--gdp", "1"], "too_large"),
            (["--population", "1", "--gdp", "2000000"], "too_large"),
            (["--population", "1\u202e2", "--gdp", "1"], "invalid_character"),
            (["--population", "1", "--gdp", "1", "--category", "vip"], "invalid_category"),
            (["--population", "1", "--gdp", "1", "--approval-year", "99"], "invalid_year"),
            (["--population", "1", "--gdp", "1", "--lang", "de"], "invalid_language"),
            (["--population", "1"], "invalid_usage"),
            (["--population", "1", "--gdp", "1", "--bogus"], "invalid_usage"),
            (["--population"], "invalid_usage"),
        ],
    )
    @pytest.mark.parametrize("lang", ["ru", "en"])
    def test_exit_2_with_code(self, args, code, lang):
        """Exit 2; stdout holds only the error object; stderr the message; no traceback."""
        if "--lang" not in args:
            args = [*args, "--lang", lang]
        result = run(*args, "--json")
        assert result.returncode == 2
        error = json.loads(result.stdout)["error"]
        assert error["code"] == code
        assert result.stderr.strip() == error["message"]
        assert "Traceback" not in result.stderr

    def test_messages_follow_language(self):
        """The same mistake reads in Russian or English."""
        ru = run("--population", "abc", "--gdp", "1", "--lang", "ru")
        en = run("--population", "abc", "--gdp", "1", "--lang", "en")
        assert ru.stderr.startswith("Население города: это не число")
        assert en.stderr.startswith("City population: this is not a number")
        assert ru.stdout == en.stdout == ""

    def test_help_is_localized(self):
        """--help speaks the chosen language."""
        assert "ВВП на душу населения" in run("--help").stdout
        assert "GDP per capita" in run("--help", "--lang", "en").stdout


def test_closed_pipe_is_not_a_traceback():
    """Piping the output into a reader that stops early (``| head -1``) prints no traceback."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "calculator",
            "--population",
            "624518",
            "--gdp",
            "47404.96",
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away before the answer is written
    _, stderr = process.communicate()
    assert b"Traceback" not in stderr
    assert process.returncode == 0
