"""The addresses a complete offline copy holds, read back from the worker script the build
writes (the manifest in front of overrides/service-worker.js)."""

from __future__ import annotations

from pathlib import Path

from harness.offline_copy import kept_addresses
from sitebuild.offline_manifest import SERVICE_WORKER, Manifest, worker_script

ROOT = Path(__file__).resolve().parents[2]


def test_every_shell_and_engine_address_is_read_back_absolute(tmp_path: Path):
    manifest = Manifest(
        "0123456789abcdef",
        {"": "sha256-a", "en/fees/": "sha256-b"},
        {"assets/pyodide/0.29.5/pyodide.asm.wasm": "sha256-c"},
        ("1111",),
    )
    source = (ROOT / "overrides" / SERVICE_WORKER).read_text(encoding="utf-8")
    (tmp_path / SERVICE_WORKER).write_text(worker_script(source, manifest), encoding="utf-8")
    base = "http://127.0.0.1:8000/wego/"
    assert kept_addresses(tmp_path, base) == [
        base,
        f"{base}en/fees/",
        f"{base}assets/pyodide/0.29.5/pyodide.asm.wasm",
    ]
