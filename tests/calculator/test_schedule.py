"""calculator.schedule: the data file loads, and broken edits are refused loudly."""

import copy
import json
from importlib import resources

import pytest

from calculator.schedule import Provenance, ScheduleError, get_schedule, load_schedule

from .expected import (
    ESTIMATED,
    ESTIMATED_READINGS,
    FEES,
    GDP_FROM,
    IRREGULAR,
    MERGED_ROWS,
    POPULATION_FROM,
)


def raw() -> dict:
    text = resources.files("calculator").joinpath("schedule.json").read_text("utf-8")
    return json.loads(text)


class TestShippedSchedule:
    """The shipped schedule matches the source as tests/calculator/expected.py reads it."""

    def test_bands(self):
        """Band lower bounds are the source's, population in residents."""
        schedule = get_schedule()
        assert list(schedule.population_lower_bounds) == POPULATION_FROM
        assert list(schedule.gdp_lower_bounds) == GDP_FROM

    @pytest.mark.parametrize("g", range(9))
    @pytest.mark.parametrize("p", range(8))
    def test_every_cell(self, g, p):
        """All 72 grid positions hold the published (or estimated) figure."""
        assert get_schedule().fee(g, p) == FEES[g][p]

    def test_provenance(self):
        """Merged, estimated and irregular cells are exactly the ones the source implies."""
        schedule = get_schedule()
        for g in range(9):
            for p in range(8):
                provenance = schedule.cell(g, p).provenance
                if (g, p) in ESTIMATED:
                    assert provenance is Provenance.ESTIMATED
                elif (g, p) in IRREGULAR:
                    assert provenance is Provenance.IRREGULAR
                elif g in MERGED_ROWS:
                    assert provenance is Provenance.MERGED
                    assert schedule.cell(g, p).span == 2
                else:
                    assert provenance is Provenance.PUBLISHED

    def test_first_rows_have_four_merged_figures(self):
        """The first two rows are four figures each, spanning two columns."""
        schedule = get_schedule()
        for g in MERGED_ROWS:
            assert [c.span for c in schedule.rows[g]] == [2, 2, 2, 2]

    def test_pattern_fee(self):
        """The row's step explains the estimate (2,800) and both off-step cells (9,000, 9,500)."""
        schedule = get_schedule()
        assert schedule.pattern_fee(schedule.cell(3, 7)) == 2800
        for (g, p), on_step in IRREGULAR.items():
            assert schedule.pattern_fee(schedule.cell(g, p)) == on_step != FEES[g][p]
        assert (schedule.row_step(3), schedule.row_step(8)) == (300, 500)

    def test_estimated_cell_keeps_both_readings(self):
        """The empty cell quotes the higher reading and keeps the lower one beside it."""
        schedule = get_schedule()
        for (g, p), readings in ESTIMATED_READINGS.items():
            cell = schedule.cell(g, p)
            assert cell.fee_range_usd == readings
            assert cell.fee_usd == max(readings)
        assert schedule.cell(8, 7).fee_range_usd == (10000, 10000)

    def test_source_citation(self):
        """The citation names the letter, its date and number."""
        source = get_schedule().source
        assert "01.08.2017" in source
        assert "73-Г-01/18086исх" in source


def broken(edit) -> dict:
    data = copy.deepcopy(raw())
    edit(data)
    return data


