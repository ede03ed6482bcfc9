"""What a phone's screen shows of the calculator pages: the widths to check, whether the page
scrolls sideways, and whether the cities table's cells are on the screen and inside the form.
Shared by tests/e2e/test_phone_layout.py and the several-cities journeys that check their
table on a phone (tests/e2e/test_multi_quote.py)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from .timeouts import ENGINE_START, ms

__all__ = ["PHONE_HEIGHT", "PHONE_WIDTHS", "expect_cities_table_fits", "page_scrolls_sideways"]

#: Narrow phones in portrait: 360 (many Android phones) and 390 (recent iPhones), and 320,
#: the width at which WCAG 1.4.10 (reflow) asks for no sideways scrolling.
PHONE_WIDTHS = (360, 390, 320)
PHONE_HEIGHT = 800

FORM = "#multi-quote"
RESULT = "#multi-quote-result"

#: In one round trip: each element ([name, selector, text]; text null: the first match) that
#: is missing, not shown, or not inside both the viewport's width and the form's box.
OFF_SCREEN = """([form, wanted]) => {
  const outer = document.querySelector(form).getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const [name, selector, text] of wanted) {
    const cell = [...document.querySelectorAll(selector)]
      .find((node) => text === null || node.textContent.trim() === text);
    if (!cell) { found.push(`${name} ${text}: missing`); continue; }
    const box = cell.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(cell).visibility === "hidden") {
      found.push(`${name} ${text}: not shown`);
    }
    if (box.left < 0 || box.right > width) found.push(`${name} ${text}: off the screen`);
    if (box.left < outer.left || box.right > outer.right) {
      found.push(`${name} ${text}: outside the form`);
    }
  }
  return found;
}"""


def page_scrolls_sideways(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))


def expect_cities_table_fits(page: Page, record: dict[str, Any]) -> None:
    """At each phone width: no sideways scroll; each city's name and fee (as the engine wrote
    them), each estimated city's caveat and the total row on screen, inside the form."""
    rows = page.locator(f"{RESULT} tbody tr[data-city]")
    expect(rows).to_have_count(len(record["cities"]), timeout=ms(ENGINE_START))
    wanted: list[list[Any]] = [["total", f"{RESULT} tfoot tr", None]]
    for city in record["cities"]:
        row = f'{RESULT} tbody tr[data-city="{city["name"]}"]'
        wanted.append(["name", f"{row} th", city["name"]])
        wanted.append(["fee", f"{row} td", city["fee_text"]])
        if city["needs_confirmation"]:
            wanted.append(["caveat", f"{row} *", city["provenance_text"]])
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        assert not page_scrolls_sideways(page), width
        assert page.evaluate(OFF_SCREEN, [FORM, wanted]) == [], width
