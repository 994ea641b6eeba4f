"""Festivals on solar terms and weekdays move from year to year: the calendar lists each day."""

from datetime import date, datetime

from icalendar import Calendar

from relbook.exchange.ics import IcsOptions, IcsWords, build_calendar

NOW = datetime(2026, 11, 23, 10)
WORDS = IcsWords(
    birthday="{name} 生日",
    family_birthday="{name}：{member} 生日",
    special_date="{name}：{label}",
    follow_up="{name}：{task}",
    lunar_suffix="（农历）",
    festival_names={"qingming": "清明节", "mothers_day": "母亲节"},
)


def test_solar_term_and_weekday_festivals_are_listed_day_by_day(book):
    with book.session() as session:
        data = build_calendar(session, NOW, IcsOptions(years=2), WORDS)
    events = Calendar.from_ical(data).walk("VEVENT")
    for title, days in (
        ("清明节", [date(2027, 4, 5), date(2028, 4, 4)]),
        ("母亲节", [date(2027, 5, 9), date(2028, 5, 14)]),
    ):
        found = [e for e in events if str(e["summary"]) == title]
        assert [e.decoded("dtstart") for e in found] == days
        assert all("rrule" not in e for e in found)
