"""The company map window (组织结构与决策人分析): the people known at one organization as an
org chart, each with title, buying role, level and insider mark, and the gaps in words.

Opened from the contact pane's company link. The map is read off the UI thread
(``operations.company.read_company_map``) and read again when a change touches the people
shown, or may have brought someone to the company or taken someone away.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.company_map import CompanyMap, MapPerson
from relbook.core.enums import RelationKind
from relbook.core.errors import RelbookError
from relbook.db.book import Book
from relbook.ui.events import BookEvents
from relbook.ui.operations.company import read_company_map
from relbook.words import labels
from relbook.words.company_words import gap_text

RELOAD_DELAY_MS = 300
"""A burst of changes elsewhere reloads the map once, after this pause."""
NAME, TITLE, DEPARTMENT, ROLE, LEVEL, INSIDER = range(6)
CONTACT_ID = Qt.ItemDataRole.UserRole


def chart_rows(people: list[MapPerson]) -> list[tuple[MapPerson, int | None]]:
    """(person, the superior they are shown under) in the chart's order: people with no
    superior at the top, each followed by those under them. Someone with several superiors is
    shown under the first; people in a loop of superiors are put at the top once."""
    by_id = {p.id: p for p in people}
    under: dict[int, list[MapPerson]] = {}
    roots: list[MapPerson] = []
    for person in people:
        above = next((i for i in person.superiors if i in by_id and i != person.id), None)
        if above is None:
            roots.append(person)
        else:
            under.setdefault(above, []).append(person)
    rows: list[tuple[MapPerson, int | None]] = []
    placed: set[int] = set()

    def place(person: MapPerson, parent: int | None) -> None:
        if person.id in placed:
            return
        placed.add(person.id)
        rows.append((person, parent))
        for below in under.get(person.id, []):
            place(below, person.id)

    for person in roots:
        place(person, None)
    for person in people:  # a loop of superiors reaches no root
        place(person, None)
    return rows


class CompanyMapWindow(QWidget):
    """Non-modal; one per organization. Double-clicking a person asks the main window to
    show them (``open_contact_requested``)."""

    open_contact_requested = Signal(int)

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        organization: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self._book = book
        self._events = events
        self.organization = organization
        self.company: CompanyMap | None = None
        self._loading = False
        self._closed = False
        self.setWindowTitle(self.tr("Company map: %1").replace("%1", organization))
        self.resize(820, 560)

        self.title = QLabel(organization)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(
            self.tr("People with no known superior are at the top. Double-click to open one.")
        )
        self.hint.setStyleSheet("color: #607d8b;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels(
            [
                labels.field("name"),
                labels.field("title"),
                labels.field("department"),
                labels.field("buying_role"),
                labels.field("level"),
                labels.field("is_insider"),
            ]
        )
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(self._open_person)
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gaps_box = QGroupBox(self.tr("Gaps"))
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        QVBoxLayout(self.gaps_box).addWidget(self.gaps)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.links)
        layout.addWidget(self.gaps_box)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.load)
        events.changed.connect(self._book_changed)
        self.load()

    def load(self) -> None:
        """Read the map in the background; a read already running is followed by another."""
        if self._loading:
            self._reload_timer.start()
            return
        self._loading = True
        read_company_map(self, self._book, self._events.runner, self.organization).success(
            self._loaded
        ).failure(self._load_failed, Exception).run()

    def _loaded(self, company: CompanyMap) -> None:
        self._loading = False
        if self._closed:
            return
        self.company = company
        self.status.hide()
        self.title.setText(f"{company.name}  ·  {labels.org_type(company.org_type)}")
        self._fill_tree(company)
        self._fill_links(company)
        if company.gaps:
            self.gaps.setText("\n".join(f"• {gap_text(code)}" for code in company.gaps))
            self.gaps.setStyleSheet("color: #b71c1c;")
        else:
            self.gaps.setText(
                self.tr(
                    "No gaps: a decision maker, an insider, someone senior and a close "
                    "relationship are known here."
                )
            )
            self.gaps.setStyleSheet("color: #1b5e20;")

    def _load_failed(self, problem: Exception) -> None:
        self._loading = False
        if self._closed:
            return
        detail = labels.problem_text(problem) if isinstance(problem, RelbookError) else str(problem)
        self.status.setText(self.tr("The company map could not be read: %1").replace("%1", detail))
        self.status.show()

    def _fill_tree(self, company: CompanyMap) -> None:
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for person, parent in chart_rows(company.people):
            item = QTreeWidgetItem()
            item.setText(NAME, person.name)
            item.setText(TITLE, person.title)
            item.setText(DEPARTMENT, person.department)
            item.setText(ROLE, labels.buying_role(person.buying_role))
            item.setText(LEVEL, labels.level_with_number(person.level))
            item.setText(INSIDER, self.tr("Insider") if person.is_insider else "")
            item.setData(NAME, CONTACT_ID, person.id)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                items[parent].addChild(item)
            items[person.id] = item
        self.tree.expandAll()
        if not company.people:
            empty = QTreeWidgetItem([self.tr("Nobody is known at this company yet.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)

    def _fill_links(self, company: CompanyMap) -> None:
        """The links other than superior ones (peers, friends, family...), in words."""
        names = {p.id: p.name for p in company.people}
        lines = [
            self.tr("%1 and %3: %2")
            .replace("%1", names[r.from_id])
            .replace("%2", labels.relation_kind(r.kind))
            .replace("%3", names[r.to_id])
            for r in company.relations
            if r.kind != RelationKind.SUPERIOR
        ]
        self.links.setText(self.tr("Other links: %1").replace("%1", "; ".join(lines)))
        self.links.setVisible(bool(lines))

    def person_item(self, contact_id: int) -> QTreeWidgetItem | None:
        """The chart's line of the person with ``contact_id``, if shown."""
        for item in self._all_items():
            if item.data(NAME, CONTACT_ID) == contact_id:
                return item
        return None

    def _all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            if item is None:
                continue
            found.append(item)
            pending += [item.child(i) for i in range(item.childCount())]
        return found

    def _open_person(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        contact_id = item.data(NAME, CONTACT_ID)
        if contact_id is not None:
            self.open_contact_requested.emit(int(contact_id))

    def _book_changed(self, changes: BookChanges) -> None:
        """Reload when the change may touch someone at this organization: someone shown
        changed or was linked, or a contact came, went or changed company."""
        if self._closed:
            return
        shown = {p.id for p in self.company.people} if self.company else set()
        touched = bool(shown & changes.contact_ids)
        moved = changes.contacts and (not changes.fields or "organization_id" in changes.fields)
        if touched or moved or changes.organizations or changes.trash:
            self._reload_timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self._reload_timer.stop()
        super().closeEvent(event)
