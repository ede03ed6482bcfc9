"""`make coverage`'s table and build/coverage.json, from what the run left in build/coverage/.

Three measurements, each read from its own file:

* Python (coverage.py, ``coverage json``): lines and branches of calculator/, sitebuild/ and
  hooks/, the site builds that the tests start in a subprocess included.
* JS node (``node --test --experimental-test-coverage``, its lcov report): the lines of
  docs/assets/javascripts/ that the browser modules' unit tests (tests/js) run. Node counts
  every line of a file it loaded; a file no unit test loads counts as none of its lines run.
* JS e2e (Chromium's V8 coverage in the end-to-end tests, harness/js_coverage.py): lines with
  code and their bytes that ran in the pages, per source file (the site serves the files
  unchanged under ``assets/v/<hash>/``). Not measured when no end-to-end test ran.

    .venv/bin/python scripts/coverage_report.py [--dir build/coverage] [--out build/coverage.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: harness/ is importable

from harness.v8_coverage import Spans, figures, merge_spans, source_path_for_url  # noqa: E402

PYTHON_AREAS = ("calculator", "sitebuild", "hooks")
JS_ROOT = "docs/assets/javascripts"
MEASURES = ("python_lines", "python_branches", "js_node_lines", "js_e2e_lines", "js_e2e_bytes")


@dataclass(frozen=True)
class Ratio:
    """``covered`` of ``total``; the percentage of an empty total is undefined (None)."""

    covered: int
    total: int

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.covered + other.covered, self.total + other.total)

    @property
    def percent(self) -> float | None:
        return round(100 * self.covered / self.total, 1) if self.total else None

    def as_json(self) -> dict[str, Any]:
        return {"covered": self.covered, "total": self.total, "percent": self.percent}

    def cell(self) -> str:
        return f"{self.percent:5.1f}% {self.covered}/{self.total}" if self.total else "–"


def area_of(path: str) -> str:
    """The table row a file belongs to: its top-level folder for Python, the first folder
    under docs/assets/javascripts/ (or that folder itself) for JavaScript."""
    if path.startswith(JS_ROOT + "/"):
        rest = path[len(JS_ROOT) + 1 :]
        return f"{JS_ROOT}/{rest.split('/')[0]}/" if "/" in rest else f"{JS_ROOT}/"
    return path.split("/")[0] + "/"


def python_files(report: Mapping[str, Any]) -> dict[str, dict[str, Ratio]]:
    """Per file, lines and branches from ``coverage json``'s report."""
    files: dict[str, dict[str, Ratio]] = {}
    for path, data in report["files"].items():
        summary = data["summary"]
        files[Path(path).as_posix()] = {
            "python_lines": Ratio(summary["covered_lines"], summary["num_statements"]),
            "python_branches": Ratio(
                summary.get("covered_branches", 0), summary.get("num_branches", 0)
            ),
        }
    return files


def parse_lcov(text: str) -> dict[str, Ratio]:
    """Lines found and hit per source file (``SF``, ``LF``, ``LH``) of an lcov report."""
    lines: dict[str, Ratio] = {}
    current: str | None = None
    found = hit = 0
    for raw in text.splitlines():
        key, _, value = raw.strip().partition(":")
        if key == "SF":
            current, found, hit = value, 0, 0
        elif key == "LF":
            found = int(value)
        elif key == "LH":
            hit = int(value)
        elif key == "end_of_record" and current is not None:
            lines[Path(current).as_posix()] = Ratio(hit, found)
            current = None
    return lines


def js_sources(root: Path) -> dict[str, str]:
    """Every browser module of the site's own, by path from the repository root."""
    folder = root / JS_ROOT
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.suffix in (".js", ".mjs") and p.is_file()
    }


def node_files(lcov: Mapping[str, Ratio], sources: Mapping[str, str]) -> dict[str, Ratio]:
    """Node's line figures per module; a module no unit test loads: none of its lines ran."""
    return {
        path: lcov.get(path, Ratio(0, len(text.splitlines()))) for path, text in sources.items()
    }