class TestLoaderRefuses:
    """A broken edit of schedule.json fails at load time with a ScheduleError."""

    def test_accepts_the_shipped_file(self):
        """The unedited file loads into the schedule the engine uses."""
        assert load_schedule(raw()) == get_schedule()

    def test_the_letter_date_matches_its_citation(self):
        """source_date is the date the citation names (01.08.2017): one letter, one date."""
        schedule = get_schedule()
        assert schedule.source_date.isoformat() == "2017-08-01"
        assert schedule.source_date.strftime("%d.%m.%Y") in schedule.source

    @pytest.mark.parametrize(
        ("edit", "why"),
        [
            (lambda d: d["rows"][4]["cells"].pop(), "covers 7"),
            (lambda d: d["rows"][4]["cells"].append(9999), "covers 9"),
            (lambda d: d["rows"].pop(), "rows"),
            (lambda d: d["gdp_bands_usd"].__setitem__(3, 1500), "strictly increasing"),
            (lambda d: d["population_bands_thousands"].__setitem__(0, 1), "start at 0"),
            (lambda d: d["rows"][5].__setitem__("gdp_from", 8500), "gdp_from"),
            (lambda d: d["rows"][6]["cells"].__setitem__(3, 4000), "falls"),
            (lambda d: d["rows"][7]["cells"].__setitem__(0, 3000), "falls"),
            (lambda d: d["rows"][2]["cells"].__setitem__(0, -5), "positive"),
            (lambda d: d["rows"][2]["cells"].__setitem__(0, 500.5), "positive"),
            (lambda d: d["rows"][2]["cells"].__setitem__(0, "500"), "positive"),
            (lambda d: d["rows"][3]["cells"][7].__setitem__("fee", 2900), "estimate"),
            (lambda d: d["rows"][3]["cells"][7].__setitem__("provenance", "guess"), "provenance"),
            (lambda d: d["rows"][3]["cells"][7].pop("readings"), "lists its readings"),
            (lambda d: d["rows"][3]["cells"][7].__setitem__("readings", [2800, 2500]), "lowest"),
            (lambda d: d["rows"][3]["cells"][7].__setitem__("readings", [2500, 2600]), "highest"),
            (
                lambda d: d["rows"][2]["cells"].__setitem__(7, {"fee": 2250, "readings": [1, 2]}),
                "only",
            ),
            (lambda d: d["rows"][8]["cells"][7].__setitem__("fee", 9500), "off its row's step"),
            (lambda d: d["rows"][0]["cells"][0].__setitem__("colour", "red"), "unknown cell"),
            (lambda d: d["rows"][0]["cells"][0].__setitem__("span", 0), "span"),
            (lambda d: d.__setitem__("currency", "EUR"), "USD"),
            (lambda d: d.__setitem__("source", ""), "citation"),
            (lambda d: d.pop("source_date"), "source_date"),
            (lambda d: d.__setitem__("source_date", "01.08.2017"), "YYYY-MM-DD"),
            (lambda d: d.__setitem__("source_date", 2017), "source_date"),
            (
                lambda d: d["rows"][2].pop("src"),
                r"src must be a note that starts with row «2,000~3,999»",
            ),
            (lambda d: d["rows"][2].__setitem__("src", 7), "src must be a note"),
            # A note left on the wrong row: row 6's note on row 5.
            (lambda d: d["rows"][5].__setitem__("src", d["rows"][6]["src"]), "row «8,000~9,999»"),
            (lambda d: d["rows"][8].__setitem__("src", "row «20,000~»"), r"row «20,000 ~»"),
            # Rows with merged, estimated or irregular cells must say why.
            (lambda d: d["rows"][0].__setitem__("src", "row «0~999»"), "explain"),
            (lambda d: d["rows"][3].__setitem__("src", "row «4,000~5,999»: "), "explain"),
            (lambda d: d["rows"][8].__setitem__("src", "row «20,000 ~»"), "explain"),
        ],
    )
    def test_refuses(self, edit, why):
        """Incomplete, non-contiguous, non-monotone or malformed schedules are rejected."""
        with pytest.raises(ScheduleError, match=why):
            load_schedule(broken(edit))

    def test_a_row_of_plain_published_figures_needs_only_its_heading(self):
        """Only a row with merged, estimated or irregular cells must explain them."""
        plain_note = broken(lambda d: d["rows"][2].__setitem__("src", "row «2,000~3,999»"))
        assert load_schedule(plain_note) == get_schedule()
