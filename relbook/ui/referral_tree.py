"""The referral tree: who came through whom, with how many people each referrer brought."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.referrals import ReferralNode, referral_forest
from relbook.db.book import Book
from relbook.ui.date_text import solar_text
from relbook.ui.events import BookEvents
from relbook.ui.operations import read_now
from relbook.words import labels

_ID_ROLE = Qt.ItemDataRole.UserRole


class ReferralTreeDialog(QDialog):
    """Every referral chain in the book; double-click a person to open them."""

    open_contact_requested = Signal(int)

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self.setWindowTitle(self.tr("Referral tree"))
        self.resize(760, 560)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                labels.field("name"),
                labels.field("company"),
                self.tr("Referred on"),
                self.tr("Came through them"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(
            lambda item, _column: self.open_contact_requested.emit(int(item.data(0, _ID_ROLE)))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        events.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: BookChanges) -> None:
        if changes.history or changes.contacts or changes.trash:
            self.reload()

    def reload(self) -> None:
        forest = read_now(self._book, referral_forest)
        self.tree.clear()
        for root in forest:
            self.tree.addTopLevelItem(self._item(root))
        self.tree.expandAll()
        brought = sum(root.descendants for root in forest)
        if forest:
            text = (
                self.tr("%1 people came to you through %2 first referrers.")
                .replace("%1", str(brought))
                .replace("%2", str(len(forest)))
            )
        else:
            text = self.tr(
                "No referrals yet. Record them on a contact's Relations tab, or set "
                '"Referred by" in the editor.'
            )
        self.summary_label.setText(text)

    def _item(self, node: ReferralNode) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                node.name,
                node.company,
                solar_text(node.referred_on) if node.referred_on else "",
                str(node.descendants) if node.descendants else "",
            ]
        )
        item.setData(0, _ID_ROLE, node.contact_id)
        item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for child in node.children:
            item.addChild(self._item(child))
        return item
