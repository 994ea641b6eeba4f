"""The demo book opened inside the bench process, and a Qt application for widget work.

Search, reminders and scrolling measure relbook's own code in this process (not a new one per
run): they open a copy of the demo book in the scratch folder, as the app opens its book.
"""

import gc
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.books import scratch_copy
from bench.context import Context
from relbook.db.book import Book, open_book


def qt_app() -> QApplication:
    """The process's QApplication (offscreen unless QT_QPA_PLATFORM says otherwise)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(["bench"])


def live_folder(context: Context) -> Path:
    """A copy of the demo book for in-process measurements, made once per bench run."""
    folder = context.scratch / "live-book"
    if not (folder / "relbook.sqlite").exists():
        scratch_copy(context.data_dir, folder)
    return folder


def open_live_book(context: Context) -> Book:
    """The copy opened the way the app opens a book (read-write, schema checked)."""
    return open_book(live_folder(context))


def raw_connection(context: Context) -> sqlite3.Connection:
    """A plain read-only sqlite3 connection on the same copy: what the floors query."""
    path = live_folder(context) / "relbook.sqlite"
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)


def freeze_as_the_app_does() -> None:
    """Python's collector as the app leaves it once its window has shown the first list
    (``relbook.ui.gc_policy.freeze_after_start``): everything alive collected once and frozen.
    ``thaw`` undoes it at the end of the measurement, so each one starts alike."""
    gc.collect()
    gc.freeze()


def thaw() -> None:
    gc.unfreeze()
