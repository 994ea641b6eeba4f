"""The backups dialog on a real window: back up now, restore, the folder and the rotation."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.settings import get_setting
from relbook.db import backups
from relbook.db.book import Book


def _add(book: Book, *names: str) -> None:
    with book.session() as session:
        for name in names:
            create_contact(session, ContactInput(name=name), datetime(2026, 11, 23, 9))


def _names(window) -> list[str]:
    model = window.model
    return sorted(model.data(model.index(row, 0)) for row in range(model.rowCount()))


def _open(qtbot, window):
    dialog = window.open_backups()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    return dialog


def test_back_up_now_adds_a_row(qtbot, book, window):
    _add(book, "张三", "李四")
    dialog = _open(qtbot, window)
    assert dialog.model.rowCount() == 0
    assert not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.loaded, timeout=10000)
    assert dialog.status.text().startswith("Backup saved to ")
    model = dialog.model
    assert model.data(model.index(0, 1)) == "Made by hand"
    assert model.data(model.index(0, 3)) == "2"
    assert model.data(model.index(0, 2)).endswith("kB")
    assert str(book.data_dir / "backups") in model.data(model.index(0, 0), 3)  # tooltip: path
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()


def test_restore_brings_the_old_book_back_into_the_window(
    qtbot, book, controller, monkeypatch, now
):
    _add(book, "张三")
    backups.backup_book(book, "manual", now)
    _add(book, "李四")
    window = controller.window
    monkeypatch.setattr(window, "deleteLater", lambda: None)  # qtbot closes it after the test
    window.apply_filter()
    qtbot.waitUntil(lambda: _names(window) == ["张三", "李四"], timeout=5000)
    dialog = _open(qtbot, window)
    assert dialog.model.rowCount() == 1
    dialog.table.selectRow(0)
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_rest, **_options):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: controller.window is not window, timeout=10000)
    rebuilt = controller.window
    qtbot.addWidget(rebuilt)
    qtbot.waitUntil(lambda: _names(rebuilt) == ["张三"], timeout=5000)
    assert "(1 contacts)" in asked[0] and "saved as a backup first" in asked[0]
    saved = list((book.data_dir / "backups").glob("relbook-*-before-restore.sqlite"))
    assert len(saved) == 1
    _add(book, "王五")  # the restored book is the one in use, and writable
    rebuilt.apply_filter()
    qtbot.waitUntil(lambda: _names(rebuilt) == ["张三", "王五"], timeout=5000)


def test_a_refused_answer_restores_nothing(qtbot, book, window, monkeypatch, now):
    _add(book, "张三")
    backups.backup_book(book, "manual", now)
    _add(book, "李四")
    dialog = _open(qtbot, window)
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    dialog.restore_button.click()
    assert dialog.progress is None and not dialog.book_replaced
    assert not list((book.data_dir / "backups").glob("*before-restore*"))


def test_folder_and_rotation_settings(qtbot, book, window, monkeypatch, tmp_path):
    dialog = _open(qtbot, window)
    assert dialog.folder_label.text() == str(book.data_dir / "backups")
    assert not dialog.default_button.isEnabled()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.open_button.click()
    assert opened[0].isLocalFile() and Path(opened[0].toLocalFile()) == book.data_dir / "backups"

    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(stick))
    dialog.change_button.click()
    assert window.runner.wait_all()  # the setting is stored in the background
    assert dialog.folder_label.text() == str(stick) and dialog.default_button.isEnabled()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path / "gone")
    )
    dialog.change_button.click()
    assert "cannot be written" in dialog.error.text()
    assert dialog.folder_label.text() == str(stick)

    dialog.keep_daily.setValue(3)
    dialog.keep_weekly.setValue(0)
    assert window.runner.wait_all()
    with book.session() as session:
        assert get_setting(session, "backup.folder") == str(stick)
        assert get_setting(session, "backup.keep_daily") == 3
        assert get_setting(session, "backup.keep_weekly") == 0
    dialog.default_button.click()
    assert window.runner.wait_all()
    with book.session() as session:
        assert get_setting(session, "backup.folder") == ""
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)


def test_settings_open_the_backups_dialog(qtbot, book, window, monkeypatch):
    from relbook.ui.settings_dialog import SettingsDialog

    shown: list[object] = []
    monkeypatch.setattr(
        "relbook.ui.backups_dialog.BackupsDialog.exec", lambda self: shown.append(self) or 0
    )
    dialog = SettingsDialog(book, window.events, window)
    qtbot.addWidget(dialog)
    dialog.backups_button.click()
    assert len(shown) == 1
    shown[0].restored.emit()  # type: ignore[attr-defined]
    assert dialog.book_replaced and dialog.result() == 0


def test_the_first_start_of_the_day_takes_the_daily_backup(qtbot, book, english):
    from relbook.app import AppController

    _add(book, "张三")
    clock = lambda: datetime(2026, 11, 24, 8, 0)  # noqa: E731
    controller = AppController(book, clock=clock, daily_backup=True)
    window = controller.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=10000)
    daily = list((book.data_dir / "backups").glob("*-daily.sqlite"))
    assert [p.name for p in daily] == ["relbook-20261124-080000-daily.sqlite"]
    window.runner.wait_all()
    window.close()
