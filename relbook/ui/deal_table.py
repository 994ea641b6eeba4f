"""The opportunities as a sortable table: the board's rows, a line each.

Numbers are right-aligned and sort by their value (``SORT_ROLE``), not by their text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from relbook.core.deal_reads import DealRow
from relbook.ui.date_text import solar_text
from relbook.ui.deal_cards import ID_ROLE, ROW_ROLE, yuan_text
from relbook.ui.view_guard import guarded
from relbook.words import deal_words
from relbook.words.labels import translate

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    "title",
    "company",
    "contacts",
    "stage",
    "status",
    "amount",
    "rate",
    "weighted",
    "expected_close",
    "days",
    "tier",
)
NUMERIC = {"amount", "rate", "weighted", "days"}

Index = QModelIndex | QPersistentModelIndex


def column_title(code: str) -> str:
    words = {
        "title": translate("DealTable", "Opportunity"),
        "company": translate("DealTable", "Company"),
        "contacts": translate("DealTable", "Contacts"),
        "stage": translate("DealTable", "Stage"),
        "status": translate("DealTable", "Status"),
        "amount": translate("DealTable", "Amount"),
        "rate": translate("DealTable", "Win rate"),
        "weighted": translate("DealTable", "Weighted"),
        "expected_close": translate("DealTable", "Expected close"),
        "days": translate("DealTable", "Days in stage"),
        "tier": translate("DealTable", "Tier"),
    }
    return words[code]


def percent_text(rate: float) -> str:
    return f"{round(rate * 100)}%"


class DealTableModel(QAbstractTableModel):
    def __init__(self, today: date, parent: Any = None):
        super().__init__(parent)
        self.today = today
        self._rows: list[DealRow] = []
        self._stage_names: dict[str, str] = {}
        self._stage_order: dict[str, int] = {}

    def set_rows(self, rows: list[DealRow], stage_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._stage_names = dict(stage_names)
        self._stage_order = {code: i for i, code in enumerate(stage_names)}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @guarded()
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section] in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @guarded()
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        code = COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, code)
        if role == SORT_ROLE:
            return self._sort_key(row, code)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if code in NUMERIC else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if code == "expected_close" and self._overdue(row):
                return QColor("#c62828")
            if row.status != "open" or (code == "weighted" and not row.in_funnel):
                return QColor("#757575")
        if role == Qt.ItemDataRole.ToolTipRole and code == "weighted" and not row.in_funnel:
            return translate("DealTable", "Out of the funnel: not counted in the pipeline.")
        return None

    def _overdue(self, row: DealRow) -> bool:
        return (
            row.status == "open"
            and row.expected_close is not None
            and row.expected_close < self.today
        )

    def _text(self, row: DealRow, code: str) -> str:
        if code == "title":
            return row.title
        if code == "company":
            return row.organization
        if code == "contacts":
            return ", ".join(n for n in row.contact_names if n)
        if code == "stage":
            return self._stage_names.get(row.stage, deal_words.stage_name(row.stage))
        if code == "status":
            if row.status == "lost" and row.lost_reason:
                return (
                    f"{deal_words.status(row.status)} ({deal_words.lost_reason(row.lost_reason)})"
                )
            return deal_words.status(row.status)
        if code == "amount":
            return yuan_text(row.amount_cents)
        if code == "rate":
            return percent_text(row.rate)
        if code == "weighted":
            if row.status == "open" and not row.in_funnel:
                return translate("DealTable", "out of funnel")
            return yuan_text(row.weighted_cents)
        if code == "expected_close":
            return solar_text(row.expected_close) if row.expected_close else ""
        if code == "days":
            return str(row.days_in_stage)
        if code == "tier":
            return row.tier or ""
        return ""

    def _sort_key(self, row: DealRow, code: str) -> Any:
        if code == "amount":
            return row.amount_cents
        if code == "rate":
            return row.rate
        if code == "weighted":
            return row.weighted_cents
        if code == "days":
            return row.days_in_stage
        if code == "stage":
            return self._stage_order.get(row.stage, len(self._stage_order))
        if code == "expected_close":
            return (row.expected_close or date.max).toordinal()
        return self._text(row, code).casefold()


class DealTableView(QTableView):
    """The sortable table over a ``DealTableModel`` through a proxy."""

    open_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = DealTableModel(today, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(COLUMNS.index("expected_close"), Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for code, width in (
            ("title", 170),
            ("company", 150),
            ("contacts", 130),
            ("stage", 100),
            ("status", 90),
            ("amount", 104),
            ("rate", 56),
            ("weighted", 104),
            ("expected_close", 100),
            ("days", 80),
            ("tier", 44),
        ):
            self.setColumnWidth(COLUMNS.index(code), width)

    def event(self, event: QEvent) -> bool:
        """Delete and Enter belong to the selected deal, not to the window's actions."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and self.current_row() is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.current_row()
        if event.key() == Qt.Key.Key_Delete and row is not None:
            self.delete_requested.emit(row.id)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row is not None:
            self.open_requested.emit(row.id)
            return
        super().keyPressEvent(event)

    def current_row(self) -> DealRow | None:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None
