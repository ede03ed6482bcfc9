"""Which of mkdocs-static-i18n's per-language builds is running.

The plugin builds the default language into the site root and each other language into its
own folder, firing every hook once per language. Files shared by all languages (vendor
scripts, Pyodide) belong to the root build only.
"""

from __future__ import annotations

from typing import Any

__all__ = ["is_default_language_build"]


def is_default_language_build(config: Any) -> bool:
    """True for the root (Russian) build, or when the i18n plugin is not in use."""
    i18n = config["plugins"].get("i18n")
    return i18n is None or bool(i18n.is_default_language_build)
