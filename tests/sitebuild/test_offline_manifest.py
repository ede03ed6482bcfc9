"""The service worker's list of a deploy's files: what is kept, in which group, under which
address, with which hash, and that any change to any file changes the worker."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from sitebuild.offline_manifest import build_manifest, page_address, worker_script

FILES = {
    "index.html": "home",
    "en/fees/index.html": "fees",
    "404.html": "not found",
    "assets/javascripts/bundle.0123abcd.min.js": "theme",
    "assets/javascripts/bundle.0123abcd.min.js.map": "map",
    "assets/javascripts/lunr/min/lunr.ru.min.js": "ru",
    "assets/javascripts/lunr/min/lunr.ja.min.js": "ja",
    "assets/javascripts/lunr/min/lunr.multi.min.js": "multi",
    "assets/javascripts/lunr/tinyseg.js": "ja segmenter",
    "assets/v/1111/javascripts/fee-quote.mjs": "widget",
    "assets/v/1111/engine/engine.mjs": "engine module",
    "assets/v/1111/engine/engine.snapshot.zst": "snapshot",
    "assets/v/1111/engine/wego_fee_calculator-1.0.0-py3-none-any.whl": "wheel",
    "assets/v/2222/vendor/docx/docx.mjs": "docx",
    "assets/pyodide/0.29.5/pyodide.asm.wasm": "wasm",
    "assets/pyodide/0.29.5/python_stdlib.zip": "stdlib",
    "partials/quote-early-start.js": "template partial",
    "search/search_index.json": json.dumps({"config": {"lang": ["ru", "en"]}, "docs": []}),
    "sitemap.xml": "sitemap",
    "sitemap.xml.gz": "sitemap gz",
    "service-worker.js": "the worker itself",
}


def site(tmp_path: Path, files: dict[str, str] = FILES) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_pages_are_kept_under_the_address_a_reader_opens():
    assert page_address("index.html") == ""
    assert page_address("en/fees/index.html") == "en/fees/"
    assert page_address("404.html") == "404.html"


def test_the_snapshot_start_is_the_engine_group_and_the_fallback_is_left_to_runtime(tmp_path):
    """The engine group; the rest is the shell, with the lunr files of the search index's
    languages (Russian; English is built into lunr) and those Material always loads."""
    manifest = build_manifest(site(tmp_path))
    assert set(manifest.engine) == {
        "assets/v/1111/engine/engine.mjs",
        "assets/v/1111/engine/engine.snapshot.zst",
        "assets/pyodide/0.29.5/pyodide.asm.wasm",
    }
    assert set(manifest.shell) == {
        "",
        "en/fees/",
        "404.html",
        "assets/javascripts/bundle.0123abcd.min.js",
        "assets/javascripts/lunr/min/lunr.ru.min.js",
        "assets/javascripts/lunr/min/lunr.multi.min.js",
        "assets/v/1111/javascripts/fee-quote.mjs",
        "assets/v/2222/vendor/docx/docx.mjs",
        "search/search_index.json",
    }
    assert manifest.asset_folders == ("1111", "2222")


def test_each_file_carries_the_integrity_value_of_its_bytes(tmp_path):
    manifest = build_manifest(site(tmp_path))
    digest = base64.b64encode(hashlib.sha256(b"fees").digest()).decode()
    assert manifest.shell["en/fees/"] == f"sha256-{digest}"


def test_any_changed_file_changes_the_version_and_the_worker(tmp_path):
    before = build_manifest(site(tmp_path / "a"))
    after = build_manifest(site(tmp_path / "b", {**FILES, "en/fees/index.html": "new fee"}))
    assert before.version != after.version
    assert worker_script("// source", before) != worker_script("// source", after)


def test_the_worker_script_starts_with_the_manifest_as_data(tmp_path):
    manifest = build_manifest(site(tmp_path))
    script = worker_script("self.addEventListener('fetch', () => {});", manifest)
    written = script[script.index("{") : script.index("};\n") + 1]
    assert json.loads(written)["version"] == manifest.version
    assert script.endswith("self.addEventListener('fetch', () => {});")
