"""Measure the fee widget's speed and bytes in headless Chromium against bare Pyodide pages.

Prints, over several runs (pages taking turns, the server caching like GitHub Pages):

* time from navigation to the first Python-computed quote, cold and warm, for
  - the fees page opened from a shared link (the widget; it starts from the build's snapshot),
  - the same page when the snapshot path fails and the worker falls back to the plain boot
    (a copy of the site whose snapshot is an empty file, served by a second server),
  - a bare page with Pyodide's plain boot in a worker, and one on the main thread;
* ratios against the bare main-thread page, the median of the rounds' ratios (budget: at
  most 0.35x, cold and warm);
* the first quote of a returning reader whose service worker keeps the guide (waited for: the
  fees page asks for it only once the engine is up and the reader has paused);
* re-quote latency on the fees page, input event to updated result (budget: p95 at most 16 ms);
* long frames over 50 ms on the fees page's main thread until the first quote, each credited
  to the scripts that ran longest in it (the Long Animation Frames API's script attribution):
  the widget's own modules, the theme's bundle, or the page itself (budget: none by the widget);
* the bytes a cold first quote moves on the wire, by file, the server compressing as GitHub
  Pages does (harness/local_server.py) (budget: at most 5.5 MB, Pyodide's plain start);
* the bytes a returning reader's first quote moves (a kept profile whose service worker has kept
  the engine; budget: no engine bytes at all).

Warm loads are a returning reader's second visit: for every load a new profile on disk loads
the page once, and after a pause for Chromium to write its caches the page is reloaded and
timed, with its disk cache and the code caches the first load left (a new context per load
would keep no compiled code). The service worker is not there yet at that moment: the fees
page registers it only once its engine is up and the reader has paused. The "kept offline"
row waits until it keeps the whole guide, then reloads the same way. Before each timed load
the script waits until the processors are idle, so that a browser starting or closing is not
in the figure.

Budgets are printed as PASS/FAIL, never checked in a timed test. Run with ``make bench``: the
figures also go to ``BENCHMARKS.md`` (``--figures``), which the README's Speed section links
instead of typing figures that would go stale.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.local_server import SUB_PATH, serve  # noqa: E402
from harness.offline_copy import ALL_KEPT, kept_addresses  # noqa: E402
from scripts.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from sitebuild.content_hash import HASHED_ROOT  # noqa: E402
from sitebuild.engine_snapshot import SNAPSHOT_NAME  # noqa: E402

BENCH = "__bench__/"
#: The returning reader whose service worker keeps the guide (the warm figure's profile has
#: none yet).
KEPT_OFFLINE = "kept offline"
QUERY = "?population=624518&gdp=47404.96"
FIRST_QUOTE_RATIO_BUDGET = 0.35
REQUOTE_P95_BUDGET_MS = 16.0
COLD_BYTES_BUDGET = 5_500_000
#: Seconds between a warm profile's first load and its timed reload: Chromium hands its code
#: caches over after a load.
WARM_PAUSE_S = 2.0
#: Before each timed load: wait (at most IDLE_MAX_WAIT_S) until the processors were at least
#: this idle over IDLE_WINDOW_S, so that a browser starting or closing is not in the figure.
IDLE_SHARE = 0.9
IDLE_WINDOW_S = 0.25
IDLE_MAX_WAIT_S = 5.0
#: The longest a returning reader's service worker may take to keep the whole guide.
KEEP_TIMEOUT_S = 120.0
#: What the engine is made of: a returning reader should fetch none of it.
ENGINE_NAMES = ("pyodide", "engine", ".wasm", ".whl", "stdlib")
LONG_TASK_MS = 50.0

# Long frames on the main thread, from navigation until the first quote, with the time each
# script ran in them (Long Animation Frames: Chromium 123+; the older "longtask" entries say
# that the main thread was busy, not who kept it busy).
WATCH_LONG_FRAMES = """
window.__longFrames = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__longFrames.push({
      duration: entry.duration,
      scripts: entry.scripts.map((s) => ({ url: s.sourceURL, duration: s.duration })),
    });
  }
}).observe({ type: "long-animation-frame", buffered: true });
"""

# Records when the widget first shows a fee: the same moment a reader sees it.
WATCH_WIDGET = """
new MutationObserver((_, observer) => {
  const result = document.getElementById("fee-quote-result");
  if (result && result.dataset.feeUsd) {
    window.__firstQuoteAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-fee-usd"] });
"""

REQUOTE_WIDGET = """async (population) => {
  const input = document.getElementById("fee-quote-population");
  const result = document.getElementById("fee-quote-result");
  const before = result.textContent;
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (result.dataset.feeUsd && result.textContent !== before) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(result, { subtree: true, childList: true, attributes: true });
  });
  const start = performance.now();
  input.value = population;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return (await done) - start;
}"""

# Alternate between populations in different bands so every re-quote changes the result.
REQUOTE_VALUES = ["150000", "450000", "800000", "1500000", "3000000", "5000000", "8000000"]


def first_quote(page: Page, url: str | None = None) -> float:
    """The in-page timestamp of the first quote after opening ``url``, or with none after
    reloading the page. Polled from here: the site's CSP forbids the string evaluation that
    Playwright's wait_for_function uses, and the timestamp is taken in the page, so the polling
    interval does not affect the figure."""
    if url is None:
        page.reload()
    else:
        page.goto(url)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        stamp = page.evaluate("() => window.__firstQuoteAt")
        if stamp is not None:
            return float(stamp)
        time.sleep(0.02)
    raise TimeoutError(f"no quote within 120 s at {url}")


def idle_and_total() -> tuple[int, int]:
    """The processors' idle and total time so far (Linux's /proc/stat, in clock ticks)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(value) for value in stat.readline().split()[1:9]]
    return fields[3] + fields[4], sum(fields)


