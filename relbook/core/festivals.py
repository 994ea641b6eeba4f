"""The festivals salespeople greet on, lunar and solar, and their solar dates in a range."""

from dataclasses import dataclass
from datetime import date

from relbook.core.calendar import (
    LUNAR_MAX_YEAR,
    LUNAR_MIN_YEAR,
    lunar_in_year,
    lunar_month_days,
    solar_in_year,
)
from relbook.core.enums import CalendarKind


@dataclass(frozen=True)
class Festival:
    """``last_day`` marks 除夕, kept on the last day of the 12th lunar month (29th or 30th).

    ``code`` names a built-in festival (the UI words it); ``name`` is a user-added one's name.
    """

    code: str
    calendar: CalendarKind
    month: int
    day: int
    last_day: bool = False
    name: str = ""


DEFAULT_FESTIVALS: tuple[Festival, ...] = (
    Festival("spring_festival", CalendarKind.LUNAR, 1, 1),
    Festival("lantern", CalendarKind.LUNAR, 1, 15),
    Festival("dragon_boat", CalendarKind.LUNAR, 5, 5),
    Festival("qixi", CalendarKind.LUNAR, 7, 7),
    Festival("mid_autumn", CalendarKind.LUNAR, 8, 15),
    Festival("double_ninth", CalendarKind.LUNAR, 9, 9),
    Festival("little_new_year", CalendarKind.LUNAR, 12, 23),
    Festival("new_years_eve", CalendarKind.LUNAR, 12, 30, last_day=True),
    Festival("new_year", CalendarKind.SOLAR, 1, 1),
    Festival("womens_day", CalendarKind.SOLAR, 3, 8),
    Festival("labour_day", CalendarKind.SOLAR, 5, 1),
    Festival("teachers_day", CalendarKind.SOLAR, 9, 10),
    Festival("national_day", CalendarKind.SOLAR, 10, 1),
    Festival("christmas", CalendarKind.SOLAR, 12, 25),
)


def festival_days(festival: Festival, start: date, end: date) -> list[date]:
    """Solar days in ``[start, end]`` on which the festival falls."""
    found: list[date] = []
    if festival.calendar == CalendarKind.SOLAR:
        for year in range(start.year, end.year + 1):
            day = solar_in_year(year, festival.month, festival.day)
            if start <= day <= end:
                found.append(day)
        return found
    for lunar_year in range(max(LUNAR_MIN_YEAR, start.year - 1), min(LUNAR_MAX_YEAR, end.year) + 1):
        day_of_month = (
            lunar_month_days(lunar_year, festival.month) if festival.last_day else festival.day
        )
        day = lunar_in_year(lunar_year, festival.month, day_of_month)
        if start <= day <= end:
            found.append(day)
    return found
