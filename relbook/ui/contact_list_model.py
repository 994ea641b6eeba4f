"""The contact list as a lazy Qt table model: ids in display order, rows fetched in pages.

The id list for a filter is computed in the background (``ContactListModel.reload``); rows are
read from the book a page at a time when the view first asks for them, so 100,000 contacts cost
one integer list plus the few pages on screen.
"""

from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from relbook import labels
from relbook.book import Book
from relbook.core.cadence import days_overdue, default_cadences, effective_cadence
from relbook.core.search import ContactFilter, ContactRow, Sort, contact_ids, contact_rows
from relbook.ui.worker import JobRunner

PAGE_SIZE = 200
MAX_CACHED_PAGES = 60
LIST_COLUMNS: tuple[str, ...] = (
    "name",
    "company",
    "title",
    "level",
    "stage",
    "tier",
    "last_contact",
    "next_birthday",
)
TRASH_COLUMNS: tuple[str, ...] = ("name", "company", "title", "level", "deleted_at")
_Index = QModelIndex | QPersistentModelIndex
_Loaded = tuple[int, list[int], dict[str, int]]
"""A list load: its generation, the ids in display order, the default cadence per tier."""
OVERDUE_COLOR = "#e65100"
LONG_OVERDUE_COLOR = "#b3261e"
NEVER_COLOR = "#90a4ae"


def column_title(column: str) -> str:
    titles = {
        "name": QCoreApplication.translate("ContactList", "Name"),
        "company": QCoreApplication.translate("ContactList", "Company"),
        "title": QCoreApplication.translate("ContactList", "Title"),
        "level": QCoreApplication.translate("ContactList", "Level"),
        "stage": QCoreApplication.translate("ContactList", "Stage"),
        "tier": QCoreApplication.translate("ContactList", "Tier"),
        "last_contact": QCoreApplication.translate("ContactList", "Last contact"),
        "next_birthday": QCoreApplication.translate("ContactList", "Next birthday"),
        "deleted_at": QCoreApplication.translate("ContactList", "Deleted"),
    }
    return titles[column]


def birthday_text(row: ContactRow, today: date) -> str:
    """``12-05 (in 12 days)``-style text, with the calendar named for lunar birthdays."""
    if row.next_birthday is None:
        return ""
    shown = QLocale().toString(
        QDate(row.next_birthday.year, row.next_birthday.month, row.next_birthday.day),
        QLocale.FormatType.ShortFormat,
    )
    days = (row.next_birthday - today).days
    if days == 0:
        when = QCoreApplication.translate("ContactList", "today")
    elif days == 1:
        when = QCoreApplication.translate("ContactList", "tomorrow")
    else:
        when = QCoreApplication.translate("ContactList", "in %1 days").replace("%1", str(days))
    text = f"{shown} ({when})"
    if row.birthday_calendar == "lunar":
        text += " · " + labels.calendar("lunar")
    return text


