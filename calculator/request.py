"""One reader's request, as typed text, to one JSON-ready answer: a quote or a coded error.

This is the single entry point the browser widget calls through Pyodide, so the page never
sees a Python exception: every input, however odd, becomes a record with ``fee_usd`` or
``error``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .describe import describe_error, describe_quote
from .errors import ErrorCode, Field, InputError
from .locales import DEFAULT_LANGUAGE, Language
from .lookup import Category, quote
from .parsing import parse_approval_year, parse_gdp, parse_population

__all__ = ["answer", "answer_json", "parse_language"]


def parse_language(text: object) -> Language:
    """A supported language code, or a coded error."""
    for lang in Language:
        if text == lang.value:
            return lang
    raise InputError(ErrorCode.INVALID_LANGUAGE, Field.LANGUAGE)


def answer(fields: Mapping[str, object], lang: Language = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Quote from raw form fields (``population``, ``gdp``, ``category``, ``approval_year``).

    All fields are checked in form order so the first problem the reader sees is the
    first field on the form.
    """
    try:
        population = parse_population(fields.get("population"), lang)
        gdp = parse_gdp(fields.get("gdp"), lang)
        category = Category.parse(fields.get("category") or Category.FULL.value)
        approval_year = parse_approval_year(fields.get("approval_year"))
        return describe_quote(quote(population, gdp, category, approval_year), lang)
    except InputError as error:
        return describe_error(error, lang)


def answer_json(request: str) -> str:
    """``answer`` over JSON text: ``{"lang": "ru", "fields": {...}}`` in, a record out."""
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
    return json.dumps(answer(payload["fields"], lang), ensure_ascii=False)
