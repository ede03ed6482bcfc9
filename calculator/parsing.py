"""Numbers as people type them, in Russian or English, into exact values.

The rules, decided once (and stated on the fees page and in the README):

* Spaces group thousands in both languages: the ordinary space, the no-break space
  (U+00A0), the narrow no-break space (U+202F) and the thin space (U+2009).
* English writes ``613,786`` and ``28,000.50``; Russian writes ``613 786`` and
  ``28 000,50``. Plain machine-written numbers (``613786``, ``28000.5``) work in both.
* When a number has both a comma and a dot, the last one is the decimal separator and the
  other must group thousands in threes (``1,234.5`` and ``1.234,5`` are both accepted).
* A lone comma or dot followed by exactly three digits (``1,500``) means thousands in
  English for the comma and a decimal fraction for the dot. In Russian it is **ambiguous**
  (a decimal comma by the Russian convention, a thousands comma in numbers copied from
  English) and is refused with a hint, because guessing wrong changes a fee a
  thousandfold.
* Only the digits 0–9 are accepted: other scripts' digits are refused with a specific
  error rather than silently converted.
* Exponent notation (``2.8e4``, ``1e6``) is refused with its own code: the fields take digits
  only, and ``1e6`` read as a million surprises as often as it helps. ``nan`` and ``inf``
  are refused as non-finite.
* Links carry machine-written numbers (``624518``, ``47404.96``: digits and at most one dot
  as the decimal point), the same in both languages, so a quote survives a language switch:
  ``parse_population``/``parse_gdp`` with ``link=True`` read such a value that way first and
  anything else as typed text. ``machine_number`` writes a value back that way.
* Invisible characters (controls, bidi marks, zero-width spaces) are refused: they can
  make a figure look different from what it is.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from .errors import ErrorCode, Field, InputError
from .locales import Language
from .messages import Quantity

__all__ = [
    "MAX_GDP_USD",
    "MAX_INPUT_LENGTH",
    "MAX_POPULATION",
    "machine_number",
    "parse_approval_year",
    "parse_gdp",
    "parse_number",
    "parse_population",
]

MAX_INPUT_LENGTH = 40
#: No city has 100 million residents; a larger figure is a typo.
MAX_POPULATION = 100_000_000
#: No economy's GDP per capita (PPP) approaches a million dollars.
MAX_GDP_USD = 1_000_000
#: WeGO was founded in 2010; a later approval year than this is a typo.
YEAR_RANGE = range(2010, 2101)

_SPACES = "\u0020\u00a0\u202f\u2009"
_MINUS_SIGNS = "-\u2212\u2012\u2013\u2014\ufe63\uff0d"
_NON_FINITE = {"nan", "inf", "infinity", "∞"}
_EXPONENT = re.compile(r"(?:\d+(?:\.\d+)?|\.\d+)[eE][+-]?\d+")
_MACHINE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DIGITS = re.compile(r"\d+")


def _is_invisible(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or (
        category == "Zs" and char not in _SPACES
    )


def _grouped(groups: list[str]) -> bool:
    """Whether digit groups are a valid thousands grouping: 1–3 digits, then threes."""
    return (
        all(_DIGITS.fullmatch(g) for g in groups)
        and 1 <= len(groups[0]) <= 3
        and all(len(g) == 3 for g in groups[1:])
    )


def _split_decimal(text: str, lang: Language, field: Field) -> tuple[list[str], str | None]:
    """Split the unsigned, space-free text into integer groups and a fraction."""

    def misplaced() -> InputError:
        return InputError(ErrorCode.MISPLACED_SEPARATOR, field)

    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        if text.count(decimal_mark) != 1:
            raise misplaced()
        whole, fraction = text.split(decimal_mark)
        return whole.split(group_mark), fraction
    if commas + dots == 0:
        return [text], None
    mark = "," if commas else "."
    parts = text.split(mark)
    if len(parts) > 2:
        return parts, None  # repeated mark: it can only group thousands
    whole, fraction = parts
    if _grouped(parts) and whole != "0":
        if lang is Language.RU:
            raise InputError(ErrorCode.AMBIGUOUS_SEPARATOR, field)
        if mark == ",":
            return parts, None
    if lang is Language.EN and mark == ",":
        raise misplaced()  # English never writes a decimal comma
    return [whole], fraction


def parse_number(text: object, lang: Language, field: Field, *, link: bool = False) -> Decimal:
    """Read one positive, finite number typed by a person, or raise a coded InputError.

    With ``link``, a machine-written number (see :func:`machine_number`) is read as such in
    either language; other text is read as typed in ``lang`` (links made before numbers
    were normalised carry the reader's text).
    """
    if (
        link
        and isinstance(text, str)
        and len(text.strip()) <= MAX_INPUT_LENGTH
        and _MACHINE.fullmatch(text.strip())
    ):
        value = Decimal(text.strip())
        if value == 0:
            raise InputError(ErrorCode.ZERO, field)
        return value
    if text is None:
        raise InputError(ErrorCode.EMPTY, field)
    if not isinstance(text, str):
        raise InputError(ErrorCode.NOT_A_NUMBER, field)
    if len(text) > 4 * MAX_INPUT_LENGTH:
        raise InputError(ErrorCode.TOO_LONG, field, {"max": Quantity(MAX_INPUT_LENGTH)})
    stripped = text.strip(_SPACES + "\t\n\r")
    if not stripped:
        raise InputError(ErrorCode.EMPTY, field)
    if len(stripped) > MAX_INPUT_LENGTH:
        raise InputError(ErrorCode.TOO_LONG, field, {"max": Quantity(MAX_INPUT_LENGTH)})
    if any(_is_invisible(c) for c in stripped):
        raise InputError(ErrorCode.INVALID_CHARACTER, field)
    negative = stripped[0] in _MINUS_SIGNS
    body = stripped[1:] if negative or stripped[0] == "+" else stripped
    body = body.lstrip(_SPACES)
    if body.lower() in _NON_FINITE:
        raise InputError(ErrorCode.NOT_FINITE, field)
    if any(c.isdigit() and not c.isascii() for c in body):
        raise InputError(ErrorCode.UNSUPPORTED_DIGITS, field)
    if _EXPONENT.fullmatch(body):
        raise InputError(ErrorCode.EXPONENT, field)
    value = _human_value(body, lang, field)
    if negative and value != 0:
        raise InputError(ErrorCode.NEGATIVE, field)
    if value == 0:
        raise InputError(ErrorCode.ZERO, field)
    return value


def _human_value(body: str, lang: Language, field: Field) -> Decimal:
    if not body or any(not (c.isdigit() or c in ",." or c in _SPACES) for c in body):
        raise InputError(ErrorCode.NOT_A_NUMBER, field)
    space_groups = re.split(f"[{_SPACES}]", body)
    if len(space_groups) > 1:
        # Spaces group thousands, so a comma or dot in the last group can only be decimal.
        last, fraction = re.split("[,.]", space_groups[-1]), None
        if len(last) == 2:
            last, fraction = last[:1], last[1]
        groups = [*space_groups[:-1], *last]
        if len(last) != 1 or not _grouped(groups):
            raise InputError(ErrorCode.MISPLACED_SEPARATOR, field)
    else:
        groups, fraction = _split_decimal(body, lang, field)
        if len(groups) > 1 and not _grouped(groups):
            raise InputError(ErrorCode.MISPLACED_SEPARATOR, field)
    whole = "".join(groups)
    if not _DIGITS.fullmatch(whole) or (fraction is not None and not _DIGITS.fullmatch(fraction)):
        raise InputError(ErrorCode.MISPLACED_SEPARATOR, field)
    return Decimal(f"{whole}.{fraction}" if fraction is not None else whole)


def _with_field(error: InputError, field: Field) -> InputError:
    return error if error.field is field else InputError(error.code, field, error.params)


def machine_number(value: Decimal | int) -> str:
    """A value as links carry it: digits, and a dot before any fraction (``47404.96``)."""
    return format(Decimal(value).normalize(), "f")


def parse_population(text: object, lang: Language, *, link: bool = False) -> int:
    """A city's population as a whole number of residents (``link``: see parse_number)."""
    try:
        value = parse_number(text, lang, Field.POPULATION, link=link)
    except InputError as error:
        raise _with_field(error, Field.POPULATION) from None
    if value != value.to_integral_value():
        raise InputError(ErrorCode.NOT_WHOLE, Field.POPULATION)
    if value > MAX_POPULATION:
        raise InputError(ErrorCode.TOO_LARGE, Field.POPULATION, {"max": Quantity(MAX_POPULATION)})
    return int(value)


def parse_gdp(text: object, lang: Language, *, link: bool = False) -> Decimal:
    """GDP per capita (PPP) in USD, kept exact so band edges such as 999.99 are honest."""
    try:
        value = parse_number(text, lang, Field.GDP, link=link)
    except InputError as error:
        raise _with_field(error, Field.GDP) from None
    if value > MAX_GDP_USD:
        raise InputError(ErrorCode.TOO_LARGE, Field.GDP, {"max": Quantity(MAX_GDP_USD)})
    return value


def parse_approval_year(text: object) -> int | None:
    """The (expected) year of approval as a Full Member; blank means not given."""
    if text is None or (isinstance(text, str) and not text.strip(_SPACES)):
        return None
    if isinstance(text, int) and not isinstance(text, bool):
        year = text
    elif isinstance(text, str) and re.fullmatch(r"[0-9]{4}", text.strip(_SPACES)):
        year = int(text.strip(_SPACES))
    else:
        raise InputError(ErrorCode.INVALID_YEAR, Field.APPROVAL_YEAR, _year_params())
    if year not in YEAR_RANGE:
        raise InputError(ErrorCode.INVALID_YEAR, Field.APPROVAL_YEAR, _year_params())
    return year


def _year_params() -> dict[str, int | str]:
    return {"min": YEAR_RANGE.start, "max": YEAR_RANGE.stop - 1}
