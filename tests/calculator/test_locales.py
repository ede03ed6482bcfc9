"""calculator.locales: the Russian and English catalogues say the same things."""

import re
import string

from calculator.errors import ErrorCode, Field
from calculator.locales import DEFAULT_LANGUAGE, Language, catalogue
from calculator.lookup import Category
from calculator.schedule import Provenance

CYRILLIC = re.compile("[А-Яа-яЁё]")


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class TestCatalogues:
    """Each language is written in its script, and every code has a message.

    Keys, placeholders and blanks are compared for every catalogue at once in
    tests/test_catalogue_parity.py.
    """

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
