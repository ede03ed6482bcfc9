"""Several cities at once: a list of ``name, population`` lines to one quote per city and a total.

A region's office pastes its cities from a spreadsheet (tab-separated), a CSV file (comma or
semicolon) or types them by hand. Each line is quoted through :func:`calculator.answer`, the
same path as a single city, so a city's record here is exactly the one the fees page or
``python -m calculator`` gives for it. A bad line is reported with its line number and the
engine's coded error while the other lines are still quoted; the total says how many lines it
leaves out. The shared fields (country, GDP, category, approval year) are the same for every
line, so an error in one of them is one error for the whole list, not one per line.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from .describe import (
    describe_error,
    gdp_caveat_lines,
    gdp_figure_lines,
    line,
    notes,
    schedule_date_line,
)
from .errors import ErrorCode, Field, InputError
from .formatting import format_usd
from .locales import DEFAULT_LANGUAGE, Language
from .messages import field_label, message
from .records import (
    BadLineRecord,
    BatchErrorRecord,
    BatchRecord,
    CityRow,
    Column,
    ColumnKey,
    ErrorDetail,
    GdpSourceRecord,
    Line,
    QuoteRecord,
    TotalRow,
    is_error,
)
from .request import answer
from .schedule import get_schedule

__all__ = [
    "MAX_CITIES",
    "MAX_NAME_LENGTH",
    "BadLine",
    "CityLine",
    "parse_cities",
    "quote_cities",
    "split_line",
]

#: One request quotes at most this many cities (a republic has a few dozen towns).
MAX_CITIES = 500
#: The longest city name accepted (the longest real ones are under 100 characters).
MAX_NAME_LENGTH = 120
#: Separators between a name and its population, in order of preference: a spreadsheet
#: paste uses tabs; a CSV file semicolons (Russian Excel) or commas.
SEPARATORS = ("\t", ";", ",")
#: The columns of a list's table, CSV file and CLI table, in order; ``caveat`` only when
#: some city needs confirmation.
_COLUMN_KEYS: tuple[ColumnKey, ...] = ("name", "population", "band", "fee", "caveat")
_QUOTE = '"'
_BOM = "\ufeff"
_SPACES = " \u00a0"
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_SHARED_FIELDS = ("country", "gdp", "fee_year", "category", "approval_year")


@dataclass(frozen=True)
class CityLine:
    """One non-blank line of a list: its number (from 1), name and population as typed."""

    line: int
    name: str
    population: str


def _unquote(text: str) -> str:
    """A field without the quotation marks a CSV writer may put around it, else as written.

    An unquoted field reaches the number parser exactly as typed (it drops the spaces around
    a number itself), so a line refuses what the single quote refuses.
    """
    stripped = text.strip(" \t")
    if len(stripped) >= 2 and stripped[0] == stripped[-1] == _QUOTE:
        return stripped[1:-1].replace(_QUOTE * 2, _QUOTE)
    return text


def _quoted_name(text: str) -> tuple[str, str]:
    """A line opening with a quoted name (``""`` inside is one quote): the name, and the rest."""
    chars: list[str] = []
    index = 1
    while index < len(text):
        char = text[index]
        if char == _QUOTE:
            if text[index + 1 : index + 2] == _QUOTE:
                chars.append(_QUOTE)
                index += 2
                continue
            return "".join(chars), text[index + 1 :]
        chars.append(char)
        index += 1
    raise InputError(ErrorCode.UNCLOSED_QUOTE, Field.CITY_NAME)


def _population_field(rest: str, separator: str, wide: bool) -> str:
    """The population: the rest of the line, or up to the next separator of its kind.

    In a file whose header names more columns (the cities page's CSV file: band, fee,
    caveat), the next separator ends the population (a quoted one ends at its closing
    quote): those columns are announced, so nothing typed is dropped unseen. Otherwise the
    rest stays whole, so ``Kazan,1,308,660`` still reads as an English-grouped population
    and ``Kazan;1; x`` is refused rather than read as 1.
    """
    if not wide:
        return rest
    stripped = rest.lstrip(" ")
    if stripped.startswith(_QUOTE):
        try:
            value, _ = _quoted_name(stripped)
        except InputError:
            return rest  # the number parser reports the stray quote
        return f"{_QUOTE}{value.replace(_QUOTE, _QUOTE * 2)}{_QUOTE}"
    return rest.split(separator, 1)[0]


def split_line(text: str, *, wide: bool = False) -> tuple[str, str]:
    """A line's name and population text, or a coded error for a line that is not one.

    The separator is the first tab, else the first semicolon, else the first comma after the
    name: a comma-separated line keeps the rest whole, so ``Kazan,1,308,660`` still reads as
    an English-grouped population. A name holding a separator is written in quotes. With
    ``wide`` (the file's header names more columns), a comma ends the population too.
    """
    line_text = text.lstrip(_SPACES)  # the population keeps its spaces: the parser judges them
    if line_text.startswith(_QUOTE):
        name, rest = _quoted_name(line_text)
        rest = rest.lstrip(_SPACES)
        if not rest or rest[0] not in SEPARATORS:
            raise InputError(ErrorCode.MISSING_POPULATION, Field.POPULATION)
        separator, population = rest[0], rest[1:]
    else:
        found = next((s for s in SEPARATORS if s in line_text), None)
        if found is None:
            raise InputError(ErrorCode.MISSING_POPULATION, Field.POPULATION)
        separator = found
        name, population = line_text.split(separator, 1)
    name = name.strip(_SPACES)
    if not name:
        raise InputError(ErrorCode.MISSING_NAME, Field.CITY_NAME)
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(ErrorCode.TOO_LONG, Field.CITY_NAME, {"max": MAX_NAME_LENGTH})
    if any(unicodedata.category(char) in _INVISIBLE for char in name):
        raise InputError(ErrorCode.INVALID_CHARACTER, Field.CITY_NAME)
    return name, _unquote(_population_field(population, separator, wide))


def _name_hint(text: str) -> str:
    """What a bad line seems to name, to help the reader find it (shown as text only)."""
    separator = next((s for s in SEPARATORS if s in text), None)
    head = text.split(separator, 1)[0] if separator else text
    return "".join(c for c in _unquote(head) if unicodedata.category(c) not in _INVISIBLE)[
        :MAX_NAME_LENGTH
    ]


def _cells(text: str) -> list[str]:
    """A line's cells, split CSV-wise on its preferred separator, trimmed and case-folded."""
    separator = next((s for s in SEPARATORS if s in text), None)
    if separator is None:
        return [text.strip(_SPACES).casefold()]
    row = next(csv.reader([text], delimiter=separator), [])
    return [cell.removeprefix(_BOM).strip(_SPACES).casefold() for cell in row]


def _header_names() -> set[tuple[str, str]]:
    """The first two cells of a header: ``name,population`` and what the site writes.

    The cities page's CSV file starts with the column labels in the page's language
    (``batch.column.*``); a hand-made one may use the form's field names.
    """
    names = {("name", "population")}
    for lang in Language:
        names.add(
            (
                message("batch.column.name", lang).casefold(),
                message("batch.column.population", lang).casefold(),
            )
        )
        names.add(
            (
                field_label(Field.CITY_NAME, lang).casefold(),
                field_label(Field.POPULATION, lang).casefold(),
            )
        )
    return names


def _header_width(text: str) -> int:
    """How many columns a header line names; 0 when the line is not a header."""
    cells = _cells(text)
    if len(cells) >= 2 and (cells[0], cells[1]) in _header_names():
        return len(cells)
    return 0


def _is_total_row(text: str) -> bool:
    """The last line of a CSV file the cities page wrote: "Total" and no population."""
    cells = _cells(text)
    totals = {message("batch.total_label", lang).casefold() for lang in Language}
    return len(cells) >= 2 and cells[0] in totals and not cells[1]


#: A line that is not ``name, population``: its number, what it seems to name, and why.
BadLine = tuple[int, str, InputError]


def parse_cities(text: object) -> tuple[list[CityLine], list[BadLine]]:
    """The list's lines: good ones as :class:`CityLine`, bad ones as ``(line, name, error)``.

    Blank lines are skipped but counted, so a line number is the one the reader sees in an
    editor. A first line that is a header (``name,population``, or the column labels of the
    cities page's CSV file in either language, any separator, any case) is skipped, and so is
    the "Total" row that file ends with: a list pasted on the page, a file written by hand
    and a file the page saved all read the same way.
    """
    if not isinstance(text, str):
        raise InputError(ErrorCode.INVALID_USAGE, Field.CITIES, {"detail": "cities: text"})
    numbered = [
        (n, row) for n, row in enumerate(text.removeprefix(_BOM).splitlines(), 1) if row.strip()
    ]
    width = _header_width(numbered[0][1]) if numbered else 0
    if width:
        numbered = numbered[1:]
    if numbered and _is_total_row(numbered[-1][1]):
        numbered = numbered[:-1]
    if not numbered:
        raise InputError(ErrorCode.NO_CITIES, Field.CITIES)
    if len(numbered) > MAX_CITIES:
        raise InputError(ErrorCode.TOO_MANY_CITIES, Field.CITIES, {"max": MAX_CITIES})
    good: list[CityLine] = []
    bad: list[BadLine] = []
    for number, row in numbered:
        try:
            name, population = split_line(row, wide=width > 2)
        except InputError as error:
            bad.append((number, _name_hint(row), error))
        else:
            good.append(CityLine(number, name, population))
    return good, bad


def _line_error(number: int, name: str, error: ErrorDetail, lang: Language) -> BadLineRecord:
    """A bad line as the page, the CSV and the CLI show it: number, code and message."""
    return {
        "line": number,
        "name": name,
        "code": error["code"],
        "field": error["field"],
        "message": error["message"],
        "text": message("batch.line_error", lang, line=str(number), message=error["message"]),
    }


def _columns(cities: list[QuoteRecord], lang: Language) -> list[Column]:
    """The table's columns in order; a caveat column only when some city needs one."""
    needed = any(city["needs_confirmation"] for city in cities)
    return [
        {"key": key, "label": message(f"batch.column.{key}", lang)}
        for key in _COLUMN_KEYS
        if key != "caveat" or needed
    ]


def _city_row(number: int, name: str, record: QuoteRecord, columns: list[Column]) -> CityRow:
    """A quoted city with its table cells, for the screen and for a CSV file."""
    caveat = record["provenance_text"] if record["needs_confirmation"] else ""
    shown: dict[str, str] = {
        "name": name,
        "population": record["population_text"],
        "band": record["population_band"]["label"],
        "fee": record["fee_text"],
        "caveat": caveat,
    }
    written: dict[str, int | str] = {
        **shown,
        "population": record["population"],
        "fee": record["fee_usd"],
    }
    keys: list[str] = [column["key"] for column in columns]
    cells: dict[str, str] = {key: shown[key] for key in keys}
    file_cells: dict[str, int | str] = {key: written[key] for key in keys}
    return {"line": number, "name": name, **record, "cells": cells, "file_cells": file_cells}


def _total_row(total: int, columns: list[Column], lang: Language) -> TotalRow:
    """The table's last row: the label under the names, the total under the fees."""
    label = message("batch.total_label", lang)
    shown: dict[str, str] = {column["key"]: "" for column in columns}
    written: dict[str, int | str] = {column["key"]: "" for column in columns}
    shown["name"] = written["name"] = label
    shown["fee"] = format_usd(total, lang)
    written["fee"] = total
    return {"label": label, "cells": shown, "file_cells": written}


def _caveat_lines(cities: list[CityRow]) -> list[Line]:
    """Every distinct cell caveat of the list's quotes, once, in the order the cities give them."""
    seen: dict[str, str] = {}
    for city in cities:
        for text in city["caveats"]:
            seen.setdefault(text, city["provenance"])
    return [line("caveat", text, code) for text, code in seen.items()]


def _category_line(first: QuoteRecord, lang: Language) -> Line:
    """What the category means for every city of the list, in one sentence."""
    if first["category"] == "full":
        return line("category", message("category_line.full", lang))
    return line("category", message("batch.associate_note", lang))


def quote_cities(
    text: object, fields: Mapping[str, object], lang: Language = DEFAULT_LANGUAGE
) -> BatchRecord | BatchErrorRecord:
    """Quote every line of ``text`` with the shared ``fields``; one JSON-ready record.

    ``cities`` holds, per good line, ``line``, ``name``, exactly the record
    :func:`calculator.answer` gives for that population, and its table ``cells``;
    ``errors`` the bad lines (``line``, ``code``, ``message``...); ``total_usd`` sums the
    quoted fees and ``left_out`` counts the bad lines; ``lines`` are the shared lines to
    show, in order. A problem with the list itself or with a shared field is the record's
    ``error``, as for a single quote.
    """
    shared_fields = {name: fields.get(name) for name in _SHARED_FIELDS}
    try:
        good, bad = parse_cities(text)
    except InputError as error:
        return {
            "lang": lang.value,
            "error": describe_error(error, lang)["error"],
            "cities": [],
            "errors": [],
        }
    errors = [
        _line_error(number, name, describe_error(error, lang)["error"], lang)
        for number, name, error in bad
    ]
    quoted: list[tuple[CityLine, QuoteRecord]] = []
    shared_error: ErrorDetail | None = None
    gdp_source: GdpSourceRecord | None = None
    for city in good:
        record = answer({**shared_fields, "population": city.population}, lang)
        gdp_source = record.get("gdp_source", gdp_source)
        if "error" not in record:
            quoted.append((city, record))
        elif is_error(record) and record["error"]["field"] == Field.POPULATION.value:
            errors.append(_line_error(city.line, city.name, record["error"], lang))
        elif is_error(record) and shared_error is None:
            shared_error = record["error"]  # the same for every line: reported once
    errors.sort(key=lambda entry: entry["line"])
    if shared_error is not None:
        failed: BatchErrorRecord = {
            "lang": lang.value,
            "error": shared_error,
            "cities": [],
            "errors": errors,
        }
        if gdp_source is not None:
            failed["gdp_source"] = gdp_source
        return failed
    columns = _columns([record for _, record in quoted], lang)
    cities = [_city_row(city.line, city.name, record, columns) for city, record in quoted]
    return _batch_record(cities, errors, columns, gdp_source, lang)


def _batch_record(
    cities: list[CityRow],
    errors: list[BadLineRecord],
    columns: list[Column],
    gdp_source: GdpSourceRecord | None,
    lang: Language,
) -> BatchRecord:
    """The list's record: rows, total, and the shared lines in ``BATCH_LINE_ORDER``."""
    table = get_schedule()
    total = sum(city["fee_usd"] for city in cities)
    total_text = format_usd(total, lang)
    total_due_now = sum(city["due_now_usd"] for city in cities)
    total_summary = message("batch.total", lang, count=str(len(cities)), fee=total_text)
    left_out_text = message("batch.left_out", lang, count=str(len(errors))) if errors else None
    lines = [line("total", total_summary), schedule_date_line(table, lang)]
    if left_out_text is not None:
        lines.append(line("left_out", left_out_text))
    lines += gdp_figure_lines(gdp_source)
    if cities:
        first = cities[0]
        lines.append(line("gdp_band", first["gdp_band_text"]))
        lines.append(_category_line(first, lang))
        if first["timeline"] is not None:
            lines.append(line("timeline", first["timeline"]))
    lines += _caveat_lines(cities)
    lines += gdp_caveat_lines(gdp_source)
    result: BatchRecord = {
        "lang": lang.value,
        "cities": cities,
        "errors": errors,
        "count": len(cities),
        "total_usd": total,
        "total_text": total_text,
        "total_summary": total_summary,
        "total_due_now_usd": total_due_now,
        "total_due_now_text": format_usd(total_due_now, lang),
        "left_out": len(errors),
        "left_out_text": left_out_text,
        "caveats": list(dict.fromkeys(text for city in cities for text in city["caveats"])),
        "columns": columns,
        "total_row": _total_row(total, columns, lang),
        "schedule_date": table.source_date.isoformat(),
        "lines": lines,
        "notes": notes(lang),
        "source": table.source,
    }
    if gdp_source is not None:
        result["gdp_source"] = gdp_source
    if cities:
        first = cities[0]
        # What every city's quote has in common (GDP, category, timeline), said once.
        result.update(
            {
                "gdp_per_capita_usd": first["gdp_per_capita_usd"],
                "gdp_per_capita_text": first["gdp_per_capita_text"],
                "gdp_band_text": first["gdp_band_text"],
                "category": first["category"],
                "category_text": first["category_text"],
                # As before the lines: the note without the category's name (lines say both).
                "category_note": (
                    first["category_note"]
                    if first["category"] == "full"
                    else message("batch.associate_note", lang)
                ),
                "approval_year": first["approval_year"],
                "first_fee_year": first["first_fee_year"],
                "gdp_year": first["gdp_year"],
                "timeline": first["timeline"],
            }
        )
    return result
