"""Closing an opportunity: Won (which day, for how much; the purchase and the two-day
thank-you follow) and Lost (why, from the list, and a note).

Each dialog saves through its operation and closes once the book has it, or stays open with
the reason under the field.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from relbook.core.deal_reads import DealRow
from relbook.core.errors import FieldError, ValidationError
from relbook.core.gifts import parse_amount, to_cents
from relbook.db.book import Book
from relbook.ui.amount_text import amount_text
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.field_messages import FieldMessages
from relbook.ui.operations import accept_when_saved
from relbook.ui.operations.deals import lose_deal, win_deal
from relbook.words import deal_words, labels

_INVALID_STYLE = '*[invalid="true"] { border: 1px solid #c62828; border-radius: 2px; }'


def _q_date(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def read_amount(text: str) -> int:
    """Cents of a typed yuan amount; ValidationError on the ``amount`` field if unreadable."""
    try:
        return to_cents(parse_amount(text))
    except ValidationError as problem:
        raise ValidationError(
            [FieldError("amount", e.code, e.params) for e in problem.errors]
        ) from None


class _CloseDialog(QDialog):
    def __init__(
        self, book: Book, events: BookEvents, row: DealRow, now: datetime, parent: QWidget | None
    ):
        super().__init__(parent)
        self._book, self._events, self.row, self._now = book, events, row, now
        self.setStyleSheet(_INVALID_STYLE)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        about = QLabel(f"<b>{_escape(row.title)}</b><br>{_escape(row.organization)}")
        about.setWordWrap(True)
        self.problem = error_label(hidden=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.messages = FieldMessages({})

    def _day_edit(self) -> QDateEdit:
        edit = QDateEdit(_q_date(self._now.date()))
        edit.setCalendarPopup(True)
        edit.setMaximumDate(_q_date(self._now.date()))
        edit.setMinimumDate(_q_date(self.row.stage_since))
        return edit

    def show_problem(self, problem: Exception) -> None:
        if not isinstance(problem, ValidationError):
            self.problem.setText(labels.problem_text(problem))  # type: ignore[arg-type]
            self.problem.show()
            return
        rest = self.messages.show(problem.errors)
        self.problem.setText("\n".join(rest))
        self.problem.setVisible(bool(rest))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class WinDialog(_CloseDialog):
    """Won: the day (today by default) and the final amount (the deal's by default)."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        row: DealRow,
        now: datetime,
        parent: QWidget | None = None,
    ):
        super().__init__(book, events, row, now, parent)
        self.setWindowTitle(self.tr("Mark as won"))
        self.day = self._day_edit()
        self.amount = QLineEdit(amount_text(Decimal(row.amount_cents) / 100))
        self.form.addRow(labels.field("deal_date"), self.day)
        self.form.addRow(labels.field("amount"), self.amount)
        note = QLabel(self.tr("The purchase is recorded and a thank-you is due within two days."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368")
        self.form.addRow(note)
        self.messages = FieldMessages({"deal_date": self.day, "amount": self.amount})
        self.amount.setFocus()
        self.amount.selectAll()

    def accept(self) -> None:
        try:
            cents = read_amount(self.amount.text())
        except ValidationError as problem:
            self.show_problem(problem)
            return
        day = self.day.date().toPython()
        assert isinstance(day, date)
        change = win_deal(self, self._book, self._events, self.row.id, day, cents, self._now)
        accept_when_saved(self, change, self.show_problem)


class LoseDialog(_CloseDialog):
    """Lost: why (required, from the list), a note, and the day (today by default)."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        row: DealRow,
        now: datetime,
        parent: QWidget | None = None,
    ):
        super().__init__(book, events, row, now, parent)
        self.setWindowTitle(self.tr("Mark as lost"))
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Choose why…"), None)
        for code, words in deal_words.lost_reasons().items():
            self.reason.addItem(words, code)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What happened, what to do better next time"))
        self.day = self._day_edit()
        self.form.addRow(labels.field("lost_reason"), self.reason)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(labels.field("deal_date"), self.day)
        self.messages = FieldMessages({"lost_reason": self.reason, "deal_date": self.day})
        self.reason.setFocus()

    def accept(self) -> None:
        if self.reason.currentData() is None:
            self.messages.show_messages([("lost_reason", self.tr("Choose why it was lost."))])
            self.reason.setFocus()
            return
        day = self.day.date().toPython()
        assert isinstance(day, date)
        change = lose_deal(
            self,
            self._book,
            self._events,
            self.row.id,
            self.reason.currentData(),
            day,
            self.note.text(),
            self._now,
        )
        accept_when_saved(self, change, self.show_problem)
