"""Dates as salespeople type them in spreadsheet cells, solar and lunar."""

from datetime import date, datetime

import pytest

from relbook.core.contact_input import DateInput
from relbook.core.enums import CalendarKind
from relbook.exchange.dates_typed import DateParseError, parse_typed_date

SOLAR = CalendarKind.SOLAR
LUNAR = CalendarKind.LUNAR


def _parts(found: DateInput | None) -> tuple[object, ...] | None:
    if found is None:
        return None
    return (found.calendar, found.year, found.month, found.day, found.leap)


@pytest.mark.parametrize(
    "typed",
    [
        "2024-03-08",
        "2024/3/8",
        "2024.3.8",
        "20240308",
        "2024年3月8日",
        "2024年3月8号",
        "２０２４－０３－０８",  # full-width, as a Chinese input method types it
        "2024-03-08 00:00:00",  # a date cell saved by Excel with its time
        "3/8/2024",  # Outlook's M/D/YYYY
        "45359",  # Excel serial number as text
        45359.0,
        45359,
        datetime(2024, 3, 8),
        date(2024, 3, 8),
        "公历2024-03-08",
    ],
)
def test_solar_dates_with_a_year(typed: object) -> None:
    assert _parts(parse_typed_date(typed)) == (SOLAR, 2024, 3, 8, False)


@pytest.mark.parametrize("typed", ["3月8日", "03-08", "3/8", "3.8", "--03-08", "--0308", "0308"])
def test_solar_dates_without_a_year(typed: str) -> None:
    assert _parts(parse_typed_date(typed)) == (SOLAR, None, 3, 8, False)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("农历1985年八月十五", (1985, 8, 15, False)),
        ("农历八月十五", (None, 8, 15, False)),
        ("农历 8月15日", (None, 8, 15, False)),
        ("阴历3月初八", (None, 3, 8, False)),
        ("闰四月初三", (None, 4, 3, True)),
        ("2020年闰四月初三", (2020, 4, 3, True)),
        ("正月初一", (None, 1, 1, False)),
        ("冬月二十", (None, 11, 20, False)),
        ("腊月廿三", (None, 12, 23, False)),
        ("腊月三十", (None, 12, 30, False)),
        ("十一月二十九", (None, 11, 29, False)),
        ("一九八五年八月十五", (1985, 8, 15, False)),
        ("农历1985-08-15", (1985, 8, 15, False)),
        ("农历--闰04-03", (None, 4, 3, True)),
        ("1985-08-15(农历)", (1985, 8, 15, False)),
        ("Lunar 1985-08-15", (1985, 8, 15, False)),
    ],
)
def test_lunar_dates(typed: str, expected: tuple[object, ...]) -> None:
    assert _parts(parse_typed_date(typed)) == (LUNAR, *expected)


@pytest.mark.parametrize("typed", ["1985-08-15", "1985/8/15", datetime(1985, 8, 15)])
def test_plain_dates_in_a_lunar_column_are_lunar(typed: object) -> None:
    assert _parts(parse_typed_date(typed, lunar_hint=True)) == (LUNAR, 1985, 8, 15, False)


def test_solar_word_beats_the_lunar_column() -> None:
    assert _parts(parse_typed_date("公历1985-08-15", lunar_hint=True))[0] == SOLAR  # type: ignore[index]


@pytest.mark.parametrize("empty", [None, "", "   ", "0/0/00"])
def test_empty_cells_have_no_date(empty: object) -> None:
    assert parse_typed_date(empty) is None


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2023-02-29", "impossible_date"),
        ("2024-04-31", "impossible_date"),
        ("13/45", "month_out_of_range"),
        ("2023年闰四月初三", "no_leap_month"),
        ("农历1800年八月十五", "lunar_year_out_of_range"),
        ("农历三月四十", "lunar_day_out_of_range"),
        ("下周二", "bad_date"),
        ("hello", "bad_date"),
        ("13800138000", "bad_date"),  # a phone number, not a serial
        ("99999", "bad_date"),  # serial past 2099
        (12.5, "bad_date"),
        (True, "bad_date"),
    ],
)
def test_unreadable_or_impossible_dates_raise_with_a_code(typed: object, code: str) -> None:
    with pytest.raises(DateParseError) as raised:
        parse_typed_date(typed)
    assert raised.value.code == code
    assert isinstance(raised.value, ValueError)
