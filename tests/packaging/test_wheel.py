"""The calculator wheel: pure Python, the engine and its data only, no runtime dependencies."""

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("*.whl")
    return path


def test_pure_python_tag(wheel):
    """The wheel is py3-none-any, so Pyodide can install it."""
    assert wheel.name.endswith("-py3-none-any.whl")


def test_contents_are_the_engine_only(wheel):
    """Only calculator/ and its metadata are inside, with the data files."""
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"calculator", "wego_fee_calculator-1.0.0.dist-info"}
    for data in (
        "calculator/schedule.json",
        "calculator/locales/ru.json",
        "calculator/locales/en.json",
        "calculator/py.typed",
        "calculator/data/gdp_per_capita_ppp.csv",
        "calculator/data/source.json",
        "calculator/data/iso3166_alpha3.txt",
        "calculator/data/SOURCE.md",
        "calculator/schema/records.schema.json",
    ):
        assert data in names


def test_gdp_data_is_shipped_byte_for_byte(wheel):
    """The World Bank figures in the wheel are the files in calculator/data/, unchanged."""
    with zipfile.ZipFile(wheel) as archive:
        for path in sorted((ROOT / "calculator" / "data").iterdir()):
            assert archive.read(f"calculator/data/{path.name}") == path.read_bytes(), path.name


def test_no_runtime_dependencies(wheel):
    """The engine is std-lib only."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read("wego_fee_calculator-1.0.0.dist-info/METADATA").decode()
    assert Parser().parsestr(metadata).get_all("Requires-Dist") is None
