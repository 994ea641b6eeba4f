from datetime import date, datetime

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact, get_contact, to_input, update_contact
from relbook.core.due import due_now
from relbook.core.expiries import add_expiry
from relbook.core.models import FestivalRow
from relbook.core.reminder_log import mark_done, mark_shown, pending, snooze, snooze_choices
from relbook.core.reminders import occurrences
from relbook.core.tasks import add_task


def test_moving_to_customer_creates_the_two_day_thank_you(book, now):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三", stage="interested"), now).id
    with book.session() as session:
        data = to_input(get_contact(session, contact_id))
        data.stage = "customer"
        update_contact(session, contact_id, data, datetime(2026, 11, 23, 15))
    with book.session() as session:
        found = occurrences(session, date(2026, 11, 23), date(2026, 11, 30))
    assert [(o.kind, o.date, o.contact_name) for o in found if o.kind == "after_deal"] == [
        ("after_deal", date(2026, 11, 25), "张三")
    ]


def test_expiry_with_advance_notice(book, now):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("李四"), now).id
        add_expiry(session, contact_id, "policy", date(2027, 1, 10), now, "车险", notice_days=30)
    with book.session() as session:
        (found,) = [
            o
            for o in occurrences(session, date(2027, 1, 1), date(2027, 1, 31))
            if o.kind == "expiry"
        ]
    assert found.notice_from == date(2026, 12, 11) and found.title == "车险"


def test_edited_festival_audience_and_disabled_festivals(book, now):
    scores = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
    with book.session() as session:
        create_contact(session, ContactInput("甲", stage="customer", tags=["VIP"], **scores), now)
        create_contact(session, ContactInput("乙", stage="customer"), now)
        spring = session.query(FestivalRow).filter_by(code="spring_festival").one()
        spring.audience_tiers = ""
        spring.audience_tags = ""
        session.query(FestivalRow).filter_by(code="lantern").one().enabled = False
    with book.session() as session:
        found = occurrences(session, date(2027, 2, 1), date(2027, 2, 28))
    festivals = {o.title: o.recipients for o in found if o.kind == "festival"}
    assert festivals["spring_festival"] == 2
    assert "lantern" not in festivals


def test_a_reminder_pops_once_and_snooze_brings_it_back(book, now):
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("王五"), now).id
        add_task(session, "回电话", datetime(2026, 11, 24, 10), now, contact_id, has_time=True)
    with book.session() as session:
        assert pending(session, datetime(2026, 11, 24, 9, 59)) == []
        (due,) = pending(session, datetime(2026, 11, 24, 10, 0))
        mark_shown(session, [due], datetime(2026, 11, 24, 10, 0))
    with book.session() as session:
        assert pending(session, datetime(2026, 11, 24, 10, 5)) == []
        snooze(session, due, snooze_choices(datetime(2026, 11, 24, 10, 5))["hour"], now)
    with book.session() as session:
        assert pending(session, datetime(2026, 11, 24, 11, 0)) == []
        assert [o.key for o in pending(session, datetime(2026, 11, 24, 11, 5))] == [due.key]
        mark_done(session, due, datetime(2026, 11, 24, 11, 6))
    with book.session() as session:
        assert pending(session, datetime(2026, 11, 25, 9, 0)) == []


def test_birthday_notice_starts_three_days_before(book, now):
    with book.session() as session:
        create_contact(session, ContactInput("赵六", dates=[DateInput(12, 1)]), now)
    with book.session() as session:
        assert [
            o for o in pending(session, datetime(2026, 11, 27, 9)) if o.kind == "birthday"
        ] == []
        assert [
            o.date for o in pending(session, datetime(2026, 11, 28, 9)) if o.kind == "birthday"
        ] == [date(2026, 12, 1)]


