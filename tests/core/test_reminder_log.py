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
