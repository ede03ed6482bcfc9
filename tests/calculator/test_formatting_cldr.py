"""calculator.formatting agrees with CLDR (through Babel), which the engine cannot import."""

import pytest
from babel.numbers import format_currency
from babel.numbers import format_decimal as cldr_decimal

from calculator.formatting import format_decimal, format_integer, format_usd
from calculator.locales import Language

VALUES = [1, 400, 999, 1000, 2250, 10000, 613786, 1234567, 100000000]


@pytest.mark.parametrize("lang", list(Language))
@pytest.mark.parametrize("value", VALUES)
def test_integers_match_cldr(lang, value):
    """Grouping separators are CLDR's for the language."""
    assert format_integer(value, lang) == cldr_decimal(value, locale=lang.value)
    assert format_decimal(value, lang) == cldr_decimal(value, locale=lang.value)


@pytest.mark.parametrize(
    ("lang", "pattern"), [(Language.RU, "#,##0\u00a0¤"), (Language.EN, "¤#,##0")]
)
@pytest.mark.parametrize("value", VALUES)
def test_usd_matches_cldr(lang, pattern, value):
    """Whole-dollar amounts match CLDR's USD symbol and placement for the language."""
    expected = format_currency(
        value, "USD", locale=lang.value, format=pattern, currency_digits=False
    )
    assert format_usd(value, lang) == expected
