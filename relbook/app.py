"""Start-up: QApplication, language, open the book, the main window; rebuild on language change."""

import sys
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from relbook import __version__
from relbook.book import Book, open_book
from relbook.core.contacts import refresh_next_birthdays
from relbook.core.settings import get_setting
from relbook.i18n import install_language, resolve_language
from relbook.reminder_center import ReminderCenter
from relbook.ui.main_window import MainWindow
from relbook.ui.tray import app_icon


def book_language(book: Book) -> str:
    with book.session() as session:
        return resolve_language(get_setting(session, "ui.language"))


class AppController(QObject):
    """Owns the main window; builds it again in the new language when the setting changes.

    With ``reminders`` on, a ReminderCenter runs the scheduler, the popup and the tray.
    """

    def __init__(
        self,
        book: Book,
        reminders: bool = False,
        clock: Callable[[], datetime] = datetime.now,
    ):
        super().__init__()
        self.book = book
        self.window: MainWindow | None = None
        self._clock = clock
        self.reminders: ReminderCenter | None = None
        self._with_reminders = reminders

    def start(self) -> MainWindow:
        language = install_language(book_language(self.book))
        self.window = self._build()
        self.window.show()
        self._refresh_birthdays(self.window)
        if self._with_reminders:
            self.reminders = ReminderCenter(self.book, language, self.open_contact, self._clock)
            self._attach_reminders(language)
            self.reminders.start()
            self.window.show_today()
        return self.window

    def _attach_reminders(self, language: str) -> None:
        assert self.window is not None and self.reminders is not None
        self.reminders.attach(self.window, self.window.events, language)
        self.window.handle_reminders_requested.connect(self.reminders.show_due)

    def open_contact(self, contact_id: int) -> None:
        if self.window is None:
            return
        if self.reminders is not None:
            self.reminders.show_window()
        else:
            self.window.show()
        self.window.select_contact(contact_id)

    def _build(self) -> MainWindow:
        window = MainWindow(self.book)
        window.language_change_requested.connect(self.rebuild)
        window.apply_filter()
        return window

    def _refresh_birthdays(self, window: MainWindow) -> None:
        """Roll passed birthdays forward in the background, then redraw the list."""
        book = self.book

        def work(_report: object) -> int:
            with book.session() as session:
                return refresh_next_birthdays(session, date.today())

        def done(changed: int) -> None:
            if changed and self.window is not None:
                self.window.apply_filter()

        window.runner.start(work, done)

    def rebuild(self) -> None:
        """Swap the catalogue and rebuild the window, keeping the selected contact."""
        old = self.window
        if old is None:
            return
        selected = old.pane.current_id()
        old.save_layout()
        language = install_language(book_language(self.book))
        self.window = self._build()
        if selected is not None:
            self.window.select_when_loaded(selected)
        if self.reminders is not None:
            self._attach_reminders(language)
        self.window.show()
        old.hide()
        old.runner.shutdown()
        old.deleteLater()


def run_gui(data_dir: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    QCoreApplication.setApplicationName("relbook")
    QCoreApplication.setApplicationVersion(__version__)
    try:
        book = open_book(data_dir)
    except Exception as problem:  # any failure to open the book must be shown, not crash
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "relbook"),
            QCoreApplication.translate("App", "The book could not be opened:\n%1").replace(
                "%1", str(problem)
            ),
        )
        return 1
    app.setWindowIcon(app_icon())
    controller = AppController(book, reminders=True)
    controller.start()
    try:
        return app.exec()
    finally:
        if controller.reminders is not None:
            controller.reminders.stop()
        book.close()
