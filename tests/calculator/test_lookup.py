"""calculator.lookup: half-open bands, the fee for every cell, and what the category means."""

from decimal import Decimal

import pytest

from calculator.errors import ErrorCode, InputError
from calculator.lookup import Category, band_index, quote

from .expected import FEES, GDP_CAP, GDP_FROM, POPULATION_CAP, POPULATION_FROM


def points(lower_bounds, cap, step):
    """(band index, value) at each band's lower bound, midpoint and just below its upper."""
    uppers = [*lower_bounds[1:], cap]
    for index, (lo, hi) in enumerate(zip(lower_bounds, uppers, strict=True)):
        first = max(lo, step)  # zero is not a valid input
        yield index, first
        yield index, (lo + hi) // 2
        yield index, hi - step


POPULATION_POINTS = list(points(POPULATION_FROM, POPULATION_CAP, 1))
GDP_POINTS = [(i, Decimal(v)) for i, v in points(GDP_FROM, GDP_CAP, 1)] + [
    (i, Decimal(hi) - Decimal("0.01")) for i, hi in enumerate([*GDP_FROM[1:], GDP_CAP])
]


class TestEveryCell:
    """Each of the 72 cells quotes its fee at its lower bound, midpoint and upper edge."""

    @pytest.mark.parametrize(("g", "gdp"), GDP_POINTS)
    @pytest.mark.parametrize(("p", "population"), POPULATION_POINTS)
    def test_fee(self, g, gdp, p, population):
        """The quote lands in the right bands and carries the schedule's fee."""
        result = quote(population, gdp)
        assert (result.gdp_band.index, result.population_band.index) == (g, p)
        assert result.fee_usd == FEES[g][p]


class TestBandEdges:
    """Bands include their lower bound and end where the next one starts."""

    @pytest.mark.parametrize("index", range(1, len(POPULATION_FROM)))
    def test_population_edges(self, index):
        """x-1 is in the band below, x and x+1 in the band above."""
        edge = POPULATION_FROM[index]
        assert quote(edge - 1, 5000).population_band.index == index - 1
        assert quote(edge, 5000).population_band.index == index
        assert quote(edge + 1, 5000).population_band.index == index

    @pytest.mark.parametrize("index", range(1, len(GDP_FROM)))
    def test_gdp_edges(self, index):
        """x-1 and x-0.01 are in the band below, x and x+1 in the band above."""
        edge = Decimal(GDP_FROM[index])
        assert quote(1000, edge - 1).gdp_band.index == index - 1
        assert quote(1000, edge - Decimal("0.01")).gdp_band.index == index - 1
        assert quote(1000, edge).gdp_band.index == index
        assert quote(1000, edge + 1).gdp_band.index == index

    def test_band_edges_as_the_source_prints_them(self):
        """Half-open bands: 299,999 -> 0-299; 300,000 -> 300-599; 999.99 -> 0-999."""
        assert quote(299_999, 5000).population_band.index == 0
        assert quote(300_000, 5000).population_band.index == 1
        assert quote(1000, Decimal("999.99")).gdp_band.index == 0

    def test_band_index(self):
        """band_index is the plain half-open lookup."""
        assert band_index([0, 10, 20], 0) == 0
        assert band_index([0, 10, 20], 9) == 0
        assert band_index([0, 10, 20], 10) == 1
        assert band_index([0, 10, 20], 10**9) == 2

    def test_reference_quote(self):
        """624,518 residents at GDP 47,404.96 is 7,000 USD (600-999 x 20,000+)."""
        result = quote(624_518, Decimal("47404.96"))
        assert result.fee_usd == 7000
        assert (result.population_band.lower, result.population_band.upper) == (600_000, 1_000_000)
        assert (result.gdp_band.lower, result.gdp_band.upper) == (20_000, None)


class TestCategory:
    """Associate Members pay nothing; Full Members pay from the year after approval."""

    def test_full_member_pays_the_fee(self):
        """A Full Member's due amount is the fee."""
        result = quote(500_000, 9000)
        assert result.category is Category.FULL
        assert result.due_now_usd == result.fee_usd == 2500

    def test_associate_pays_nothing_but_fee_is_shown(self):
        """fee_usd stays the cell's figure; nothing is due while Associate."""
        result = quote(500_000, 9000, Category.ASSOCIATE)
        assert result.fee_usd == 2500
        assert result.due_now_usd == 0

    def test_approval_year_gives_first_fee_year_and_gdp_year(self):
        """Approved in Y: first fee for Y+1, computed from GDP of Y."""
        result = quote(500_000, 9000, approval_year=2026)
        assert (result.first_fee_year, result.gdp_year) == (2027, 2026)

    def test_without_approval_year(self):
        """No approval year, no timeline."""
        result = quote(500_000, 9000)
        assert (result.first_fee_year, result.gdp_year) == (None, None)

    @pytest.mark.parametrize("text", ["full", " Full ", "ASSOCIATE", "associate"])
    def test_parse(self, text):
        """Category codes are read case- and space-insensitively."""
        assert Category.parse(text).value == text.strip().lower()

    @pytest.mark.parametrize("text", ["", "member", None, 1, "полноправный"])
    def test_parse_refuses(self, text):
        """Anything else is a coded error."""
        with pytest.raises(InputError) as caught:
            Category.parse(text)
        assert caught.value.code is ErrorCode.INVALID_CATEGORY

    @pytest.mark.parametrize(("population", "gdp", "code"), [(0, 5, "zero"), (-1, 5, "negative")])
    def test_quote_refuses_non_positive(self, population, gdp, code):
        """quote() itself refuses values no parser would produce."""
        with pytest.raises(InputError) as caught:
            quote(population, gdp)
        assert caught.value.code.value == code
