"""The contact list as a lazy Qt table model: ids in display order, rows fetched in pages.

The id list for a filter is computed in the background (``ContactListModel.reload``); rows are
read from the book a page at a time when the view first asks for them, so 100,000 contacts cost
one integer list plus the few pages on screen. Text searches are answered by a
``SearchIndex`` kept in memory (see relbook/core/search_index.py); the pages beside the one
on screen are read when the event loop is idle, and each row's cells are worked out once.
"""

from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from relbook.core.cadence import days_overdue, default_cadences, effective_cadence
from relbook.core.changes import BookChanges
from relbook.core.fields import LIST_COLUMNS as LIST_COLUMNS
from relbook.core.fields import TRASH_COLUMNS as TRASH_COLUMNS
from relbook.core.search import ContactFilter, ContactRow, Sort, contact_rows
from relbook.core.search_index import SearchIndex
from relbook.db.book import Book
from relbook.ui.date_text import q_datetime
from relbook.ui.operations import BookQuery, read_now
from relbook.ui.view_guard import guarded, log_view_error
from relbook.ui.worker import JobRunner
from relbook.words import labels

PAGE_SIZE = 200
MAX_CACHED_PAGES = 60
MAX_CELL_PAGES = 20
"""Pages whose cells are kept worked out (the least recently used are dropped first)."""
"""Rows whose cells are kept worked out (a few pages' worth)."""
_ROLE_SLOTS: dict[int, int] = {
    int(Qt.ItemDataRole.DisplayRole): 0,
    int(Qt.ItemDataRole.ToolTipRole): 1,
    int(Qt.ItemDataRole.ForegroundRole): 2,
    int(Qt.ItemDataRole.TextAlignmentRole): 3,
}
"""The roles the list fills, each with its place in a cell (see ``ContactListModel._render``)."""
_Index = QModelIndex | QPersistentModelIndex
_Loaded = tuple[int, tuple[int, ...], dict[str, int]]
"""A list load: its generation, the ids in display order, the default cadence per tier."""
OVERDUE_COLOR = "#e65100"
LONG_OVERDUE_COLOR = "#b3261e"
NEVER_COLOR = "#90a4ae"
SORTED_BY: dict[str, frozenset[str]] = {
    "name": frozenset({"name", "sort_key"}),
    "company": frozenset({"organization_id"}),
    "last_contact": frozenset({"last_contacted_at"}),
}
"""The ``Contact`` columns each sort reads, where they are not named like the sort."""
TEXT_SEARCHED = frozenset({"name", "name_pinyin", "search_text"})
ROWS_REPAINTED_ONE_BY_ONE = 64
"""Up to this many changed rows are repainted each; more, and the whole list is."""


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
        self._ids: tuple[int, ...] = ()
        """A tuple: 100,000 plain ids then cost the garbage collector nothing to walk."""
        self._pages: OrderedDict[int, dict[int, ContactRow]] = OrderedDict()
        self._filter = contact_filter or ContactFilter()
        self._sort = sort or Sort()
        self._generation = 0
        self._today = date.today()
        self._cadences: dict[str, int] = {}
        self._cells: dict[int, list[tuple[Any, Any, Any, Any]]] = {}
        self._cell_pages: OrderedDict[int, None] = OrderedDict()
        self._prefetch_planned = False
        self._ready = (0, -1)
        """Rows painted inside this range find the pages around them read: no prefetch."""
        self._focus_page = 0
        self._index = SearchIndex(book.db_path)

    # --- loading -------------------------------------------------------------------------
    @property
    def contact_filter(self) -> ContactFilter:
        return self._filter

    def set_filter(self, wanted: ContactFilter, now: bool = False) -> None:
        """Show what ``wanted`` selects: reloaded in the background, or at once if ``now``."""
        self._filter = wanted
        if now:
            self.reload_now()
        else:
            self.reload()

    def reload(self) -> None:
        """Recompute the ids in the background; only the newest request is applied."""
        self._generation += 1
        generation = self._generation
        wanted, sort, index = self._filter, self._sort, self._index

        def work(session: Any) -> _Loaded:
            if generation != self._generation:  # a newer request is queued behind this one
                return generation, (), {}
            ids = tuple(index.contact_ids(session, wanted, sort))
            return generation, ids, default_cadences(session)

        BookQuery(self, self._book, self._runner, work).success(self._apply_ids).failure(
            self._failed, Exception
        ).run()

    def prepare_search(self) -> None:
        """Have the search index read the book in the background (the first search of a large
        book otherwise waits for it); nothing happens if it is ready."""
        wanted, sort, index = self._filter, self._sort, self._index
        BookQuery(
            self, self._book, self._runner, lambda session: index.prepare(session, wanted, sort)
        ).failure(lambda _problem: None, Exception).run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Installed on the search box: getting the focus prepares the search."""
        if event.type() == QEvent.Type.FocusIn:
            self.prepare_search()
        return False

    def reload_now(self) -> None:
        """Synchronous reload, for start-up of tiny books and for tests."""
        self._generation += 1
        generation, wanted, sort, index = self._generation, self._filter, self._sort, self._index

        def work(session: Any) -> _Loaded:
            ids = tuple(index.contact_ids(session, wanted, sort))
            return generation, ids, default_cadences(session)

        self._apply_ids(read_now(self._book, work))

    def _failed(self, problem: Exception) -> None:
        self.load_failed.emit(str(problem))

    def _apply_ids(self, result: _Loaded) -> None:
        generation, ids, cadences = result
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = ids
        self._cadences = cadences
        self._pages.clear()
        self._forget_cells()
        self._today = date.today()
        self.endResetModel()
        self.loaded.emit(len(ids))
        if self._index.needs_reading_again():
            # the book changed since the last search: read it for the next one now, in the
            # background, rather than when the user types (1.5 s at 100,000 contacts)
            self.prepare_search()

    def follow(self, changes: BookChanges) -> None:
        """Follow a change to the book: read the ids again when it can add, drop or move
        rows (contacts added or removed, or a column the filter or the sort reads changed),
        else repaint the rows of the changed contacts."""
        if self.reorders(changes):
            self.reload()
        elif changes.contact_ids:
            self.refresh_rows(changes.contact_ids)

    def reorders(self, changes: BookChanges) -> bool:
        """Whether ``changes`` can change which contacts the list shows or their order."""
        if changes.settings or (changes.contacts and not changes.fields):
            return True
        return bool(changes.fields & self._columns_read())

    def _columns_read(self) -> frozenset[str]:
        """The ``Contact`` columns (and ``tags``) the filter and the sort depend on."""
        column = self._sort.column
        read = set(SORTED_BY.get(column, {column}))
        wanted = self._filter
        if wanted.text.strip():
            read |= TEXT_SEARCHED
        read |= {
            c
            for c in ("level", "stage", "tier", "personality", "source")
            if getattr(wanted, c) is not None
        }
        if wanted.tag:
            read.add("tags")
        read.add("deleted_at")
        return frozenset(read)

    def refresh_rows(self, contact_ids_changed: frozenset[int]) -> None:
        """Read the changed contacts' rows again and repaint them (and only them)."""
        for page, rows in list(self._pages.items()):
            if contact_ids_changed & rows.keys():
                del self._pages[page]
        if not self._ids:
            return
        last = len(self.columns) - 1
        if len(contact_ids_changed) > ROWS_REPAINTED_ONE_BY_ONE:
            self._forget_cells()
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, last))
            return
        changed = sorted(r for r in map(self.row_of, contact_ids_changed) if r is not None)
        for row in changed:
            self._cells.pop(row, None)
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

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
            rows = self._fetch(page)
        else:
            self._pages.move_to_end(page)
        self._plan_prefetch(row)
        return rows.get(self._ids[row])

    def _fetch(self, page: int) -> dict[int, ContactRow]:
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        rows = read_now(self._book, lambda session: contact_rows(session, ids))
        self._pages[page] = rows
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows

    def _forget_cells(self) -> None:
        self._cells.clear()
        self._cell_pages.clear()
        self._ready = (0, -1)

    def _keep_cells(self, page: int) -> None:
        """Note that ``page`` has cells worked out; drop the least recently used pages'."""
        if page in self._cell_pages:
            self._cell_pages.move_to_end(page)
            return
        self._cell_pages[page] = None
        while len(self._cell_pages) > MAX_CELL_PAGES:
            old, _ = self._cell_pages.popitem(last=False)
            for row in range(old * PAGE_SIZE, (old + 1) * PAGE_SIZE):
                self._cells.pop(row, None)

    def _plan_prefetch(self, row: int) -> None:
        """A row outside the ready range was painted: read around its page once idle."""
        low, high = self._ready
        if low <= row <= high:
            return
        self._focus_page = row // PAGE_SIZE
        if not self._prefetch_planned:
            self._prefetch_planned = True
            QTimer.singleShot(0, self, self._prefetch)

    def _prefetch(self) -> None:
        """Once the event loop is idle, read the pages on either side of the one last painted
        and work out their cells, so scrolling on finds its rows ready to paint.

        Rows painted from cells already worked out never ask for their records, so the
        painted rows themselves (``data``) call for the next prefetch once they leave the
        middle page of the three read."""
        self._prefetch_planned = False
        page = self._focus_page
        if not 0 <= page * PAGE_SIZE < len(self._ids):
            return
        for near in (page, page + 1, page - 1):
            if not 0 <= near * PAGE_SIZE < len(self._ids):
                continue
            try:
                rows = self._pages.get(near)
                if rows is None:
                    rows = self._fetch(near)
            except Exception:  # only ever a head start: reading on demand will tell
                return
            first = near * PAGE_SIZE
            for row, contact_id in enumerate(self._ids[first : first + PAGE_SIZE], first):
                record = rows.get(contact_id)
                if record is not None and row not in self._cells:
                    self._cells[row] = self._render(record)
            self._keep_cells(near)
        self._pages.move_to_end(page)
        self._ready = (page * PAGE_SIZE, (page + 1) * PAGE_SIZE - 1)

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    @guarded()
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(self.columns[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the view asks each cell for seven roles on every paint: answer from a row's cells,
        # worked out once, and turn the roles this model never fills away first
        try:
            slot = _ROLE_SLOTS.get(role)
            if slot is None:
                if role == Qt.ItemDataRole.UserRole and index.isValid():
                    record = self.row_record(index.row())
                    return None if record is None else record.id
                return None
            cells = self.row_cells(index.row())  # an invalid index has row -1: no cells
            return None if cells is None else cells[index.column()][slot]
        except Exception as error:  # shown blank, never raised into Qt
            log_view_error(error, "ContactListModel.data")
            return None

    def row_cells(self, row: int) -> list[tuple[Any, Any, Any, Any]] | None:
        """What each column of ``row`` shows: (text, tooltip, foreground, alignment), worked
        out once per row; None for a row the list does not have."""
        cells = self._cells.get(row)
        if cells is None:
            record = self.row_record(row)  # None outside the list
            if record is None:
                return None
            cells = self._cells[row] = self._render(record)
            self._keep_cells(row // PAGE_SIZE)
        else:
            low, high = self._ready
            if not low <= row <= high:
                self._plan_prefetch(row)
        return cells

    def _render(self, record: ContactRow) -> list[tuple[Any, Any, Any, Any]]:
        """Per column: what the display, tooltip, foreground and alignment roles show."""
        cells: list[tuple[Any, Any, Any, Any]] = []
        for column in self.columns:
            try:
                cells.append(self._cell(record, column))
            except Exception as error:  # a value it cannot show is blank, never an error in Qt
                log_view_error(error, f"ContactListModel._render({column})")
                cells.append(("", None, None, None))
        return cells

    def _cell(self, record: ContactRow, column: str) -> tuple[Any, Any, Any, Any]:
        """What one column of a row shows: (text, tooltip, foreground, alignment)."""
        tooltip = foreground = alignment = None
        if column == "name":
            tooltip = ", ".join(record.tags) or None
        elif column == "last_contact":
            tooltip = self._overdue_data(record, Qt.ItemDataRole.ToolTipRole)
            foreground = self._overdue_data(record, Qt.ItemDataRole.ForegroundRole)
        elif column == "next_birthday":
            if record.next_birthday and (record.next_birthday - self._today).days <= 7:
                foreground = QBrush(QColor("#b3261e"))
        elif column in ("level", "tier"):
            alignment = int(Qt.AlignmentFlag.AlignCenter)
        return (self._display(record, column), tooltip, foreground, alignment)

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
                QDate(
                    record.last_contacted_at.year,
                    record.last_contacted_at.month,
                    record.last_contacted_at.day,
                ),
                QLocale.FormatType.ShortFormat,
            )
        if column == "deleted_at" and record.deleted_at is not None:
            return QLocale().toString(q_datetime(record.deleted_at), QLocale.FormatType.ShortFormat)
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
