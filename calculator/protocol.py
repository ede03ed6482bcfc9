"""The browser worker's transport: one JSON request in, one JSON record out.

The widget's Web Worker calls :func:`answer_json` through Pyodide (``calculator.answer_json``),
as do the site build's self-checks. It sits above both entry points, :func:`calculator.answer`
(one city) and :func:`calculator.quote_cities` (a list), so neither imports the other's caller.
"""

from __future__ import annotations

import json

from .batch import quote_cities
from .describe import describe_error
from .errors import ErrorCode, Field, InputError
from .locales import DEFAULT_LANGUAGE, Language
from .request import answer

__all__ = ["answer_json", "parse_language"]


def parse_language(text: object) -> Language:
    """A supported language code, or a coded error."""
    for lang in Language:
        if text == lang.value:
            return lang
    raise InputError(ErrorCode.INVALID_LANGUAGE, Field.LANGUAGE)


def answer_json(request: str) -> str:
    """``answer`` over JSON text: ``{"lang": "ru", "fields": {...}}`` in, a record out.

    With a ``"cities"`` key (the text of a list, one ``name, population`` per line) the
    record is :func:`calculator.batch.quote_cities`' for that list and the shared fields.
    A request that is not such an object, or names no supported language, gets the error
    record in the default language: the page never sees a Python exception.
    """
    try:
        payload = json.loads(request)
        if not isinstance(payload, dict) or not isinstance(payload.get("fields"), dict):
            raise ValueError("expected {'lang': ..., 'fields': {...}}")
        lang = parse_language(payload.get("lang", DEFAULT_LANGUAGE.value))
    except InputError as error:
        return json.dumps(describe_error(error, DEFAULT_LANGUAGE), ensure_ascii=False)
    except ValueError as error:
        usage = InputError(ErrorCode.INVALID_USAGE, Field.ARGUMENTS, {"detail": str(error)})
        return json.dumps(describe_error(usage, DEFAULT_LANGUAGE), ensure_ascii=False)
    if "cities" in payload:
        return json.dumps(
            quote_cities(payload["cities"], payload["fields"], lang), ensure_ascii=False
        )
    return json.dumps(answer(payload["fields"], lang), ensure_ascii=False)
