"""Country names in Russian and English for the quote widget's country field (build time only).

Names come from pycountry's ISO 3166-1 data: English from its ``common_name`` (the short form,
"South Korea", "Iran") or else its ``name``; Russian from pycountry's gettext translations of
the same string (domain ``iso3166-1``), falling back to the translation of ``name``. Stress
marks (U+0301), which some translations carry, are removed. ``OVERRIDES`` declares the few
names we set ourselves, each with its reason.

Other names a reader may type resolve too: pycountry's formal and official names (``name``,
``official_name``, and their Russian translations), and ``ALIASES``, a short declared list of
common and older names pycountry does not carry ("Turkey", "UK", "Ivory Coast", "Кыргызстан",
"Белоруссия", "Туркмения"...). Either page also takes the other language's names: the
Russian page's «Россия» has "Russia" among its aliases, the English page's "Russia" has
«Россия» and «РФ»; the field then shows the name in the page's language. ``match_key`` is how
typed text and names are compared (case, accents, "ё", apostrophes, dashes and spaces do not
matter); ``assets/javascripts/country-picker.mjs`` compares the same way. ``name_index``
refuses a name that would lead to two countries.

The list is every ISO 3166-1 country plus the non-ISO economies the World Bank data cover
(Kosovo, ``XKX``); each entry says whether the engine has a figure for it, so countries without
one (Taiwan, North Korea, Cuba...) are listed and marked rather than silently missing. It is
sorted for each language's alphabet (Russian: а…е, ё, ж…я) without relying on the OS locale.

pycountry is a development dependency: it is imported here, at build time, and never by the
``calculator`` package (the wheel stays std-lib only).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from calculator import Language, get_gdp_data

__all__ = [
    "ALIASES",
    "OVERRIDES",
    "Country",
    "collation_key",
    "countries",
    "match_key",
    "name_index",
    "strip_stress",
]

STRESS_MARK = "\u0301"
RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_RUSSIAN_RANK = {letter: index for index, letter in enumerate(RUSSIAN_ALPHABET)}

#: Names we set ourselves: code -> language -> name. Everything else is pycountry's.
OVERRIDES: dict[str, dict[str, str]] = {
    # Kosovo: a World Bank economy (code XKX, with data) that is not in ISO 3166-1, so
    # pycountry has no entry and no translation for it.
    "XKX": {"en": "Kosovo", "ru": "Косово"},
    # ISO 3166-1 has only the formal "Russian Federation" and no common name; the guide's
    # readers write (and search for) "Россия" / "Russia". The formal name stays searchable.
    "RUS": {"en": "Russia", "ru": "Россия"},
    # pycountry's Russian "Соединённые штаты" is a literal translation with a lower-case
    # "штаты"; the usual short form is "США".
    "USA": {"ru": "США"},
    # "Соединённое Королевство" is the UN's literal form; "Великобритания" is the usual one.
    "GBR": {"ru": "Великобритания"},
    # Spelling: pycountry has "Центрально-африканская республика".
    "CAF": {"ru": "Центральноафриканская Республика"},
    # Capitalisation: pycountry has "Доминиканская республика".
    "DOM": {"ru": "Доминиканская Республика"},
    # pycountry has "Острова северной Марианы"; the established name is this one.
    "MNP": {"ru": "Северные Марианские острова"},
    # pycountry has "Соединенные штаты Малых Удаленных островов" (lower-case, literal).
    "UMI": {"ru": "Внешние малые острова США"},
}


#: Common, older and abbreviated names pycountry does not carry: code -> language -> names.
#: Only unambiguous ones ("Korea" and "Congo" could each mean two countries, "America" a
#: continent). Both pages accept them all: the language says which names they are.
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "RUS": {"ru": ("РФ",)},
    "TUR": {"en": ("Turkey",), "ru": ("Турецкая Республика",)},
    "GBR": {"en": ("UK", "U.K.", "Great Britain", "Britain"), "ru": ("Британия", "Англия")},
    "USA": {
        "en": ("USA", "U.S.A.", "US", "U.S."),
        "ru": ("Соединённые Штаты Америки", "Соединённые Штаты"),
    },
    "CZE": {"en": ("Czech Republic",), "ru": ("Чешская Республика",)},
    "CIV": {"en": ("Ivory Coast",), "ru": ("Берег Слоновой Кости",)},
    "KGZ": {"en": ("Kyrgyz Republic", "Kirghizia"), "ru": ("Кыргызстан", "Кыргызская Республика")},
    "BLR": {"en": ("Byelorussia",), "ru": ("Белоруссия", "Республика Беларусь")},
    "MDA": {"en": ("Moldavia",), "ru": ("Молдова",)},
    "TKM": {"en": ("Turkmenia",), "ru": ("Туркмения",)},
    "MKD": {"en": ("Macedonia",), "ru": ("Македония",)},
    "SWZ": {"en": ("Swaziland",), "ru": ("Свазиленд",)},
    "CPV": {"en": ("Cape Verde",), "ru": ("Острова Зелёного Мыса",)},
    "MMR": {"en": ("Burma",), "ru": ("Бирма",)},
    "NLD": {"en": ("Holland",), "ru": ("Голландия",)},
    "VAT": {"en": ("Vatican", "Vatican City"), "ru": ("Ватикан",)},
    "PSE": {"en": ("Palestine",), "ru": ("Государство Палестина",)},
    "BRN": {"en": ("Brunei",), "ru": ("Бруней",)},
    "COD": {"en": ("DR Congo", "Democratic Republic of the Congo"), "ru": ("ДР Конго",)},
    "FSM": {"en": ("Micronesia",), "ru": ("Микронезия",)},
}

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2018\u2019\u02bc\u02b9\u0060\u00b4\u2032", "'"))
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
#: The spaces JavaScript's ``\s`` matches, spelled out so both languages mean the same set
#: (Python's own ``str.split`` differs on a few control characters and the byte order mark).
_SPACES = re.compile(
    "[\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+"
)


def match_key(text: str) -> str:
    """How a typed name is compared: case, accents and other combining marks (so ё/е), apostrophe
    and dash forms, dots and runs of any spaces do not matter (``«Кот-д’Ивуар»`` matches
    ``Кот-д'Ивуар``). The same rule as ``countryKey`` in assets/javascripts/country-names.mjs;
    both are tested against tests/fixtures/country-names.json.
    """
    decomposed = unicodedata.normalize("NFD", text).lower()
    bare = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    bare = bare.translate(_APOSTROPHES).translate(_DASHES).replace(".", "")
    return _SPACES.sub(" ", bare).strip(" ")


@dataclass(frozen=True)
class Country:
    """One entry of the country field, in one language."""

    code: str
    name: str
    #: Whether the engine has a World Bank figure for this code.
    has_data: bool
    #: Other names a reader may type: the formal or untranslated form we replaced, common and
    #: older names, and the country's names in the other language.
    aliases: tuple[str, ...] = ()


def strip_stress(text: str) -> str:
    """Remove combining acute accents used as stress marks (``Росси́я`` -> ``Россия``)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).replace(STRESS_MARK, ""))


