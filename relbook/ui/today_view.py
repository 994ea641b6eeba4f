"""The Today view: due and overdue reminders by kind, the next 30 days, and who went quiet.

Light to import: the window shows this view before the book has opened, so the database layer
is loaded only by its refresh (see bench/README.md, cold start).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.reminder_kinds import KINDS, UPCOMING_SHOWN
from relbook.ui.operations import BookQuery, read_now
from relbook.ui.worker import JobRunner
from relbook.words import reminder_words

if TYPE_CHECKING:
    from relbook.core.reminders import Occurrence
    from relbook.core.today import TodaySummary
    from relbook.db.book import Book

_ROLE = Qt.ItemDataRole.UserRole
_FESTIVAL = Qt.ItemDataRole.UserRole + 1
"""A festival line's (festival code, day): double-clicking it opens its Greet window."""
SHOWN_PER_LIST = UPCOMING_SHOWN
"""Lines per list; a large book's month of birthdays would only slow the view down."""


def _date_text(occurrence: Occurrence, locale: str | None = None) -> str:
    """``occurrence``'s day in the short format of ``locale`` (the current one if None)."""
    return _day_text(occurrence.date, QLocale().name() if locale is None else locale)


@lru_cache(maxsize=512)
def _day_text(day: date, _locale: str) -> str:
    """A day in the locale's short format (a refresh lists thousands of lines on a few dozen
    days; the locale's name is part of the key so a change of language is followed)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def _summary_at(now: datetime) -> Callable[[Any], TodaySummary]:
    """The read of Today's summary at ``now``, for ``BookQuery`` or ``read_now``."""
    from relbook.core.today import today_summary  # the database layer, loaded with the book

    return lambda session: today_summary(session, now)


def _festival_of(occurrence: Occurrence) -> tuple[str, date] | None:
    if occurrence.kind != "festival":
        return None
    return str(occurrence.details.get("festival") or ""), occurrence.date


def _set_line_data(item: QTreeWidgetItem, occurrence: Occurrence) -> None:
    """What double-clicking a line opens: its contact, or a festival's Greet window. A line
    without a festival leaves that role unset (it reads as None, as if set to None)."""
    item.setData(0, _ROLE, occurrence.contact_id)
    festival = _festival_of(occurrence)
    if festival is not None:
        item.setData(0, _FESTIVAL, festival)


