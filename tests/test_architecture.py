"""The house's arrows hold: no module imports against them, and nothing imports in a circle.

Every module of relbook/ and migrations/ is read with the standard library's ``ast`` (nothing
is imported). Absolute and relative imports both count, wherever they stand: at the top of a
module, inside a function (imported on use), and under ``if TYPE_CHECKING:`` as well: a type
named across an arrow is a dependency all the same, and none is needed today. What ``ast``
cannot see are imports by name at run time: ``importlib.import_module`` over the module lists
of app.py and ui/main_window.py (warming up modules the window will need), and alembic loading
migrations/ by path from relbook.db.migrate.

Packages here are the layers of docs/architecture.md: mostly folders (db/, core/, exchange/,
scheduler/, words/, cli/, ui/), with a few modules placed on their own in ``LAYER_OF``.
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {"relbook": ROOT / "relbook", "migrations": ROOT / "migrations"}

LAYER_OF: dict[str, str] = {
    # -- the folders
    "relbook.db": "db",
    "relbook.core": "core",
    "relbook.exchange": "exchange",
    "relbook.scheduler": "scheduler",
    "relbook.ui": "ui",
    # -- the one place of ui/ that opens units of work: each user action runs its service
    # off the UI thread and hands back what it changed (docs/architecture.md)
    "relbook.ui.operations": "operations",
    "relbook.ui.events": "operations",  # the one ``changed`` signal operations emit
    "relbook.ui.worker": "operations",  # the job runner they run on
    "relbook.ui.storage_dialogs": "operations",  # how they show a storage fault
    "relbook.words": "words",
    "relbook.cli": "cli",
    "migrations": "migrations",
    # -- three modules of ui/ word amounts, dates and the playbook for the reports as well
    "relbook.ui.amount_text": "words",
    "relbook.ui.date_text": "words",
    "relbook.ui.playbook": "words",
    # -- the program's entry (``relbook``, ``python -m relbook``): it hands the command line the
    # window, the self-test and the screenshots
    "relbook.__main__": "app",
    # -- opening a book (engine, upgrade, integrity check, sessions): it stands on core and
    # db, and every edge that works on a book (an import run, the scheduler, the CLI, the
    # window) opens it through here
    "relbook.db.book": "book",
    # -- the app wiring: start-up, the reminder centre (scheduler + popup + tray), the
    # self-test and the screenshot tool (both build the whole app)
    "relbook.app": "app",
    "relbook.ui.preflight": "app",  # before the window: a display and Qt's libraries
    "relbook.ui.reminder_center": "app",
    "relbook.self_test": "app",
    "relbook.ui.screenshots": "app",
    # -- the platform: modules of the standard library alone that any layer may use, like
    # ``logging``: the package's version, the crash log, the garbage-collector policy and
    # the operating system's autostart entry
    "relbook": "platform",
    "relbook.crash_log": "platform",
    "relbook.ui.gc_policy": "platform",
    "relbook.ui.autostart": "platform",
}
"""Module (or package) -> its layer; the longest matching name wins."""

LAYERS = ("platform", "db", "core", "migrations", "book", "exchange", "scheduler", "words")
LAYERS += ("cli", "operations", "ui", "app")

MAY_IMPORT: dict[str, set[str]] = {
    "platform": set(),
    "db": {"platform"},
    "core": {"db", "platform"},
    "migrations": {"core", "db"},
    "book": {"core", "db", "platform"},
    # an import runs on the open book (its sessions, a backup first); an archive records the
    # schema revision it was written at
    "exchange": {"core", "book", "db", "platform"},
    "scheduler": {"core", "book", "platform"},
    # the words word the codes of core and exchange, and fill exchange's word records
    # (IcsWords, ReportWords), so that exchange needs no Qt
    "words": {"core", "exchange", "platform"},
    "cli": {"words", "exchange", "book", "core", "db", "platform"},
    "operations": {"scheduler", "words", "exchange", "book", "core", "db", "platform"},
    "ui": {"operations", "scheduler", "words", "exchange", "book", "core", "db", "platform"},
    "app": {"ui", "operations", "cli", "words", "scheduler", "exchange", "book", "core", "db"}
    | {"platform"},
}
"""Layer -> the other layers it may import: every arrow points inwards (a layer may always
import itself)."""

WITHOUT_QT = {"platform", "db", "core", "migrations", "book", "exchange"}
"""Layers that never import PySide6: a test of them never needs a QApplication."""
QT_USERS = {
    "relbook.exchange.pdf": "prints reports with QPdfWriter: the one QtGui user of exchange "
    "(said at its top); the other exchange modules pass it HTML"
}
WITHOUT_SQL = {"words", "ui"}
"""Layers that never import SQLAlchemy: words know no tables, widgets hold no SQL."""

EXCEPTIONS: dict[tuple[str, str], str] = {}
"""(importing module, imported module or package) -> why it is allowed for now. Each one is
a known debt with its way out; ``test_every_exception_is_still_needed`` fails once the import
is gone, so the list only shrinks."""


@dataclass(frozen=True)
class Import:
    source: str
    """The importing module."""
    target: str
    """The imported relbook or migrations module, or a third-party package's top name."""
    line: int


