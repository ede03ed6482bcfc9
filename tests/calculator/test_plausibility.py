"""calculator.plausibility: figures that quote but that no city or economy has are flagged."""

from decimal import Decimal

import pytest

from calculator import get_gdp_data
from calculator.locales import Language
from calculator.lookup import quote
from calculator.plausibility import (
    GDP_PLAUSIBLE_MAX,
    GDP_PLAUSIBLE_MIN,
    POPULATION_PLAUSIBLE_MIN,
    warnings,
)
from calculator.request import answer

RU, EN = Language.RU, Language.EN


def codes(population, gdp):
    return [w["code"] for w in warnings(quote(population, Decimal(gdp)), EN)]


class TestWarnings:
    @pytest.mark.parametrize(
        ("population", "gdp", "expected"),
        [
            (624518, "47404", []),
            (1000, "300", []),
            (624518, "250000", []),
            (624518, "47.404", ["gdp_below_any_economy"]),
            (624518, "0.01", ["gdp_below_any_economy"]),
            (624518, "299.99", ["gdp_below_any_economy"]),
            (624518, "250000.01", ["gdp_above_any_economy"]),
            (999, "47404", ["population_under_1000"]),
            (1, "0.01", ["population_under_1000", "gdp_below_any_economy"]),
        ],
    )
    def test_codes_at_and_beyond_the_bounds(self, population, gdp, expected):
        """Below 300 or above 250,000 USD, and under 1,000 residents; the bounds themselves pass."""
        assert codes(population, gdp) == expected

    def test_every_shipped_figure_is_plausible(self):
        """The bounds lie outside every World Bank figure the engine ships."""
        values = [v for pairs in get_gdp_data().series.values() for _, v in pairs]
        assert min(values) > GDP_PLAUSIBLE_MIN
        assert max(values) < GDP_PLAUSIBLE_MAX

    def test_messages_in_the_readers_language(self):
        """The message names the figure as the reader's language writes it."""
        [ru] = answer({"population": "624 518", "gdp": "0,01"}, RU)["warnings"]
        [en] = answer({"population": "624,518", "gdp": "47.404"}, EN)["warnings"]
        assert ru["message"].startswith("Проверьте ВВП: 0,01 $ на душу населения")
        assert en["message"].startswith("Check the GDP: USD 47.404 per capita is below")
        [small] = answer({"population": "12", "gdp": "47404"}, EN)["warnings"]
        assert small == {
            "code": "population_under_1000",
            "message": "Check the population: 12 residents is fewer than 1,000. The field "
            "takes residents, not thousands of residents.",
        }

    def test_the_quote_is_still_given(self):
        """A warning does not replace the quote."""
        record = answer({"population": "624518", "gdp": "47.404"}, EN)
        assert record["fee_usd"] == 500
        assert POPULATION_PLAUSIBLE_MIN == 1000
