"""The Greet window's table: one plain row per recipient, a filter over them, a copy button.

The rows are made off the UI thread from the core's greeting sheet (``greet_rows``); the model
only hands their cells to the view, so tens of thousands of recipients cost a list of small
records and whatever is on screen.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
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
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
)

from relbook.core.festival_greetings import GreetingSheet, Reason
from relbook.core.festivals import NO_TIER
from relbook.core.pinyin import name_keys, normalize_query
from relbook.ui.view_guard import guarded
from relbook.words import labels

_Index = QModelIndex | QPersistentModelIndex
NAME, SALUTATION, TIER, STAGE, WHY, SENT, COPY, GREETING = range(8)
COLUMN_COUNT = 8
SENT_COLOR = "#9e9e9e"


@dataclass(frozen=True, slots=True)
class GreetRow:
    """One recipient as the table shows them."""

    contact_id: int
    name: str
    salutation: str
    tier: str | None
    stage: str
    reasons: tuple[Reason, ...]
    greeting: str
    sent_at: datetime | None
    sent: bool
    search: str
    """Name, salutation, pinyin and initials in lower case: what the filter box looks in."""


def greet_rows(sheet: GreetingSheet) -> list[GreetRow]:
    """The sheet's rows as the table's records (no Qt: run with the load, off the UI thread)."""
    rows = []
    for item in sheet.rows:
        person = item.recipient
        spelled, _sort_key, initials = name_keys(person.name)
        search = "\n".join(
            (person.name, person.salutation, spelled.replace(" ", ""), initials)
        ).lower()
        rows.append(
            GreetRow(
                person.contact_id,
                person.name,
                person.salutation,
                person.tier,
                person.stage,
                person.reasons,
                item.greeting,
                item.greeted_at,
                person.sent,
                search,
            )
        )
    return rows


def listed(items: Iterable[str]) -> str:
    """Words one after another, as the language separates them ("A, B", "A、B")."""
    return QCoreApplication.translate("GreetModel", ", ").join(items)


def reason_text(reason: Reason) -> str:
    if reason.rule == "tier":
        if reason.value == NO_TIER:
            return QCoreApplication.translate("GreetModel", "no tier yet")
        return QCoreApplication.translate("GreetModel", "tier %1").replace("%1", reason.value)
    if reason.rule == "stage":
        return labels.stage(reason.value)
    return QCoreApplication.translate("GreetModel", "tag %1").replace("%1", reason.value)


@lru_cache(maxsize=256)
def _reasons_text(reasons: tuple[Reason, ...], _locale: str) -> str:
    """Most rows share a few combinations of reasons: each is worded once per language."""
    return " · ".join(reason_text(reason) for reason in reasons)


def day_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


class GreetModel(QAbstractTableModel):
    """The recipients in pinyin order; ``set_sent`` follows greetings marked sent."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[GreetRow] = []
        self._positions: dict[int, int] = {}
        self._headers = [
            self.tr("Name"),
            self.tr("Salutation"),
            self.tr("Tier"),
            self.tr("Stage"),
            self.tr("Why included"),
            self.tr("Sent"),
            self.tr("Copy"),
            self.tr("Greeting"),
        ]
        self._copy = self.tr("Copy")
        self._grey = QBrush(QColor(SENT_COLOR))

    # --- contents --------------------------------------------------------------------------
    def set_rows(self, rows: list[GreetRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._positions = {row.contact_id: index for index, row in enumerate(rows)}
        self.endResetModel()

    def set_sent(self, greeted: Mapping[int, datetime]) -> list[int]:
        """Mark as sent exactly the recipients in ``greeted`` (contact id -> when); returns
        the rows that changed."""
        changed = []
        for index, row in enumerate(self._rows):
            when = greeted.get(row.contact_id)
            if when != row.sent_at or (when is not None) != row.sent:
                self._rows[index] = replace(row, sent_at=when, sent=when is not None)
                changed.append(index)
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), COLUMN_COUNT - 1)
            )
        return changed

    def row(self, index: int) -> GreetRow:
        return self._rows[index]

    def rows(self) -> list[GreetRow]:
        return list(self._rows)

    def row_of(self, contact_id: int) -> int | None:
        return self._positions.get(contact_id)

    def sent_count(self) -> int:
        return sum(1 for row in self._rows if row.sent)

    # --- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    @guarded()
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    @guarded()
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (GREETING, COPY):
            return row.greeting
        if role == Qt.ItemDataRole.ToolTipRole and column == WHY:
            return self._text(row, WHY)
        if role == Qt.ItemDataRole.ForegroundRole and row.sent:
            return self._grey
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TIER, COPY):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.contact_id
        return None

    def _text(self, row: GreetRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == SALUTATION:
            return row.salutation
        if column == TIER:
            return row.tier or "-"
        if column == STAGE:
            return labels.stage(row.stage)
        if column == WHY:
            return _reasons_text(row.reasons, QLocale().name())
        if column == SENT:
            if not row.sent:
                return ""
            return "✓ " + day_text(row.sent_at.date()) if row.sent_at else "✓"
        if column == COPY:
            return self._copy
        return row.greeting.replace("\n", " ")


class GreetFilter(QSortFilterProxyModel):
    """The rows whose name, salutation or pinyin holds the filter text; sent ones only when
    they are to be shown."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._text = ""
        self._show_sent = True

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = normalize_query(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_sent(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_sent = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Filter again after rows changed (a row marked sent may be hidden now)."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def text(self) -> str:
        return self._text

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, GreetModel)
        row = model.row(source_row)
        if row.sent and not self._show_sent:
            return False
        return not self._text or self._text in row.search


class CopyButtonDelegate(QStyledItemDelegate):
    """Draws the Copy column as a push button on each row; a click on it is ``clicked``."""

    clicked = Signal(QModelIndex)

    @guarded()
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        button = QStyleOptionButton()
        button.rect = option.rect.adjusted(4, 2, -4, -2)  # type: ignore[attr-defined]
        button.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        style = option.widget.style() if option.widget else QApplication.style()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, option.widget)  # type: ignore[attr-defined]

    @guarded(lambda *_args: False)
    def editorEvent(
        self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and option.rect.contains(event.position().toPoint())  # type: ignore[attr-defined]
        ):
            self.clicked.emit(index.sibling(index.row(), index.column()))
            return True
        return super().editorEvent(event, model, option, index)
