"""The three browser engines behind one small API, for the cross-engine tests.

Chromium and Firefox ESR are driven by Playwright (Firefox over WebDriver BiDi), WebKitGTK by
Selenium through WebKitWebDriver, because Playwright's own WebKit build cannot be installed
offline and Debian ships the real thing. A test written against ``EnginePage`` runs unchanged
in all three.

Every engine records what the guarantee of the browser tests needs: each request the page
and its workers make, and each uncaught error in the page. Playwright reports both; for
WebKitGTK, whose WebDriver has no BiDi, the browser goes through a loopback recording proxy
that forwards only the sites' own origins and adds, to every page the browser asks for to show
it, a same-origin script (so the page's Content-Security-Policy stays as it is) that collects
uncaught errors. (A page served from the service worker's kept copy, offline, has no recorder:
the kept copy is the deploy's own bytes.)
"""

from __future__ import annotations

import functools
import http.client
import os
import shutil
import subprocess
import tempfile
import threading
import warnings
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright

from harness.local_server import SHUTDOWN_POLL_S
from scripts.browser import FIREFOX, FIREFOX_PREFS, WEBKIT_BROWSER, WEBKIT_DRIVER

from .timeouts import ENGINE_START, STEP, ms
from .waits import until_true

ENGINES = ("chromium", "firefox", "webkit")

# Visible as a reader sees it: laid out, and not hidden by visibility.
VISIBLE = """(selector) => {
  const el = document.querySelector(selector);
  return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}"""

# The print layout on screen, for an engine whose driver cannot emulate print media: every
# `print` medium of the page's style sheets now applies, every `screen` medium no longer does.
PRINT_RULES_ON_SCREEN = """() => {
  const medium = (text) => text.trim().replace(/^only\\s+/, '');
  const swap = (list) => {
    const media = Array.from(list);
    if (!media.length) { return; }
    const kept = [];
    for (const text of media) {
      const m = medium(text);
      if (m.startsWith('print')) { kept.push(m.replace(/^print/, 'all')); }
      else if (!m.startsWith('screen')) { kept.push(text); }
    }
    list.mediaText = kept.length ? kept.join(', ') : 'not all';
  };
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule.media && rule.cssRules) { swap(rule.media); }
      if (rule.cssRules) { walk(rule.cssRules); }
    }
  };
  for (const sheet of document.styleSheets) {
    swap(sheet.media);
    walk(sheet.cssRules);
  }
}"""


