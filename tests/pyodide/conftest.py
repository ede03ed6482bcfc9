"""Harness for running the engine inside real Pyodide under Node, offline (pytest-pyodide).

pytest-pyodide gets ``--runtime=node --dist-dir=build/pyodide-test-dist`` from the Makefile
(tests/conftest.py gives that directory when no --dist-dir is given); ``make pyodide-test-dist``
builds it (sitebuild/pyodide_dist.py): the npm Pyodide core plus the calculator wheel and the
pytest wheels, registered in its ``pyodide-lock.json``. What this file adds to pytest-pyodide,
and why:

* Offline guarantee. In Node, Pyodide 0.29 falls back to downloading a package from the jsDelivr
  CDN when its wheel is missing locally (``cdnUrl`` defaults to jsDelivr unless
  ``packageBaseUrl`` is given). The load script below pins ``packageBaseUrl`` to the dist
  directory, so that fallback can only look locally, and wraps Node's real ``fetch`` so that any
  request to a host other than loopback is refused and recorded; the tests assert that nothing
  was recorded.
* Clear failures. A missing or stale distribution (the wheel no longer matches ``calculator/``)
  fails with the command to run, instead of testing old code or a confusing error in Node.
* The dist directory is taken relative to the repository root even when pytest is started from
  another directory (pytest-pyodide resolves it against the current directory).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_pyodide import get_global_config  # type: ignore[import-untyped]

REPO = Path(__file__).resolve().parents[2]
PACKAGE_DIR = REPO / "calculator"
PROJECT_NAME = "wego-fee-calculator"
REBUILD_HINT = "run `make pyodide-test-dist` (builds the wheel and the Pyodide test distribution)"

# Installed in Node's main realm (not in the driver's vm context, which lacks URL and the other
# Node globals), so that Pyodide's own loader, which calls the main realm's `fetch`, goes through
# it too. Requests to anything but loopback are refused and recorded in `__offlineGuard.blocked`.
_NODE_OFFLINE_GUARD = """
(() => {
    if (globalThis.__offlineGuard) return;
    const realFetch = globalThis.fetch;
    const blocked = [];
    const loopback = new Set(["127.0.0.1", "localhost", "[::1]"]);
    globalThis.__offlineGuard = { blocked };
    globalThis.fetch = function (resource, options) {
        const href = typeof resource === "string" ? resource : String(resource?.url ?? resource);
        let url = null;
        try {
            url = new URL(href);
        } catch {
            // Not an absolute URL: it names no host, and fetch() rejects it by itself.
        }
        if (url !== null && url.protocol !== "file:" && !loopback.has(url.hostname)) {
            blocked.push(url.href);
            return Promise.reject(new Error(`offline test harness: blocked fetch of ${url.href}`));
        }
        return realFetch.call(this, resource, options);
    };
})();
"""

# Replaces pytest-pyodide's load script for Node (it runs in the driver's vm context, which has
# `require`). `packageBaseUrl` (the dist directory, as a JSON string) also becomes Pyodide's
# `cdnUrl`, so its "not found locally, load from the CDN" fallback can only look locally.
_NODE_LOAD_PYODIDE_SCRIPT = """
require("vm").runInThisContext(%(guard)s);
let pyodide = await loadPyodide({
    fullStdLib: false,
    jsglobals: self,
    packageBaseUrl: %(dist)s,
});
"""


def _reanchor_dist_dir(config: pytest.Config) -> Path:
    """Resolve a relative ``--dist-dir`` against the repository root, not the current directory.

    pytest-pyodide's own ``pytest_configure`` makes it absolute against the invocation
    directory; if that does not exist, the same relative path under the rootdir is used
    (the Makefile gives a path relative to the repository root). The result is written back to
    where pytest-pyodide reads it. An absolute path is needed anyway: Pyodide runs in a Node
    process whose current directory is the dist directory.
    """
    invocation_dir = config.invocation_params.dir
    dist: Path = invocation_dir / config.option.dist_dir  # no-op once absolute
    if not dist.exists() and dist.is_relative_to(invocation_dir):
        candidate = config.rootpath / dist.relative_to(invocation_dir)
        if candidate.exists():
            dist = candidate
    config.option.dist_dir = dist
    pytest.pyodide_dist_dir = dist  # type: ignore[attr-defined]  # pytest-pyodide's global
    return dist


# trylast: after pytest-pyodide's own pytest_configure, which this adjusts. (When this conftest
# is an initial conftest, e.g. `pytest tests/pyodide`, it would otherwise run first.)
@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config.option, "dist_dir"):
        return  # pytest-pyodide disabled (-p no:pytest_pyodide)
    dist = _reanchor_dist_dir(config)
    get_global_config().set_load_pyodide_script(
        "node",
        _NODE_LOAD_PYODIDE_SCRIPT
        % {"guard": json.dumps(_NODE_OFFLINE_GUARD), "dist": json.dumps(f"{dist}/")},
    )


@dataclass(frozen=True)
class PyodideDist:
    """The assembled distribution, as checked on the host before Pyodide starts."""

    path: Path
    lock: dict[str, Any]
    wheel: Path
    version: str


def _stale_files(wheel: Path) -> list[str]:
    """Files of ``calculator/`` whose bytes differ from (or are absent in) the wheel."""
    stale = []
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for src in sorted(PACKAGE_DIR.rglob("*")):
            if not src.is_file() or "__pycache__" in src.parts or src.suffix == ".pyc":
                continue
            arcname = src.relative_to(REPO).as_posix()
            if arcname not in names or zf.read(arcname) != src.read_bytes():
                stale.append(arcname)
    return stale


@pytest.fixture(scope="session")
def pyodide_dist(request: pytest.FixtureRequest) -> PyodideDist:
    """The test distribution; fails (with the command to run) if it is missing or stale."""
    dist = Path(request.config.option.dist_dir)
    lock_path = dist / "pyodide-lock.json"
    if not lock_path.is_file():
        pytest.fail(f"no Pyodide test distribution at {dist}: {REBUILD_HINT}", pytrace=False)
    lock: dict[str, Any] = json.loads(lock_path.read_text(encoding="utf-8"))
    packages = lock["packages"]
    for name in (PROJECT_NAME, "pytest"):
        if name not in packages or not (dist / packages[name]["file_name"]).is_file():
            pytest.fail(f"{lock_path} does not provide {name}: {REBUILD_HINT}", pytrace=False)
    wheel = dist / packages[PROJECT_NAME]["file_name"]
    stale = _stale_files(wheel)
    if stale:
        pytest.fail(
            f"{wheel.name} is older than the source ({', '.join(stale[:5])}"
            f"{', ...' if len(stale) > 5 else ''}): {REBUILD_HINT}",
            pytrace=False,
        )
    return PyodideDist(dist, lock, wheel, packages[PROJECT_NAME]["version"])


@pytest.fixture
def node_pyodide(pyodide_dist: PyodideDist, selenium: Any) -> Iterator[Any]:
    """pytest-pyodide's Node runner (Pyodide started once per module), checked to stay offline.

    After the test, fails if anything in the Node process tried to fetch from a host other
    than loopback (see the load script above).
    """
    yield selenium
    blocked = selenium.run_js(
        'return require("vm").runInThisContext("globalThis").__offlineGuard.blocked;'
    )
    assert not blocked, f"Pyodide tried to reach the network: {blocked}"