class TodayView(QWidget):
    """Refreshes in the background; double-clicking a line opens its contact, or a
    festival's Greet window."""

    open_contact_requested = Signal(int)
    handle_requested = Signal(list)
    greet_requested = Signal(str, object)
    """A festival's code and day: greet its recipients one by one."""

    def __init__(
        self,
        book: Book | None,
        runner: JobRunner,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ):
        """Without a ``book`` the view waits, its buttons off, until ``attach`` gives it one."""
        super().__init__(parent)
        self._book: Book | None = None
        self._runner = runner
        self._clock = clock
        self._summary: TodaySummary | None = None

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.handle_button = QPushButton(self.tr("Handle due reminders…"))
        self.handle_button.clicked.connect(self._handle)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        self.due = self._tree([self.tr("Date"), self.tr("Reminder")])
        self.upcoming = self._tree([self.tr("Date"), self.tr("Kind"), self.tr("Reminder")])
        self.neglected = self._tree(
            [self.tr("Contact"), self.tr("Tier"), self.tr("Days overdue"), self.tr("Last contact")]
        )
        for tree in (self.due, self.upcoming, self.neglected):
            tree.itemDoubleClicked.connect(self._open)
        for tree in (self.due, self.upcoming):
            tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            tree.customContextMenuRequested.connect(
                lambda point, tree=tree: self._show_menu(tree, point)
            )

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.handle_button)
        header.addWidget(self.refresh_button)
        columns = QSplitter(Qt.Orientation.Horizontal, self)
        columns.addWidget(self._box(self.tr("Due now"), self.due))
        columns.addWidget(self._box(self.tr("Next 30 days"), self.upcoming))
        columns.addWidget(self._box(self.tr("Gone quiet"), self.neglected))
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(columns, 1)
        if book is None:
            self.title.setText(self.tr("Opening the book…"))
            self.handle_button.setEnabled(False)
            self.refresh_button.setEnabled(False)
        else:
            self.attach(book)

    @property
    def summary(self) -> TodaySummary | None:
        """What the view shows: None until its first refresh has arrived."""
        return self._summary

    def attach(self, book: Book) -> None:
        """Show ``book`` from the next refresh on."""
        self._book = book
        self.refresh_button.setEnabled(True)
        self.handle_button.setEnabled(self._summary is None or bool(self._summary.due))

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(True)
        tree.setAlternatingRowColors(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        return tree

    def _box(self, title: str, tree: QTreeWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        layout.addWidget(tree)
        return box

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        book, now = self._book, self._clock()
        if book is None:
            return
        # a failed refresh leaves the view as it was: the next change or Refresh tries again
        BookQuery(self, book, self._runner, _summary_at(now)).success(self.show_summary).failure(
            lambda _problem: None, Exception
        ).run()

    def refresh_now(self) -> None:
        if self._book is not None:
            self.show_summary(read_now(self._book, _summary_at(self._clock())))

    def show_summary(self, summary: TodaySummary) -> None:
        self._summary = summary
        today = self._clock().date()
        self.title.setText(
            self.tr("Today, %1: %2 due, %3 gone quiet")
            .replace("%1", QLocale().toString(QDate(today.year, today.month, today.day)))
            .replace("%2", str(len(summary.due)))
            .replace("%3", str(len(summary.neglected)))
        )
        self.handle_button.setEnabled(bool(summary.due))
        trees = (self.due, self.upcoming, self.neglected)
        for tree in trees:  # sized to their contents once filled, not after every line
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fill_due(summary.due)
        self._fill_upcoming(summary.upcoming, summary.upcoming_count)
        self._fill_neglected(summary)
        for tree in trees:
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _fill_due(self, due: list[Occurrence]) -> None:
        # lines are made apart from the tree and handed over a list at a time: one insertion
        # per group instead of one per line
        self.due.clear()
        # a few thousand lines: the locale's name and the brush are made once, not per line
        locale, late = QLocale().name(), QBrush(Qt.GlobalColor.darkRed)
        by_kind: dict[str, list[Occurrence]] = {}
        for occurrence in due:
            by_kind.setdefault(occurrence.kind, []).append(occurrence)
        groups: list[QTreeWidgetItem] = []
        for kind in KINDS:
            items = by_kind.get(kind)
            if not items:
                continue
            group = QTreeWidgetItem([f"{reminder_words.kind_label(kind)} ({len(items)})", ""])
            children = []
            for occurrence in items[:SHOWN_PER_LIST]:
                child = QTreeWidgetItem(
                    [_date_text(occurrence, locale), reminder_words.describe(occurrence)]
                )
                _set_line_data(child, occurrence)
                if occurrence.overdue:
                    child.setForeground(0, late)
                children.append(child)
            children += self._more(len(items))
            group.addChildren(children)
            groups.append(group)
        self.due.addTopLevelItems(groups)
        for group in groups:
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)

    def _fill_upcoming(self, upcoming: list[Occurrence], total: int) -> None:
        self.upcoming.clear()
        items = []
        locale = QLocale().name()
        for occurrence in upcoming[:SHOWN_PER_LIST]:
            item = QTreeWidgetItem(
                [
                    _date_text(occurrence, locale),
                    reminder_words.kind_label(occurrence.kind),
                    reminder_words.describe(occurrence),
                ],
            )
            _set_line_data(item, occurrence)
            items.append(item)
        self.upcoming.addTopLevelItems(items + self._more(total))

    def _more(self, total: int) -> list[QTreeWidgetItem]:
        """The "… and N more" line when a list is cut short, else nothing."""
        if total <= SHOWN_PER_LIST:
            return []
        more = QTreeWidgetItem(
            ["", self.tr("… and %1 more").replace("%1", str(total - SHOWN_PER_LIST))]
        )
        more.setForeground(1, Qt.GlobalColor.gray)
        return [more]

    def _fill_neglected(self, summary: TodaySummary) -> None:
        self.neglected.clear()
        items = []
        for person in summary.neglected:
            last = (
                QLocale().toString(
                    QDate(
                        person.last_contacted.year,
                        person.last_contacted.month,
                        person.last_contacted.day,
                    ),
                    QLocale.FormatType.ShortFormat,
                )
                if person.last_contacted
                else self.tr("never")
            )
            item = QTreeWidgetItem(
                [person.name, person.tier or "", str(person.days_overdue), last],
            )
            item.setData(0, _ROLE, person.contact_id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            items.append(item)
        self.neglected.addTopLevelItems(items)

    # --- actions ---------------------------------------------------------------------------
    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        festival = item.data(0, _FESTIVAL)
        if festival:
            self.greet_requested.emit(*festival)
            return
        contact_id = item.data(0, _ROLE)
        if contact_id:
            self.open_contact_requested.emit(int(contact_id))

    def menu_for(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """The actions of a line: greet a festival's recipients, or open the contact."""
        if item is None:
            return None
        menu = QMenu(self)
        festival = item.data(0, _FESTIVAL)
        contact_id = item.data(0, _ROLE)
        if festival:
            menu.addAction(self.tr("Greet…"), lambda: self.greet_requested.emit(*festival))
        elif contact_id:
            menu.addAction(
                self.tr("Open contact"), lambda: self.open_contact_requested.emit(int(contact_id))
            )
        else:
            return None
        return menu

    def _show_menu(self, tree: QTreeWidget, point: QPoint) -> None:
        menu = self.menu_for(tree.itemAt(point))
        if menu is not None:
            menu.exec(tree.viewport().mapToGlobal(point))
            menu.deleteLater()

    def _handle(self) -> None:
        if self._summary is not None and self._summary.due:
            self.handle_requested.emit(list(self._summary.due))
