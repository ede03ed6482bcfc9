"""hooks/pyodide_bundle.py: a snapshot that cannot be made stops the build with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks import pyodide_bundle
from sitebuild.engine_snapshot import SnapshotError


def test_a_snapshot_that_cannot_be_made_fails_the_build_naming_why(tmp_path, monkeypatch):
    """An upgrade that drops a private detail (or any snapshot failure) is a build error that
    says what failed, not a site quietly shipped without its fast start."""
    wheel = tmp_path / "wego_fee_calculator-1.0.0-py3-none-any.whl"
    monkeypatch.setattr(pyodide_bundle, "build_wheel", lambda: wheel)
    monkeypatch.setattr(pyodide_bundle, "assemble", lambda *args, **kwargs: None)

    def refused(*args: object) -> None:
        raise SnapshotError("_makeSnapshot is not in pyodide.asm.js")

    monkeypatch.setattr(pyodide_bundle, "make_snapshot", refused)
    with pytest.raises(PluginError, match="assembling the engine failed: _makeSnapshot"):
        pyodide_bundle.bundle(Path(tmp_path / "site"))
