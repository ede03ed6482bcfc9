"""The package's public surface is deliberate: this pins it."""

import dataclasses
import enum
import inspect

import pytest

import calculator

#: Every public name and what it is: a function, a frozen dataclass, an enumeration, an
#: exception, or (DEFAULT_LANGUAGE) a value.
FUNCTION, DATACLASS, ENUM, EXCEPTION = "function", "frozen dataclass", "enum", "exception"
PUBLIC = {
    "DEFAULT_LANGUAGE": "value",
    "Band": DATACLASS,
    "Category": ENUM,
    "Cell": DATACLASS,
    "ErrorCode": ENUM,
    "Field": ENUM,
    "GdpData": DATACLASS,
    "GdpFigure": DATACLASS,
    "GdpSource": DATACLASS,
    "InputError": EXCEPTION,
    "Language": ENUM,
    "Provenance": ENUM,
    "Quote": DATACLASS,
    "Schedule": DATACLASS,
    "ScheduleError": EXCEPTION,
    "answer": FUNCTION,
    "answer_json": FUNCTION,
    "band_label": FUNCTION,
    "caveat": FUNCTION,
    "describe_error": FUNCTION,
    "describe_quote": FUNCTION,
    "error_message": FUNCTION,
    "format_decimal": FUNCTION,
    "format_integer": FUNCTION,
    "format_usd": FUNCTION,
    "gdp_band_label": FUNCTION,
    "gdp_for": FUNCTION,
    "get_gdp_data": FUNCTION,
    "get_schedule": FUNCTION,
    "load_schedule": FUNCTION,
    "message": FUNCTION,
    "parse_approval_year": FUNCTION,
    "parse_cities": FUNCTION,
    "parse_gdp": FUNCTION,
    "parse_population": FUNCTION,
    "population_band_label": FUNCTION,
    "quote": FUNCTION,
    "quote_cities": FUNCTION,
    "render_caveats_html": FUNCTION,
    "render_table_html": FUNCTION,
}


def kind_of(obj) -> str:
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        return ENUM
    if isinstance(obj, type) and issubclass(obj, Exception):
        return EXCEPTION
    if dataclasses.is_dataclass(obj) and isinstance(obj, type):
        return DATACLASS if obj.__dataclass_params__.frozen else "mutable dataclass"
    if inspect.isfunction(obj) or hasattr(obj, "cache_info"):  # functools.cache keeps a function
        return FUNCTION
    return "value"


def test_all_is_exactly_the_supported_api():
    """__all__ lists exactly the supported names, once each."""
    assert sorted(calculator.__all__) == sorted(PUBLIC)
    assert len(set(calculator.__all__)) == len(calculator.__all__)


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_each_name_imports_as_its_documented_kind(name):
    """``from calculator import X`` works and X is what the API says it is."""
    namespace: dict = {}
    exec(f"from calculator import {name}", namespace)
    assert kind_of(namespace[name]) == PUBLIC[name]


def test_input_errors_are_value_errors_with_a_code():
    """Callers may catch ValueError; the code and field are the contract."""
    assert issubclass(calculator.InputError, ValueError)
    assert issubclass(calculator.ScheduleError, ValueError)
    assert calculator.DEFAULT_LANGUAGE is calculator.Language.RU


def test_typed_package_ships_its_data():
    """py.typed, the schedule, both catalogues and the GDP data are package resources."""
    from importlib import resources

    root = resources.files("calculator")
    for name in (
        "py.typed",
        "schedule.json",
        "locales/ru.json",
        "locales/en.json",
        "data/gdp_per_capita_ppp.csv",
        "data/source.json",
        "data/iso3166_alpha3.txt",
        "data/SOURCE.md",
    ):
        assert root.joinpath(name).is_file(), name
