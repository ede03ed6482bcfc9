"""The quote: which band a city falls in, its fee, and what its category means for payment."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .errors import ErrorCode, Field, InputError
from .schedule import Cell, Schedule, get_schedule

__all__ = ["Band", "Category", "Quote", "band_index", "quote"]


class Category(StrEnum):
    """Membership categories of the source: only Full Members pay annual fees."""

    FULL = "full"
    ASSOCIATE = "associate"

    @classmethod
    def parse(cls, text: object) -> Category:
        """A category from its code; anything else is a coded input error."""
        for category in cls:
            if isinstance(text, str) and text.strip().lower() == category.value:
                return category
        raise InputError(ErrorCode.INVALID_CATEGORY, Field.CATEGORY)


@dataclass(frozen=True)
class Band:
    """A half-open interval of the schedule: ``lower <= value < upper`` (``upper`` None: open)."""

    index: int
    lower: int
    upper: int | None


@dataclass(frozen=True)
class Quote:
    """A fee and everything a reader needs to trust it."""

    fee_usd: int
    population: int
    gdp_per_capita_usd: Decimal
    population_band: Band
    gdp_band: Band
    cell: Cell
    category: Category
    approval_year: int | None

    @property
    def due_now_usd(self) -> int:
        """What the city pays while in its category: Associate Members pay nothing."""
        return self.fee_usd if self.category is Category.FULL else 0

    @property
    def first_fee_year(self) -> int | None:
        """Fees start the year after approval as a Full Member."""
        return None if self.approval_year is None else self.approval_year + 1

    @property
    def gdp_year(self) -> int | None:
        """The fee for a year is computed from the previous year's GDP."""
        first = self.first_fee_year
        return None if first is None else first - 1


def band_index(lower_bounds: Sequence[int], value: int | Decimal) -> int:
    """Index of the band holding ``value``: each band includes its lower bound."""
    return bisect_right(lower_bounds, value) - 1


def _band(lower_bounds: Sequence[int], value: int | Decimal) -> Band:
    index = band_index(lower_bounds, value)
    upper = lower_bounds[index + 1] if index + 1 < len(lower_bounds) else None
    return Band(index, lower_bounds[index], upper)


def quote(
    population: int,
    gdp_per_capita_usd: Decimal | int,
    category: Category = Category.FULL,
    approval_year: int | None = None,
    schedule: Schedule | None = None,
) -> Quote:
    """The annual fee for a city of ``population`` residents in a country with this GDP.

    Inputs are already validated numbers (see :mod:`calculator.parsing`); the fee is
    always the schedule's figure for the cell, whatever the category.
    """
    table = schedule or get_schedule()
    gdp = Decimal(gdp_per_capita_usd)
    for field, value in ((Field.POPULATION, Decimal(population)), (Field.GDP, gdp)):
        if value <= 0:
            raise InputError(ErrorCode.ZERO if value == 0 else ErrorCode.NEGATIVE, field)
    population_band = _band(table.population_lower_bounds, population)
    gdp_band = _band(table.gdp_lower_bounds, gdp)
    cell = table.cell(gdp_band.index, population_band.index)
    return Quote(
        fee_usd=cell.fee_usd,
        population=population,
        gdp_per_capita_usd=gdp,
        population_band=population_band,
        gdp_band=gdp_band,
        cell=cell,
        category=category,
        approval_year=approval_year,
    )
