"""The fee schedule: typed, frozen values loaded from ``schedule.json`` and validated.

The schedule is edited by people, so the loader refuses anything it cannot trust (a
missing cell, a gap between bands, a fee that falls as a city grows) instead of letting a
typo reach the site, the CLI or the browser.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "POPULATION_UNIT",
    "Cell",
    "Provenance",
    "Schedule",
    "ScheduleError",
    "get_schedule",
    "load_schedule",
]

#: The source gives population bands in thousands of residents.
POPULATION_UNIT = 1000


class ScheduleError(ValueError):
    """The schedule data is malformed; raised at load time, never at quote time."""


class Provenance(StrEnum):
    """How a cell's figure relates to the source table."""

    PUBLISHED = "published"
    #: Printed once across two population columns (the first two GDP rows).
    MERGED = "merged"
    #: Not in the source (an empty cell); the higher of its readings, with every reading kept.
    ESTIMATED = "estimated"
    #: Printed in the source, but off the row's even step.
    IRREGULAR = "irregular"

    @property
    def needs_confirmation(self) -> bool:
        """Whether a quote landing here must advise confirming with the Secretariat."""
        return self in (Provenance.ESTIMATED, Provenance.IRREGULAR)


@dataclass(frozen=True)
class Cell:
    """One published (or estimated) figure, possibly spanning several population bands."""

    fee_usd: int
    provenance: Provenance
    gdp_band: int
    first_population_band: int
    span: int
    #: An estimated cell's possible readings of the source, lowest first; empty otherwise.
    readings_usd: tuple[int, ...] = ()

    @property
    def fee_range_usd(self) -> tuple[int, int]:
        """The lowest and highest reading of this cell: the same figure twice when printed."""
        readings = self.readings_usd or (self.fee_usd,)
        return min(readings), max(readings)

    @property
    def population_bands(self) -> range:
        """The population band indices this figure covers."""
        return range(self.first_population_band, self.first_population_band + self.span)


