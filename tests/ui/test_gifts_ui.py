"""The gift ledger: repeat-gift warning, audit flag, yearly totals, gift ideas, the threshold."""

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.gifts import GiftInput, add_gift, gifts_of, ideas_of
from relbook.core.settings import get_setting
from relbook.db.book import Book
from relbook.ui.contact_pane import ContactPane
from relbook.ui.events import BookEvents
from relbook.ui.gift_dialog import GiftDialog
from relbook.ui.gifts_tab import FLAG_COLOR, GiftsTab
from relbook.ui.settings_dialog import SettingsDialog


def _contact(book: Book, now: datetime) -> int:
    with book.session() as session:
        return create_contact(session, ContactInput("王建国"), now).id


def _tab(qtbot: QtBot, book: Book, contact_id: int) -> GiftsTab:
    pane = ContactPane(book, BookEvents())
    qtbot.addWidget(pane)
    pane.show()
    pane.show_contact(contact_id)
    pane.tabs.setCurrentWidget(pane.gifts)
    return pane.gifts


def _enter_gift(qtbot: QtBot, tab: GiftsTab, item: str, value: str) -> GiftDialog:
    tab.add_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, GiftDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.item_edit, item)
    qtbot.keyClicks(dialog.value_edit, value)
    return dialog


def test_repeated_gift_warns_and_no_keeps_the_dialog_open(qtbot, book, now, monkeypatch):
    contact_id = _contact(book, now)
    tab = _tab(qtbot, book, contact_id)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def fake_warning(_parent, _title, text, *_args):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    first = _enter_gift(qtbot, tab, "Longjing tea", "1,280")
    first.save_button.click()
    assert tab._events.runner.wait_all()  # saved in the background
    assert asked == []
    with book.session() as session:
        (saved,) = gifts_of(session, contact_id)
        assert (saved.item, saved.value_cents) == ("Longjing tea", 128_000)
    assert tab.given_tree.topLevelItemCount() == 1

    second = _enter_gift(qtbot, tab, "longjing  TEA", "900")
    second.save_button.click()
    assert tab._events.runner.wait_all()
    assert len(asked) == 1 and "Longjing tea" in asked[0] and "王建国" in asked[0]
    assert second.isVisible()
    with book.session() as session:
        assert len(gifts_of(session, contact_id)) == 1

    answer[0] = QMessageBox.StandardButton.Yes
    second.save_button.click()
    assert tab._events.runner.wait_all()
    assert len(asked) == 2
    with book.session() as session:
        assert len(gifts_of(session, contact_id)) == 2
    assert tab.given_tree.topLevelItemCount() == 2


def test_received_gift_above_the_threshold_is_flagged(qtbot, book, now):
    contact_id = _contact(book, now)
    with book.session() as session:
        for item, value in (("Moutai", "2000"), ("Mooncakes", "200")):
            add_gift(
                session,
                GiftInput(contact_id, item, "received", date(2026, 9, 1), value=Decimal(value)),
                now,
            )
    tab = _tab(qtbot, book, contact_id)
    rows = {
        tab.received_tree.topLevelItem(i).text(2): tab.received_tree.topLevelItem(i)
        for i in range(tab.received_tree.topLevelItemCount())
    }
    flagged, fine = rows["Moutai"], rows["Mooncakes"]
    assert flagged.foreground(2).color().name() == FLAG_COLOR
    assert "500" in flagged.toolTip(0)
    assert fine.toolTip(0) == "" and fine.foreground(2).color().name() != FLAG_COLOR


def test_yearly_totals_and_gift_ideas(qtbot, book, now):
    contact_id = _contact(book, now)
    with book.session() as session:
        for day, item, value, direction in (
            (date(2025, 2, 1), "Tea", "300", "given"),
            (date(2025, 9, 1), "Wine", "500", "given"),
            (date(2026, 1, 20), "Scarf", "150", "received"),
        ):
            add_gift(
                session, GiftInput(contact_id, item, direction, day, value=Decimal(value)), now
            )
    tab = _tab(qtbot, book, contact_id)
    totals = [
        [tab.totals_tree.topLevelItem(i).text(c) for c in range(3)]
        for i in range(tab.totals_tree.topLevelItemCount())
    ]
    assert totals == [["2026", "—", "150 (1 gifts)"], ["2025", "800 (2 gifts)", "—"]]

    qtbot.keyClicks(tab.idea_edit, "Yixing teapot")
    tab.add_idea_button.click()
    assert tab._events.runner.wait_all()  # each change runs in the background
    assert tab.ideas_list.count() == 1 and tab.idea_edit.text() == ""
    tab.ideas_list.setCurrentRow(0)
    assert tab.toggle_idea_button.text() == "Mark used"
    tab.toggle_idea_button.click()
    assert tab._events.runner.wait_all()
    with book.session() as session:
        assert [i.status for i in ideas_of(session, contact_id)] == ["used"]
    tab.ideas_list.setCurrentRow(0)
    assert tab.toggle_idea_button.text() == "Mark open"
    tab.delete_idea_button.click()
    assert tab._events.runner.wait_all()
    with book.session() as session:
        assert ideas_of(session, contact_id) == []


def test_bad_amount_is_shown_and_nothing_saved(qtbot, book, now):
    contact_id = _contact(book, now)
    tab = _tab(qtbot, book, contact_id)
    dialog = _enter_gift(qtbot, tab, "Tea", "lots")
    dialog.save_button.click()
    message = dialog.field_messages.labels["value"]
    assert dialog.isVisible() and "is not an amount" in message.text()
    assert dialog.value_edit.property("invalid") is True
    form = dialog.layout().itemAt(0).layout()
    value_row = form.getWidgetPosition(dialog.value_edit)[0]
    assert form.getWidgetPosition(message)[0] == value_row + 1, "the message is under the field"
    with book.session() as session:
        assert gifts_of(session, contact_id) == []
    dialog.value_edit.setText("300")
    dialog.item_edit.clear()
    dialog.save_button.click()
    assert tab._events.runner.wait_all()  # refused in the background
    assert "value" not in dialog.field_messages.labels
    assert dialog.value_edit.property("invalid") is False
    assert "must not be empty" in dialog.field_messages.labels["item"].text()


def test_settings_keep_the_audit_threshold(qtbot, book):
    dialog = SettingsDialog(book, BookEvents())
    qtbot.addWidget(dialog)
    dialog.audit_threshold.setValue(800)
    dialog.save()
    assert dialog._events.runner.wait_all()  # saved in the background
    with book.session() as session:
        assert get_setting(session, "gifts.audit_threshold") == 800
