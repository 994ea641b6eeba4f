"""Solar and lunar dates written for people, following the chosen locale."""

from datetime import date, datetime

from lunar_python.util import LunarUtil
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from relbook.core.calendar import CalendarDate
from relbook.core.enums import CalendarKind


def q_datetime(moment: datetime) -> QDateTime:
    """``QDateTime(moment)`` as PySide6 converts it (local time, to the millisecond); its type
    stubs leave out the datetime overload."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000),
    )


def solar_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def lunar_text(value: CalendarDate) -> str:
    """A lunar date as people write it: 农历 1980年闰六月初三, or Lunar 1980-leap 06-03.

    Chinese month and day names come from the lunar library, as a locale's month names would.
    """
    if _chinese():
        month = ("闰" if value.leap else "") + LunarUtil.MONTH[value.month] + "月"
        body = month + LunarUtil.DAY[value.day]
        if value.year is not None:
            body = f"{value.year}年{body}"
    else:
        month = f"{value.month:02d}"
        if value.leap:
            month = QCoreApplication.translate("DateText", "leap %1").replace("%1", month)
        body = f"{month}-{value.day:02d}"
        body = f"{value.year}-{body}" if value.year is not None else f"--{body}"
    return QCoreApplication.translate("DateText", "Lunar %1").replace("%1", body)


def month_day_text(month: int, day: int) -> str:
    """A solar day of the year without a year (an age-unknown birthday)."""
    pattern = QCoreApplication.translate("DateText", "MMM d")
    return QLocale().toString(QDate(2000, month, day), pattern)


def calendar_date_text(value: CalendarDate) -> str:
    """Any stored date: a locale date for solar ones, "Lunar ..." for lunar ones."""
    if value.calendar == CalendarKind.LUNAR:
        return lunar_text(value)
    if value.year is None:
        return month_day_text(value.month, value.day)
    return solar_text(date(value.year, value.month, value.day))


def next_text(day: date) -> str:
    return QCoreApplication.translate("DateText", "next: %1").replace("%1", solar_text(day))