class ContactListModel(QAbstractTableModel):
    """Rows for the contact table; call ``reload`` after a filter, sort or book change."""

    loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self,
        book: Book,
        runner: JobRunner,
        parent: Any = None,
        contact_filter: ContactFilter | None = None,
        columns: tuple[str, ...] = LIST_COLUMNS,
        sort: Sort | None = None,
    ):
        super().__init__(parent)
        self.columns = columns
        self._book = book
        self._runner = runner
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, ContactRow]] = OrderedDict()
        self._filter = contact_filter or ContactFilter()
        self._sort = sort or Sort()
        self._generation = 0
        self._today = date.today()
        self._cadences: dict[str, int] = {}

    # --- loading -------------------------------------------------------------------------
    @property
    def contact_filter(self) -> ContactFilter:
        return self._filter

    def set_filter(self, wanted: ContactFilter) -> None:
        self._filter = wanted
        self.reload()

    def reload(self) -> None:
        """Recompute the ids in the background; only the newest request is applied."""
        self._generation += 1
        generation = self._generation
        wanted, sort, book = self._filter, self._sort, self._book

        def work(_report: Any) -> _Loaded:
            if generation != self._generation:  # a newer request is queued behind this one
                return generation, [], {}
            with book.session() as session:
                return generation, contact_ids(session, wanted, sort), default_cadences(session)

        self._runner.start(work, self._apply_ids, self._failed)

    def reload_now(self) -> None:
        """Synchronous reload, for start-up of tiny books and for tests."""
        self._generation += 1
        with self._book.session() as session:
            ids = contact_ids(session, self._filter, self._sort)
            self._apply_ids((self._generation, ids, default_cadences(session)))

    def _failed(self, problem: Exception, _trace: str) -> None:
        self.load_failed.emit(str(problem))

    def _apply_ids(self, result: _Loaded) -> None:
        generation, ids, cadences = result
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = ids
        self._cadences = cadences
        self._pages.clear()
        self._today = date.today()
        self.endResetModel()
        self.loaded.emit(len(ids))

    def refresh_rows(self, contact_ids_changed: frozenset[int]) -> None:
        """Forget cached rows of changed contacts so they are read again."""
        for page, rows in list(self._pages.items()):
            if contact_ids_changed & rows.keys():
                del self._pages[page]
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    # --- access --------------------------------------------------------------------------
    def ids(self) -> list[int]:
        """Every contact id the list shows, in display order."""
        return list(self._ids)

    def contact_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, contact_id: int) -> int | None:
        try:
            return self._ids.index(contact_id)
        except ValueError:
            return None

    def row_record(self, row: int) -> ContactRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            with self._book.session() as session:
                rows = contact_rows(session, ids)
            self._pages[page] = rows
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows.get(self._ids[row])

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(self.columns[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.row_record(index.row())
        if record is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            return ", ".join(record.tags) or None
        if column == "last_contact" and role in (
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return self._overdue_data(record, role)
        if role == Qt.ItemDataRole.ForegroundRole and column == "next_birthday":
            if record.next_birthday and (record.next_birthday - self._today).days <= 7:
                return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("level", "tier"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None

    def _display(self, record: ContactRow, column: str) -> str:
        if column == "name":
            return record.name
        if column == "company":
            return record.company
        if column == "title":
            return record.title
        if column == "level":
            return labels.level_with_number(record.level)
        if column == "stage":
            return labels.stage(record.stage)
        if column == "tier":
            return record.tier or ""
        if column == "next_birthday":
            return birthday_text(record, self._today)
        if column == "last_contact":
            if record.last_contacted_at is None:
                return QCoreApplication.translate("ContactList", "never")
            return QLocale().toString(
                QDate(record.last_contacted_at.date()), QLocale.FormatType.ShortFormat
            )
        if column == "deleted_at" and record.deleted_at is not None:
            return QLocale().toString(QDateTime(record.deleted_at), QLocale.FormatType.ShortFormat)
        return ""

    def overdue(self, record: ContactRow) -> tuple[int, int | None]:
        """Days past the stay-in-touch cadence (0 if not overdue), and the cadence in days."""
        cadence = effective_cadence(record.cadence_days, record.tier, record.stage, self._cadences)
        late = days_overdue(record.last_contacted_at, record.created_at, cadence, self._today)
        return late, cadence

    def _overdue_data(self, record: ContactRow, role: int) -> Any:
        late, cadence = self.overdue(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not late:
                return None
            return (
                QCoreApplication.translate("ContactList", "%1 days past the %2-day cadence")
                .replace("%1", str(late))
                .replace("%2", str(cadence))
            )
        if late:
            long_overdue = cadence is not None and late >= cadence
            return QBrush(QColor(LONG_OVERDUE_COLOR if long_overdue else OVERDUE_COLOR))
        if record.last_contacted_at is None:
            return QBrush(QColor(NEVER_COLOR))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = Sort(self.columns[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:  # the view re-sends the current order when sorting is enabled
            self._sort = wanted
            self.reload()
