"""Dates as people type them in spreadsheets: ISO, Chinese, Excel serials and lunar dates."""

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from relbook.core.calendar import validate
from relbook.core.contact_input import DateInput
from relbook.core.enums import CalendarKind

EXCEL_EPOCH = date(1899, 12, 30)
"""Day zero of Excel's 1900 date system (the fake 1900-02-29 is why it is not Dec 31)."""

SERIAL_MIN = 61
"""1900-03-01: earlier serials are off by Excel's 1900 leap-year bug and nobody's birthday."""

SERIAL_MAX = 73050
"""2099-12-31, the end of the lunar tables; larger numbers are phone numbers or ids."""

_LUNAR_MARKS = ("农历", "阴历", "旧历", "lunar")
_SOLAR_MARKS = ("公历", "阳历", "新历", "solar")

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_MONTH_WORDS = {"正": 1, "冬": 11, "腊": 12}

_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_NO_YEAR = re.compile(r"^(?:--)?(\d{1,2})[-/.](\d{1,2})$")
_VCARD_NO_YEAR = re.compile(r"^--(\d{2})(\d{2})$")
_MMDD = re.compile(r"^([01]\d)([0-3]\d)$")
_SERIAL = re.compile(r"^\d{5}(\.0+)?$")
_NUMERAL = "0-9〇零一二三四五六七八九十廿卅两"
_CHINESE = re.compile(
    rf"^(?:(?P<year>[0-9〇零一二三四五六七八九]{{4}})年)?"
    rf"(?P<month>[0-9]{{1,2}}|[正冬腊一二三四五六七八九十]{{1,2}})月"
    rf"(?P<day>初?[{_NUMERAL}]{{1,3}})[日号]?$"
)
_OUTLOOK_EMPTY = {"0/0/00", "0/0/0000", "00/00/00"}


class DateParseError(ValueError):
    """A date that cannot be read; ``code`` and ``params`` as in relbook.words.labels.error_text."""

    def __init__(self, code: str, params: dict[str, Any] | None = None):
        super().__init__(f"{code} {params or {}}")
        self.code = code
        self.params = params or {}


def parse_typed_date(value: object, lunar_hint: bool = False) -> DateInput | None:
    """The date in a cell, or None when it is empty.

    ``lunar_hint`` is set for a column meant for lunar dates (农历生日), where a plain
    1985-08-15 means the lunar date. Raises DateParseError for text that is not a real date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _checked(value.year, value.month, value.day, lunar_hint, False, str(value))
    if isinstance(value, date):
        return _checked(value.year, value.month, value.day, lunar_hint, False, str(value))
    if isinstance(value, bool):
        raise DateParseError("bad_date", {"value": str(value)})
    if isinstance(value, int | float):
        return _from_serial(float(value), lunar_hint, str(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text or text in _OUTLOOK_EMPTY:
        return None
    return _parse_text(text, lunar_hint)


def _parse_text(raw: str, lunar_hint: bool) -> DateInput:
    text, lunar = _strip_calendar_marks(raw.lower(), lunar_hint)
    leap = "闰" in text
    text = text.replace("闰", "").strip()
    lunar = lunar or leap
    if _SERIAL.match(text):
        return _from_serial(float(text), lunar, raw)
    found = _numeric(text)
    if found is None:
        chinese = _CHINESE.match(text)
        if chinese is None:
            raise DateParseError("bad_date", {"value": raw})
        found = _chinese_parts(chinese, raw)
        lunar = lunar or _is_chinese_numeral(chinese["month"] + chinese["day"])
    year, month, day = found
    return _checked(year, month, day, lunar, leap, raw)


def _strip_calendar_marks(text: str, lunar_hint: bool) -> tuple[str, bool]:
    """Remove 农历/公历 words (before or after, bracketed or not); say which calendar is meant."""
    lunar = lunar_hint
    for marks, is_lunar in ((_LUNAR_MARKS, True), (_SOLAR_MARKS, False)):
        for mark in marks:
            for form in (f"({mark})", f"[{mark}]", mark):
                if text.startswith(form) or text.endswith(form):
                    text = text.removeprefix(form).removesuffix(form).strip(" :")
                    lunar = is_lunar
    return _TIME_TAIL.sub("", text).strip(), lunar


def _numeric(text: str) -> tuple[int | None, int, int] | None:
    """(year, month, day) from the digit styles, None for anything else."""
    for pattern in (_YMD, _COMPACT):
        match = pattern.match(text)
        if match:
            return int(match[1]), int(match[2]), int(match[3])
    match = _US.match(text)
    if match:  # Outlook writes M/D/YYYY
        return int(match[3]), int(match[1]), int(match[2])
    for pattern in (_NO_YEAR, _VCARD_NO_YEAR, _MMDD):
        match = pattern.match(text)
        if match:
            return None, int(match[1]), int(match[2])
    return None


def _chinese_parts(match: re.Match[str], raw: str) -> tuple[int | None, int, int]:
    year_text = match["year"]
    year = int("".join(str(_DIGITS.get(c, c)) for c in year_text)) if year_text else None
    month = _MONTH_WORDS.get(match["month"]) or _small_number(match["month"])
    day = _small_number(match["day"].removeprefix("初"))
    if month is None or day is None:
        raise DateParseError("bad_date", {"value": raw})
    return year, month, day


def _is_chinese_numeral(text: str) -> bool:
    """Months and days in Chinese numerals are lunar by convention (八月十五, 腊月初八)."""
    return any(not c.isdigit() for c in text)


def _small_number(text: str) -> int | None:
    """1 to 39 written as digits or in Chinese numerals (十五, 二十三, 廿三, 卅)."""
    if text.isdigit():
        return int(text)
    if not text:
        return None
    if text[0] in "廿卅":
        rest = _small_number(text[1:]) if text[1:] else 0
        return None if rest is None or rest > 9 else (20 if text[0] == "廿" else 30) + rest
    if "十" in text:
        tens_text, _, ones_text = text.partition("十")
        tens = _DIGITS.get(tens_text) if tens_text else 1
        ones = _DIGITS.get(ones_text) if ones_text else 0
        return None if tens is None or ones is None else tens * 10 + ones
    return _DIGITS.get(text) if len(text) == 1 else None


def _from_serial(number: float, lunar: bool, raw: str) -> DateInput:
    if not SERIAL_MIN <= number <= SERIAL_MAX or number != int(number):  # NaN, inf fail here
        raise DateParseError("bad_date", {"value": raw})
    day = EXCEL_EPOCH + timedelta(days=int(number))
    return _checked(day.year, day.month, day.day, lunar, False, raw)


def _checked(
    year: int | None, month: int, day: int, lunar: bool, leap: bool, raw: str
) -> DateInput:
    """The DateInput, if the calendar says the date exists."""
    kind = CalendarKind.LUNAR if lunar else CalendarKind.SOLAR
    result = DateInput(month=month, day=day, year=year, calendar=kind, leap=leap)
    errors = validate(result.as_calendar_date(), "birthday")
    if errors:
        raise DateParseError(errors[0].code, {**errors[0].params, "value": raw})
    return result
