"""Write a short quality report for the built site: build/quality-report.md (and print it).

Runs the tests that prove the site-wide guarantees (accessibility, keyboard, privacy, content
security policy, links, hostile input, reproducible build) with a small pytest plugin that
collects the figures the tests record (``record_property``), and summarises them: pages
checked, axe violations, requests to other hosts, CSP violations, broken links, hostile inputs
tried and failed. With ``--lighthouse`` it also builds the site, serves it on loopback under
the GitHub Pages sub-path and runs the pinned Lighthouse with Debian's Chromium on the home and
fees pages in both languages. Lighthouse is for a developer's machine, not CI: its scores move
with the machine's speed, so the project's own ``npm ci`` leaves it out and ``LIGHTHOUSE=1 make
report`` installs it on demand into build/lighthouse/ (``npm ci`` of requirements/lighthouse/,
its own lock).

    .venv/bin/python scripts/quality_report.py [--lighthouse] [--out build/quality-report.md]

Exit status 1 if any of the tests failed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from harness.hostile_inputs import CORPUS  # noqa: E402
from harness.local_server import SUB_PATH, serve  # noqa: E402
from harness.site_build import build_site  # noqa: E402
from scripts.browser import CHROMIUM  # noqa: E402

TESTS = [
    "tests/e2e/test_guarantees.py",
    "tests/site/test_links.py",
    "tests/site/test_reproducible.py",
    "tests/calculator/test_hostile_inputs.py",
]
#: Which tests prove which guarantee (by a piece of their node id).
GUARANTEES = {
    "Accessibility (axe, keyboard, lang)": ("passes_axe", "keyboard"),
    "Privacy (no other host, no cookie)": ("no_request_leaves", "no_cookie"),
    "Content security policy": ("violates_the_policy", "carries_the_policy"),
    "Links": ("test_links.py",),
    "Hostile input": ("hostile",),
    "Reproducible, pinned build": ("test_reproducible.py",),
}
#: Where `LIGHTHOUSE=1 make report` installs the pinned Lighthouse (requirements/lighthouse/).
LIGHTHOUSE = ROOT / "build" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = {
    "home (ru)": "",
    "fees (ru)": "fees/",
    "home (en)": "en/",
    "fees (en)": "en/fees/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class Collector:
    """pytest plugin: each test's outcome and the properties it recorded."""

    def __init__(self) -> None:
        self.outcomes: dict[str, str] = {}
        self.properties: dict[str, list[Any]] = defaultdict(list)
        self.failed: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or report.outcome != "passed":
            previous = self.outcomes.get(report.nodeid)
            if previous != "failed":
                self.outcomes[report.nodeid] = report.outcome
            if report.outcome == "failed" and report.nodeid not in self.failed:
                self.failed.append(report.nodeid)
        if report.when == "call":
            for name, value in report.user_properties:
                self.properties[name].append(value)

    def total(self, name: str) -> int:
        return sum(int(v) for v in self.properties.get(name, []))

    def status(self, pieces: tuple[str, ...]) -> str:
        chosen = [o for node, o in self.outcomes.items() if any(p in node for p in pieces)]
        if not chosen:
            return "not run"
        failed = chosen.count("failed")
        passed = chosen.count("passed")
        return f"{passed} passed" + (f", **{failed} failed**" if failed else "")


def run_tests(extra: list[str]) -> tuple[Collector, int]:
    collector = Collector()
    os.chdir(ROOT)
    code = pytest.main([*TESTS, "-q", "-p", "no:cacheprovider", *extra], plugins=[collector])
    return collector, int(code)


def run_lighthouse(work: Path) -> dict[str, dict[str, int]]:
    """Lighthouse scores (0–100) per page and category, default (mobile) settings."""
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: `LIGHTHOUSE=1 make report` installs it")
    site = work / "site"
    built = build_site(site)
    if built.returncode != 0:
        raise SystemExit(f"mkdocs build --strict failed:\n{built.stderr[-4000:]}")
    scores: dict[str, dict[str, int]] = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    with serve(site) as origin:
        for name, slug in LIGHTHOUSE_PAGES.items():
            output = work / f"lighthouse-{len(scores)}.json"
            subprocess.run(
                [
                    str(LIGHTHOUSE),
                    f"{origin}{SUB_PATH}{slug}",
                    "--quiet",
                    "--output=json",
                    f"--output-path={output}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--no-enable-error-reporting",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                    "--disable-background-networking --disable-component-update --no-first-run",
                ],
                env=env,
                check=True,
                timeout=300,
            )
            result = json.loads(output.read_text(encoding="utf-8"))
            scores[name] = {
                category: round(100 * (result["categories"][category]["score"] or 0))
                for category in CATEGORIES
            }
    return scores


def commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return completed.stdout.strip() + (" + local changes" if dirty.stdout.strip() else "")


def render(c: Collector, lighthouse: dict[str, dict[str, int]] | None) -> str:
    pages = {url for urls in c.properties.get("pages", []) for url in urls}
    storage = sorted({key for keys in c.properties.get("storage_keys", []) for key in keys})
    hostile_tries = c.total("hostile_tries")
    hostile_failures = c.total("hostile_failures") + sum(
        1 for node in c.failed if "hostile" in node
    )
    rows = [
        ("Pages checked (light: both languages; dark: one each)", str(len(pages))),
        ("axe-core WCAG 2.2 AA violations", str(c.total("axe_violations"))),
        (
            "Requests to other hosts",
            f"{c.total('foreign_requests')} (of {c.total('requests')} requests)",
        ),
        ("Cookies set", str(c.total("cookies"))),
        ("Kept in the browser", ", ".join(f"`{k}`" for k in storage) or "nothing"),
        ("CSP violations", str(c.total("csp_violations"))),
        ("Broken links", f"{c.total('broken_links')} (of {c.total('links_checked')} checked)"),
        (
            "Hostile inputs",
            f"{len(CORPUS)} values, tried {hostile_tries} times; failures: {hostile_failures}",
        ),
        ("Reproducible build", f"{c.total('build_files_compared')} files identical"),
    ]
    lines = [
        "# Quality report",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit()}.",
        "",
        "| Check | Result |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in rows),
        "",
        "| Guarantee | Tests |",
        "|---|---|",
        *(f"| {name} | {c.status(pieces)} |" for name, pieces in GUARANTEES.items()),
    ]
    if c.failed:
        lines += ["", "Failed:", "", *(f"- `{node}`" for node in c.failed)]
    if lighthouse is not None:
        lines += [
            "",
            "## Lighthouse (local run, mobile defaults)",
            "",
            "| Page | " + " | ".join(CATEGORIES) + " |",
            "|---|" + "---|" * len(CATEGORIES),
            *(
                f"| {page} | " + " | ".join(str(s[c_]) for c_ in CATEGORIES) + " |"
                for page, s in lighthouse.items()
            ),
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (local)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "quality-report.md")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments")
    args = parser.parse_args(argv)
    collector, code = run_tests(args.pytest_args)
    scores = None
    if args.lighthouse:
        with tempfile.TemporaryDirectory() as work:
            scores = run_lighthouse(Path(work))
    text = render(collector, scores)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 1 if code != 0 else 0


if __name__ == "__main__":
    raise SystemExit(main())
