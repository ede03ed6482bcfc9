"""calculator.labels: band labels and caveats derived from the schedule."""

import pytest

from calculator.labels import band_label, caveat, gdp_band_label, population_band_label
from calculator.locales import Language
from calculator.lookup import Band
from calculator.schedule import get_schedule

NBSP = "\u00a0"


class TestLabels:
    """Labels read like the source's column and row headings."""

    @pytest.mark.parametrize(
        ("band", "ru", "en"),
        [
            (Band(0, 0, 300_000), "0–299", "0–299"),
            (Band(3, 1_000_000, 2_000_000), f"1{NBSP}000–1{NBSP}999", "1,000–1,999"),
            (Band(7, 10_000_000, None), f"10{NBSP}000 и более", "10,000+"),
        ],
    )
    def test_population(self, band, ru, en):
        """Population bands are in thousands, upper bound inclusive."""
        assert population_band_label(band, Language.RU) == ru
        assert population_band_label(band, Language.EN) == en

    def test_gdp(self):
        """GDP bands are in dollars."""
        assert gdp_band_label(Band(0, 0, 1000), Language.EN) == "0–999"
        assert gdp_band_label(Band(8, 20000, None), Language.EN) == "20,000+"
        assert band_label(15000, 20000, Language.RU) == f"15{NBSP}000–19{NBSP}999"


class TestCaveats:
    """Only estimated and irregular cells carry a caveat, in the reader's language."""

    def test_published_has_none(self):
        """A published cell needs no confirmation."""
        assert caveat(get_schedule().cell(5, 5), Language.EN) is None
        assert caveat(get_schedule().cell(0, 0), Language.RU) is None

    def test_estimated(self):
        """The estimate says it is not in the source and names the step."""
        text = caveat(get_schedule().cell(3, 7), Language.EN)
        assert text == (
            "This cell is empty in the source, and it can be read two ways: $2,500, the figure "
            "to its left repeated in the last column (as the guide reads the merged cells of the "
            "first two rows), or $2,800, the row's rise of $300 per column continued. The estimate "
            "uses the higher, $2,800, so that a budget is not short. Neither figure is in the "
            "source: confirm the fee with the WeGO Secretariat."
        )

    def test_irregular(self):
        """The irregular cell says what the pattern would suggest."""
        text = caveat(get_schedule().cell(8, 6), Language.RU)
        assert f"8{NBSP}500{NBSP}$" in text
        assert f"9{NBSP}000{NBSP}$" in text
        assert "секретариате WeGO" in text

    def test_both_off_step_cells_of_the_last_row(self):
        """8,500 and 10,000 are both off the row's step of 500 (9,000 and 9,500)."""
        schedule = get_schedule()
        last = caveat(schedule.cell(8, 7), Language.EN)
        assert last == (
            "The source gives $10,000 for this cell, although the row's step ($500 per column) "
            "would give $9,500. We give it as published; confirm it with the WeGO Secretariat."
        )
        assert "$9,000" in (caveat(schedule.cell(8, 6), Language.EN) or "")
