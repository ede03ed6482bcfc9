"""The shapes of every JSON-ready record the engine answers with: one contract, typed once.

The CLI, the site build and the browser widget all read these records; what a result shows,
and in which order, is decided here and in :mod:`calculator.describe` / :mod:`calculator.batch`
(the ``lines``), never again by a consumer. ``calculator/schema/records.schema.json`` is
generated from these ``TypedDict`` s (:mod:`calculator.schema`), so the browser side can
check the same contract.

A consumer shows a single quote as ``lines`` in order (each ``{"kind", "text"}``, with a
stable ``code`` where one exists), then ``notes``, then the World Bank ``credit`` when
``gdp_source.origin`` is ``world_bank``. A list of cities shows ``lines`` around a table
whose columns are ``columns`` (in order), each city's ``cells`` (for the screen) or
``file_cells`` (for a CSV file), and ``total_row``.
"""

# No ``from __future__ import annotations`` here: TypedDict must see ``NotRequired`` as a
# real type, not as a string, to tell optional keys from required ones.
from typing import Literal, NotRequired, TypedDict, TypeGuard, get_args

__all__ = [
    "BATCH_LINE_ORDER",
    "COLUMN_KEYS",
    "LINE_KINDS",
    "QUOTE_LINE_ORDER",
    "AnswerRecord",
    "BadLineRecord",
    "BandRecord",
    "BatchErrorRecord",
    "BatchRecord",
    "CellRecord",
    "CityRow",
    "Column",
    "ColumnKey",
    "ErrorDetail",
    "ErrorRecord",
    "GdpSourceNone",
    "GdpSourceReader",
    "GdpSourceRecord",
    "GdpSourceWorldBank",
    "Line",
    "LineKind",
    "NumberFields",
    "QuoteRecord",
    "TotalRow",
    "WarningRecord",
    "is_error",
]

#: What a line of a result is; a consumer may style by kind but never reorders lines.
LineKind = Literal[
    "fee",
    "total",
    "schedule_date",
    "left_out",
    "warning",
    "fee_range",
    "due_now",
    "population_band",
    "gdp_figure",
    "gdp_band",
    "category",
    "timeline",
    "caveat",
]
LINE_KINDS: tuple[LineKind, ...] = get_args(LineKind)
#: The order of a single quote's lines (a kind may be absent or, for warnings and caveats,
#: repeated; the order never changes).
QUOTE_LINE_ORDER: tuple[LineKind, ...] = (
    "fee",
    "schedule_date",
    "warning",
    "fee_range",
    "due_now",
    "population_band",
    "gdp_figure",
    "gdp_band",
    "category",
    "timeline",
    "caveat",
)
#: The order of the shared lines of a list of cities (the table sits after ``total``...
#: wherever the page puts it; the lines themselves keep this order).
BATCH_LINE_ORDER: tuple[LineKind, ...] = (
    "total",
    "schedule_date",
    "left_out",
    "gdp_figure",
    "gdp_band",
    "category",
    "timeline",
    "caveat",
)

#: The keys of a list's table columns; ``caveat`` only when some city needs confirmation.
ColumnKey = Literal["name", "population", "band", "fee", "caveat"]
COLUMN_KEYS: tuple[ColumnKey, ...] = get_args(ColumnKey)


class Line(TypedDict):
    """One line a result shows: its kind, its finished text, and a stable code if it has one.

    ``code`` is a warning's code (``population_under_1000``...) or a caveat's provenance
    (``estimated``, ``irregular``, ``world_bank``, ``fallback``), for styling and tests.
    """

    kind: LineKind
    text: str
    code: NotRequired[str]


class WarningRecord(TypedDict):
    """A plausibility warning (:mod:`calculator.plausibility`)."""

    code: str
    message: str


#: A band: ``from`` (inclusive) and ``to`` (exclusive, None for the open last band).
BandRecord = TypedDict("BandRecord", {"index": int, "from": int, "to": int | None, "label": str})
BandRecord.__doc__ = "A band of the schedule: its index, bounds and label in the reader's language."


class CellRecord(TypedDict):
    """The schedule cell a quote falls in: its GDP row and the population columns it spans."""

    gdp_band: int
    population_bands: list[int]


class NumberFields(TypedDict, total=False):
    """The number fields that read: as a link writes them, or as the language shows them."""

    population: str
    gdp: str


class GdpSourceWorldBank(TypedDict):
    """A GDP per capita looked up in the shipped World Bank data, with its credit."""

    origin: Literal["world_bank"]
    iso3: str
    year: int
    #: The year asked for (the year before ``fee_year``); None when the latest was asked for.
    requested_year: int | None
    fee_year: int | None
    is_fallback: bool
    #: The published figure, as the data give it (two decimals).
    value: str
    value_text: str
    text: str
    figure_text: str
    fallback_text: str | None
    caveat: str
    credit: str
    license_url: str
    indicator: str
    release: str
    source: str


