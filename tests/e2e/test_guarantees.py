"""Site-wide guarantees, proven in Chromium on every page in both languages, along one tour of
the whole site per language (one page in the shared profile, a returning reader's browser;
every page opened once).

1. Accessibility: axe-core finds no WCAG 2.2 AA violation on any page: each page with every
   rule in the light scheme in one language and with the colour rules in the dark scheme
   (chosen with Material's palette option) in the other, alternating page by page (both
   languages' pages are the same markup; tests/site/test_built_site.py), the fees page with
   a result and with an error showing too; every page opens (200 under the sub-path),
   declares its language and has one H1. The keyboard reaches every control of the fees,
   cities and application pages in order, with a visible focus the sticky header never hides
   (each page in one language: the order and focus styles are the same markup and CSS in both).
2. Privacy: touring every page and using the widget and the form (the form in one language:
   what it stores and sends does not depend on the language) requests nothing from any other
   host, sends nothing (GET only, nothing typed in a URL), sets no cookie and keeps
   nothing in the browser but the form's draft (and Material's colour-scheme preference). Each
   page loads only the scripts of the components it shows, only the fees page downloads the
   engine, and no page asks for a sitemap.xml.
3. Content security policy: the same tour raises no CSP violation, and every built page
   carries the policy, with hashes that match its inline scripts.
5. Hostile input: a sample of the shared corpus (a value of every kind) typed into the
   widget's fields (half on each language's page): the engine's coded error in the page's
   language each time, and nothing typed ever becomes markup or runs (that no script writes
   markup at all is ESLint's rule).

(Links, the engine and CLI part of 5 (the whole corpus, in CPython and inside Pyodide), and
reproducible builds are tested in tests/site and tests/calculator.) Metrics go into
``record_property`` for scripts/quality_report.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from calculator import Language, answer
from harness.hostile_inputs import CORPUS, XSS_FLAG, HostileInput, typeable
from hooks.csp import inline_script_hashes
from tests.pages import LANGS, SLUGS

from .axe import COLOUR_RULES, axe_violations
from .conftest import Site, foreign_urls, forget_site_data
from .timeouts import STEP, ms
from .waits import expect_engine_ready, until_true

pytestmark = pytest.mark.browser

#: The one page Material writes outside the Markdown pages (GitHub Pages serves it for 404s).
EXTRA_PAGES = ("404.html",)
#: What the site may keep in localStorage: the application form's draft ("wego-…" keys) and
#: Material's remembered colour scheme ("<site path>.__palette").
ALLOWED_STORAGE = re.compile(r"^(wego-[a-z0-9-]+|/[^ ]*\.__palette)$")
#: A value typed into the application form; no request may ever carry it.
TYPED_MARKER = "Zyzzyva-Marker-4711"
#: The pages whose article the keyboard is walked through, per language: each page once, the
#: languages alternating (Tab order and focus styles do not depend on the language).
KEYBOARD_PAGES = {"ru": ("fees/", "application/"), "en": ("cities/",)}
#: script URL (the scripts live in a content-addressed folder, assets/v/<hash>/) -> the pages
#: (slugs) whose components use it.
COMPONENT_SCRIPTS = {
    r"/assets/v/[0-9a-f]+/javascripts/fee-quote\.mjs$": {"fees/"},
    r"/assets/v/[0-9a-f]+/javascripts/application/form\.mjs$": {"application/"},
    r"/assets/v/[0-9a-f]+/javascripts/multi-quote\.mjs$": {"cities/"},
}
#: The one page that starts the engine on arrival (the cities page starts it only once the
#: reader turns to its form).
ENGINE_PAGES = {"fees/"}

# Recorded in every document before any of its scripts run: CSP violations, sent to Python.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__wegoCspViolation({
    page: location.href, directive: event.effectiveDirective, blocked: event.blockedURI,
    source: event.sourceFile, line: event.lineNumber, sample: event.sample,
  });
}, true);
"""


def page_urls(site: Site, lang: str) -> list[str]:
    """Every page of one language; the 404 page goes with Russian, the language of its address.

    (One 404.html serves every missing address; at load it takes the language of the address it
    is shown at, and /404.html itself is a Russian address. tests/e2e/test_interface_language.py
    opens it at addresses in both languages.)
    """
    urls = [site.url(lang, slug) for slug in SLUGS]
    if lang == "ru":
        urls += [site.base + extra for extra in EXTRA_PAGES]
    return urls


def slug_of(site: Site, lang: str, url: str) -> str | None:
    """The page's slug, or None for a page outside the Markdown pages (the 404 page)."""
    prefix = site.url(lang)
    rest = url[len(prefix) :] if url.startswith(prefix) else None
    return rest if rest in SLUGS else None


