"""One reader's request, as typed text, to one JSON-ready answer: a quote or a coded error.

This is the single entry point the browser widget calls through Pyodide, so the page never
sees a Python exception: every input, however odd, becomes a record with ``fee_usd`` or
``error``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from .countries import gdp_for, get_gdp_data, parse_country, parse_fee_year
from .describe import (
    describe_error,
    describe_gdp_source,
    describe_missing_gdp,
    describe_quote,
    describe_reader_gdp,
)
from .errors import ErrorCode, Field, InputError
from .formatting import format_decimal
from .locales import DEFAULT_LANGUAGE, Language
from .lookup import Category, quote
from .parsing import machine_number, parse_approval_year, parse_gdp, parse_population
from .records import AnswerRecord, GdpSourceRecord, NumberFields

__all__ = ["MAX_COUNTRY_NAME", "answer"]

_T = TypeVar("_T")
#: The fields in the order the fees page shows them (``fee_year`` is the CLI's, beside the
#: country it applies to); the first problem in this order is the one reported.
_FORM_ORDER = (
    Field.POPULATION,
    Field.COUNTRY,
    Field.FEE_YEAR,
    Field.GDP,
    Field.CATEGORY,
    Field.APPROVAL_YEAR,
)


@dataclass(frozen=True)
class _Form:
    """Every field of a request, read once, and the problems found, in form order.

    Form order is the fees page's: population, country, (the CLI's fee year), GDP per capita,
    category, approval year. A field with a problem holds None.
    """

    population: int | None
    country: str | None
    fee_year: int | None
    #: The typed figure; None when blank (then the country's figure is looked up) or bad.
    gdp: Decimal | None
    category: Category | None
    approval_year: int | None
    errors: tuple[InputError, ...]

    def fine(self, *fields: Field) -> bool:
        """Whether none of ``fields`` has a problem."""
        return not any(error.field in fields for error in self.errors)


def _read_form(fields: Mapping[str, object], lang: Language) -> _Form:
    """Parse the whole form in one pass, keeping every field's problem."""
    errors: list[InputError] = []

    def read(parse: Callable[[], _T]) -> _T | None:
        try:
            return parse()
        except InputError as error:
            errors.append(error)
            return None

    link = _from_link(fields)
    population = read(lambda: parse_population(fields.get("population"), lang, link=link))
    country = read(lambda: parse_country(fields.get("country")))
    fee_year = read(lambda: parse_fee_year(fields.get("fee_year")))

    def typed_gdp() -> Decimal | None:
        try:
            return parse_gdp(fields.get("gdp"), lang, link=link)
        except InputError as error:
            # A blank GDP is a problem only without a country: with one, it is looked up.
            if error.code is ErrorCode.EMPTY and country is not None:
                return None
            raise

    gdp = read(typed_gdp)
    category = read(lambda: Category.parse(fields.get("category") or Category.FULL.value))
    approval_year = read(lambda: parse_approval_year(fields.get("approval_year")))
    return _Form(population, country, fee_year, gdp, category, approval_year, tuple(errors))


@dataclass(frozen=True)
class _Gdp:
    """The GDP per capita to quote with: a figure or a lookup error, and where it comes from."""

    value: Decimal | None
    error: InputError | None
    source: GdpSourceRecord | None


# --- Numbers that survive a language switch, and countries named in messages -------------
#: ``number_format: "link"`` in the fields: population and GDP come from a link, where they
#: are machine-written (``47404.96``) whatever the language (older links: as typed).
_LINK_FORMAT = "link"
#: The longest country name the page sends (the country field's ``maxlength`` is this too).
MAX_COUNTRY_NAME = 80


def _from_link(fields: Mapping[str, object]) -> bool:
    return fields.get("number_format") == _LINK_FORMAT


def _numbers(form: _Form, lang: Language) -> tuple[NumberFields, NumberFields]:
    """Each number field that reads, as a link writes it and as this language shows it.

    ``inputs`` goes into the page's link and the language selector, so another language
    reads the same value; ``input_texts`` is what the field shows the reader. A field with an
    error, or a blank GDP, is left out (the link keeps its text as typed).
    """
    machine: NumberFields = {}
    shown: NumberFields = {}
    if form.population is not None:
        machine["population"] = machine_number(form.population)
        shown["population"] = format_decimal(form.population, lang)
    if form.gdp is not None:
        machine["gdp"] = machine_number(form.gdp)
        shown["gdp"] = format_decimal(form.gdp, lang)
    return machine, shown