def test_a_missed_occasion_stays_due_for_a_week(book, now):
    with book.session() as session:
        create_contact(session, ContactInput("钱七", dates=[DateInput(11, 10)]), now)
        create_contact(session, ContactInput("孙八", dates=[DateInput(11, 20)]), now)
    with book.session() as session:
        found = [o for o in pending(session, datetime(2026, 11, 23, 9)) if o.kind == "birthday"]
    # 11-20 was three days ago (the app was closed): still due, as late; 11-10 is too old
    assert [(o.contact_name, o.overdue) for o in found] == [("孙八", True)]


def test_a_snoozed_reminder_returns_however_old_it_is(book, now):
    with book.session() as session:
        create_contact(session, ContactInput("周九", dates=[DateInput(11, 23)]), now)
    with book.session() as session:
        (due,) = [o for o in pending(session, datetime(2026, 11, 23, 9)) if o.kind == "birthday"]
        mark_shown(session, [due], datetime(2026, 11, 23, 9))
        snooze(session, due, datetime(2026, 12, 5, 9), datetime(2026, 11, 23, 9))
    with book.session() as session:
        assert due.key not in [o.key for o in pending(session, datetime(2026, 12, 5, 8))]
        assert due.key in [o.key for o in pending(session, datetime(2026, 12, 5, 9))]
        # twelve days late, yet back; the other birthdays of those days are not
        late = [o for o in due_now(session, datetime(2026, 12, 5, 9)) if o.kind == "birthday"]
        assert [o.key for o in late] == [due.key]


def _due_the_plain_way(session, now):
    """Every occasion of the month back and the notice days ahead, filtered as "due now" is
    defined: what the narrower computation must give."""
    from datetime import timedelta

    from sqlalchemy import select

    from relbook.core.due import (
        EXPIRY_LOOK_AHEAD_DAYS,
        LATE_DAYS,
        LOOK_BACK_DAYS,
        UNTIL_DONE,
        _has_come,
    )
    from relbook.core.models import ReminderLog

    today = now.date()
    found = occurrences(
        session,
        today - timedelta(days=LOOK_BACK_DAYS),
        today + timedelta(days=7),
        expiries_until=today + timedelta(days=EXPIRY_LOOK_AHEAD_DAYS),
    )
    logs = {row.key: row for row in session.scalars(select(ReminderLog))}
    result = []
    for occurrence in found:
        log = logs.get(occurrence.key)
        if not _has_come(occurrence, now) or (log is not None and log.done_at is not None):
            continue
        snoozed = log is not None and log.snoozed_until is not None
        if snoozed and log.snoozed_until > now:
            continue
        recent = occurrence.date >= today - timedelta(days=LATE_DAYS)
        if recent or snoozed or occurrence.kind in UNTIL_DONE:
            result.append(occurrence)
    return result


def test_due_now_is_every_occasion_filtered_and_pending_is_what_was_not_shown(book):
    """On a demo book, with reminders shown, done and snoozed (some back to two weeks ago),
    ``due_now`` gives exactly what every occasion of the last month, filtered, gives; and
    ``pending`` is the part of it never shown or back from a snooze."""
    from datetime import timedelta

    from relbook.core.demo import fill_demo

    start = datetime(2026, 11, 10, 9)
    with book.session() as session:
        fill_demo(session, 400, seed=11, now=start - timedelta(days=10))
    with book.session() as session:
        first = pending(session, start)
        mark_shown(session, first, start)
        for occurrence in first[::5]:
            mark_done(session, occurrence, start)
        for occurrence in first[1::5]:
            snooze(session, occurrence, start + timedelta(days=3), start)
        for occurrence in first[2::5]:
            snooze(session, occurrence, start + timedelta(days=30), start)
    assert {o.kind for o in first} >= {"birthday", "stay_in_touch", "follow_up"}
    now = datetime(2026, 11, 23, 10)
    with book.session() as session:
        due = due_now(session, now)
        assert [o.key for o in due] == [o.key for o in _due_the_plain_way(session, now)]
        assert any(o.date < datetime(2026, 11, 16).date() for o in due)  # the snoozed ones
        shown = {o.key for o in first}
        back = {o.key for o in first[1::5]}
        assert [o.key for o in pending(session, now)] == [
            o.key for o in due if o.key not in shown or o.key in back
        ]
