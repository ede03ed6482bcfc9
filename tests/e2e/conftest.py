"""End-to-end fixtures: build the site once, serve it under a GitHub Pages-like sub-path on
loopback, and drive it with Debian's Chromium through Playwright.

Every page a test opens records its requests; a test that lets the page reach any other
origin fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from harness.local_server import SUB_PATH, serve
from scripts.browser import CHROMIUM, CHROMIUM_ARGS
from tests.pages import LANGS

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Site:
    """The served site: its base URL (with the sub-path) and its files."""

    origin: str
    directory: Path

    @property
    def base(self) -> str:
        return self.origin + SUB_PATH

    def url(self, lang: str, slug: str = "", query: str = "") -> str:
        return f"{self.base}{LANGS[lang]}{slug}{query}"


@pytest.fixture(scope="session")
def site(built_site: Path) -> Iterator[Site]:
    """The built site on a loopback port under the GitHub Pages-like sub-path."""
    with serve(built_site) as origin:
        yield Site(origin, built_site)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless, with background networking off."""
    instance = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield instance
    instance.close()


@dataclass
class Visit:
    """A browser page plus every URL it requested and every console error it logged."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self, origin: str) -> list[str]:
        allowed = (origin + "/", "data:", "blob:", "about:")
        return [url for url in self.requests if not url.startswith(allowed)]


@pytest.fixture
def visit(browser: Browser, site: Site) -> Iterator[Visit]:
    """A fresh browser context; fails the test if the page contacted another origin."""
    context = browser.new_context(locale="ru-RU", service_workers="block")
    page = context.new_page()
    record = Visit(page)
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("pageerror", lambda error: record.errors.append(str(error)))
    yield record
    foreign, errors = record.foreign_requests(site.origin), list(record.errors)
    context.close()  # requests a test held open fail now; that is not the page's fault
    assert foreign == [], "requests left the site's origin"
    assert errors == [], "uncaught errors in the page"
