"""Start-up: QApplication, language, the main window, the book opened behind it; rebuild on
language change.

The window is shown first and the book opened on a worker thread: this module and the window's
load no database code, so the first paint waits neither for SQLAlchemy and the models to load
nor for the start-up check of the book (see bench/README.md, cold start). Nothing writes to the
book before it is open, and it opens only once it has passed that check.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from relbook import __version__, crash_log
from relbook.core.errors import BookDamaged, BookInUse, RelbookError, StorageError
from relbook.db import location
from relbook.db.peek import stored_setting
from relbook.db.writer_lock import WriterLock
from relbook.ui.crash_dialog import UnexpectedErrorNotice
from relbook.ui.main_window import MainWindow, load_book_modules
from relbook.ui.preflight import check_window
from relbook.ui.single_instance import InstanceServer, ask_running_window
from relbook.ui.storage_dialogs import (
    StorageErrorHook,
    recover_damaged_book,
    show_read_only_notice,
)
from relbook.ui.tray import app_icon
from relbook.words import labels
from relbook.words.i18n import install_language, resolve_language

if TYPE_CHECKING:
    from relbook.db.book import Book
    from relbook.ui.reminder_center import ReminderCenter

OPEN_WITHOUT_PAINT_MS = 1000
"""A window not painted by then (shown on another desktop, say) opens its book all the same."""
START_MODULES = ("relbook.ui.reminder_center", "relbook.core.settings", "relbook.db.backups")
"""What the start does with the open book, loaded beside it off the UI thread."""


def book_language(book: Book) -> str:
    from relbook.core.settings import get_setting

    with book.session() as session:
        return resolve_language(get_setting(session, "ui.language"))


def stored_language(folder: Path) -> str:
    """The book's language read before it is opened (the system's when it cannot be read)."""
    setting = stored_setting(location.database_path(folder), "ui.language")
    return resolve_language(setting if isinstance(setting, str) else "system")


def open_in_background(folder: Path, read_only: bool = False) -> tuple[Book, str]:
    """Open the book in ``folder`` (after its check), read its language and load what
    showing it needs. ``read_only`` opens it read-only whatever the folder's permissions say.

    Runs on a worker thread: the window stays painted and responsive meanwhile.
    """
    from relbook.db.book import open_book

    book = open_book(folder, read_only=True if read_only else None)
    language = book_language(book)
    load_book_modules()
    for name in START_MODULES:
        importlib.import_module(name)
    return book, language


class AppController(QObject):
    """Owns the main window; builds it again in the new language when the setting changes.

    With ``reminders`` on, a ReminderCenter runs the scheduler, the popup and the tray.
    ``start`` shows an open book; ``start_opening`` shows the window first and opens the book
    behind it, with the reminders and the daily backup unless it opened read-only.
    """

    def __init__(
        self,
        book: Book | None = None,
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
        self._language = ""
        self.read_only = False
        """Open the book read-only: its folder cannot be written (no writer lock there)."""

    def start(self) -> MainWindow:
        """Show the window over the open book."""
        if self.book is None:
            raise RuntimeError("start needs an open book; start_opening opens one")
        self._language = install_language(book_language(self.book))
        self.window = self._build(self.book)
        self.window.show()
        self._book_shown()
        return self.window

    def start_opening(self, folder: Path) -> MainWindow:
        """Show the window at once, in the book's stored language, and open the book in
        ``folder`` behind it. A book that cannot be opened is explained and the app ends."""
        self._language = install_language(stored_language(folder))
        self.window = self._build(None, folder)
        self.window.show_today()  # where a writable book's start ends, with its reminders
        opening = False

        def begin() -> None:  # once: at the first paint, or when the window is not painted
            nonlocal opening
            if not opening and self.window is not None and self.window.isVisible():
                opening = True
                self._open(folder, may_restore=True)

        self.window.first_painted.connect(begin)
        QTimer.singleShot(OPEN_WITHOUT_PAINT_MS, begin)
        self.window.show()
        return self.window

    def _open(self, folder: Path, may_restore: bool) -> None:
        assert self.window is not None
        self.window.runner.start(
            lambda _report: open_in_background(folder, self.read_only),
            self._opened,
            lambda problem, _trace: self._open_failed(problem, folder, may_restore),
        )

    def _opened(self, opened: tuple[Book, str]) -> None:
        book, language = opened
        window = self.window
        if window is None:
            book.close()
            return
        self.book = book
        self._with_reminders = self._daily_backup = not book.read_only
        window.attach_book(book)
        if language != self._language:  # the peek could not read the setting
            self.rebuild()
        else:
            window.apply_filter()
        self._book_shown()
        if book.read_only:
            window = self.window or window  # rebuilt above when the language differed
            window.show_contacts()  # no reminders: the Today tab stays empty
            show_read_only_notice(book.db_path, window)

    def _open_failed(self, problem: Exception, folder: Path, may_restore: bool) -> None:
        """Offer the newest good backup for a damaged book; explain anything else and end."""
        if isinstance(problem, BookDamaged):
            if recover_damaged_book(problem, self.window) and may_restore:
                self._open(folder, may_restore=False)  # a restored backup passed the check
                return
        elif isinstance(problem, RelbookError):
            _cannot_open(labels.problem_text(problem))
        else:  # any failure to open the book must be shown, not crash
            _cannot_open(str(problem))
        if self.window is not None:
            self.window.close()
        QApplication.exit(1)

    def _book_shown(self) -> None:
        """The start's work on the open book: birthdays, backup, reminders, the Today tab."""
        from relbook.ui.reminder_center import ReminderCenter

        assert self.window is not None and self.book is not None
        self._refresh_birthdays(self.window)
        if self._daily_backup:
            self._take_daily_backup(self.window)
        if self._with_reminders:
            self.reminders = ReminderCenter(
                self.book, self._language, self.open_contact, self._clock
            )
            self._attach_reminders(self._language)
            self.reminders.start()
            self.window.show_today()

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

    def _build(self, book: Book | None, folder: Path | None = None) -> MainWindow:
        window = MainWindow(book, clock=self._clock, data_dir=folder)
        window.language_change_requested.connect(self.rebuild)
        window.book_replaced.connect(self._book_replaced)
        window.quit_requested.connect(self.quit)
        window.apply_filter()
        return window

    def _take_daily_backup(self, window: MainWindow) -> None:
        """The day's first start backs the book up in the background; only trouble is shown."""
        from relbook.db import backups

        book, now = self.book, self._clock()
        assert book is not None

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
        from relbook.core.contacts import refresh_next_birthdays

        book = self.book
        assert book is not None

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
        if old is None or self.book is None:
            return
        selected = old.pane.current_id() if old.contacts is not None else None
        old.save_layout()
        self._language = install_language(book_language(self.book))
        self.window = self._build(self.book)
        if selected is not None:
            self.window.select_when_loaded(selected)
        if self.reminders is not None:
            self._attach_reminders(self._language)
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


