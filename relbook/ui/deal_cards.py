"""The board's cards: a list model per column, the mime type a dragged card carries, and the
delegate that paints an opportunity as a card.

A column's model holds the ``DealRow``s of one stage (or the won or lost ones). A drop of a
card on it asks for the deal to go there (``drop_requested``); the board moves, wins or loses
it through an operation, and the column follows the book's ``changed`` signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from relbook.core.deal_reads import DealRow
from relbook.ui.amount_text import amount_text
from relbook.ui.date_text import solar_text
from relbook.ui.view_guard import guarded
from relbook.words.labels import translate

MIME_TYPE = "application/x-relbook-deal"
"""A dragged card: the deal's id as ASCII digits."""
ROW_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def yuan_text(cents: int, whole: bool = False) -> str:
    """An amount in cents as the locale writes yuan: ``¥1,280`` (``¥99.50``); ``whole``
    rounds to the yuan, for the cards' weighted amounts."""
    if whole:
        return "¥" + amount_text(Decimal(round(cents / 100)))
    return "¥" + amount_text(Decimal(cents) / 100)


def deal_mime(deal_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(str(deal_id).encode("ascii")))
    return data


def deal_id_of(data: QMimeData | None) -> int | None:
    """The id a dragged card carries, or None for anything else."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return None
    text = bytes(data.data(MIME_TYPE).data()).decode("ascii", "replace")
    return int(text) if text.isdigit() else None


class DealColumnModel(QAbstractListModel):
    """The cards of one column: ``target`` is a stage code, or "won" / "lost"."""

    drop_requested = Signal(int, str)
    """(deal id, target): a card was dropped on this column."""

    def __init__(self, target: str, parent: Any = None):
        super().__init__(parent)
        self.target = target
        self._rows: list[DealRow] = []

    def set_rows(self, rows: list[DealRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[DealRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @guarded()
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [row.title, row.organization, yuan_text(row.amount_cents)]
            return " · ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([row.title, ", ".join(n for n in row.contact_names if n)])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._rows[index.row()].status == "open":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = [i.row() for i in indexes if i.isValid()]
        return deal_mime(self._rows[rows[0]].id) if rows else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        deal_id = deal_id_of(data)
        return deal_id is not None and all(r.id != deal_id for r in self._rows)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move; the card comes to this column when the book says it moved (the
        source keeps its row until then: ``removeRows`` is not offered)."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        deal_id = deal_id_of(data)
        assert deal_id is not None
        self.drop_requested.emit(deal_id, self.target)
        return True


class DealCardDelegate(QStyledItemDelegate):
    """Paints an opportunity as a card: company, title, amount, weighted amount, expected
    close (red once past), days in the stage, the tier, and 漏斗外 for a deal out of the
    funnel."""

    HEIGHT_LINES = 4
    MARGIN = 6
    PADDING = 8

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today

    @guarded(lambda *_args: QSize())
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)  # type: ignore[attr-defined]
        line = metrics.height()
        height = line * self.HEIGHT_LINES + 3 * 3 + 2 * self.PADDING + self.MARGIN
        return QSize(200, height)

    @guarded()
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: DealRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect.adjusted(  # type: ignore[attr-defined]
            self.MARGIN // 2, self.MARGIN // 2, -self.MARGIN // 2, -self.MARGIN // 2
        )
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        background = QColor("#ffffff")
        if not row.in_funnel and row.status == "open":
            background = QColor("#f4f4f4")
        border = QColor("#1a73e8") if selected else QColor("#d0d4da")
        painter.setPen(QPen(border, 2 if selected or focused else 1))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 5, 5)
        if row.status == "won":
            painter.fillRect(rect.x() + 1, rect.y() + 4, 4, rect.height() - 8, QColor("#2e7d32"))
        elif row.status == "lost":
            painter.fillRect(rect.x() + 1, rect.y() + 4, 4, rect.height() - 8, QColor("#9e9e9e"))
        inner = rect.adjusted(self.PADDING + 2, self.PADDING - 2, -self.PADDING, -self.PADDING)
        font: QFont = option.font  # type: ignore[attr-defined]
        metrics = QFontMetrics(font)
        line = metrics.height() + 3
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = QColor("#5f6368")

        # line 1: company, and the tier / out-of-funnel badges on the right
        badges = []
        if row.tier:
            badges.append((row.tier, QColor("#e8f0fe"), QColor("#1a56c2")))
        if not row.in_funnel and row.status == "open":
            badges.append(
                (translate("DealBoard", "Out of funnel"), QColor("#eeeeee"), QColor("#5f6368"))
            )
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        small_metrics = QFontMetrics(small)
        right = inner.right()
        painter.setFont(small)
        for text, fill, ink in reversed(badges):
            width = small_metrics.horizontalAdvance(text) + 10
            badge = QRect(right - width + 1, inner.y(), width, small_metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(ink)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            right -= width + 4
        company_rect = QRect(inner.x(), inner.y(), right - inner.x(), line)
        painter.setPen(muted)
        painter.drawText(
            company_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(
                row.organization or "—", Qt.TextElideMode.ElideRight, company_rect.width()
            ),
        )

        # line 2: the title
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        title_rect = QRect(inner.x(), inner.y() + line, inner.width(), line)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(row.title, Qt.TextElideMode.ElideRight, inner.width()),
        )

        # line 3: amount, weighted amount on the right
        painter.setFont(font)
        amount_rect = QRect(inner.x(), inner.y() + 2 * line, inner.width(), line)
        painter.drawText(
            amount_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            yuan_text(row.amount_cents),
        )
        if row.status == "open":
            weighted = (
                translate("DealBoard", "weighted %1").replace(
                    "%1", yuan_text(row.weighted_cents, whole=True)
                )
                if row.in_funnel
                else ""
            )
            painter.setPen(muted)
            painter.drawText(
                amount_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, weighted
            )

        # line 4: expected close (red when past) and the days in the stage
        painter.setFont(small)
        bottom = QRect(inner.x(), inner.y() + 3 * line, inner.width(), line)
        left_text, left_color = self._close_text(row, muted)
        painter.setPen(left_color)
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left_text
        )
        if row.status == "open":
            painter.setPen(muted)
            days = translate("DealBoard", "%1 d in stage").replace("%1", str(row.days_in_stage))
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, days
            )
        painter.restore()

    def _close_text(self, row: DealRow, muted: QColor) -> tuple[str, QColor]:
        if row.status != "open":
            day = solar_text(row.closed_on) if row.closed_on else ""
            word = (
                translate("DealBoard", "Won %1")
                if row.status == "won"
                else translate("DealBoard", "Lost %1")
            )
            return word.replace("%1", day), muted
        if row.expected_close is None:
            return translate("DealBoard", "No close date"), muted
        text = translate("DealBoard", "Close %1").replace("%1", solar_text(row.expected_close))
        if row.expected_close < self.today:
            return translate("DealBoard", "Overdue: %1").replace(
                "%1", solar_text(row.expected_close)
            ), QColor("#c62828")
        return text, muted