class GdpSourceReader(TypedDict):
    """A country was given, but the reader typed the GDP: their figure wins."""

    origin: Literal["reader"]
    iso3: str
    text: str


class GdpSourceNone(TypedDict):
    """A country the data have no figure for: the reader has to type one."""

    origin: Literal["none"]
    iso3: str
    code: str
    text: str


GdpSourceRecord = GdpSourceWorldBank | GdpSourceReader | GdpSourceNone


class QuoteRecord(TypedDict):
    """A single quote: ``fee_usd`` is the contract figure, ``lines`` what to show, in order."""

    lang: str
    fee_usd: int
    fee_text: str
    fee_range_usd: list[int]
    fee_range_text: str | None
    due_now_usd: int
    due_now_text: str
    due_now_summary: str
    summary: str
    population: int
    population_text: str
    gdp_per_capita_usd: float
    gdp_per_capita_text: str
    population_band: BandRecord
    population_band_text: str
    gdp_band: BandRecord
    gdp_band_text: str
    cell: CellRecord
    provenance: str
    provenance_text: str
    needs_confirmation: bool
    caveats: list[str]
    category: str
    category_text: str
    category_note: str
    approval_year: int | None
    first_fee_year: int | None
    gdp_year: int | None
    timeline: str | None
    notes: list[str]
    source: str
    #: The date of the letter the fee schedule comes from (ISO 8601).
    schedule_date: str
    warnings: list[WarningRecord]
    lines: list[Line]
    gdp_source: NotRequired[GdpSourceRecord]
    inputs: NotRequired[NumberFields]
    input_texts: NotRequired[NumberFields]


class ErrorDetail(TypedDict):
    """A coded input error, its field and its message in the reader's language."""

    code: str
    field: str
    message: str
    lang: str


class ErrorRecord(TypedDict):
    """A request that cannot be quoted (``answer`` adds what the fields that read hold)."""

    error: ErrorDetail
    gdp_source: NotRequired[GdpSourceRecord]
    inputs: NotRequired[NumberFields]
    input_texts: NotRequired[NumberFields]


AnswerRecord = QuoteRecord | ErrorRecord


class Column(TypedDict):
    """A column of a list's table, CSV file and CLI table."""

    key: ColumnKey
    label: str


class CityRow(QuoteRecord):
    """A city of a list: its line, its name, its quote, and its table cells.

    ``cells`` holds display text per column key; ``file_cells`` what a CSV file writes
    (integers for population and fee, text otherwise).
    """

    line: int
    name: str
    cells: dict[str, str]
    file_cells: dict[str, int | str]


class TotalRow(TypedDict):
    """The table's last row: ``label`` ("Total") sits in the name column."""

    label: str
    cells: dict[str, str]
    file_cells: dict[str, int | str]


class BadLineRecord(TypedDict):
    """A line of a list that is not ``name, population``: where, what, and why."""

    line: int
    name: str
    code: str
    field: str
    message: str
    text: str


class BatchRecord(TypedDict):
    """A list of cities quoted with shared fields: the rows, the total, the shared lines.

    The shared facts (GDP, category, timeline) are present when at least one city is quoted.
    """

    lang: str
    cities: list[CityRow]
    errors: list[BadLineRecord]
    count: int
    total_usd: int
    total_text: str
    total_summary: str
    total_due_now_usd: int
    total_due_now_text: str
    left_out: int
    left_out_text: str | None
    caveats: list[str]
    columns: list[Column]
    total_row: TotalRow
    schedule_date: str
    lines: list[Line]
    notes: list[str]
    source: str
    gdp_source: NotRequired[GdpSourceRecord]
    gdp_per_capita_usd: NotRequired[float]
    gdp_per_capita_text: NotRequired[str]
    gdp_band_text: NotRequired[str]
    category: NotRequired[str]
    category_text: NotRequired[str]
    category_note: NotRequired[str]
    approval_year: NotRequired[int | None]
    first_fee_year: NotRequired[int | None]
    gdp_year: NotRequired[int | None]
    timeline: NotRequired[str | None]


class BatchErrorRecord(TypedDict):
    """A list that cannot be quoted at all: the list itself or a shared field is wrong."""

    lang: str
    error: ErrorDetail
    cities: list[CityRow]
    errors: list[BadLineRecord]
    gdp_source: NotRequired[GdpSourceRecord]


def is_error(
    record: AnswerRecord | BatchRecord | BatchErrorRecord,
) -> TypeGuard[ErrorRecord | BatchErrorRecord]:
    """Whether a record is an error (it has ``error``); ``"error" not in record`` is the quote."""
    return "error" in record
