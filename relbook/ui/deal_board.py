"""The board: a column of cards per funnel stage in the user's order, then the Won and Lost
columns, which take drops too.

The board only asks: a dropped card, a context-menu command or a key becomes a signal
(``move_requested``, ``win_requested``, ...) the Opportunities tab runs as an operation. The
columns show what the book holds once the tab reads it again after ``changed``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relbook.core.deal_reads import DealRow
from relbook.core.deal_stages import StageInfo
from relbook.ui.deal_cards import ID_ROLE, ROW_ROLE, DealCardDelegate, DealColumnModel, yuan_text
from relbook.words import deal_words

COLUMN_WIDTH = 250
WON, LOST = "won", "lost"


class DealListView(QListView):
    """A column's cards: dragged out, dropped in, opened with Enter or a double click, moved
    a stage left or right with Ctrl+Left / Ctrl+Right; an empty column says what it is for."""

    open_requested = Signal(int)
    step_requested = Signal(int, int)
    """(deal id, -1 or +1): move to the previous or next stage."""
    delete_requested = Signal(int)

    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.placeholder = placeholder
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(0, 0, 0, 0))
        self.setPalette(palette)
        self.doubleClicked.connect(self._open)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(ID_ROLE))

    def event(self, event: QEvent) -> bool:
        """Delete is the card's own here, not the window's Delete (which trashes contacts)."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and self.current_id() is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        current = self.current_id()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self.open_requested.emit(current)
            return
        if key == Qt.Key.Key_Delete and current is not None:
            self.delete_requested.emit(current)
            return
        if mods & Qt.KeyboardModifier.ControlModifier and current is not None:
            if key == Qt.Key.Key_Left:
                self.step_requested.emit(current, -1)
                return
            if key == Qt.Key.Key_Right:
                self.step_requested.emit(current, 1)
                return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(12, 16, -12, -12),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )


