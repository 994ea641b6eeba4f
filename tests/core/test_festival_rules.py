"""Festival rules (lunar and solar days, solar terms, the n-th weekday of a month), the default
audience with the contacts that have no tier, and festivals with nobody to greet left out."""

from datetime import date

import pytest
from lunar_python import Lunar
from sqlalchemy import update

from relbook.core.agenda import agenda
from relbook.core.calendar import nth_weekday
from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.core.errors import ValidationError
from relbook.core.festival_book import (
    FestivalInput,
    add_festival,
    list_festivals,
    update_festival,
)
from relbook.core.festivals import DEFAULT_FESTIVALS, NO_TIER, festival_days
from relbook.core.models import Contact
from relbook.core.reminders import FestivalAudience, occurrences

BUILT_IN = {festival.code: festival for festival in DEFAULT_FESTIVALS}
TOP = dict(score_near=5, score_future=5, score_profit=5, score_risk=1, score_strategic=5)
LOW = dict(score_near=1, score_future=1, score_profit=1, score_risk=5, score_strategic=1)


def _year(festival, year):
    return festival_days(festival, date(year, 1, 1), date(year, 12, 31))


@pytest.mark.parametrize("year", range(2000, 2051))
def test_qingming_and_winter_solstice_are_the_solar_terms_of_the_library(year):
    table = Lunar.fromYmd(year, 1, 1).getJieQiTable()  # lunar year ``year``: its 冬至 is the
    qingming, solstice = table["清明"], table["DONG_ZHI"]  # one before; DONG_ZHI is this year's
    assert _year(BUILT_IN["qingming"], year) == [
        date(qingming.getYear(), qingming.getMonth(), qingming.getDay())
    ]
    assert _year(BUILT_IN["winter_solstice"], year) == [
        date(solstice.getYear(), solstice.getMonth(), solstice.getDay())
    ]


def test_solar_terms_fall_where_the_almanac_says():
    assert _year(BUILT_IN["qingming"], 2026) == [date(2026, 4, 5)]
    assert _year(BUILT_IN["qingming"], 2027) == [date(2027, 4, 5)]
    assert _year(BUILT_IN["winter_solstice"], 2026) == [date(2026, 12, 22)]
    assert _year(BUILT_IN["winter_solstice"], 2027) == [date(2027, 12, 22)]
    # a range across the new year finds each day once
    found = festival_days(BUILT_IN["winter_solstice"], date(2025, 12, 1), date(2027, 1, 31))
    assert found == [date(2025, 12, 21), date(2026, 12, 22)]


def test_mothers_and_fathers_day_are_the_second_and_third_sunday():
    assert _year(BUILT_IN["mothers_day"], 2026) == [date(2026, 5, 10)]
    assert _year(BUILT_IN["mothers_day"], 2027) == [date(2027, 5, 9)]
    assert _year(BUILT_IN["fathers_day"], 2026) == [date(2026, 6, 21)]
    assert _year(BUILT_IN["fathers_day"], 2028) == [date(2028, 6, 18)]
    for year in range(2000, 2051):
        (mothers,) = _year(BUILT_IN["mothers_day"], year)
        (fathers,) = _year(BUILT_IN["fathers_day"], year)
        assert mothers.isoweekday() == fathers.isoweekday() == 7
        assert mothers.month == 5 and 8 <= mothers.day <= 14
        assert fathers.month == 6 and 15 <= fathers.day <= 21


def test_a_fifth_weekday_is_kept_on_the_last_one_of_the_month():
    # February 2026 has four Sundays (1, 8, 15, 22): the fifth is kept on the fourth, the last
    assert nth_weekday(2026, 2, 5, 7) == date(2026, 2, 22)
    # March 2026 has five (1 ... 29)
    assert nth_weekday(2026, 3, 5, 7) == date(2026, 3, 29)
    assert nth_weekday(2026, 3, 1, 7) == date(2026, 3, 1)
    assert nth_weekday(2026, 3, 1, 1) == date(2026, 3, 2)
    # so a yearly festival on the "last" Monday of May never skips a year
    for year in range(2000, 2051):
        day = nth_weekday(year, 5, 5, 1)
        assert day.isoweekday() == 1 and day.month == 5 and day.day >= 25


