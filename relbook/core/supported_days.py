"""The one range of days relbook accepts and computes: 1900-01-01 to 2100-12-31.

Every date a user or a file can give (birthdays, special days, interactions, gifts, due
dates, report periods, deal and purchase days, expiries) is checked against it, and derived
days (a contact's due day, the next birthday, a reminder window) are clamped to it, so no
later feature meets a day it cannot compute: Python's ``date`` ends at 9999-12-31 and the
lunar tables relbook uses are exact for the twentieth and twenty-first centuries
(lunar_python computes further, but festivals and lunar years are only kept 1901-2099).
"""

from datetime import date, datetime

from relbook.core.errors import FieldError, ValidationError

SUPPORTED_FIRST = date(1900, 1, 1)
SUPPORTED_LAST = date(2100, 12, 31)


def is_supported(day: date | datetime) -> bool:
    """Whether ``day`` (a date or the date of a datetime) lies in the supported range."""
    only_day = day.date() if isinstance(day, datetime) else day
    return SUPPORTED_FIRST <= only_day <= SUPPORTED_LAST


def check_supported_day(field_name: str, day: date | datetime | None) -> list[FieldError]:
    """``[]`` when ``day`` is None or supported, else one ``day_out_of_range`` error naming
    ``field_name``, with the day and the range as parameters."""
    if day is None or is_supported(day):
        return []
    only_day = day.date() if isinstance(day, datetime) else day
    return [
        FieldError(
            field_name,
            "day_out_of_range",
            {
                "value": only_day.isoformat(),
                "first": SUPPORTED_FIRST.isoformat(),
                "last": SUPPORTED_LAST.isoformat(),
            },
        )
    ]


def require_supported_day(field_name: str, day: date | datetime | None) -> None:
    """``check_supported_day`` that raises ValidationError."""
    errors = check_supported_day(field_name, day)
    if errors:
        raise ValidationError(errors)


def clamp_day(day: date) -> date:
    """``day`` moved into the supported range."""
    return min(max(day, SUPPORTED_FIRST), SUPPORTED_LAST)


def add_days(day: date, days: int) -> date:
    """``day + days``, clamped to the supported range instead of overflowing."""
    ordinal = day.toordinal() + days
    return clamp_day(date.fromordinal(min(max(ordinal, 1), date.max.toordinal())))


def supported_window(start: date, end: date) -> tuple[date, date]:
    """``[start, end]`` cut to the supported range; the result's end is before its start
    (an empty window) when the two do not overlap."""
    if end < SUPPORTED_FIRST or start > SUPPORTED_LAST:
        return SUPPORTED_LAST, SUPPORTED_FIRST
    return max(start, SUPPORTED_FIRST), min(end, SUPPORTED_LAST)
