"""Rendering catalogue entries: one place where keys, placeholders and numbers meet."""

from __future__ import annotations

from .errors import ErrorCode, Field, InputError
from .formatting import format_integer
from .locales import Language, catalogue

__all__ = ["Quantity", "error_message", "field_label", "message"]


class Quantity(int):
    """A count or an amount that a message writes grouped the reader's way.

    ``Quantity(100_000_000)`` reads ``100 000 000`` in Russian and ``100,000,000`` in English.
    Any other ``int`` (a year: 2026, never ``2 026``) is written as it is, so callers pass
    years as numbers and only quantities are marked.
    """


def message(key: str, lang: Language, **params: object) -> str:
    """The catalogue text for ``key``; :class:`Quantity` values are grouped for the language."""
    values = {
        name: format_integer(value, lang) if isinstance(value, Quantity) else value
        for name, value in params.items()
    }
    return catalogue(lang)[key].format(**values)


def field_label(field: Field, lang: Language) -> str:
    """What the reader calls the input an error is about."""
    return message(f"field.{field.value}", lang)


def error_message(error: InputError, lang: Language) -> str:
    """A full sentence for an input error: the field, then what to do.

    A code whose advice depends on the field (invisible characters in a city name are not
    fixed by typing a number again) has a message ``error.<code>.<field>``, used first.
    """
    key = f"error.{error.code.value}"
    if f"{key}.{error.field.value}" in catalogue(lang):
        key = f"{key}.{error.field.value}"
    text = message(key, lang, **error.params)
    if error.code is ErrorCode.INVALID_USAGE:
        return text
    return message("error.template", lang, field=field_label(error.field, lang), message=text)
