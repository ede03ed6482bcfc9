"""calculator.cli: the command line's JSON contract, exit codes and localized messages.

Most tests call ``main(argv)`` in-process (pytest's ``capsys`` holds what it prints): the same
code path as the command, without an interpreter start per case. The last few start real
processes for what only a process shows: the exit status, ``python -m calculator``, the
``wego-fee`` console script, and a reader closing the pipe early.
"""

import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from calculator.cli import main


class Result(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    """``main(args)`` in this process: its status and what it printed."""

    def call(*args: str) -> Result:
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse's --help
            status = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return Result(status, out, err)

    return call


class TestQuote:
    """A good quote exits 0."""

    def test_reference_json(self, run):
        """The README's example (624,518 residents, GDP 47,404.96): fee_usd 7000 with its bands."""
        result = run("--population", "624518", "--gdp", "47404.96", "--json")
        assert result.returncode == 0, result.stderr
        record = json.loads(result.stdout)
        assert record["fee_usd"] == 7000
        assert record["population_band"]["label"] == "600–999"
        assert record["gdp_band"]["label"] == "20\u00a0000 и более"
        assert record["provenance"] == "published"
        assert len(record["notes"]) == 2
        assert result.stderr == ""

    def test_human_output_english(self, run):
        """Without --json the answer is localized prose."""
        result = run("--population", "12,000,000", "--gdp", "5,000", "--lang", "en")
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert lines[0] == "Annual membership fee: $2,800"
        assert lines[1].startswith("By the fee schedule of the 2017 letter (1 August 2017)")
        assert "Population: 10,000+ thousand residents" in lines
        assert lines[2] == (
            "! Two readings of the source: $2,500 or $2,800. The estimate uses the higher; "
            "neither figure is in the source."
        )
        assert any(line.startswith("! This cell is empty in the source") for line in lines)

    @pytest.mark.parametrize(
        ("lang", "warning"),
        [
            ("en", "! Check the population: 500 residents is fewer than 1,000."),
            ("ru", "! Проверьте население: 500 жителей — меньше 1\u00a0000."),
        ],
    )
    def test_human_output_shows_the_warnings_the_json_has(self, run, lang, warning):
        """The text output prints every line of the record: a plausibility warning too."""
        result = run("--population", "500", "--gdp", "47404.96", "--lang", lang)
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert lines[2].startswith(warning)

    def test_human_output_is_the_record_lines_then_notes(self, run):
        """Line for line, the record's lines in order, then its notes: nothing decided again."""
        argv = ("--population", "12000000", "--gdp", "5000", "--category", "associate")
        record = json.loads(run(*argv, "--json").stdout)
        printed = run(*argv).stdout.splitlines()
        texts = [line["text"] for line in record["lines"]] + record["notes"]
        assert [line.lstrip("!* ") for line in printed] == texts

    def test_json_carries_both_readings_of_the_estimated_cell(self, run):
        """The empty cell quotes the higher reading and names the range in the JSON."""
        result = run("--population", "12000000", "--gdp", "5000", "--json")
        record = json.loads(result.stdout)
        assert (record["fee_usd"], record["fee_range_usd"]) == (2800, [2500, 2800])
        assert "2\u00a0500\u00a0$" in record["fee_range_text"]
        assert "секретариате WeGO" in record["caveats"][0]

    def test_human_output_russian_default(self, run):
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
    def test_exit_2_with_code(self, run, args, code, lang):
        """Exit 2; stdout holds only the error object; stderr the message; no traceback."""
        if "--lang" not in args:
            args = [*args, "--lang", lang]
        result = run(*args, "--json")
        assert result.returncode == 2
        error = json.loads(result.stdout)["error"]
        assert error["code"] == code
        assert result.stderr.strip() == error["message"]
        assert "Traceback" not in result.stderr

    def test_messages_follow_language(self, run):
        """The same mistake reads in Russian or English."""
        ru = run("--population", "abc", "--gdp", "1", "--lang", "ru")
        en = run("--population", "abc", "--gdp", "1", "--lang", "en")
        assert ru.stderr.startswith("Население города: это не число")
        assert en.stderr.startswith("City population: this is not a number")
        assert ru.stdout == en.stdout == ""

    def test_help_is_localized(self, run):
        """--help speaks the chosen language."""
        assert "ВВП на душу населения" in run("--help").stdout
        assert "GDP per capita" in run("--help", "--lang", "en").stdout


# --- real processes -------------------------------------------------------------------------

#: The two ways a reader starts the command: the module, and the console script pip installs.
ENTRY_POINTS = {
    "python -m calculator": [sys.executable, "-m", "calculator"],
    "wego-fee": [str(Path(sys.executable).with_name("wego-fee"))],
}
REFERENCE = ["--population", "624518", "--gdp", "47404.96", "--json"]


def process(command: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, check=False, timeout=60
    )


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=str)
def test_entry_points_exit_0_with_a_quote(entry):
    """Each entry point prints the quote and exits 0."""
    result = process(ENTRY_POINTS[entry], *REFERENCE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["fee_usd"] == 7000
    assert result.stderr == ""


def test_bad_input_exits_2_from_a_real_process():
    """The exit status a shell sees: 2, the message on stderr, no traceback."""
    result = process(ENTRY_POINTS["python -m calculator"], "--population", "x", "--gdp", "1")
    assert result.returncode == 2
    assert result.stderr.startswith("Население города: это не число")
    assert result.stdout == ""


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=str)
def test_closed_pipe_is_not_a_traceback(entry):
    """Piping the output into a reader that stops early (``| head -1``) prints no traceback.

    The reader's end of the pipe is closed before the command writes, as when ``head`` has
    had its line, so the write fails every time rather than when the timing happens to.
    """
    child = subprocess.Popen(
        [*ENTRY_POINTS[entry], *REFERENCE], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert child.stdout is not None
    child.stdout.close()
    _, stderr = child.communicate(timeout=60)
    assert b"Traceback" not in stderr
    assert stderr == b""
    assert child.returncode == 0


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        (["--gdp", "47404.96"], "--population"),
        (["--population", "624518"], "--gdp | --country"),
        (["--cities", "cities.csv"], "--gdp | --country"),
    ],
)
def test_a_missing_option_is_named(run, args, missing):
    """Without what a quote needs, the reader is told which option is missing; exit 2."""
    result = run(*args, "--lang", "en", "--json")
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "invalid_usage"
    assert missing in error["message"]
