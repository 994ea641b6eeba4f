"""Solar and lunar dates: validation, conversion and the yearly recurrence rules.

Rules from the domain brief: a lunar yearly date recurs in each lunar year; day 30 in a month that
has 29 days that year is kept on day 29; a date born in a leap month is kept in the regular month
of the same number; solar February 29 is kept on February 28 in common years. Festivals also
fall on solar terms (from lunar_python's table) and on the n-th weekday of a month.
"""

import calendar as _pycal
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lunar_python import Lunar, LunarYear

from relbook.core.enums import CalendarKind, Recurrence, SolarTerm
from relbook.core.errors import FieldError
from relbook.core.supported_days import SUPPORTED_FIRST, SUPPORTED_LAST

LUNAR_MIN_YEAR = 1901
LUNAR_MAX_YEAR = 2099


@dataclass(frozen=True)
class CalendarDate:
    """A possibly partial date: month and day always, year optional."""

    calendar: CalendarKind
    month: int
    day: int
    year: int | None = None
    leap: bool = False

    def iso(self) -> str:
        """ISO ``YYYY-MM-DD`` or ``--MM-DD`` without a year (as in vCard)."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


_JULIAN_TO_ORDINAL = 1721425


@dataclass(frozen=True)
class _LunarMonth:
    month: int
    leap: bool
    days: int
    first: date


@lru_cache(maxsize=256)
def _lunar_year(year: int) -> tuple[_LunarMonth, ...]:
    """The months of one lunar year with their first solar day.

    The library recomputes a whole year on every conversion; one table per year, cached,
    makes conversions arithmetic (100,000 lunar birthdays in well under a second).
    """
    months = LunarYear.fromYear(year).getMonthsInYear()
    return tuple(
        _LunarMonth(
            abs(int(m.getMonth())),
            int(m.getMonth()) < 0,
            int(m.getDayCount()),
            date.fromordinal(int(m.getFirstJulianDay()) - _JULIAN_TO_ORDINAL),
        )
        for m in months
    )


def _find_month(year: int, month: int, leap: bool) -> _LunarMonth | None:
    return next((m for m in _lunar_year(year) if m.month == month and m.leap == leap), None)


def lunar_month_days(year: int, month: int, leap: bool = False) -> int:
    """Days (29 or 30) in a lunar month of a lunar year; 0 if that leap month does not exist."""
    found = _find_month(year, month, leap)
    return 0 if found is None else found.days


def lunar_leap_month(year: int) -> int:
    """The leap month of a lunar year, 0 if none."""
    return next((m.month for m in _lunar_year(year) if m.leap), 0)


def validate(value: CalendarDate, field_name: str) -> list[FieldError]:
    """Every reason ``value`` is not a real date; empty when it is fine."""
    errors: list[FieldError] = []
    if not 1 <= value.month <= 12:
        return [FieldError(field_name, "month_out_of_range", {"month": value.month})]
    if value.calendar == CalendarKind.SOLAR:
        if value.leap:
            errors.append(FieldError(field_name, "leap_only_lunar"))
        if value.year is not None and not SUPPORTED_FIRST.year <= value.year <= SUPPORTED_LAST.year:
            return [
                FieldError(
                    field_name,
                    "day_out_of_range",
                    {
                        "value": value.iso(),
                        "first": SUPPORTED_FIRST.isoformat(),
                        "last": SUPPORTED_LAST.isoformat(),
                    },
                )
            ]
        year_for_check = value.year if value.year is not None else 2000  # 2000 has Feb 29
        limit = _pycal.monthrange(year_for_check, value.month)[1]
        if not 1 <= value.day <= limit:
            errors.append(
                FieldError(
                    field_name,
                    "impossible_date",
                    {"year": value.year, "month": value.month, "day": value.day},
                )
            )
        return errors
    if not 1 <= value.day <= 30:
        return [FieldError(field_name, "lunar_day_out_of_range", {"day": value.day})]
    if value.year is None:
        return errors
    if not LUNAR_MIN_YEAR <= value.year <= LUNAR_MAX_YEAR:
        return [
            FieldError(
                field_name,
                "lunar_year_out_of_range",
                {"year": value.year, "min": LUNAR_MIN_YEAR, "max": LUNAR_MAX_YEAR},
            )
        ]
    if value.leap and lunar_leap_month(value.year) != value.month:
        return [FieldError(field_name, "no_leap_month", {"year": value.year, "month": value.month})]
    days = lunar_month_days(value.year, value.month, value.leap)
    if value.day > days:
        errors.append(
            FieldError(
                field_name,
                "lunar_day_missing",
                {"year": value.year, "month": value.month, "day": value.day, "days": days},
            )
        )
    return errors


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """Exact conversion of an existing lunar date to the solar calendar."""
    found = _find_month(year, month, leap)
    if found is None or not 1 <= day <= found.days:
        raise ValueError(f"no lunar date {year}-{'leap ' if leap else ''}{month}-{day}")
    return found.first + timedelta(days=day - 1)


def solar_to_lunar(day: date) -> CalendarDate:
    """The lunar date of a solar day."""
    for year in (day.year, day.year - 1):
        for month in reversed(_lunar_year(year)):
            if month.first <= day:
                offset = (day - month.first).days
                if offset < month.days:
                    return CalendarDate(
                        CalendarKind.LUNAR, month.month, offset + 1, year, month.leap
                    )
                break
    raise ValueError(f"{day} is outside the lunar calendar's range")


def lunar_in_year(lunar_year: int, month: int, day: int) -> date:
    """Solar day on which a yearly lunar (month, day) is kept in ``lunar_year``.

    Leap-born dates are kept in the regular month; day 30 falls back to 29 in short months.
    """
    days = lunar_month_days(lunar_year, month)
    return lunar_to_solar(lunar_year, month, min(day, days))


def solar_in_year(year: int, month: int, day: int) -> date:
    """Solar day on which a yearly solar (month, day) is kept in ``year`` (Feb 29 -> 28)."""
    if month == 2 and day == 29 and not _pycal.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def to_solar(value: CalendarDate) -> date | None:
    """The exact solar day of a dated value, None without a year."""
    if value.year is None:
        return None
    if value.calendar == CalendarKind.SOLAR:
        return date(value.year, value.month, value.day)
    return lunar_to_solar(value.year, value.month, value.day, value.leap)


@lru_cache(maxsize=32768)
def next_occurrence(value: CalendarDate, recurrence: Recurrence, today: date) -> date | None:
    """First day on or after ``today`` when the date is kept; None if it will not come again."""
    if recurrence == Recurrence.ONCE:
        exact = to_solar(value)
        return exact if exact is not None and exact >= today else None
    if value.calendar == CalendarKind.SOLAR:
        for year in (today.year, today.year + 1):
            if value.year is not None and year < value.year:
                continue
            kept = solar_in_year(year, value.month, value.day)
            if kept >= today:
                return kept
        if value.year is not None and value.year > today.year + 1:
            return solar_in_year(value.year, value.month, value.day)
        return None
    if not SUPPORTED_FIRST <= today <= SUPPORTED_LAST:
        return None
    current_lunar_year = solar_to_lunar(today).year or today.year
    for lunar_year in range(current_lunar_year - 1, current_lunar_year + 2):
        if not LUNAR_MIN_YEAR <= lunar_year <= LUNAR_MAX_YEAR:
            continue
        if value.year is not None and lunar_year < value.year:
            continue
        kept = lunar_in_year(lunar_year, value.month, value.day)
        if kept >= today:
            return kept
    return None


def occurrences_between(
    value: CalendarDate, recurrence: Recurrence, start: date, end: date
) -> list[date]:
    """Every day in ``[start, end]`` on which the date is kept, oldest first."""
    if end < start:
        return []
    if recurrence == Recurrence.ONCE:
        exact = to_solar(value)
        return [exact] if exact is not None and start <= exact <= end else []
    found: list[date] = []
    if value.calendar == CalendarKind.SOLAR:
        for year in range(start.year, end.year + 1):
            if value.year is not None and year < value.year:
                continue
            kept = solar_in_year(year, value.month, value.day)
            if start <= kept <= end:
                found.append(kept)
        return found
    first = max(LUNAR_MIN_YEAR, start.year - 1)
    last = min(LUNAR_MAX_YEAR, end.year)
    for lunar_year in range(first, last + 1):
        if value.year is not None and lunar_year < value.year:
            continue
        kept = lunar_in_year(lunar_year, value.month, value.day)
        if start <= kept <= end:
            found.append(kept)
    return found


def solar_keys_for_day(day: date) -> set[tuple[int, int]]:
    """Stored solar (month, day) pairs whose yearly date is kept on ``day``."""
    keys = {(day.month, day.day)}
    if day.month == 2 and day.day == 28 and not _pycal.isleap(day.year):
        keys.add((2, 29))
    return keys


def lunar_keys_for_day(day: date) -> set[tuple[int, int]]:
    """Stored lunar (month, day) pairs whose yearly date is kept on ``day``.

    Days of a leap month keep nothing (leap-born dates are kept in the regular month); the 29th
    of a short month also keeps the 30th.
    """
    if not SUPPORTED_FIRST <= day <= SUPPORTED_LAST:
        return set()
    lunar = solar_to_lunar(day)
    if lunar.leap or lunar.year is None:
        return set()
    keys = {(lunar.month, lunar.day)}
    if lunar.day == 29 and lunar_month_days(lunar.year, lunar.month) == 29:
        keys.add((lunar.month, 30))
    return keys


_TERM_NAMES = dict(
    zip(
        SolarTerm,
        "小寒 大寒 立春 雨水 惊蛰 春分 清明 谷雨 立夏 小满 芒种 夏至"
        " 小暑 大暑 立秋 处暑 白露 秋分 寒露 霜降 立冬 小雪 大雪 冬至".split(),
        strict=True,
    )
)
"""lunar_python's (Chinese) name of each solar term."""


