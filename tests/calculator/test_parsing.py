"""calculator.parsing: numbers as Russian and English readers type them, and coded refusals."""

from decimal import Decimal

import pytest

from calculator.errors import ErrorCode, Field, InputError
from calculator.locales import Language
from calculator.parsing import (
    MAX_GDP_USD,
    MAX_POPULATION,
    machine_number,
    parse_approval_year,
    parse_gdp,
    parse_population,
)

RU, EN = Language.RU, Language.EN


def code_of(parse, text, lang):
    with pytest.raises(InputError) as caught:
        parse(text, lang)
    return caught.value.code.value


class TestAccepted:
    """Numbers written the way each language writes them are read exactly."""

    @pytest.mark.parametrize(
        ("text", "lang", "value"),
        [
            ("613 786", RU, 613786),
            ("613\u00a0786", RU, 613786),
            ("613\u202f786", RU, 613786),
            ("613\u2009786", RU, 613786),
            ("1 234 567", RU, 1234567),
            ("613786", RU, 613786),
            ("613786", EN, 613786),
            ("613,786", EN, 613786),
            ("1,234,567", EN, 1234567),
            ("1,234,567", RU, 1234567),
            ("613 786", EN, 613786),
            ("  613786  ", EN, 613786),
            ("+613786", EN, 613786),
            ("613786.0", EN, 613786),
            ("100000000", EN, MAX_POPULATION),
        ],
    )
    def test_population(self, text, lang, value):
        """Grouping by spaces (any of four kinds), commas, or nothing."""
        assert parse_population(text, lang) == value

    @pytest.mark.parametrize(
        ("text", "lang", "value"),
        [
            ("28 000,50", RU, "28000.50"),
            ("28\u00a0000,50", RU, "28000.50"),
            ("28000,5", RU, "28000.5"),
            ("28000.5", RU, "28000.5"),
            ("28000.5", EN, "28000.5"),
            ("28,000.50", EN, "28000.50"),
            ("28,000.50", RU, "28000.50"),
            ("28.000,50", EN, "28000.50"),
            ("28 000.50", EN, "28000.50"),
            ("47404.96", EN, "47404.96"),
            ("999,99", RU, "999.99"),
            ("999.99", EN, "999.99"),
            ("1.5", EN, "1.5"),
            ("1,5", RU, "1.5"),
            ("0,500", RU, "0.500"),
            ("1000000", EN, str(MAX_GDP_USD)),
        ],
    )
    def test_gdp(self, text, lang, value):
        """Decimal fractions keep their exact digits (no float rounding at band edges)."""
        assert parse_gdp(text, lang) == Decimal(value)