@dataclass(frozen=True)
class Schedule:
    """The whole table: lower bounds of each band and one row of cells per GDP band."""

    source: str
    #: The date of the letter the table comes from: every result is dated by it.
    source_date: date
    currency: str
    population_lower_bounds: tuple[int, ...]
    gdp_lower_bounds: tuple[int, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def cell(self, gdp_band: int, population_band: int) -> Cell:
        """The cell covering one grid position (a merged cell covers two)."""
        for cell in self.rows[gdp_band]:
            if population_band in cell.population_bands:
                return cell
        raise IndexError((gdp_band, population_band))  # unreachable for a validated schedule

    def fee(self, gdp_band: int, population_band: int) -> int:
        """The annual fee in USD at one grid position."""
        return self.cell(gdp_band, population_band).fee_usd

    def row_step(self, gdp_band: int) -> int:
        """The row's even step: the rise between its first two columns.

        Used to explain estimated and off-step cells; needs a row whose first two cells are
        single columns (the merged rows have no step to speak of).
        """
        first, second = self.rows[gdp_band][:2]
        if first.span != 1 or second.span != 1:
            raise ValueError("a row step needs two single cells at the start of the row")
        return second.fee_usd - first.fee_usd

    def pattern_fee(self, cell: Cell) -> int:
        """What the row's even step would give here: its first fee plus one step per column."""
        first = self.rows[cell.gdp_band][0]
        return first.fee_usd + self.row_step(cell.gdp_band) * cell.first_population_band

    @property
    def cells(self) -> tuple[Cell, ...]:
        """Every distinct cell, row by row."""
        return tuple(cell for row in self.rows for cell in row)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ScheduleError(message)


def _bounds(data: Mapping[str, Any], key: str) -> tuple[int, ...]:
    values = data.get(key)
    _require(isinstance(values, list) and len(values) >= 2, f"{key}: a list of lower bounds")
    assert isinstance(values, list)
    _require(all(type(v) is int for v in values), f"{key}: bounds must be whole numbers")
    _require(values[0] == 0, f"{key}: the first band must start at 0")
    _require(
        all(a < b for a, b in itertools.pairwise(values)),
        f"{key}: bands must be contiguous and strictly increasing",
    )
    return tuple(values)


def _printed_band(gdp: Sequence[int], gdp_band: int) -> str:
    """The GDP band as the source prints its row heading: «1,000~1,999», the last «20,000 ~»."""
    lower = gdp[gdp_band]
    if gdp_band + 1 == len(gdp):
        return f"{lower:,} ~"
    return f"{lower:,}~{gdp[gdp_band + 1] - 1:,}"


def _check_source_note(
    raw: Mapping[str, Any], cells: Sequence[Cell], gdp: Sequence[int], gdp_band: int
) -> None:
    """Each row's ``src`` note says which printed row its figures come from, so a reviewer can
    check them against the source; it opens with that row's heading (``row «0~999»``), which
    catches a note left on the wrong row after rows are moved or bands change. A row with any
    cell that is not a plain published figure (merged, estimated, irregular) says why after a
    colon: the reading behind such a cell must be written down where the cell is."""
    note = raw.get("src")
    heading = f"row «{_printed_band(gdp, gdp_band)}»"
    _require(
        isinstance(note, str) and note.startswith(heading),
        f"row {gdp_band}: src must be a note that starts with {heading}",
    )
    assert isinstance(note, str)
    explained = note.startswith(f"{heading}: ") and bool(note[len(heading) + 2 :].strip())
    plain = all(cell.provenance is Provenance.PUBLISHED for cell in cells)
    _require(
        plain or explained,
        f"row {gdp_band}: src must explain its merged, estimated or irregular cells "
        f"({heading}: why)",
    )


def _row(raw: Any, gdp_band: int, width: int) -> tuple[Cell, ...]:
    _require(isinstance(raw, Mapping), f"row {gdp_band}: an object")
    raw_cells = raw.get("cells")
    _require(isinstance(raw_cells, list) and bool(raw_cells), f"row {gdp_band}: a list of cells")
    assert isinstance(raw_cells, list)
    cells: list[Cell] = []
    position = 0
    for raw_cell in raw_cells:
        spec = {"fee": raw_cell} if not isinstance(raw_cell, Mapping) else dict(raw_cell)
        unknown = set(spec) - {"fee", "span", "provenance", "readings"}
        _require(not unknown, f"row {gdp_band}: unknown cell keys {sorted(unknown)}")
        fee, span = spec.get("fee"), spec.get("span", 1)
        _require(type(fee) is int and fee > 0, f"row {gdp_band}: fees are positive whole USD")
        _require(type(span) is int and span >= 1, f"row {gdp_band}: span is a positive integer")
        try:
            provenance = Provenance(spec.get("provenance", "published"))
        except ValueError:
            raise ScheduleError(
                f"row {gdp_band}: unknown provenance {spec['provenance']!r}"
            ) from None
        _require(
            provenance not in (Provenance.MERGED,),
            f"row {gdp_band}: 'merged' is implied by span, do not write it",
        )
        if span > 1:
            _require(
                provenance is Provenance.PUBLISHED,
                f"row {gdp_band}: a merged cell must be published",
            )
            provenance = Provenance.MERGED
        assert isinstance(fee, int)
        assert isinstance(span, int)
        readings = _readings(spec.get("readings"), fee, provenance, gdp_band)
        cells.append(Cell(fee, provenance, gdp_band, position, span, readings))
        position += span
    _require(
        position == width,
        f"row {gdp_band}: covers {position} population bands, the table has {width}",
    )
    return tuple(cells)


def _readings(raw: Any, fee: int, provenance: Provenance, gdp_band: int) -> tuple[int, ...]:
    """An estimated cell names every reading of the source; its quoted fee is the highest."""
    if provenance is not Provenance.ESTIMATED:
        _require(raw is None, f"row {gdp_band}: only an estimated cell has readings")
        return ()
    _require(
        isinstance(raw, list) and len(raw) >= 2 and all(type(r) is int and r > 0 for r in raw),
        f"row {gdp_band}: an estimated cell lists its readings, two or more whole USD",
    )
    assert isinstance(raw, list)
    _require(raw == sorted(set(raw)), f"row {gdp_band}: readings are distinct, lowest first")
    _require(raw[-1] == fee, f"row {gdp_band}: an estimate quotes its highest reading")
    return tuple(raw)


def _check_monotone(schedule: Schedule) -> None:
    """A fee never falls when population or GDP grows: a typo usually breaks this."""
    heights, widths = len(schedule.gdp_lower_bounds), len(schedule.population_lower_bounds)
    for g in range(heights):
        for p in range(widths):
            fee = schedule.fee(g, p)
            if p + 1 < widths:
                _require(
                    schedule.fee(g, p + 1) >= fee,
                    f"fee falls from population band {p} to {p + 1} in GDP band {g}",
                )
            if g + 1 < heights:
                _require(
                    schedule.fee(g + 1, p) >= fee,
                    f"fee falls from GDP band {g} to {g + 1} in population band {p}",
                )


def _source_date(raw: object) -> date:
    """The letter's date, ``YYYY-MM-DD``: a result says which schedule it quotes."""
    problem = "source_date: the letter's date, YYYY-MM-DD, is required"
    if not isinstance(raw, str):
        raise ScheduleError(problem)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ScheduleError(problem) from None


def load_schedule(data: Mapping[str, Any]) -> Schedule:
    """Build a validated :class:`Schedule` from its JSON form, or raise ScheduleError."""
    _require(isinstance(data, Mapping), "the schedule is a JSON object")
    population = _bounds(data, "population_bands_thousands")
    gdp = _bounds(data, "gdp_bands_usd")
    raw_rows = data.get("rows")
    _require(isinstance(raw_rows, Sequence) and not isinstance(raw_rows, str), "rows: a list")
    assert isinstance(raw_rows, Sequence)
    _require(len(raw_rows) == len(gdp), f"rows: {len(raw_rows)} rows for {len(gdp)} GDP bands")
    for index, (raw, lower) in enumerate(zip(raw_rows, gdp, strict=True)):
        _require(
            isinstance(raw, Mapping) and raw.get("gdp_from") == lower,
            f"row {index}: gdp_from must be {lower}, the lower bound of its GDP band",
        )
    rows = tuple(_row(raw, i, len(population)) for i, raw in enumerate(raw_rows))
    for index, (raw, cells) in enumerate(zip(raw_rows, rows, strict=True)):
        _check_source_note(raw, cells, gdp, index)
    source, currency = data.get("source"), data.get("currency")
    _require(isinstance(source, str) and bool(source), "source: the citation is required")
    _require(currency == "USD", "currency: the schedule is in USD")
    assert isinstance(source, str)
    schedule = Schedule(
        source=source,
        source_date=_source_date(data.get("source_date")),
        currency="USD",
        population_lower_bounds=tuple(t * POPULATION_UNIT for t in population),
        gdp_lower_bounds=gdp,
        rows=rows,
    )
    _check_monotone(schedule)
    for cell in schedule.cells:
        if cell.provenance is Provenance.ESTIMATED:
            _require(
                cell.first_population_band >= 2 and cell.fee_usd == schedule.pattern_fee(cell),
                f"row {cell.gdp_band}: an estimate must continue its row's step",
            )
        if cell.provenance is Provenance.IRREGULAR:
            _require(
                cell.first_population_band >= 2 and cell.fee_usd != schedule.pattern_fee(cell),
                f"row {cell.gdp_band}: an irregular cell must be off its row's step",
            )
    return schedule


@cache
def get_schedule() -> Schedule:
    """The package's schedule, read and validated once per process."""
    text = resources.files(__package__).joinpath("schedule.json").read_text(encoding="utf-8")
    return load_schedule(json.loads(text))