def _named(error: InputError, fields: Mapping[str, object]) -> InputError:
    """A data error naming the country as the page does (``country_name``), not its code."""
    name = fields.get("country_name")
    if "country" not in error.params or not isinstance(name, str):
        return error
    name = " ".join(name.split())
    if not name or len(name) > MAX_COUNTRY_NAME:
        return error
    return InputError(error.code, error.field, {**error.params, "country": name})


def _resolve_gdp(form: _Form, fields: Mapping[str, object], lang: Language) -> _Gdp:
    """The typed figure, or the country's figure under the previous-year rule.

    A typed GDP always wins. Otherwise the fee year (given, else the year after approval,
    else the year after the newest data) picks the World Bank figure. Nothing is looked up
    while a field it depends on has a problem: a figure for a year the reader did not mean
    would be shown as if it were theirs.
    """
    if form.country is None or not form.fine(Field.COUNTRY):
        return _Gdp(form.gdp, None, None)
    if form.gdp is not None or not form.fine(Field.GDP):
        return _Gdp(form.gdp, None, describe_reader_gdp(form.country, lang))
    if not form.fine(Field.FEE_YEAR):
        return _Gdp(None, None, None)
    fee_year = form.fee_year
    if fee_year is None:
        if not form.fine(Field.APPROVAL_YEAR):
            return _Gdp(None, None, None)
        approval = form.approval_year
        fee_year = get_gdp_data().default_fee_year if approval is None else approval + 1
    try:
        figure = gdp_for(form.country, fee_year=fee_year)
    except InputError as error:
        named = _named(error, fields)
        return _Gdp(None, named, describe_missing_gdp(form.country, named, lang))
    return _Gdp(figure.value, None, describe_gdp_source(figure, lang))


def _place_in_form(error: InputError) -> int:
    """Where the field of ``error`` comes on the form (any other field: after them all)."""
    return _FORM_ORDER.index(error.field) if error.field in _FORM_ORDER else len(_FORM_ORDER)


def answer(fields: Mapping[str, object], lang: Language = DEFAULT_LANGUAGE) -> AnswerRecord:
    """Quote from raw form fields (``population``, ``gdp``, ``category``, ``approval_year``).

    The whole form is parsed first and the first problem in form order is reported, so the
    first problem the reader sees is the first field on the form to fix; a country without a
    figure (``no_country_data``...) is reported in the GDP field's place.

    ``number_format: "link"`` reads population and GDP as links write them (machine-written
    numbers, see ``parsing``); every record carries ``inputs`` (the numbers as links write
    them) and ``input_texts`` (as the language shows them), for the fields that read.

    Optional ``country`` (ISO 3166-1 alpha-3, e.g. ``RUS``), ``country_name`` (the name the
    page shows, used in messages instead of the code) and ``fee_year``: when ``gdp`` is
    blank, the GDP per capita is the World Bank's figure for the year before the fee year
    (``fee_year``, else the year after ``approval_year``, else the year after the newest
    data), or the latest earlier one. A typed ``gdp`` always wins. With a country, the record
    (a quote or an error) carries ``gdp_source``: ``origin`` ``world_bank`` (the figure, its
    year, the localized source and credit), ``reader`` (the typed figure is used) or ``none``
    (no figure for this country: the reader has to type one). The figure is looked up even
    while the population is missing, so the page can fill the GDP field early; it is not
    looked up while the fee year or the approval year that would pick it is wrong.
    """
    form = _read_form(fields, lang)
    gdp = _resolve_gdp(form, fields, lang)
    problems = sorted(
        [*form.errors, *([gdp.error] if gdp.error is not None else [])], key=_place_in_form
    )
    try:
        if problems:
            raise problems[0]
        # No problem: every field parsed, and the GDP is typed or found.
        assert form.population is not None
        assert form.category is not None
        assert gdp.value is not None
        found = quote(form.population, gdp.value, form.category, form.approval_year)
        record: AnswerRecord = describe_quote(found, lang, gdp_source=gdp.source)
    except InputError as error:
        record = describe_error(error, lang)
    if gdp.source is not None:
        record["gdp_source"] = gdp.source
    inputs, input_texts = _numbers(form, lang)
    record["inputs"] = inputs
    record["input_texts"] = input_texts
    return record
