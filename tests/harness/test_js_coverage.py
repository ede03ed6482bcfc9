"""The end-to-end tests' JavaScript coverage (harness/js_coverage.py) in real Chromium: what a
page ran of a script of the site's own, taken when the page closes, and nothing wrapped after."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Playwright

from harness.js_coverage import recording
from harness.local_server import SUB_PATH, serve
from harness.v8_coverage import figures
from scripts.browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

SCRIPT = """export function called() {
  return 1;
}
export function neverCalled() {
  return 2;
}
document.title = String(called());
"""


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    scripts = site / "assets" / "v" / "0a1b" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "tiny.mjs").write_text(SCRIPT, encoding="utf-8")
    (site / "index.html").write_text(
        '<!doctype html><title>-</title><script type="module" '
        'src="assets/v/0a1b/javascripts/tiny.mjs"></script>',
        encoding="utf-8",
    )
    return site


def test_what_a_page_ran_is_taken_when_it_closes(
    tiny_site: Path, tmp_path: Path, playwright: Playwright
):
    out = tmp_path / "coverage"
    original_close = BrowserContext.close
    with serve(tiny_site) as origin:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        with recording(out):
            context = browser.new_context()
            page = context.new_page()
            page.goto(origin + SUB_PATH)
            page.wait_for_function("document.title === '1'")
            page.close()
            context.close()
        browser.close()
    assert BrowserContext.close is original_close, "Playwright is left as it was"

    (written,) = out.glob("e2e-*.json")
    scripts = json.loads(written.read_text(encoding="utf-8"))["scripts"]
    (url,) = scripts
    assert url.endswith("/assets/v/0a1b/javascripts/tiny.mjs")
    ran = [tuple(span) for span in scripts[url]["ran"]]
    found = figures(SCRIPT, scripts[url]["length"], ran)
    # Every line but neverCalled's body ("return 2;" and its closing brace) ran.
    assert (found.lines, found.lines_covered) == (7, 5)
    never = SCRIPT.index("return 2;")
    assert not any(start <= never < end for start, end in ran)
    assert any(start <= SCRIPT.index("return 1;") < end for start, end in ran)
