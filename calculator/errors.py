"""The one exception type the engine raises for bad input, with a stable code.

Codes are the contract with the CLI's JSON and the browser widget (``data-error-code``);
the human text lives in the message catalogues, so an error is created without a language
and rendered in whichever language the reader uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

__all__ = ["ErrorCode", "Field", "InputError"]


class Field(StrEnum):
    """The inputs a reader fills in; errors point at one of them."""

    POPULATION = "population"
    GDP = "gdp"
    CATEGORY = "category"
    APPROVAL_YEAR = "approval_year"
    LANGUAGE = "lang"
    ARGUMENTS = "arguments"
    #: The country whose GDP per capita is looked up (ISO 3166-1 alpha-3).
    COUNTRY = "country"
    #: The year a fee is for, which picks the GDP year (the year before).
    FEE_YEAR = "fee_year"
    #: A list of cities, one per line (the several-cities page and ``--cities``).
    CITIES = "cities"
    #: One city's name in such a list.
    CITY_NAME = "city_name"


class ErrorCode(StrEnum):
    """Stable error codes; each has a message in every catalogue."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    INVALID_CHARACTER = "invalid_character"
    UNSUPPORTED_DIGITS = "unsupported_digits"
    NOT_A_NUMBER = "not_a_number"
    NOT_FINITE = "not_finite"
    NEGATIVE = "negative"
    ZERO = "zero"
    MISPLACED_SEPARATOR = "misplaced_separator"
    AMBIGUOUS_SEPARATOR = "ambiguous_separator"
    NOT_WHOLE = "not_whole"
    TOO_LARGE = "too_large"
    INVALID_CATEGORY = "invalid_category"
    INVALID_YEAR = "invalid_year"
    INVALID_LANGUAGE = "invalid_language"
    INVALID_USAGE = "invalid_usage"
    #: Not an ISO 3166-1 alpha-3 code (nor XKX, the World Bank's code for Kosovo).
    UNKNOWN_COUNTRY = "unknown_country"
    #: A real country that the World Bank data do not cover (TWN, PRK...): type the GDP.
    NO_COUNTRY_DATA = "no_country_data"
    #: The data have no figure for the year needed (nor, for a fee year, any earlier one).
    NO_COUNTRY_DATA_FOR_YEAR = "no_country_data_for_year"
    #: A line of a list of cities has a population but no name before it.
    MISSING_NAME = "missing_name"
    #: A line of a list of cities has no separator, so no population after the name.
    MISSING_POPULATION = "missing_population"
    #: A quoted city name whose closing quotation mark is missing.
    UNCLOSED_QUOTE = "unclosed_quote"
    #: A list of cities without a single city.
    NO_CITIES = "no_cities"
    #: A list longer than one request may carry.
    TOO_MANY_CITIES = "too_many_cities"
    #: Exponent notation (``1e6``): the number fields take digits only.
    EXPONENT = "exponent"


class InputError(ValueError):
    """A reader's input cannot be quoted; carries what the message needs, not the message."""

    def __init__(
        self, code: ErrorCode, field: Field, params: Mapping[str, int | str] | None = None
    ) -> None:
        super().__init__(f"{field.value}: {code.value}")
        self.code = code
        self.field = field
        self.params: Mapping[str, int | str] = MappingProxyType(dict(params or {}))
