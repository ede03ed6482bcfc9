"""calculator.request and calculator.describe: text in, a quote record or a coded error out."""

import pytest

from calculator.locales import Language
from calculator.request import answer

RU, EN = Language.RU, Language.EN


class TestAnswer:
    """The record the widget and the CLI show."""

    def test_reference_quote_ru(self):
        """624 518 residents at 47 404,96: 7 000 $ with both bands in words."""
        record = answer({"population": "624 518", "gdp": "47 404,96"}, RU)
        assert record["fee_usd"] == 7000
        assert record["fee_text"] == "7\u00a0000\u00a0$"
        assert record["population_band"] == {
            "index": 2,
            "from": 600000,
            "to": 1000000,
            "label": "600–999",
        }
        assert record["gdp_band"]["index"] == 8
        assert record["provenance"] == "published"
        assert record["caveats"] == []
        assert record["summary"] == "Ежегодный членский взнос: 7\u00a0000\u00a0$"
        assert len(record["notes"]) == 2

    def test_estimated_cell_says_so(self):
        """A quote landing on the estimated cell carries its caveat."""
        record = answer({"population": "12,000,000", "gdp": "5,000"}, EN)
        assert record["fee_usd"] == 2800
        assert record["provenance"] == "estimated"
        assert record["needs_confirmation"] is True
        assert record["fee_range_usd"] == [2500, 2800]
        assert record["fee_range_text"] == (
            "Two readings of the source: $2,500 or $2,800. The quote uses the higher; "
            "neither figure is in the source."
        )
        assert "confirm the fee with the WeGO Secretariat" in record["caveats"][0]
        assert "$2,500" in record["caveats"][0]

    def test_published_cell_has_one_reading(self):
        """Elsewhere the range is the fee itself, and no range text is shown."""
        record = answer({"population": "624518", "gdp": "47404"}, EN)
        assert (record["fee_range_usd"], record["fee_range_text"]) == ([7000, 7000], None)

    def test_irregular_cell_says_so(self):
        """A quote landing on the irregular cell carries its caveat."""
        record = answer({"population": "8000000", "gdp": "25000"}, EN)
        assert (record["fee_usd"], record["provenance"]) == (8500, "irregular")
        assert "$9,000" in record["caveats"][0]

    def test_last_cell_is_off_step_too(self):
        """The «20,000 ~ × 10,000 ~» cell is published as 10,000 and flagged as off-step."""
        record = answer({"population": "12000000", "gdp": "25000"}, EN)
        assert (record["fee_usd"], record["provenance"]) == (10000, "irregular")
        assert record["needs_confirmation"] is True
        assert "$9,500" in record["caveats"][0]

    def test_associate_with_approval_year(self):
        """Associate: nothing due now, the fee after approval, and the timeline."""
        record = answer(
            {
                "population": "500000",
                "gdp": "9000",
                "category": "associate",
                "approval_year": "2026",
            },
            EN,
        )
        assert (record["fee_usd"], record["due_now_usd"]) == (2500, 0)
        assert record["category_text"] == "Associate Member"
        assert "$2,500" in record["category_note"]
        assert "if GDP stays in the same band" in record["category_note"]
        assert record["category_note"].startswith("The source implies")
        assert (record["first_fee_year"], record["gdp_year"]) == (2027, 2026)
        assert record["timeline"] == (
            "Approved in 2026: the first fee is for 2027; "
            "in the guide's reading it is computed from GDP per capita for 2026."
        )

    @pytest.mark.parametrize(
        ("fields", "field", "code"),
        [
            ({}, "population", "empty"),
            ({"population": "abc", "gdp": ""}, "population", "not_a_number"),
            ({"population": "1000", "gdp": ""}, "gdp", "empty"),
            ({"population": "1000", "gdp": "5", "category": "vip"}, "category", "invalid_category"),
            (
                {"population": "1000", "gdp": "5", "approval_year": "1999"},
                "approval_year",
                "invalid_year",
            ),
        ],
    )
    def test_errors(self, fields, field, code):
        """The first bad field, in form order, is reported with its code."""
        record = answer(fields, EN)
        assert record["error"]["code"] == code
        assert record["error"]["field"] == field
        assert "fee_usd" not in record

    def test_error_message_in_language(self):
        """Error messages follow the reader's language."""
        assert answer({"population": "-5", "gdp": "1"}, RU)["error"]["message"] == (
            "Население города: число не может быть отрицательным."
        )
        assert answer({"population": "-5", "gdp": "1"}, EN)["error"]["message"] == (
            "City population: the number cannot be negative."
        )


