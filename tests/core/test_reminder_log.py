from datetime import date, datetime

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact, get_contact, to_input, update_contact
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


def test_catch_up_covers_what_fell_due_since_the_last_check(book, now):
    from relbook.core.reminder_log import record_check

    with book.session() as session:
        create_contact(
            session,
            ContactInput(
                "钱七",
                dates=[
                    DateInput(11, 10),
                ],
            ),
            now,
        )
        create_contact(session, ContactInput("孙八", dates=[DateInput(11, 20)]), now)
        record_check(session, datetime(2026, 11, 15, 9))
    with book.session() as session:
        found = [o.contact_name for o in pending(session, datetime(2026, 11, 23, 9))]
    assert found == ["孙八"]  # 11-10 fell due before the last check; 11-20 while closed


def test_a_snoozed_reminder_returns_even_after_later_checks(book, now):
    from relbook.core.reminder_log import record_check

    with book.session() as session:
        create_contact(session, ContactInput("周九", dates=[DateInput(11, 23)]), now)
    with book.session() as session:
        (due,) = pending(session, datetime(2026, 11, 23, 9))
        mark_shown(session, [due], datetime(2026, 11, 23, 9))
        snooze(session, due, datetime(2026, 11, 30, 9), datetime(2026, 11, 23, 9))
        record_check(session, datetime(2026, 11, 29, 9))
    with book.session() as session:
        assert [o.key for o in pending(session, datetime(2026, 11, 30, 9))] == [due.key]


def _pending_the_plain_way(session, now):
    """Every occasion of the month back and the notice days ahead, filtered as ``pending``
    filters them: what the narrower computation must give."""
    from datetime import timedelta

    from sqlalchemy import select

    from relbook.core.models import ReminderLog
    from relbook.core.reminder_log import (
        EXPIRY_LOOK_AHEAD_DAYS,
        LOOK_BACK_DAYS,
        _is_ready,
        catch_up_from,
    )

    today = now.date()
    found = occurrences(
        session,
        today - timedelta(days=LOOK_BACK_DAYS),
        today + timedelta(days=7),
        expiries_until=today + timedelta(days=EXPIRY_LOOK_AHEAD_DAYS),
    )
    logs = {row.key: row for row in session.scalars(select(ReminderLog))}
    since = catch_up_from(session, now)
    result = []
    for occurrence in found:
        if not _is_ready(occurrence, now):
            continue
        log = logs.get(occurrence.key)
        if log is None:
            if occurrence.date >= since:
                result.append(occurrence)
        elif log.done_at is None and log.snoozed_until is not None and log.snoozed_until <= now:
            result.append(occurrence)
    return result


def test_catch_up_computes_only_what_can_pop_up_and_misses_nothing(book):
    """On a demo book, days after the last check, with reminders shown, done and snoozed
    (some back to two weeks ago), ``pending`` gives exactly what every occasion of the last
    month, filtered, gives."""
    from datetime import timedelta

    from relbook.core.demo import fill_demo
    from relbook.core.reminder_log import record_check

    start = datetime(2026, 11, 10, 9)
    with book.session() as session:
        fill_demo(session, 400, seed=11, now=start - timedelta(days=10))
        record_check(session, start - timedelta(days=20))
    with book.session() as session:
        first = pending(session, start)
        mark_shown(session, first, start)
        for occurrence in first[::5]:
            mark_done(session, occurrence, start)
        for occurrence in first[1::5]:
            snooze(session, occurrence, start + timedelta(days=3), start)
        record_check(session, start)
    assert {o.kind for o in first} >= {"birthday", "stay_in_touch", "follow_up"}
    now = datetime(2026, 11, 23, 10)
    with book.session() as session:
        assert [o.key for o in pending(session, now)] == [
            o.key for o in _pending_the_plain_way(session, now)
        ]
        record_check(session, datetime(2026, 11, 20, 9))
    with book.session() as session:
        narrow = pending(session, now)
        assert [o.key for o in narrow] == [o.key for o in _pending_the_plain_way(session, now)]
    assert any(o.date < datetime(2026, 11, 20).date() for o in narrow)  # the snoozed ones
