"""Band labels and cell caveats in the reader's language, derived from the schedule.

Labels are computed from the band bounds rather than stored, so a changed band can never
disagree with its label.
"""

from __future__ import annotations

from .formatting import format_integer, format_usd
from .locales import Language
from .lookup import Band
from .messages import message
from .schedule import POPULATION_UNIT, Cell, Provenance, Schedule, get_schedule

__all__ = [
    "band_label",
    "caveat",
    "gdp_band_label",
    "population_band_label",
    "provenance_label",
]


def band_label(lower: int, upper: int | None, lang: Language) -> str:
    """``0–299`` or ``10 000 и более`` / ``10,000+``: integers, upper bound inclusive."""
    if upper is None:
        return message("band.open", lang, **{"from": format_integer(lower, lang)})
    return message(
        "band.range",
        lang,
        **{"from": format_integer(lower, lang), "to": format_integer(upper - 1, lang)},
    )


def population_band_label(band: Band, lang: Language) -> str:
    """A population band in thousands of residents, as the source prints it."""
    upper = None if band.upper is None else band.upper // POPULATION_UNIT
    return band_label(band.lower // POPULATION_UNIT, upper, lang)


def gdp_band_label(band: Band, lang: Language) -> str:
    """A GDP per capita band in USD."""
    return band_label(band.lower, band.upper, lang)


def caveat(cell: Cell, lang: Language, schedule: Schedule | None = None) -> str | None:
    """Why a figure must be confirmed with the Secretariat, or None for published ones."""
    if not cell.provenance.needs_confirmation:
        return None
    table = schedule or get_schedule()
    low, high = cell.fee_range_usd
    return message(
        f"caveat.{cell.provenance.value}",
        lang,
        fee=format_usd(cell.fee_usd, lang),
        pattern_fee=format_usd(table.pattern_fee(cell), lang),
        step=format_usd(table.row_step(cell.gdp_band), lang),
        low=format_usd(low, lang),
        high=format_usd(high, lang),
    )


def provenance_label(provenance: Provenance, lang: Language) -> str:
    """A short phrase for a cell's provenance."""
    return message(f"provenance.{provenance.value}", lang)
