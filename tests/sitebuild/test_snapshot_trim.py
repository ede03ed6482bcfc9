"""The interpreter trim run before the engine snapshot, under CPython (same code format as
Pyodide's 3.13 from 3.11 on): functions keep their behaviour and their line numbers and lose
their docstrings and column positions. The build checks the trimmed snapshot in Pyodide."""

from __future__ import annotations

import decimal
import json
import subprocess
import sys
import traceback
import types

import pytest

import calculator.request
from sitebuild.engine_snapshot import ROOT
from sitebuild.snapshot_trim import line_numbers_only, trim_code


def _code_objects(module: types.ModuleType) -> list[types.CodeType]:
    found: list[types.CodeType] = []
    stack = [v.__code__ for v in vars(module).values() if isinstance(v, types.FunctionType)]
    for cls in (v for v in vars(module).values() if isinstance(v, type)):
        stack += [v.__code__ for v in vars(cls).values() if isinstance(v, types.FunctionType)]
    while stack:
        code = stack.pop()
        found.append(code)
        stack += [c for c in code.co_consts if isinstance(c, types.CodeType)]
    return found


@pytest.mark.parametrize("module", [json.decoder, decimal, traceback, calculator.request])
def test_the_line_table_keeps_every_line_number_and_is_smaller(module):
    codes = _code_objects(module)
    assert codes
    for code in codes:
        table = line_numbers_only(code)
        assert list(code.replace(co_linetable=table).co_lines()) == list(code.co_lines())
    assert sum(len(line_numbers_only(c)) for c in codes) < sum(len(c.co_linetable) for c in codes)


def _trimmed(function: types.FunctionType) -> types.FunctionType:
    return types.FunctionType(
        trim_code(function.__code__),
        function.__globals__,
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )


def test_the_docstring_goes_and_the_function_still_works():
    def documented(x):
        """A long explanation nobody reads at run time."""
        return x * 2

    trimmed = _trimmed(documented)
    assert trimmed(21) == 42
    assert trimmed.__doc__ is None
    assert "A long explanation" not in repr(trimmed.__code__.co_consts)


def test_a_docstring_also_used_as_a_value_stays():
    def echo():
        "same"
        return "same"

    assert _trimmed(echo)() == "same"


def test_nested_functions_are_trimmed_and_keep_their_closures():
    def outer(n):
        """Outer."""

        def inner(m):
            """Inner."""
            return n + m

        return inner

    inner = _trimmed(outer)(1)
    assert inner(2) == 3
    assert inner.__doc__ is None


def test_a_traceback_from_trimmed_code_names_the_same_line():
    def fails():
        value = {}
        return value["missing"]

    def line_of(function):
        try:
            function()
        except KeyError as error:
            return traceback.extract_tb(error.__traceback__)[-1].lineno
        raise AssertionError("no error")

    assert line_of(_trimmed(fails)) == line_of(fails) == fails.__code__.co_firstlineno + 2


def test_trimming_a_whole_interpreter_keeps_it_working():
    """In a separate CPython: trim everything loaded, then import more, compute and fail."""
    script = """
import json, sys, traceback
sys.path.insert(0, sys.argv[1])
from sitebuild.snapshot_trim import trim_interpreter
from calculator import answer_json
trimmed = trim_interpreter()
fields = {"population": "624518", "gdp": "47404.96"}
reply = json.loads(answer_json(json.dumps({"lang": "en", "fields": fields})))
try:
    json.loads("{")
except ValueError:
    frames = traceback.extract_tb(sys.exc_info()[2])
print(json.dumps({"trimmed": trimmed, "fee": reply["fee_usd"], "doc": json.loads.__doc__,
                  "lines": [f.lineno for f in frames]}))
"""
    out = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    assert result["trimmed"] > 500
    assert result["fee"] > 0
    assert result["doc"] is None
    assert len(result["lines"]) >= 2
    assert all(isinstance(line, int) and line > 0 for line in result["lines"])
