"""Every pair of locale files says the same things in Russian and English.

One test for every catalogue in the repository, found by where catalogues live: the engine's
``calculator/locales/<lang>.json`` and the site's ``sitebuild/locales/<component>.<lang>.json``.
A new component's files, or a new folder named ``locales`` under a package, are checked without
touching this file. For each catalogue: a file per language, the same keys, the same
``{placeholders}`` for each key, and no empty value (but for the defaults in MAY_BE_BLANK).
"""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from calculator.locales import Language

ROOT = Path(__file__).resolve().parents[1]
LANGS = {lang.value for lang in Language}
SKIP = {".venv", "node_modules", "site", "build", ".git"}
#: Entries that are a default value rather than a text, and may be blank in a language.
MAY_BE_BLANK = {
    # The Russian form pre-fills "Россия"; the English one cannot guess the reader's country.
    "form.default.country",
}


def catalogue_files() -> dict[str, dict[str, Path]]:
    """``{catalogue: {lang: path}}``: ``calculator/locales`` or ``sitebuild/locales/quote``."""
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(ROOT.glob("*/locales/*.json")):
        if path.relative_to(ROOT).parts[0] in SKIP:
            continue
        stem, _, lang = path.stem.rpartition(".")
        if not stem:  # <lang>.json: the folder is the catalogue
            stem, lang = "", path.stem
        name = path.parent.relative_to(ROOT).as_posix() + (f"/{stem}" if stem else "")
        found.setdefault(name, {})[lang] = path
    return found


CATALOGUES = catalogue_files()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_known_catalogue_is_found():
    """The discovery sees the engine's catalogue and each site component's."""
    assert {
        "calculator/locales",
        "sitebuild/locales/country",
        "sitebuild/locales/form",
        "sitebuild/locales/quote",
    } <= set(CATALOGUES)


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_catalogue_has_the_same_keys_placeholders_and_no_blank_in_every_language(name):
    files = CATALOGUES[name]
    assert set(files) == LANGS, f"{name}: one file per language"
    entries = {lang: json.loads(path.read_text(encoding="utf-8")) for lang, path in files.items()}
    ru, en = entries["ru"], entries["en"]
    assert sorted(ru.keys() ^ en.keys()) == [], f"{name}: keys in one language only"
    different = {key for key in ru if placeholders(ru[key]) != placeholders(en[key])}
    assert sorted(different) == [], f"{name}: placeholders differ"
    for lang, catalogue in entries.items():
        blank = [
            key
            for key, value in catalogue.items()
            if not str(value).strip() and key not in MAY_BE_BLANK
        ]
        assert blank == [], f"{name} ({lang}): empty values"
