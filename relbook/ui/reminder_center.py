"""Ties reminders to the running app: the scheduler, the popup, the tray and closing to tray.

It outlives main-window rebuilds (a language change), so a reminder is never lost or shown
twice because the window was rebuilt.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from relbook.core.changes import BookChanges
from relbook.core.reminders import Occurrence
from relbook.core.settings import get_setting
from relbook.db.book import Book
from relbook.scheduler.reminder_scheduler import DueReport, ReminderScheduler
from relbook.ui.events import BookEvents
from relbook.ui.operations import read_now
from relbook.ui.tray import Tray
from relbook.words import reminder_words

if TYPE_CHECKING:
    from relbook.ui.main_window import MainWindow
    from relbook.ui.reminder_popup import ReminderPopup


def parse_daily_time(text: str) -> time:
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes))


class ReminderCenter(QObject):
    """Shows due reminders in one popup and a tray notification; keeps the app in the tray."""

    def __init__(
        self,
        book: Book,
        language: str,
        open_contact: Callable[[int], None],
        clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._book = book
        self._language = language
        self._open_contact = open_contact
        self._clock = clock
        self.window: MainWindow | None = None
        self.events: BookEvents | None = None
        self.popup: ReminderPopup | None = None
        self.scheduler = ReminderScheduler(book, self._checked, self._daily_time(), clock, self)
        self.tray = Tray(self) if Tray.available() else None
        if self.tray is not None:
            self.tray.open_requested.connect(self.show_window)
            self.tray.quit_requested.connect(self.quit)

    def attach(self, window: MainWindow, events: BookEvents, language: str) -> None:
        """Follow a (re)built main window."""
        if self.window is not None:
            self.window.removeEventFilter(self)
        self.window = window
        self.events = events
        self._language = language
        window.installEventFilter(self)
        events.changed.connect(self._book_changed)
        if self.popup is not None:
            self.popup.deleteLater()
            self.popup = None

    def _daily_time(self) -> time:
        return parse_daily_time(
            read_now(self._book, lambda session: get_setting(session, "remind.daily_time"))
        )

    def _book_changed(self, changes: BookChanges) -> None:
        if changes.settings:
            self.scheduler.set_daily_time(self._daily_time())
        self.scheduler.request_check()

    def book_replaced(self) -> None:
        """A restore swapped the book file: read its reminder time, look for due ones again."""
        self.scheduler.set_daily_time(self._daily_time())
        self.scheduler.request_check()

    def start(self) -> None:
        self.scheduler.start()
        if self.tray is not None:
            self.tray.show()
            QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]

    def stop(self) -> None:
        self.scheduler.stop()
        if self.tray is not None:
            self.tray.hide()

    def _checked(self, report: DueReport) -> None:
        """A check's result: the tray counts what is due; new reminders pop up with the rest
        of what is due, and an open popup follows the book."""
        if self.tray is not None:
            self.tray.set_due_count(len(report.due))
        if report.fresh:
            self.show_due(report.due)
            if self.tray is not None:
                self.tray.notify(
                    self.tr("relbook reminders"),
                    "\n".join(
                        f"{reminder_words.kind_label(o.kind)}: {reminder_words.describe(o)}"
                        for o in report.fresh[:5]
                    ),
                )
        elif self.popup is not None and self.popup.isVisible():
            self.popup.set_due(report.due)

    def show_due(self, due: list[Occurrence]) -> None:
        """Show ``due`` (what is due now, as Today lists it) in the popup."""
        if not due or self.events is None:
            return
        if self.popup is None:
            from relbook.ui.reminder_popup import ReminderPopup  # only once something is due

            self.popup = ReminderPopup(
                self._book, self.events, self._language, clock=self._clock, parent=self.window
            )
            self.popup.open_contact_requested.connect(self._open_contact)
            self.popup.greet_requested.connect(self._greet)
            self.popup.show_all_requested.connect(self._show_all)
        self.popup.show_due(due)

    def _greet(self, festival_code: str, day: date) -> None:
        if self.window is not None:
            self.window.open_greet(festival_code, day)

    def _show_all(self) -> None:
        self.show_window()
        if self.window is not None:
            self.window.show_today()

    def show_window(self) -> None:
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def quit(self) -> None:
        self.stop()
        if self.window is not None:
            self.window.removeEventFilter(self)
            self.window.close()
        QApplication.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window hides it to the tray when that is on and a tray exists."""
        if watched is self.window and event.type() == QEvent.Type.Close and self._to_tray():
            self.window.hide()
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _to_tray(self) -> bool:
        if self.tray is None:
            return False
        return bool(read_now(self._book, lambda session: get_setting(session, "ui.close_to_tray")))