def test_a_users_festival_of_each_kind(book, now):
    with book.session() as session:
        create_contact(session, ContactInput("张三"), now)
        for data in (
            FestivalInput("lunar", 2, 2, name="龙抬头"),
            FestivalInput("solar", 11, 11, name="双十一答谢"),
            FestivalInput("solar", 1, 1, name="立秋贴秋膘", rule="solar_term", solar_term="li_qiu"),
            FestivalInput("solar", 11, 1, name="感恩节", rule="weekday", week=4, weekday=4),
        ):
            add_festival(session, data)
    with book.session() as session:
        found = {
            o.title: o.date
            for o in occurrences(session, date(2027, 1, 1), date(2027, 12, 31))
            if o.kind == "festival" and o.details["name"]
        }
        stored = {r.data.name: r.data for r in list_festivals(session) if r.code is None}
    assert found == {
        "龙抬头": date(2027, 3, 9),
        "双十一答谢": date(2027, 11, 11),
        "立秋贴秋膘": date(2027, 8, 8),
        "感恩节": date(2027, 11, 25),
    }
    # only the fields of its rule are kept; the month a solar term falls in is stored
    term = stored["立秋贴秋膘"]
    assert (term.rule, term.solar_term, term.month, term.week, term.weekday) == (
        "solar_term",
        "li_qiu",
        8,
        None,
        None,
    )
    weekday = stored["感恩节"]
    assert (weekday.rule, weekday.solar_term, weekday.month, weekday.week) == ("weekday", "", 11, 4)
    assert stored["龙抬头"].rule == "date" and stored["龙抬头"].calendar == "lunar"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (FestivalInput("solar", 1, 1, name="x", rule="solar_term"), [("solar_term", "required")]),
        (
            FestivalInput("solar", 1, 1, name="x", rule="solar_term", solar_term="qingming"),
            [("solar_term", "not_a_choice")],
        ),
        (
            FestivalInput("solar", 13, 1, name="x", rule="weekday", week=6, weekday=0),
            [("month", "out_of_range"), ("week", "out_of_range"), ("weekday", "out_of_range")],
        ),
        (
            FestivalInput("solar", 5, 1, name="x", rule="weekday"),
            [("week", "required"), ("weekday", "required")],
        ),
        (
            FestivalInput("solar", 5, 1, name="x", rule="easter"),
            [("festival_rule", "not_a_choice")],
        ),
        (FestivalInput("solar", 5, 1, name="x", tiers=("A", "?")), [("tier", "not_a_choice")]),
    ],
)
def test_a_festival_rule_is_checked_field_by_field(book, data, expected):
    with book.session() as session, pytest.raises(ValidationError) as caught:
        add_festival(session, data)
    assert [(e.field, e.code) for e in caught.value.errors] == expected


def test_the_default_audience_greets_contacts_with_no_tier_but_not_tier_c(book, now):
    with book.session() as session:
        create_contact(session, ContactInput("刚导入", stage="customer"), now)  # no tier
        create_contact(session, ContactInput("丙", stage="customer", **LOW), now)  # tier C
        create_contact(session, ContactInput("甲", stage="customer", **TOP), now)  # tier A
        blank = create_contact(session, ContactInput("空档"), now).id
        # an optional code may also be stored empty: it is no tier too
        session.execute(update(Contact).where(Contact.id == blank).values(tier=""))
    with book.session() as session:
        assert FestivalAudience().tiers == ("A", "B", NO_TIER)
        default = _festival_counts(session, date(2027, 2, 6))
        assert default == {"spring_festival": 3}
        spring = next(r for r in list_festivals(session) if r.code == "spring_festival")
        assert spring.data.tiers == ("A", "B", NO_TIER)
        spring.data.tiers = ("C",)  # tier C only when asked for
        update_festival(session, spring.id, spring.data)
        assert _festival_counts(session, date(2027, 2, 6)) == {"spring_festival": 1}
        spring.data.tiers = (NO_TIER,)
        update_festival(session, spring.id, spring.data)
        assert _festival_counts(session, date(2027, 2, 6)) == {"spring_festival": 2}


def _festival_counts(session, day):
    return {
        o.details["festival"]: o.recipients
        for o in occurrences(session, day, day)
        if o.kind == "festival"
    }


def test_a_festival_with_nobody_to_greet_is_not_reminded(book, now):
    with book.session() as session:
        assert _festival_counts(session, date(2026, 12, 25)) == {}
        # a tier C contact is not in the default audience: still nobody to greet
        create_contact(session, ContactInput("丙", **LOW, dates=[DateInput(12, 25)]), now)
    with book.session() as session:
        found = occurrences(session, date(2026, 12, 1), date(2027, 12, 31))
        assert [o.kind for o in found if o.date == date(2026, 12, 25)] == ["birthday"]
        assert not [o for o in found if o.kind == "festival"]
        assert list(agenda(book.session, date(2026, 12, 1), date(2027, 12, 31))) == found
        create_contact(session, ContactInput("刚导入"), now)
    with book.session() as session:
        assert _festival_counts(session, date(2026, 12, 25)) == {"christmas": 1}
