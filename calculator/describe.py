"""A quote as a JSON-ready, localized record: the one shape the CLI and the widget print."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from .countries import GdpFigure, get_gdp_data
from .errors import InputError
from .formatting import format_decimal, format_usd
from .labels import caveat, gdp_band_label, population_band_label, provenance_label
from .locales import Language
from .lookup import Band, Category, Quote
from .messages import error_message, message
from .plausibility import warnings
from .schedule import Schedule, get_schedule

__all__ = [
    "describe_error",
    "describe_gdp_source",
    "describe_missing_gdp",
    "describe_quote",
    "describe_reader_gdp",
    "format_release",
    "gdp_input_text",
    "notes",
]

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_CENT = Decimal("0.01")


def _band(band: Band, label: str) -> dict[str, Any]:
    return {"index": band.index, "from": band.lower, "to": band.upper, "label": label}


def notes(lang: Language) -> list[str]:
    """The source's two notes under the table."""
    return [message("note.imf", lang), message("note.previous_year", lang)]


def describe_quote(
    quote: Quote, lang: Language, schedule: Schedule | None = None
) -> dict[str, Any]:
    """Everything a reader sees about a quote, with ``fee_usd`` as the contract field.

    ``schedule`` is the one the quote was made from (``lookup.quote(..., schedule=...)``);
    the caveat's pattern figures and the source citation come from it, not from the shipped one.
    """
    table = schedule or get_schedule()
    fee_text = format_usd(quote.fee_usd, lang)
    population_label = population_band_label(quote.population_band, lang)
    gdp_label = gdp_band_label(quote.gdp_band, lang)
    cell_caveat = caveat(quote.cell, lang, table)
    low, high = quote.cell.fee_range_usd
    fee_range_text = None
    if low != high:
        fee_range_text = message(
            "quote.fee_range", lang, low=format_usd(low, lang), high=format_usd(high, lang)
        )
    if quote.category is Category.FULL:
        category_note = message("category_note.full", lang)
    else:
        category_note = message("category_note.associate", lang, fee=fee_text)
    timeline = None
    if quote.approval_year is not None:
        timeline = message(
            "timeline.approval",
            lang,
            approval_year=quote.approval_year,
            first_fee_year=quote.first_fee_year,
            gdp_year=quote.gdp_year,
        )
    return {
        "lang": lang.value,
        "fee_usd": quote.fee_usd,
        "fee_text": fee_text,
        # The source's readings of the cell: the same figure twice unless the cell is estimated.
        "fee_range_usd": [low, high],
        "fee_range_text": fee_range_text,
        "due_now_usd": quote.due_now_usd,
        "due_now_text": format_usd(quote.due_now_usd, lang),
        # A finished sentence, so pages fill no template of their own.
        "due_now_summary": message(
            "quote.due_now", lang, amount=format_usd(quote.due_now_usd, lang)
        ),
        "summary": message("quote.fee", lang, fee=fee_text),
        "population": quote.population,
        "population_text": format_decimal(quote.population, lang),
        "gdp_per_capita_usd": float(quote.gdp_per_capita_usd),
        "gdp_per_capita_text": format_decimal(quote.gdp_per_capita_usd, lang),
        "population_band": _band(quote.population_band, population_label),
        "population_band_text": message("band.population", lang, label=population_label),
        "gdp_band": _band(quote.gdp_band, gdp_label),
        "gdp_band_text": message("band.gdp", lang, label=gdp_label),
        "cell": {
            "gdp_band": quote.cell.gdp_band,
            "population_bands": list(quote.cell.population_bands),
        },
        "provenance": quote.cell.provenance.value,
        "provenance_text": provenance_label(quote.cell.provenance, lang),
        "needs_confirmation": quote.cell.provenance.needs_confirmation,
        "caveats": [cell_caveat] if cell_caveat else [],
        "category": quote.category.value,
        "category_text": message(f"category.{quote.category.value}", lang),
        "category_note": category_note,
        "approval_year": quote.approval_year,
        "first_fee_year": quote.first_fee_year,
        "gdp_year": quote.gdp_year,
        "timeline": timeline,
        "notes": notes(lang),
        "source": table.source,
        # Plausibility: figures no city or economy has, quoted but flagged (plausibility.py).
        "warnings": warnings(quote, lang),
    }


def describe_error(error: InputError, lang: Language) -> dict[str, Any]:
    """The error object of the JSON contract: ``{"error": {"code", "message", "field"}}``."""
    return {
        "error": {
            "code": error.code.value,
            "field": error.field.value,
            "message": error_message(error, lang),
            "lang": lang.value,
        }
    }


def format_release(day: date, lang: Language) -> str:
    """A release date as the credit line writes it: ``24.02.2026`` / ``24 February 2026``."""
    if lang is Language.RU:
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def gdp_input_text(value: Decimal, lang: Language) -> str:
    """A looked-up figure as the GDP field shows it: cut (not rounded) to cents.

    Cutting keeps the figure in its band (the bounds are whole dollars), so the field never
    shows a number that would quote differently from the exact figure.
    """
    return format_decimal(value.quantize(_CENT, rounding=ROUND_DOWN), lang)


def describe_gdp_source(figure: GdpFigure, lang: Language) -> dict[str, Any]:
    """Where a looked-up GDP figure comes from, in the reader's language, with its credit."""
    source = get_gdp_data().source
    fallback = None
    if figure.is_fallback:
        fallback = message(
            "gdp_source.fallback",
            lang,
            requested_year=figure.requested_year,
            year=figure.year,
        )
    text = message("gdp_source.text", lang, year=figure.year)
    value_text = gdp_input_text(figure.value, lang)
    return {
        "origin": "world_bank",
        "iso3": figure.iso3,
        "year": figure.year,
        "requested_year": figure.requested_year,
        "fee_year": figure.fee_year,
        "is_fallback": figure.is_fallback,
        "value": str(figure.value),
        "value_text": value_text,
        "text": text,
        "figure_text": message("gdp_source.figure", lang, value=value_text, source=text),
        "fallback_text": fallback,
        "caveat": message("gdp_source.caveat", lang),
        "credit": message("gdp_source.credit", lang, release=format_release(source.release, lang)),
        "license_url": source.license_url,
        "indicator": source.indicator,
        "release": source.release.isoformat(),
        "source": figure.source,
    }


def describe_reader_gdp(iso3: str, lang: Language) -> dict[str, Any]:
    """A country was given, but the reader typed the GDP: their figure wins."""
    return {"origin": "reader", "iso3": iso3, "text": message("gdp_source.reader", lang)}


def describe_missing_gdp(iso3: str, error: InputError, lang: Language) -> dict[str, Any]:
    """A country the data cannot give a figure for: the reader has to type one."""
    return {
        "origin": "none",
        "iso3": iso3,
        "code": error.code.value,
        "text": error_message(error, lang),
    }
