"""What V8's block coverage (Chromium's ``Profiler.takePreciseCoverage``) says ran, as spans of
a script and as line and byte figures of its source file.

V8 reports, per script, functions whose ``ranges`` nest properly: a function's own range first,
then the blocks inside it, each with a count (0 or 1 with ``callCount=False``). A position's
count is that of the innermost range holding it, so painting the ranges outer-first (by start,
then longest first) leaves each position with the right count. Offsets count UTF-16 code units
(JavaScript string positions), not bytes: the source's Russian text and any character beyond
the Basic Multilingual Plane make the difference, so figures are computed per character and
weighed in UTF-8 bytes at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FileFigures",
    "Spans",
    "executed_spans",
    "figures",
    "merge_spans",
    "source_path_for_url",
]

#: Half-open ``[start, end)`` spans of UTF-16 offsets that ran, sorted and not touching.
Spans = list[tuple[int, int]]

#: A script of the site's own, under its content-addressed folder: ``…/assets/v/<hash>/<path>``.
_OWN_ASSET = re.compile(r"/assets/v/[0-9a-f]+/(?P<path>[^?#]+\.m?js)(?:[?#].*)?$")


def executed_spans(functions: Iterable[Mapping[str, Any]]) -> tuple[int, Spans]:
    """The script's length (its top-level range's end) and the spans whose count is above 0."""
    ranges = sorted(
        (
            (int(r["startOffset"]), int(r["endOffset"]), int(r["count"]))
            for function in functions
            for r in function["ranges"]
        ),
        key=lambda r: (r[0], -r[1]),
    )
    length = max((end for _, end, _ in ranges), default=0)
    ran = bytearray(length)
    for start, end, count in ranges:  # outer first: an inner range overrides its parent's count
        ran[start:end] = (b"\x01" if count > 0 else b"\x00") * (end - start)
    return length, _spans_of(ran)


def _spans_of(ran: bytearray | bytes) -> Spans:
    spans: Spans = []
    start = None
    for offset, flag in enumerate(ran):
        if flag and start is None:
            start = offset
        elif not flag and start is not None:
            spans.append((start, offset))
            start = None
    if start is not None:
        spans.append((start, len(ran)))
    return spans


def merge_spans(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> Spans:
    """What ran in either of two takes of the same script (a page that navigated, or the same
    script in several pages)."""
    merged: Spans = []
    for start, end in sorted([*a, *b]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class FileFigures:
    """Lines with code (any non-blank character) and the UTF-8 bytes of their non-blank
    characters, and how many of each ran. A line counts as run when any of its non-blank
    characters did (a partly run line is not a missed one; the bytes tell the rest)."""

    lines: int
    lines_covered: int
    bytes: int
    bytes_covered: int


def figures(source: str, length: int, spans: Sequence[tuple[int, int]]) -> FileFigures:
    """Line and byte figures of ``source`` for the ``spans`` that ran in a script of
    ``length`` UTF-16 units; ValueError when the source is not the script that was measured."""
    units = len(source.encode("utf-16-le")) // 2
    if units != length:
        raise ValueError(f"the source has {units} UTF-16 units, the measured script {length}")
    ran = bytearray(length)
    for start, end in spans:
        ran[start:end] = b"\x01" * (end - start)
    lines = lines_covered = total_bytes = covered_bytes = 0
    line_has_code = line_ran = False
    offset = 0
    for char in source:
        if char == "\n":
            lines += line_has_code
            lines_covered += line_ran
            line_has_code = line_ran = False
        elif not char.isspace():
            size = len(char.encode("utf-8"))
            total_bytes += size
            line_has_code = True
            if ran[offset]:
                covered_bytes += size
                line_ran = True
        offset += 2 if ord(char) > 0xFFFF else 1
    lines += line_has_code
    lines_covered += line_ran
    return FileFigures(lines, lines_covered, total_bytes, covered_bytes)


def source_path_for_url(url: str) -> str | None:
    """The path under ``docs/assets/`` of a site script (``javascripts/fee-quote.mjs``), or
    None for anything else (Pyodide's core files, vendored packages, inline scripts)."""
    found = _OWN_ASSET.search(url)
    if found is None or found["path"].startswith("vendor/"):
        return None
    return found["path"]
