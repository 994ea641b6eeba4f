"""The reminder popup: what is due now, with done, snooze, open and greeting.

It only displays: the scheduler's check decides what is due (the list Today shows) and records
what popped up. A large book can have thousands due at once, so the popup lists the first
screenful and offers the whole list in Today.
"""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import cast

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.festival_greetings import festival_recipients
from relbook.core.greetings import greeting_for
from relbook.core.history import InteractionInput
from relbook.core.reminder_log import snooze_choices
from relbook.core.reminders import Occurrence
from relbook.db.book import Book
from relbook.ui.date_text import q_datetime
from relbook.ui.events import BookEvents
from relbook.ui.operations import read_now
from relbook.ui.operations.reminders import complete_reminder, snooze_reminder
from relbook.words import reminder_words

RECIPIENTS_SHOWN = 30
SHOWN_AT_ONCE = 50
"""Reminders the popup lists; the rest are counted and shown in Today."""
_LOGGED_TYPE = {
    "birthday": "greeting",
    "family_birthday": "greeting",
    "special_date": "greeting",
    "festival": "greeting",
    "after_deal": "message",
    "stay_in_touch": "call",
    "follow_up": "call",
    "expiry": "call",
}
"""The interaction "done and log" records for each kind of reminder."""


def greeting_text(book: Book, occurrence: Occurrence, language: str, on: date) -> str:
    """The greeting "copy greeting" gives for a reminder on ``on``: worded for that day (on
    the occasion's day, ahead of it, or late) and for the person."""
    festival = reminder_words.festival_title(occurrence) if occurrence.kind == "festival" else ""
    return read_now(book, lambda session: greeting_for(session, occurrence, language, on, festival))


