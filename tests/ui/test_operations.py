"""Operations: every change runs off the UI thread, says what it changed, and the screens
refresh only what that touches; errors are told as they always were."""

import sqlite3
import sys
import threading
from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from relbook.core import contacts as contact_service
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import count_contacts, create_contact, get_contact
from relbook.db import engine as engine_module
from relbook.ui.main_window import MainWindow

WHEN = datetime(2026, 11, 23, 9, 0)


def _add(book, *names: str) -> list[int]:
    with book.session() as session:
        return [create_contact(session, ContactInput(n), WHEN).id for n in names]


def _loaded(qtbot, window: MainWindow) -> None:
    window.apply_filter()
    qtbot.waitUntil(lambda: window.runner.running() == 0)


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """Texts of the warning and critical boxes, which return at once."""
    texts: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return texts


class Spy:
    """Counts calls of a method and lets them through."""

    def __init__(self, real):
        self.real, self.calls = real, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.real(*args, **kwargs)


def test_saving_a_contact_runs_off_the_ui_thread_and_repaints_its_row_only(
    qtbot, book, window, monkeypatch
):
    ids = _add(book, "张三", "李四", "王五")
    _loaded(qtbot, window)
    threads: list[threading.Thread] = []
    real_save = contact_service.save_contact

    def save(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_save(*args, **kwargs)

    monkeypatch.setattr(contact_service, "save_contact", save)
    reload = Spy(window.model.reload)
    monkeypatch.setattr(window.model, "reload", reload)
    repainted: list[tuple[int, int]] = []
    window.model.dataChanged.connect(
        lambda top, bottom, *_: repainted.append((top.row(), bottom.row()))
    )
    row = window.model.row_of(ids[1])
    assert row is not None

    editor = window.edit_contact(ids[1])
    editor.basic.title.setText("销售经理")
    editor.save_button.click()
    assert window.runner.wait_all()
    assert editor.result() == QDialog.DialogCode.Accepted and editor.saved_id == ids[1]

    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert reload.calls == 0  # the list kept its ids: the title sorts and filters nothing
    assert repainted == [(row, row)]
    assert window.model.row_record(row).title == "销售经理"
    assert window.pane.current_id() == ids[1]
    qtbot.waitUntil(lambda: "销售经理" in window.pane.subtitle_label.text(), timeout=3000)


def test_a_new_name_or_a_new_contact_reloads_the_list_in_its_order(
    qtbot, book, window, monkeypatch
):
    ids = _add(book, "张三", "李四")
    _loaded(qtbot, window)
    reload = Spy(window.model.reload)
    monkeypatch.setattr(window.model, "reload", reload)

    editor = window.edit_contact(ids[0])
    editor.basic.name.setText("陈七")
    editor.save_button.click()
    names = lambda: [window.model.row_record(r).name for r in range(window.model.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: names() == ["陈七", "李四"], timeout=3000)
    assert reload.calls == 1

    editor = window.new_contact()
    editor.basic.name.setText("安八")
    editor.save_button.click()
    qtbot.waitUntil(lambda: names() == ["安八", "陈七", "李四"], timeout=3000)
    assert reload.calls >= 2


def test_a_change_of_level_under_a_level_filter_reloads_the_list(qtbot, book, window):
    with book.session() as session:
        kept = create_contact(session, ContactInput("甲", level=3), WHEN).id
        moved = create_contact(session, ContactInput("乙", level=3), WHEN).id
    _loaded(qtbot, window)
    window.filters.level.setCurrentIndex(window.filters.level.findData(3))
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
    window.select_row(window.model.row_of(moved))
    window.pane._apply_level(moved, 4, "")
    qtbot.waitUntil(lambda: window.model.ids() == [kept], timeout=3000)


def test_a_save_that_finds_the_book_busy_is_told_and_nothing_changes(
    qtbot, book, window, told, monkeypatch
):
    [contact_id] = _add(book, "张三")
    _loaded(qtbot, window)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    book.engine.dispose()
    other = sqlite3.connect(book.db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        window.delete_contacts([contact_id])
        assert window.runner.wait_all()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(told) == 1 and "busy" in told[0]
    with book.session() as session:
        assert count_contacts(session) == 1
    assert window.model.ids() == [contact_id]
    assert not window.undo_action.isEnabled()


def test_invalid_input_comes_back_to_the_form_under_its_field(qtbot, book, window):
    _loaded(qtbot, window)
    editor = window.new_contact()
    editor.basic.email.setText("not an address")
    editor.save_button.click()
    assert window.runner.wait_all()
    assert editor.isVisible() and editor.saved_id is None
    assert editor.basic.name.property("invalid") is True
    assert editor._field_messages.labels["name"].text()
    with book.session() as session:
        assert count_contacts(session) == 0


def test_an_unexpected_error_goes_to_the_crash_hook_and_nothing_is_saved(
    qtbot, book, window, monkeypatch
):
    [contact_id] = _add(book, "张三")
    _loaded(qtbot, window)
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, trace: caught.append(value))

    def broken(session, contact_id, data, now):
        contact_service.update_contact(session, contact_id, data, now)
        raise RuntimeError("a bug")

    monkeypatch.setattr(contact_service, "save_contact", broken)
    editor = window.edit_contact(contact_id)
    editor.basic.name.setText("李四")
    editor.save_button.click()
    assert window.runner.wait_all()
    assert [str(e) for e in caught] == ["a bug"]
    assert editor.isVisible()
    with book.session() as session:
        assert get_contact(session, contact_id).name == "张三"  # rolled back
