"""Start-up: QApplication, language, open the book, the main window; rebuild on language change."""

import sys
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from relbook import __version__
from relbook.book import Book, open_book
from relbook.core.contacts import refresh_next_birthdays
from relbook.core.settings import get_setting
from relbook.i18n import install_language, resolve_language
from relbook.ui.main_window import MainWindow


def book_language(book: Book) -> str:
    with book.session() as session:
        return resolve_language(get_setting(session, "ui.language"))


class AppController(QObject):
    """Owns the main window; builds it again in the new language when the setting changes."""

    def __init__(self, book: Book):
        super().__init__()
        self.book = book
        self.window: MainWindow | None = None

    def start(self) -> MainWindow:
        install_language(book_language(self.book))
        self.window = self._build()
        self.window.show()
        self._refresh_birthdays(self.window)
        return self.window

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
        install_language(book_language(self.book))
        self.window = self._build()
        if selected is not None:
            self.window.select_when_loaded(selected)
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
    controller = AppController(book)
    controller.start()
    try:
        return app.exec()
    finally:
        book.close()
