"""The quick log: keyboard-only logging from the list, people involved, editing."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.history import InteractionInput, get_interaction, interactions_of, log_interaction
from relbook.db.book import Book
from relbook.ui.events import BookEvents
from relbook.ui.main_window import MainWindow
from relbook.ui.quick_log import QuickLogDialog
from tests.ui.test_contact_editor import type_ime


def _add(book: Book, *names: str) -> list[int]:
    with book.session() as session:
        return [create_contact(session, ContactInput(n), datetime(2026, 11, 23)).id for n in names]


def _ready(qtbot: QtBot, window: MainWindow) -> None:
    window.apply_filter()
    qtbot.waitUntil(lambda: window.runner.running() == 0)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()


def _open_with_ctrl_l(qtbot: QtBot, window: MainWindow) -> QuickLogDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.quick_log
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # a window manager activates new dialogs; offscreen needs a nudge
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_log_a_meal_from_the_list_with_the_keyboard(qtbot, book, window):
    ids = _add(book, "张三", "李四")
    _ready(qtbot, window)
    window.select_row(window.model.row_of(ids[0]))
    window.pane.tabs.setCurrentIndex(1)
    dialog = _open_with_ctrl_l(qtbot, window)
    assert dialog.kind_combo.hasFocus()
    qtbot.keyClicks(dialog.kind_combo, "Mea")
    assert dialog.kind_combo.currentData() == "meal"
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.notes_edit, "Dinner at Quanjude, talked budget")
    with qtbot.waitSignal(window.events.changed):
        qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    first = window.pane.timeline.tree.topLevelItem(0)
    assert first is not None
    assert first.text(1) == "Meal"
    assert "Dinner at Quanjude" in first.text(2)
    today = QLocale().toString(QDate.currentDate(), QLocale.FormatType.ShortFormat)
    column = window.model.columns.index("last_contact")
    qtbot.waitUntil(
        lambda: window.model.data(window.model.index(window.model.row_of(ids[0]), column)) == today
    )
    with book.session() as session:
        (logged,) = interactions_of(session, ids[0])
        assert (logged.kind, logged.notes) == ("meal", "Dinner at Quanjude, talked budget")

    again = _open_with_ctrl_l(qtbot, window)
    assert again.kind_combo.currentData() == "meal"  # the last used type
    qtbot.keyClick(again.kind_combo, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_several_selected_rows_are_all_involved_and_enter_saves(qtbot, book, window):
    ids = _add(book, "张三", "李四", "王五")
    _ready(qtbot, window)
    window.select_row(window.model.row_of(ids[0]))
    window.table.selectRow(window.model.row_of(ids[1]))
    window.table.selectionModel().select(
        window.model.index(window.model.row_of(ids[0]), 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    dialog = _open_with_ctrl_l(qtbot, window)
    assert sorted(dialog.contact_ids()) == sorted(ids[:2])
    type_ime(dialog.add_contact, "王五")
    qtbot.keyClick(dialog.add_contact, Qt.Key.Key_Return)  # adds the person, does not save
    assert dialog.isVisible() and ids[2] in dialog.contact_ids()
    qtbot.keyClicks(dialog.place_edit, "Office")
    qtbot.keyClick(dialog.place_edit, Qt.Key.Key_Return)
    assert window.runner.wait_all()  # saved in the background
    assert not dialog.isVisible()
    with book.session() as session:
        (logged,) = interactions_of(session, ids[2])
        assert sorted(p.contact_id for p in logged.participants) == sorted(ids)
        assert logged.place == "Office"


def test_unknown_person_and_no_one_involved_are_errors(qtbot, book):
    (contact_id,) = _add(book, "张三")
    dialog = QuickLogDialog(book, BookEvents(), [contact_id])
    qtbot.addWidget(dialog)
    dialog.show()
    type_ime(dialog.add_contact, "不存在")
    dialog.save()
    assert dialog.isVisible() and "不存在" in dialog.error_label.text()
    dialog.add_contact.clear()
    for chip in dialog.findChildren(QToolButton):
        if chip.property("contact_id") == contact_id:
            chip.click()
    assert dialog.contact_ids() == []
    dialog.save()
    assert dialog._events.runner.wait_all()  # the save was refused in the background
    assert "Contacts involved must not be empty." in dialog.field_messages.labels["contacts"].text()
    assert dialog.add_contact.property("invalid") is True
    with book.session() as session:
        assert interactions_of(session, contact_id) == []


def test_next_step_and_editing_from_the_timeline(qtbot, book, window):
    (contact_id,) = _add(book, "张三")
    with book.session() as session:
        interaction_id = log_interaction(
            session,
            InteractionInput("visit", datetime(2026, 11, 2, 15, 0), [contact_id], notes="first"),
            datetime(2026, 11, 2),
        ).id
    _ready(qtbot, window)
    window.select_contact(contact_id)
    window.pane.tabs.setCurrentIndex(1)
    timeline = window.pane.timeline
    row = next(
        timeline.tree.topLevelItem(i)
        for i in range(timeline.tree.topLevelItemCount())
        if timeline.tree.topLevelItem(i).text(1) == "Visit"
    )
    timeline.tree.setCurrentItem(row)
    timeline.edit_button.click()
    dialog = timeline.dialog
    assert isinstance(dialog, QuickLogDialog) and dialog.notes_edit.toPlainText() == "first"
    dialog.next_check.setChecked(True)
    qtbot.keyClicks(dialog.next_step_edit, "send quotation")
    dialog.save()
    assert window.runner.wait_all()
    with book.session() as session:
        saved = get_interaction(session, interaction_id)
        assert saved.next_step == "send quotation"
        assert saved.next_step_due is not None and saved.next_step_due.date() > date.today()
    texts = [
        timeline.tree.topLevelItem(i).text(2) for i in range(timeline.tree.topLevelItemCount())
    ]
    assert any("send quotation" in text for text in texts)
