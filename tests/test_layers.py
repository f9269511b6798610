"""The shape of reader/: core free of Qt, no import cycle, packages layered, short modules."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READER = ROOT / "reader"
CORE = READER / "core"
MAX_MODULE_LINES = 450
QT_PACKAGES = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}


def _module_name(path: Path, top: Path) -> str:
    parts = list(path.relative_to(top.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import that runs, at module level or inside a function: not those that only
    a type checker reads (`if TYPE_CHECKING:`)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for n in node.orelse for n in _import_nodes_of(n))
            continue
        yield from _import_nodes_of(node)


def _import_nodes_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _import_nodes(node)


def _imports(path: Path) -> list[str]:
    """Dotted names a module imports; `from a.b import c` gives a.b and a.b.c (c may be a
    module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path, READER).rpartition(".")[0] if path.is_relative_to(READER) else ""
    names: list[str] = []
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        names.append(base)
        names += [f"{base}.{a.name}" for a in node.names]
    return names


def import_graph(top: Path) -> dict[str, set[str]]:
    """Module → the modules of the same tree it imports."""
    modules = {_module_name(p, top): p for p in sorted(top.rglob("*.py"))}
    return {
        name: {n for n in _imports(path) if n in modules and n != name}
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def package_graph(graph: dict[str, set[str]], depth: int) -> dict[str, set[str]]:
    """The same graph between packages `depth` dots deep (reader.core.align, …)."""
    def package(name: str) -> str:
        return ".".join(name.split(".")[:depth])

    out: dict[str, set[str]] = {}
    for name, deps in graph.items():
        out.setdefault(package(name), set()).update(
            package(d) for d in deps if package(d) != package(name)
        )
    return out


def test_core_never_imports_qt_or_the_front_ends() -> None:
    offenders = [
        f"{path.relative_to(CORE)}: {name}"
        for path in sorted(CORE.rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in QT_PACKAGES
        or name.startswith(("reader.ui", "reader.commands", "reader.cli"))
    ]
    assert offenders == []


def test_the_ui_never_imports_the_command_line() -> None:
    offenders = [
        f"{path.relative_to(READER)}: {name}"
        for path in sorted((READER / "ui").rglob("*.py"))
        for name in _imports(path)
        if name.startswith(("reader.commands", "reader.cli"))
    ]
    assert offenders == []


def test_no_import_cycle_between_modules() -> None:
    assert cycles(import_graph(READER)) == []


def test_no_import_cycle_between_packages() -> None:
    graph = import_graph(READER)
    assert cycles(package_graph(graph, 3)) == []  # reader.core.align, reader.ui.reading, …


def test_every_module_fits_in_a_head() -> None:
    too_long = {
        str(path.relative_to(ROOT)): n
        for path in sorted(READER.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}


def test_the_checks_see_what_they_look_for(tmp_path: Path) -> None:
    top = tmp_path / "pkg"
    (top / "sub").mkdir(parents=True)
    (top / "__init__.py").write_text("")
    (top / "sub" / "__init__.py").write_text("")
    (top / "a.py").write_text("from PySide6.QtCore import QObject\nfrom pkg.sub import b\n")
    (top / "sub" / "b.py").write_text("def f():\n    from pkg import a\n")
    (top / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
    )
    assert "PySide6.QtCore" in _imports(top / "a.py")
    graph = import_graph(top)
    assert cycles(graph) == [["pkg.a", "pkg.sub.b"]]  # an import inside a function counts
    assert graph["pkg.c"] == set()  # one a type checker alone reads does not
    assert cycles(package_graph(graph, 2)) == [["pkg.a", "pkg.sub"]]