def wait_for_quiet() -> None:
    """Wait until the processors were idle enough over one window (at most IDLE_MAX_WAIT_S)."""
    if not os.path.exists("/proc/stat"):
        return
    deadline = time.monotonic() + IDLE_MAX_WAIT_S
    before = idle_and_total()
    while time.monotonic() < deadline:
        time.sleep(IDLE_WINDOW_S)
        now = idle_and_total()
        idle, total = now[0] - before[0], now[1] - before[1]
        if total > 0 and idle / total >= IDLE_SHARE:
            return
        before = now


def wait_until_kept(page: Page, addresses: list[str]) -> None:
    """Until the page's service worker controls it and keeps every address."""
    deadline = time.monotonic() + KEEP_TIMEOUT_S
    while time.monotonic() < deadline:
        if page.evaluate(ALL_KEPT, addresses):
            return
        time.sleep(0.25)
    raise TimeoutError(f"the service worker kept no complete copy within {KEEP_TIMEOUT_S:.0f} s")


@dataclass(frozen=True)
class Visit:
    """How a timed load finds the browser: ``cold`` (a new context), ``warm`` (a new profile
    that loaded the page once, reloaded), or, with ``kept`` (the deploy's addresses), a
    returning reader whose service worker keeps the whole guide (reloaded likewise)."""

    cache: str
    profiles: Path | None = None
    kept: list[str] | None = None


def one_first_quote(browser: Browser, url: str, visit: Visit, profile: str) -> float:
    """One timed first quote; the wait for idle processors comes right before the timed load
    (after the warm profile's first load and pause, which keep the machine busy)."""
    if visit.profiles is None:
        context = browser.new_context()
        context.add_init_script(WATCH_WIDGET)
        wait_for_quiet()
        try:
            return first_quote(context.new_page(), url)
        finally:
            context.close()
    context = returning_reader(browser, visit.profiles / profile)
    try:
        page = context.new_page()
        first_quote(page, url)
        if visit.kept is not None:
            wait_until_kept(page, visit.kept)
        time.sleep(WARM_PAUSE_S)
        wait_for_quiet()
        return first_quote(page)
    finally:
        context.close()


def measure_first(
    browser: Browser, urls: dict[str, str], runs: int, visit: Visit
) -> dict[str, list[float]]:
    """Milliseconds from navigation start to the first quote, per page and run.

    The pages take turns run by run, so a slow moment of the machine hits each alike, and a
    run's figures make one round for the ratios.
    """
    times: dict[str, list[float]] = {label: [] for label in urls}
    for run in range(runs):
        for index, (label, url) in enumerate(urls.items()):
            times[label].append(one_first_quote(browser, url, visit, f"{run}-{index}"))
    return times


