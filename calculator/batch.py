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

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .describe import describe_error
from .errors import ErrorCode, Field, InputError
from .formatting import format_usd
from .locales import DEFAULT_LANGUAGE, Language
from .messages import message
from .request import answer

__all__ = [
    "COLUMNS",
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
#: The columns of a list's table, CSV file and CLI output, in order (``batch.column.*``).
COLUMNS = ("line", "name", "population", "band", "fee", "caveat")
#: The CSV header ``python -m calculator --cities`` requires: ``name,population``.
HEADER = ("name", "population")
_QUOTE = '"'
_BOM = "\ufeff"
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


def split_line(text: str) -> tuple[str, str]:
    """A line's name and population text, or a coded error for a line that is not one.

    The separator is the first tab, else the first semicolon, else the first comma after the
    name: a comma-separated line keeps the rest whole, so ``Kazan,1,308,660`` still reads as
    an English-grouped population. A name holding a separator is written in quotes.
    """
    line = text.lstrip(" \u00a0")  # the population keeps its spaces: the parser judges them
    if line.startswith(_QUOTE):
        name, rest = _quoted_name(line)
        rest = rest.lstrip(" \u00a0")
        if not rest or rest[0] not in SEPARATORS:
            raise InputError(ErrorCode.MISSING_POPULATION, Field.POPULATION)
        population = rest[1:]
    else:
        separator = next((s for s in SEPARATORS if s in line), None)
        if separator is None:
            raise InputError(ErrorCode.MISSING_POPULATION, Field.POPULATION)
        name, population = line.split(separator, 1)
    name = name.strip(" \u00a0")
    if not name:
        raise InputError(ErrorCode.MISSING_NAME, Field.CITY_NAME)
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(ErrorCode.TOO_LONG, Field.CITY_NAME, {"max": MAX_NAME_LENGTH})
    if any(unicodedata.category(char) in _INVISIBLE for char in name):
        raise InputError(ErrorCode.INVALID_CHARACTER, Field.CITY_NAME)
    return name, _unquote(population)


def _name_hint(line: str) -> str:
    """What a bad line seems to name, to help the reader find it (shown as text only)."""
    separator = next((s for s in SEPARATORS if s in line), None)
    head = line.split(separator, 1)[0] if separator else line
    return "".join(c for c in _unquote(head) if unicodedata.category(c) not in _INVISIBLE)[
        :MAX_NAME_LENGTH
    ]


def _is_header(text: str) -> bool:
    try:
        name, population = split_line(text)
    except InputError:
        return False
    return (name.casefold(), population.casefold()) == HEADER


#: A line that is not ``name, population``: its number, what it seems to name, and why.
BadLine = tuple[int, str, InputError]


def parse_cities(text: object, *, header: bool = False) -> tuple[list[CityLine], list[BadLine]]:
    """The list's lines: good ones as :class:`CityLine`, bad ones as ``(line, name, error)``.

    Blank lines are skipped but counted, so a line number is the one the reader sees in an
    editor. With ``header`` the first line must be ``name,population`` (any separator, any
    case), as in a CSV file; a list pasted on the page has no header.
    """
    if not isinstance(text, str):
        raise InputError(ErrorCode.INVALID_USAGE, Field.CITIES, {"detail": "cities: text"})
    lines = text.removeprefix(_BOM).splitlines()
    start = 0
    if header:
        if not lines or not _is_header(lines[0]):
            raise InputError(ErrorCode.INVALID_HEADER, Field.CITIES)
        start = 1
    numbered = [(n, line) for n, line in enumerate(lines, 1) if n > start and line.strip()]
    if not numbered:
        raise InputError(ErrorCode.NO_CITIES, Field.CITIES)
    if len(numbered) > MAX_CITIES:
        raise InputError(ErrorCode.TOO_MANY_CITIES, Field.CITIES, {"max": MAX_CITIES})
    good: list[CityLine] = []
    bad: list[BadLine] = []
    for number, line in numbered:
        try:
            name, population = split_line(line)
        except InputError as error:
            bad.append((number, _name_hint(line), error))
        else:
            good.append(CityLine(number, name, population))
    return good, bad


def _line_error(line: int, name: str, error: dict[str, Any], lang: Language) -> dict[str, Any]:
    """A bad line as the page, the CSV and the CLI show it: number, code and message."""
    return {
        "line": line,
        "name": name,
        "code": error["code"],
        "field": error["field"],
        "message": error["message"],
        "text": message("batch.line_error", lang, line=str(line), message=error["message"]),
    }


def _shared(first: Mapping[str, Any], lang: Language) -> dict[str, Any]:
    """What every city's quote has in common (GDP, category, timeline), said once."""
    category_note = first["category_note"]
    if first["category"] != "full":
        category_note = message("batch.associate_note", lang)
    return {
        "gdp_per_capita_usd": first["gdp_per_capita_usd"],
        "gdp_per_capita_text": first["gdp_per_capita_text"],
        "gdp_band_text": first["gdp_band_text"],
        "category": first["category"],
        "category_text": first["category_text"],
        "category_note": category_note,
        "approval_year": first["approval_year"],
        "first_fee_year": first["first_fee_year"],
        "gdp_year": first["gdp_year"],
        "timeline": first["timeline"],
        "notes": first["notes"],
        "source": first["source"],
    }


def _columns(lang: Language) -> dict[str, str]:
    return {column: message(f"batch.column.{column}", lang) for column in COLUMNS}


def _caveats(cities: list[dict[str, Any]]) -> list[str]:
    """Every distinct caveat of the list's quotes, once, in the order the cities give them."""
    return list(dict.fromkeys(text for city in cities for text in city["caveats"]))


def quote_cities(
    text: object,
    fields: Mapping[str, object],
    lang: Language = DEFAULT_LANGUAGE,
    *,
    header: bool = False,
) -> dict[str, Any]:
    """Quote every line of ``text`` with the shared ``fields``; one JSON-ready record.

    ``cities`` holds, per good line, ``line``, ``name`` and exactly the record
    :func:`calculator.answer` gives for that population; ``errors`` the bad lines (``line``,
    ``code``, ``message``); ``total_usd`` sums the quoted fees and ``left_out`` counts the
    bad lines. A problem with the list itself or with a shared field is the record's
    ``error``, as for a single quote.
    """
    shared_fields = {name: fields.get(name) for name in _SHARED_FIELDS}
    try:
        good, bad = parse_cities(text, header=header)
    except InputError as error:
        return {**describe_error(error, lang), "cities": [], "errors": []}
    errors = [
        _line_error(line, name, describe_error(error, lang)["error"], lang)
        for line, name, error in bad
    ]
    cities: list[dict[str, Any]] = []
    shared_error: dict[str, Any] | None = None
    gdp_source: dict[str, Any] | None = None
    for city in good:
        record = answer({**shared_fields, "population": city.population}, lang)
        gdp_source = record.get("gdp_source", gdp_source)
        problem = record.get("error")
        if problem is None:
            cities.append({"line": city.line, "name": city.name, **record})
        elif problem["field"] == Field.POPULATION.value:
            errors.append(_line_error(city.line, city.name, problem, lang))
        elif shared_error is None:
            shared_error = problem  # the same for every line: reported once, for the field
    errors.sort(key=lambda entry: entry["line"])
    result: dict[str, Any] = {"lang": lang.value, "cities": [], "errors": errors}
    if gdp_source is not None:
        result["gdp_source"] = gdp_source
    if shared_error is not None:
        return {**result, "error": shared_error}
    total = sum(city["fee_usd"] for city in cities)
    total_text = format_usd(total, lang)
    result.update(
        {
            "cities": cities,
            "count": len(cities),
            "total_usd": total,
            "total_text": total_text,
            "total_summary": message("batch.total", lang, count=str(len(cities)), fee=total_text),
            "total_due_now_usd": sum(city["due_now_usd"] for city in cities),
            "total_due_now_text": format_usd(sum(c["due_now_usd"] for c in cities), lang),
            "left_out": len(errors),
            "left_out_text": (
                message("batch.left_out", lang, count=str(len(errors))) if errors else None
            ),
            "caveats": _caveats(cities),
            "columns": _columns(lang),
        }
    )
    if cities:
        result.update(_shared(cities[0], lang))
    return result
