"""MkDocs hook: a Content Security Policy in every page, as a ``<meta http-equiv>`` tag.

What it covers. GitHub Pages sends no custom response headers, so the policy can only travel
inside the HTML, and a ``<meta>`` policy governs that one document: the page. It does not
reach the Web Workers the page starts. A dedicated worker takes its policy from the response
headers of its own script, and Pages sends none, so the quote worker (Pyodide and the engine,
quote-worker.mjs) and Material's search worker run under no policy at all. What keeps them on
the site's own origin is their code, which loads only same-origin files; the browser tests
check that no request of a page or a worker leaves the origin. The page's policy does decide
which workers may start (``worker-src 'self'``), the service worker included: its script,
``service-worker.js`` at the site root (hooks/service_worker.py), is the site's own, and like the
other workers it runs under no policy; its code fetches only addresses inside its scope.

For the page, it allows the site's own origin and nothing else:

* scripts from ``'self'`` plus the SHA-256 hashes of the inline scripts on *that* page
  (Material emits a few small ones; their text differs between pages, e.g. the relative
  ``__md_scope``), computed here from the final HTML at build time. Data blocks such as
  ``<script id="__config" type="application/json">`` never execute, so they are not hashed.
  Nothing looser: no ``'unsafe-eval'``, no ``'unsafe-inline'`` scripts, and no
  ``'wasm-unsafe-eval'``: no page compiles WebAssembly (Pyodide does, in its worker, which
  this policy does not reach);
* styles from ``'self'`` only, except on pages with a Mermaid diagram: Mermaid writes the
  diagram's ``<style>`` element and ``style`` attributes at run time, which no build-time hash
  can cover, so those pages (and only those) also allow inline styles. Styles cannot run code.
  Which pages have a diagram is read from ``page.meta`` (hooks/markers.py records it), not
  from the HTML;
* ``connect-src 'self'`` (the page's own requests), ``worker-src 'self'`` (the quote worker,
  the search worker and the service worker come from the site), ``object-src 'none'``,
  ``base-uri 'self'`` and ``form-action 'self'``: both forms (the quote widget, the
  application form) submit, without JavaScript, to their own page; the application form
  reaches the mail client through a ``mailto:`` *link*, which form-action does not govern, so
  ``mailto:`` is not allowed as a form target.

``frame-ancestors``, ``report-uri`` and ``sandbox`` are ignored in a meta policy, so none is set.
Under ``mkdocs serve`` no policy is written: the server injects its live-reload script into
every page it serves, a script no build-time hash can know; ``mkdocs build`` (deploys, tests)
always writes it.
The tag goes right after ``<meta charset>`` (which must stay within the first 1024 bytes) and
before every element that loads or runs anything; a policy already in a page is replaced, so
the hook is idempotent.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from typing import Any

from mkdocs.plugins import event_priority

from sitebuild import page_components

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

__all__ = [
    "CSP_META",
    "add_policy",
    "inline_script_hashes",
    "page_policy",
]

#: Script types a browser executes (an absent type is JavaScript).
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTR_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ATTR_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
#: A policy this hook wrote before, with the line break it put before it (so re-running it
#: gives the same bytes).
_EXISTING = re.compile(
    r"\s*<meta\s+http-equiv=\"Content-Security-Policy\"\s+content=\"[^\"]*\"\s*>", re.IGNORECASE
)
CSP_META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
_enabled = True


def _executes(attrs: str) -> bool:
    if _ATTR_SRC.search(attrs):
        return False  # an external script is allowed by 'self', not by a hash
    match = _ATTR_TYPE.search(attrs)
    kind = next((g for g in match.groups() if g is not None), "") if match else ""
    return kind.strip().lower() in _EXECUTABLE_TYPES


def inline_script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` sources for each inline script that runs, in page order, unique."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        if not _executes(match.group(1)):
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def page_policy(html: str, components: frozenset[str] = frozenset()) -> str:
    """The policy for one page, from its final HTML and what it carries (page_components)."""
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    # Mermaid (the procedure diagram) injects its own <style> and style attributes.
    mermaid = page_components.MERMAID in components
    styles = "'self' 'unsafe-inline'" if mermaid else "'self'"
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        f"style-src {styles}",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def add_policy(html: str, components: frozenset[str] = frozenset()) -> str:
    """Insert (or replace) the page's policy right after ``<meta charset>`` in ``<head>``."""
    html = _EXISTING.sub("", html)
    head = _HEAD.search(html)
    if head is None:
        return html  # not an HTML page (nothing a browser would run)
    meta = CSP_META.format(policy=page_policy(html, components))
    charset = _CHARSET.search(html, head.end())
    at = charset.end() if charset else head.end()
    return f"{html[:at]}\n    {meta}{html[at:]}"


def on_startup(command: str, dirty: bool) -> None:
    """MkDocs event: once per command; ``serve`` injects live reload, so it gets no policy."""
    global _enabled
    _enabled = command != "serve"
    if not _enabled:
        log.info("csp: no Content-Security-Policy under `mkdocs serve` (live reload is inline)")


@event_priority(-90)  # after other plugins have changed the page, so the hashes hold
def on_post_page(output: str, page: Any, config: Any) -> str:
    """MkDocs event: every Markdown page, in every language, after its template is rendered."""
    if not _enabled:
        return output
    return add_policy(output, page_components.components(page.meta))


@event_priority(-90)
def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """MkDocs event: theme templates written as pages (404.html; not sitemap.xml).

    Such a page has no Markdown, hence no component: the strictest policy.
    """
    if _enabled and template_name.endswith(".html"):
        return add_policy(output_content)
    return output_content
