"""The window is shown before the book opens, then the book fills it; nothing waits on the
database layer to paint."""

import os
import subprocess
import sys
from datetime import datetime

import shiboken6

from relbook.app import AppController
from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.core.settings import set_setting
from relbook.db.book import open_book

CLOCK = datetime(2026, 11, 23, 10)


def _stop(controller: AppController) -> None:
    """Stop the reminders, let the window's jobs finish, close the window and the book."""
    if controller.reminders is not None:
        controller.reminders.stop()
    if controller.window is not None:
        controller.window.runner.wait_all()
        controller.window.close()
    if controller.book is not None:
        controller.book.close()


def test_the_window_and_its_modules_load_no_database_code():
    """What the first paint needs is importable without SQLAlchemy (see the cold start)."""
    probe = (
        "import sys, relbook.cli, relbook.app\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print(loaded)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert found.stdout.strip() == "[]"


def test_the_window_shows_at_once_and_the_book_fills_it(qtbot, data_dir, now, english):
    book = open_book(data_dir, now=now)
    with book.session() as session:
        set_setting(session, "ui.language", "en")
        create_contact(session, ContactInput("王五", dates=[DateInput(11, 24)]), now)
        create_contact(session, ContactInput("李四"), now)
    book.close()

    controller = AppController(clock=lambda: CLOCK)
    window = controller.start_opening(data_dir)
    qtbot.addWidget(window)
    try:
        # shown before the book is open: the Today tab waits, the commands are off
        assert window.isVisible() and window.book is None
        assert window.views.currentWidget() is window.today
        assert window.today.title.text() == "Opening the book…"
        assert not window.new_action.isEnabled() and not window.import_action.isEnabled()
        window.search.setText("李")  # typed while the book opens: applied once it is open

        qtbot.waitUntil(lambda: controller.book is not None, timeout=15000)
        assert window.book is controller.book and not controller.book.read_only
        assert window.new_action.isEnabled() and window.import_action.isEnabled()
        qtbot.waitUntil(lambda: window.today.due.topLevelItemCount() == 1, timeout=5000)
        assert "due" in window.today.title.text()
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
        assert window.model.row_record(0).name == "李四"
        assert controller.reminders is not None  # a writable book gets its reminders
    finally:
        _stop(controller)


def test_a_read_only_book_opens_on_its_contacts_without_reminders(
    qtbot, data_dir, now, english, monkeypatch
):
    book = open_book(data_dir, now=now)
    with book.session() as session:
        create_contact(session, ContactInput("李四"), now)
    book.close()
    told: list[str] = []
    monkeypatch.setattr(
        "relbook.app.show_read_only_notice", lambda path, _window: told.append(str(path))
    )
    monkeypatch.setattr("relbook.db.book._writable", lambda _folder, _path: False)

    controller = AppController(clock=lambda: CLOCK)
    window = controller.start_opening(data_dir)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: controller.book is not None, timeout=15000)
        assert controller.book.read_only and controller.reminders is None
        assert window.views.currentIndex() == 1
        assert told == [str(data_dir / "relbook.sqlite")]
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    finally:
        _stop(controller)


def test_a_language_the_peek_missed_is_put_right_once_the_book_is_open(
    qtbot, data_dir, now, english, monkeypatch
):
    book = open_book(data_dir, now=now)
    with book.session() as session:
        set_setting(session, "ui.language", "zh_CN")
    book.close()
    monkeypatch.setattr("relbook.app.stored_language", lambda _folder: "en")  # could not read

    controller = AppController(clock=lambda: CLOCK)
    first = controller.start_opening(data_dir)  # deleted once replaced: not given to qtbot
    assert first.views.tabText(1) == "Contacts"
    try:
        qtbot.waitUntil(lambda: controller.book is not None, timeout=15000)
        window = controller.window
        assert window is not None and window is not first and window.book is controller.book
        qtbot.addWidget(window)
        assert window.views.tabText(1) == "联系人"
        assert not shiboken6.isValid(first) or not first.isVisible()
        assert controller.reminders is not None
    finally:
        _stop(controller)


def test_a_window_that_is_never_painted_still_opens_its_book(
    qtbot, data_dir, now, english, monkeypatch
):
    from PySide6.QtWidgets import QMainWindow

    from relbook.ui.main_window import MainWindow

    open_book(data_dir, now=now).close()
    monkeypatch.setattr(MainWindow, "paintEvent", QMainWindow.paintEvent)  # no first_painted
    monkeypatch.setattr("relbook.app.OPEN_WITHOUT_PAINT_MS", 200)
    controller = AppController(clock=lambda: CLOCK)
    window = controller.start_opening(data_dir)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: controller.book is not None, timeout=15000)
        assert window.book is controller.book
    finally:
        _stop(controller)


def test_a_book_in_a_read_only_folder_opens_with_a_banner_and_no_editing(
    qtbot, tmp_path, now, english, monkeypatch
):
    from relbook.core.errors import StorageError
    from relbook.db.writer_lock import WriterLock
    from tests.mounts import make_read_only, tmpfs

    with tmpfs(tmp_path / "stick", "8m") as folder:
        book = open_book(folder, now=now)
        with book.session() as session:
            create_contact(session, ContactInput("李四"), now)
        book.close()
        make_read_only(folder)
        try:  # what run_gui finds: no lock file can be made there
            WriterLock(folder).acquire()
            raise AssertionError("the lock must not be taken in a read-only folder")
        except StorageError as problem:
            assert problem.code == "read_only"
        told: list[str] = []
        monkeypatch.setattr(
            "relbook.app.show_read_only_notice", lambda path, _window: told.append(str(path))
        )
        controller = AppController(clock=lambda: CLOCK)
        controller.read_only = True
        window = controller.start_opening(folder)
        qtbot.addWidget(window)
        try:
            qtbot.waitUntil(lambda: controller.book is not None, timeout=15000)
            assert controller.book.read_only and controller.reminders is None
            assert told == [str(folder / "relbook.sqlite")]
            assert window.read_only_banner is not None and window.read_only_banner.isVisible()
            for action in (window.new_action, window.import_action, window.new_deal_action):
                assert not action.isEnabled()
            qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
            window.table.selectRow(0)
            assert not window.edit_action.isEnabled() and not window.delete_action.isEnabled()
            assert not window.log_action.isEnabled()
            assert window.export_action.isEnabled() and window.activity_action.isEnabled()
        finally:
            _stop(controller)