def round_ratio(values: list[float], baseline: list[float]) -> float:
    """The median of the rounds' ratios (a round times every page once, one after the other):
    a slow moment of the machine then hits both sides of a ratio alike."""
    return statistics.median(v / b for v, b in zip(values, baseline, strict=True))


#: The Chromium executable ``main`` launched (``--chromium``), for the kept profiles.
CHROMIUM_IN_USE = [CHROMIUM]


def returning_reader(browser: Browser, profile: Path) -> BrowserContext:
    """A kept Chromium profile on disk, launched like ``browser``."""
    context = browser.browser_type.launch_persistent_context(
        profile,
        executable_path=CHROMIUM_IN_USE[0],
        headless=True,
        args=CHROMIUM_ARGS,
    )
    context.add_init_script(WATCH_WIDGET)
    return context


def measure_requote(browser: Browser, url: str, runs: int, widget: bool) -> list[float]:
    context = browser.new_context()
    context.add_init_script(WATCH_WIDGET)
    page = context.new_page()
    first_quote(page, url)
    values = (REQUOTE_VALUES * (runs // len(REQUOTE_VALUES) + 1))[:runs]
    if widget:
        times = [float(page.evaluate(REQUOTE_WIDGET, value)) for value in values]
    else:
        times = [float(page.evaluate("(p) => window.__requote(p)", value)) for value in values]
    context.close()
    return times


def cold_bytes(browser: Browser, url: str, traffic: Counter[str]) -> Counter[str]:
    """Bytes the server sent (headers and bodies as they travel, by file) for one cold load
    until the first quote. Counted at the server: the browser reports no body size for
    workers' scripts."""
    context = browser.new_context()
    context.add_init_script(WATCH_WIDGET)
    page = context.new_page()
    traffic.clear()
    first_quote(page, url)
    by_file = Counter(traffic)
    context.close()
    return by_file


def returning_bytes(
    browser: Browser, url: str, traffic: Counter[str], profile: Path, kept: list[str]
) -> Counter[str]:
    """Bytes the server sent for a returning reader's first quote: a kept profile that loaded
    the page once and whose service worker keeps the whole guide, opening the link again."""
    context = returning_reader(browser, profile)
    page = context.new_page()
    first_quote(page, url)
    wait_until_kept(page, kept)
    traffic.clear()
    first_quote(context.new_page(), url)
    by_file = Counter(traffic)
    context.close()
    return by_file


@dataclass(frozen=True)
class LongFrame:
    """A frame over LONG_TASK_MS, credited to whoever ran the most script time in it."""

    duration: float
    culprit: str
    script_ms: dict[str, float]


def culprit_of(url: str) -> str:
    """Whose script this is: the widget's modules are content-addressed under HASHED_ROOT;
    the theme's bundle and search worker sit under assets/javascripts/; anything else (inline
    scripts, style and layout with no script) belongs to the page."""
    if f"/{HASHED_ROOT}/" in url:
        return "widget"
    if "/assets/javascripts/" in url:
        return "theme"
    return "page"


def long_frames(browser: Browser, url: str, runs: int) -> list[LongFrame]:
    """Long frames on the main thread until the first quote, over cold loads."""
    frames: list[LongFrame] = []
    for _ in range(runs):
        context = browser.new_context()
        context.add_init_script(WATCH_WIDGET)
        context.add_init_script(WATCH_LONG_FRAMES)
        page = context.new_page()
        first_quote(page, url)
        for entry in page.evaluate("() => window.__longFrames"):
            if entry["duration"] <= LONG_TASK_MS:
                continue
            script_ms: Counter[str] = Counter()
            for script in entry["scripts"]:
                script_ms[culprit_of(script["url"])] += script["duration"]
            culprit = script_ms.most_common(1)[0][0] if script_ms else "page"
            frames.append(LongFrame(entry["duration"], culprit, dict(script_ms)))
        context.close()
    return frames


def print_long_frames(frames: list[LongFrame], runs: int) -> bool:
    """Each long frame with its script time by owner; passes when none is the widget's."""
    print(f"Long frames > {LONG_TASK_MS:.0f} ms until the first quote ({runs} cold loads):")
    for frame in sorted(frames, key=lambda f: -f.duration):
        split = ", ".join(f"{who} {ms:.0f} ms" for who, ms in sorted(frame.script_ms.items()))
        print(f"  {frame.duration:6.0f} ms  {frame.culprit:<6}  scripts: {split or 'none'}")
    widget = [f for f in frames if f.culprit == "widget"]
    print(
        f"  caused by the widget: {len(widget)}"
        + (f", longest {max(f.duration for f in widget):.0f} ms" if widget else "")
        + f" (budget: none) {verdict(not widget)}"
    )
    return not widget


def print_bytes(
    by_file: Counter[str], fallback_bytes: Counter[str], returning: Counter[str]
) -> bool:
    """The bytes by file; passes when the cold snapshot path keeps its budget and a returning
    reader fetches no engine file."""
    passed = True
    sections = (
        ("cold first quote, snapshot path", by_file),
        ("cold first quote, plain-boot fallback", fallback_bytes),
        ("returning reader's first quote", returning),
    )
    for title, counted in sections:
        total = sum(counted.values())
        print(f"Bytes on the wire, {title}: {total:,} in {len(counted)} files")
        for name, size in counted.most_common(12):
            print(f"  {name:<44} {size:>12,}")
        if counted is by_file:
            ok = total <= COLD_BYTES_BUDGET
            passed &= ok
            print(f"  total {total:,} (budget {COLD_BYTES_BUDGET:,}) {verdict(ok)}")
        if counted is returning:
            engine = sum(n for f, n in counted.items() if any(e in f for e in ENGINE_NAMES))
            passed &= engine == 0
            print(f"  engine bytes {engine:,} (budget 0) {verdict(engine == 0)}")
    sys.stdout.flush()
    return passed


def bench_pages(site: Path, folder: Path) -> dict[str, Path]:
    """The bare pages with the built site's Pyodide and engine URLs filled in."""
    (engine,) = (site / HASHED_ROOT).glob("*/engine")
    (pyodide,) = (site / "assets" / "pyodide").iterdir()
    urls = {
        "__PYODIDE__": f"../{pyodide.relative_to(site).as_posix()}/",
        "__ENGINE__": f"../{engine.relative_to(site).as_posix()}/",
    }
    pages = {}
    for name in ("bare.html", "bare-worker.html", "bare-worker.mjs"):
        text = (ROOT / "scripts" / "bench" / name).read_text(encoding="utf-8")
        for placeholder, value in urls.items():
            text = text.replace(placeholder, value)
        (folder / name).write_text(text, encoding="utf-8")
        pages[SUB_PATH + BENCH + name] = folder / name
    return pages


def without_snapshot(site: Path, folder: Path) -> Path:
    """A copy of the site whose snapshot is an empty file: the worker falls back at once."""
    copy = folder / "site"
    shutil.copytree(site, copy)
    for snapshot in (copy / HASHED_ROOT).glob(f"*/engine/{SNAPSHOT_NAME}"):
        snapshot.write_bytes(b"")
    return copy


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def row(label: str, values: list[float]) -> str:
    return (
        f"  {label:<41} median {statistics.median(values):8.1f} ms   "
        f"p95 {p95(values):8.1f} ms   (n={len(values)})"
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


class Tee(io.TextIOBase):
    """Writes to the terminal and keeps a copy, for the generated figures file."""

    def __init__(self, terminal: TextIO) -> None:
        self.terminal = terminal
        self.kept = io.StringIO()

    def write(self, text: str) -> int:
        self.kept.write(text)
        return self.terminal.write(text)

    def flush(self) -> None:
        self.terminal.flush()


def write_figures(path: Path, output: str, runs: int) -> None:
    """``BENCHMARKS.md``: this run's printed figures, with when and how they were taken."""
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    path.write_text(
        "# Benchmark figures\n\n"
        f"Written by `make bench` (`scripts/benchmark.py`) on {when}, {runs} runs per figure, "
        f"on a machine with {os.cpu_count()} cores; do not edit by hand. What each figure "
        "means and its budget: the docstring of `scripts/benchmark.py` and the README's "
        "Speed section.\n\n```text\n" + output + "```\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    tee = Tee(sys.stdout)
    with contextlib.redirect_stdout(tee):
        status, args = run(argv)
    if args.figures is not None:
        write_figures(args.figures, tee.kept.getvalue(), args.runs)
    return status


def run(argv: list[str] | None) -> tuple[int, argparse.Namespace]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site directory")
    parser.add_argument("--runs", type=int, default=5, help="runs per first-quote measurement")
    parser.add_argument("--requotes", type=int, default=60, help="re-quotes to time")
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument(
        "--figures",
        type=Path,
        default=ROOT / "BENCHMARKS.md",
        help="the generated figures file (BENCHMARKS.md)",
    )
    args = parser.parse_args(argv)
    if not (args.site / HASHED_ROOT).is_dir():
        parser.error(f"{args.site} has no Pyodide bundle: build the site first (make build)")

    CHROMIUM_IN_USE[0] = args.chromium
    work = Path(tempfile.mkdtemp(prefix="wego-bench-"))
    extra = bench_pages(args.site, work)
    fallback_site = without_snapshot(args.site, work)
    traffic: Counter[str] = Counter()
    fallback_traffic: Counter[str] = Counter()
    with (
        serve(args.site, extra, traffic) as origin,
        serve(fallback_site, traffic=fallback_traffic) as fallback_origin,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS
        )
        widget_url = f"{origin}{SUB_PATH}en/fees/{QUERY}"
        bare_url = f"{origin}{SUB_PATH}{BENCH}bare.html"
        pages = {
            "widget (snapshot)": widget_url,
            "widget, plain-boot fallback": f"{fallback_origin}{SUB_PATH}en/fees/{QUERY}",
            "bare worker": f"{origin}{SUB_PATH}{BENCH}bare-worker.html",
            "bare main thread": bare_url,
        }
        by_file = cold_bytes(browser, widget_url, traffic)
        fallback_bytes = cold_bytes(browser, pages["widget, plain-boot fallback"], fallback_traffic)
        kept = kept_addresses(args.site, origin + SUB_PATH)
        returning = returning_bytes(browser, widget_url, traffic, work / "returning", kept)
        bytes_ok = print_bytes(by_file, fallback_bytes, returning)
        results: dict[str, list[float]] = {}
        visits = (
            (pages, Visit("cold")),
            (pages, Visit("warm", work / "warm")),
            ({"widget (snapshot)": widget_url}, Visit(KEPT_OFFLINE, work / "kept", kept)),
        )
        for measured_pages, visit in visits:
            measured = measure_first(browser, measured_pages, args.runs, visit)
            for label, values in measured.items():
                results[f"{label}, {visit.cache}"] = values
        results["widget re-quote"] = measure_requote(browser, widget_url, args.requotes, True)
        results["bare engine call"] = measure_requote(browser, bare_url, args.requotes, False)
        frames = long_frames(browser, widget_url, args.runs)
        browser.close()
    shutil.rmtree(work, ignore_errors=True)

    print(f"Fee widget benchmark: headless Chromium, site served from {args.site} on loopback")
    print("First Python-computed quote, ms from navigation:")
    for label, values in results.items():
        print(row(label, values))
    ok = True
    for label in pages:
        if label == "bare main thread":
            continue
        for cache in ("cold", "warm"):
            ratio = round_ratio(results[f"{label}, {cache}"], results[f"bare main thread, {cache}"])
            budgeted = label == "widget (snapshot)"
            passed = ratio <= FIRST_QUOTE_RATIO_BUDGET
            ok &= passed or not budgeted
            note = f"(budget {FIRST_QUOTE_RATIO_BUDGET:.2f}x) {verdict(passed)}" if budgeted else ""
            print(f"  {label} / bare main thread ({cache}): {ratio:.2f}x {note}")
    kept_times = results[f"widget (snapshot), {KEPT_OFFLINE}"]
    bare_warm = results["bare main thread, warm"]
    kept_ratio = statistics.median(kept_times) / statistics.median(bare_warm)
    print(
        f"  widget (snapshot), {KEPT_OFFLINE} / bare main thread (warm): {kept_ratio:.2f}x "
        "(medians: the bare page has no service worker)"
    )
    requote = p95(results["widget re-quote"])
    passed = requote <= REQUOTE_P95_BUDGET_MS
    ok &= passed
    print(
        f"  re-quote p95: {requote:.1f} ms (budget {REQUOTE_P95_BUDGET_MS:.0f} ms) "
        f"{verdict(passed)}"
    )
    ok &= print_long_frames(frames, args.runs)
    ok &= bytes_ok
    return (0 if ok else 1), args


if __name__ == "__main__":
    sys.exit(main())
