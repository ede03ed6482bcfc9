"""In a browser: Material's interface fits the page's language and asks for nothing missing.

* The one 404 page, served like GitHub Pages serves it (for any missing path) and under a
  sub-path other than the configured one, is styled, links within that sub-path, and takes the
  address's language for its ``lang``, title and interface.
* The Russian home page's heading keeps its ¶ anchor on the heading's last line at 1280 px.

That no page requests ``sitemap.xml`` (Material fetched ``<page>/sitemap.xml`` for every
``<link rel="alternate">``: two 404s per page) is checked on the tour of every page in
tests/e2e/test_guarantees.py.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from harness.local_server import SHUTDOWN_POLL_S

ELSEWHERE = "/elsewhere/"
CYRILLIC = re.compile("[А-Яа-яЁё]")
ENGLISH_INTERFACE = re.compile(r"\b(Search|Switch to|Back to top|Skip to|Page not found)\b")
#: Interface text the page shows outside its bilingual content: hidden elements excluded.
INTERFACE_TEXT = """() => {
  const shown = (element) => !element.closest("[hidden]") || element.matches(".md-top");
  const texts = [document.title];
  for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
    if (shown(element) && !element.closest("[data-wego-404]")) {
      texts.push(element.getAttribute("aria-label") || element.title || element.placeholder);
    }
  }
  for (const element of document.querySelectorAll("header a, .md-top")) {
    if (shown(element)) texts.push(element.textContent.trim());
  }
  return texts.filter(Boolean);
}"""


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Files under ELSEWHERE; any missing path gets 404.html with status 404, as on Pages."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        inside = clean[len(ELSEWHERE) - 1 :] if clean.startswith(ELSEWHERE) else "/__outside__"
        return super().translate_path(inside)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        """Quiet."""


@pytest.fixture(scope="module")
def elsewhere(built_site: Path) -> Iterator[str]:
    """The built site served at another sub-path than the configured one; yields its URL."""
    handler = functools.partial(PagesLikeHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    loop = functools.partial(server.serve_forever, poll_interval=SHUTDOWN_POLL_S)
    threading.Thread(target=loop, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{ELSEWHERE}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def page_elsewhere(browser: Browser, elsewhere: str) -> Iterator[tuple[Page, list[str]]]:
    """A page with its requests recorded; every one must stay under the served sub-path."""
    context = browser.new_context(locale="ru-RU", service_workers="block")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, requests
    context.close()
    assert [url for url in requests if not url.startswith(elsewhere)] == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("missing", "lang", "title", "h1"),
    [
        ("no-such-page/", "ru", "Страница не найдена — Членство в WeGO", "Страница не найдена"),
        ("en/no-such-page/", "en", "Page not found — WeGO membership guide", "Page not found"),
    ],
)
def test_404_fits_its_address_under_another_sub_path(
    page_elsewhere, elsewhere, missing, lang, title, h1
):
    """lang, title, heading order and interface follow the address; styles and links work."""
    page, requests = page_elsewhere
    response = page.goto(elsewhere + missing)
    assert response is not None
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.title() == title
    assert page.locator("article h1").inner_text() == h1
    assert page.locator("article h1").evaluate("h => h.closest('[lang]').lang") == lang
    header_position = page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position"
    )
    assert header_position == "sticky", "Material's stylesheet did not load from the sub-path"
    home = page.locator(f"section[lang={lang}] a").first.evaluate("a => a.href")
    assert home == elsewhere + ("en/" if lang == "en" else "")
    interface = page.evaluate(INTERFACE_TEXT)
    assert interface
    if lang == "ru":
        assert [t for t in interface if ENGLISH_INTERFACE.search(t)] == []
    else:
        assert [t for t in interface if CYRILLIC.search(t)] == []
    assert not any("404" in url and "assets" in url for url in requests)


@pytest.mark.browser
def test_russian_home_heading_keeps_its_anchor_on_its_last_line(visit, site):
    """At 1280 px the H1's ¶ sits on the same line as the heading's last word."""
    visit.page.set_viewport_size({"width": 1280, "height": 800})
    visit.page.goto(site.url("ru"))
    lines = visit.page.evaluate(
        """() => {
          const h1 = document.querySelector("article h1");
          const anchor = h1.querySelector(".headerlink");
          const range = document.createRange();
          range.setStart(h1.firstChild, h1.firstChild.length - 1);
          range.setEnd(h1.firstChild, h1.firstChild.length);
          return [range.getBoundingClientRect().top, anchor.getBoundingClientRect().top];
        }"""
    )
    last_letter_top, anchor_top = lines
    assert abs(last_letter_top - anchor_top) < 8
