"""WeGO annual membership fees: the schedule, the quote, and the reader's language.

Std-lib only, so the same package runs in CPython (CLI, site build) and in Pyodide (the
browser widget). Everything public is listed in ``__all__``; the modules behind it are
private details.
"""

from .batch import parse_cities, quote_cities
from .countries import GdpData, GdpFigure, GdpSource, gdp_for, get_gdp_data
from .describe import describe_error, describe_quote
from .errors import ErrorCode, Field, InputError
from .formatting import format_decimal, format_integer, format_usd
from .labels import band_label, caveat, gdp_band_label, population_band_label
from .locales import DEFAULT_LANGUAGE, Language
from .lookup import Band, Category, Quote, quote
from .messages import error_message, message
from .parsing import parse_approval_year, parse_gdp, parse_population
from .protocol import answer_json
from .render import render_caveats_html, render_table_html
from .request import answer
from .schedule import Cell, Provenance, Schedule, ScheduleError, get_schedule, load_schedule

__all__ = [
    "DEFAULT_LANGUAGE",
    "Band",
    "Category",
    "Cell",
    "ErrorCode",
    "Field",
    "GdpData",
    "GdpFigure",
    "GdpSource",
    "InputError",
    "Language",
    "Provenance",
    "Quote",
    "Schedule",
    "ScheduleError",
    "answer",
    "answer_json",
    "band_label",
    "caveat",
    "describe_error",
    "describe_quote",
    "error_message",
    "format_decimal",
    "format_integer",
    "format_usd",
    "gdp_band_label",
    "gdp_for",
    "get_gdp_data",
    "get_schedule",
    "load_schedule",
    "message",
    "parse_approval_year",
    "parse_cities",
    "parse_gdp",
    "parse_population",
    "population_band_label",
    "quote",
    "quote_cities",
    "render_caveats_html",
    "render_table_html",
]