class TestRefused:
    """Every bad input gets a specific, stable code; nothing raises anything else."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("", "empty"),
            ("   ", "empty"),
            ("\u00a0", "empty"),
            (None, "empty"),
            (613786, "not_a_number"),
            ("abc", "not_a_number"),
            ("12abc", "not_a_number"),
            ("$5", "not_a_number"),
            ("5 тыс", "not_a_number"),
            ("-5", "negative"),
            ("\u22125", "negative"),
            ("-613 786", "negative"),
            ("0", "zero"),
            ("0.0", "zero"),
            ("-0", "zero"),
            ("nan", "not_finite"),
            ("NaN", "not_finite"),
            ("inf", "not_finite"),
            ("-Infinity", "not_finite"),
            ("1e400", "exponent"),
            ("1e6", "exponent"),
            ("6.13786e5", "exponent"),
            ("1E6", "exponent"),
            ("12.5", "not_whole"),
            ("1e-3", "exponent"),
            ("100000001", "too_large"),
            ("1e9", "exponent"),
            ("1" * 41, "too_long"),
            ("1" * 1000, "too_long"),
            ("61\u200b3786", "invalid_character"),
            ("\u202e613786", "invalid_character"),
            ("613\x00786", "invalid_character"),
            ("613\u2028786", "invalid_character"),
            ("٦١٣٧٨٦", "unsupported_digits"),
            ("６１３７８６", "unsupported_digits"),
            ("613,78", "misplaced_separator"),
            ("61 3786", "misplaced_separator"),
            ("613  786", "misplaced_separator"),
            ("1,23,456", "misplaced_separator"),
            ("1,234.5.6", "misplaced_separator"),
            (",5", "misplaced_separator"),
            ("5,", "misplaced_separator"),
            ("1 2,5 3", "misplaced_separator"),
        ],
    )
    def test_population_en(self, text, code):
        """Population errors in English."""
        assert code_of(parse_population, text, EN) == code

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("1,500", "ambiguous_separator"),
            ("1.500", "ambiguous_separator"),
            ("613,786", "ambiguous_separator"),
            ("12,5", "not_whole"),
        ],
    )
    def test_population_ru(self, text, code):
        """In Russian a lone separator before three digits is ambiguous, so it is refused."""
        assert code_of(parse_population, text, RU) == code

    @pytest.mark.parametrize(
        ("text", "lang", "code"),
        [
            ("28,00", EN, "misplaced_separator"),
            ("28,000", RU, "ambiguous_separator"),
            ("1000001", EN, "too_large"),
            ("1e309", EN, "exponent"),
            ("2.8e4", RU, "exponent"),
            ("<b>1</b>", EN, "not_a_number"),
            ("1;DROP", RU, "not_a_number"),
        ],
    )
    def test_gdp(self, text, lang, code):
        """GDP errors, with the GDP field named."""
        with pytest.raises(InputError) as caught:
            parse_gdp(text, lang)
        assert caught.value.code.value == code
        assert caught.value.field is Field.GDP

    def test_errors_name_their_field(self):
        """A population error points at the population field, with the limit as a parameter."""
        with pytest.raises(InputError) as caught:
            parse_population("200000000", EN)
        assert caught.value.field is Field.POPULATION
        assert caught.value.params["max"] == MAX_POPULATION


class TestApprovalYear:
    """The optional approval year is four digits within WeGO's lifetime."""

    @pytest.mark.parametrize(
        ("text", "year"), [("2026", 2026), (" 2030 ", 2030), ("", None), (None, None), (2027, 2027)]
    )
    def test_accepted(self, text, year):
        """Blank means not given."""
        assert parse_approval_year(text) == year

    @pytest.mark.parametrize("text", ["26", "2009", "2101", "20 26", "year", "2026.0", True, 2.5])
    def test_refused(self, text):
        """Anything else is invalid_year with the allowed range."""
        with pytest.raises(InputError) as caught:
            parse_approval_year(text)
        assert caught.value.code is ErrorCode.INVALID_YEAR
        assert dict(caught.value.params) == {"min": 2010, "max": 2100}


class TestLinkNumbers:
    """Links carry machine-written numbers, read the same on either language's page."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [("47404", "47404"), ("47404.96", "47404.96"), ("999.99", "999.99"), ("1.500", "1.5")],
    )
    @pytest.mark.parametrize("lang", [RU, EN])
    def test_machine_numbers_read_alike(self, text, value, lang):
        """``1.500`` is ambiguous typed on a Russian page, but in a link it is 1.5."""
        assert parse_gdp(text, lang, link=True) == Decimal(value)

    @pytest.mark.parametrize(
        ("text", "lang", "value"),
        [("47,404", EN, "47404"), ("999,99", RU, "999.99"), ("47 404,96", RU, "47404.96")],
    )
    def test_older_links_with_typed_text(self, text, lang, value):
        """Text that is not machine-written is read as typed in the page's language."""
        assert parse_gdp(text, lang, link=True) == Decimal(value)

    def test_typed_text_is_not_read_as_a_link(self):
        """Without ``link`` the Russian reading still refuses ``1.500``."""
        assert code_of(parse_gdp, "1.500", RU) == "ambiguous_separator"

    @pytest.mark.parametrize(
        ("value", "text"),
        [(Decimal("47404.960"), "47404.96"), (Decimal("4.7E+4"), "47000"), (624518, "624518")],
    )
    def test_machine_number(self, value, text):
        """Digits and a dot, no exponent, no trailing zeros; it reads back to the same value."""
        assert machine_number(value) == text
        assert parse_gdp(text, RU, link=True) == Decimal(value)