@cache
def _russian() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])


def _translate(text: str, lang: Language) -> str | None:
    """pycountry's translation of an English ISO name, or None if it has none."""
    if lang is Language.EN:
        return text
    translated = _russian().gettext(text)
    return strip_stress(translated) if translated != text else None


def _iso_names(record: Any, lang: Language) -> tuple[str, tuple[str, ...]]:
    """(display name, other names) of one pycountry record."""
    name: str = record.name
    common: str | None = getattr(record, "common_name", None)
    official: str | None = getattr(record, "official_name", None)
    candidates = [c for c in (common, name, official) if c]
    translated = [t for t in (_translate(c, lang) for c in candidates if c) if t]
    if not translated:
        raise LookupError(f"pycountry has no {lang.value} name for {record}")
    display = translated[0]
    aliases = tuple(dict.fromkeys(t for t in translated[1:] if t != display))
    return display, aliases


def collation_key(name: str, lang: Language) -> tuple[tuple[int, int], ...]:
    """A sort key following the language's alphabet, independent of the OS locale.

    Russian: the 33 letters in order (ё its own letter, after е); English: a-z with accents
    ignored (Åland sorts as Aland). Case is ignored; spaces and punctuation sort before any
    letter, digits between; Latin letters in a Russian name come after the Cyrillic ones.
    """
    text = name.lower()
    if lang is Language.EN:
        text = "".join(
            c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
        )
    key: list[tuple[int, int]] = []
    for char in unicodedata.normalize("NFC", text):
        if lang is Language.RU and char in _RUSSIAN_RANK:
            key.append((3, _RUSSIAN_RANK[char]))
        elif char.isascii() and char.isalpha():
            key.append((3 if lang is Language.EN else 4, ord(char)))
        elif char.isalpha():
            key.append((5, ord(char)))
        elif char.isdigit():
            key.append((2, ord(char)))
        else:
            key.append((1, 0))  # spaces, hyphens, dashes, commas, brackets, apostrophes
    return tuple(key)


