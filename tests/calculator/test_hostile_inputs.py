"""The shared hostile corpus against the engine and its command line: always a coded error.

Every value of tests/hostile_inputs.py, typed as the population or as GDP per capita, in
Russian and in English, must come back as ``{"error": {code, field, message, lang}}``: no
exception, no hang, no quote, the message in the reader's language and never an echo of
what was typed. The engine part also runs inside Pyodide (tests/pyodide), so this module
imports only the standard library, pytest, the engine and the corpus; the subprocess part is
skipped there.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from calculator import ErrorCode, Field, Language, answer, answer_json
from calculator.cli import main
from calculator.locales import catalogue
from calculator.messages import field_label
from tests.hostile_inputs import CORPUS, HostileInput, portable

#: A valid value for the field that is not under test.
VALID = {"population": "613786", "gdp": "5000"}
NUMBER_FIELDS = (Field.POPULATION, Field.GDP)
CODES = {code.value for code in ErrorCode}
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
#: No single answer may take this long (seconds); Pyodide is slower than CPython, hence slack.
PER_ANSWER_LIMIT = 2.0
ON_HOST = sys.platform != "emscripten"
REPO = Path(__file__).resolve().parents[2]


def fields_for(field: Field, text: str) -> dict[str, str]:
    return {**VALID, field.value: text}


def check_error(record: dict[str, object], field: Field, lang: Language, entry: HostileInput):
    """Assert ``record`` is a coded error about ``field`` in ``lang``; return its code."""
    where = f"{entry.what}: {entry.text[:60]!r} as {field.value} ({lang.value})"
    assert "fee_usd" not in record, f"{where} was quoted"
    error = record.get("error")
    assert isinstance(error, dict), f"{where}: no error object in {record!r}"
    assert error["code"] in CODES, where
    assert error["field"] == field.value, where
    assert error["lang"] == lang.value, where
    text = error["message"]
    assert isinstance(text, str), where
    label, _, rest = text.partition(": ")
    assert label == field_label(field, lang), where
    template = catalogue(lang)[f"error.{error['code']}"]
    assert rest.startswith(template.split("{")[0]), where
    if lang is Language.RU:
        assert CYRILLIC.search(text), f"{where}: not Russian: {text!r}"
    else:
        assert not CYRILLIC.search(text), f"{where}: not English: {text!r}"
    stripped = entry.text.strip()
    if len(stripped) >= 3 and any(c in stripped for c in "<>&\"'`$%{}"):
        assert stripped not in text, f"{where}: the message echoes the input"
    assert "<" not in text, f"{where}: markup in the message"
    return error["code"]


def test_the_corpus_is_large_varied_and_unique():
    """At least 200 distinct values, each saying what it exercises, across many kinds."""
    texts = [entry.text for entry in CORPUS]
    assert len(CORPUS) >= 200
    assert len(set(texts)) == len(texts)
    assert all(entry.what for entry in CORPUS)
    assert len({entry.what for entry in CORPUS}) >= 25


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
@pytest.mark.parametrize("field", NUMBER_FIELDS, ids=lambda field: field.value)
def test_every_hostile_value_is_a_coded_error(field, lang, record_property):
    """answer(): each corpus value gives a coded, localized error for its field, fast."""
    record_property("hostile_tries", len(CORPUS))
    seen = set()
    for entry in CORPUS:
        started = time.perf_counter()
        record = answer(fields_for(field, entry.text), lang)
        elapsed = time.perf_counter() - started
        assert elapsed < PER_ANSWER_LIMIT, f"{entry.text[:60]!r} took {elapsed:.2f}s"
        seen.add(check_error(record, field, lang, entry))
    # The corpus reaches most of the ways a number can be wrong.
    assert len(seen) >= 9, seen


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_json_entry_point_answers_every_value(lang, record_property):
    """answer_json() (what the browser worker calls) gives the same coded errors as answer()."""
    record_property("hostile_tries", len(CORPUS) * len(NUMBER_FIELDS))
    for entry in CORPUS:
        for field in NUMBER_FIELDS:
            request = json.dumps({"lang": lang.value, "fields": fields_for(field, entry.text)})
            record = json.loads(answer_json(request))
            check_error(record, field, lang, entry)
            assert record == answer(fields_for(field, entry.text), lang)


def cli_args(field: Field, text: str, lang: Language) -> list[str]:
    # `--opt=value` keeps a value that starts with "-" a value, whatever it is.
    values = fields_for(field, text)
    return [
        f"--population={values['population']}",
        f"--gdp={values['gdp']}",
        "--json",
        f"--lang={lang.value}",
    ]


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_cli_main_answers_every_value(lang, record_property):
    """calculator.cli.main(): exit 2, one JSON error on stdout, its message on stderr."""
    record_property("hostile_tries", len(CORPUS) * len(NUMBER_FIELDS))
    for entry in CORPUS:
        for field in NUMBER_FIELDS:
            out, err = io.StringIO(), io.StringIO()
            status = main(cli_args(field, entry.text, lang), stdout=out, stderr=err)
            assert status == 2, entry
            record = json.loads(out.getvalue())
            check_error(record, field, lang, entry)
            assert err.getvalue() == record["error"]["message"] + "\n"


# --- real processes (host only) ---------------------------------------------------------------

_CHILD = """
import json, sys
from calculator.cli import main
from tests.hostile_inputs import CORPUS, portable
plan = json.loads(sys.stdin.read())
for entry in CORPUS:
    if not portable(entry):
        continue
    for args in plan[entry.text]:
        sys.stdout.flush(); sys.stderr.flush()
        print(main(args), flush=True)
