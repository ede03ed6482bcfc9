"""One reader's request, as typed text, to one JSON-ready answer: a quote or a coded error.

This is the single entry point the browser widget calls through Pyodide, so the page never
sees a Python exception: every input, however odd, becomes a record with ``fee_usd`` or
``error``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .countries import gdp_for, get_gdp_data, parse_country, parse_fee_year
from .describe import (
    describe_error,
    describe_gdp_source,
    describe_missing_gdp,
    describe_quote,
    describe_reader_gdp,
)
from .errors import ErrorCode, Field, InputError
from .locales import DEFAULT_LANGUAGE, Language
from .lookup import Category, quote
from .parsing import parse_approval_year, parse_gdp, parse_population

__all__ = ["answer", "answer_json", "parse_language"]


def parse_language(text: object) -> Language:
    """A supported language code, or a coded error."""
    for lang in Language:
        if text == lang.value:
            return lang
    raise InputError(ErrorCode.INVALID_LANGUAGE, Field.LANGUAGE)


@dataclass(frozen=True)
class _Gdp:
    """The GDP step of a request: a figure or an error, and where the figure comes from."""

    value: Decimal | None
    error: InputError | None
    source: dict[str, Any] | None


def _fee_year(fields: Mapping[str, object]) -> int:
    """The fee year when none is given: the year after approval, else the newest data's."""
    try:
        approval_year = parse_approval_year(fields.get("approval_year"))
    except InputError:
        approval_year = None  # reported later, in form order
    if approval_year is not None:
        return approval_year + 1
    return get_gdp_data().default_fee_year


def _gdp(fields: Mapping[str, object], lang: Language) -> _Gdp:
    """The typed GDP, or (when it is blank and a country is given) the World Bank's figure."""
    try:
        country = parse_country(fields.get("country"))
        fee_year = parse_fee_year(fields.get("fee_year"))
    except InputError as error:
        return _Gdp(None, error, None)
    try:
        typed = parse_gdp(fields.get("gdp"), lang)
    except InputError as error:
        if country is None or error.code is not ErrorCode.EMPTY:
            reader = None if country is None else describe_reader_gdp(country, lang)
            return _Gdp(None, error, reader)
    else:
        # The reader's figure wins over the data, whatever the country.
        return _Gdp(typed, None, None if country is None else describe_reader_gdp(country, lang))
    year = fee_year if fee_year is not None else _fee_year(fields)
    try:
        figure = gdp_for(country, fee_year=year)
    except InputError as error:
        return _Gdp(None, error, describe_missing_gdp(country, error, lang))
    return _Gdp(figure.value, None, describe_gdp_source(figure, lang))


def answer(fields: Mapping[str, object], lang: Language = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Quote from raw form fields (``population``, ``gdp``, ``category``, ``approval_year``).

    All fields are checked in form order so the first problem the reader sees is the
    first field on the form.

    Optional ``country`` (ISO 3166-1 alpha-3, e.g. ``RUS``) and ``fee_year``: when ``gdp`` is
    blank, the GDP per capita is the World Bank's figure for the year before the fee year
    (``fee_year``, else the year after ``approval_year``, else the year after the newest
    data), or the latest earlier one. A typed ``gdp`` always wins. With a country, the record
    (a quote or an error) carries ``gdp_source``: ``origin`` ``world_bank`` (the figure, its
    year, the localized source and credit), ``reader`` (the typed figure is used) or ``none``
    (no figure for this country: the reader has to type one).
    """
    gdp_step = _gdp(fields, lang)
    try:
        population = parse_population(fields.get("population"), lang)
        if gdp_step.error is not None:
            raise gdp_step.error
        assert gdp_step.value is not None
        category = Category.parse(fields.get("category") or Category.FULL.value)
        approval_year = parse_approval_year(fields.get("approval_year"))
        record = describe_quote(quote(population, gdp_step.value, category, approval_year), lang)
    except InputError as error:
        record = describe_error(error, lang)
    if gdp_step.source is not None:
        record["gdp_source"] = gdp_step.source
    return record


def answer_json(request: str) -> str:
    """``answer`` over JSON text: ``{"lang": "ru", "fields": {...}}`` in, a record out.

    With a ``"cities"`` key (the text of a list, one ``name, population`` per line) the
    record is :func:`calculator.batch.quote_cities`' for that list and the shared fields.
    """
    try:
        payload = json.loads(request)
        if not isinstance(payload, dict) or not isinstance(payload.get("fields"), dict):
            raise ValueError("expected {'lang': ..., 'fields': {...}}")
        lang = parse_language(payload.get("lang", DEFAULT_LANGUAGE.value))
    except InputError as error:
        return json.dumps(describe_error(error, DEFAULT_LANGUAGE), ensure_ascii=False)
    except ValueError as error:
        usage = InputError(ErrorCode.INVALID_USAGE, Field.ARGUMENTS, {"detail": str(error)})
        return json.dumps(describe_error(usage, DEFAULT_LANGUAGE), ensure_ascii=False)
    if "cities" in payload:
        # Several cities: the list is quoted line by line through ``answer`` (calculator.batch
        # imports this module, hence the import here).
        from .batch import quote_cities

        return json.dumps(
            quote_cities(payload["cities"], payload["fields"], lang), ensure_ascii=False
        )
    return json.dumps(answer(payload["fields"], lang), ensure_ascii=False)
