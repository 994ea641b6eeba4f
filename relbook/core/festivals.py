"""The festivals salespeople greet on and their solar dates in a range: lunar and solar days,
solar terms and the n-th weekday of a month."""

from dataclasses import dataclass
from datetime import date

from relbook.core.calendar import (
    LUNAR_MAX_YEAR,
    LUNAR_MIN_YEAR,
    lunar_in_year,
    lunar_month_days,
    nth_weekday,
    solar_in_year,
    solar_term_day,
)
from relbook.core.enums import CalendarKind, FestivalRule, SolarTerm, Stage

NO_TIER = "-"
"""Among an audience's tiers (``festival.audience_tiers``, one character a tier): the contacts
with no tier yet, such as a whole book imported from a phone."""
DEFAULT_TIERS: tuple[str, ...] = ("A", "B", NO_TIER)
"""Who festival greetings go to unless the user says otherwise; tier C is opt-in."""
DEFAULT_STAGES: tuple[str, ...] = (Stage.POTENTIAL, Stage.INTERESTED, Stage.CUSTOMER)


@dataclass(frozen=True)
class Festival:
    """``code`` names a built-in festival (the UI words it); ``name`` is a user-added one's name.

    ``rule`` says how its day is found: a ``DATE`` is ``month`` and ``day`` of ``calendar``
    (``last_day`` marks 除夕, kept on the last day of the 12th lunar month, the 29th or 30th);
    a ``SOLAR_TERM`` is the day of ``solar_term``; a ``WEEKDAY`` is the ``week``-th
    ``weekday`` (ISO, 7 = Sunday) of ``month``, week 5 meaning the last.
    """

    code: str
    calendar: CalendarKind
    month: int
    day: int
    last_day: bool = False
    name: str = ""
    rule: FestivalRule = FestivalRule.DATE
    solar_term: SolarTerm | None = None
    week: int | None = None
    weekday: int | None = None


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
    Festival(
        "qingming",
        CalendarKind.SOLAR,
        4,
        1,
        rule=FestivalRule.SOLAR_TERM,
        solar_term=SolarTerm.QING_MING,
    ),
    Festival(
        "winter_solstice",
        CalendarKind.SOLAR,
        12,
        1,
        rule=FestivalRule.SOLAR_TERM,
        solar_term=SolarTerm.DONG_ZHI,
    ),
    Festival("mothers_day", CalendarKind.SOLAR, 5, 1, rule=FestivalRule.WEEKDAY, week=2, weekday=7),
    Festival("fathers_day", CalendarKind.SOLAR, 6, 1, rule=FestivalRule.WEEKDAY, week=3, weekday=7),
)
"""The festivals of the domain brief, as revisions 0003 (the first fourteen) and 0010 seed them.
A solar-term or weekday rule keeps in ``month`` the month it falls in and 1 in ``day``."""


def _days(festival: Festival, first_year: int, last_year: int) -> list[date]:
    """The festival's day in each (solar or, for lunar dates, lunar) year of the range; none
    for a rule that lacks its term or weekday."""
    years = range(first_year, last_year + 1)
    if festival.rule == FestivalRule.SOLAR_TERM:
        term = festival.solar_term
        if term is None:
            return []
        table_years = range(max(LUNAR_MIN_YEAR, first_year), min(LUNAR_MAX_YEAR, last_year) + 1)
        return [solar_term_day(year, term) for year in table_years]
    if festival.rule == FestivalRule.WEEKDAY:
        week, weekday = festival.week, festival.weekday
        if week is None or weekday is None:
            return []
        return [nth_weekday(year, festival.month, week, weekday) for year in years]
    if festival.calendar == CalendarKind.SOLAR:
        return [solar_in_year(year, festival.month, festival.day) for year in years]
    found = []
    lunar_years = range(max(LUNAR_MIN_YEAR, first_year - 1), min(LUNAR_MAX_YEAR, last_year) + 1)
    for lunar_year in lunar_years:
        day_of_month = (
            lunar_month_days(lunar_year, festival.month) if festival.last_day else festival.day
        )
        found.append(lunar_in_year(lunar_year, festival.month, day_of_month))
    return found


def festival_days(festival: Festival, start: date, end: date) -> list[date]:
    """Solar days in ``[start, end]`` on which the festival falls, oldest first."""
    return [day for day in _days(festival, start.year, end.year) if start <= day <= end]
