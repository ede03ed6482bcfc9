"""The site's own interface text (widget and form labels, buttons, states) per language.

Engine messages (errors, caveats, band labels) come from calculator's catalogues; these
files hold only what the pages around the engine say: one file per component and language,
``locales/<component>.<lang>.json``, merged into one catalogue per language. A key defined
twice is an error, not a silent override.
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
    """All interface strings for one language, from every component's file."""
    merged: dict[str, str] = {}
    for path in sorted(LOCALES_DIR.glob(f"*.{lang}.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        duplicates = merged.keys() & entries.keys()
        if duplicates:
            raise ValueError(f"{path.name}: keys defined twice: {sorted(duplicates)}")
        merged.update(entries)
    if not merged:
        raise ValueError(f"no interface text for language {lang!r} in {LOCALES_DIR}")
    return MappingProxyType(merged)


def text(lang: str, key: str, **params: object) -> str:
    """One interface string, with ``{placeholders}`` filled in."""
    return ui_catalogue(lang)[key].format(**params)
