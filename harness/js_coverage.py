"""Chromium's JavaScript coverage of the site's own scripts during the end-to-end tests, for
`make coverage` (tests/e2e/conftest.py turns it on when WEGO_JS_COVERAGE names a folder).

Every Chromium page gets a CDP session with V8's precise block coverage started
(``Profiler.startPreciseCoverage(callCount=False, detailed=True)``) as it opens, and the
coverage is taken (``Profiler.takePreciseCoverage``) before the page closes, navigates away or
its context or browser closes: after that the page's scripts and their counts are gone. The
tests open pages in many ways (fixtures, contexts of their own, popups), so rather than touch
each, :func:`recording` wraps Playwright's sync API for the run: the methods that make a
context or a page, and those that close or navigate one. Outside `make coverage` nothing is
wrapped and nothing is paid. Dedicated workers (the fee engine's) are separate V8 isolates
that a page's session does not see: their scripts are not measured.

The result, one JSON file per test process, holds for each script URL of the site's own
(``assets/v/<hash>/``) its length and the spans that ran (harness/v8_coverage.py), merged
over every page that loaded it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, BrowserType, CDPSession, Error, Page

from harness.v8_coverage import Spans, executed_spans, merge_spans, source_path_for_url

__all__ = ["JsCoverageRecorder", "recording"]


class JsCoverageRecorder:
    """Starts coverage in each page it is shown and keeps what ran in the site's scripts."""

    def __init__(self) -> None:
        self._sessions: dict[Page, CDPSession] = {}
        #: Script URL -> (its length in UTF-16 units, the spans that ran).
        self.scripts: dict[str, tuple[int, Spans]] = {}

    def watch(self, context: BrowserContext) -> None:
        """Measure every page of ``context``, those it has and those it will open."""
        context.on("page", self.start)
        for page in context.pages:
            self.start(page)

    def start(self, page: Page) -> None:
        if page in self._sessions or page.is_closed():
            return
        try:
            session = page.context.new_cdp_session(page)
        except Error:  # not Chromium (a persistent context does not say which browser it is)
            return
        session.send("Profiler.enable")
        session.send("Profiler.startPreciseCoverage", {"callCount": False, "detailed": True})
        self._sessions[page] = session

    def take(self, page: Page) -> None:
        """Keep what ran in ``page`` so far (a page can be taken again later)."""
        session = self._sessions.get(page)
        if session is None:
            return
        try:
            result = session.send("Profiler.takePreciseCoverage")["result"]
        except Error:  # the page or its target is already gone: nothing left to take
            self._sessions.pop(page, None)
            return
        for script in result:
            url = script["url"]
            if source_path_for_url(url) is None:
                continue
            length, spans = executed_spans(script["functions"])
            _, earlier = self.scripts.get(url, (length, []))
            self.scripts[url] = (length, merge_spans(earlier, spans))

    def take_all(self, context: BrowserContext) -> None:
        for page in context.pages:
            self.take(page)

    def take_last(self, page: Page) -> None:
        """Keep what ran in ``page``, which is about to close."""
        self.take(page)
        self._sessions.pop(page, None)

    def write(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        scripts = {
            url: {"length": length, "ran": [list(span) for span in spans]}
            for url, (length, spans) in sorted(self.scripts.items())
        }
        target.write_text(json.dumps({"scripts": scripts}, indent=1) + "\n", encoding="utf-8")


def _wrap(owner: type, name: str, make: Callable[[Callable[..., Any]], Callable[..., Any]]) -> Any:
    original = getattr(owner, name)
    setattr(owner, name, make(original))
    return original


@contextmanager
def recording(folder: Path) -> Iterator[JsCoverageRecorder]:
    """For the duration, measure every Chromium page Playwright opens; then write
    ``<folder>/e2e-<process>.json`` (one file per pytest-xdist worker)."""
    recorder = JsCoverageRecorder()

    def made_context(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(self: Browser | BrowserType, *args: Any, **kwargs: Any) -> Any:
            context = original(self, *args, **kwargs)
            browser_type = self if isinstance(self, BrowserType) else self.browser_type
            if browser_type.name == "chromium":
                recorder.watch(context)
            return context

        return wrapper

    def made_page(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(self: BrowserContext, *args: Any, **kwargs: Any) -> Any:
            page = original(self, *args, **kwargs)
            browser = self.browser
            if browser is None or browser.browser_type.name == "chromium":
                recorder.start(page)  # now, before the caller loads anything into it
            return page

        return wrapper

    def taken_first(take: Callable[[Any], None]) -> Callable[[Callable[..., Any]], Any]:
        def make(original: Callable[..., Any]) -> Callable[..., Any]:
            def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
                take(self)
                return original(self, *args, **kwargs)

            return wrapper

        return make

    def take_browser(browser: Browser) -> None:
        for context in browser.contexts:
            recorder.take_all(context)

    wrapped = [
        (Browser, "new_context", made_context),
        (BrowserType, "launch_persistent_context", made_context),
        (BrowserContext, "new_page", made_page),
        (Page, "close", taken_first(recorder.take_last)),
        (Page, "goto", taken_first(recorder.take)),
        (Page, "reload", taken_first(recorder.take)),
        (BrowserContext, "close", taken_first(recorder.take_all)),
        (Browser, "close", taken_first(take_browser)),
    ]
    originals = [(owner, name, _wrap(owner, name, make)) for owner, name, make in wrapped]
    try:
        yield recorder
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        recorder.write(folder / f"e2e-{worker}.json")
