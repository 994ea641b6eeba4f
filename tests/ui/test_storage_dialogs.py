"""The window's side of storage faults: the damaged-book dialog and the message on a failed save."""

import sqlite3
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from relbook import app
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import count_contacts, create_contact
from relbook.core.errors import BookDamaged, StorageError
from relbook.db import engine as engine_module
from relbook.db.book import Book, open_book
from relbook.ui import storage_dialogs
from relbook.ui.contact_editor import ContactEditor
from relbook.ui.events import BookEvents
from relbook.ui.storage_dialogs import DamagedBookBox, StorageErrorHook, recover_damaged_book

WHEN = datetime(2026, 11, 23, 8, 0)


def _count(book: Book) -> int:
    with book.session() as session:
        return count_contacts(session)


@pytest.fixture
def damaged(data_dir: Path, now: datetime) -> BookDamaged:
    """A book whose file is garbage, with one good backup holding one contact."""
    book = open_book(data_dir, now=now)
    with book.session() as session:
        create_contact(session, ContactInput(name="张伟"), now)
    book.close()
    folder = data_dir / "backups"
    folder.mkdir()
    backup = folder / "relbook-20261122-090000-daily.sqlite"
    source, copy = sqlite3.connect(data_dir / "relbook.sqlite"), sqlite3.connect(backup)
    source.backup(copy)
    copy.close()
    source.close()
    (data_dir / "relbook.sqlite").write_bytes(b"garbage " * 1000)
    return BookDamaged(str(data_dir / "relbook.sqlite"), "file is not a database", str(backup))


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """Texts of the information, warning and critical boxes, which return at once."""
    texts: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return texts


def _answer(monkeypatch, choice: str) -> None:
    def exec_(box: DamagedBookBox) -> int:
        button = box.restore_button if choice == "restore" else box.quit_button
        assert button is not None
        button.click()
        return 0

    monkeypatch.setattr(DamagedBookBox, "exec", exec_)


def test_the_box_names_the_file_and_offers_the_backup(qapp, damaged):
    box = DamagedBookBox(damaged)
    assert damaged.path in box.text()
    assert damaged.backup in box.informativeText()
    assert box.restore_button is not None
    assert box.defaultButton() is box.restore_button


def test_without_a_good_backup_only_quit_is_offered(qapp, damaged):
    box = DamagedBookBox(BookDamaged(damaged.path, "malformed", None))
    assert box.restore_button is None
    assert box.quit_button in box.buttons()
    assert not any("Restore" in button.text() for button in box.buttons())


def test_restore_puts_the_backup_in_place_and_keeps_the_damaged_file(
    qapp, damaged, monkeypatch, told, data_dir
):
    _answer(monkeypatch, "restore")
    assert recover_damaged_book(damaged, now=WHEN)
    aside = data_dir / "relbook.sqlite.damaged-20261123-080000"
    assert aside.read_bytes() == b"garbage " * 1000
    assert str(aside) in told[-1]
    book = open_book(data_dir)
    try:
        assert _count(book) == 1
    finally:
        book.close()


def test_quit_leaves_everything_as_it_was(qapp, damaged, monkeypatch, told, data_dir):
    _answer(monkeypatch, "quit")
    assert not recover_damaged_book(damaged, now=WHEN)
    assert (data_dir / "relbook.sqlite").read_bytes() == b"garbage " * 1000
    assert sorted(p.name for p in data_dir.iterdir()) == ["backups", "relbook.sqlite"]


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    """Codes the app was told to end with (the test's event loop keeps running)."""
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(codes.append))
    return codes


def _start(qtbot, data_dir: Path) -> app.AppController:
    controller = app.AppController()
    window = controller.start_opening(data_dir)
    qtbot.addWidget(window)
    return controller


def test_the_window_start_offers_the_backup_then_opens_it(
    qtbot, damaged, monkeypatch, told, data_dir, exits
):
    _answer(monkeypatch, "restore")
    controller = _start(qtbot, data_dir)
    qtbot.waitUntil(lambda: controller.book is not None, timeout=15000)
    assert controller.window is not None and controller.window.book is controller.book
    try:
        assert _count(controller.book) == 1
        assert not exits
    finally:
        controller.window.runner.wait_all()
        controller.window.close()
        controller.book.close()


def test_the_window_start_gives_up_when_the_user_quits(
    qtbot, damaged, monkeypatch, told, data_dir, exits
):
    _answer(monkeypatch, "quit")
    controller = _start(qtbot, data_dir)
    qtbot.waitUntil(lambda: exits == [1], timeout=15000)
    assert controller.book is None
    assert controller.window is not None and not controller.window.isVisible()
    assert (data_dir / "relbook.sqlite").read_bytes() == b"garbage " * 1000


def test_a_book_that_cannot_be_opened_is_told_and_the_app_ends(qtbot, told, data_dir, exits):
    (data_dir / "relbook.sqlite").mkdir()  # in the way of the book: not damaged, not openable
    controller = _start(qtbot, data_dir)
    qtbot.waitUntil(lambda: exits == [1], timeout=15000)
    assert controller.book is None
    assert told and str(data_dir / "relbook.sqlite") in told[-1]


def test_a_folder_that_cannot_be_created_is_told_at_start(qapp, told, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert app.run_gui(str(blocker / "book")) == 1
    assert str(blocker) in told[-1]


def test_the_hook_shows_storage_faults_once_and_passes_on_the_rest(qapp, told):
    passed: list[BaseException] = []
    hook = StorageErrorHook(lambda kind, value, tb: passed.append(value))
    busy = StorageError("locked", "/books/relbook.sqlite")
    hook(StorageError, busy, None)
    hook(StorageError, busy, None)  # the same fault again at once: not a second box
    hook(ValueError, ValueError("a bug"), None)
    assert len(told) == 1 and "/books/relbook.sqlite" in told[0] and "busy" in told[0]
    assert [type(p) for p in passed] == [ValueError]


@pytest.fixture
def hooked(monkeypatch) -> Iterator[None]:
    monkeypatch.setattr(sys, "excepthook", StorageErrorHook(sys.excepthook))
    yield


@pytest.mark.qt_no_exception_capture
def test_a_save_into_a_busy_book_shows_a_message_and_keeps_the_editor_open(
    qtbot, book, told, hooked, monkeypatch
):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    book.engine.dispose()
    editor = ContactEditor(book, BookEvents())
    qtbot.addWidget(editor)
    editor.show()
    editor.basic.name.setText("李娜")
    other = sqlite3.connect(book.db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        editor.save_button.click()
        assert editor._events.runner.wait_all()  # the save gave up on the busy book
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(told) == 1 and "busy" in told[0]
    assert editor.isVisible() and editor.result() != editor.DialogCode.Accepted
    assert editor.basic.name.text() == "李娜"  # what was typed is still there to save again
    assert _count(book) == 0
    editor.save_button.click()
    assert editor._events.runner.wait_all()
    assert _count(book) == 1


def test_the_read_only_notice_names_the_book(qapp, told):
    storage_dialogs.show_read_only_notice(Path("/media/usb/relbook.sqlite"))
    assert "/media/usb/relbook.sqlite" in told[0] and "read-only" in told[0]
