"""axe-core, served to the test browser from the pinned npm copy (never from a CDN)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
#: The rules among those tags that judge colours: text contrast, and links told apart from the
#: text around them. A dark colour scheme changes colours only (Material swaps its palette's CSS
#: variables; markup, names, roles, order and focus stay as they are), so these are the rules a
#: dark scheme can newly fail; the tests run every rule in the light scheme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@cache
def axe_source() -> str:
    """axe-core's script, read once."""
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(
    page: Page, context: str = "document", rules: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Run axe-core on the page (or a CSS selector) for WCAG 2.2 AA (only ``rules``, if
    given, e.g. :data:`COLOUR_RULES`); return its violations.

    Each violation is reduced to its id, impact and the first few failing targets, so an
    assertion message says what to fix.
    """
    target = "document" if context == "document" else f"document.querySelector({context!r})"
    only = (
        {"type": "rule", "values": list(rules)} if rules else {"type": "tag", "values": WCAG_TAGS}
    )
    # One round trip when axe is in the document already; null, before the first run in a
    # document, asks for it to be added.
    run = f"""async () => {{
        if (typeof window.axe !== 'object') return null;
        // Judge the page at rest: a colour transition caught half-way (Material's header
        // title fades in on scroll) would report a contrast no reader ever sees for long.
        document.getAnimations().forEach((a) => a.finish());
        // resultTypes: only the violations are read, so axe details no passing node.
        const r = await axe.run({target}, {{
            runOnly: {json.dumps(only)}, resultTypes: ['violations'],
        }});
        return r.violations.map(v => ({{
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
        }}));
    }}"""
    result = page.evaluate(run)
    if result is None:
        # Evaluated through the DevTools protocol, not as an inline <script>, so the site's
        # Content-Security-Policy stays in force while axe runs.
        page.evaluate(axe_source())
        result = page.evaluate(run)
    return list(result)
