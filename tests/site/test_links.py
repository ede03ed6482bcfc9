"""Every link in the built site resolves when it is served under a sub-path, in both languages.

A focused checker on the standard library's ``html.parser`` reads every built HTML file and
resolves each ``<a href>``, ``<link href>``, ``<script src>``, ``<img src>``, ``<source src>``,
``<iframe src>`` and ``<form action>`` against the page's address under the GitHub Pages-like
sub-path: the file must exist in the build (a folder needs its ``index.html``), a
``#fragment`` must be an ``id`` (or ``<a name>``) in the target page, and nothing may point
at the domain root outside the sub-path. The sitemap's addresses and the search index's
locations are checked the same way. External links are never fetched (there is no network
here, and the site must not depend on one): they are collected, must be well-formed, and must
equal the committed list in ``external_links.txt``, so a new one is a reviewed change.

(LinkChecker from PyPI was considered: it checks by fetching over HTTP, so it needs a server
and careful settings to stay offline, its anchor check is a plugin with limited fragment
support, and it would add several locked dependencies; what the site needs is this small.)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from harness.local_server import SUB_PATH

EXTERNAL_LIST = Path(__file__).with_name("external_links.txt")
#: The address the test build is given (tests/conftest.py): links to it are internal.
SITE_ORIGIN = "https://example.github.io"
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "form": "action",
}
HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.IGNORECASE)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"\+?[0-9][0-9 ()-]{4,}[0-9]")


@dataclass
class Page:
    """One built HTML file: the links it makes and the ids it offers."""

    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)
    ids: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and attribute in values:
            self.page.links.append((tag, values[attribute].strip()))


def parse(path: Path) -> Page:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.page


def page_address(site: Path, path: Path) -> str:
    """Where the file is served: ``…/fees/index.html`` is ``<origin>/<sub-path>/fees/``."""
    relative = path.relative_to(site).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return SITE_ORIGIN + SUB_PATH + relative


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel"):
        return True
    return parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != SITE_ORIGIN


def well_formed(url: str) -> bool:
    """A usable http(s), mailto or tel address (checked by its shape, never fetched)."""
    if any(c.isspace() for c in url) or not url.isprintable():
        return False
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        host = parts.hostname or ""
        labels = host.split(".")
        return (
            len(labels) >= 2
            and all(HOST_LABEL.fullmatch(label) for label in labels)
            and not labels[-1].isdigit()
            and parts.username is None
            and parts.port is None
        )
    if parts.scheme == "mailto":
        address = unquote(parts.path)
        return all(EMAIL.fullmatch(a.strip()) for a in address.split(",")) and bool(address)
    if parts.scheme == "tel":
        return bool(PHONE.fullmatch(unquote(parts.path)))
    return False


@dataclass
class Report:
    """What the checker found across the whole build."""

    pages: int = 0
    links: int = 0
    broken: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)


class _Site:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._pages: dict[Path, Page] = {}

    def page(self, path: Path) -> Page:
        if path not in self._pages:
            self._pages[path] = parse(path)
        return self._pages[path]

    def target(self, url: str) -> Path | None:
        """The built file an internal address is served from, if any."""
        path = unquote(urlsplit(url).path)
        if not path.startswith(SUB_PATH):
            return None
        rest = path[len(SUB_PATH) :]
        if rest.startswith("/") or "//" in rest:
            return None  # an empty path segment: a typo, and not the same page
        relative = PurePosixPath(rest)
        if ".." in relative.parts:
            return None
        candidate = self.root.joinpath(*relative.parts)
        if path.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def check(self, where: str, base: str, url: str, report: Report) -> None:
        report.links += 1
        if url.startswith(("data:", "blob:")):
            return
        absolute = urljoin(base, url)
        if is_external(absolute):
            report.external.add(absolute)
            if not well_formed(absolute):
                report.broken.append(f"{where}: malformed external link {url!r}")
            return
        if not absolute.startswith(SITE_ORIGIN + SUB_PATH):
            report.broken.append(f"{where}: {url!r} leaves the sub-path ({absolute})")
            return
        target = self.target(absolute)
        if target is None:
            report.broken.append(f"{where}: {url!r} -> no such file ({absolute})")
            return
        fragment = unquote(urlsplit(absolute).fragment)
        if fragment and target.suffix == ".html" and fragment not in self.page(target).ids:
            report.broken.append(f"{where}: {url!r} -> no id {fragment!r} in {target.name}")


def check_site(root: Path) -> Report:
    """Check every link of every built page, the sitemap and the search index."""
    site = _Site(root)
    report = Report()
    for path in sorted(root.rglob("*.html")):
        where = path.relative_to(root).as_posix()
        base = page_address(root, path)
        report.pages += 1
        for tag, url in site.page(path).links:
            site.check(f"{where} <{tag}>", base, url, report)
    sitemap = root / "sitemap.xml"
    if sitemap.is_file():
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")):
            # The build's site_url is the test address, so every <loc> must be one of its pages.
            site.check("sitemap.xml", SITE_ORIGIN + SUB_PATH, loc.strip(), report)
    index = root / "search" / "search_index.json"
    if index.is_file():
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            site.check("search_index.json", SITE_ORIGIN + SUB_PATH, doc["location"], report)
    return report


def committed_external_links() -> list[str]:
    lines = EXTERNAL_LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def report(built_site: Path) -> Report:
    return check_site(built_site)


def test_every_internal_link_and_anchor_resolves_under_the_sub_path(report, record_property):
    """Each href/src/action of every page (and the sitemap, search index) reaches a real target."""
    record_property("pages_checked", report.pages)
    record_property("links_checked", report.links)
    record_property("broken_links", len(report.broken))
    assert report.pages >= 18
    assert report.links > 500
    assert report.broken == [], "\n".join(report.broken)


def test_external_links_are_the_committed_list(report):
    """The site's external links, sorted and unique, are exactly tests/site/external_links.txt."""
    committed = committed_external_links()
    assert committed == sorted(set(committed)), "keep external_links.txt sorted and unique"
    assert sorted(report.external) == committed, (
        "external links changed: review them and update tests/site/external_links.txt"
    )


def test_external_links_are_well_formed():
    """Each committed external link is a well-formed http(s), mailto or tel address."""
    bad = [url for url in committed_external_links() if not well_formed(url)]
    assert bad == []


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.we-gov.org", True),
        ("http://wego.ulregion.ru/path?x=1#y", True),
        ("mailto:secretariat@we-gov.org", True),
        ("tel:+82-2-720-2939", True),
        ("tel:+82 2 720 2939", False),
        ("https://exa mple.org", False),
        ("https://localhost", False),
        ("https://-bad-.org", False),
        ("http://10.0.0.1", False),
        ("https://user@example.org", False),
        ("mailto:not-an-address", False),
        ("tel:call-us", False),
        ("ftp://example.org", False),
        ("javascript:alert(1)", False),
    ],
)
def test_the_shape_check_tells_good_from_bad(url, ok):
    """well_formed() accepts usable addresses and rejects broken or unsafe ones."""
    assert well_formed(url) is ok


def test_the_checker_finds_broken_links_and_anchors(tmp_path):
    """A missing page, a missing anchor and a root-absolute link are all reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"></p><a href="../b/">b</a><a href="#here">ok</a><a href="#gone">x</a>'
        '<a href="/assets/x.css">root</a><a href="../a/#here">ok</a>'
        '<img src="../missing.png"><a href="https://www.we-gov.org">w</a>',
        encoding="utf-8",
    )
    found = check_site(tmp_path)
    assert len(found.broken) == 4, found.broken
    assert found.external == {"https://www.we-gov.org"}
