from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from relbook.core.calendar import (
    lunar_keys_for_day,
    lunar_month_days,
    lunar_to_solar,
    solar_keys_for_day,
    solar_to_lunar,
)
from relbook.core.contact_input import ContactInput, DateInput, FamilyInput
from relbook.core.contacts import create_contact
from relbook.core.festivals import DEFAULT_FESTIVALS, festival_days
from relbook.core.history import InteractionInput, log_interaction
from relbook.core.reminders import occurrences

LUNAR = "lunar"


def _add(book, now, name, **fields):
    with book.session() as session:
        return create_contact(session, ContactInput(name, **fields), now).id


def _kinds(book, start, end):
    with book.session() as session:
        return [(o.kind, o.date, o.contact_name, o.title) for o in occurrences(session, start, end)]


def test_lunar_birthday_lands_on_the_right_solar_day(book, now):
    _add(book, now, "张三", dates=[DateInput(1, 1, calendar=LUNAR)])
    found = _kinds(book, date(2027, 2, 1), date(2027, 2, 10))
    assert ("birthday", date(2027, 2, 6), "张三", "") in found


def test_day_30_in_a_short_month_is_kept_on_the_29th(book, now):
    year, month = next(
        (y, m) for y in range(2027, 2035) for m in range(1, 12) if lunar_month_days(y, m) == 29
    )
    _add(book, now, "李四", dates=[DateInput(month, 30, calendar=LUNAR)])
    kept = lunar_to_solar(year, month, 29)
    assert ("birthday", kept, "李四", "") in _kinds(book, kept - timedelta(days=1), kept)


def test_leap_month_birthday_is_kept_in_the_regular_month(book, now):
    _add(book, now, "王五", dates=[DateInput(6, 10, 1987, calendar=LUNAR, leap=True)])
    regular = lunar_to_solar(2025, 6, 10)
    leap = lunar_to_solar(2025, 6, 10, leap=True)
    found = _kinds(book, date(2025, 6, 1), date(2025, 9, 30))
    assert ("birthday", regular, "王五", "") in found
    assert all(day != leap for _, day, _, _ in found)


def test_february_29_is_kept_on_the_28th_in_common_years(book, now):
    _add(book, now, "赵六", dates=[DateInput(2, 29)])
    assert [
        d for k, d, *_ in _kinds(book, date(2027, 2, 20), date(2027, 3, 5)) if k == "birthday"
    ] == [date(2027, 2, 28)]
    assert [
        d for k, d, *_ in _kinds(book, date(2028, 2, 20), date(2028, 3, 5)) if k == "birthday"
    ] == [date(2028, 2, 29)]


def test_family_birthdays_and_yearless_dates(book, now):
    _add(
        book,
        now,
        "钱七",
        dates=[DateInput(12, 1)],
        family=[FamilyInput("钱小宝", "child", dates=[DateInput(12, 3, 2015)])],
    )
    found = _kinds(book, date(2026, 11, 30), date(2026, 12, 5))
    assert ("birthday", date(2026, 12, 1), "钱七", "") in found
    assert ("family_birthday", date(2026, 12, 3), "钱七", "钱小宝") in found


def test_once_dates_and_anniversaries(book, now):
    _add(
        book,
        now,
        "孙八",
        dates=[
            DateInput(5, 20, 2027, kind="custom", label="新店开业", recurrence="once"),
            DateInput(9, 9, 2010, kind="wedding"),
        ],
    )
    assert ("special_date", date(2027, 5, 20), "孙八", "新店开业") in _kinds(
        book, date(2027, 5, 1), date(2027, 5, 31)
    )
    # nothing dated in May 2028 (the contact is watched for staying in touch, by its stage)
    assert [
        k
        for k in _kinds(book, date(2028, 5, 1), date(2028, 5, 31))
        if k[2] and k[0] != "stay_in_touch"
    ] == []
    assert ("special_date", date(2026, 9, 9), "孙八", "") in _kinds(
        book, date(2026, 9, 1), date(2026, 9, 30)
    )


