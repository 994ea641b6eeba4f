"""The contact pane's relations: linked contacts, who referred them and whom they referred."""

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.referrals import links_of
from relbook.db.book import Book
from relbook.ui.date_text import solar_text
from relbook.ui.events import BookEvents
from relbook.ui.link_dialogs import ReferralDialog, RelationDialog
from relbook.ui.operations import read_now
from relbook.ui.operations.history import remove_link
from relbook.words import labels

_ID_ROLE = Qt.ItemDataRole.UserRole
_LINK_ROLE = Qt.ItemDataRole.UserRole + 1


class RelationsTab(QWidget):
    """Linked contacts and referrals of one contact; clicking a person opens them."""

    open_contact_requested = Signal(int)

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id: int | None = None
        self._name = ""
        self.dialog: QDialog | None = None

        self.add_relation_button = QPushButton(self.tr("Add relation…"))
        self.add_referral_button = QPushButton(self.tr("Add referral…"))
        self.add_relation_button.clicked.connect(self.add_relation)
        self.add_referral_button.clicked.connect(self.add_referral)
        self.relations_tree = self._tree(
            [labels.field("relation"), labels.field("name"), labels.field("notes")]
        )
        self.referred_by_tree = self._tree([labels.field("name"), labels.field("given_on")])
        self.referred_tree = self._tree([labels.field("name"), labels.field("given_on")])

        top = QHBoxLayout()
        top.addWidget(self.add_relation_button)
        top.addWidget(self.add_referral_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.relations_box = self._box(self.tr("Linked contacts"), self.relations_tree)
        self.referred_by_box = self._box(labels.field("referred_by_id"), self.referred_by_tree)
        self.referred_box = self._box(self.tr("Referred by them"), self.referred_tree)
        layout.addWidget(self.relations_box, 3)
        layout.addWidget(self.referred_by_box, 1)
        layout.addWidget(self.referred_box, 2)

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setCursor(Qt.CursorShape.PointingHandCursor)
        tree.setToolTip(self.tr("Click a person to open them"))
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        tree.itemClicked.connect(self._clicked)
        tree.itemActivated.connect(self._clicked)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(lambda point: self._menu(tree, point))
        return tree

    def _menu(self, tree: QTreeWidget, point: QPoint) -> None:
        """Right-click removes a relation or referral recorded by mistake."""
        item = tree.itemAt(point)
        if item is None:
            return
        menu = QMenu(tree)
        if tree is self.relations_tree:
            action = menu.addAction(self.tr("Remove this relation"))
        else:
            action = menu.addAction(self.tr("Remove this referral"))
        if menu.exec(tree.viewport().mapToGlobal(point)) is action:
            self.remove_link(tree, item)

    def remove_link(self, tree: QTreeWidget, item: QTreeWidgetItem) -> None:
        link_id = int(item.data(0, _LINK_ROLE))
        relation = tree is self.relations_tree
        remove_link(self, self._book, self._events, relation, link_id).success(self._removed).run()

    def _removed(self, _changes: BookChanges) -> None:
        self.reload()

    @staticmethod
    def _box(title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        box_layout.addWidget(content)
        return box

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.open_contact_requested.emit(int(item.data(0, _ID_ROLE)))

    @staticmethod
    def _item(contact_id: int, texts: list[str], link_id: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(texts)
        item.setData(0, _ID_ROLE, contact_id)
        item.setData(0, _LINK_ROLE, link_id)
        return item

    def load(self, contact_id: int | None) -> None:
        self._contact_id = contact_id
        self.reload()

    def reload(self) -> None:
        for tree in (self.relations_tree, self.referred_by_tree, self.referred_tree):
            tree.clear()
        contact_id = self._contact_id
        links = (
            read_now(self._book, lambda session: links_of(session, contact_id))
            if contact_id
            else None
        )
        self.add_relation_button.setEnabled(links is not None)
        self.add_referral_button.setEnabled(links is not None)
        if links is None:
            return
        self._name = links.name
        for other_id, kind, name, note, link_id in links.relations:
            self.relations_tree.addTopLevelItem(
                self._item(other_id, [labels.relation_kind(kind), name, note], link_id)
            )
        for other_id, name, when, link_id in links.referred_by:
            self.referred_by_tree.addTopLevelItem(
                self._item(other_id, [name, solar_text(when)], link_id)
            )
        for other_id, name, when, link_id in links.referred:
            self.referred_tree.addTopLevelItem(
                self._item(other_id, [name, solar_text(when)], link_id)
            )
        self.referred_box.setTitle(f"{self.tr('Referred by them')} ({len(links.referred)})")

    def add_relation(self) -> None:
        if self._contact_id is not None:
            self._open(RelationDialog(self._book, self._events, self._contact_id, self._name, self))

    def add_referral(self) -> None:
        if self._contact_id is not None:
            self._open(ReferralDialog(self._book, self._events, self._contact_id, self._name, self))

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
