"""A quote as a JSON-ready, localized record: the one shape the CLI and the widget print."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, Decimal

from .countries import GdpFigure, get_gdp_data
from .errors import InputError
from .formatting import format_decimal, format_usd
from .labels import caveat, gdp_band_label, population_band_label, provenance_label
from .locales import Language
from .lookup import Band, Category, Quote
from .messages import error_message, message
from .plausibility import warnings
from .records import (
    BandRecord,
    ErrorRecord,
    GdpSourceNone,
    GdpSourceReader,
    GdpSourceRecord,
    GdpSourceWorldBank,
    Line,
    LineKind,
    QuoteRecord,
)
from .schedule import Schedule, get_schedule

__all__ = [
    "describe_error",
    "describe_gdp_source",
    "describe_missing_gdp",
    "describe_quote",
    "describe_reader_gdp",
    "format_long_date",
    "format_release",
    "gdp_caveat_lines",
    "gdp_figure_lines",
    "gdp_input_text",
    "line",
    "notes",
    "schedule_date_line",
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
#: Month names as a Russian date writes them (genitive): «1 августа 2017 г.».
_MONTHS_RU = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_NBSP = "\u00a0"
_CENT = Decimal("0.01")


def _band(band: Band, label: str) -> BandRecord:
    return {"index": band.index, "from": band.lower, "to": band.upper, "label": label}


def line(kind: LineKind, text: str, code: str | None = None) -> Line:
    """One line of a result; ``code`` only where the line has a stable one."""
    if code is None:
        return {"kind": kind, "text": text}
    return {"kind": kind, "text": text, "code": code}


def notes(lang: Language) -> list[str]:
    """The source's two notes under the table."""
    return [message("note.imf", lang), message("note.previous_year", lang)]


def format_long_date(day: date, lang: Language) -> str:
    """A date in words: ``1 August 2017`` / ``1 августа 2017 г.`` (no-break spaces in Russian,
    so a line never breaks between a number and its word)."""
    if lang is Language.RU:
        return f"{day.day}{_NBSP}{_MONTHS_RU[day.month - 1]} {day.year}{_NBSP}г."
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def schedule_date_line(table: Schedule, lang: Language) -> Line:
    """Which fee schedule a result quotes, and that the Secretariat has the current one."""
    day = table.source_date
    text = message("quote.schedule_date", lang, year=day.year, date=format_long_date(day, lang))
    return line("schedule_date", text)


def gdp_figure_lines(source: GdpSourceRecord | None) -> list[Line]:
    """The looked-up figure with its source, short: only a World Bank figure has one."""
    if source is None or source["origin"] != "world_bank":
        return []
    return [line("gdp_figure", source["figure_text"])]


def gdp_caveat_lines(source: GdpSourceRecord | None) -> list[Line]:
    """How far to trust the GDP figure: an earlier year's, the World Bank's, or the reader's."""
    if source is None or source["origin"] == "none":
        return []
    if source["origin"] == "reader":
        return [line("caveat", source["text"], "gdp_reader")]
    found: list[Line] = []
    if source["fallback_text"]:
        found.append(line("caveat", source["fallback_text"], "gdp_fallback"))
    found.append(line("caveat", source["caveat"], "world_bank"))
    return found


def describe_quote(
    quote: Quote,
    lang: Language,
    schedule: Schedule | None = None,
    gdp_source: GdpSourceRecord | None = None,
) -> QuoteRecord:
    """Everything a reader sees about a quote, with ``fee_usd`` as the contract field.

    ``schedule`` is the one the quote was made from (``lookup.quote(..., schedule=...)``);
    the caveat's pattern figures, the source citation and its date come from it, not from
    the shipped one. ``gdp_source`` (a country was given) adds its figure and caveats to the
    lines; the caller puts the record's ``gdp_source`` key.
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
    summary = message("quote.fee", lang, fee=fee_text)
    due_now_summary = message("quote.due_now", lang, amount=format_usd(quote.due_now_usd, lang))
    population_band_text = message("band.population", lang, label=population_label)
    gdp_band_text = message("band.gdp", lang, label=gdp_label)
    found_warnings = warnings(quote, lang)
    provenance = quote.cell.provenance.value
    # The lines in the order every result shows them (records.QUOTE_LINE_ORDER).
    lines = [line("fee", summary), schedule_date_line(table, lang)]
    lines += [line("warning", w["message"], w["code"]) for w in found_warnings]
    if fee_range_text is not None:
        lines.append(line("fee_range", fee_range_text, provenance))
    if quote.category is not Category.FULL:
        lines.append(line("due_now", due_now_summary))
    lines.append(line("population_band", population_band_text))
    lines += gdp_figure_lines(gdp_source)
    lines.append(line("gdp_band", gdp_band_text))
    category_text = message(f"category_line.{quote.category.value}", lang, fee=fee_text)
    lines.append(line("category", category_text))
    if timeline is not None:
        lines.append(line("timeline", timeline))
    if cell_caveat:
        lines.append(line("caveat", cell_caveat, provenance))
    lines += gdp_caveat_lines(gdp_source)
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
        "due_now_summary": due_now_summary,
        "summary": summary,
        "population": quote.population,
        "population_text": format_decimal(quote.population, lang),
        "gdp_per_capita_usd": float(quote.gdp_per_capita_usd),
        "gdp_per_capita_text": format_decimal(quote.gdp_per_capita_usd, lang),
        "population_band": _band(quote.population_band, population_label),
        "population_band_text": population_band_text,
        "gdp_band": _band(quote.gdp_band, gdp_label),
        "gdp_band_text": gdp_band_text,
        "cell": {
            "gdp_band": quote.cell.gdp_band,
            "population_bands": list(quote.cell.population_bands),
        },
        "provenance": provenance,
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
        "schedule_date": table.source_date.isoformat(),
        # Plausibility: figures no city or economy has, quoted but flagged (plausibility.py).
        "warnings": found_warnings,
        "lines": lines,
    }


def describe_error(error: InputError, lang: Language) -> ErrorRecord:
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


def describe_gdp_source(figure: GdpFigure, lang: Language) -> GdpSourceWorldBank:
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


def describe_reader_gdp(iso3: str, lang: Language) -> GdpSourceReader:
    """A country was given, but the reader typed the GDP: their figure wins."""
    return {"origin": "reader", "iso3": iso3, "text": message("gdp_source.reader", lang)}


def describe_missing_gdp(iso3: str, error: InputError, lang: Language) -> GdpSourceNone:
    """A country the data cannot give a figure for: the reader has to type one."""
    return {
        "origin": "none",
        "iso3": iso3,
        "code": error.code.value,
        "text": error_message(error, lang),
    }
