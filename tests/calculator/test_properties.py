"""Properties of the engine that hold for every input (Hypothesis)."""

from hypothesis import given
from hypothesis import strategies as st

from calculator.formatting import format_decimal, format_integer
from calculator.lookup import quote
from calculator.parsing import parse_gdp, parse_population
from calculator.request import answer

from ..strategies import gdps, languages, number_like_text, populations


@given(populations, populations, gdps)
def test_fee_never_falls_as_population_grows(a, b, gdp):
    """More residents never pay less."""
    low, high = sorted((a, b))
    assert quote(low, gdp).fee_usd <= quote(high, gdp).fee_usd


@given(populations, gdps, gdps)
def test_fee_never_falls_as_gdp_grows(population, a, b):
    """A richer country never pays less."""
    low, high = sorted((a, b))
    assert quote(population, low).fee_usd <= quote(population, high).fee_usd


@given(populations, languages)
def test_formatted_population_parses_back(population, lang):
    """What we print, a reader can type back (in either language)."""
    assert parse_population(format_integer(population, lang), lang) == population


@given(gdps, languages)
def test_formatted_gdp_parses_back(gdp, lang):
    """Formatted GDP figures with decimals round-trip exactly."""
    # Never ambiguous: only a lone separator before exactly three digits is (1,500), and
    # format_decimal writes at most two fraction digits for these values. An InputError here
    # fails the test with the text Hypothesis found.
    assert parse_gdp(format_decimal(gdp, lang), lang) == gdp


@given(number_like_text, number_like_text, st.one_of(st.none(), st.text()), languages)
def test_any_text_is_a_quote_or_a_coded_error(population, gdp, year, lang):
    """No input string raises: the answer has fee_usd or a coded, non-empty message."""
    record = answer({"population": population, "gdp": gdp, "approval_year": year}, lang)
    if "error" in record:
        assert record["error"]["code"]
        assert record["error"]["message"].strip()
    else:
        assert isinstance(record["fee_usd"], int)
        assert record["fee_usd"] > 0