@cache
def countries(lang: Language) -> tuple[Country, ...]:
    """Every ISO 3166-1 country and every economy with data, sorted for ``lang``.

    Each keeps its name in ``lang``; its names in the other language become aliases too, so
    a reader may type either ("Russia" on the Russian page, «Турция» on the English one).
    """
    own = {country.code: country for country in _named_in(lang)}
    other = {country.code: country for country in _named_in(_other(lang))}
    entries = []
    for code, country in own.items():
        foreign = other[code]
        aliases = _distinct(country.name, (*country.aliases, *_foreign_names(foreign, lang)))
        entries.append(Country(code, country.name, country.has_data, aliases))
    return tuple(sorted(entries, key=lambda c: (collation_key(c.name, lang), c.name)))


def _other(lang: Language) -> Language:
    return Language.EN if lang is Language.RU else Language.RU


def _foreign_names(country: Country, page_lang: Language) -> tuple[str, ...]:
    """The names of ``country`` (listed in the other language) a reader of ``page_lang`` may
    type: its name there, and the common and short forms declared in ``ALIASES`` («РФ»,
    "USA", "UK"). Not pycountry's formal and official forms ("Korea, Republic of",
    «Республика Казахстан»): nobody types those in the other language, and each would add
    to the page's weight, since the list is in every page that has the country field."""
    declared = ALIASES.get(country.code, {}).get(_other(page_lang).value, ())
    return (country.name, *declared)


def _distinct(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """``aliases`` without repeats and without the name itself, as match_key compares them."""
    seen = {match_key(name)}
    kept = []
    for alias in aliases:
        key = match_key(alias)
        if key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)


@cache
def _named_in(lang: Language) -> tuple[Country, ...]:
    """Every country with its name and aliases in ``lang`` only (unsorted)."""
    data = get_gdp_data()
    with_data = set(data.codes_with_data)
    entries: dict[str, Country] = {}
    for record in pycountry.countries:
        code: str = record.alpha_3
        name, aliases = _iso_names(record, lang)
        override = OVERRIDES.get(code, {}).get(lang.value)
        if override is not None and override != name:
            aliases = (name, *aliases)
            name = override
        aliases = _distinct(name, (*aliases, *ALIASES.get(code, {}).get(lang.value, ())))
        entries[code] = Country(code, name, code in with_data, aliases)
    for code in sorted(with_data - entries.keys()):
        if lang.value not in OVERRIDES.get(code, {}):
            raise LookupError(f"{code} has World Bank data but no name: add it to OVERRIDES")
        entries[code] = Country(code, OVERRIDES[code][lang.value], True)
    return tuple(entries.values())


@cache
def name_index(lang: Language) -> dict[str, str]:
    """Every name and alias of ``lang`` by :func:`match_key` -> code; a clash is an error."""
    index: dict[str, str] = {}
    for country in countries(lang):
        for name in (country.name, *country.aliases):
            key = match_key(name)
            if index.setdefault(key, country.code) != country.code:
                raise ValueError(f"{name!r} would name both {index[key]} and {country.code}")
    return index
