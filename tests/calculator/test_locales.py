"""calculator.locales: the Russian and English catalogues say the same things."""

import re
import string

import pytest

from calculator.errors import ErrorCode, Field
from calculator.locales import DEFAULT_LANGUAGE, Language, catalogue
from calculator.lookup import Category
from calculator.schedule import Provenance

CYRILLIC = re.compile("[А-Яа-яЁё]")


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class TestCatalogues:
    """Parity between ru and en: keys, placeholders, no empty values, the right script."""

    def test_same_keys(self):
        """Every key exists in both languages."""
        assert set(catalogue(Language.RU)) == set(catalogue(Language.EN))

    @pytest.mark.parametrize("key", sorted(catalogue(Language.RU)))
    def test_same_placeholders(self, key):
        """A key's placeholders are the same in both languages."""
        ru, en = catalogue(Language.RU)[key], catalogue(Language.EN)[key]
        assert placeholders(ru) == placeholders(en)

    @pytest.mark.parametrize("lang", list(Language))
    def test_no_empty_values(self, lang):
        """No message is blank."""
        assert all(value.strip() for value in catalogue(lang).values())

    def test_english_has_no_cyrillic(self):
        """English messages are translated, not copied."""
        leftovers = {k: v for k, v in catalogue(Language.EN).items() if CYRILLIC.search(v)}
        assert leftovers == {}

    def test_russian_is_russian(self):
        """Russian messages are written in Russian (except pure-symbol ones)."""
        symbolic = {"error.invalid_usage", "error.template", "band.range"}
        latin_only = {
            k
            for k, v in catalogue(Language.RU).items()
            if k not in symbolic and not CYRILLIC.search(v)
        }
        assert latin_only == set()

    def test_every_code_has_a_message(self):
        """Each error code, field, category and provenance has an entry."""
        keys = set(catalogue(Language.EN))
        needed = {f"error.{c.value}" for c in ErrorCode}
        needed |= {f"field.{f.value}" for f in Field}
        needed |= {f"category.{c.value}" for c in Category}
        needed |= {f"category_note.{c.value}" for c in Category}
        needed |= {f"provenance.{p.value}" for p in Provenance}
        needed |= {f"caveat.{p.value}" for p in Provenance if p.needs_confirmation}
        assert needed <= keys

    def test_default_language_is_russian(self):
        """Russian readers come first."""
        assert DEFAULT_LANGUAGE is Language.RU