class EnginePage(ABC):
    """One page of one engine: what the cross-engine tests do and read."""

    name: str

    def __init__(self, origin: str) -> None:
        self.origin = origin
        #: The origins the page may reach: the site's, and any a test adds (``allow_origin``).
        self.origins: list[str] = [origin]
        self.requests: list[str] = []
        self.errors: list[str] = []

    def allow_origin(self, origin: str) -> None:
        """Let the page also open another site the test serves (a copy with a flaw), in the
        same running browser instead of a second launch of it."""
        if origin not in self.origins:
            self.origins.append(origin)

    @abstractmethod
    def goto(self, url: str) -> None: ...

    @abstractmethod
    def reload(self) -> None: ...

    @abstractmethod
    def fill(self, selector: str, text: str) -> None:
        """Replace the field's value as typing would (input events fire)."""

    @abstractmethod
    def press(self, selector: str, key: str) -> None: ...

    @abstractmethod
    def click(self, selector: str) -> None: ...

    @abstractmethod
    def evaluate(self, function: str, arg: Any = None) -> Any:
        """Run a JavaScript function expression (it may be async) with one argument."""

    def print_media(self) -> None:
        """Lay the page out as it prints (until the next navigation)."""
        self.evaluate("() => { window.__engineTestPrint = true; }")
        self.emulate_print()

    @abstractmethod
    def emulate_print(self) -> None: ...

    def wait_until(self, function: str, arg: Any = None, timeout: float = STEP) -> Any:
        """Wait until a JavaScript function (it may be async) returns something truthy, checked
        in the page on every frame; return that."""
        value = self.evaluate(until_true(function), [arg, ms(timeout)])
        if not value:
            raise TimeoutError(f"{self.name}: still false after {timeout} s: {function}")
        return value

    def wait_for(self, selector: str, timeout: float = STEP) -> None:
        """Wait until an element matches the selector."""
        self.wait_until("(s) => !!document.querySelector(s)", selector, timeout)

    def wait_for_attribute(
        self, selector: str, name: str, value: str | None = None, timeout: float = STEP
    ) -> str:
        """Wait until the element has the attribute (with that value, if given); return it."""
        found = self.wait_until(
            """([selector, name, value]) => {
                const el = document.querySelector(selector);
                const got = el && el.getAttribute(name);
                return got !== null && got !== undefined && (value === null || got === value)
                    ? [got] : null;
            }""",
            [selector, name, value],
            timeout,
        )
        return str(found[0])

    def attribute(self, selector: str, name: str) -> str | None:
        result = self.evaluate(
            "([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null",
            [selector, name],
        )
        return None if result is None else str(result)

    def text(self, selector: str) -> str:
        """The element's rendered text (innerText), whitespace as a reader sees it."""
        return str(self.evaluate("(s) => document.querySelector(s).innerText", selector))

    def value(self, selector: str) -> str:
        return str(self.evaluate("(s) => document.querySelector(s).value", selector))

    def is_visible(self, selector: str) -> bool:
        return bool(self.evaluate(VISIBLE, selector))

    def clear_storage(self) -> None:
        self.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")

    def collect_errors(self) -> None:  # noqa: B027 (Playwright reports errors as they come)
        """Bring the page's uncaught errors so far into ``errors``."""

    @abstractmethod
    def close(self) -> None:
        """Release the page (and what it runs on)."""


class PlaywrightPage(EnginePage):
    """Chromium or Firefox through Playwright: one page, shared by the tests, in a context of
    its own or in a profile the session shares."""

    def __init__(
        self,
        name: str,
        browser: Browser | BrowserContext,
        origin: str,
        *,
        service_workers: bool = False,
    ) -> None:
        """``browser``: a browser, in which the page gets a context of its own, or a context
        (the session's shared profile, warm caches and all) the page only borrows: closing
        the page leaves it running. ``service_workers``: let the guide's service worker run
        (the offline tests; a context of its own only); other tests block it, so that every
        request they check reaches the server."""
        super().__init__(origin)
        self.name = name
        self.owned = isinstance(browser, Browser)
        if isinstance(browser, Browser):
            self.context: BrowserContext = browser.new_context(
                locale="ru-RU", service_workers="allow" if service_workers else "block"
            )
        else:
            self.context = browser
        self.context.on("request", self._record)
        self.page: Page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.set_default_timeout(ms(STEP))

    def _record(self, request: Any) -> None:
        self.requests.append(request.url)

    def goto(self, url: str) -> None:
        self.page.emulate_media(media="screen")
        self.page.goto(url, wait_until="load")

    def reload(self) -> None:
        self.page.reload(wait_until="load")

    def fill(self, selector: str, text: str) -> None:
        self.page.fill(selector, text)

    def press(self, selector: str, key: str) -> None:
        self.page.press(selector, key)

    def click(self, selector: str) -> None:
        self.page.click(selector)

    def evaluate(self, function: str, arg: Any = None) -> Any:
        return self.page.evaluate(function, arg)

    def emulate_print(self) -> None:
        self.page.emulate_media(media="print")
        if not self.evaluate("() => matchMedia('print').matches"):
            # Firefox over BiDi (Playwright 1.64.1) ignores media emulation: as WebKitGTK.
            self.evaluate(PRINT_RULES_ON_SCREEN)

    def close(self) -> None:
        if self.owned:
            self.context.close()
        else:
            self.context.remove_listener("request", self._record)
            self.page.close()


def launch_firefox(playwright: Playwright, home: Path) -> Browser:
    """Debian's Firefox ESR over WebDriver BiDi (Playwright 1.64.1; 1.65 cannot drive it).

    Its own HOME: Firefox refuses to start as root in a HOME another user owns, which is
    how a CI container runs.
    """
    return playwright.firefox.launch(
        channel="moz-firefox",
        executable_path=FIREFOX,
        headless=True,
        firefox_user_prefs=FIREFOX_PREFS,
        env={**os.environ, "HOME": str(home)},
    )