def _cannot_open(reason: str) -> None:
    QMessageBox.critical(
        None,
        QCoreApplication.translate("App", "relbook"),
        QCoreApplication.translate("App", "The book could not be opened:\n%1").replace(
            "%1", reason
        ),
    )


def run_gui(data_dir: str | None, checked: bool = False) -> int:
    """Open the window on the book in ``data_dir``; its exit code.

    ``checked``: the caller has run ``preflight.check_window`` (display, Qt's libraries).
    """
    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        refused = None if checked else check_window()
        if refused is not None:
            return refused
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    QCoreApplication.setApplicationName("relbook")
    QCoreApplication.setApplicationVersion(__version__)
    try:
        folder = location.resolve_data_dir(data_dir)
    except OSError as problem:
        _cannot_open(str(problem))
        return 1
    lock: WriterLock | None
    try:
        lock = WriterLock(folder).acquire()
    except BookInUse as busy:
        if ask_running_window(folder):
            return 0  # the running window came to the front
        _cannot_open(labels.problem_text(busy))
        return 1
    except StorageError as problem:
        if problem.code != "read_only":
            _cannot_open(labels.problem_text(problem))
            return 1
        lock = None  # a read-only folder: nobody can write the book there; it opens read-only
    try:
        return _run_window(app, folder, read_only=lock is None)
    finally:
        if lock is not None:
            lock.release()


def _run_window(app: QApplication, folder: Path, read_only: bool = False) -> int:
    """The window on the locked (or read-only) book, until it quits; errors are logged and
    shown (in the data folder's log when it can be written)."""
    try:
        crash_log.start_logging(folder)
    except OSError:  # a read-only folder holds no log; errors are still shown
        if not read_only:
            raise
    crash_log.install_hooks(folder, UnexpectedErrorNotice())
    app.setWindowIcon(app_icon())
    previous_hook = sys.excepthook
    sys.excepthook = StorageErrorHook(previous_hook)
    controller = AppController()
    controller.read_only = read_only
    controller.start_opening(folder)
    server = InstanceServer(folder)
    server.activate_requested.connect(controller.bring_to_front)
    server.listen()
    try:
        return app.exec()
    finally:
        server.close()
        sys.excepthook = previous_hook
        if controller.reminders is not None:
            controller.reminders.stop()
        if controller.window is not None:
            controller.window.runner.shutdown()  # a book still opening is let go of first
        if controller.book is not None:
            controller.book.close()
