from datetime import datetime

from PySide6.QtCore import Qt

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.search import ContactFilter, contact_ids
from relbook.core.settings import set_setting
from relbook.ui.main_window import MainWindow


def _add(book, *names: str) -> list[int]:
    with book.session() as session:
        return [create_contact(session, ContactInput(n), datetime(2026, 11, 23)).id for n in names]


def _loaded(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.runner.running() == 0)


def _names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_search_by_pinyin_initials_filters_as_you_type(qtbot, book, window):
    _add(book, "张三", "李四", "王五")
    window.apply_filter()
    _loaded(qtbot, window)
    assert _names(window) == ["李四", "王五", "张三"]
    window.search.setFocus()
    qtbot.keyClicks(window.search, "zs")
    qtbot.waitUntil(lambda: _names(window) == ["张三"], timeout=3000)
    assert window.pane.current_id() is not None
    assert "1" in window.filters.count_label.text()


def test_find_shortcut_focuses_search(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.find_action.trigger()
    assert window.search.hasFocus()


def test_filters_by_level_and_clear(qtbot, book, window):
    with book.session() as session:
        create_contact(session, ContactInput("甲", level=5), datetime(2026, 11, 23))
        create_contact(session, ContactInput("乙", level=2), datetime(2026, 11, 23))
    window.apply_filter()
    _loaded(qtbot, window)
    window.filters.level.setCurrentIndex(window.filters.level.findData(5))
    qtbot.waitUntil(lambda: _names(window) == ["甲"], timeout=3000)
    window.filters.clear_button.click()
    qtbot.waitUntil(lambda: len(_names(window)) == 2, timeout=3000)


def test_delete_undo_and_restore_from_trash(qtbot, book, window):
    ids = _add(book, "张三", "李四")
    window.apply_filter()
    _loaded(qtbot, window)
    window.select_row(window.model.row_of(ids[0]))
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: _names(window) == ["李四"], timeout=3000)
    with book.session() as session:
        assert contact_ids(session, ContactFilter(trash=True)) == [ids[0]]
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: set(_names(window)) == {"李四", "张三"}, timeout=3000)
    assert window.pane.current_id() == ids[0]

    window.select_row(window.model.row_of(ids[1]))
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: _names(window) == ["张三"], timeout=3000)
    from relbook.ui.trash_dialog import TrashDialog

    trash = TrashDialog(book, window.events, window.runner, window)
    qtbot.addWidget(trash)
    assert trash.model.rowCount() == 1
    trash.table.selectRow(0)
    trash.restore_button.click()
    window.runner.wait_all()  # the restore runs in the background
    assert trash.model.rowCount() == 0
    qtbot.waitUntil(lambda: set(_names(window)) == {"李四", "张三"}, timeout=3000)


def test_sorting_by_level_column(qtbot, book, window):
    with book.session() as session:
        for name, level in (("甲", 2), ("乙", 5), ("丙", 3)):
            create_contact(session, ContactInput(name, level=level), datetime(2026, 11, 23))
    window.apply_filter()
    _loaded(qtbot, window)
    window.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _names(window) == ["乙", "丙", "甲"], timeout=3000)


def test_switching_language_rebuilds_the_window_in_chinese(qtbot, book, controller):
    old = controller.window
    assert old.new_action.text() == "New contact"
    with book.session() as session:
        set_setting(session, "ui.language", "zh_CN")
    controller.rebuild()
    window = controller.window
    qtbot.addWidget(window)
    assert window is not old
    assert window.new_action.text() == "新建联系人"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    with book.session() as session:
        set_setting(session, "ui.language", "en")
    controller.rebuild()
    qtbot.addWidget(controller.window)
    assert controller.window.new_action.text() == "New contact"


def test_window_layout_is_remembered(qtbot, book, window):
    window.table.setColumnWidth(1, 333)
    window.save_layout()
    again = MainWindow(book)
    qtbot.addWidget(again)
    assert again.table.columnWidth(1) == 333


def test_create_through_editor_find_by_initials_and_change_level(qtbot, book, window):
    from relbook.core.contacts import get_contact
    from relbook.ui.contact_pane import ChangeLevelDialog
    from tests.ui.test_contact_editor import type_ime

    _add(book, "李四")
    window.apply_filter()
    _loaded(qtbot, window)
    window.show()
    qtbot.waitExposed(window)
    window.new_action.trigger()
    editor = window.editor
    assert editor is not None and editor.isVisible()
    type_ime(editor.basic.name, "张三")
    editor.save_button.click()
    qtbot.waitUntil(lambda: set(_names(window)) == {"张三", "李四"}, timeout=3000)
    contact_id = window.pane.current_id()
    with book.session() as session:
        assert get_contact(session, contact_id).name == "张三"

    window.search.setFocus()
    qtbot.keyClicks(window.search, "zs")
    qtbot.waitUntil(lambda: _names(window) == ["张三"], timeout=3000)

    window.pane.level_button.click()
    dialog = window.pane.findChild(ChangeLevelDialog)
    assert dialog is not None
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData(3))
    dialog.note_edit.setText("first dinner")
    dialog.accept()
    window.runner.wait_all()  # the change is made in the background
    with book.session() as session:
        history = get_contact(session, contact_id).level_changes
        assert [(h.from_level, h.to_level, h.note) for h in history][-1] == (1, 3, "first dinner")
    qtbot.waitUntil(lambda: "first dinner" in window.pane.body.toPlainText(), timeout=3000)


def test_the_window_freezes_start_up_objects_once_its_first_list_is_shown(
    qtbot, book, monkeypatch, english
):
    from relbook.app import AppController
    from relbook.ui import gc_policy

    calls: list[int] = []
    monkeypatch.setattr(gc_policy, "freeze_after_start", lambda: calls.append(1) or True)
    controller = AppController(book)
    window = controller.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(calls))
    window.runner.wait_all()
