"""The reminder popup driven like a user: done and log, snooze, copy greeting."""

from datetime import date, datetime

from PySide6.QtGui import QGuiApplication

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact, get_contact
from relbook.core.history import interactions_of
from relbook.core.reminder_log import pending
from relbook.ui.events import BookEvents
from relbook.ui.reminder_popup import ReminderPopup


def _birthday_due(book, now):
    with book.session() as session:
        contact_id = create_contact(
            session, ContactInput("张三", personality="driver", dates=[DateInput(11, 25)]), now
        ).id
        (due,) = [o for o in pending(session, now) if o.kind == "birthday"]
    return contact_id, due


def test_done_and_log_records_a_greeting(qtbot, book, now, english):
    contact_id, due = _birthday_due(book, now)
    popup = ReminderPopup(book, BookEvents(), "zh_CN", clock=lambda: now)
    qtbot.addWidget(popup)
    popup.show_due([due])
    assert popup.isVisible() and popup.list.count() == 1
    assert "张三" in popup.greeting.text()
    popup.done_log_button.click()
    assert popup._events.runner.wait_all()  # handled in the background
    assert popup.list.count() == 0
    with book.session() as session:
        (logged,) = interactions_of(session, contact_id)
        assert logged.kind == "greeting"
        assert get_contact(session, contact_id).last_contacted_at == now
        assert pending(session, now) == []


def test_snooze_and_copy_greeting(qtbot, book, now, english):
    _contact_id, due = _birthday_due(book, now)
    popup = ReminderPopup(book, BookEvents(), "en", clock=lambda: now)
    qtbot.addWidget(popup)
    popup.show_due([due])
    popup.copy_greeting()
    # copied two days before the birthday: worded for that day, not "today" (issue 16)
    copied = QGuiApplication.clipboard().text()
    assert "张三" in copied and "the day after tomorrow" in copied and "today" not in copied
    popup.snooze_to("tomorrow")
    assert popup._events.runner.wait_all()
    assert popup.list.count() == 0
    with book.session() as session:
        assert pending(session, datetime(2026, 11, 24, 8, 59)) == []
        assert [o.key for o in pending(session, datetime(2026, 11, 24, 9, 0))] == [due.key]
    assert due.date == date(2026, 11, 25)


def test_a_festival_reminder_lists_its_recipients(qtbot, book, now, english):
    scores = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
    with book.session() as session:
        create_contact(session, ContactInput("甲", stage="customer", **scores), now)
        create_contact(session, ContactInput("乙", stage="customer"), now)  # no tier yet
        low = dict(score_near=1, score_future=1, score_profit=1, score_risk=5, score_strategic=1)
        create_contact(session, ContactInput("丙", stage="customer", **low), now)  # tier C
        from relbook.core.reminders import occurrences

        (spring,) = [
            o
            for o in occurrences(session, date(2027, 2, 6), date(2027, 2, 6))
            if o.kind == "festival"
        ]
    popup = ReminderPopup(book, BookEvents(), "zh_CN", clock=lambda: now)
    qtbot.addWidget(popup)
    popup.show_due([spring])
    assert "Greet (2): 甲、乙" in popup.greeting.text()
    # a Spring Festival reminder read in November wishes a happy new year in advance
    assert "2027年2月6日就是春节了，提前给您拜个早年" in popup.greeting.text()
