"""calculator.describe: a quote as the record the CLI and the widget print."""

import json
from datetime import date
from importlib import resources

from calculator.describe import describe_quote, format_long_date
from calculator.locales import Language
from calculator.lookup import Category, quote
from calculator.schedule import get_schedule, load_schedule

EN = Language.EN


def another_schedule():
    """The shipped schedule with another citation and a different last pair in row 3."""
    text = resources.files("calculator").joinpath("schedule.json").read_text("utf-8")
    data = json.loads(text)
    data["source"] = "A schedule made for this test"
    data["source_date"] = "2031-03-05"
    data["rows"][3]["cells"][6] = 2400
    data["rows"][3]["cells"][7] = {"fee": 2800, "provenance": "estimated", "readings": [2400, 2800]}
    return load_schedule(data)


def test_an_injected_schedule_is_described_not_the_shipped_one():
    """The fee, its caveat and the citation all come from the schedule the quote used."""
    schedule = another_schedule()
    record = describe_quote(quote(12_000_000, 5000, schedule=schedule), EN, schedule)
    assert record["fee_usd"] == 2800
    assert record["source"] == "A schedule made for this test"
    assert record["schedule_date"] == "2031-03-05"
    assert record["lines"][1]["text"].startswith(
        "By the fee schedule of the 2031 letter (5 March 2031)"
    )
    assert record["fee_range_usd"] == [2400, 2800]
    assert record["caveats"] == [
        "This cell is empty in the source, and it can be read two ways: $2,400, the figure to "
        "its left carried into the last column (as the merged cells of the first two rows read), "
        "or $2,800, the row's rise of $300 per column continued. The quote uses the higher, "
        "$2,800, so that a budget is not short. Neither figure is in the source: confirm the fee "
        "with the WeGO Secretariat."
    ]


def test_without_a_schedule_the_shipped_one_is_described():
    record = describe_quote(quote(12_000_000, 5000), EN)
    assert record["source"] == get_schedule().source
    assert "The quote uses the higher, $2,800" in record["caveats"][0]


def test_the_timeline_writes_years_as_years():
    """Approved in 2026: years are not grouped like amounts (never 2,026)."""
    record = describe_quote(quote(500_000, 9000, Category.ASSOCIATE, 2026), EN)
    assert record["timeline"] == (
        "Approved in 2026: the first fee is for 2027; in the guide's reading it is computed "
        "from GDP per capita for 2026."
    )


def test_format_long_date_in_both_languages():
    """Russian keeps the day with its month and the year with «г.» (no-break spaces)."""
    day = date(2017, 8, 1)
    assert format_long_date(day, Language.EN) == "1 August 2017"
    assert format_long_date(day, Language.RU) == "1\u00a0августа 2017\u00a0г."
    assert format_long_date(date(2026, 12, 31), Language.RU) == "31\u00a0декабря 2026\u00a0г."
