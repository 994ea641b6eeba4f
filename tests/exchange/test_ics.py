"""The ICS export read back with icalendar: yearly rules, expanded lunar dates, alarms."""

from datetime import date, datetime

from icalendar import Calendar

from relbook.core.contact_input import ContactInput, DateInput, FamilyInput
from relbook.core.contacts import create_contact
from relbook.core.tasks import add_task
from relbook.exchange.ics import IcsOptions, IcsWords, build_calendar

NOW = datetime(2026, 11, 23, 10)
WORDS = IcsWords(
    birthday="{name} 生日",
    family_birthday="{name}：{member} 生日",
    special_date="{name}：{label}",
    follow_up="{name}：{task}",
    lunar_suffix="（农历）",
    festival_names={"spring_festival": "春节", "christmas": "圣诞节"},
)


def _events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def _by_title(events, title):
    return [e for e in events if str(e["summary"]) == title]


def test_solar_yearly_lunar_expanded_and_alarms(book):
    with book.session() as session:
        zhang = create_contact(
            session,
            ContactInput(
                "张三",
                dates=[DateInput(3, 8, 1980)],
                family=[FamilyInput("张小宝", "child", dates=[DateInput(1, 1, calendar="lunar")])],
            ),
            NOW,
        ).id
        create_contact(session, ContactInput("李四", dates=[DateInput(2, 29)]), NOW)
        add_task(session, "送方案", datetime(2026, 11, 25, 10, 30), NOW, zhang, has_time=True)
        data = build_calendar(session, NOW, IcsOptions(years=3, alarm_days=2), WORDS)
    events = _events(data)
    (solar,) = _by_title(events, "张三 生日")
    assert solar["rrule"]["FREQ"] == ["YEARLY"]
    assert solar.decoded("dtstart") == date(2026, 3, 8)
    lunar = _by_title(events, "张三：张小宝 生日（农历）")
    assert [e.decoded("dtstart") for e in lunar][:2] == [date(2027, 2, 6), date(2028, 1, 26)]
    leap = [e.decoded("dtstart") for e in _by_title(events, "李四 生日")]
    assert date(2027, 2, 28) in leap and date(2028, 2, 29) in leap
    (alarm,) = solar.walk("VALARM")
    assert alarm.decoded("trigger").total_seconds() == -(2 * 24 - 9) * 3600
    (task,) = _by_title(events, "张三：送方案")
    assert task.decoded("dtstart") == datetime(2026, 11, 25, 10, 30)
    spring = _by_title(events, "春节")
    assert spring[0].decoded("dtstart") == date(2027, 2, 6)
    (christmas,) = _by_title(events, "圣诞节")
    assert christmas["rrule"]["FREQ"] == ["YEARLY"]
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_one_contact_only_and_no_festivals(book):
    with book.session() as session:
        a = create_contact(session, ContactInput("甲", dates=[DateInput(5, 1)]), NOW).id
        create_contact(session, ContactInput("乙", dates=[DateInput(6, 1)]), NOW)
        data = build_calendar(session, NOW, IcsOptions(contact_ids=(a,)), WORDS)
    titles = {str(e["summary"]) for e in _events(data)}
    assert titles == {"甲 生日"}