class TestOnePass:
    """The whole form is read once: the first problem in form order, then the GDP lookup."""

    def test_a_wrong_approval_year_looks_nothing_up(self):
        """Approved in 1999 (impossible): the year is reported, and no figure is offered.

        The approval year picks the GDP year; a figure for another year would look like the
        reader's own.
        """
        record = answer({"population": "624518", "country": "RUS", "approval_year": "1999"}, EN)
        assert (record["error"]["field"], record["error"]["code"]) == (
            "approval_year",
            "invalid_year",
        )
        assert record["error"]["message"] == "Year of approval: enter a year from 2010 to 2100."
        assert "gdp_source" not in record

    def test_a_given_fee_year_does_not_depend_on_the_approval_year(self):
        """With the fee year given, the lookup stands and the approval year is still reported."""
        fields = {"population": "1", "country": "RUS", "fee_year": "2020", "approval_year": "1"}
        record = answer(fields, EN)
        assert record["error"]["field"] == "approval_year"
        assert record["gdp_source"]["year"] == 2019

    def test_the_first_problem_in_form_order_wins(self):
        """Category before approval year, whatever the lookup needs."""
        fields = {"population": "1", "country": "RUS", "category": "vip", "approval_year": "1999"}
        assert answer(fields, EN)["error"]["field"] == "category"
        fields = {"population": "x", "gdp": "x", "category": "vip", "approval_year": "x"}
        assert answer(fields, EN)["error"]["field"] == "population"

    def test_a_missing_figure_takes_the_gdp_fields_place(self):
        """No figure for the country is reported before a wrong category, after the country."""
        record = answer({"population": "1", "country": "TWN", "category": "vip"}, EN)
        assert (record["error"]["field"], record["error"]["code"]) == ("gdp", "no_country_data")
        assert record["gdp_source"]["origin"] == "none"

    def test_the_figure_is_offered_while_the_population_is_missing(self):
        """The page fills the GDP field as soon as the country is picked."""
        record = answer({"population": "", "country": "KAZ"}, EN)
        assert record["error"]["field"] == "population"
        assert record["gdp_source"]["origin"] == "world_bank"


class TestNumbersForLinks:
    """Every record carries the numbers as a link writes them and as the page shows them."""

    def test_a_quote_survives_a_language_switch(self):
        """English 47,404 goes into the link as 47404; the Russian page reads it alike."""
        en = answer({"population": "624,518", "gdp": "47,404"}, Language.EN)
        assert en["inputs"] == {"population": "624518", "gdp": "47404"}
        ru = answer({**en["inputs"], "number_format": "link"}, Language.RU)
        assert (ru["fee_usd"], en["fee_usd"]) == (7000, 7000)
        assert ru["input_texts"] == {"population": "624\u00a0518", "gdp": "47\u00a0404"}

    def test_russian_decimal_comma_reaches_the_english_page(self):
        ru = answer({"population": "1000", "gdp": "999,99"}, Language.RU)
        assert ru["inputs"]["gdp"] == "999.99"
        en = answer({**ru["inputs"], "number_format": "link"}, Language.EN)
        assert (en["fee_usd"], en["input_texts"]["gdp"]) == (ru["fee_usd"], "999.99")

    def test_a_field_with_an_error_is_left_out(self):
        record = answer({"population": "abc", "gdp": "1,500"}, Language.EN)
        assert record["error"]["field"] == "population"
        assert record["inputs"] == {"gdp": "1500"}

    def test_without_link_format_typed_reading_applies(self):
        record = answer({"population": "1000", "gdp": "1.500"}, Language.RU)
        assert record["error"]["code"] == "ambiguous_separator"


class TestCountryNamedInMessages:
    """A data error names the country as the page does, never by its code alone."""

    def test_name_from_the_page(self):
        fields = {"population": "1000", "country": "DJI", "approval_year": "2011"}
        ru = answer({**fields, "country_name": "Джибути"}, Language.RU)
        assert ru["error"]["code"] == "no_country_data_for_year"
        assert "за 2011 год для этой страны (Джибути)" in ru["error"]["message"]
        assert "DJI" not in ru["error"]["message"]
        assert ru["gdp_source"]["text"] == ru["error"]["message"]

    @pytest.mark.parametrize("name", ["", "  ", "x" * 81, 5])
    def test_unusable_name_falls_back_to_the_code(self, name):
        record = answer({"population": "1", "country": "TWN", "country_name": name}, Language.EN)
        assert "(TWN)" in record["error"]["message"]
