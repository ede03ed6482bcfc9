"""End-to-end fixtures: build the site once, serve it under a GitHub Pages-like sub-path on
loopback, and drive it with Debian's Chromium through Playwright (``visit``: a page in one
shared profile whose caches stay warm; ``first_visit``: a new context with an empty cache), or
with each of Chromium, Firefox ESR and WebKitGTK in turn (``engine_page``, tests/e2e/engines.py).

Every page a test opens records its requests and uncaught errors; a test that lets the page
reach any other origin, or raise an error, fails. Every test here is marked ``browser``
(``make check`` leaves them out; tests/conftest.py marks them).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
)

from harness.js_coverage import recording
from harness.local_server import SUB_PATH, serve
from scripts.browser import CHROMIUM, CHROMIUM_ARGS
from sitebuild.content_hash import HASHED_ROOT
from sitebuild.engine_snapshot import SNAPSHOT_NAME
from tests.pages import LANGS

from .engines import ENGINES, EnginePage, PlaywrightPage, WebKitPage, launch_firefox, xvfb
from .waits import expect_engine_ready

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session", autouse=True)
def js_coverage() -> Iterator[None]:
    """With WEGO_JS_COVERAGE=<folder> (`make coverage`), Chromium's coverage of the site's
    scripts over the whole run (harness/js_coverage.py); without it, nothing."""
    folder = os.environ.get("WEGO_JS_COVERAGE")
    if not folder:
        yield
        return
    with recording(Path(folder)):
        yield


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


def snapshot_file(site_dir: Path) -> Path:
    """The engine's memory snapshot in a built site (its folder is content-addressed)."""
    (found,) = (site_dir / HASHED_ROOT).glob(f"*/engine/{SNAPSHOT_NAME}")
    return found


@contextmanager
def served_with_a_corrupt_snapshot(built_site: Path, workdir: Path) -> Iterator[Site]:
    """A copy of the built site whose snapshot has flipped bytes, on its own server: the
    worker must notice (checksum, restore or self-check) and start from the wheel instead.
    Any driver can open it, unlike a request rewritten by one driver's routing."""
    copy = workdir / "site"
    shutil.copytree(built_site, copy)
    target = snapshot_file(copy)
    data = bytearray(target.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 64):
        data[offset] ^= 0xFF
    target.write_bytes(bytes(data))
    with serve(copy) as origin:
        yield Site(origin, copy)


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless, with background networking off."""
    instance = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield instance
    instance.close()


@pytest.fixture(scope="session")
def firefox(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Debian's Firefox ESR, launched once for every test that needs it (each opens its own
    context): a launch costs seconds of both cores."""
    instance = launch_firefox(playwright, tmp_path_factory.mktemp("firefox-home"))
    yield instance
    instance.close()


@dataclass
class Visit:
    """A browser page plus every URL it requested and every console error it logged."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self, origin: str) -> list[str]:
        return foreign_urls(self.requests, origin)


def foreign_urls(urls: Iterable[str], origin: str | Sequence[str]) -> list[str]:
    """The URLs that left the site's ``origin`` (or every one of several origins the test
    served); data:, blob: and about: stay in the page."""
    origins = [origin] if isinstance(origin, str) else list(origin)
    allowed = (*(o + "/" for o in origins), "data:", "blob:", "about:")
    return [url for url in urls if not url.startswith(allowed)]


def record_page(page: Page) -> Visit:
    """``page`` with every URL it requests and every uncaught error it raises recorded."""
    record = Visit(page)
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("pageerror", lambda error: record.errors.append(str(error)))
    return record


#: Checks a fixture hands to the end of its test's call (``stays_home``), run as part of the test.
_AFTER_THE_TEST = pytest.StashKey[list[Callable[[], None]]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a test's own body, the checks its fixtures asked for: part of the test, so a page
    that left the site or raised an error fails that test, and teardown only cleans up."""
    result = yield
    for check in item.stash.get(_AFTER_THE_TEST, []):
        check()
    return result


def stays_home(
    request: pytest.FixtureRequest, name: str, requests, errors, origin: str | Sequence[str]
) -> None:
    """Fail ``request``'s test if, by its end, a request it made (``requests()``) left
    ``origin`` (a list is read at the end: origins the test added count) or the page raised an
    uncaught error (``errors()``)."""

    def check() -> None:
        assert foreign_urls(requests(), origin) == [], f"{name}: requests left the site's origin"
        assert errors() == [], f"{name}: uncaught errors in the page"

    request.node.stash.setdefault(_AFTER_THE_TEST, []).append(check)


def record_stays_home(request: pytest.FixtureRequest, record: Visit, origin: str) -> None:
    """``stays_home`` for what ``record`` sees from now on."""
    seen_requests, seen_errors = len(record.requests), len(record.errors)
    stays_home(
        request,
        "the page",
        lambda: record.requests[seen_requests:],
        lambda: record.errors[seen_errors:],
        origin,
    )


