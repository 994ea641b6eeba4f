from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from relbook.core.calendar import (
    CalendarDate,
    lunar_leap_month,
    lunar_month_days,
    lunar_to_solar,
    next_occurrence,
    solar_to_lunar,
    validate,
)
from relbook.core.enums import CalendarKind, Recurrence

LUNAR = CalendarKind.LUNAR
SOLAR = CalendarKind.SOLAR


def test_reference_points_from_the_domain_brief():
    assert lunar_to_solar(2027, 1, 1) == date(2027, 2, 6)
    assert lunar_leap_month(2023) == 2
    assert lunar_leap_month(2025) == 6
    assert lunar_leap_month(2028) == 5
    assert lunar_leap_month(2033) == 11


def test_solar_february_29_is_kept_on_the_28th_in_common_years():
    leap_day = CalendarDate(SOLAR, 2, 29)
    assert next_occurrence(leap_day, Recurrence.YEARLY, date(2026, 11, 23)) == date(2027, 2, 28)
    assert next_occurrence(leap_day, Recurrence.YEARLY, date(2027, 3, 1)) == date(2028, 2, 29)


def test_lunar_day_30_falls_back_to_29_in_a_short_month():
    short_year = next(y for y in range(2026, 2040) if lunar_month_days(y, 3) == 29)
    kept = next_occurrence(CalendarDate(LUNAR, 3, 30), Recurrence.YEARLY, date(short_year, 1, 1))
    # the first third month after Jan 1 of that solar year belongs to that lunar year
    assert kept == lunar_to_solar(short_year, 3, 29)


def test_leap_month_birthdays_are_kept_in_the_regular_month():
    born_leap = CalendarDate(LUNAR, 6, 3, None, True)
    assert next_occurrence(born_leap, Recurrence.YEARLY, date(2025, 1, 1)) == lunar_to_solar(
        2025, 6, 3
    )


def test_validation_messages_name_the_problem():
    assert validate(CalendarDate(SOLAR, 2, 30), "birthday")[0].code == "impossible_date"
    assert validate(CalendarDate(SOLAR, 2, 29, 2023), "birthday")[0].code == "impossible_date"
    assert validate(CalendarDate(SOLAR, 2, 29), "birthday") == []
    assert validate(CalendarDate(SOLAR, 13, 1), "birthday")[0].code == "month_out_of_range"
    assert validate(CalendarDate(LUNAR, 1, 31), "birthday")[0].code == "lunar_day_out_of_range"
    assert validate(CalendarDate(LUNAR, 4, 2, 2026, True), "birthday")[0].code == "no_leap_month"
    short = next(m for m in range(1, 13) if lunar_month_days(2026, m) == 29)
    error = validate(CalendarDate(LUNAR, short, 30, 2026), "birthday")[0]
    assert error.code == "lunar_day_missing"
    assert error.params["days"] == 29


def test_once_dates_only_come_once():
    once = CalendarDate(SOLAR, 12, 1, 2026)
    assert next_occurrence(once, Recurrence.ONCE, date(2026, 11, 23)) == date(2026, 12, 1)
    assert next_occurrence(once, Recurrence.ONCE, date(2026, 12, 2)) is None


@given(
    st.integers(1, 12),
    st.integers(1, 30),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
)
def test_yearly_lunar_dates_land_on_or_after_today_and_map_back(month, day, today):
    kept = next_occurrence(CalendarDate(LUNAR, month, day), Recurrence.YEARLY, today)
    assert kept is not None and today <= kept < date(today.year + 2, 12, 31)
    back = solar_to_lunar(kept)
    assert back.month == month and not back.leap
    assert back.day == min(day, lunar_month_days(back.year, month))
