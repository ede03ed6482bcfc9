"""A country's GDP per capita (PPP) from the World Bank data shipped in ``calculator/data/``.

The figures are the World Bank's (WDI ``NY.GDP.PCAP.PP.CD``), not the IMF's that the fee rules
cite: an aid for an estimate, which the reader can always override. ``data/SOURCE.md`` says
where they come from and ``scripts/refresh_gdp_data.py`` rewrites them from a newer release.

Three lookups, by ISO 3166-1 alpha-3 code (plus ``XKX``, the World Bank's code for Kosovo):

* ``gdp_for(code, year=Y)``: the value for year Y, exactly;
* ``gdp_for(code, fee_year=Y)``: the previous-year rule, GDP of Y-1 for a fee for year Y; when
  Y-1 is not in the data, the latest earlier year, flagged as a fallback;
* ``gdp_for(code)``: the latest value.
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from functools import cache
from importlib import resources
from types import MappingProxyType

from .errors import ErrorCode, Field, InputError
from .parsing import MAX_INPUT_LENGTH, parse_approval_year

__all__ = [
    "GdpData",
    "GdpFigure",
    "GdpSource",
    "gdp_for",
    "get_gdp_data",
    "load_gdp_data",
    "parse_country",
    "parse_fee_year",
]

_CODE = re.compile(r"[A-Z]{3}")
_DATA = "data"
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class GdpSource:
    """Where the figures come from (``data/source.json``): enough for the credit line."""

    publisher: str
    dataset: str
    indicator: str
    indicator_name: str
    release: date
    license: str
    license_url: str

    @property
    def key(self) -> str:
        """A stable citation key, e.g. ``world-bank-wdi:NY.GDP.PCAP.PP.CD:2026-02-24``."""
        return f"world-bank-wdi:{self.indicator}:{self.release.isoformat()}"


@dataclass(frozen=True)
class GdpFigure:
    """One looked-up figure and how it was chosen."""

    iso3: str
    #: The source's figure cut to cents (see ``_to_cents``), as a Decimal.
    value: Decimal
    #: The year the figure is for.
    year: int
    #: The year asked for (``fee_year - 1`` under the previous-year rule); None for "latest".
    requested_year: int | None
    #: The year asked for is not in the data: ``year`` is the latest earlier one.
    is_fallback: bool
    #: The fee year of the previous-year rule, if that is how the figure was chosen.
    fee_year: int | None
    #: The citation key of the data (:attr:`GdpSource.key`).
    source: str


@dataclass(frozen=True)
class GdpData:
    """All shipped figures: code -> ascending ``(year, value)`` pairs, and the known codes."""

    series: Mapping[str, tuple[tuple[int, Decimal], ...]]
    iso_codes: frozenset[str]
    source: GdpSource

    @property
    def codes_with_data(self) -> tuple[str, ...]:
        """Every code with at least one figure, sorted."""
        return tuple(sorted(self.series))

    @property
    def known_codes(self) -> frozenset[str]:
        """ISO 3166-1 alpha-3 codes plus the non-ISO codes that have data (XKX)."""
        return self.iso_codes | frozenset(self.series)

    @property
    def latest_year(self) -> int:
        """The newest year of any figure (2024 in the release of February 2026)."""
        return max(pairs[-1][0] for pairs in self.series.values())

    @property
    def default_fee_year(self) -> int:
        """The fee year used when none is given: the one whose GDP year is the newest data."""
        return self.latest_year + 1


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(f"GDP data: {message}")


def _source(text: str) -> GdpSource:
    raw = json.loads(text)
    _require(isinstance(raw, dict), "source.json is an object")
    fields = ("publisher", "dataset", "indicator", "indicator_name", "license", "license_url")
    _require(all(isinstance(raw.get(k), str) and raw[k] for k in fields), "source.json fields")
    return GdpSource(
        publisher=raw["publisher"],
        dataset=raw["dataset"],
        indicator=raw["indicator"],
        indicator_name=raw["indicator_name"],
        release=date.fromisoformat(raw["release"]),
        license=raw["license"],
        license_url=raw["license_url"],
    )


def _to_cents(value: Decimal) -> Decimal:
    """A World Bank value cut to cents: the figure every output shows and quotes with.

    The file holds binary-float residue (``47404.96484375``); the World Bank's tables show
    the figure in dollars and cents. Cutting (not rounding) keeps it in its band, whose
    bounds are whole dollars, so no quote changes.
    """
    return value.quantize(_CENT, rounding=ROUND_DOWN)


def load_gdp_data(values_csv: str, source_json: str, iso_codes: str) -> GdpData:
    """Build and check :class:`GdpData` from the three files' text; raise ValueError."""
    reader = csv.reader(io.StringIO(values_csv, newline=""))
    _require(next(reader, None) == ["iso3", "year", "value"], "header iso3,year,value")
    series: dict[str, dict[int, Decimal]] = {}
    for line, row in enumerate(reader, start=2):
        _require(len(row) == 3, f"line {line}: three columns")
        code, year, value = row
        _require(bool(_CODE.fullmatch(code)), f"line {line}: {code!r} is not a code")
        _require(bool(re.fullmatch(r"[0-9]{4}", year)), f"line {line}: year {year!r}")
        _require(bool(re.fullmatch(r"[0-9]+(\.[0-9]+)?", value)), f"line {line}: {value!r}")
        figures = series.setdefault(code, {})
        _require(int(year) not in figures, f"line {line}: {code} {year} twice")
        figure = _to_cents(Decimal(value))
        _require(figure > 0, f"line {line}: the value must be positive")
        figures[int(year)] = figure
    _require(bool(series), "no figures")
    codes = frozenset(
        line.strip() for line in iso_codes.splitlines() if line.strip() and not line.startswith("#")
    )
    _require(all(_CODE.fullmatch(code) for code in codes), "iso3166_alpha3.txt: codes")
    return GdpData(
        series=MappingProxyType(
            {code: tuple(sorted(figures.items())) for code, figures in sorted(series.items())}
        ),
        iso_codes=codes,
        source=_source(source_json),
    )


