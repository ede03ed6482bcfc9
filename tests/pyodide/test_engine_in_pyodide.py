"""The calculator wheel, and the engine's own test suite, inside real Pyodide under Node.

The site runs the engine in the browser through Pyodide, so "the tests pass in CPython" is not
enough: these tests install the *built wheel* (not the source tree) into Pyodide from the
self-hosted distribution (``make pyodide-test-dist``), then run the engine's pytest modules from
``tests/calculator/`` with the pytest that Pyodide's lock names, inside Pyodide. Everything is
loaded from local files; ``conftest.py`` makes any other network access fail the test.

The few engine test modules that cannot run inside Pyodide are listed, with the reason, in
``NOT_IN_PYODIDE``; they still run on the host.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.pyodide

REPO = Path(__file__).resolve().parents[2]
ENGINE_TESTS = REPO / "tests" / "calculator"
NOT_IN_PYODIDE = {
    "test_properties.py": "Hypothesis is not in the Pyodide distribution",
    "test_cli.py": "starts subprocesses, which Pyodide cannot",
    "test_formatting_cldr.py": "checks against Babel (CLDR), a host-only test dependency",
}
#: Files outside tests/calculator/ that the engine tests read (test_render's golden files, the
#: hostile-input corpus of test_hostile_inputs, in the harness package); a directory is
#: copied whole.
ENGINE_TEST_DATA = (
    REPO / "tests" / "golden",
    REPO / "harness",
    REPO / "scripts" / "refresh_gdp_data.py",  # test_countries runs it on tests/calculator/fixtures
)
PROJECT_NAME = "wego-fee-calculator"
IMPORT_NAME = "calculator"

# Where the repository's test files are mirrored inside Pyodide's (in-memory) file system. The
# engine source is deliberately *not* copied: `calculator` can only come from the wheel.
PYODIDE_REPO = "/home/pyodide/repo"


def _engine_files() -> tuple[list[Path], list[Path]]:
    """(files to copy, test modules to run), both absolute host paths.

    Copied: everything under tests/calculator/ (its conftest, helpers such as expected.py, data)
    except ``NOT_IN_PYODIDE`` and caches; the data of ``ENGINE_TEST_DATA``; and the
    ``__init__.py`` of ``tests/``, so that the package-style test modules import as they do on
    the host (``tests.calculator.test_x``, ``from .expected import ...``). ``tests/conftest.py``
    is deliberately not copied: it configures Hypothesis, which Pyodide does not have.
    """
    skip_parts = {"__pycache__", ".hypothesis", ".pytest_cache"}
    copy: list[Path] = []
    for root in (ENGINE_TESTS, *ENGINE_TEST_DATA):
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if not path.is_file() or path.name in NOT_IN_PYODIDE or path.suffix == ".pyc":
                continue
            if skip_parts & set(path.parts):
                continue
            copy.append(path)
    init = ENGINE_TESTS.parent / "__init__.py"
    if init.is_file():
        copy.append(init)
    modules = [
        p
        for p in copy
        if p.is_relative_to(ENGINE_TESTS) and p.name.startswith("test_") and p.suffix == ".py"
    ]
    return copy, modules


def _pytest_ini() -> str:
    """The project's pytest settings that make sense inside Pyodide, as a pytest.ini.

    ``addopts`` and ``testpaths`` are left out: they name host-only options (pytest-pyodide's
    ``--runtime``/``--dist-dir``) and the whole tests/ tree. Strictness (markers, config,
    warnings as errors, strict xfail) is kept, so a warning that only Pyodide raises fails too.
    """
    options = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "pytest"
    ]["ini_options"]
    lines = ["[pytest]", "addopts = -ra --strict-markers --strict-config"]
    if "xfail_strict" in options:
        lines.append(f"xfail_strict = {str(options['xfail_strict']).lower()}")
    for key in ("filterwarnings", "markers"):
        if options.get(key):
            lines.append(f"{key} =")
            lines.extend(f"    {value}" for value in options[key])
    return "\n".join(lines) + "\n"


# Runs inside Pyodide. Returns a JSON report, so the host can assert on it and show the output.
_RUN_PYTEST_IN_PYODIDE = """
def _run_engine_tests(params_json):
    import contextlib, io, json, os, sys
    import pytest

    params = json.loads(params_json)

    class Tally:
        collected = 0
        stats = {}

        def pytest_collection_finish(self, session):
            self.collected = len(session.items)

        def pytest_terminal_summary(self, terminalreporter):
            self.stats = {k: len(v) for k, v in terminalreporter.stats.items() if k}

    tally = Tally()
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(params["root"])
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            exit_code = pytest.main(params["args"], plugins=[tally])
    finally:
        os.chdir(cwd)
    engine = sys.modules.get(params["import_name"])
    return json.dumps({
        "exit_code": int(exit_code),
        "collected": tally.collected,
        "stats": tally.stats,
        "output": out.getvalue(),
        "pytest_version": pytest.__version__,
        "engine_file": getattr(engine, "__file__", None),
    })
