"""The Opportunities tab (商机): the pipeline as a board or a table, filtered, beside the
sales forecast.

The tab reads the book when shown and again after a change to deals, contacts (names and
levels on the cards) or settings (stages, the funnel threshold); a change while it is hidden
is read when it is shown again. Every command (a card dropped, a menu entry, the editor's
Save) runs through ``relbook.ui.operations.deals``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.deal_reads import DealRow
from relbook.db.book import Book
from relbook.ui.deal_board import DealBoard
from relbook.ui.deal_close_dialogs import LoseDialog, WinDialog
from relbook.ui.deal_editor import DealEditor
from relbook.ui.deal_table import DealTableView
from relbook.ui.events import BookEvents
from relbook.ui.forecast_panel import ForecastPanel
from relbook.ui.operations.deals import (
    Board,
    ForecastView,
    board_now,
    board_rows,
    delete_deal,
    forecast_now,
    forecast_query,
    move_deal,
)
from relbook.words import deal_words


def matches(row: DealRow, text: str) -> bool:
    """Whether the filter text is in the title, the company or a contact's name."""
    wanted = text.strip().casefold()
    if not wanted:
        return True
    haystack = [row.title, row.organization, *row.contact_names]
    return any(wanted in part.casefold() for part in haystack)


class DealsPage(QWidget):
    """The board or the table (``show_board`` / ``show_table``), the filters and the
    forecast panel."""

    status_message = Signal(str)

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._book, self._events, self._clock = book, events, clock
        self._generation = 0
        self._stale = True
        self.data: Board | None = None
        self.editor: DealEditor | None = None
        self.close_dialog: WinDialog | LoseDialog | None = None
        today = self._today()

        self.board_button = self._switch(self.tr("Board"))
        self.table_button = self._switch(self.tr("Table"))
        switch = QButtonGroup(self)
        switch.setExclusive(True)
        switch.addButton(self.board_button)
        switch.addButton(self.table_button)
        self.board_button.setChecked(True)
        self.board_button.toggled.connect(self._switched)
        self.status = QComboBox()
        self.status.addItem(self.tr("Open opportunities"), True)
        self.status.addItem(self.tr("All, won and lost too"), False)
        self.status.setAccessibleName(self.tr("Which opportunities"))
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter by title, company or contact"))
        self.filter.setMinimumWidth(240)
        self.filter.textChanged.connect(lambda _text: self._show_rows())
        self.new_button = QPushButton(self.tr("New opportunity…"))
        self.new_button.clicked.connect(lambda: self.new_deal())
        self.forecast_button = QToolButton()
        self.forecast_button.setText(self.tr("Forecast"))
        self.forecast_button.setCheckable(True)
        self.forecast_button.setChecked(True)
        self.forecast_button.setToolTip(self.tr("Show or hide the sales forecast"))
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 0)
        bar.addWidget(self.board_button)
        bar.addWidget(self.table_button)
        bar.addSpacing(12)
        bar.addWidget(self.status)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.new_button)
        bar.addSpacing(12)
        bar.addWidget(self.forecast_button)

        self.board = DealBoard(today, self)
        self.board.open_requested.connect(self.open_deal)
        self.board.move_requested.connect(self.move_to)
        self.board.win_requested.connect(self.win)
        self.board.lose_requested.connect(self.lose)
        self.board.delete_requested.connect(self.delete)
        self.table = DealTableView(today, self)
        self.table.doubleClicked.connect(lambda index: self._open_table_row())
        self.table.open_requested.connect(self.open_deal)
        self.table.delete_requested.connect(self.delete)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.board)
        self.views.addWidget(self.table)
        self.forecast = ForecastPanel(self._load_forecast, today, self)
        self.forecast_button.toggled.connect(self.forecast.setVisible)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.forecast)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([860, 480])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        events.changed.connect(self._book_changed)

    @staticmethod
    def _switch(text: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(False)
        return button

    def _today(self) -> date:
        return self._clock().date()

    # --- reading -------------------------------------------------------------------------
    def open_only(self) -> bool:
        return bool(self.status.currentData())

    def refresh(self) -> None:
        """Read the board and the forecast again in the background."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        today = self._today()
        board_rows(self, self._book, self._events, today, self.open_only()).success(
            lambda board: self._arrived(generation, board, today)
        ).run()
        self.forecast.refresh()

    def refresh_now(self) -> None:
        """Read at once (the first show, screenshots, tests)."""
        self._stale = False
        self._generation += 1
        today = self._today()
        self._arrived(self._generation, board_now(self._book, today, self.open_only()), today)
        panel = self.forecast
        panel.show_forecast(forecast_now(self._book, today, panel.start, panel.end))

    def _load_forecast(self, start: date, end: date) -> None:
        forecast_query(self, self._book, self._events, self._today(), start, end).success(
            self._forecast_arrived
        ).run()

    def _forecast_arrived(self, view: ForecastView) -> None:
        self.forecast.show_forecast(view)

    def _arrived(self, generation: int, board: Board, today: date) -> None:
        if generation != self._generation:
            return  # a later read is on its way
        self.data = board
        self.board.set_today(today)
        self.table.source.today = today
        self.forecast.set_today(today)
        self.board.set_stages(board.stages)
        self._show_rows()

    def rows(self) -> list[DealRow]:
        """The rows the filter lets through."""
        if self.data is None:
            return []
        text = self.filter.text()
        return [row for row in self.data.rows if matches(row, text)]

    def _show_rows(self) -> None:
        if self.data is None:
            return
        rows = self.rows()
        self.board.set_rows(rows)
        names = {s.code: deal_words.stage_name(s.code, s.name) for s in self.data.stages}
        self.table.source.set_rows(rows, names)

    def _book_changed(self, changes: BookChanges) -> None:
        if not (changes.deals or changes.contacts or changes.settings):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _switched(self, board: bool) -> None:
        self.views.setCurrentWidget(self.board if board else self.table)

    def show_board(self) -> None:
        self.board_button.setChecked(True)

    def show_table(self) -> None:
        self.table_button.setChecked(True)

    # --- commands ------------------------------------------------------------------------
    def row(self, deal_id: int) -> DealRow | None:
        if self.data is None:
            return None
        return next((r for r in self.data.rows if r.id == deal_id), None)

    def new_deal(self, contact_ids: list[int] | None = None) -> DealEditor:
        return self._editor(None, contact_ids)

    def open_deal(self, deal_id: int) -> DealEditor:
        return self._editor(deal_id, None)

    def _editor(self, deal_id: int | None, contact_ids: list[int] | None) -> DealEditor:
        editor = DealEditor(
            self._book, self._events, deal_id, contact_ids, self._clock(), self.window()
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        created = deal_id is None
        editor.accepted.connect(
            lambda: self.status_message.emit(
                self.tr("Opportunity added.") if created else self.tr("Opportunity saved.")
            )
        )
        editor.closed_deal.connect(self._closed)
        self.editor = editor
        editor.open()
        return editor

    def _open_table_row(self) -> None:
        row = self.table.current_row()
        if row is not None:
            self.open_deal(row.id)

    def _table_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if index.isValid():
            self.table.setCurrentIndex(index)
        else:
            index = self.table.currentIndex()
        row = self.table.current_row()
        if row is None:
            return
        menu = self.board.card_menu(row, self.table)
        menu.exec(self.table.viewport().mapToGlobal(self.table.visualRect(index).center()))

    def move_to(self, deal_id: int, stage: str) -> None:
        """Move the deal to ``stage`` today (a card dropped on a column)."""
        row = self.row(deal_id)
        if row is None or row.status != "open" or row.stage == stage:
            return
        stages = self.data.stages if self.data is not None else []
        names = {s.code: deal_words.stage_name(s.code, s.name) for s in stages}
        name = names.get(stage, stage)
        move_deal(self, self._book, self._events, deal_id, stage, self._clock()).success(
            lambda _changes: self.status_message.emit(
                self.tr("“%1” moved to %2.").replace("%1", row.title).replace("%2", name)
            )
        ).run()

    def win(self, deal_id: int) -> WinDialog | None:
        row = self.row(deal_id)
        if row is None or row.status != "open":
            return None
        dialog = WinDialog(self._book, self._events, row, self._clock(), self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._closed("won"))
        self.close_dialog = dialog
        dialog.open()
        return dialog

    def lose(self, deal_id: int) -> LoseDialog | None:
        row = self.row(deal_id)
        if row is None or row.status != "open":
            return None
        dialog = LoseDialog(self._book, self._events, row, self._clock(), self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._closed("lost"))
        self.close_dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, outcome: str) -> None:
        if outcome == "won":
            text = self.tr("Marked as won: the purchase is recorded; thank them within two days.")
        else:
            text = self.tr("Marked as lost.")
        self.status_message.emit(text)

    def delete(self, deal_id: int) -> None:
        row = self.row(deal_id)
        if row is None:
            return
        asked = QMessageBox.question(
            self,
            self.tr("Delete opportunity"),
            self.tr("Delete “%1”? Its purchases stay recorded.").replace("%1", row.title),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        delete_deal(self, self._book, self._events, deal_id, self._clock()).success(
            lambda _changes: self.status_message.emit(self.tr("Opportunity deleted."))
        ).run()
