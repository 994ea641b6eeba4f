""" "Due now": the one list the popup, Today, the tray and ``relbook today`` read (issue 16)."""

from datetime import date, datetime, timedelta

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact, get_contact, to_input, update_contact
from relbook.core.due import due_now
from relbook.core.history import InteractionInput, log_interaction
from relbook.core.reminder_log import mark_done, snooze
from relbook.core.tasks import add_task
from relbook.core.today import today_summary

ADDED = datetime(2026, 11, 1, 9)
NOW = datetime(2026, 11, 23, 10)


def _kinds(found):
    return [(o.kind, o.contact_name, o.date, o.overdue) for o in found]


def test_yesterdays_birthday_and_an_old_follow_up_are_due_and_a_month_old_birthday_is_not(book):
    with book.session() as session:
        a = create_contact(session, ContactInput("张三", dates=[DateInput(11, 22)]), ADDED).id
        create_contact(session, ContactInput("李四", dates=[DateInput(10, 20)]), ADDED)
        log_interaction(
            session,
            InteractionInput(
                "call", ADDED, [a], next_step="寄方案", next_step_due=datetime(2026, 10, 1, 9)
            ),
            ADDED,
        )
    with book.session() as session:
        found = [o for o in due_now(session, NOW) if o.kind != "stay_in_touch"]
    assert _kinds(found) == [
        ("follow_up", "张三", date(2026, 10, 1), True),
        ("birthday", "张三", date(2026, 11, 22), True),
    ]


def test_a_timed_follow_up_is_due_from_its_time(book):
    with book.session() as session:
        a = create_contact(session, ContactInput("王五"), ADDED).id
        add_task(session, "回电话", datetime(2026, 11, 23, 15), ADDED, a, has_time=True)
    with book.session() as session:
        assert [o.title for o in due_now(session, NOW) if o.kind == "follow_up"] == []
        later = [o.title for o in due_now(session, NOW.replace(hour=15)) if o.kind == "follow_up"]
        assert later == ["回电话"]
        # not due yet at ten: listed in the coming days instead
        coming = today_summary(session, NOW).upcoming
        assert [o.title for o in coming if o.kind == "follow_up"] == ["回电话"]


def test_done_and_snoozed_reminders_are_not_due(book):
    with book.session() as session:
        create_contact(session, ContactInput("赵六", dates=[DateInput(11, 23)]), ADDED)
        create_contact(session, ContactInput("钱七", dates=[DateInput(11, 24)]), ADDED)
    with book.session() as session:
        first, second = [o for o in due_now(session, NOW) if o.kind == "birthday"]
        mark_done(session, first, NOW)
        snooze(session, second, NOW + timedelta(hours=1), NOW)
    with book.session() as session:
        assert [o for o in due_now(session, NOW) if o.kind == "birthday"] == []
        back = [o.key for o in due_now(session, NOW + timedelta(hours=1)) if o.kind == "birthday"]
        assert back == [second.key]


def test_the_thank_you_shows_from_the_day_of_the_deal_and_is_due_two_days_later(book):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("孙八", stage="interested"), ADDED).id
    deal = datetime(2026, 11, 23, 15)
    with book.session() as session:
        data = to_input(get_contact(session, contact_id))
        data.stage = "customer"
        update_contact(session, contact_id, data, deal)
    with book.session() as session:
        (thanks,) = [o for o in due_now(session, deal) if o.kind == "after_deal"]
        assert (thanks.date, thanks.notice_from, thanks.overdue) == (
            date(2026, 11, 25),
            date(2026, 11, 23),
            False,
        )
        late = [o for o in due_now(session, deal + timedelta(days=5)) if o.kind == "after_deal"]
        assert [o.overdue for o in late] == [True]


def test_todays_next_30_days_lists_every_kind(book):
    """A next step due in a week was listed by ``relbook reminders`` but not by Today."""
    with book.session() as session:
        a = create_contact(session, ContactInput("周九", dates=[DateInput(12, 1)]), NOW).id
        log_interaction(
            session,
            InteractionInput(
                "visit", NOW, [a], next_step="送样品", next_step_due=NOW + timedelta(days=7)
            ),
            NOW,
        )
        add_task(session, "报价", NOW + timedelta(days=3), NOW, a)
    with book.session() as session:
        coming = today_summary(session, NOW).upcoming
    kinds = {(o.kind, o.title) for o in coming if o.contact_id == a}
    assert ("follow_up", "送样品") in kinds and ("follow_up", "报价") in kinds
    assert ("birthday", "") in kinds
    # contacted at NOW, a potential customer with no tier falls due in 21 days
    assert ("stay_in_touch", "") in kinds
