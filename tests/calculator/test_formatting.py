"""calculator.formatting: numbers and dollars as each language writes them."""

from decimal import Decimal

import pytest

from calculator.formatting import format_decimal, format_integer, format_usd
from calculator.locales import Language

NBSP = "\u00a0"


class TestFormatting:
    """Russian groups with a no-break space and puts $ after; English uses commas and $ before."""

    @pytest.mark.parametrize(
        ("value", "ru", "en"),
        [
            (0, "0", "0"),
            (999, "999", "999"),
            (1000, f"1{NBSP}000", "1,000"),
            (613786, f"613{NBSP}786", "613,786"),
            (100000000, f"100{NBSP}000{NBSP}000", "100,000,000"),
        ],
    )
    def test_integer(self, value, ru, en):
        """Thousands are grouped in threes."""
        assert format_integer(value, Language.RU) == ru
        assert format_integer(value, Language.EN) == en

    @pytest.mark.parametrize(
        ("value", "ru", "en"),
        [
            (400, f"400{NBSP}$", "$400"),
            (2800, f"2{NBSP}800{NBSP}$", "$2,800"),
            (10000, f"10{NBSP}000{NBSP}$", "$10,000"),
        ],
    )
    def test_usd(self, value, ru, en):
        """ "1 000 $" in Russian, "$1,000" in English."""
        assert format_usd(value, Language.RU) == ru
        assert format_usd(value, Language.EN) == en

    @pytest.mark.parametrize(
        ("value", "ru", "en"),
        [
            (Decimal("47404.96"), f"47{NBSP}404,96", "47,404.96"),
            (Decimal("999.99"), "999,99", "999.99"),
            (Decimal("28000.50"), f"28{NBSP}000,50", "28,000.50"),
            (Decimal("613786"), f"613{NBSP}786", "613,786"),
            (Decimal("1E+5"), f"100{NBSP}000", "100,000"),
            (7, "7", "7"),
        ],
    )
    def test_decimal(self, value, ru, en):
        """Fractions keep the digits the reader typed, with the language's decimal mark."""
        assert format_decimal(value, Language.RU) == ru
        assert format_decimal(value, Language.EN) == en
