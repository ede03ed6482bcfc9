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
from .formatting import format_decimal
from .locales import DEFAULT_LANGUAGE, Language
from .lookup import Category, quote
from .parsing import machine_number, parse_approval_year, parse_gdp, parse_population

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


# --- Numbers that survive a language switch, and countries named in messages -------------
#: ``number_format: "link"`` in the fields: population and GDP come from a link, where they
#: are machine-written (``47404.96``) whatever the language (older links: as typed).
_LINK_FORMAT = "link"
_MAX_COUNTRY_NAME = 80


def _from_link(fields: Mapping[str, object]) -> bool:
    return fields.get("number_format") == _LINK_FORMAT


def _numbers(fields: Mapping[str, object], lang: Language) -> dict[str, dict[str, str]]:
    """Each number field that reads, as a link writes it and as this language shows it.

    ``inputs`` goes into the page's link and the language selector, so another language
    reads the same value; ``input_texts`` is what the field shows the reader. A field with an
    error is left out (the link keeps its text as typed).
    """
    link = _from_link(fields)
    machine: dict[str, str] = {}
    shown: dict[str, str] = {}
    for name, parse in (("population", parse_population), ("gdp", parse_gdp)):
        try:
            value = parse(fields.get(name), lang, link=link)
        except InputError:
            continue
        machine[name] = machine_number(value)
        shown[name] = format_decimal(value, lang)
    return {"inputs": machine, "input_texts": shown}


def _named(error: InputError, fields: Mapping[str, object]) -> InputError:
    """A data error naming the country as the page does (``country_name``), not its code."""
    name = fields.get("country_name")
    if "country" not in error.params or not isinstance(name, str):
        return error
    name = " ".join(name.split())
    if not name or len(name) > _MAX_COUNTRY_NAME:
        return error
    return InputError(error.code, error.field, {**error.params, "country": name})


def _gdp(fields: Mapping[str, object], lang: Language) -> _Gdp:
    """The typed GDP, or (when it is blank and a country is given) the World Bank's figure."""
    try:
        country = parse_country(fields.get("country"))
        fee_year = parse_fee_year(fields.get("fee_year"))
    except InputError as error:
        return _Gdp(None, error, None)
    try:
        typed = parse_gdp(fields.get("gdp"), lang, link=_from_link(fields))
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
        named = _named(error, fields)
        return _Gdp(None, named, describe_missing_gdp(country, named, lang))
    return _Gdp(figure.value, None, describe_gdp_source(figure, lang))


def answer(fields: Mapping[str, object], lang: Language = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Quote from raw form fields (``population``, ``gdp``, ``category``, ``approval_year``).

    All fields are checked in form order so the first problem the reader sees is the
    first field on the form.

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
    (no figure for this country: the reader has to type one).
    """
    gdp_step = _gdp(fields, lang)
    try:
        population = parse_population(fields.get("population"), lang, link=_from_link(fields))
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
    record.update(_numbers(fields, lang))
    return record


def answer_json(request: str) -> str:
    """``answer`` over JSON text: ``{"lang": "ru", "fields": {...}}`` in, a record out."""
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
    return json.dumps(answer(payload["fields"], lang), ensure_ascii=False)