"""

_WHEEL_PROBE = """
def _probe(import_name, project_name):
    import importlib, importlib.metadata, json, os.path, sys, sysconfig
    module = importlib.import_module(import_name)
    dist = importlib.metadata.distribution(project_name)
    return json.dumps({
        "platform": sys.platform,
        "python": list(sys.version_info[:2]),
        "file": module.__file__,
        # Pyodide's prefix is "/", so sysconfig says "//lib/..."; normpath keeps a leading "//".
        "purelib": "/" + os.path.normpath(sysconfig.get_paths()["purelib"]).lstrip("/"),
        "version": dist.version,
        "wheel_metadata": dist.read_text("WHEEL") or "",
        "installer": (dist.read_text("INSTALLER") or "").strip(),
    })
"""


def _run_python(selenium: Any, code: str, call: str) -> Any:
    """Run ``code`` then the expression ``call`` in Pyodide; return its JSON result, decoded."""
    source = f"{code}\n{call}\n"
    return json.loads(selenium.run_js(f"return pyodide.runPython({json.dumps(source)});"))


def test_calculator_is_imported_from_the_wheel(node_pyodide: Any, pyodide_dist: Any) -> None:
    node_pyodide.load_package([PROJECT_NAME])
    info = _run_python(node_pyodide, _WHEEL_PROBE, f"_probe({IMPORT_NAME!r}, {PROJECT_NAME!r})")

    assert info["platform"] == "emscripten", info
    assert info["python"][0] == 3, info
    assert info["version"] == pyodide_dist.version, info
    # Installed into Pyodide's site-packages from the wheel (hatchling wrote its WHEEL file),
    # not found on sys.path from a copy of the source tree.
    assert info["file"].startswith(info["purelib"] + "/"), info
    assert "Generator: hatchling" in info["wheel_metadata"], info
    assert info["installer"] == "pyodide.loadPackage", info


@pytest.mark.driver_timeout(60)
def test_engine_test_suite_passes_in_pyodide(node_pyodide: Any, pyodide_dist: Any) -> None:
    copy, modules = _engine_files()
    assert modules, f"no engine test modules (test_*.py) under {ENGINE_TESTS}"

    node_pyodide.load_package([PROJECT_NAME, "pytest"])

    # Node reads the files from the host disk straight into Pyodide's in-memory file system
    # (the driver's context has `require`), rather than pushing their bytes through the
    # driver's line-by-line pipe.
    pairs = [[str(p), f"{PYODIDE_REPO}/{p.relative_to(REPO).as_posix()}"] for p in copy]
    ini = f"{PYODIDE_REPO}/pytest.ini"
    node_pyodide.run_js(
        f"""
        const fs = require("fs");
        for (const [src, dst] of {json.dumps(pairs)}) {{
            pyodide.FS.mkdirTree(dst.substring(0, dst.lastIndexOf("/")));
            pyodide.FS.writeFile(dst, fs.readFileSync(src));
        }}
        pyodide.FS.writeFile({json.dumps(ini)}, {json.dumps(_pytest_ini())});
        """
    )

    args = [
        *(p.relative_to(REPO).as_posix() for p in modules),
        "-c",
        ini,
        "--rootdir",
        PYODIDE_REPO,
        "-p",
        "no:cacheprovider",
        "-q",
        "--color=no",
    ]
    params = {"root": PYODIDE_REPO, "args": args, "import_name": IMPORT_NAME}
    report = _run_python(
        node_pyodide,
        _RUN_PYTEST_IN_PYODIDE,
        f"_run_engine_tests({json.dumps(params)!r})",
    )

    output = f"--- pytest {report['pytest_version']} inside Pyodide ---\n{report['output']}"
    print(output)  # shown by `pytest -rP` (and with the assertion message on failure)
    assert report["exit_code"] == 0, output
    assert report["collected"] > 0, output
    assert report["stats"].get("passed", 0) > 0, output
    assert (
        report["stats"].get("passed", 0)
        + report["stats"].get("skipped", 0)
        + report["stats"].get("xfailed", 0)
        == report["collected"]
    ), output
    # The tests exercised the wheel's module, not a stray copy.
    assert report["engine_file"] is not None, output
    assert "/site-packages/" in report["engine_file"], output