def merged_e2e(
    takes: Iterable[Mapping[str, Any]], sources: Mapping[str, str] | None = None
) -> dict[str, tuple[int, Spans]]:
    """harness/js_coverage.py's files (one per test process) merged per source path.

    With ``sources``, a take of a script whose length differs from the source file's is left
    out: a test that serves a rewritten copy of a script (to take a feature away) ran that copy,
    not the module."""
    scripts: dict[str, tuple[int, Spans]] = {}
    for take in takes:
        for url, script in take["scripts"].items():
            relative = source_path_for_url(url)
            if relative is None:
                continue
            path = f"docs/assets/{relative}"
            length, ran = int(script["length"]), [(int(a), int(b)) for a, b in script["ran"]]
            if sources is not None and path in sources and len(sources[path]) != length:
                continue
            known_length, known = scripts.get(path, (length, []))
            if known_length != length:
                raise ValueError(f"{path}: measured at two lengths ({known_length}, {length})")
            scripts[path] = (length, merge_spans(known, ran))
    return scripts


def e2e_files(
    scripts: Mapping[str, tuple[int, Spans]], sources: Mapping[str, str]
) -> dict[str, dict[str, Ratio]]:
    """Lines and bytes per module; a module no page loaded: none ran."""
    files: dict[str, dict[str, Ratio]] = {}
    for path, text in sources.items():
        length, spans = scripts.get(path, (len(text.encode("utf-16-le")) // 2, []))
        found = figures(text, length, spans)
        files[path] = {
            "js_e2e_lines": Ratio(found.lines_covered, found.lines),
            "js_e2e_bytes": Ratio(found.bytes_covered, found.bytes),
        }
    return files


def summarise(files: Mapping[str, Mapping[str, Ratio]]) -> dict[str, dict[str, Ratio]]:
    """Each measure added up per area and over everything (key ``total``)."""
    rows: dict[str, dict[str, Ratio]] = defaultdict(dict)
    for path, measures in sorted(files.items()):
        for name, ratio in measures.items():
            for row in (area_of(path), "total"):
                rows[row][name] = rows[row].get(name, Ratio(0, 0)) + ratio
    return dict(rows)


def _row_order(item: tuple[str, object]) -> tuple[bool, bool, str]:
    """Python areas, then JavaScript ones, then the total."""
    row = item[0]
    return row == "total", row.startswith(JS_ROOT), row


def render(rows: Mapping[str, Mapping[str, Ratio]]) -> str:
    headings = ("Area", "Python lines", "Python branches", "JS node lines", "JS e2e lines")
    body = [
        (
            row,
            *(measures.get(m, Ratio(0, 0)).cell() for m in MEASURES[:4]),
        )
        for row, measures in sorted(rows.items(), key=_row_order)
    ]
    widths = [max(len(str(r[i])) for r in [headings, *body]) for i in range(len(headings))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in body]
    total = rows.get("total", {})
    if "js_e2e_bytes" in total:
        lines.append(f"JS e2e bytes (non-blank): {total['js_e2e_bytes'].cell()}")
    return "\n".join(lines)


def report(
    python: Mapping[str, Any],
    lcov: str,
    e2e_takes: list[Mapping[str, Any]],
    sources: Mapping[str, str],
) -> dict[str, Any]:
    """The whole report as JSON-ready data: per file and per area, each measure."""
    files: dict[str, dict[str, Ratio]] = defaultdict(dict)
    for path, measures in python_files(python).items():
        files[path].update(measures)
    for path, ratio in node_files(parse_lcov(lcov), sources).items():
        files[path]["js_node_lines"] = ratio
    if e2e_takes:
        for path, measures in e2e_files(merged_e2e(e2e_takes, sources), sources).items():
            files[path].update(measures)
    rows = summarise(files)
    return {
        "e2e_measured": bool(e2e_takes),
        "areas": {row: {m: r.as_json() for m, r in ms.items()} for row, ms in rows.items()},
        "files": {path: {m: r.as_json() for m, r in ms.items()} for path, ms in files.items()},
        "table": render(rows),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "build" / "coverage")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "coverage.json")
    args = parser.parse_args(argv)
    python = json.loads((args.dir / "python.json").read_text(encoding="utf-8"))
    lcov = (args.dir / "node.lcov").read_text(encoding="utf-8")
    takes = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.dir.glob("e2e/*.json"))]
    takes = [t for t in takes if t["scripts"]]
    result = report(python, lcov, takes, js_sources(ROOT))
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(result["table"])
    if not result["e2e_measured"]:
        print("JS e2e: not measured (no end-to-end test ran a page of the site)")
    print(f"Written: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
