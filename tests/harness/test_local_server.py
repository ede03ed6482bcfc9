"""The loopback server: files under the sub-path only, GitHub Pages' caching, and the bytes it
sends counted by file when asked (the benchmark's cold-bytes figure)."""

from __future__ import annotations

import gzip
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


def _get_gzip(url: str) -> tuple[bytes, Message]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        return response.read(), response.headers


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("page.html", "text/html"),
        ("site.css", "text/css"),
        ("widget.mjs", "text/javascript"),
        ("lock.json", "application/json"),
        ("logo.svg", "image/svg+xml"),
        ("engine.wasm", "application/wasm"),
    ],
)
def test_text_and_webassembly_travel_gzipped_as_github_pages_sends_them(tmp_path, name, media_type):
    content = b"the same line again and again\n" * 2_000
    (tmp_path / name).write_bytes(content)
    traffic: Counter[str] = Counter()
    with serve(tmp_path, traffic=traffic) as origin:
        body, headers = _get_gzip(f"{origin}{SUB_PATH}{name}")
        sent_gzipped = traffic[name]
        plain, plain_headers = _get(f"{origin}{SUB_PATH}{name}")
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"].split(";")[0] == media_type
    assert int(headers["Content-Length"]) == len(body)
    assert gzip.decompress(body) == content
    assert len(body) < sent_gzipped < len(body) + 500  # the gzipped copy counted, not the file
    assert plain == content  # a client that accepts no gzip gets the file
    assert plain_headers["Content-Encoding"] is None


@pytest.mark.parametrize("name", ["engine.snapshot.gz", "stdlib.zip", "engine.whl", "icon.png"])
def test_files_compressed_already_go_as_they_are(tmp_path, name):
    (tmp_path / name).write_bytes(b"\x1f\x8b" + b"x" * 5_000)
    with serve(tmp_path) as origin:
        body, headers = _get_gzip(f"{origin}{SUB_PATH}{name}")
    assert headers["Content-Encoding"] is None
    assert body == b"\x1f\x8b" + b"x" * 5_000


def test_a_folder_address_gets_its_index_gzipped_and_a_revalidation_gets_304(tmp_path):
    (tmp_path / "fees").mkdir()
    (tmp_path / "fees" / "index.html").write_text("<p>fees</p>" * 500)
    with serve(tmp_path) as origin:
        body, headers = _get_gzip(f"{origin}{SUB_PATH}fees/")
        request = urllib.request.Request(
            f"{origin}{SUB_PATH}fees/",
            headers={"Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]},
        )
        with pytest.raises(urllib.error.HTTPError) as revalidated:
            urllib.request.urlopen(request)
        revalidated.value.close()
    assert gzip.decompress(body) == b"<p>fees</p>" * 500
    assert revalidated.value.code == 304
