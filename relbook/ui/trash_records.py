"""The trash's records page: trashed interactions and gifts, restorable one by one."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.history import TrashedRecord, trashed_records
from relbook.db.book import Book
from relbook.ui.events import BookEvents
from relbook.ui.operations import read_now
from relbook.ui.operations.history import restore_records
from relbook.ui.timeline_tab import when_text
from relbook.words import labels

_KIND_ROLE = Qt.ItemDataRole.UserRole
_REF_ROLE = Qt.ItemDataRole.UserRole + 1


def type_text(record: TrashedRecord) -> str:
    """What the record is, in words: the interaction's type, or gift and its direction."""
    if record.kind == "interaction":
        return labels.interaction_type(record.subtype)
    return f"{labels.interaction_type('gift')} · {labels.gift_direction(record.subtype)}"


class TrashRecords(QWidget):
    """Lists trashed interactions and gifts; Restore brings the selected ones back."""

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                labels.field("occurred_at"),
                labels.field("kind"),
                labels.field("contacts"),
                self.tr("What"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        records = read_now(self._book, trashed_records)
        self.tree.clear()
        for record in records:
            item = QTreeWidgetItem(
                [
                    when_text(record.when, record.kind == "interaction"),
                    type_text(record),
                    ", ".join(record.contacts),
                    record.summary,
                ]
            )
            item.setData(0, _KIND_ROLE, record.kind)
            item.setData(0, _REF_ROLE, record.ref_id)
            self.tree.addTopLevelItem(item)
        self.info.setText(
            self.tr("%1 interactions and gifts are in the trash.").replace("%1", str(len(records)))
            if records
            else self.tr("No interactions or gifts are in the trash.")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def restore_selected(self) -> None:
        chosen = [
            (str(item.data(0, _KIND_ROLE)), int(item.data(0, _REF_ROLE)))
            for item in self.tree.selectedItems()
        ]
        if not chosen:
            return
        restore_records(self, self._book, self._events, chosen).success(
            lambda _changes: self.reload()
        ).run()
