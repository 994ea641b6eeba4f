"""The Contacts tab: filters and the contact list on the left, the contact pane beside them.

Built once the book is open (``MainWindow.attach_book``): these are the modules that load the
database layer, which the window's first paint does without.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView, QVBoxLayout, QWidget

from relbook.core.search import ContactFilter
from relbook.db.book import Book
from relbook.ui.contact_list_model import ContactListModel
from relbook.ui.contact_pane import ContactPane
from relbook.ui.contact_table import setup_contact_table
from relbook.ui.events import BookEvents
from relbook.ui.filter_bar import FilterBar
from relbook.ui.worker import JobRunner

COLUMN_WIDTHS = (84, 210, 100, 100, 100, 44, 84, 180)


class ContactsPage(QSplitter):
    """The list (``model``, ``table``) under its ``filters``, and the ``pane`` of one contact."""

    def __init__(self, book: Book, events: BookEvents, runner: JobRunner, parent: QWidget):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.model = ContactListModel(book, runner, self)
        self.table = QTableView(self)
        setup_contact_table(self.table, self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.filters = FilterBar(book, self)
        self.pane = ContactPane(book, events, self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table)
        self.addWidget(left)
        self.addWidget(self.pane)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([880, 500])

    def current_filter(self, text: str) -> ContactFilter:
        """The filter bar's choices with the search box's ``text``."""
        chosen = self.filters.values()
        return ContactFilter(
            text=text,
            level=chosen["level"],  # type: ignore[arg-type]
            stage=chosen["stage"],  # type: ignore[arg-type]
            tier=chosen["tier"],  # type: ignore[arg-type]
            tag=chosen["tag"],  # type: ignore[arg-type]
            personality=chosen["personality"],  # type: ignore[arg-type]
            source=chosen["source"],  # type: ignore[arg-type]
        )
