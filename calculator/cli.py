"""``python -m calculator``: a quote on the command line, in Russian or English.

Exit status 0 for a quote, 2 for bad input or usage. With ``--cities FILE.csv`` it quotes every
city of a CSV file (name, then population; a header line, such as the one the cities page
writes, is optional): a table and the total, and exit status 2 when any line is bad (the good
lines are still printed). No traceback reaches the reader: every problem is a coded, localized
message (and, with ``--json``, the error object). The text output prints the record's
``lines`` in order, then its notes and the World Bank credit: it decides nothing of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from .batch import quote_cities
from .countries import get_gdp_data
from .describe import describe_error
from .errors import ErrorCode, Field, InputError
from .locales import DEFAULT_LANGUAGE, Language
from .messages import message
from .protocol import parse_language
from .records import AnswerRecord, BatchRecord, LineKind, QuoteRecord, is_error
from .request import answer

__all__ = ["main"]

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but its complaints become coded, localized input errors."""

    def __init__(self, lang: Language, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang

    def error(self, message_text: str) -> NoReturn:
        """argparse's own wording is English-only, so point to the localized help instead."""
        raise InputError(
            ErrorCode.INVALID_USAGE, Field.ARGUMENTS, {"detail": message("cli.usage", self.lang)}
        )


def _language_from(argv: Sequence[str]) -> Language:
    """The ``--lang`` value, read before the full parser so its help is localized too."""
    probe = argparse.ArgumentParser(add_help=False)
    probe.add_argument("--lang", default=DEFAULT_LANGUAGE.value)
    known, _ = probe.parse_known_args(argv)
    return parse_language(known.lang)


def _parser(lang: Language) -> _Parser:
    parser = _Parser(
        lang, prog="python -m calculator", description=message("cli.description", lang)
    )
    parser.add_argument("--population", metavar="N", help=message("cli.population", lang))
    parser.add_argument("--cities", metavar="FILE.csv", help=message("cli.cities", lang))
    parser.add_argument("--gdp", metavar="G", help=message("cli.gdp", lang))
    parser.add_argument("--country", metavar="ISO3", help=message("cli.country", lang))
    data = get_gdp_data()
    fee_year_help = message(
        "cli.fee_year",
        lang,
        default=data.default_fee_year,
        gdp_year=data.latest_year,
    )
    parser.add_argument("--fee-year", metavar="Y", help=fee_year_help)
    parser.add_argument("--category", default="full", help=message("cli.category", lang))
    parser.add_argument("--approval-year", metavar="Y", help=message("cli.approval_year", lang))
    parser.add_argument("--lang", help=message("cli.lang", lang))
    parser.add_argument("--json", action="store_true", help=message("cli.json", lang))
    return parser


def _usage(key: str, lang: Language, option: str) -> InputError:
    detail = message(key, lang, option=option)
    return InputError(ErrorCode.INVALID_USAGE, Field.ARGUMENTS, {"detail": detail})


#: Lines the reader should not miss: marked ``!`` in the text output.
_MARKED: frozenset[LineKind] = frozenset({"warning", "fee_range", "caveat"})
#: The table columns that hold numbers: right-aligned.
_NUMERIC: frozenset[str] = frozenset({"population", "fee"})


def _text_lines(record: QuoteRecord | BatchRecord) -> list[str]:
    """A record's ``lines`` in their order, then the notes and the World Bank credit."""
    out = [
        f"! {line['text']}" if line["kind"] in _MARKED else line["text"] for line in record["lines"]
    ]
    out.extend(f"* {text}" for text in record["notes"])
    source = record.get("gdp_source")
    if source is not None and source["origin"] == "world_bank":
        out.append(f"* {source['credit']}")
    return out


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the CLI; returns the exit status instead of exiting, for tests and embedding.

    Both entry points, ``python -m calculator`` and the ``wego-fee`` console script, come
    through here, so both stop quietly when the reader closes the pipe (``... | head -1``),
    as other command-line tools do, instead of printing a traceback.
    """
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        status = _run(list(sys.argv[1:] if argv is None else argv), out, err)
        out.flush()
    except BrokenPipeError:
        _discard_further_output(out)
        return EXIT_OK
    return status


def _discard_further_output(out: TextIO) -> None:
    """Point ``out``'s file at /dev/null: Python's own flush at exit would fail again."""
    try:
        descriptor = out.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's StringIO): nothing is flushed at exit
    os.dup2(os.open(os.devnull, os.O_WRONLY), descriptor)


def _run(args_list: list[str], out: TextIO, err: TextIO) -> int:
    """Parse the arguments, answer, print; the exit status."""
    want_json = "--json" in args_list
    lang = DEFAULT_LANGUAGE
    try:
        lang = _language_from(args_list)
        args, unknown = _parser(lang).parse_known_args(args_list)
        if unknown:
            raise _usage("cli.unknown", lang, unknown[0])
        if args.cities is not None:
            return _main_cities(args, lang, out, err)
        if args.population is None:
            raise _usage("cli.missing", lang, "--population")
        if args.gdp is None and args.country is None:
            raise _usage("cli.missing", lang, "--gdp | --country")
        record: AnswerRecord = answer(
            {
                "population": args.population,
                "gdp": args.gdp,
                "country": args.country,
                "fee_year": args.fee_year,
                "category": args.category,
                "approval_year": args.approval_year,
            },
            lang,
        )
    except InputError as error:
        record = describe_error(error, lang)
    if is_error(record):
        print(record["error"]["message"], file=err)
        if want_json:
            print(json.dumps(record, ensure_ascii=False), file=out)
        return EXIT_BAD_INPUT
    if want_json:
        print(json.dumps(record, ensure_ascii=False, indent=2), file=out)
    elif "error" not in record:
        print("\n".join(_text_lines(record)), file=out)
    return EXIT_OK


# --- Several cities: ``--cities FILE.csv``, one quote per line of the file and the total.


def _read_cities(path: str, lang: Language) -> str:
    """The file's text (UTF-8, with or without a BOM), or a coded usage error."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            return file.read()
    except UnicodeDecodeError:
        raise _usage("cli.cities_not_utf8", lang, path) from None
    except OSError:
        raise _usage("cli.cities_unreadable", lang, path) from None


def _cities_table(record: BatchRecord) -> list[str]:
    """The list as an aligned text table, in the record's column order."""
    keys = [column["key"] for column in record["columns"]]
    header = [column["label"] for column in record["columns"]]
    rows = [[city["cells"][key] for key in keys] for city in record["cities"]]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(keys))]

    def aligned(cells: list[str]) -> str:
        padded = [
            cell.rjust(widths[i]) if keys[i] in _NUMERIC else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(padded).rstrip()

    return [aligned(header), aligned(["-" * width for width in widths]), *map(aligned, rows)]


def _main_cities(args: argparse.Namespace, lang: Language, out: TextIO, err: TextIO) -> int:
    """``--cities FILE.csv``: every city's quote and the total; 2 when any line is bad."""
    if args.population is not None:
        raise _usage("cli.cities_conflict", lang, "--population")
    if args.gdp is None and args.country is None:
        raise _usage("cli.missing", lang, "--gdp | --country")
    fields = {
        "gdp": args.gdp,
        "country": args.country,
        "fee_year": args.fee_year,
        "category": args.category,
        "approval_year": args.approval_year,
    }
    record = quote_cities(_read_cities(args.cities, lang), fields, lang)
    for entry in record["errors"]:
        print(entry["text"], file=err)
    if is_error(record):
        print(record["error"]["message"], file=err)
        if args.json:
            print(json.dumps(record, ensure_ascii=False), file=out)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2), file=out)
    elif "error" not in record:
        print("\n".join([*_cities_table(record), "", *_text_lines(record)]), file=out)
    return EXIT_BAD_INPUT if record["errors"] else EXIT_OK
