"""A reader reloads the fees page within the cache lifetime after a deploy that changed a fee:
the quote and the table both show the new fee (content-addressed assets: a page never mixes
fresh HTML with a cached engine). With the service worker's kept copy, in Chromium, the guide
works offline after one visit, and a deploy never mixes offline nor across the worker's
update."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import expect

from harness.local_server import SUB_PATH, serve
from harness.offline_copy import ALL_KEPT, kept_addresses
from harness.site_build import BUILD_EPOCH

from .timeouts import ENGINE_START, KEEP_OFFLINE, ms
from .waits import until_true

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
QUERY = "?population=624518&gdp=47404.96"
CELL = '.wego-schedule td[data-gdp-band="8"][data-population-band="2"]'
LEFT_OUT = {".git", ".venv", "node_modules", "site", "build", ".stamps", ".pytest_cache"}


def tree_with_one_fee_changed(destination: Path) -> int:
    """A copy of the repository whose schedule charges a different fee for the quoted cell.

    It shares this tree's engine-snapshot cache: the cache is keyed by the snapshot's inputs
    (this copy's wheel makes its own key) and written atomically for concurrent builds, so the
    next deploy's snapshot is made once, not on every run (about 18 s of both cores)."""
    shutil.copytree(ROOT, destination, ignore=lambda _, names: LEFT_OUT & set(names))
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    snapshots = ROOT / "build" / "engine-snapshot"
    snapshots.mkdir(parents=True, exist_ok=True)
    (destination / "build").mkdir()
    (destination / "build" / "engine-snapshot").symlink_to(snapshots, target_is_directory=True)
    schedule_path = destination / "calculator" / "schedule.json"
    schedule = json.loads(schedule_path.read_text(encoding="utf-8"))
    row = next(r for r in schedule["rows"] if r["gdp_from"] == 20000)
    assert row["cells"][2] == 7000
    row["cells"][2] = 7250
    schedule_path.write_text(json.dumps(schedule, ensure_ascii=False), encoding="utf-8")
    return 7250


#: The next deploy's build time: a day after the test build's (harness/site_build.py), as a
#: release build pins it to its later commit. Pinned, so that its wheel, and the snapshot key
#: made from it, are the same on every run.
NEXT_DEPLOY_EPOCH = BUILD_EPOCH + 86_400


def build(tree: Path, out: Path) -> Path:
    """``mkdocs build --strict`` of ``tree`` as the next deploy."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"https://example.github.io{SUB_PATH}",
        "SOURCE_DATE_EPOCH": str(NEXT_DEPLOY_EPOCH),
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


@pytest.fixture(scope="module")
def deploy_b(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path]:
    """The next deploy, built once for the module: the tree with one fee changed, built."""
    work = tmp_path_factory.mktemp("deploy-b")
    new_fee = tree_with_one_fee_changed(work / "tree")
    return new_fee, build(work / "tree", work / "site-b")


def deployed(site: Path, live: Path) -> Path:
    """``live``, the folder the server serves, made ``site`` at once: a link swapped in one
    rename, as a Pages deploy switches whole (and no test writes into a built site)."""
    swap = live.with_name(live.name + ".next")
    swap.symlink_to(site, target_is_directory=True)
    swap.replace(live)
    return live


def test_a_reload_after_a_deploy_shows_the_new_fee_in_the_quote_and_the_table(
    browser, built_site, tmp_path, deploy_b
):
    new_fee, site_b = deploy_b
    live = deployed(built_site, tmp_path / "live")
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    try:
        with serve(live) as origin:
            page.goto(f"{origin}{SUB_PATH}en/fees/{QUERY}")
            result = page.locator("#fee-quote-result")
            expect(result).to_have_attribute("data-fee-usd", "7000", timeout=ms(ENGINE_START))
            expect(page.locator(CELL)).to_have_attribute("data-fee-usd", "7000")
            deployed(site_b, live)  # the deploy: the same server now serves build B
            page.reload()
            expect(page.locator(CELL)).to_have_attribute("data-fee-usd", str(new_fee))
            expect(result).to_have_attribute("data-fee-usd", str(new_fee), timeout=ms(ENGINE_START))
    finally:
        context.close()


OFFER = "#wego-update button"


def wait_until(page, function: str, arg: object = None) -> None:
    """Wait until an async page function returns true, checked in the page on every frame
    (``wait_for_function`` would take the promise it returns for a true value)."""
    held = page.evaluate(until_true(function), [arg, ms(KEEP_OFFLINE)])
    assert held, f"still false after {KEEP_OFFLINE} s: {function}"


def expect_one_deploy(page, fee: int) -> None:
    """The table (the HTML) and the quote (the engine) both show this deploy's fee."""
    expect(page.locator(CELL)).to_have_attribute("data-fee-usd", str(fee))
    result = page.locator("#fee-quote-result")
    expect(result).to_have_attribute("data-fee-usd", str(fee), timeout=ms(ENGINE_START))
    assert page.locator(CELL).get_attribute("data-fee-usd") == str(fee)


def test_with_the_service_worker_the_guide_works_offline_and_a_deploy_never_mixes(
    browser, built_site, tmp_path, deploy_b
):
    """A reader opens one page of the guide (the Russian home page: no calculator on it) and
    the service worker keeps every file of the guide. Then a deploy, and the network goes: a
    page never opened works whole from the kept deploy (the English fees page quotes from the
    kept engine's snapshot). The network comes back: the open page is offered the new
    version, a reload shows the new one whole, and offline after the update the new one
    again; the old deploy's files go. (Reading offline in each engine, every kind of page:
    tests/e2e/test_offline.py.)"""
    new_fee, site_b = deploy_b
    live = deployed(built_site, tmp_path / "live")
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    network = ExitStack()  # the reader's network: the server, taken away and brought back
    try:
        origin = network.enter_context(serve(live))
        port = int(origin.rsplit(":", 1)[1])
        base = origin + SUB_PATH
        page.goto(base)
        wait_until(page, ALL_KEPT, kept_addresses(live, base))

        deployed(site_b, live)  # the deploy

        network.close()
        page.goto(f"{base}en/fees/{QUERY}")
        expect_one_deploy(page, 7000)  # the kept deploy, whole
        assert page.get_attribute("#fee-quote", "data-engine-path") == "snapshot"

        network.enter_context(serve(live, port=port))
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        expect(page.locator(OFFER)).to_be_visible(timeout=ms(KEEP_OFFLINE))
        expect(page.locator("#wego-update")).to_contain_text("A new version of the guide")
        page.locator(OFFER).click()
        page.wait_for_load_state()
        expect_one_deploy(page, new_fee)

        wait_until(page, ALL_KEPT, kept_addresses(live, base))
        network.close()
        page.reload()
        expect_one_deploy(page, new_fee)
        expect(page.locator(OFFER)).to_have_count(0)
        one_version = """async () => (await caches.keys())
            .filter((name) => name !== "wego-offline-settings").length === 1"""
        wait_until(page, one_version)
        assert errors == []
    finally:
        network.close()
        context.close()