def test_a_festival_on_a_birthday_gives_both(book, now):
    _add(book, now, "周九", dates=[DateInput(8, 15, calendar=LUNAR)])
    found = _kinds(book, date(2027, 9, 15), date(2027, 9, 15))
    assert ("festival", date(2027, 9, 15), None, "mid_autumn") in found
    assert ("birthday", date(2027, 9, 15), "周九", "") in found


def test_festival_lists_its_recipients(book, now):
    """The default audience: tiers A and B and the contacts with no tier yet; C is opt-in."""
    scores = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
    low = dict(score_near=1, score_future=1, score_profit=1, score_risk=5, score_strategic=1)
    _add(book, now, "甲", stage="customer", **scores)
    _add(book, now, "乙", stage="customer")
    _add(book, now, "丙", stage="customer", **low)
    with book.session() as session:
        spring = [o for o in occurrences(session, date(2027, 2, 6), date(2027, 2, 6))]
    assert [(o.title, o.recipients) for o in spring if o.kind == "festival"] == [
        ("spring_festival", 2)
    ]


def test_new_years_eve_is_the_last_day_of_the_twelfth_month():
    eve = next(f for f in DEFAULT_FESTIVALS if f.code == "new_years_eve")
    (day,) = festival_days(eve, date(2027, 1, 1), date(2027, 12, 31))
    assert day == date(2027, 2, 5)
    assert solar_to_lunar(day + timedelta(days=1)).month == 1


def test_follow_ups_and_stay_in_touch(book, now):
    contact = _add(book, now, "吴十", cadence_days=10)
    with book.session() as session:
        log_interaction(
            session,
            InteractionInput(
                "visit",
                datetime(2026, 11, 20, 15),
                [contact],
                next_step="送方案",
                next_step_due=datetime(2026, 11, 25, 10),
            ),
            now,
        )
    found = _kinds(book, date(2026, 11, 23), date(2026, 12, 31))
    assert ("follow_up", date(2026, 11, 25), "吴十", "送方案") in found
    assert ("stay_in_touch", date(2026, 11, 30), "吴十", "") in found
    # an open follow-up stays listed (overdue) after its day
    with book.session() as session:
        late = occurrences(session, date(2026, 12, 1), date(2026, 12, 2))
    assert [(o.kind, o.overdue) for o in late if o.kind == "follow_up"] == [("follow_up", True)]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_every_day_keeps_the_pairs_that_map_back_to_it(day):
    lunar = solar_to_lunar(day)
    for month, day_of_month in lunar_keys_for_day(day):
        assert month == lunar.month and not lunar.leap
        assert min(day_of_month, lunar_month_days(lunar.year, month)) == lunar.day
    for month, day_of_month in solar_keys_for_day(day):
        assert month == day.month
        assert day_of_month == day.day or (day_of_month, day.day) == (29, 28)


def test_festival_counts_are_the_recipients_the_greeting_goes_to(book):
    """The count on a festival's reminder (from an index) is the length of the list its
    greeting goes to (from the table), for audiences by tier, stage, tag and none."""
    from sqlalchemy import func, select

    from relbook.core.demo import fill_demo
    from relbook.core.models import Contact
    from relbook.core.reminders import FestivalAudience, audience_clause, audience_count

    with book.session() as session:
        fill_demo(session, 300, seed=9, now=datetime(2026, 11, 23, 10))
        audiences = [
            FestivalAudience(),
            FestivalAudience(tiers=(), stages=()),
            FestivalAudience(tiers=("C",), stages=("lost",)),
            FestivalAudience(tiers=(), stages=("customer",), tags=("VIP", "老乡")),
            FestivalAudience(tiers=("-",), stages=()),
            FestivalAudience(tiers=("C", "-"), stages=("potential",), tags=("VIP",)),
        ]
        untiered = session.scalar(
            select(func.count()).where(Contact.tier.is_(None), Contact.deleted_at.is_(None))
        )
        assert untiered
        for audience in audiences:
            expected = session.scalar(
                select(func.count()).select_from(Contact).where(audience_clause(audience))
            )
            assert audience_count(session, audience) == expected
        assert session.scalar(select(func.count()).where(Contact.deleted_at.is_not(None)))
