"""Start-up: QApplication, language, open the book, the main window; rebuild on language change."""

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from relbook import __version__, crash_log, labels
from relbook.book import Book, open_book
from relbook.core.contacts import refresh_next_birthdays
from relbook.core.errors import BookDamaged, BookInUse, RelbookError
from relbook.core.settings import get_setting
from relbook.db import backups
from relbook.db.location import resolve_data_dir
from relbook.db.writer_lock import WriterLock
from relbook.i18n import install_language, resolve_language
from relbook.reminder_center import ReminderCenter
from relbook.ui.crash_dialog import UnexpectedErrorNotice
from relbook.ui.main_window import MainWindow
from relbook.ui.single_instance import InstanceServer, ask_running_window
from relbook.ui.storage_dialogs import (
    StorageErrorHook,
    recover_damaged_book,
    show_read_only_notice,
)
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
        daily_backup: bool = False,
    ):
        super().__init__()
        self.book = book
        self.window: MainWindow | None = None
        self._clock = clock
        self.reminders: ReminderCenter | None = None
        self._with_reminders = reminders
        self._daily_backup = daily_backup

    def start(self) -> MainWindow:
        language = install_language(book_language(self.book))
        self.window = self._build()
        self.window.show()
        self._refresh_birthdays(self.window)
        if self._daily_backup:
            self._take_daily_backup(self.window)
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
        window = MainWindow(self.book, clock=self._clock)
        window.language_change_requested.connect(self.rebuild)
        window.book_replaced.connect(self._book_replaced)
        window.quit_requested.connect(self.quit)
        window.apply_filter()
        return window

    def _take_daily_backup(self, window: MainWindow) -> None:
        """The day's first start backs the book up in the background; only trouble is shown."""
        book, now = self.book, self._clock()

        def work(_report: object) -> tuple[Path | None, Path]:
            return backups.ensure_daily_backup(book, now), backups.book_plan(book).folder

        def done(outcome: tuple[Path | None, Path]) -> None:
            path, folder = outcome
            if path is not None and path.parent != folder:
                self._tell(
                    self.tr(
                        "The backup folder %1 cannot be written; today's backup went to the "
                        "data folder."
                    ).replace("%1", str(folder))
                )

        def failed(problem: Exception, _trace: str) -> None:
            reason = (
                labels.problem_text(problem) if isinstance(problem, RelbookError) else str(problem)
            )
            self._tell(self.tr("Today's backup failed: %1").replace("%1", reason))

        window.runner.start(work, done, failed)

    def _tell(self, message: str) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(message, 20000)

    def _book_replaced(self) -> None:
        """A restore swapped the book file under the same Book: show it from scratch."""
        self.rebuild()
        if self.reminders is not None:
            self.reminders.book_replaced()

    def _refresh_birthdays(self, window: MainWindow) -> None:
        """Roll passed birthdays forward in the background, then redraw the list."""
        book = self.book

        def work(_report: object) -> int:
            # reads, then writes, while the window may commit: wait for the lock, do not fail
            with book.session(immediate=True) as session:
                return refresh_next_birthdays(session, self._clock().date())

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

    def quit(self) -> None:
        """End the app (the reminders stop first); closing the window may only hide it."""
        if self.reminders is not None:
            self.reminders.quit()
            return
        if self.window is not None:
            self.window.close()
        QApplication.quit()

    def bring_to_front(self) -> None:
        """Show the window (from the tray, minimised or behind others): a second start asked."""
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()


def _open_for_window(data_dir: str | None) -> Book | None:
    """Open the book, offering the newest good backup when the file is damaged.

    None (after telling why) when there is no book to show.
    """
    for _attempt in range(2):  # a restored backup passed the check, so one retry is enough
        try:
            return open_book(data_dir)
        except BookDamaged as damaged:
            if not recover_damaged_book(damaged):
                return None
        except RelbookError as problem:
            _cannot_open(labels.problem_text(problem))
            return None
        except Exception as problem:  # any failure to open the book must be shown, not crash
            _cannot_open(str(problem))
            return None
    return None


def _cannot_open(reason: str) -> None:
    QMessageBox.critical(
        None,
        QCoreApplication.translate("App", "relbook"),
        QCoreApplication.translate("App", "The book could not be opened:\n%1").replace(
            "%1", reason
        ),
    )


def run_gui(data_dir: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    QCoreApplication.setApplicationName("relbook")
    QCoreApplication.setApplicationVersion(__version__)
    try:
        folder = resolve_data_dir(data_dir)
    except OSError as problem:
        _cannot_open(str(problem))
        return 1
    try:
        lock = WriterLock(folder).acquire()
    except BookInUse as busy:
        if ask_running_window(folder):
            return 0  # the running window came to the front
        _cannot_open(labels.problem_text(busy))
        return 1
    try:
        return _run_window(app, folder)
    finally:
        lock.release()


def _run_window(app: QApplication, folder: Path) -> int:
    """The window on the locked book, until it quits; errors are logged and shown."""
    crash_log.start_logging(folder)
    crash_log.install_hooks(folder, UnexpectedErrorNotice())
    book = _open_for_window(str(folder))
    if book is None:
        return 1
    app.setWindowIcon(app_icon())
    previous_hook = sys.excepthook
    sys.excepthook = StorageErrorHook(previous_hook)
    # reminders write what they showed; a read-only book would only answer with errors
    controller = AppController(book, reminders=not book.read_only, daily_backup=not book.read_only)
    window = controller.start()
    server = InstanceServer(folder)
    server.activate_requested.connect(controller.bring_to_front)
    server.listen()
    if book.read_only:
        show_read_only_notice(book.db_path, window)
    try:
        return app.exec()
    finally:
        server.close()
        sys.excepthook = previous_hook
        if controller.reminders is not None:
            controller.reminders.stop()
        book.close()