class ReminderPopup(QDialog):
    """Non-modal; more reminders can arrive while it is open and join the list."""

    open_contact_requested = Signal(int)
    greet_requested = Signal(str, object)
    """A festival reminder's code and day: greet its recipients one by one (the Greet window)."""
    show_all_requested = Signal()
    """The user wants every due reminder: the window's Today tab lists them."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        language: str,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminders"))
        self.setModal(False)
        self.resize(640, 420)
        self._book = book
        self._events = events
        self._language = language
        self._clock = clock
        self._items: dict[str, Occurrence] = {}
        self._total = 0

        self.heading = QLabel(self)
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item: self.open_contact())
        self.greeting = QLabel(self)
        self.greeting.setWordWrap(True)
        self.greeting.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.greeting.setStyleSheet("color: #37474f; padding: 4px;")

        self.done_button = QPushButton(self.tr("Done"))
        self.done_log_button = QPushButton(self.tr("Done and log it"))
        self.snooze_button = QPushButton(self.tr("Snooze"))
        self.open_button = QPushButton(self.tr("Open contact"))
        self.copy_button = QPushButton(self.tr("Copy greeting"))
        self.greet_button = QPushButton(self.tr("Greet…"))
        self.greet_button.setToolTip(
            self.tr("Each recipient's own greeting, to copy and mark sent one by one")
        )
        snooze_menu = QMenu(self.snooze_button)
        snooze_menu.addAction(self.tr("For an hour"), lambda: self.snooze_to("hour"))
        snooze_menu.addAction(self.tr("Until tomorrow"), lambda: self.snooze_to("tomorrow"))
        snooze_menu.addAction(self.tr("Until next week"), lambda: self.snooze_to("next_week"))
        snooze_menu.addAction(self.tr("Until a time I choose…"), self.snooze_until_chosen)
        self.snooze_button.setMenu(snooze_menu)
        self.done_button.clicked.connect(lambda: self.complete(log=False))
        self.done_log_button.clicked.connect(lambda: self.complete(log=True))
        self.open_button.clicked.connect(self.open_contact)
        self.copy_button.clicked.connect(self.copy_greeting)
        self.greet_button.clicked.connect(self.greet)

        actions = QVBoxLayout()
        for button in (
            self.done_button,
            self.done_log_button,
            self.snooze_button,
            self.open_button,
            self.copy_button,
            self.greet_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(actions)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.hide)
        self.show_all_button = close.addButton(
            self.tr("Show all in Today"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.show_all_button.clicked.connect(self.show_all_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.greeting)
        layout.addWidget(close)
        self._update_buttons()

    # --- contents --------------------------------------------------------------------------
    def show_due(self, due: list[Occurrence]) -> None:
        """List what is due now (its first screenful) and show the popup."""
        self.set_due(due)
        self.show()
        self.raise_()

    def set_due(self, due: list[Occurrence]) -> None:
        """Replace the list with ``due``, keeping the selected reminder selected."""
        selected = self.current()
        self._items = {o.key: o for o in due[:SHOWN_AT_ONCE]}
        self._total = len(due)
        self.list.clear()
        for occurrence in self._items.values():
            item = QListWidgetItem(self._line(occurrence))
            item.setData(Qt.ItemDataRole.UserRole, occurrence.key)
            if occurrence.overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
            if selected is not None and occurrence.key == selected.key:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_heading()
        if not self._total:
            self.hide()

    @property
    def total(self) -> int:
        """How many reminders are due, listed or not."""
        return self._total

    def _line(self, occurrence: Occurrence) -> str:
        day = occurrence.date
        when = QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat
        )
        if occurrence.at is not None:
            when += " " + QLocale().toString(
                QTime(occurrence.at.hour, occurrence.at.minute, occurrence.at.second),
                QLocale.FormatType.ShortFormat,
            )
        kind = reminder_words.kind_label(occurrence.kind)
        return f"{when}  {kind}  {reminder_words.describe(occurrence)}"

    def _update_heading(self) -> None:
        text = self.tr("%1 reminders need your attention.").replace("%1", str(self._total))
        if self._total > self.list.count():
            text += " " + self.tr("The first %1 are listed here.").replace(
                "%1", str(self.list.count())
            )
        self.heading.setText(text)
        self.show_all_button.setVisible(self._total > self.list.count())

    def current(self) -> Occurrence | None:
        item = self.list.currentItem()
        return None if item is None else self._items.get(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        occurrence = self.current()
        for button in (self.done_button, self.done_log_button, self.snooze_button):
            button.setEnabled(occurrence is not None)
        self.open_button.setEnabled(occurrence is not None and occurrence.contact_id is not None)
        self.done_log_button.setEnabled(
            occurrence is not None and occurrence.contact_id is not None
        )
        self.copy_button.setEnabled(occurrence is not None)
        self.greet_button.setEnabled(occurrence is not None and occurrence.kind == "festival")
        text = (
            greeting_text(self._book, occurrence, self._language, self._clock().date())
            if occurrence
            else ""
        )
        if occurrence is not None and occurrence.kind == "festival":
            text += "\n" + self._recipients_line(occurrence)
        self.greeting.setText(text)

    def _recipients_line(self, occurrence: Occurrence) -> str:
        code, year = str(occurrence.details.get("festival", "")), occurrence.date.year
        people = read_now(self._book, lambda session: festival_recipients(session, code, year))
        names = "、".join(person.name for person in people[:RECIPIENTS_SHOWN])
        if len(people) > RECIPIENTS_SHOWN:
            names += " …"
        return (
            self.tr("Greet (%1): %2")
            .replace("%1", str(len(people)))
            .replace("%2", names or self.tr("nobody matches this festival's audience"))
        )

    def _remove(self, key: str) -> None:
        """Take a handled reminder off the list (the one handled, wherever the selection is
        now: handling finishes in the background)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.takeItem(row)
                self._items.pop(key, None)
                self._total -= 1
                break
        self._update_heading()
        if not self.list.count():
            self.hide()
        self._update_buttons()

    # --- actions ---------------------------------------------------------------------------
    def complete(self, log: bool) -> None:
        occurrence = self.current()
        if occurrence is None:
            return
        now = self._clock()
        logged = None
        if log and occurrence.contact_id is not None:
            logged = InteractionInput(
                _LOGGED_TYPE.get(occurrence.kind, "other"),
                now,
                [occurrence.contact_id],
                notes=reminder_words.describe(occurrence),
            )
        key = occurrence.key
        complete_reminder(self, self._book, self._events, occurrence, logged, now).success(
            lambda _changes: self._remove(key)
        ).run()

    def snooze_to(self, choice: str) -> None:
        self._snooze(snooze_choices(self._clock())[choice])

    def snooze_until_chosen(self) -> None:
        chooser = QDialog(self)
        chooser.setWindowTitle(self.tr("Snooze until"))
        edit = QDateTimeEdit(q_datetime(self._clock() + timedelta(hours=2)), chooser)
        edit.setCalendarPopup(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, chooser
        )
        buttons.accepted.connect(chooser.accept)
        buttons.rejected.connect(chooser.reject)
        layout = QVBoxLayout(chooser)
        layout.addWidget(edit)
        layout.addWidget(buttons)
        if chooser.exec():
            self._snooze(cast(datetime, edit.dateTime().toPython()))

    def _snooze(self, until: datetime) -> None:
        occurrence = self.current()
        if occurrence is None:
            return
        key = occurrence.key
        snooze_reminder(self, self._book, self._events, occurrence, until, self._clock()).success(
            lambda _changes: self._remove(key)
        ).run()

    def open_contact(self) -> None:
        occurrence = self.current()
        if occurrence is not None and occurrence.contact_id is not None:
            self.open_contact_requested.emit(occurrence.contact_id)

    def greet(self) -> None:
        occurrence = self.current()
        if occurrence is not None and occurrence.kind == "festival":
            self.greet_requested.emit(
                str(occurrence.details.get("festival") or ""), occurrence.date
            )

    def copy_greeting(self) -> None:
        occurrence = self.current()
        if occurrence is not None:
            QGuiApplication.clipboard().setText(
                greeting_text(self._book, occurrence, self._language, self._clock().date())
            )