@lru_cache(maxsize=256)
def _solar_terms(year: int) -> dict[SolarTerm, date]:
    """The day of each solar term in solar ``year`` (China's time), from lunar_python's table.

    The table of lunar year ``year`` runs from the 大雪 before it to the 惊蛰 after it, so it
    holds every term of solar year ``year``; it names a term in pinyin (``DONG_ZHI``) where its
    Chinese name already stands for the same term a year earlier.
    """
    table = Lunar.fromYmd(year, 1, 1).getJieQiTable()
    found: dict[SolarTerm, date] = {}
    for term, name in _TERM_NAMES.items():
        for key in (name, term.upper()):
            solar = table.get(key)
            if solar is not None and solar.getYear() == year:
                found[term] = date(solar.getYear(), solar.getMonth(), solar.getDay())
    return found


def solar_term_day(year: int, term: SolarTerm) -> date:
    """The solar day of a solar term (节气) in ``year``: 清明 about April 5, 冬至 December 22."""
    return _solar_terms(year)[term]


def solar_term_month(term: SolarTerm) -> int:
    """The solar month a term always falls in: two terms a month, 小寒 and 大寒 in January."""
    return list(SolarTerm).index(term) // 2 + 1


def nth_weekday(year: int, month: int, week: int, weekday: int) -> date:
    """The ``week``-th ``weekday`` (ISO: 1 Monday ... 7 Sunday) of a month: the second Sunday
    of May is ``nth_weekday(year, 5, 2, 7)``.

    Week 5 is the last one: in a month with only four of that weekday the fifth is kept on the
    fourth, as day 30 of a short lunar month is kept on the 29th (a yearly festival never
    skips a year).
    """
    first = date(year, month, 1)
    day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (week - 1)
    if day > _pycal.monthrange(year, month)[1]:
        day -= 7
    return date(year, month, day)