class BoardColumn(QFrame):
    """One column: its heading (name, count, amount and weighted amount) over its cards."""

    def __init__(self, target: str, title: str, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.target = target
        self.title = title
        self.setObjectName("board_column")
        self.setFixedWidth(COLUMN_WIDTH)
        tint = {"won": "#eef7ee", "lost": "#f3f3f3"}.get(target, "#f1f3f6")
        self.setStyleSheet(f"QFrame#board_column {{ background: {tint}; border-radius: 6px; }}")
        self.model = DealColumnModel(target, self)
        placeholder = {
            WON: self.tr("Drop a card here to mark it won."),
            LOST: self.tr("Drop a card here to mark it lost."),
        }.get(target, self.tr("No opportunities in this stage."))
        self.view = DealListView(placeholder, self)
        self.view.setModel(self.model)
        self.delegate = DealCardDelegate(today, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setAccessibleName(title)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(8, 6, 8, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.set_rows([])

    def set_rows(self, rows: list[DealRow]) -> None:
        self.model.set_rows(rows)
        amount = sum(r.amount_cents for r in rows)
        weighted = sum(r.weighted_cents for r in rows)
        figures = yuan_text(amount)
        if self.target not in (WON, LOST):
            figures = (
                self.tr("%1 · weighted %2")
                .replace("%1", yuan_text(amount))
                .replace("%2", yuan_text(weighted, whole=True))
            )
        color = {"won": "#2e7d32", "lost": "#616161"}.get(self.target, "#202124")
        self.heading.setText(
            f"<b style='color:{color}'>{_escape(self.title)}</b>"
            f" <span style='color:#5f6368'>({len(rows)})</span><br>"
            f"<span style='color:#5f6368'>{_escape(figures)}</span>"
        )
        self.view.viewport().update()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DealBoard(QScrollArea):
    """Every column side by side, scrolled sideways when they do not fit."""

    open_requested = Signal(int)
    move_requested = Signal(int, str)
    win_requested = Signal(int)
    lose_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._inner = QWidget()
        self._layout = QHBoxLayout(self._inner)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.setSpacing(8)
        self._layout.setSizeConstraint(QHBoxLayout.SizeConstraint.SetMinimumSize)
        self.setWidget(self._inner)
        self.columns: dict[str, BoardColumn] = {}
        self._stages: list[StageInfo] = []

    def set_stages(self, stages: list[StageInfo]) -> None:
        """Build the columns again when the funnel's stages changed (order, names)."""
        wanted = [(s.code, deal_words.stage_name(s.code, s.name)) for s in stages]
        wanted += [(WON, deal_words.status(WON)), (LOST, deal_words.status(LOST))]
        self._stages = list(stages)
        if [(c.target, c.title) for c in self.columns.values()] == wanted:
            return
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.columns = {}
        for code, title in wanted:
            if code == WON:
                separator = QFrame(self._inner)
                separator.setFrameShape(QFrame.Shape.VLine)
                separator.setStyleSheet("color: #d0d4da")
                self._layout.addWidget(separator)
            column = BoardColumn(code, title, self.today, self._inner)
            column.model.drop_requested.connect(self._dropped)
            column.view.open_requested.connect(self.open_requested.emit)
            column.view.step_requested.connect(self._step)
            column.view.delete_requested.connect(self.delete_requested.emit)
            column.view.customContextMenuRequested.connect(
                lambda point, view=column.view: self._menu(view, point)
            )
            self._layout.addWidget(column)
            self.columns[code] = column
        self._layout.addStretch(1)

    def set_rows(self, rows: list[DealRow]) -> None:
        """Open deals go to their stage's column, won and lost ones to theirs."""
        by_target: dict[str, list[DealRow]] = {code: [] for code in self.columns}
        for row in rows:
            target = row.stage if row.status == "open" else row.status
            if target in by_target:
                by_target[target].append(row)
        for code, column in self.columns.items():
            column.set_rows(by_target[code])

    def set_today(self, today: date) -> None:
        self.today = today
        for column in self.columns.values():
            column.delegate.today = today

    def _dropped(self, deal_id: int, target: str) -> None:
        if target == WON:
            self.win_requested.emit(deal_id)
        elif target == LOST:
            self.lose_requested.emit(deal_id)
        else:
            self.move_requested.emit(deal_id, target)

    def _step(self, deal_id: int, step: int) -> None:
        row = self.row_of(deal_id)
        codes = [s.code for s in self._stages]
        if row is None or row.status != "open" or row.stage not in codes:
            return
        position = codes.index(row.stage) + step
        if 0 <= position < len(codes):
            self.move_requested.emit(deal_id, codes[position])

    def row_of(self, deal_id: int) -> DealRow | None:
        for column in self.columns.values():
            for row in column.model.rows():
                if row.id == deal_id:
                    return row
        return None

    def _menu(self, view: DealListView, point: QPoint) -> None:
        index = view.indexAt(point)
        if not index.isValid():
            index = view.currentIndex()
        if not index.isValid():
            return
        menu = self.card_menu(index.data(ROW_ROLE), view)
        menu.exec(view.viewport().mapToGlobal(view.visualRect(index).center()))

    def card_menu(self, row: DealRow, parent: QWidget) -> QMenu:
        """Open, Move to ▸, Won…, Lost…, Delete: the board's commands without a mouse."""
        menu = QMenu(parent)
        menu.addAction(self.tr("Open"), lambda: self.open_requested.emit(row.id))
        is_open = row.status == "open"
        move = menu.addMenu(self.tr("Move to"))
        for stage in self._stages:
            action = QAction(deal_words.stage_name(stage.code, stage.name), move)
            action.setEnabled(is_open and stage.code != row.stage)
            action.triggered.connect(
                lambda _checked=False, code=stage.code: self.move_requested.emit(row.id, code)
            )
            move.addAction(action)
        move.setEnabled(is_open)
        won = menu.addAction(self.tr("Won…"), lambda: self.win_requested.emit(row.id))
        lost = menu.addAction(self.tr("Lost…"), lambda: self.lose_requested.emit(row.id))
        won.setEnabled(is_open)
        lost.setEnabled(is_open)
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete_requested.emit(row.id))
        return menu
