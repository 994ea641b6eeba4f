"""ICS calendar export: birthdays, special days, festivals and follow-ups for a phone's calendar.

ICS has no lunar rule, so lunar dates (and solar February 29, which a yearly rule would skip in
common years) are written as one dated event per year for the next ``years`` years; other yearly
solar dates are one event with a yearly rule. Every event carries an alarm at 09:00 the chosen
number of days before. Words (event titles, festival names) come from the caller, in the user's
language.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relbook.core.calendar import CalendarDate, occurrences_between, solar_in_year, to_solar
from relbook.core.enums import CalendarKind, DateKind, FestivalRule, Recurrence
from relbook.core.festivals import festival_days
from relbook.core.models import Contact, FamilyMember, SpecialDate
from relbook.core.reminders import book_festivals, open_follow_ups
from relbook.core.supported_days import is_supported

ALARM_HOUR = 9


@dataclass(frozen=True)
class IcsWords:
    """Title templates with ``{name}``, ``{member}``, ``{label}``, ``{festival}``, ``{task}``."""

    birthday: str = "{name}'s birthday"
    family_birthday: str = "{name}: {member}'s birthday"
    special_date: str = "{name}: {label}"
    follow_up: str = "{name}: {task}"
    lunar_suffix: str = " (lunar)"
    calendar_name: str = "relbook"
    festival_names: dict[str, str] = field(default_factory=dict)
    date_kinds: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class IcsOptions:
    years: int = 5
    alarm_days: int = 1
    birthdays: bool = True
    special_dates: bool = True
    festivals: bool = True
    follow_ups: bool = True
    contact_ids: tuple[int, ...] | None = None


def _alarm(title: str, days_before: int) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", -timedelta(days=days_before) + timedelta(hours=ALARM_HOUR))
    return alarm


def _event(
    uid: str, title: str, day: date | datetime, now: datetime, alarm_days: int
) -> Event | None:
    """The event of ``day``; None for a day outside the supported range (a value stored
    before the range was checked), which a calendar could not show and relbook not compute."""
    if not is_supported(day):
        return None
    event = Event()
    event.add("uid", f"{uid}@relbook")
    event.add("summary", title)
    event.add("dtstart", day)
    if isinstance(day, datetime):
        event.add("dtend", day + timedelta(minutes=30))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", -timedelta(minutes=15))
        event.add_component(alarm)
    else:
        event.add("dtend", day + timedelta(days=1))
        event.add_component(_alarm(title, alarm_days))
    event.add("dtstamp", now)
    return event


def _append(events: list[Event], event: Event | None, yearly: bool = False) -> None:
    if event is not None:
        if yearly:
            event.add("rrule", {"freq": "yearly"})
        events.append(event)


def _date_rows(session: Session, contact_ids: tuple[int, ...] | None) -> list[tuple]:
    owner = func.coalesce(SpecialDate.contact_id, FamilyMember.contact_id)
    statement = (
        select(SpecialDate, Contact.name, FamilyMember.name)
        .outerjoin(FamilyMember, FamilyMember.id == SpecialDate.family_member_id)
        .join(Contact, Contact.id == owner)
        .where(Contact.deleted_at.is_(None))
        .order_by(Contact.sort_key, SpecialDate.id)
    )
    if contact_ids is not None:
        statement = statement.where(owner.in_(contact_ids))
    return [tuple(row) for row in session.execute(statement).all()]


def _date_title(special: SpecialDate, name: str, member: str | None, words: IcsWords) -> str:
    if special.kind == DateKind.BIRTHDAY:
        template = words.family_birthday if member else words.birthday
        title = template.format(name=name, member=member or "", label="", festival="", task="")
    else:
        label = special.label or words.date_kinds.get(special.kind, special.kind)
        title = words.special_date.format(name=name, member="", label=label, festival="", task="")
    return title + (words.lunar_suffix if special.calendar == CalendarKind.LUNAR else "")


def _special_events(
    session: Session, today: date, now: datetime, options: IcsOptions, words: IcsWords
) -> list[Event]:
    end = date(today.year + options.years, 12, 31)
    events: list[Event] = []
    for special, name, member in _date_rows(session, options.contact_ids):
        is_birthday = special.kind == DateKind.BIRTHDAY
        if (is_birthday and not options.birthdays) or (
            not is_birthday and not options.special_dates
        ):
            continue
        title = _date_title(special, name, member, words)
        value = CalendarDate(
            CalendarKind(special.calendar),
            special.month,
            special.day,
            special.year,
            special.is_leap_month,
        )
        uid = f"date-{special.id}"
        if special.recurrence == Recurrence.ONCE:
            exact = to_solar(value)
            if exact is not None and exact >= today:
                _append(events, _event(uid, title, exact, now, options.alarm_days))
            continue
        if special.calendar == CalendarKind.SOLAR and (special.month, special.day) != (2, 29):
            first_year = max(today.year, special.year or today.year)
            event = _event(
                uid,
                title,
                solar_in_year(first_year, special.month, special.day),
                now,
                options.alarm_days,
            )
            _append(events, event, yearly=True)
            continue
        for day in occurrences_between(value, Recurrence.YEARLY, today, end):
            _append(events, _event(f"{uid}-{day.isoformat()}", title, day, now, options.alarm_days))
    return events


def _festival_events(
    session: Session, today: date, now: datetime, options: IcsOptions, words: IcsWords
) -> list[Event]:
    end = date(today.year + options.years, 12, 31)
    events: list[Event] = []
    for festival, _audience in book_festivals(session):
        title = festival.name or words.festival_names.get(festival.code, festival.code)
        uid = f"festival-{festival.code}"
        if (
            festival.rule == FestivalRule.DATE
            and festival.calendar == CalendarKind.SOLAR
            and (festival.month, festival.day) != (2, 29)
        ):
            upcoming = festival_days(festival, today, today + timedelta(days=365))
            if upcoming:
                event = _event(uid, title, upcoming[0], now, options.alarm_days)
                _append(events, event, yearly=True)
            continue
        for day in festival_days(festival, today, end):
            _append(events, _event(f"{uid}-{day.isoformat()}", title, day, now, options.alarm_days))
    return events


def _follow_up_events(
    session: Session, today: date, now: datetime, options: IcsOptions, words: IcsWords
) -> list[Event]:
    end = date(today.year + options.years, 12, 31)
    events: list[Event] = []
    for item in open_follow_ups(session, today, end):
        if item.date < today:
            continue
        if options.contact_ids is not None and item.contact_id not in options.contact_ids:
            continue
        title = words.follow_up.format(
            name=item.contact_name or "", member="", label="", festival="", task=item.title
        )
        when: date | datetime = item.at if item.at is not None else item.date
        _append(events, _event(item.key.replace(":", "-"), title, when, now, 0))
    return events


def build_calendar(
    session: Session,
    now: datetime,
    options: IcsOptions | None = None,
    words: IcsWords | None = None,
) -> bytes:
    """The whole calendar as ICS bytes (UTF-8, CRLF), starting from ``now``'s day."""
    options = options or IcsOptions()
    words = words or IcsWords()
    today = now.date()
    calendar = Calendar()
    calendar.add("prodid", "-//relbook//relationship book//")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", words.calendar_name)
    events = _special_events(session, today, now, options, words)
    if options.festivals and options.contact_ids is None:
        events += _festival_events(session, today, now, options, words)
    if options.follow_ups:
        events += _follow_up_events(session, today, now, options, words)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