# ---------------------------------------------------------------------------- WebKitGTK

RECORDER_PATH = "/__engine-test-recorder.js"
RECORDER_JS = b"""window.__engineTestErrors = [];
window.addEventListener("error", (event) => {
  window.__engineTestErrors.push(String(event.message || event.error));
});
window.addEventListener("unhandledrejection", (event) => {
  window.__engineTestErrors.push("unhandled rejection: " + String(event.reason));
});
"""
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"}


class RecordingProxy(ThreadingHTTPServer):
    """A loopback HTTP proxy: records every URL, forwards only the sites' origins (the page's
    ``origins``, a list the page may add to)."""

    daemon_threads = True

    def __init__(self, origins: list[str]) -> None:
        self.origins = origins
        self.requests: list[str] = []
        super().__init__(("127.0.0.1", 0), ProxyHandler)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"


class ProxyHandler(BaseHTTPRequestHandler):
    server: RecordingProxy

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_CONNECT(self) -> None:  # HTTPS to anywhere: recorded and refused
        self.server.requests.append(f"https://{self.path}")
        self.send_error(403, "the tests contact no other host")

    def do_GET(self) -> None:
        url = self.path
        self.server.requests.append(url)
        if not url.startswith(tuple(origin + "/" for origin in self.server.origins)):
            self.send_error(403, "the tests contact no other host")
            return
        path = urlsplit(url).path
        if path == RECORDER_PATH:
            self.reply(200, {"Content-Type": "text/javascript"}, RECORDER_JS)
            return
        target = urlsplit(url)
        upstream = http.client.HTTPConnection(target.hostname or "", target.port, timeout=60)
        query = urlsplit(url).query
        # Asked for as they are: the proxy adds its recorder to the pages' HTML, which it could
        # not do in a gzipped body (the site's server gzips as GitHub Pages does).
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() not in HOP_BY_HOP and k.lower() != "accept-encoding"
        }
        try:
            upstream.request("GET", path + (f"?{query}" if query else ""), headers=headers)
            response = upstream.getresponse()
            body = response.read()
        except OSError:  # the site's server is gone: the browser sees a network failure
            self.close_connection = True
            return
        finally:
            upstream.close()
        kept = {k: v for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP}
        if response.headers.get_content_type() == "text/html" and self.is_page_view():
            body = with_recorder(body)
            kept = {k: v for k, v in kept.items() if k.lower() not in ("content-length", "etag")}
        self.reply(response.status, kept, body)

    do_HEAD = do_GET

    def is_page_view(self) -> bool:
        """A page the browser asked for to show it, not a copy fetched by a script: the
        service worker keeps the deploy's pages checked against their SHA-256, which a page
        with the recorder added would fail."""
        return "text/html" in self.headers.get("Accept", "")

    def refuse(self) -> None:  # the site only reads: anything else is recorded and refused
        self.server.requests.append(self.path)
        self.send_error(405, "the site under test sends nothing")

    do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = refuse

    def reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def with_recorder(html: bytes) -> bytes:
    """The page with the error recorder as the first script of <head>, before the page's own."""
    tag = f'<script src="{RECORDER_PATH}"></script>'.encode()
    head = html.find(b"<head>")
    if head < 0:
        return html
    end = head + len(b"<head>")
    policy = html.find(b'<meta http-equiv="Content-Security-Policy"', end)
    if policy >= 0:  # after the policy, which must stay first
        end = html.index(b">", policy) + 1
    return html[:end] + tag + html[end:]


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X display (the first free one), stopped afterwards; yields its name."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        number = b""
        with os.fdopen(read, "rb") as pipe:
            while not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk:
                    raise RuntimeError("Xvfb did not start")
                number += chunk
        yield f":{number.decode().strip()}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def user_namespaces_work() -> bool:
    """Whether WebKit's bubblewrap sandbox can start here (Docker's default seccomp refuses)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    probe = subprocess.run([unshare, "--user", "true"], capture_output=True, check=False)
    return probe.returncode == 0


class WebKitPage(EnginePage):
    """WebKitGTK's MiniBrowser through WebKitWebDriver (Selenium), behind the recording proxy."""

    name = "webkit"

    def __init__(self, origin: str, display: str) -> None:
        # Imported here: only this engine needs Selenium.
        from selenium import webdriver
        from selenium.webdriver.common.proxy import Proxy, ProxyType
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        super().__init__(origin)
        self.proxy = RecordingProxy(self.origins)
        self.requests = self.proxy.requests
        loop = functools.partial(self.proxy.serve_forever, poll_interval=SHUTDOWN_POLL_S)
        threading.Thread(target=loop, daemon=True).start()
        self.scratch = tempfile.TemporaryDirectory(prefix="webkit-")
        options = Options()
        options.binary_location = WEBKIT_BROWSER
        options.add_argument("--automation")
        options.add_argument("--enable-write-console-messages-to-stdout=true")
        options.proxy = Proxy(
            {"proxyType": ProxyType.MANUAL, "httpProxy": self.proxy.address, "noProxy": []}
        )
        env = {**os.environ, "DISPLAY": display, "HOME": self.scratch.name}
        if not user_namespaces_work():
            # Inside an unprivileged container the web process cannot be sandboxed; it only
            # ever loads the site under test.
            env["WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS"] = "1"
        self.log = Path(self.scratch.name) / "webkit.log"
        service = Service(executable_path=WEBKIT_DRIVER, env=env, log_output=str(self.log))
        try:
            with warnings.catch_warnings():
                # Selenium's own WebKitGTK class still passes the address the old way.
                warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
                self.driver = webdriver.WebKitGTK(options=options, service=service)
        except Exception:
            self.stop_proxy()
            raise
        self.driver.set_script_timeout(ENGINE_START + STEP)  # a wait_until runs as one script

    def collect_errors(self) -> None:
        found = self.driver.execute_script(
            "const e = window.__engineTestErrors || []; window.__engineTestErrors = []; return e;"
        )
        self.errors.extend(str(error) for error in found or [])

    def goto(self, url: str) -> None:
        self.collect_errors()
        self.driver.get(url)

    def reload(self) -> None:
        self.collect_errors()
        self.driver.refresh()

    def element(self, selector: str) -> Any:
        """The element, scrolled to the middle of the window as a reader would bring it: at
        the window's edge WebKitWebDriver finds it under Material's sticky header and refuses
        to type into it (element not interactable)."""
        from selenium.webdriver.common.by import By

        element = self.driver.find_element(By.CSS_SELECTOR, selector)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        return element

    def fill(self, selector: str, text: str) -> None:
        element = self.element(selector)
        element.clear()
        if text:  # WebDriver refuses to type nothing
            element.send_keys(text)

    def press(self, selector: str, key: str) -> None:
        from selenium.webdriver.common.keys import Keys

        self.element(selector).send_keys(getattr(Keys, key.upper()))

    def click(self, selector: str) -> None:
        self.element(selector).click()

    def evaluate(self, function: str, arg: Any = None) -> Any:
        script = (
            "const done = arguments[arguments.length - 1];"
            f"Promise.resolve().then(() => ({function})(arguments[0])).then("
            "(value) => done({value}), (error) => done({error: String(error)}));"
        )
        result = self.driver.execute_async_script(script, arg)
        if "error" in result:
            raise RuntimeError(f"webkit: {result['error']}")
        return result.get("value")

    def emulate_print(self) -> None:
        # WebDriver classic has no media emulation: the page's print rules are applied on
        # screen instead (the layout a printout gets, minus page size and margins).
        self.evaluate(PRINT_RULES_ON_SCREEN)

    def close(self) -> None:
        try:
            self.collect_errors()
        finally:
            self.driver.quit()
            self.stop_proxy()

    def stop_proxy(self) -> None:
        self.proxy.shutdown()
        self.proxy.server_close()
        self.scratch.cleanup()
