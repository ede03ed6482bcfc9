"""The content-addressing pass: generic over the site's own folders, references rewritten."""

from __future__ import annotations

from pathlib import Path

from sitebuild.content_hash import (
    HASHED_ROOT,
    address,
    hashed_folder_matches,
    own_files,
    rewrite_references,
)


def make_site(tmp_path: Path, worker: str = "postMessage(1)") -> tuple[Path, Path]:
    docs, site = tmp_path / "docs", tmp_path / "site"
    files = {
        "assets/javascripts/app.mjs": 'import "./lib.mjs";',
        "assets/javascripts/lib.mjs": worker,
        "assets/javascripts/new/added-later.mjs": "export {};",
        "assets/stylesheets/site.css": "body{}",
    }
    for name, text in files.items():
        for root in (docs, site):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
    (site / "assets/javascripts/bundle.12345678.min.js").write_text("theme")
    (site / "assets/engine").mkdir(parents=True)
    (site / "assets/engine/engine.snapshot.zst").write_bytes(b"snap")
    (site / "en/fees").mkdir(parents=True)
    (site / "en/fees/index.html").write_text(
        '<script src="../../assets/javascripts/app.mjs" type="module"></script>'
        '<script src="../../assets/javascripts/bundle.12345678.min.js"></script>'
        '<link rel="stylesheet" href="../../assets/stylesheets/site.css?v=1">'
        '<script data-worker="/sub/assets/javascripts/lib.mjs"></script>'
        '<a href="https://example.org/assets/javascripts/app.mjs">x</a>'
    )
    return docs, site


def test_own_files_are_moved_with_their_layout_and_the_theme_is_left(tmp_path):
    docs, site = make_site(tmp_path)
    moved = address(site, own_files(docs, ["assets/engine"]))
    assert set(moved) == {
        "assets/javascripts/app.mjs",
        "assets/javascripts/lib.mjs",
        "assets/javascripts/new/added-later.mjs",
        "assets/stylesheets/site.css",
        "assets/engine/engine.snapshot.zst",
    }
    (digest,) = {new.split("/")[2] for new in moved.values()}
    assert moved["assets/javascripts/new/added-later.mjs"] == (
        f"{HASHED_ROOT}/{digest}/javascripts/new/added-later.mjs"
    )
    assert (site / "assets/javascripts/bundle.12345678.min.js").is_file()
    assert not (site / "assets/engine").exists()
    assert hashed_folder_matches(site, digest)
    (site / moved["assets/javascripts/lib.mjs"]).write_text("tampered")
    assert not hashed_folder_matches(site, digest)


def test_any_change_gives_every_file_a_new_url(tmp_path):
    docs, site = make_site(tmp_path / "a")
    first = address(site, own_files(docs, ["assets/engine"]))
    docs, site = make_site(tmp_path / "b", worker="postMessage(2)")
    second = address(site, own_files(docs, ["assets/engine"]))
    assert first.keys() == second.keys()
    assert all(first[name] != second[name] for name in first)


def test_references_in_pages_are_rewritten_relative_and_absolute(tmp_path):
    docs, site = make_site(tmp_path)
    moved = address(site, own_files(docs, ["assets/engine"]))
    assert rewrite_references(site, moved, "/sub/") == 1
    page = (site / "en/fees/index.html").read_text()
    digest = next(iter(moved.values())).split("/")[2]
    assert f'src="../../{HASHED_ROOT}/{digest}/javascripts/app.mjs"' in page
    assert f'href="../../{HASHED_ROOT}/{digest}/stylesheets/site.css?v=1"' in page
    assert f'data-worker="/sub/{HASHED_ROOT}/{digest}/javascripts/lib.mjs"' in page
    assert 'src="../../assets/javascripts/bundle.12345678.min.js"' in page
    assert 'href="https://example.org/assets/javascripts/app.mjs"' in page
