"""The shared hostile corpus against the engine and its command line: always a coded error.

Every value of harness/hostile_inputs.py, typed as the population or as GDP per capita, in
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
from pathlib import Path

import pytest

from calculator import ErrorCode, Field, Language, answer, answer_json
from calculator.cli import main
from calculator.locales import catalogue
from calculator.messages import field_label
from harness.hostile_inputs import CORPUS, HostileInput, portable

#: A valid value for the field that is not under test.
VALID = {"population": "613786", "gdp": "5000"}
NUMBER_FIELDS = (Field.POPULATION, Field.GDP)
CODES = {code.value for code in ErrorCode}
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
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
    """answer(): each corpus value gives a coded, localized error for its field.

    How fast is measured by ``make bench``, not here: a time limit in a test fails on a busy
    machine, not on slow code."""
    record_property("hostile_tries", len(CORPUS))
    seen = set()
    for entry in CORPUS:
        record = answer(fields_for(field, entry.text), lang)
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

#: Runs in one interpreter: every value arrives through the real argv (the operating system
#: encodes it, Python decodes it), then main() answers it as the population and as GDP per
#: capita in both languages. Each main() prints its JSON error; the child prints the status.
_CHILD = """
import sys
from calculator.cli import main
for text in sys.argv[1:]:
    for lang in ("ru", "en"):
        for field in ("population", "gdp"):
            values = {"population": "613786", "gdp": "5000", field: text}
            args = [f"--population={values['population']}", f"--gdp={values['gdp']}"]
            status = main([*args, "--json", f"--lang={lang}"])
            sys.stderr.flush()
            print(status, flush=True)
"""


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
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
    )


@pytest.mark.skipif(not ON_HOST, reason="Pyodide cannot start processes")
def test_every_value_through_a_real_argv_and_stdio(record_property):
    """One interpreter gets the whole corpus on its command line and answers on real stdio."""
    entries = [entry for entry in CORPUS if portable(entry)]
    cases = [(e, lang, f) for e in entries for lang in Language for f in NUMBER_FIELDS]
    record_property("hostile_tries", len(cases))
    result = _run(["-c", _CHILD, *(entry.text for entry in entries)])
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    records, statuses = lines[0::2], lines[1::2]
    assert len(records) == len(statuses) == len(cases)
    assert set(statuses) == {"2"}
    messages = result.stderr.splitlines()
    assert len(messages) == len(cases)
    for (entry, lang, field), line, text in zip(cases, records, messages, strict=True):
        record = json.loads(line)
        check_error(record, field, lang, entry)
        assert text == record["error"]["message"]


#: Markup, a bidi override and a leading minus: a value a shell passes on as it is.
AS_A_PERSON_TYPES_IT = HostileInput("-<b>1\u202e000</b>", "typed at a shell prompt")


@pytest.mark.skipif(not ON_HOST, reason="Pyodide cannot start processes")
def test_python_m_calculator_answers_a_hostile_value():
    """`python -m calculator --json` exits 2 with a coded error, the message on stderr."""
    args = cli_args(Field.POPULATION, AS_A_PERSON_TYPES_IT.text, Language.RU)
    result = _run(["-m", "calculator", *args])
    assert result.returncode == 2, result.stderr[-500:]
    record = json.loads(result.stdout)
    check_error(record, Field.POPULATION, Language.RU, AS_A_PERSON_TYPES_IT)
    assert result.stderr == record["error"]["message"] + "\n"
