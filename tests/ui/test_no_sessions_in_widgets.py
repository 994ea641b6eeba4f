"""Widgets hold no SQL and open no sessions: they call ``relbook.ui.operations``, which calls
core (see shared/architecture.md, "Layers and the one rule")."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "relbook" / "ui"
OPERATIONS = UI / "operations"


def _widget_modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if OPERATIONS not in p.parents)


def _imports(tree: ast.AST) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


def _session_calls(tree: ast.AST) -> list[int]:
    """Lines calling ``<anything>.session(...)`` (a unit of work opened by the widget)."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "session"
    ]


def test_the_check_sees_the_widgets_and_skips_the_operations_layer():
    modules = {p.name for p in _widget_modules()}
    assert {"main_window.py", "contact_editor.py", "contact_list_model.py"} <= modules
    assert not any(OPERATIONS in p.parents for p in _widget_modules())


def test_no_widget_imports_sqlalchemy():
    offenders = {
        str(path.relative_to(UI)): name
        for path in _widget_modules()
        for name in _imports(ast.parse(path.read_text(encoding="utf-8")))
        if name.split(".")[0] == "sqlalchemy"
    }
    assert offenders == {}


def test_no_widget_opens_a_session():
    offenders = {
        str(path.relative_to(UI)): lines
        for path in _widget_modules()
        if (lines := _session_calls(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}
