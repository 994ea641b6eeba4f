"""One supported range of days, checked on input and kept by derived days."""

from datetime import date, datetime

from relbook.core.cadence import due_day
from relbook.core.calendar import CalendarDate, lunar_keys_for_day, next_occurrence, validate
from relbook.core.enums import CalendarKind, Recurrence
from relbook.core.supported_days import add_days, supported_window
from relbook.core.validation import (
    SUPPORTED_FIRST,
    SUPPORTED_LAST,
    check_supported_day,
)


def test_the_range_is_what_the_lunar_tables_compute() -> None:
    assert (SUPPORTED_FIRST, SUPPORTED_LAST) == (date(1900, 1, 1), date(2100, 12, 31))
    assert check_supported_day("birthday", date(1900, 1, 1)) == []
    assert check_supported_day("birthday", datetime(2100, 12, 31, 23, 59)) == []
    assert check_supported_day("birthday", None) == []
    (error,) = check_supported_day("birthday", date(9999, 12, 31))
    assert (error.field, error.code) == ("birthday", "day_out_of_range")
    assert error.params == {"value": "9999-12-31", "first": "1900-01-01", "last": "2100-12-31"}


def test_a_solar_date_outside_the_range_is_refused_naming_the_field() -> None:
    (error,) = validate(CalendarDate(CalendarKind.SOLAR, 12, 31, 9999), "family")
    assert (error.field, error.code, error.params["value"]) == (
        "family",
        "day_out_of_range",
        "9999-12-31",
    )
    assert validate(CalendarDate(CalendarKind.SOLAR, 2, 29), "birthday") == []


def test_derived_days_are_clamped_or_skipped() -> None:
    assert add_days(date(2100, 12, 1), 3650) == SUPPORTED_LAST
    assert add_days(date(9999, 12, 31), 30) == SUPPORTED_LAST
    assert due_day(datetime(9999, 12, 31, 23, 59), None, 30) == SUPPORTED_LAST
    assert supported_window(date(1, 1, 1), date(1, 12, 31)) == (SUPPORTED_LAST, SUPPORTED_FIRST)
    assert supported_window(date(1, 1, 1), date(2000, 1, 1)) == (SUPPORTED_FIRST, date(2000, 1, 1))
    assert lunar_keys_for_day(date(1, 1, 1)) == set()
    lunar = CalendarDate(CalendarKind.LUNAR, 8, 15)
    assert next_occurrence(lunar, Recurrence.YEARLY, date(1, 1, 1)) is None