@dataclass
class Tour:
    """One browser context and everything its pages did."""

    context: BrowserContext
    page: Page
    origin: str
    requests: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp: list[dict[str, Any]] = field(default_factory=list)
    console_csp: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    #: Per page: the URLs requested while it loaded (until its load event).
    loaded: dict[str, list[str]] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)

    def foreign(self) -> list[str]:
        return foreign_urls((url for _, url in self.requests), self.origin)

    def goto(self, url: str) -> None:
        before = len(self.requests)
        response = self.page.goto(url, wait_until="load")
        assert response is not None, url
        assert response.status == 200, url
        self.pages.append(url)
        self.loaded[url] = [address for _, address in self.requests[before:]]


@contextmanager
def tour(returning_browser: BrowserContext, site: Site) -> Iterator[Tour]:
    """A new page in the shared profile (``returning_browser``: a returning reader's warm
    caches; no stored data, which every user of the profile empties after itself), recording
    requests (pages and workers), errors and CSP violations until the tour ends."""
    context = returning_browser
    page = context.new_page()
    page.emulate_media(color_scheme="light")
    record = Tour(context, page, site.origin)

    def on_request(request: Any) -> None:
        record.requests.append((request.method, request.url))

    context.on("request", on_request)
    page.on("pageerror", lambda error: record.errors.append(str(error)))

    def on_console(message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            record.console_csp.append(message.text)

    page.on("console", on_console)
    page.expose_function("__wegoCspViolation", lambda violation: record.csp.append(violation))
    page.add_init_script(CSP_LISTENER)
    try:
        yield record
    finally:
        context.remove_listener("request", on_request)
        forget_site_data(context, [url for _, url in record.requests])


def listing(found: dict[str, Any]) -> str:
    """Violations by page, one line each, for an assertion message."""
    return "\n".join(
        f"{where}: {v['id']} ({v['impact']}) {v['help']}: {', '.join(v['targets'])}"
        for where, violations in found.items()
        for v in violations
    )


def wait_engine(page: Page) -> None:
    page.focus("#fee-quote-population")  # the widget starts Pyodide when a reader gets there
    expect_engine_ready(page)


def show_result(page: Page, lang: str) -> None:
    population, gdp = ("624 518", "47 404,96") if lang == "ru" else ("624,518", "47,404.96")
    page.fill("#fee-quote-population", population)
    page.fill("#fee-quote-gdp", gdp)
    page.press("#fee-quote-gdp", "Enter")
    expect(page.locator("#fee-quote-result")).to_have_attribute("data-fee-usd", "7000")


def show_error(page: Page) -> None:
    page.fill("#fee-quote-population", "abc")
    page.press("#fee-quote-population", "Enter")
    expect(page.locator("[data-error-for=population]")).to_have_attribute(
        "data-error-code", "not_a_number"
    )


# ============================================================================================
# 1. Accessibility
# ============================================================================================

#: ``(scheme) => scheme``: once Material shows that colour scheme (the body's palette
#: attribute), that scheme.
SCHEME_SHOWN = until_true(
    "(scheme) => document.body.getAttribute('data-md-color-scheme') === scheme && scheme"
)
#: Material's palette options in mkdocs.yml order (its radio inputs ``#__palette_<index>``):
#: the scheme each sets.
PALETTES = {"light": "default", "dark": "slate"}


@dataclass
class PageChecks:
    """What one scheme's axe runs found, page by page (and on the fees page with a result and
    with an error showing), and the colour scheme each page was shown in."""

    rules: Sequence[str]
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    schemes: dict[str, str | None] = field(default_factory=dict)


#: What the tour reads of every page as it opens, in one round trip: its <html lang>, how many
#: H1 its article has and the colour scheme Material shows.
PAGE_FACTS = """() => ({
  lang: document.documentElement.getAttribute('lang'),
  headings: document.querySelectorAll('article h1').length,
  scheme: document.body.getAttribute('data-md-color-scheme'),
})"""


def schemes_in(lang: str, slug: str | None) -> tuple[str, ...]:
    """The schemes this language's tour checks the page in: each page with every rule in the
    light scheme in one language and with the colour rules in the dark scheme in the other,
    alternating page by page; the 404 page, which only the Russian tour opens, in both.

    One language's run of each is enough: both languages' pages are built from the same
    markup and components, only their text differs (tests/site/test_built_site.py compares
    them), and the text axe judges (names, labels, titles) is in both catalogues
    (tests/test_catalogue_parity.py); the dark palette changes colours and nothing else, so
    the colour rules are what it can newly fail (COLOUR_RULES)."""
    if slug is None:
        return ("light", "dark")
    return ("dark",) if SLUGS.index(slug) % 2 == list(LANGS).index(lang) else ("light",)


@dataclass
class SchemeChecks:
    """The tour's axe runs: every rule in the light scheme, the colour rules in the dark one
    (:func:`schemes_in` says which, page by page); and every page's <html lang> and H1 count."""

    light: PageChecks = field(default_factory=lambda: PageChecks(rules=()))
    dark: PageChecks = field(default_factory=lambda: PageChecks(rules=COLOUR_RULES))
    langs: dict[str, str | None] = field(default_factory=dict)
    headings: dict[str, int] = field(default_factory=dict)

    def of(self, scheme: str) -> PageChecks:
        return self.light if scheme == "light" else self.dark

    @staticmethod
    def show(t: Tour, scheme: str, shown: str | None) -> str:
        """Show the scheme, unless the page does already (``shown``: Material keeps the last
        one chosen for the next page), with Material's own palette option: the code that
        sets, at load, the palette a reader's system preference asks for (Material follows
        the preference only when a page loads, so emulating it would need a second load of
        the page). Returns the scheme now shown."""
        wanted = PALETTES[scheme]
        if shown == wanted:
            return shown
        index = list(PALETTES).index(scheme)
        t.page.evaluate("(index) => document.getElementById(`__palette_${index}`).click()", index)
        return str(t.page.evaluate(SCHEME_SHOWN, [wanted, ms(STEP)]))

    def check_page(self, t: Tour, url: str, schemes: Sequence[str]) -> None:
        facts = t.page.evaluate(PAGE_FACTS)
        self.langs[url] = facts["lang"]
        if not url.endswith(EXTRA_PAGES):  # Material's 404 page has no article heading
            self.headings[url] = facts["headings"]
        shown = facts["scheme"]
        for scheme in schemes:
            shown = self.show(t, scheme, shown)
            checks = self.of(scheme)
            checks.schemes[url] = shown
            checks.axe[url] = axe_violations(t.page, rules=checks.rules)

    def check_fees_state(self, t: Tour, where: str, schemes: Sequence[str]) -> None:
        """axe on the fees page as it stands, in the schemes it was checked in when it
        opened."""
        shown = t.page.locator("body").get_attribute("data-md-color-scheme")
        for scheme in schemes:
            shown = self.show(t, scheme, shown)
            self.of(scheme).axe[where] = axe_violations(t.page, rules=self.of(scheme).rules)


def assert_scheme_passes(checks: SchemeChecks, lang: str, scheme: str) -> None:
    share = [slug for slug in SLUGS if scheme in schemes_in(lang, slug)]
    checked = checks.of(scheme)
    pages = [url for url in checked.schemes if not url.endswith(EXTRA_PAGES)]
    assert len(pages) == len(share), f"every page of the {scheme} share was checked"
    wrong = {url: s for url, s in checked.schemes.items() if s != PALETTES[scheme]}
    assert wrong == {}, f"pages not shown in the {scheme} scheme"
    states = 2 if scheme in schemes_in(lang, "fees/") else 0
    assert len(checked.axe) == len(checked.schemes) + states, "the fees page's states checked"
    found = {where: v for where, v in checked.axe.items() if v}
    assert found == {}, f"axe violations in the {scheme} scheme:\n{listing(found)}"


def test_the_languages_share_the_schemes_page_by_page():
    """Across the two languages' tours every page is checked with every rule in the light
    scheme and with the colour rules in the dark one."""
    for slug in SLUGS:
        shown = sorted(scheme for lang in LANGS for scheme in schemes_in(lang, slug))
        assert shown == ["dark", "light"], slug


def test_every_page_passes_axe_and_declares_its_language(site_tour, record_property):
    """Every page opens (200) with one H1 and <html lang> in its language; axe (WCAG 2.2 AA
    tags) finds nothing on this language's share of the pages with every rule in the light
    scheme (and on the fees page with a quote and with an error showing, where that page is
    in the share), nor on the other share with the colour rules in the dark scheme."""
    lang, t = site_tour
    checks: SchemeChecks = t.notes["checks"]
    record_property("pages", t.pages)
    record_property(
        "axe_violations",
        sum(len(v) for found in (checks.light.axe, checks.dark.axe) for v in found.values()),
    )
    wrong_lang = {url: found for url, found in checks.langs.items() if found != lang}
    assert wrong_lang == {}, "pages whose <html lang> is not their language"
    assert len(checks.langs) == len(t.pages), "every page's language read"
    assert len(checks.headings) == len(SLUGS), "every Markdown page's headings counted"
    assert {url: n for url, n in checks.headings.items() if n != 1} == {}, "pages without one H1"
    assert_scheme_passes(checks, lang, "light")
    assert_scheme_passes(checks, lang, "dark")


# Marks the tab stops the page should offer inside <article>, in DOM order (data-kbd-stop), and
# returns their labels: what a keyboard user must reach.
EXPECTED_STOPS = """
() => {
  const selector = ['a[href]', 'button', 'input', 'select', 'textarea', 'summary', '[tabindex]']
    .map((s) => 'article ' + s).join(', ');
  const labels = [];
  const radioGroups = new Set();
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.tabIndex < 0 || el.closest('[inert]')) continue;
    if (el.type === 'hidden' || !el.getClientRects().length) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    if (el.type === 'radio') {
      if (radioGroups.has(el.name)) continue;
      const group = [...el.form.elements].filter((r) => r.type === 'radio' && r.name === el.name);
      if (el !== (group.find((r) => r.checked) || group[0])) continue;
      radioGroups.add(el.name);
    }
    el.dataset.kbdStop = String(labels.length);
    labels.push(el.tagName + ' ' + (el.id || el.name || el.textContent.trim().slice(0, 30)));
  }
  return labels;
}
"""

# What the keyboard user sees of the element that has focus now, once what Tab set moving
# (Material's search closing, a dropdown opening) has come to rest.
FOCUS_STATE = """
async () => {
  const moving = document.getAnimations().filter(
    (a) => a.playState === 'running' && a.effect.getComputedTiming().endTime !== Infinity);
  const settle = Promise.allSettled(moving.map((a) => a.finished));
  await Promise.race([settle, new Promise((resolve) => setTimeout(resolve, 1000))]);
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const first = el.hasAttribute('data-kbd-first');
  if (!document.querySelector('[data-kbd-first]')) el.setAttribute('data-kbd-first', '');
  const header = document.querySelector('.md-header');
  // The ring may be drawn on the element, on its label, or (Material's palette switch) on the
  // label that follows a visually hidden input; what the reader sees is the first with a size.
  const drawn = [el, ...(el.labels || [])];
  if (el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL') {
    drawn.push(el.nextElementSibling);
  }
  const rects = drawn.map((node) => node.getBoundingClientRect());
  const rect = rects.find((r) => r.width > 1 && r.height > 1) || rects[0];
  const ring = drawn.some((node) => {
    const style = getComputedStyle(node);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== 'none';
  });
  // Hidden under the sticky header: its top edge or its middle is where the header is drawn.
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
  const points = [rect.top + 1, rect.top + rect.height / 2]
    .filter((y) => y >= 0 && y < window.innerHeight);
  const underHeader = !!header && !header.contains(el) && points.some((y) => {
    const hit = document.elementFromPoint(x, y);
    return !!hit && header.contains(hit) && !el.contains(hit);
  });
  const style = getComputedStyle(el);
  return {
    first,
    stop: el.dataset.kbdStop ?? null,
    label: (el.tagName + ' ' + (el.id || el.getAttribute('name') || el.className || '') + ' '
            + (el.textContent || el.value || '').trim().slice(0, 40)).trim(),
    inArticle: !!el.closest('article'),
    top: rect.top, bottom: rect.bottom, width: rect.width, height: rect.height,
    viewport: window.innerHeight,
    ring, underHeader,
    outline: style.outlineStyle + ' ' + style.outlineWidth,
  };
}
"""

NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# Transitions off while the keyboard walks the page, so each check sees where a Tab leaves
# things at once instead of waiting out Material's animations. A constructed style sheet,
# added through the DevTools protocol: the page's Content-Security-Policy stays in force (and
# the tour still fails on any violation), which an injected <style> would break.
MOTION_OFF = """(css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  window.__wegoNoMotion = sheet;
}"""
MOTION_ON = """() => {
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
    (sheet) => sheet !== window.__wegoNoMotion);
  document.activeElement?.blur();
  window.scrollTo(0, 0);
}"""


@dataclass
class KeyboardWalk:
    """Where Tab went on one page: the article's controls expected in DOM order, the ones it
    reached in the order it reached them, and any stop not visibly focused."""

    expected: list[str]
    reached: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    came_round: bool = False


def walk_the_keyboard(t: Tour, slug: str) -> KeyboardWalk:
    """Tab from the top of the page until focus comes back round to where it started."""
    t.page.evaluate(MOTION_OFF, NO_MOTION)
    if slug == "fees/":
        # Its copy and print buttons appear once the engine is up, which starts when the form
        # is in view (focusing it would move where Tab starts from).
        t.page.locator("#fee-quote").scroll_into_view_if_needed()
        expect_engine_ready(t.page)
        t.page.evaluate("window.scrollTo(0, 0)")
    walk = KeyboardWalk(expected=t.page.evaluate(EXPECTED_STOPS))
    for _ in range(600):
        t.page.keyboard.press("Tab")
        state = t.page.evaluate(FOCUS_STATE)
        if state is None or state["first"]:
            walk.came_round = True
            break
        walk.problems += focus_problems(state)
        if state["inArticle"]:
            stop = state["stop"]
            label = (
                f"{stop}: {walk.expected[int(stop)]}" if stop is not None else f"? {state['label']}"
            )
            if (
                not walk.reached or walk.reached[-1] != label
            ):  # date parts: one control, several Tabs
                walk.reached.append(label)
    t.page.evaluate(MOTION_ON)
    return walk


def focus_problems(state: dict[str, Any]) -> list[str]:
    """What is wrong with how the focused element shows, if anything."""
    where = state["label"]
    problems = []
    if state["width"] <= 0 or state["height"] <= 0:
        problems.append(f"{where}: focused but not visible")
    elif state["bottom"] <= 0 or state["top"] >= state["viewport"]:
        problems.append(f"{where}: focused outside the viewport")
    if not state["ring"]:
        problems.append(f"{where}: no focus indicator ({state['outline']})")
    if state["underHeader"]:
        problems.append(f"{where}: hidden under the sticky header")
    return problems


def test_keyboard_reaches_every_control_in_order_with_visible_focus(site_tour):
    """Tab reaches every control in the article in DOM order, each visibly focused, unhidden
    (this language's share of the keyboard pages, walked during the tour)."""
    lang, t = site_tour
    walks: dict[str, KeyboardWalk] = t.notes["keyboard"]
    assert sorted(walks) == sorted(KEYBOARD_PAGES[lang]), "every keyboard page was walked"
    for slug, walk in walks.items():
        assert walk.expected, f"{slug}: no controls found in the article"
        assert walk.came_round, f"{slug}: Tab never came back round to the start of the page"
        assert walk.problems == [], f"{slug}: " + "\n".join(walk.problems)
        in_order = [f"{index}: {label}" for index, label in enumerate(walk.expected)]
        assert walk.reached == in_order, (
            f"{slug}: the article's controls, in the order Tab reached them"
        )


# ============================================================================================
# 2 and 3. Privacy and the content security policy: a tour of the whole site
# ============================================================================================


# Printing is stubbed (a headless print dialog would block) and counted.
STUB_PRINT = "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"


def use_the_widget(t: Tour, lang: str) -> None:
    """Quote (axe checks the page with the result showing, in this language's scheme of the
    fees page), then an error (axe again), then print."""
    t.page.evaluate(STUB_PRINT)
    checks: SchemeChecks = t.notes["checks"]
    wait_engine(t.page)
    show_result(t.page, lang)
    schemes = schemes_in(lang, "fees/")
    checks.check_fees_state(t, "fees page with a result", schemes)
    show_error(t.page)
    checks.check_fees_state(t, "fees page with an error", schemes)
    t.page.click("#fee-quote [data-action=print]")
    t.notes.setdefault("widget", []).append(t.page.evaluate("window.__printed"))


#: The language whose tour uses the application form (the other tour walks it with the
#: keyboard): what the form keeps and sends is the same code in both languages.
FORM_LANG = "en"
#: The form's controls a reader can type into or tick, as they stand before any is filled, in
#: document order (their index among ``FORM_CONTROLS``): one round trip instead of several per
#: control. Read-only mirrors of another field are left out.
FORM_CONTROLS = "article form input, article form textarea, article form select"
TYPEABLE_CONTROLS = f"""() => [...document.querySelectorAll({FORM_CONTROLS!r})]
  .map((el, index) => ({{
    index,
    kind: (el.getAttribute('type') || el.tagName).toLowerCase(),
    shown: el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
    editable: !el.disabled && !el.readOnly,
  }}))
  .filter((c) => c.shown && c.editable)"""
#: Kinds of control typed into as text (an input without a type is a text box).
TEXT_KINDS = ("text", "textarea", "search", "input")
#: What each other kind of text control is filled with (a text one gets the marker and its
#: index).
TYPED = {
    "email": "office@example.org",
    "tel": "+7 842 123 45 67",
    "url": "https://example.org/",
    "month": "2024-05",
}


COUNT = "(selector) => document.querySelectorAll(selector).length"
#: ``([selector, index]) => state``: the button, in one round trip: its markup (which button it
#: is), whether a reader can press it (shown and enabled) and whether it downloads a file.
BUTTON_STATE = """([selector, index]) => {
  const button = document.querySelectorAll(selector)[index];
  if (!button) return null;
  const shown = button.getClientRects().length > 0
    && getComputedStyle(button).visibility !== 'hidden';
  return {
    key: button.outerHTML,
    usable: shown && !button.matches(':disabled'),
    download: button.dataset.action === 'download',
  };
}"""


def use_the_form(t: Tour) -> None:
    """Fill every field of the application form, then press each of its buttons."""
    page = t.page
    page.evaluate(STUB_PRINT)
    page.on("dialog", lambda dialog: dialog.dismiss())
    controls = page.locator(FORM_CONTROLS)
    typeable = page.evaluate(TYPEABLE_CONTROLS)
    filled = 0
    # Boxes first, ticks after: a tick may make a box a read-only mirror of another field.
    for control in typeable:
        kind, index = control["kind"], control["index"]
        if kind in TYPED or kind in TEXT_KINDS:
            controls.nth(index).fill(TYPED.get(kind, f"{TYPED_MARKER} {index}"))
            filled += 1  # leaving it for the next one commits it (its change event)
    for control in typeable:
        if control["kind"] in ("checkbox", "radio"):
            controls.nth(control["index"]).check()
            filled += 1
    # Lists a reader picks from and file inputs are left: picked, not typed.
    # Check, print (which may first list the problems and offer to print anyway), keep a copy,
    # start again (its confirmation is dismissed), then any other button the form has.
    pressed = 0
    order = [
        "button[type=submit]",
        "[data-action=print]",
        "[data-action=print-anyway]",
        "[data-action=download]",
        "[data-action=reset]",
        "button",
    ]
    done: set[str] = set()
    for selector in order:
        found = f"article form {selector}"
        buttons = page.locator(found)
        for index in range(page.evaluate(COUNT, found)):
            state = page.evaluate(BUTTON_STATE, [found, index])  # as it stands now
            if state is None or state["key"] in done or not state["usable"]:
                continue
            done.add(state["key"])
            if state["download"]:
                with page.expect_download() as download:
                    buttons.nth(index).click()
                download.value.path()  # the draft is saved by the browser itself, not sent
            else:
                buttons.nth(index).click()
            pressed += 1
    t.notes["form"] = {
        "filled": filled,
        "pressed": pressed,
        "printed": page.evaluate("window.__printed || 0"),
    }


@pytest.fixture(scope="module", params=list(LANGS))
def site_tour(request, returning_browser, site) -> Iterator[tuple[str, Tour]]:
    """Every page of one language visited once in one browser: each checked by axe as it
    opens, in this language's scheme of it (section 1), this language's keyboard pages
    walked, the widget typed into (section 5) and used, the form used (in FORM_LANG)."""
    lang = request.param
    with tour(returning_browser, site) as t:
        storage: dict[str, list[str]] = {}
        t.notes["checks"] = SchemeChecks()
        t.notes["keyboard"] = {}
        t.notes["form"] = None
        for url in page_urls(site, lang):
            t.goto(url)
            slug = slug_of(site, lang, url)
            t.notes["checks"].check_page(t, url, schemes_in(lang, slug))
            if slug in KEYBOARD_PAGES[lang]:
                t.notes["keyboard"][slug] = walk_the_keyboard(t, slug)
            if slug == "fees/":
                wait_engine(t.page)
                t.notes["hostile"] = type_hostile_values(t, lang)
                use_the_widget(t, lang)
            if slug == "application/" and lang == FORM_LANG:
                use_the_form(t)
            storage[url] = t.page.evaluate("Object.keys(localStorage)")
        t.notes["storage"] = sorted({key for keys in storage.values() for key in keys})
        t.notes["session_storage"] = t.page.evaluate("Object.keys(sessionStorage)")
        t.notes["cookies"] = t.context.cookies()
        t.notes["document_cookie"] = t.page.evaluate("document.cookie")
        yield lang, t


def test_no_request_leaves_the_site_and_nothing_is_sent(site_tour, record_property):
    """Every request of the tour (pages and workers) is a GET to the site's own origin."""
    _, t = site_tour
    record_property("pages_checked", len(t.pages))
    record_property("requests", len(t.requests))
    record_property("foreign_requests", len(t.foreign()))
    assert len(t.pages) >= len(SLUGS)
    assert t.foreign() == [], "requests left the site's origin"
    assert [(m, url) for m, url in t.requests if m != "GET"] == [], "only GET requests"
    assert [url for _, url in t.requests if TYPED_MARKER in url] == [], "typed text sent"
    # Pyodide itself was fetched, so the worker's requests were seen too.
    assert any(url.endswith("pyodide.asm.wasm") for _, url in t.requests)
    assert t.notes["widget"] == [1]
    assert t.errors == []


def test_each_page_loads_only_its_components_scripts_and_no_sitemap(site_tour, site):
    """The fee widget's, the cities form's and the application form's modules load on their
    own pages only; no page but the fees page requests an engine file while it loads; no page
    asks for a sitemap.xml (Material would fetch one per <link rel=alternate>: two 404s a
    page)."""
    lang, t = site_tour
    for url, requested in t.loaded.items():
        slug = slug_of(site, lang, url)
        if slug is None:
            continue
        for script, pages in COMPONENT_SCRIPTS.items():
            loaded = any(re.search(script, address.split("?")[0]) for address in requested)
            assert loaded == (slug in pages), f"{url}: {script} loaded only where it is used"
        engine = [u for u in requested if "/assets/pyodide/" in u or "/engine/" in u]
        if slug not in ENGINE_PAGES:
            assert engine == [], f"{url}: no engine file on a page without the widget"
    assert [url for _, url in t.requests if "sitemap" in url] == [], "a sitemap was requested"


def test_no_cookie_and_only_the_draft_is_stored(site_tour, record_property):
    """No cookie is set; localStorage holds only the form draft and the colour-scheme choice."""
    _, t = site_tour
    record_property("cookies", len(t.notes["cookies"]))
    record_property("storage_keys", t.notes["storage"] + t.notes["session_storage"])
    assert t.notes["cookies"] == []
    assert t.notes["document_cookie"] == ""
    unexpected = [key for key in t.notes["storage"] if not ALLOWED_STORAGE.match(key)]
    assert unexpected == [], f"unexpected localStorage keys: {t.notes['storage']}"
    if t.notes["form"] is not None:  # the tour that used the form
        assert any(key.startswith("wego-") for key in t.notes["storage"]), "no draft kept"


def test_no_page_widget_or_form_action_violates_the_policy(site_tour, record_property):
    """No securitypolicyviolation event and no CSP console message during the whole tour (in
    FORM_LANG's tour, with the application form filled and every button pressed)."""
    lang, t = site_tour
    form = t.notes["form"]
    assert (form is not None) == (lang == FORM_LANG), "the form is used in FORM_LANG's tour"
    record_property("csp_violations", len(t.csp) + len(t.console_csp))
    if form is not None:
        record_property("form_fields_filled", form["filled"])
        record_property("form_buttons_pressed", form["pressed"])
        # The tour really used the form: it filled fields, pressed buttons and printed.
        assert form["filled"] >= 10
        assert form["pressed"] >= 3
        assert form["printed"] >= 1
    assert t.csp == [], "securitypolicyviolation events"
    assert t.console_csp == [], "CSP messages in the console"


REQUIRED_DIRECTIVES = {
    "default-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
}
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_every_built_page_carries_the_policy(built_site: Path):
    """Each HTML file has one CSP meta before anything that loads, hashing its inline scripts."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 2 * len(SLUGS)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site).as_posix()
        policies = META.findall(html)
        assert len(policies) == 1, where
        # Only <meta charset> may come before the policy in <head>.
        before = html[html.index("<head>") + len("<head>") : META.search(html).start()]
        assert re.fullmatch(r'\s*(<meta charset="utf-8">)?\s*', before), where
        directives = dict(
            [*part.split(" ", 1), ""][:2] for part in (d.strip() for d in policies[0].split(";"))
        )
        for name, value in REQUIRED_DIRECTIVES.items():
            assert directives.get(name) == value, (where, name)
        scripts = directives["script-src"].split()
        # No 'wasm-unsafe-eval': Pyodide compiles WebAssembly in its worker, outside this policy.
        assert scripts[:1] == ["'self'"], where
        assert scripts[1:] == inline_script_hashes(html), where
        assert "'unsafe-eval'" not in policies[0], where
        assert "*" not in policies[0], where
        styles = directives["style-src"]
        assert styles == ("'self' 'unsafe-inline'" if 'class="mermaid"' in html else "'self'")


# ============================================================================================
# 5. Hostile input through the page
# ============================================================================================

#: What only the browser can show about hostile input is how the page shows it: the engine's
#: answer to every value of the corpus is proved in CPython and inside Pyodide
#: (tests/calculator/test_hostile_inputs.py, which tests/pyodide runs too), and that no site
#: script ever writes markup (innerHTML and its kin) by ESLint (eslint.config.mjs), for every
#: value. So the page is typed a sample: one value of every kind the corpus has, and of the
#: kinds that would become markup or run if the page ever read typed text as HTML, two that
#: would run (adjacent, so each language's page gets one of each).
_INJECTIONS = {"markup", "script and template injection"}


def _sample(entries: Sequence[HostileInput]) -> list[HostileInput]:
    picked: dict[str, list[HostileInput]] = {}
    for entry in entries:
        chosen = picked.setdefault(entry.what, [])
        if len(chosen) < (2 if entry.what in _INJECTIONS else 1):
            chosen.append(entry)
    return [entry for chosen in picked.values() for entry in chosen]


UI_SAMPLE = _sample([e for e in CORPUS if typeable(e)])

# Snapshot of anything an injected payload would have created.
INJECTED = f"""
() => ({{
  flag: typeof window.{XSS_FLAG},
  elements: document.querySelectorAll(
    'script:not([src]):not([type]), img[src="x"], svg[onload], iframe, details[ontoggle], mglyph'
  ).length,
  formChildren: document.getElementById('fee-quote').querySelectorAll('*').length,
}})
"""

# Forget the last answer's markers, so waiting for the next answer cannot see the last one.
RESET_SLOTS = """
() => {
  for (const slot of document.querySelectorAll('#fee-quote [data-error-for]')) {
    slot.removeAttribute('data-error-code');
  }
  document.getElementById('fee-quote-result').removeAttribute('data-fee-usd');
}
"""

# What the widget shows for one field after an answer; then forgets the answer's markers (as
# RESET_SLOTS), so that waiting for the next answer cannot see this one: one round trip.
ERROR_SLOT = f"""
(field) => {{
  const slot = document.querySelector(`#fee-quote [data-error-for="${{field}}"]`);
  const input = document.querySelector(`#fee-quote [name="${{field}}"]`);
  const shown = {{
    code: slot.dataset.errorCode, text: slot.textContent, children: slot.children.length,
    hidden: slot.hidden, value: input.value, maxlength: input.maxLength,
    invalid: input.getAttribute('aria-invalid'),
    result: document.getElementById('fee-quote-result').hidden,
  }};
  ({RESET_SLOTS.strip()})();
  return shown;
}}
"""

#: ``([field, ms]) => shown``: once the engine has answered (the field's error code, or a fee,
#: set), ERROR_SLOT's reading of it: the wait and the reading in one round trip.
ANSWER_SHOWN = until_true(
    f"""(field) => {{
  const slot = document.querySelector(`#fee-quote [data-error-for="${{field}}"]`);
  const fee = document.getElementById('fee-quote-result').hasAttribute('data-fee-usd');
  return slot.hasAttribute('data-error-code') || fee ? ({ERROR_SLOT.strip()})(field) : null;
}}"""
)

VALID = {"population": "613786", "gdp": "5000"}


def host_answer(lang: str, field_name: str, text: str) -> dict[str, Any]:
    return answer({**VALID, field_name: text}, Language(lang))


@dataclass
class HostileTyping:
    """What typing this language's share of the sample into the widget showed."""

    share: int
    tried: int = 0
    failures: list[str] = field(default_factory=list)
    became_markup: bool = False


def type_hostile_values(t: Tour, lang: str) -> HostileTyping:
    """This page's share of the sample typed into the started widget, each value answered and
    compared with the engine's own answer. The Russian page takes the even values, the English
    page the odd ones; of this page's share the even ones go into population, the odd ones into
    GDP, the other box holding a valid figure meanwhile."""
    baseline = t.page.evaluate(INJECTED)
    share = UI_SAMPLE[list(LANGS).index(lang) :: 2]
    typing = HostileTyping(share=len(share))
    for name, entries in (("population", share[0::2]), ("gdp", share[1::2])):
        other = "gdp" if name == "population" else "population"
        box = t.page.locator(f"#fee-quote [name={name}]")
        shown_error = t.page.locator(f"#fee-quote [data-error-for={name}][data-error-code]")
        # The engine's answer: the error (expected), or a quote (a failure, said below).
        answered = shown_error.or_(t.page.locator("#fee-quote-result[data-fee-usd]"))
        # The other box gets its valid figure, and that answer is waited for and forgotten
        # before the first value is typed.
        t.page.fill(f"#fee-quote [name={other}]", VALID[other])
        t.page.press(f"#fee-quote [name={other}]", "Enter")
        answered.first.wait_for(state="attached", timeout=ms(STEP))
        t.page.evaluate(RESET_SLOTS)
        for entry in entries:
            box.fill(entry.text)
            box.press("Enter")
            shown = t.page.evaluate(ANSWER_SHOWN, [name, ms(STEP)])
            assert shown is not None, f"no answer to {entry.text!r} in {name} within {STEP} s"
            problem = check_shown(shown, host_answer(lang, name, shown["value"]), lang)
            if not typed_as_is(entry.text, shown["value"], shown["maxlength"]):
                problem = problem or f"the box holds {shown['value']!r}"
            if problem:
                typing.failures.append(f"{entry.what}: {entry.text!r} as {name}: {problem}")
            typing.tried += 1
    typing.became_markup = t.page.evaluate(INJECTED) != baseline
    return typing


def test_hostile_values_typed_into_the_widget_stay_text(site_tour, record_property):
    """A sample of the corpus typed into the widget, half on each language's page: each value
    gets the engine's coded error beside its field, in the page's language, as text, and no
    typed markup becomes elements or runs."""
    _, t = site_tour
    typing: HostileTyping = t.notes["hostile"]
    record_property("hostile_tries", typing.tried)
    record_property("hostile_failures", len(typing.failures))
    assert typing.tried == typing.share > 0, "the whole share was typed"
    assert not typing.became_markup, "markup typed into the widget became elements or ran"
    assert typing.failures == [], "\n".join(typing.failures)


def typed_as_is(text: str, value: str, maxlength: int) -> bool:
    """The box holds what was typed, or its start cut at ``maxlength`` (UTF-16 units)."""
    units = len(value.encode("utf-16-le")) // 2
    if value == text:
        return True
    return maxlength > 0 and text.startswith(value) and maxlength - 2 <= units <= maxlength


def check_shown(shown: dict[str, Any], expected: dict[str, Any], lang: str) -> str | None:
    """What is wrong with the error the widget shows, compared with the engine's, if anything."""
    if "error" not in expected:
        return "the engine quotes this value"
    error = expected["error"]
    checks: list[tuple[bool, Callable[[], str]]] = [
        (shown["code"] == error["code"], lambda: f"code {shown['code']} != {error['code']}"),
        (shown["text"] == error["message"], lambda: f"text {shown['text']!r}"),
        (shown["children"] == 0, lambda: "markup inside the error"),
        (not shown["hidden"], lambda: "error hidden"),
        (shown["invalid"] == "true", lambda: "field not marked aria-invalid"),
        (shown["result"], lambda: "a result is showing"),
        (
            bool(re.search("[А-Яа-я]", shown["text"])) == (lang == "ru"),
            lambda: "message not in the page's language",
        ),
    ]
    return next((describe() for ok, describe in checks if not ok), None)
