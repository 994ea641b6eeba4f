"""The profile pane: what it shows, its actions, and refreshing on book changes."""

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from relbook.core.changes import BookChanges
from relbook.core.contact_input import ContactInput, DateInput, FamilyInput, PhoneInput
from relbook.core.contacts import (
    create_contact,
    delete_contacts,
    get_contact,
    to_input,
    update_contact,
)
from relbook.core.enums import CalendarKind, Personality
from relbook.db.book import Book
from relbook.ui.contact_pane import ChangeLevelDialog, ContactPane
from relbook.ui.date_edit import select_code
from relbook.ui.events import BookEvents
from relbook.ui.playbook import playbook
from relbook.words import labels


def make_contact(book: Book, now: datetime) -> int:
    with book.session() as s:
        return create_contact(
            s,
            ContactInput(
                name="王建国",
                company="中国建设银行",
                title="副行长",
                buying_role="decision_maker",
                is_insider=True,
                level=2,
                personality=Personality.DRIVER,
                phones=[PhoneInput("13800138000")],
                hobbies="钓鱼 <和> 书法",
                tags=["重点客户", "银行"],
                score_near=5,
                score_future=5,
                score_profit=4,
                score_risk=1,
                score_strategic=5,
                dates=[DateInput(month=8, day=15, year=1975, calendar=CalendarKind.LUNAR)],
                family=[
                    FamilyInput(
                        name="王小明",
                        relation="child",
                        dates=[DateInput(month=6, day=1, calendar=CalendarKind.LUNAR)],
                    )
                ],
            ),
            now,
        ).id


def make_pane(qtbot: QtBot, book: Book) -> tuple[ContactPane, BookEvents]:
    events = BookEvents()
    pane = ContactPane(book, events)
    qtbot.addWidget(pane)
    pane.show()
    return pane, events


def test_empty_state_without_a_contact(qtbot: QtBot, book: Book) -> None:
    pane, _ = make_pane(qtbot, book)
    pane.show_contact(None)
    assert pane.current_id() is None
    assert pane.pages.currentWidget() is pane.empty_label
    assert "Ctrl+N" in pane.empty_label.text()


def test_shows_profile_with_playbook_and_escaped_values(
    qtbot: QtBot, book: Book, now: datetime
) -> None:
    contact_id = make_contact(book, now)
    pane, _ = make_pane(qtbot, book)
    pane.show_contact(contact_id)
    assert pane.current_id() == contact_id
    assert pane.name_label.text() == "王建国"
    assert "中国建设银行 · 副行长" == pane.subtitle_label.text()
    text = pane.body.toPlainText()
    assert playbook(Personality.DRIVER)["present"] in text
    assert labels.level_with_number(2) in text
    assert "钓鱼 <和> 书法" in text
    assert "重点客户" in text and "13800138000" in text
    assert "Insider" in text and "王小明" in text
    assert "A (importance 24 of 25)" in text
    assert "next:" in text


def test_buttons_ask_for_edit_and_delete(qtbot: QtBot, book: Book, now: datetime) -> None:
    contact_id = make_contact(book, now)
    pane, _ = make_pane(qtbot, book)
    pane.show_contact(contact_id)
    with qtbot.waitSignal(pane.edit_requested) as edit:
        qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pane.delete_requested) as delete:
        qtbot.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    assert edit.args == [contact_id] and delete.args == [contact_id]


def test_change_level_dialog_records_history(qtbot: QtBot, book: Book, now: datetime) -> None:
    contact_id = make_contact(book, now)
    pane, events = make_pane(qtbot, book)
    pane.show_contact(contact_id)
    qtbot.mouseClick(pane.level_button, Qt.MouseButton.LeftButton)
    dialog = pane.findChild(ChangeLevelDialog)
    assert dialog is not None and dialog.isVisible()
    select_code(dialog.level_combo, 4)
    qtbot.keyClicks(dialog.note_edit, "introduced his CFO")
    with qtbot.waitSignal(events.changed) as emitted:
        dialog.accept()
    assert emitted.args[0].contact_ids == frozenset({contact_id})
    with book.session() as s:
        contact = get_contact(s, contact_id)
        last = contact.level_changes[-1]
        assert (contact.level, last.from_level, last.to_level, last.note) == (
            4,
            2,
            4,
            "introduced his CFO",
        )
    assert "introduced his CFO" in pane.body.toPlainText()


def test_refreshes_on_changes_to_its_contact_only(qtbot: QtBot, book: Book, now: datetime) -> None:
    contact_id = make_contact(book, now)
    pane, events = make_pane(qtbot, book)
    pane.show_contact(contact_id)
    with book.session() as s:
        update_contact(s, contact_id, ContactInput(name="王建华"), now)
    events.emit_changes(BookChanges(contact_ids=frozenset({contact_id + 1}), contacts=True))
    assert pane.name_label.text() == "王建国"
    events.emit_changes(BookChanges(contact_ids=frozenset({contact_id}), contacts=True))
    assert pane.name_label.text() == "王建华"
    with book.session() as s:
        changes = delete_contacts(s, [contact_id], now)
    events.emit_changes(changes)
    assert pane.current_id() is None
    assert pane.pages.currentWidget() is pane.empty_label


def test_the_pane_says_which_stay_in_touch_rule_applies(
    qtbot: QtBot, book: Book, now: datetime
) -> None:
    tiered = make_contact(book, now)
    with book.session() as s:
        untiered = create_contact(s, ContactInput(name="李梅", stage="interested"), now).id
        own = create_contact(s, ContactInput(name="赵六", cadence_days=45), now).id
        lost = create_contact(
            s, ContactInput(name="孙八", stage="lost", lost_reason="neglected"), now
        ).id
    pane, _ = make_pane(qtbot, book)
    expected = {
        tiered: "every 14 days · default for tier A",
        untiered: "every 14 days · default for the stage Interested",
        own: "every 45 days · set for this contact",
        lost: "not watched (lost customer)",
    }
    for contact_id, line in expected.items():
        pane.show_contact(contact_id)
        assert line in pane.body.toPlainText()


def test_the_pane_shows_the_stage_history_with_reasons(
    qtbot: QtBot, book: Book, now: datetime
) -> None:
    with book.session() as s:
        contact_id = create_contact(s, ContactInput(name="孙八", stage="customer"), now).id
    with book.session() as s:
        data = to_input(get_contact(s, contact_id))
        data.stage, data.lost_reason, data.lost_note = "lost", "friend_advice", "朋友推荐了别家"
        update_contact(s, contact_id, data, now)
    pane, _ = make_pane(qtbot, book)
    pane.show_contact(contact_id)
    text = pane.body.toPlainText()
    assert labels.field("stage_history") in text
    assert f"{labels.stage('customer')} → {labels.stage('lost')}" in text
    assert labels.customer_lost_reason("friend_advice") in text and "朋友推荐了别家" in text
