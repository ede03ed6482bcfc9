"""The check of the private Pyodide and CPython details the engine snapshot relies on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitebuild.pyodide_private import JS_DETAILS, PrivateDetailMissing, check_pyodide

PYODIDE = Path(__file__).resolve().parents[2] / "node_modules" / "pyodide"
FILES = sorted({detail.defined_in for detail in JS_DETAILS} | {"pyodide-lock.json"})


@pytest.fixture
def pyodide(tmp_path: Path) -> Path:
    """A copy of the pinned Pyodide's files that the check reads, to break one at a time."""
    for name in FILES:
        shutil.copyfile(PYODIDE / name, tmp_path / name)
    return tmp_path


class TestCheckPyodide:
    """Every private detail is named when missing; the pinned Pyodide has them all."""

    def test_the_pinned_pyodide_has_every_detail(self) -> None:
        """The Pyodide in package-lock.json passes: the build makes its snapshot."""
        check_pyodide(PYODIDE)

    @pytest.mark.parametrize("detail", JS_DETAILS, ids=lambda d: d.name)
    def test_a_missing_name_is_named_with_its_user(self, pyodide: Path, detail) -> None:
        """An upgrade that drops a name fails with that name and the script that uses it."""
        path = pyodide / detail.defined_in
        text = path.read_text(encoding="utf-8").replace(detail.name, "renamedAway")
        path.write_text(text, encoding="utf-8")
        with pytest.raises(PrivateDetailMissing, match=detail.name) as raised:
            check_pyodide(pyodide)
        assert detail.used_by in str(raised.value)

    def test_another_python_needs_the_trim_re_verified(self, pyodide: Path) -> None:
        """Pyodide on Python 3.14 stops the build until the line-table trim is re-read."""
        lock_path = pyodide / "pyodide-lock.json"
        lock = json.loads(lock_path.read_text(encoding="utf-8"))
        lock["info"]["python"] = "3.14.0"
        lock_path.write_text(json.dumps(lock), encoding="utf-8")
        with pytest.raises(PrivateDetailMissing, match=r"Python 3\.14.*snapshot_trim"):
            check_pyodide(pyodide)
