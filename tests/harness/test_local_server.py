"""The loopback server: files under the sub-path only, GitHub Pages' caching, and the bytes it
sends counted by file when asked (the benchmark's cold-bytes figure)."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import Counter
from email.message import Message

import pytest

from harness.local_server import SUB_PATH, serve


def _get(url: str) -> tuple[bytes, Message]:
    with urllib.request.urlopen(url) as response:
        return response.read(), response.headers


def test_files_are_served_under_the_sub_path_with_a_ten_minute_cache(tmp_path):
    (tmp_path / "engine.wasm").write_bytes(b"\0asm")
    with serve(tmp_path) as origin:
        body, headers = _get(f"{origin}{SUB_PATH}engine.wasm")
        with pytest.raises(urllib.error.HTTPError) as outside:
            _get(f"{origin}/engine.wasm")
        outside.value.close()
    assert body == b"\0asm"
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Cache-Control"] == "max-age=600"
    assert outside.value.code == 404


def test_the_bytes_sent_are_counted_by_file_headers_included(tmp_path):
    (tmp_path / "worker.mjs").write_text("x" * 100_000)
    (tmp_path / "page.html").write_text("<p>hi</p>")
    traffic: Counter[str] = Counter()
    with serve(tmp_path, traffic=traffic) as origin:
        _get(f"{origin}{SUB_PATH}worker.mjs?v=1")
        _get(f"{origin}{SUB_PATH}page.html")
        _get(f"{origin}{SUB_PATH}page.html")
    assert 100_000 < traffic["worker.mjs"] < 100_400
    assert 2 * 9 < traffic["page.html"] < 2 * 9 + 800
    assert set(traffic) == {"worker.mjs", "page.html"}
