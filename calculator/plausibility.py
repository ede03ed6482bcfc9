"""Warnings for figures the engine can quote but that no real city or economy has.

A mistyped figure still lands in some band, so it is quoted, but the reader is told: GDP per
capita (PPP) outside what any economy has had (below USD 300, e.g. ``47.404`` meant as
47,404, or above USD 250,000), and populations under 1,000 (often typed in thousands). Each
warning has a stable code, for ``data-warning-code`` in the widget and for the CLI's JSON,
and a message in the reader's language from the catalogues (``warning.<code>``).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from .formatting import format_decimal
from .locales import Language
from .lookup import Quote
from .messages import Quantity, message
from .records import WarningRecord

__all__ = [
    "GDP_PLAUSIBLE_MAX",
    "GDP_PLAUSIBLE_MIN",
    "POPULATION_PLAUSIBLE_MIN",
    "Warning",
    "warnings",
]

#: Well outside what any economy has had: the shipped World Bank data (2010 on) range from
#: about 606 (Congo, Dem. Rep., 2010) to about 180,939 (Qatar, 2012); a unit test checks that
#: every shipped figure lies inside these bounds.
GDP_PLAUSIBLE_MIN = Decimal(300)
GDP_PLAUSIBLE_MAX = Decimal(250_000)
#: A member city or local government has at least a thousand residents.
POPULATION_PLAUSIBLE_MIN = 1_000


class Warning(StrEnum):
    """Stable warning codes; each has a message ``warning.<code>`` in every catalogue."""

    GDP_BELOW_ANY_ECONOMY = "gdp_below_any_economy"
    GDP_ABOVE_ANY_ECONOMY = "gdp_above_any_economy"
    POPULATION_UNDER_1000 = "population_under_1000"


def warnings(quote: Quote, lang: Language) -> list[WarningRecord]:
    """The quote's warnings as ``{"code", "message"}`` records, in form order."""
    gdp = format_decimal(quote.gdp_per_capita_usd, lang)
    found: list[tuple[Warning, dict[str, object]]] = []
    if quote.population < POPULATION_PLAUSIBLE_MIN:
        found.append(
            (
                Warning.POPULATION_UNDER_1000,
                {
                    "population": Quantity(quote.population),
                    "min": Quantity(POPULATION_PLAUSIBLE_MIN),
                },
            )
        )
    if quote.gdp_per_capita_usd < GDP_PLAUSIBLE_MIN:
        found.append(
            (Warning.GDP_BELOW_ANY_ECONOMY, {"gdp": gdp, "min": Quantity(GDP_PLAUSIBLE_MIN)})
        )
    elif quote.gdp_per_capita_usd > GDP_PLAUSIBLE_MAX:
        found.append(
            (Warning.GDP_ABOVE_ANY_ECONOMY, {"gdp": gdp, "max": Quantity(GDP_PLAUSIBLE_MAX)})
        )
    return [
        {"code": code.value, "message": message(f"warning.{code.value}", lang, **params)}
        for code, params in found
    ]
