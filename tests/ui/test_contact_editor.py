"""The contact editor driven like a user: type, pick, Ctrl+S; then look in the book."""

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from relbook.core.calendar import CalendarDate, lunar_month_days, validate
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import count_contacts, create_contact, get_contact, to_input
from relbook.core.enums import CalendarKind, DateKind, FamilyRelation
from relbook.core.errors import FieldError
from relbook.db.book import Book
from relbook.ui.contact_editor import ContactEditor
from relbook.ui.contact_pane import ContactPane
from relbook.ui.date_edit import SpecialDateEdit, select_code
from relbook.ui.editor_widgets import split_tags
from relbook.ui.events import BookEvents
from relbook.words import labels


def type_ime(widget: QWidget, text: str) -> None:
    """Commit text the way a Chinese input method does (QTest cannot type non-Latin-1 keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_editor(qtbot: QtBot, book: Book, contact_id: int | None = None) -> ContactEditor:
    editor = ContactEditor(book, BookEvents(), contact_id)
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()  # window shortcuts such as Ctrl+S need the active window
    return editor


def press_save(qtbot: QtBot, editor: ContactEditor) -> None:
    """Ctrl+S, then wait for the save, which runs in the background."""
    qtbot.keyClick(editor.basic.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor._events.runner.wait_all()


def enter_date(
    widget: SpecialDateEdit, calendar: str, year: int | None, month: int, day: int
) -> None:
    select_code(widget.calendar_combo, calendar)
    widget.year_known.setChecked(year is not None)
    if year is not None:
        widget.year_spin.setValue(year)
    widget.month_spin.setValue(month)
    widget.day_spin.setValue(day)


def short_lunar_month() -> tuple[int, int]:
    """A (year, month) whose lunar month has only 29 days."""
    return next(
        (year, month)
        for year in range(2026, 2040)
        for month in range(1, 13)
        if lunar_month_days(year, month) == 29
    )


def test_split_tags_accepts_chinese_and_western_separators() -> None:
    assert split_tags("银行，重点客户、北京, VIP  老乡;校友") == [
        "银行",
        "重点客户",
        "北京",
        "VIP",
        "老乡",
        "校友",
    ]


def test_create_contact_with_company_level_tags_birthday_and_family(
    qtbot: QtBot, book: Book
) -> None:
    editor = open_editor(qtbot, book)
    qtbot.keyClicks(editor.basic.name, "Wang ")
    type_ime(editor.basic.name, "建国")
    type_ime(editor.basic.company.lineEdit(), "中国建设银行")
    select_code(editor.basic.org_type, "state")
    type_ime(editor.basic.tags, "银行，重点客户 北京")
    qtbot.keyClicks(editor.basic.phones.findChildren(QLineEdit)[0], "13800138000")
    editor.basic.birthday.present.click()
    enter_date(editor.basic.birthday.editor, CalendarKind.LUNAR, 1980, 8, 15)
    select_code(editor.relationship.level, 3)
    qtbot.keyClicks(editor.relationship.level_note, "met at the bank forum")
    qtbot.mouseClick(editor.family.family.add_button, Qt.MouseButton.LeftButton)
    type_ime(editor.family.family.name, "王小明")
    select_code(editor.family.family.relation, FamilyRelation.CHILD)
    editor.family.family.birthday.present.setChecked(True)
    enter_date(editor.family.family.birthday.editor, CalendarKind.SOLAR, 2012, 6, 1)

    with qtbot.waitSignal(editor._events.changed) as emitted:
        press_save(qtbot, editor)

    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.saved_id is not None
    assert emitted.args[0].contact_ids == frozenset({editor.saved_id})
    with book.session() as s:
        contact = get_contact(s, editor.saved_id)
        data = to_input(contact)
        history = [(c.from_level, c.to_level, c.note) for c in contact.level_changes]
    assert data.name == "Wang 建国"
    assert (data.company, data.org_type) == ("中国建设银行", "state")
    assert data.level == 3 and history == [(None, 3, "met at the bank forum")]
    assert sorted(data.tags) == sorted(["银行", "重点客户", "北京"])
    assert [p.number for p in data.phones] == ["13800138000"]
    birthday = data.birthday()
    assert birthday is not None
    assert (birthday.calendar, birthday.year, birthday.month, birthday.day) == (
        "lunar",
        1980,
        8,
        15,
    )
    [member] = data.family
    assert (member.name, member.relation) == ("王小明", FamilyRelation.CHILD)
    [member_birthday] = member.dates
    assert (member_birthday.kind, member_birthday.year, member_birthday.month) == (
        DateKind.BIRTHDAY,
        2012,
        6,
    )


def test_invalid_input_is_listed_marked_and_nothing_is_saved(qtbot: QtBot, book: Book) -> None:
    editor = open_editor(qtbot, book)
    year, month = short_lunar_month()
    editor.tabs.setCurrentIndex(2)
    editor.basic.birthday.present.setChecked(True)
    enter_date(editor.basic.birthday.editor, CalendarKind.LUNAR, year, month, 30)

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor._events.runner.wait_all()

    lunar_error = validate(CalendarDate(CalendarKind.LUNAR, month, 30, year), "birthday")[0]
    shown = editor.error_area.text()
    assert editor.error_area.isVisible()
    assert labels.error_text(FieldError("name", "required")) in shown
    assert labels.error_text(lunar_error) in shown
    assert editor.basic.name.property("invalid") is True
    assert editor.basic.birthday.property("invalid") is True
    assert editor.basic.email.property("invalid") is False
    assert editor._field_messages.labels["name"].text() == labels.error_text(
        FieldError("name", "required")
    )
    assert labels.error_text(lunar_error) in editor._field_messages.labels["birthday"].text()
    assert editor.tabs.currentIndex() == 0
    assert editor.isVisible() and editor.saved_id is None
    with book.session() as s:
        assert count_contacts(s) == 0


def test_bad_family_member_opens_the_family_tab(qtbot: QtBot, book: Book) -> None:
    editor = open_editor(qtbot, book)
    qtbot.keyClicks(editor.basic.name, "Li Na")
    qtbot.mouseClick(editor.family.family.add_button, Qt.MouseButton.LeftButton)
    press_save(qtbot, editor)
    assert labels.error_text(FieldError("family", "member_needs_name")) in (
        editor.error_area.text()
    )
    assert editor.tabs.currentIndex() == 3
    assert editor.family.family.property("invalid") is True
    with book.session() as s:
        assert count_contacts(s) == 0


def test_unknown_referrer_is_reported(qtbot: QtBot, book: Book) -> None:
    editor = open_editor(qtbot, book)
    qtbot.keyClicks(editor.basic.name, "Li Na")
    qtbot.keyClicks(editor.relationship.referrer, "Nobody")
    press_save(qtbot, editor)
    assert "Nobody" in editor.error_area.text()
    assert editor.tabs.currentIndex() == 1
    with book.session() as s:
        assert count_contacts(s) == 0


def test_referrer_is_resolved_by_name(qtbot: QtBot, book: Book, now: datetime) -> None:
    with book.session() as s:
        referrer = create_contact(s, ContactInput(name="李娜"), now).id
    editor = open_editor(qtbot, book)
    qtbot.keyClicks(editor.basic.name, "Zhang Wei")
    type_ime(editor.relationship.referrer, "李娜")
    press_save(qtbot, editor)
    assert editor.saved_id is not None
    with book.session() as s:
        assert get_contact(s, editor.saved_id).referred_by_id == referrer


def test_changing_the_level_records_the_note(qtbot: QtBot, book: Book, now: datetime) -> None:
    with book.session() as s:
        contact_id = create_contact(s, ContactInput(name="赵敏", level=2, tags=["老乡"]), now).id
    editor = open_editor(qtbot, book, contact_id)
    assert editor.basic.name.text() == "赵敏"
    assert not editor.relationship.level_note.isEnabled()
    select_code(editor.relationship.level, 4)
    assert editor.relationship.level_note.isEnabled()
    qtbot.keyClicks(editor.relationship.level_note, "signed the framework deal")
    press_save(qtbot, editor)
    assert editor.saved_id == contact_id
    with book.session() as s:
        contact = get_contact(s, contact_id)
        steps = [(c.from_level, c.to_level, c.note) for c in contact.level_changes]
        tags = [t.name for t in contact.tags]
    assert steps[-1] == (2, 4, "signed the framework deal")
    assert tags == ["老乡"]


def test_importance_answers_show_total_and_tier(qtbot: QtBot, book: Book) -> None:
    editor = open_editor(qtbot, book)
    questions = editor.relationship.importance
    assert questions.result.text() == "Answer all five questions to get a tier."
    for name, combo in questions.scores.items():
        select_code(combo, 1 if name == "score_risk" else 4)
    assert questions.result.text() == "Total 21: tier A"


def test_the_salutation_is_saved_and_shown_beside_the_name(qtbot: QtBot, book: Book) -> None:
    editor = open_editor(qtbot, book)
    assert "王总" in editor.basic.salutation.placeholderText()
    type_ime(editor.basic.name, "王建国")
    type_ime(editor.basic.salutation, "王总")
    press_save(qtbot, editor)
    assert editor.saved_id is not None
    with book.session() as s:
        assert to_input(get_contact(s, editor.saved_id)).salutation == "王总"
    again = open_editor(qtbot, book, editor.saved_id)
    assert again.basic.salutation.text() == "王总"

    pane = ContactPane(book, BookEvents())
    qtbot.addWidget(pane)
    pane.show()
    pane.show_contact(editor.saved_id)
    assert pane.name_label.text() == "王建国"
    assert pane.salutation_label.isVisible() and "王总" in pane.salutation_label.text()
    again.basic.salutation.clear()
    press_save(qtbot, again)
    pane.show_contact(editor.saved_id)
    assert not pane.salutation_label.isVisible()


def test_a_birthday_after_today_is_refused_under_the_field(qtbot: QtBot, book: Book) -> None:
    editor = open_editor(qtbot, book)
    type_ime(editor.basic.name, "王建国")
    editor.basic.birthday.present.setChecked(True)
    next_year = date.today().year + 1
    enter_date(editor.basic.birthday.editor, CalendarKind.SOLAR, next_year, 1, 1)

    press_save(qtbot, editor)

    error = FieldError(
        "birthday", "born_in_future", {"value": f"{next_year}-01-01", "calendar": "solar"}
    )
    assert editor.basic.birthday.property("invalid") is True
    assert editor._field_messages.labels["birthday"].text() == labels.error_text(error)
    assert "after today" in labels.error_text(error)
    assert editor.isVisible() and editor.saved_id is None
    with book.session() as s:
        assert count_contacts(s) == 0


def test_a_family_birthday_after_today_is_refused(qtbot: QtBot, book: Book) -> None:
    editor = open_editor(qtbot, book)
    type_ime(editor.basic.name, "王建国")
    qtbot.mouseClick(editor.family.family.add_button, Qt.MouseButton.LeftButton)
    type_ime(editor.family.family.name, "王小明")
    editor.family.family.birthday.present.setChecked(True)
    enter_date(editor.family.family.birthday.editor, CalendarKind.LUNAR, 2099, 1, 1)
    press_save(qtbot, editor)
    assert "Family members: 2099-01-01" not in editor.error_area.text()  # lunar, said so
    assert "Family members: Lunar 2099-01-01 is after today" in editor.error_area.text()
    assert editor.family.family.property("invalid") is True
    assert editor.tabs.currentIndex() == 3 and editor.saved_id is None
    with book.session() as s:
        assert count_contacts(s) == 0


def test_a_move_to_lost_asks_why_and_records_it(qtbot: QtBot, book: Book, now: datetime) -> None:
    with book.session() as s:
        contact_id = create_contact(s, ContactInput(name="赵敏", stage="customer"), now).id
    editor = open_editor(qtbot, book, contact_id)
    relationship = editor.relationship
    assert not relationship.lost_reason.isVisibleTo(relationship)
    select_code(relationship.stage, "lost")
    assert relationship.lost_reason.isVisibleTo(relationship)
    assert relationship.lost_note.isVisibleTo(relationship)
    assert relationship.lost_reason.itemText(1) == labels.customer_lost_reason("neglected")
    press_save(qtbot, editor)
    required = "Choose why the customer was lost."
    assert editor._field_messages.labels["lost_reason"].text() == required
    assert required in editor.error_area.text()
    assert relationship.lost_reason.property("invalid") is True
    assert editor.tabs.currentIndex() == 1 and editor.saved_id is None
    select_code(relationship.lost_reason, "cheaper_offer")
    qtbot.keyClicks(relationship.lost_note, "price war")
    press_save(qtbot, editor)
    assert editor.saved_id == contact_id
    with book.session() as s:
        contact = get_contact(s, contact_id)
        steps = [(c.from_stage, c.to_stage, c.reason, c.note) for c in contact.stage_changes]
    assert steps == [
        (None, "customer", None, ""),
        ("customer", "lost", "cheaper_offer", "price war"),
    ]


def test_an_already_lost_contact_is_saved_without_asking_again(
    qtbot: QtBot, book: Book, now: datetime
) -> None:
    with book.session() as s:
        data = ContactInput(name="赵敏", stage="lost", lost_reason="moved_away")
        contact_id = create_contact(s, data, now).id
    editor = open_editor(qtbot, book, contact_id)
    assert not editor.relationship.lost_reason.isVisibleTo(editor.relationship)
    press_save(qtbot, editor)
    assert editor.saved_id == contact_id
