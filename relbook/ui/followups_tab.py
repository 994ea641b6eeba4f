"""The contact pane's follow-ups: open tasks (with a due date and time) and expiry dates."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, cast

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.errors import RelbookError
from relbook.core.expiries import EXPIRY_KINDS
from relbook.core.tasks import follow_ups_of
from relbook.db.book import Book
from relbook.ui.date_text import q_datetime
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp, accept_when_saved, history, read_now
from relbook.words import labels, reminder_words

_ID = Qt.ItemDataRole.UserRole


def _day_text(day: datetime | QDate) -> str:
    value = day if isinstance(day, QDate) else QDate(day.year, day.month, day.day)
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)


class _FormDialog(QDialog):
    """A small form with OK / Cancel and a line for validation messages.

    OK saves (``save`` gives the change to run); the form closes once the book has it, or
    stays open with the reason it could not be saved.
    """

    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save: Callable[[], BookOp[Any]] | None = None
        self.form = QFormLayout()
        self.error = error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.save is None:
            super().accept()
        else:
            accept_when_saved(self, self.save(), self._not_saved)

    def _not_saved(self, problem: Exception) -> None:
        assert isinstance(problem, RelbookError)
        self.error.setText(labels.problem_text(problem))


class TaskDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Add a follow-up"), parent)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. call about the renewal"))
        tomorrow = datetime.now().replace(second=0, microsecond=0) + timedelta(days=1)
        self.due = QDateTimeEdit(q_datetime(tomorrow.replace(hour=9, minute=0)), self)
        self.due.setCalendarPopup(True)
        self.has_time = QCheckBox(self.tr("At this exact time"), self)
        self.form.addRow(self.tr("What to do"), self.title)
        self.form.addRow(self.tr("Due"), self.due)
        self.form.addRow("", self.has_time)


class ExpiryDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Add an expiry date"), parent)
        self.kind = QComboBox(self)
        for code in EXPIRY_KINDS:
            self.kind.addItem(reminder_words.expiry_kind(code), code)
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("e.g. car insurance, policy no. 8812"))
        self.expires = QDateEdit(QDate.currentDate().addYears(1), self)
        self.expires.setCalendarPopup(True)
        self.notice = QSpinBox(self)
        self.notice.setRange(0, 365)
        self.notice.setValue(30)
        self.notice.setSuffix(self.tr(" days before"))
        self.form.addRow(self.tr("What expires"), self.kind)
        self.form.addRow(self.tr("Description"), self.label)
        self.form.addRow(self.tr("Expires on"), self.expires)
        self.form.addRow(self.tr("Remind me"), self.notice)


class FollowUpsTab(QWidget):
    """Open tasks first (done with one click), then the contact's expiry dates."""

    status_message = Signal(str)

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._contact_id: int | None = None
        self.tasks = self._tree([self.tr("Due"), self.tr("Follow-up")])
        self.expiries = self._tree(
            [self.tr("Expires on"), self.tr("What expires"), self.tr("Description")]
        )
        self.add_task_button = QPushButton(self.tr("Add follow-up…"))
        self.done_button = QPushButton(self.tr("Done"))
        self.add_expiry_button = QPushButton(self.tr("Add expiry date…"))
        self.remove_expiry_button = QPushButton(self.tr("Remove"))
        self.add_task_button.clicked.connect(self.add_task)
        self.done_button.clicked.connect(self.complete_selected)
        self.add_expiry_button.clicked.connect(self.add_expiry)
        self.remove_expiry_button.clicked.connect(self.remove_selected_expiry)
        layout = QVBoxLayout(self)
        layout.addWidget(
            self._box(
                self.tr("Open follow-ups"), self.tasks, self.add_task_button, self.done_button
            )
        )
        layout.addWidget(
            self._box(
                self.tr("Expiry dates"),
                self.expiries,
                self.add_expiry_button,
                self.remove_expiry_button,
            )
        )

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        return tree

    def _box(self, title: str, tree: QTreeWidget, *buttons: QPushButton) -> QGroupBox:
        box = QGroupBox(title, self)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(tree)
        return box

    def load(self, contact_id: int) -> None:
        self._contact_id = contact_id
        self.reload()

    def reload(self) -> None:
        self.tasks.clear()
        self.expiries.clear()
        if self._contact_id is None:
            return
        today = datetime.now().date()
        contact_id = self._contact_id
        tasks, expiries = read_now(self._book, lambda session: follow_ups_of(session, contact_id))
        for task_id, due, has_time, kind, title in tasks:
            when = _day_text(due)
            if has_time:
                when += " " + QLocale().toString(
                    QTime(due.hour, due.minute, due.second), QLocale.FormatType.ShortFormat
                )
            text = title or reminder_words.kind_label("after_deal" if kind == "after_deal" else "")
            item = QTreeWidgetItem(self.tasks, [when, text])
            item.setData(0, _ID, task_id)
            if due.date() < today:
                item.setForeground(0, Qt.GlobalColor.darkRed)
        for expiry_id, expires, kind, label in expiries:
            item = QTreeWidgetItem(
                self.expiries,
                [_day_text(expires), reminder_words.expiry_kind(kind), label],  # type: ignore[arg-type]
            )
            item.setData(0, _ID, expiry_id)

    def _reload_after(self, change: BookOp[Any]) -> None:
        change.success(lambda _changes: self.reload()).run()

    def add_task(self) -> None:
        """Ask for a follow-up; it is saved from the dialog, which stays open while invalid."""
        contact_id = self._contact_id
        if contact_id is None:
            return
        dialog = TaskDialog(self)
        dialog.save = lambda: history.add_follow_up(
            dialog,
            self._book,
            self._events,
            contact_id,
            dialog.title.text(),
            cast(datetime, dialog.due.dateTime().toPython()).replace(second=0, microsecond=0),
            dialog.has_time.isChecked(),
            datetime.now(),
        )
        if dialog.exec():
            self.reload()

    def complete_selected(self) -> None:
        item = self.tasks.currentItem()
        if item is None:
            return
        self._reload_after(
            history.complete_task(
                self, self._book, self._events, int(item.data(0, _ID)), datetime.now()
            )
        )

    def add_expiry(self) -> None:
        """Ask for an expiry date; it is saved from the dialog, which stays open while invalid."""
        contact_id = self._contact_id
        if contact_id is None:
            return
        dialog = ExpiryDialog(self)
        dialog.save = lambda: history.add_expiry(
            dialog,
            self._book,
            self._events,
            contact_id,
            dialog.kind.currentData(),
            dialog.expires.date().toPython(),  # type: ignore[arg-type]
            dialog.label.text(),
            dialog.notice.value(),
            datetime.now(),
        )
        if dialog.exec():
            self.reload()

    def remove_selected_expiry(self) -> None:
        item = self.expiries.currentItem()
        if item is None:
            return
        self._reload_after(
            history.remove_expiry(
                self, self._book, self._events, int(item.data(0, _ID)), datetime.now()
            )
        )
