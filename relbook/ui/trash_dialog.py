"""The trash: deleted contacts, interactions and gifts, restorable until the trash is emptied."""

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.contacts import trashed_ids
from relbook.core.search import ContactFilter, Sort
from relbook.db.book import Book
from relbook.ui.contact_list_model import TRASH_COLUMNS, ContactListModel
from relbook.ui.events import BookEvents
from relbook.ui.operations import read_now
from relbook.ui.operations.contacts import purge_contacts, restore_contacts
from relbook.ui.trash_records import TrashRecords
from relbook.ui.worker import JobRunner


class TrashDialog(QDialog):
    """Lists trashed contacts; restore the selected ones or delete them for good."""

    def __init__(
        self, book: Book, events: BookEvents, runner: JobRunner, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash"))
        self.resize(820, 480)
        self._book = book
        self._events = events
        self.model = ContactListModel(
            book,
            runner,
            self,
            ContactFilter(trash=True),
            TRASH_COLUMNS,
            Sort("deleted_at", descending=True),
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 240)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        contact_buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.purge_button = QPushButton(self.tr("Delete for good"))
        self.empty_button = QPushButton(self.tr("Empty trash"))
        contact_buttons.addStretch(1)
        for button in (self.restore_button, self.purge_button, self.empty_button):
            contact_buttons.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty)
        contacts_page = QWidget()
        contacts_layout = QVBoxLayout(contacts_page)
        contacts_layout.addWidget(self.info)
        contacts_layout.addWidget(self.table)
        contacts_layout.addLayout(contact_buttons)
        self.records = TrashRecords(book, events)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(contacts_page, self.tr("Contacts"))
        self.tabs.addTab(self.records, self.tr("Records"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.model.loaded.connect(self._update_info)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.reload_now()

    def _update_info(self, count: int) -> None:
        if count:
            self.info.setText(
                self.tr(
                    "%1 contacts are in the trash. Restore brings a contact back with its "
                    "whole history."
                ).replace("%1", str(count))
            )
        else:
            self.info.setText(self.tr("The trash is empty."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.selected_ids())
        self.restore_button.setEnabled(selected)
        self.purge_button.setEnabled(selected)
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        ids = [self.model.contact_id(row) for row in sorted(rows)]
        return [i for i in ids if i is not None]

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        restore_contacts(self, self._book, self._events, ids, datetime.now()).success(
            self._reload
        ).run()

    def _reload(self, _changes: BookChanges) -> None:
        self.model.reload_now()
        self.records.reload()

    def _confirm(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete for good"),
            self.tr("Delete %1 contacts for good? This cannot be undone.").replace(
                "%1", str(count)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self._confirm(len(ids)):
            self._purge(ids)

    def empty(self) -> None:
        ids = read_now(self._book, trashed_ids)
        if ids and self._confirm(len(ids)):
            self._purge(ids)

    def _purge(self, ids: list[int]) -> None:
        purge_contacts(self, self._book, self._events, ids).success(self._reload).run()