def _module_name(path: Path, top: str, folder: Path) -> str:
    parts = [top, *path.relative_to(folder).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {}
    for top, folder in SOURCES.items():
        for path in sorted(folder.rglob("*.py")):
            found[_module_name(path, top, folder)] = path
    return found


MODULES = modules()


def imported_names(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The modules one import statement in ``module`` names: ours by their full dotted name
    (``from relbook.core import fields`` names relbook.core.fields), others by their top name."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:  # relative: from the module's package, one level up per extra dot
            package = module.split(".") if is_package else module.split(".")[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, *([base] if base else [])])
        names = [f"{base}.{alias.name}" for alias in node.names]
        names = [name if name in MODULES else base for name in names]
    found = set()
    for name in names:
        while name not in MODULES and "." in name and name.split(".")[0] in SOURCES:
            name = name.rsplit(".", 1)[0]  # a name inside a module: the module
        found.add(name if name.split(".")[0] in SOURCES else name.split(".")[0])
    return found


def imports() -> Iterator[Import]:
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in imported_names(module, path.name == "__init__.py", node):
                    if target != module:
                        yield Import(module, target, node.lineno)


IMPORTS = list(imports())


def layer_of(module: str) -> str:
    name = module
    while name not in LAYER_OF:
        if "." not in name:
            raise KeyError(f"{module} has no layer: add it to LAYER_OF")
        name = name.rsplit(".", 1)[0]
    return LAYER_OF[name]


def _ours(name: str) -> bool:
    return name.split(".")[0] in SOURCES


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected groups of more than one node (Tarjan), each sorted."""
    graph: dict[str, list[str]] = {}
    for source, target in sorted(edges):
        graph.setdefault(source, []).append(target)
        graph.setdefault(target, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def violations() -> dict[tuple[str, str], str]:
    """(source, target) -> what rule the import breaks, for every import against the rules."""
    found: dict[tuple[str, str], str] = {}
    for item in IMPORTS:
        source_layer = layer_of(item.source)
        where = f"{item.source}:{item.line} imports {item.target}"
        if _ours(item.target):
            target_layer = layer_of(item.target)
            if target_layer != source_layer and target_layer not in MAY_IMPORT[source_layer]:
                found[item.source, item.target] = f"{where}: {source_layer} -> {target_layer}"
        elif item.target == "PySide6" and source_layer in WITHOUT_QT:
            if item.source not in QT_USERS:
                found[item.source, item.target] = f"{where}: {source_layer} uses no Qt"
        elif item.target == "sqlalchemy" and source_layer in WITHOUT_SQL:
            found[item.source, item.target] = f"{where}: {source_layer} holds no SQL"
    return found


# ---------------------------------------------------------------- the rules themselves


def test_the_arrows_point_one_way() -> None:
    assert set(MAY_IMPORT) == set(LAYERS) == set(LAYER_OF.values())
    arrows = {(layer, other) for layer, others in MAY_IMPORT.items() for other in others}
    assert not cycles(arrows)
    order = {layer: place for place, layer in enumerate(LAYERS)}
    assert all(order[inner] < order[outer] for outer, inner in arrows)


def test_relative_imports_resolve_from_the_module_s_package() -> None:
    statement = ast.parse("from ..db import errors\nfrom . import fields\nfrom .models import X")
    found = [
        imported_names("relbook.core.search", False, node)
        for node in statement.body
        if isinstance(node, ast.ImportFrom)
    ]
    assert found == [{"relbook.db.errors"}, {"relbook.core.fields"}, {"relbook.core.models"}]
    package = ast.parse("from . import search").body[0]
    assert isinstance(package, ast.ImportFrom)
    assert imported_names("relbook.core", True, package) == {"relbook.core.search"}


def test_the_reader_sees_imports_inside_functions_and_for_type_checking() -> None:
    seen = {(i.source, i.target) for i in IMPORTS}
    assert ("relbook.__main__", "relbook.app") in seen  # inside a method
    assert ("relbook.exchange.import_run", "relbook.db.book") in seen  # under TYPE_CHECKING
    assert ("relbook.core.errors", "relbook.db.errors") in seen


# ---------------------------------------------------------------- the house


def test_every_module_has_a_layer() -> None:
    unplaced = []
    for module in MODULES:
        try:
            layer_of(module)
        except KeyError as problem:
            unplaced.append(str(problem))
    assert not unplaced


def test_no_cycle_between_files() -> None:
    edges = {(i.source, i.target) for i in IMPORTS if _ours(i.target)}
    assert cycles(edges) == []


def test_no_cycle_between_packages() -> None:
    """Between layers, the excepted imports included: a debt may break an arrow, not make a
    circle."""
    edges = {
        (layer_of(i.source), layer_of(i.target))
        for i in IMPORTS
        if _ours(i.target) and layer_of(i.source) != layer_of(i.target)
    }
    assert cycles(edges) == []


def test_every_import_follows_the_arrows() -> None:
    broken = violations()
    unexcused = sorted(message for key, message in broken.items() if key not in EXCEPTIONS)
    assert not unexcused, "\n".join(unexcused)


def test_every_exception_is_still_needed() -> None:
    stale = sorted(set(EXCEPTIONS) - set(violations()))
    assert not stale, f"remove from EXCEPTIONS: {stale}"


def test_the_inner_layers_have_no_exceptions() -> None:
    """db, core and exchange, which the rest stands on, follow the arrows with no excuse."""
    assert not [key for key in EXCEPTIONS if layer_of(key[0]) in {"db", "core", "exchange"}]