@pytest.fixture(scope="session")
def returning_browser(
    playwright: Playwright, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    """Debian's Chromium with a profile on disk, shared by the tests that open pages in it
    (``visit``). Its HTTP cache and compiled-code cache stay warm from test to test, like a
    returning reader's browser: measured here, a page opens in 0.35 s and 0.6 CPU-seconds
    instead of 0.7 s and 1.3 in a new context, and the engine starts in 1.4 s and 2.2 instead
    of 1.9 s and 3.5 (a new context keeps no compiled WebAssembly)."""
    context = playwright.chromium.launch_persistent_context(
        tmp_path_factory.mktemp("chromium-profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        locale="ru-RU",
        service_workers="block",
    )
    yield context
    context.close()


#: What a test may leave behind in the shared profile, emptied after each test for every
#: origin it visited (its HTTP cache is kept on purpose).
SITE_DATA = "cookies,local_storage,indexeddb,cache_storage,file_systems,service_workers"


@pytest.fixture
def visit(
    request: pytest.FixtureRequest, returning_browser: BrowserContext, site: Site
) -> Iterator[Visit]:
    """A new page in the shared profile (``returning_browser``), with no stored data from any
    earlier test: for tests about what a page shows and does. Fails the test if the page
    contacted another origin or raised an error. Tests about a first visit (downloads,
    progress, what a page fetches) use ``first_visit``."""
    record = record_page(returning_browser.new_page())
    record_stays_home(request, record, site.origin)
    yield record
    forget_site_data(returning_browser, record.requests)


def forget_site_data(returning_browser: BrowserContext, requested: Iterable[str]) -> None:
    """Empty the shared profile of what was stored for every origin of ``requested`` (its
    HTTP cache is kept on purpose) and of permissions, and close its pages (a worker still
    downloading ends here): what ``visit`` and the other users of the profile leave."""
    origins = {"/".join(url.split("/", 3)[:3]) for url in requested if url.startswith("http")}
    pages = returning_browser.pages  # the test's page may be closed by now; any will do
    cdp = returning_browser.new_cdp_session(pages[0] if pages else returning_browser.new_page())
    for origin in sorted(origins):
        cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": SITE_DATA})
    cdp.detach()
    returning_browser.clear_permissions()
    for page in returning_browser.pages:
        page.close()


@pytest.fixture
def first_visit(request: pytest.FixtureRequest, browser: Browser, site: Site) -> Iterator[Visit]:
    """A page in a new browser context: empty cache, no stored data, like a first visit.
    Fails the test if the page contacted another origin or raised an error."""
    context = browser.new_context(locale="ru-RU", service_workers="block")
    record = record_page(context.new_page())
    record_stays_home(request, record, site.origin)
    yield record
    context.close()


@pytest.fixture(scope="session")
def fees_pages(browser: Browser, site: Site) -> Iterator[dict[str, Visit]]:
    """A fees page per language in one context, its engine started once and shared by the
    session's tests that only type into the widget and read what it shows (see
    ``started_fees_page``). Tests about starting, links, navigation, storage or announcements
    open their own page (``visit``)."""
    context = browser.new_context(locale="ru-RU", service_workers="block")
    pages: dict[str, Visit] = {}
    for lang in LANGS:
        record = record_page(context.new_page())
        record.page.goto(site.url(lang, "fees/"))
        record.page.focus("#fee-quote-population")  # the widget starts its engine
        expect_engine_ready(record.page)
        pages[lang] = record
    yield pages
    context.close()


@pytest.fixture
def started_fees_page(
    request: pytest.FixtureRequest, fees_pages: dict[str, Visit], site: Site
) -> Callable[[str], Page]:
    """``started_fees_page(lang)``: the session's started fees page in that language with the
    population, GDP, country and approval year emptied (no result, no error showing); held
    to the request and error rules of ``visit`` for what this test made it do."""
    for record in fees_pages.values():
        record_stays_home(request, record, site.origin)

    def emptied(lang: str) -> Page:
        page = fees_pages[lang].page
        for name in ("population", "gdp", "country", "approval_year"):
            page.fill(f"#fee-quote [name={name}]", "")
        expect(page.locator("#fee-quote-result")).to_be_hidden()
        expect(page.locator('#fee-quote [aria-invalid="true"]')).to_have_count(0)
        return page

    return emptied


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest, site: Site) -> Iterator[EnginePage]:
    """One page in each engine in turn, shared by a module's tests (one start per engine).
    Chromium's is in the shared profile (``returning_browser``), Firefox is the session's
    (``firefox``); WebKitGTK starts here, under its own display."""
    name = request.param
    if name == "chromium":
        # A page in the shared profile: a returning reader's Chromium, like ``visit``'s.
        profile: BrowserContext = request.getfixturevalue("returning_browser")
        chromium = PlaywrightPage(name, profile, site.origin)
        yield chromium
        chromium.close()
        forget_site_data(profile, chromium.requests)
    elif name == "firefox":
        page: EnginePage = PlaywrightPage(name, request.getfixturevalue("firefox"), site.origin)
        yield page
        page.close()
    else:
        with xvfb() as display:
            page = WebKitPage(site.origin, display)
            yield page
            page.close()


@pytest.fixture
def engine_page(request: pytest.FixtureRequest, engine: EnginePage) -> Iterator[EnginePage]:
    """The engine's shared page, held to the request and error rules of ``visit`` for what
    this test made it do; an origin the test allowed (``allow_origin``) is its own."""
    seen_requests, seen_errors = len(engine.requests), len(engine.errors)

    def errors() -> list[str]:
        engine.collect_errors()
        return engine.errors[seen_errors:]

    stays_home(
        request, engine.name, lambda: engine.requests[seen_requests:], errors, engine.origins
    )
    yield engine
    del engine.origins[1:]  # the next test may reach the site's origin only
