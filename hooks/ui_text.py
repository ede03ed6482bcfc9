"""The site's own interface text (widget and form labels, buttons, states) per language.

Engine messages (errors, caveats, band labels) come from calculator's catalogues; these
files hold only what the pages around the engine say. Both files have the same keys.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

__all__ = ["LOCALES_DIR", "text", "ui_catalogue"]

LOCALES_DIR = Path(__file__).resolve().parent / "locales"


@cache
def ui_catalogue(lang: str) -> Mapping[str, str]:
    """All interface strings for one language."""
    path = LOCALES_DIR / f"{lang}.json"
    return MappingProxyType(json.loads(path.read_text(encoding="utf-8")))


def text(lang: str, key: str, **params: object) -> str:
    """One interface string, with ``{placeholders}`` filled in."""
    return ui_catalogue(lang)[key].format(**params)
