"""The calculator package's modules import one another without a cycle.

Read from the source (every ``import``, at module level or inside a function), not from
``sys.modules``: an import hidden in a function is a cycle all the same, only deferred.
"""

import ast
from pathlib import Path

import pytest

import calculator

#: The package as installed (the wheel, inside Pyodide; the work tree, on the host).
PACKAGE = Path(calculator.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports (``from . import x`` names module x)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            if base in modules:
                found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules}
    return found - {name}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(path) for path in paths}
    return {_module_name(path): _imports(path, modules) for path in paths}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path of module names, or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        stack.append(module)
        # Python imports a package before any of its modules, so an edge to the package
        # (``from . import records``) is already satisfied: only submodules form a cycle.
        for target in sorted(graph.get(module, set()) - {"calculator"}):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_no_module_of_the_package_imports_itself_back():
    assert find_cycle(import_graph()) is None


def test_the_graph_sees_relative_and_deferred_imports():
    """The walk finds what it must: protocol above request and batch, batch above request."""
    graph = import_graph()
    assert {"calculator.request", "calculator.batch"} <= graph["calculator.protocol"]
    assert "calculator.request" in graph["calculator.batch"]
    assert "calculator.protocol" not in graph["calculator.request"]


@pytest.mark.parametrize(
    ("graph", "cycle"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"b"}, "b": set()}, None),
    ],
)
def test_a_cycle_is_found(graph, cycle):
    """The check can fail: the request/batch cycle this replaced would be reported."""
    assert find_cycle(graph) == cycle


def test_a_deferred_import_counts(tmp_path, monkeypatch):
    """``from .batch import x`` inside a function is an edge, as the old answer_json had."""
    package = tmp_path / "calculator"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "request.py").write_text("def f():\n    from .batch import g\n")
    (package / "batch.py").write_text("from .request import f\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", package)
    assert find_cycle(import_graph()) in (
        ["calculator.batch", "calculator.request", "calculator.batch"],
        ["calculator.request", "calculator.batch", "calculator.request"],
    )