@cache
def get_gdp_data() -> GdpData:
    """The package's figures, read and checked once per process."""
    folder = resources.files(__package__).joinpath(_DATA)
    return load_gdp_data(
        folder.joinpath("gdp_per_capita_ppp.csv").read_text(encoding="utf-8"),
        folder.joinpath("source.json").read_text(encoding="utf-8"),
        folder.joinpath("iso3166_alpha3.txt").read_text(encoding="utf-8"),
    )


def parse_country(text: object, data: GdpData | None = None) -> str | None:
    """A known country code (``rus`` and `` RUS `` mean RUS); blank means not given."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if not isinstance(text, str) or len(text) > MAX_INPUT_LENGTH:
        raise InputError(ErrorCode.UNKNOWN_COUNTRY, Field.COUNTRY)
    code = text.strip().upper()
    if not _CODE.fullmatch(code) or code not in (data or get_gdp_data()).known_codes:
        raise InputError(ErrorCode.UNKNOWN_COUNTRY, Field.COUNTRY)
    return code


def parse_fee_year(text: object) -> int | None:
    """The year a fee is for (the same years as an approval year); blank means not given."""
    try:
        return parse_approval_year(text)
    except InputError as error:
        raise InputError(error.code, Field.FEE_YEAR, error.params) from None


def gdp_for(
    iso3: str,
    *,
    year: int | None = None,
    fee_year: int | None = None,
    data: GdpData | None = None,
) -> GdpFigure:
    """The figure for ``year``, or for a fee for ``fee_year`` (GDP of the year before), or
    the latest one. Errors are :class:`InputError`: ``unknown_country`` (not a code),
    ``no_country_data`` (a country the data does not cover), ``no_country_data_for_year``.
    """
    if year is not None and fee_year is not None:
        raise TypeError("gdp_for: give year or fee_year, not both")
    table = data or get_gdp_data()
    code = parse_country(iso3, table)
    if code is None:
        raise InputError(ErrorCode.UNKNOWN_COUNTRY, Field.COUNTRY)
    pairs = table.series.get(code, ())
    if not pairs:
        # ``country`` names the country in the message; the code until a caller (the widget,
        # through answer()'s ``country_name``) supplies the reader's-language name.
        raise InputError(ErrorCode.NO_COUNTRY_DATA, Field.GDP, {"code": code, "country": code})
    requested = year if fee_year is None else fee_year - 1
    if requested is None:
        found, value = pairs[-1]
    else:
        index = bisect_right([y for y, _ in pairs], requested) - 1
        if index < 0 or (year is not None and pairs[index][0] != year):
            params = {"code": code, "country": code, "year": str(requested)}
            raise InputError(ErrorCode.NO_COUNTRY_DATA_FOR_YEAR, Field.GDP, params)
        found, value = pairs[index]
    return GdpFigure(
        iso3=code,
        value=value,
        year=found,
        requested_year=requested,
        is_fallback=requested is not None and found != requested,
        fee_year=fee_year,
        source=table.source.key,
    )
