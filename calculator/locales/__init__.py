"""Per-language message catalogues (``ru.json``, ``en.json``) with stable keys.

Russian is the default: the site's readers are Russian-speaking first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from importlib import resources
from types import MappingProxyType

__all__ = ["DEFAULT_LANGUAGE", "Language", "catalogue"]


class Language(StrEnum):
    """The languages every page, label and message exists in."""

    RU = "ru"
    EN = "en"


DEFAULT_LANGUAGE = Language.RU


@cache
def catalogue(lang: Language) -> Mapping[str, str]:
    """The message catalogue for one language, read once."""
    text = resources.files(__package__).joinpath(f"{lang.value}.json").read_text("utf-8")
    return MappingProxyType(json.loads(text))
