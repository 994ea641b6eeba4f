"""The data of the dossier and the activity report: what is in, what is left out, the totals."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from relbook.core.calendar import lunar_to_solar
from relbook.core.contacts import delete_contacts
from relbook.core.errors import NotFoundError, ValidationError
from relbook.core.reports import (
    Period,
    activity_report,
    check_period,
    dossier,
    preset_period,
)
from tests.report_seed import NOW, WEEK, seed_report_book


def test_dossier_holds_profile_family_dates_history_and_gifts(book):
    with book.session() as session:
        ids = seed_report_book(session)
        report = dossier(session, ids.zhang, NOW.date())
    assert report.profile.name == "张伟" and report.profile.company == "恒达科技"
    assert report.profile.wechat == "zw_hengda" and report.profile.personality == "analytical"
    assert report.referrer == "王芳"
    assert (report.tier, report.importance) == ("A", 22)
    birthday, wedding = report.dates
    assert birthday.value.calendar == "lunar" and birthday.next_on == lunar_to_solar(2027, 8, 15)
    assert wedding.kind == "wedding" and wedding.next_on == date(2027, 5, 20)
    (spouse,) = report.family
    assert (spouse.name, spouse.relation) == ("李娜", "spouse")
    assert spouse.dates[0].next_on == lunar_to_solar(2027, 1, 1)
    assert [(line.from_level, line.to_level) for line in report.levels] == [(None, 3), (3, 4)]
    assert report.levels[1].note == "答应引荐" and report.levels[1].changed_on == date(2026, 11, 18)
    assert [i.kind for i in report.interactions] == ["call", "visit", "meal"]  # newest first
    assert report.interactions[0].others == ("王芳",)
    assert report.interactions[1].next_step == "送样品"
    assert [g.item for g in report.gifts] == ["茶叶", "月饼礼盒", "红酒"]
    assert report.gifts[1].recipient == "李娜"
    totals = report.totals
    assert (totals.given_count, totals.given) == (2, Decimal("988.00"))
    assert (totals.received_count, totals.received) == (1, Decimal("1280.50"))
    assert [y.year for y in report.yearly] == [2026, 2025]
    assert report.ideas == ("紫砂壶",)


def test_a_trashed_fellow_participant_is_not_named(book):
    with book.session() as session:
        ids = seed_report_book(session)
        delete_contacts(session, [ids.wang], NOW)
        report = dossier(session, ids.zhang, NOW.date())
        assert report.interactions[0].others == ()
        delete_contacts(session, [ids.zhang], NOW)
        with pytest.raises(NotFoundError):
            dossier(session, ids.zhang, NOW.date())


def test_activity_of_a_week(book):
    with book.session() as session:
        seed_report_book(session)
        report = activity_report(session, Period(*WEEK))
    assert report.by_type == (("visit", 1), ("call", 1))  # the trashed visit is left out
    assert report.interaction_count == 2 and report.contacts_reached == 2
    first, second = report.by_contact
    assert (first.name, first.company, first.total) == ("张伟", "恒达科技", 2)
    assert dict(first.by_type) == {"visit": 1, "call": 1}
    assert (second.name, second.total) == ("王芳", 1)
    (change,) = report.level_changes  # starting levels of new contacts are not changes
    assert (change.contact_name, change.from_level, change.to_level) == ("张伟", 3, 4)
    assert report.level_ups == 1 and report.level_downs == 0
    assert [(g.item, g.contact_name, g.recipient) for g in report.gifts] == [
        ("月饼礼盒", "张伟", "李娜"),
        ("茶叶", "张伟", ""),
    ]
    assert (report.totals.given_count, report.totals.given) == (1, Decimal("388.00"))
    assert (report.totals.received_count, report.totals.received) == (1, Decimal("1280.50"))
    assert [(c.name, c.company, c.level) for c in report.new_contacts] == [
        ("欧阳晓明", "鼎盛建设", 2)
    ]


def test_period_edges_are_whole_days(book):
    with book.session() as session:
        seed_report_book(session)
        only_the_call = activity_report(session, Period(date(2026, 11, 20), date(2026, 11, 20)))
        empty = activity_report(session, Period(date(2020, 1, 1), date(2020, 1, 31)))
    assert only_the_call.by_type == (("call", 1),)
    assert empty.interaction_count == 0 and empty.by_contact == () and empty.gifts == ()
    assert (empty.totals.given_count, empty.totals.given) == (0, Decimal("0.00"))


@pytest.mark.parametrize(
    ("preset", "first_weekday", "today", "expected"),
    [
        ("this_week", 0, date(2026, 11, 23), (date(2026, 11, 23), date(2026, 11, 29))),
        ("last_week", 0, date(2026, 11, 25), (date(2026, 11, 16), date(2026, 11, 22))),
        ("this_week", 6, date(2026, 11, 23), (date(2026, 11, 22), date(2026, 11, 28))),
        ("this_month", 0, date(2026, 2, 10), (date(2026, 2, 1), date(2026, 2, 28))),
        ("last_month", 0, date(2026, 1, 31), (date(2025, 12, 1), date(2025, 12, 31))),
        ("last_month", 0, date(2024, 3, 31), (date(2024, 2, 1), date(2024, 2, 29))),
    ],
)
def test_preset_periods(preset, first_weekday, today, expected):
    assert preset_period(preset, today, first_weekday) == Period(*expected)


def test_a_period_ending_before_it_starts_is_refused():
    assert check_period(date(2026, 11, 1), date(2026, 11, 1)) == Period(
        date(2026, 11, 1), date(2026, 11, 1)
    )
    with pytest.raises(ValidationError) as raised:
        check_period(date(2026, 11, 2), date(2026, 11, 1))
    (error,) = raised.value.errors
    assert (error.field, error.code, error.params) == (
        "from",
        "too_large",
        {"maximum": "2026-11-01"},
    )


def test_period_bounds():
    start, after = Period(date(2026, 11, 16), date(2026, 11, 22)).bounds()
    assert (start, after) == (datetime(2026, 11, 16), datetime(2026, 11, 23))
