"""Numbers and money written the way each language writes them.

The engine is std-lib only (it runs inside Pyodide), so it cannot use Babel at run time;
the tests check these functions against Babel's CLDR data instead.
"""

from __future__ import annotations

from decimal import Decimal

from .locales import Language

__all__ = ["format_decimal", "format_integer", "format_usd"]

NBSP = "\u00a0"
_GROUP = {Language.RU: NBSP, Language.EN: ","}
_DECIMAL = {Language.RU: ",", Language.EN: "."}


def format_integer(value: int, lang: Language) -> str:
    """``613786`` as ``613 786`` (ru, no-break space) or ``613,786`` (en)."""
    return f"{value:,}".replace(",", _GROUP[lang])


def format_decimal(value: Decimal | int, lang: Language) -> str:
    """A figure such as GDP per capita, keeping the digits the reader typed."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return format_integer(int(value), lang)
    whole, _, fraction = f"{value:f}".partition(".")
    return format_integer(int(whole), lang) + _DECIMAL[lang] + fraction


def format_usd(amount: int, lang: Language) -> str:
    """Whole dollars: ``1 000 $`` in Russian, ``$1,000`` in English."""
    number = format_integer(amount, lang)
    return f"{number}{NBSP}$" if lang is Language.RU else f"${number}"
