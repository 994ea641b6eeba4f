"""The forecast panel (销售预计) of the Opportunities tab: for a period (this quarter unless
the user steps to another one or picks dates), what is booked, the weighted pipeline, the
forecast, the progress since last week, and the stages behind them.

The figures are core's ``forecast`` for the period, the very numbers ``relbook forecast``
prints.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.forecast import quarter_of
from relbook.ui.deal_cards import yuan_text
from relbook.ui.deal_table import percent_text
from relbook.ui.operations.deals import ForecastView
from relbook.words import deal_words

NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def shifted_quarter(start: date, quarters: int) -> tuple[date, date]:
    """The quarter ``quarters`` before (negative) or after the one starting on ``start``."""
    month = start.month - 1 + quarters * 3
    first = date(start.year + month // 12, month % 12 + 1, 1)
    return quarter_of(first)


class ForecastPanel(QFrame):
    """Asks for its figures through ``load`` (given the period) and shows them."""

    def __init__(
        self,
        load: Callable[[date, date], None],
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._load = load
        self.today = today
        self.start, self.end = quarter_of(today)
        self.shown: ForecastView | None = None
        self.setObjectName("forecast_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(440)

        heading = QLabel(self.tr("Sales forecast"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.previous = QToolButton()
        self.previous.setText("◀")
        self.previous.setToolTip(self.tr("Previous quarter"))
        self.previous.setAccessibleName(self.tr("Previous quarter"))
        self.previous.clicked.connect(lambda: self._step(-1))
        self.following = QToolButton()
        self.following.setText("▶")
        self.following.setToolTip(self.tr("Next quarter"))
        self.following.setAccessibleName(self.tr("Next quarter"))
        self.following.clicked.connect(lambda: self._step(1))
        self.this_quarter = QToolButton()
        self.this_quarter.setText(self.tr("This quarter"))
        self.this_quarter.clicked.connect(self.show_this_quarter)
        self.from_edit = self._date_edit()
        self.to_edit = self._date_edit()
        period = QHBoxLayout()
        period.addWidget(self.previous)
        period.addWidget(self.from_edit)
        period.addWidget(QLabel("–"))
        period.addWidget(self.to_edit)
        period.addWidget(self.following)
        period.addStretch(1)
        period.addWidget(self.this_quarter)

        self.booked = self._figure()
        self.pipeline = self._figure()
        self.forecast = self._figure(bold=True)
        self.progress = self._figure()
        self.progress_detail = QLabel()
        self.progress_detail.setStyleSheet("color: #5f6368")
        self.progress_detail.setWordWrap(True)
        figures = QGridLayout()
        figures.setHorizontalSpacing(16)
        for row, (text, value) in enumerate(
            (
                (self.tr("Booked"), self.booked),
                (self.tr("Weighted pipeline"), self.pipeline),
                (self.tr("Forecast"), self.forecast),
                (self.tr("Progress this week"), self.progress),
            )
        ):
            figures.addWidget(QLabel(text), row, 0)
            figures.addWidget(value, row, 1)
        figures.addWidget(self.progress_detail, 4, 0, 1, 2)
        figures.setColumnStretch(1, 1)

        self.stages = QTableWidget(0, 5)
        self.stages.setHorizontalHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Count"),
                self.tr("Amount"),
                self.tr("Win rate"),
                self.tr("Weighted"),
            ]
        )
        self.stages.verticalHeader().hide()
        self.stages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.stages.setWordWrap(True)
        header = self.stages.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.stages.setColumnWidth(3, 160)
        for column in range(1, 5):
            item = self.stages.horizontalHeaderItem(column)
            if item is not None:
                item.setTextAlignment(NUMBER)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(period)
        layout.addLayout(figures)
        layout.addWidget(self.stages, 1)
        self._show_period()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.editingFinished.connect(self._dates_edited)
        return edit

    def _figure(self, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setAlignment(NUMBER)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        return label

    # --- the period ----------------------------------------------------------------------
    def _show_period(self) -> None:
        for edit, day in ((self.from_edit, self.start), (self.to_edit, self.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def set_period(self, start: date, end: date) -> None:
        self.start, self.end = start, end
        self._show_period()
        self.refresh()

    def _step(self, quarters: int) -> None:
        self.set_period(*shifted_quarter(self.start, quarters))

    def show_this_quarter(self) -> None:
        self.set_period(*quarter_of(self.today))

    def _dates_edited(self) -> None:
        start = self.from_edit.date().toPython()
        end = self.to_edit.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        if end < start:
            end = start
        if (start, end) != (self.start, self.end):
            self.set_period(start, end)

    def refresh(self) -> None:
        self._load(self.start, self.end)

    # --- the figures ---------------------------------------------------------------------
    def show_forecast(self, view: ForecastView) -> None:
        if (view.result.start, view.result.end) != (self.start, self.end):
            return  # an answer for a period the user has left
        self.shown = view
        result, last = view.result, view.result.last_week
        self.booked.setText(yuan_text(result.now.booked_cents))
        self.pipeline.setText(yuan_text(result.now.pipeline_cents))
        self.forecast.setText(yuan_text(result.now.forecast_cents))
        progress = result.progress_cents
        sign = "+" if progress > 0 else ("−" if progress < 0 else "±")
        color = "#2e7d32" if progress > 0 else ("#c62828" if progress < 0 else "#5f6368")
        self.progress.setText(
            f"<span style='color:{color}'>{sign}{yuan_text(abs(progress))}</span>"
        )
        self.progress_detail.setText(
            self.tr("A week ago (%1): forecast %2, booked %3.")
            .replace("%1", last.as_of.isoformat())
            .replace("%2", yuan_text(last.forecast_cents))
            .replace("%3", yuan_text(last.booked_cents))
        )
        names = {s.code: deal_words.stage_name(s.code, s.name) for s in view.stages}
        self.stages.setRowCount(len(result.now.stages))
        for row, stage in enumerate(result.now.stages):
            rate = view.rates.get(stage.stage)
            if stage.rate_source == "learned" and rate is not None:
                source = self.tr("learned from %1 closed").replace("%1", str(rate.closed))
            else:
                source = deal_words.rate_source("default")
            cells = [
                names.get(stage.stage, stage.stage),
                str(stage.count),
                yuan_text(stage.amount_cents),
                f"{percent_text(stage.rate)}\n{source}",
                yuan_text(stage.weighted_cents),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(NUMBER)
                self.stages.setItem(row, column, item)
        self.stages.resizeRowsToContents()

    def set_today(self, today: date) -> None:
        """A new day: the period follows if it was today's quarter."""
        if (self.start, self.end) == quarter_of(self.today):
            self.start, self.end = quarter_of(today)
            self._show_period()
        self.today = today
