"""A reader reloads the fees page within the cache lifetime after a deploy that changed a fee:
the quote and the table both show the new fee (content-addressed assets: a page never mixes
fresh HTML with a cached engine)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from harness.local_server import SUB_PATH, serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 120_000
QUERY = "?population=624518&gdp=47404.96"
CELL = '.wego-schedule td[data-gdp-band="8"][data-population-band="2"]'
LEFT_OUT = {".git", ".venv", "node_modules", "site", "build", ".stamps", ".pytest_cache"}


def tree_with_one_fee_changed(destination: Path) -> int:
    """A copy of the repository whose schedule charges a different fee for the quoted cell."""
    shutil.copytree(ROOT, destination, ignore=lambda _, names: LEFT_OUT & set(names))
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    schedule_path = destination / "calculator" / "schedule.json"
    schedule = json.loads(schedule_path.read_text(encoding="utf-8"))
    row = next(r for r in schedule["rows"] if r["gdp_from"] == 20000)
    assert row["cells"][2] == 7000
    row["cells"][2] = 7250
    schedule_path.write_text(json.dumps(schedule, ensure_ascii=False), encoding="utf-8")
    return 7250


def build(tree: Path, out: Path) -> Path:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"https://example.github.io{SUB_PATH}",
    }
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return out


def test_a_reload_after_a_deploy_shows_the_new_fee_in_the_quote_and_the_table(
    browser, built_site, tmp_path
):
    new_fee = tree_with_one_fee_changed(tmp_path / "tree")
    site_b = build(tmp_path / "tree", tmp_path / "site-b")
    live = tmp_path / "live"
    shutil.copytree(built_site, live)
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    try:
        with serve(live) as origin:
            page.goto(f"{origin}{SUB_PATH}en/fees/{QUERY}")
            result = page.locator("#fee-quote-result")
            expect(result).to_have_attribute("data-fee-usd", "7000", timeout=START_TIMEOUT)
            expect(page.locator(CELL)).to_have_attribute("data-fee-usd", "7000")
            shutil.rmtree(live)  # the deploy: the same server now serves build B
            shutil.copytree(site_b, live)
            page.reload()
            expect(page.locator(CELL)).to_have_attribute("data-fee-usd", str(new_fee))
            expect(result).to_have_attribute("data-fee-usd", str(new_fee), timeout=START_TIMEOUT)
    finally:
        context.close()
