"""What a page carries, recorded once in ``page.meta`` while hooks/markers.py renders it.

Other hooks (the CSP) and the theme templates (the fees page's early start, Mermaid) decide
from this record instead of searching the finished HTML for an id or a class.

The record is ``page.meta["wego_components"]``: the sorted names of the markers rendered in
the page (``fee-quote``, ``application-form``, ...) plus ``mermaid`` when the page's Markdown
has a Mermaid diagram. In a template: ``'fee-quote' in page.meta.wego_components``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

__all__ = ["FEE_QUOTE", "MERMAID", "META_KEY", "components", "record"]

META_KEY = "wego_components"
#: The fee calculator's marker: the page runs the quote worker.
FEE_QUOTE = "fee-quote"
#: A Mermaid diagram (a ```mermaid fence): the page loads the pinned Mermaid script.
MERMAID = "mermaid"


def record(meta: MutableMapping[str, Any], names: Iterable[str]) -> None:
    """Store what the page carries (replacing an earlier record of the same page)."""
    meta[META_KEY] = sorted(set(names))


def components(meta: Mapping[str, Any] | None) -> frozenset[str]:
    """What the page carries; nothing for a page that was never rendered by the hook (404)."""
    return frozenset(meta.get(META_KEY, ())) if meta else frozenset()
