"""The package's public surface is deliberate: this pins it."""

import calculator


def test_public_names():
    """__all__ lists exactly the supported API, and every name resolves."""
    assert sorted(calculator.__all__) == sorted(
        [
            "DEFAULT_LANGUAGE",
            "Band",
            "Category",
            "Cell",
            "ErrorCode",
            "Field",
            "GdpData",
            "GdpFigure",
            "GdpSource",
            "InputError",
            "Language",
            "Provenance",
            "Quote",
            "Schedule",
            "ScheduleError",
            "answer",
            "answer_json",
            "band_label",
            "caveat",
            "describe_error",
            "describe_quote",
            "error_message",
            "format_decimal",
            "format_integer",
            "format_usd",
            "gdp_band_label",
            "gdp_for",
            "get_gdp_data",
            "get_schedule",
            "load_schedule",
            "message",
            "parse_approval_year",
            "parse_cities",
            "parse_gdp",
            "parse_population",
            "population_band_label",
            "quote",
            "quote_cities",
            "render_caveats_html",
            "render_table_html",
        ]
    )
    for name in calculator.__all__:
        assert getattr(calculator, name) is not None


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
