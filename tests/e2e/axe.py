"""axe-core, served to the test browser from the pinned npm copy (never from a CDN)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Page, context: str = "document") -> list[dict[str, Any]]:
    """Run axe-core on the page (or a CSS selector) for WCAG 2.2 AA; return its violations.

    Each violation is reduced to its id, impact and the first few failing targets, so an
    assertion message says what to fix.
    """
    # Evaluated through the DevTools protocol, not as an inline <script>, so the site's
    # Content-Security-Policy stays in force while axe runs.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    # Judge the page at rest: a colour transition caught half-way (Material's header title
    # fades in on scroll) would report a contrast that no reader ever sees for long.
    page.evaluate("() => document.getAnimations().forEach((a) => a.finish())")
    target = "document" if context == "document" else f"document.querySelector({context!r})"
    result = page.evaluate(
        f"""async () => {{
            const r = await axe.run({target}, {{runOnly: {{type: 'tag', values: {WCAG_TAGS}}}}});
            return r.violations.map(v => ({{
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }}));
        }}"""
    )
    return list(result)