"""


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        timeout=120,
        check=False,
        cwd=REPO,
        env=env,
        input=stdin,
    )


@pytest.mark.skipif(not ON_HOST, reason="Pyodide cannot start processes")
@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_cli_in_a_real_process_answers_every_value(lang, record_property):
    """One interpreter per language runs the CLI over the whole corpus on real stdio."""
    entries = [entry for entry in CORPUS if portable(entry)]
    record_property("hostile_tries", len(entries) * len(NUMBER_FIELDS))
    plan = {e.text: [cli_args(field, e.text, lang) for field in NUMBER_FIELDS] for e in entries}
    result = _run(["-c", _CHILD], stdin=json.dumps(plan))
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    # Each main() prints its JSON error, then the child prints the exit status.
    records, statuses = lines[0::2], lines[1::2]
    assert len(records) == len(statuses) == 2 * len(entries)
    assert set(statuses) == {"2"}
    messages = result.stderr.splitlines()
    assert len(messages) == 2 * len(entries)
    for index, line in enumerate(records):
        entry, field = entries[index // 2], NUMBER_FIELDS[index % 2]
        record = json.loads(line)
        check_error(record, field, lang, entry)
        assert messages[index] == record["error"]["message"]


#: Every eighth value goes through `python -m calculator` exactly as a person would run it.
SAMPLE = [entry for entry in CORPUS if portable(entry)][::8]


@pytest.mark.skipif(not ON_HOST, reason="Pyodide cannot start processes")
@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_python_m_calculator_answers_a_sample(lang, record_property):
    """`python -m calculator --json` exits 2 with a coded error for a sample of the corpus."""
    assert len(SAMPLE) >= 30
    record_property("hostile_tries", len(SAMPLE))
    for index, entry in enumerate(SAMPLE):
        field = NUMBER_FIELDS[index % 2]
        result = _run(["-m", "calculator", *cli_args(field, entry.text, lang)])
        assert result.returncode == 2, (entry, result.stderr[-500:])
        check_error(json.loads(result.stdout), field, lang, entry)
        assert result.stderr == json.loads(result.stdout)["error"]["message"] + "\n"
