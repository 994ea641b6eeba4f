"""The reminder engine: every occasion due in a date range, computed from the book itself.

``today`` and ``now`` are always parameters. Yearly dates are found by index, not by looping
over contacts: the range is turned into the stored (month, day) pairs it keeps (lunar pairs
with the day-30 and leap-month rules applied), and SQLite returns only those dates.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, case, func, or_, select, tuple_
from sqlalchemy.orm import Session

from relbook.core.cadence import default_cadences
from relbook.core.calendar import CalendarDate, lunar_keys_for_day, solar_keys_for_day, to_solar
from relbook.core.enums import CalendarKind, DateKind, Recurrence, Stage
from relbook.core.festivals import Festival, festival_days
from relbook.core.models import (
    Contact,
    ContactTag,
    Expiry,
    FamilyMember,
    FestivalRow,
    Interaction,
    InteractionContact,
    SpecialDate,
    Tag,
    Task,
)
from relbook.core.settings import get_setting

KINDS: tuple[str, ...] = (
    "birthday",
    "family_birthday",
    "special_date",
    "festival",
    "follow_up",
    "stay_in_touch",
    "after_deal",
    "expiry",
)


@dataclass(frozen=True)
class Occurrence:
    """One occasion. ``key`` identifies it across runs (to record what fired and was done)."""

    key: str
    kind: str
    date: date
    notice_from: date
    contact_id: int | None
    contact_name: str | None
    title: str
    calendar: str = CalendarKind.SOLAR
    at: datetime | None = None
    recipients: int | None = None
    overdue: bool = False
    details: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class FestivalAudience:
    """Who a festival greeting goes to; empty tuples mean "any"."""

    tiers: tuple[str, ...] = ("A", "B")
    stages: tuple[str, ...] = (Stage.POTENTIAL, Stage.INTERESTED, Stage.CUSTOMER)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Stored:
    """The columns of a special date the engine needs (plain values, no ORM instance)."""

    id: int
    kind: str
    label: str
    calendar: str
    year: int | None
    month: int
    day: int
    is_leap_month: bool
    recurrence: str


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def _yearly_keys(start: date, end: date) -> dict[str, dict[tuple[int, int], list[date]]]:
    """For each calendar: stored (month, day) -> the solar days in range that keep it."""
    keys: dict[str, dict[tuple[int, int], list[date]]] = {"solar": {}, "lunar": {}}
    for day in _days(start, end):
        for pair in solar_keys_for_day(day):
            keys["solar"].setdefault(pair, []).append(day)
        for pair in lunar_keys_for_day(day):
            keys["lunar"].setdefault(pair, []).append(day)
    return keys


def _date_clause(keys: dict[str, dict[tuple[int, int], list[date]]]) -> ColumnElement[bool]:
    parts = []
    for calendar, pairs in keys.items():
        if pairs:
            parts.append(
                and_(
                    SpecialDate.calendar == calendar,
                    tuple_(SpecialDate.month, SpecialDate.day).in_(list(pairs)),
                )
            )
    return or_(*parts) if parts else SpecialDate.id.is_(None)


def _special_dates(
    session: Session, start: date, end: date, advance: dict[str, int]
) -> list[Occurrence]:
    keys = _yearly_keys(start, end)
    owner_id = func.coalesce(SpecialDate.contact_id, FamilyMember.contact_id)
    rows = session.execute(
        select(
            SpecialDate.id,
            SpecialDate.kind,
            SpecialDate.label,
            SpecialDate.calendar,
            SpecialDate.year,
            SpecialDate.month,
            SpecialDate.day,
            SpecialDate.is_leap_month,
            SpecialDate.recurrence,
            Contact.id,
            Contact.name,
            FamilyMember.name,
        )
        .outerjoin(FamilyMember, FamilyMember.id == SpecialDate.family_member_id)
        .join(Contact, Contact.id == owner_id)
        .where(Contact.deleted_at.is_(None), _date_clause(keys))
    ).all()
    found: list[Occurrence] = []
    for row in rows:
        special = _Stored(*row[:9])
        contact_id, contact_name, member_name = row[9:]
        for day in keys[special.calendar].get((special.month, special.day), []):
            if special.recurrence == Recurrence.ONCE:
                if special.year is None or _exact_day(special) != day:
                    continue
            elif special.year is not None and day.year < special.year:
                continue
            if special.kind == DateKind.BIRTHDAY:
                kind = "family_birthday" if member_name is not None else "birthday"
                notice = advance["birthday"]
            else:
                kind, notice = "special_date", advance["special_date"]
            found.append(
                Occurrence(
                    key=f"{kind}:{special.id}:{day.isoformat()}",
                    kind=kind,
                    date=day,
                    notice_from=day - timedelta(days=notice),
                    contact_id=contact_id,
                    contact_name=contact_name,
                    title=member_name or special.label or "",
                    calendar=special.calendar,
                    details={
                        "date_kind": special.kind,
                        "month": special.month,
                        "day": special.day,
                        "year": special.year,
                        "age": day.year - special.year if special.year else None,
                    },
                )
            )
    return found


def _exact_day(special: "_Stored") -> date | None:
    return to_solar(
        CalendarDate(
            CalendarKind(special.calendar),
            special.month,
            special.day,
            special.year,
            special.is_leap_month,
        )
    )


def audience_clause(audience: FestivalAudience) -> ColumnElement[bool]:
    parts: list[ColumnElement[bool]] = [Contact.deleted_at.is_(None)]
    if audience.tiers:
        parts.append(Contact.tier.in_(audience.tiers))
    if audience.stages:
        parts.append(Contact.stage.in_(audience.stages))
    if audience.tags:
        tagged = (
            select(ContactTag.contact_id)
            .join(Tag, Tag.id == ContactTag.tag_id)
            .where(Tag.name.in_(audience.tags))
        )
        parts.append(Contact.id.in_(tagged))
    return and_(*parts)


def _festivals(
    session: Session,
    start: date,
    end: date,
    notice: int,
    festivals: list[tuple[Festival, FestivalAudience]],
) -> list[Occurrence]:
    found: list[Occurrence] = []
    counts: dict[FestivalAudience, int] = {}
    for festival, audience in festivals:
        for day in festival_days(festival, start, end):
            if audience not in counts:
                counts[audience] = (
                    session.scalar(
                        select(func.count()).select_from(Contact).where(audience_clause(audience))
                    )
                    or 0
                )
            found.append(
                Occurrence(
                    key=f"festival:{festival.code}:{day.isoformat()}",
                    kind="festival",
                    date=day,
                    notice_from=day - timedelta(days=notice),
                    contact_id=None,
                    contact_name=None,
                    title=festival.name or festival.code,
                    calendar=festival.calendar,
                    recipients=counts[audience],
                    details={"festival": festival.code, "name": festival.name},
                )
            )
    return found


def _follow_ups(session: Session, start: date, end: date) -> list[Occurrence]:
    """Open next steps due by ``end`` (earlier ones are overdue and included)."""
    rows = session.execute(
        select(Interaction, Contact.id, Contact.name)
        .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
        .join(Contact, Contact.id == InteractionContact.contact_id)
        .where(
            Interaction.deleted_at.is_(None),
            Interaction.next_step_done_at.is_(None),
            Interaction.next_step_due.is_not(None),
            Interaction.next_step_due < datetime.combine(end + timedelta(days=1), time()),
            Contact.deleted_at.is_(None),
            InteractionContact.position == 0,
        )
    ).all()
    found = []
    for interaction, contact_id, contact_name in rows:
        due: datetime = interaction.next_step_due
        found.append(
            Occurrence(
                key=f"follow_up:{interaction.id}:{due.isoformat(timespec='minutes')}",
                kind="follow_up",
                date=due.date(),
                notice_from=due.date(),
                contact_id=contact_id,
                contact_name=contact_name,
                title=interaction.next_step,
                at=due,
                overdue=due.date() < start,
                details={"interaction_id": interaction.id, "interaction_kind": interaction.kind},
            )
        )
    return found


def _stay_in_touch(session: Session, start: date, end: date) -> list[Occurrence]:
    """Contacts whose cadence runs out by ``end``, due on the day it ran out."""
    defaults = default_cadences(session)
    cadence = func.coalesce(
        Contact.cadence_days,
        case(
            (Contact.stage == Stage.LOST, None),
            (Contact.tier == "A", defaults["A"]),
            (Contact.tier == "B", defaults["B"]),
            (Contact.tier == "C", defaults["C"]),
            else_=None,
        ),
    )
    since = func.coalesce(Contact.last_contacted_at, Contact.created_at)
    due = func.date(since, func.printf("+%d days", cadence))
    rows = session.execute(
        select(Contact.id, Contact.name, due, cadence, Contact.last_contacted_at).where(
            Contact.deleted_at.is_(None), cadence.is_not(None), due <= end.isoformat()
        )
    ).all()
    found = []
    for contact_id, name, due_text, days, last in rows:
        due_day = date.fromisoformat(due_text)
        found.append(
            Occurrence(
                key=f"stay_in_touch:{contact_id}:{due_day.isoformat()}",
                kind="stay_in_touch",
                date=due_day,
                notice_from=due_day,
                contact_id=contact_id,
                contact_name=name,
                title="",
                overdue=due_day < start,
                details={"cadence_days": days, "last_contacted": last},
            )
        )
    return found


def book_festivals(session: Session) -> list[tuple[Festival, FestivalAudience]]:
    """The enabled festivals of the book with each one's audience."""
    rows = session.scalars(
        select(FestivalRow).where(FestivalRow.enabled.is_(True)).order_by(FestivalRow.position)
    )
    return [
        (
            Festival(
                row.code or f"custom:{row.id}",
                CalendarKind(row.calendar),
                row.month,
                row.day,
                row.last_day,
                row.name,
            ),
            FestivalAudience(
                tiers=tuple(row.audience_tiers),
                stages=tuple(s for s in row.audience_stages.split(",") if s),
                tags=tuple(t for t in row.audience_tags.split(",") if t),
            ),
        )
        for row in rows
    ]


def festival_recipients(session: Session, festival_code: str) -> list[tuple[int, str]]:
    """(id, name) of the contacts a festival's greeting goes to, in pinyin order."""
    for festival, audience in book_festivals(session):
        if festival.code == festival_code:
            return [
                (row[0], row[1])
                for row in session.execute(
                    select(Contact.id, Contact.name)
                    .where(audience_clause(audience))
                    .order_by(Contact.sort_key)
                )
            ]
    return []


def _tasks(session: Session, start: date, end: date) -> list[Occurrence]:
    """Open tasks (and after-deal thank-yous) due by ``end``; earlier ones are overdue."""
    rows = session.execute(
        select(Task, Contact.name)
        .outerjoin(Contact, Contact.id == Task.contact_id)
        .where(
            Task.deleted_at.is_(None),
            Task.done_at.is_(None),
            Task.due_at < datetime.combine(end + timedelta(days=1), time()),
            or_(Task.contact_id.is_(None), Contact.deleted_at.is_(None)),
        )
    ).all()
    return [
        Occurrence(
            key=f"task:{task.id}:{task.due_at.isoformat(timespec='minutes')}",
            kind="after_deal" if task.kind == "after_deal" else "follow_up",
            date=task.due_at.date(),
            notice_from=task.due_at.date(),
            contact_id=task.contact_id,
            contact_name=name,
            title=task.title,
            at=task.due_at if task.has_time else None,
            overdue=task.due_at.date() < start,
            details={"task_id": task.id},
        )
        for task, name in rows
    ]


def _expiries(session: Session, start: date, end: date) -> list[Occurrence]:
    rows = session.execute(
        select(Expiry, Contact.name)
        .join(Contact, Contact.id == Expiry.contact_id)
        .where(
            Expiry.deleted_at.is_(None),
            Contact.deleted_at.is_(None),
            Expiry.expires_on >= start,
            Expiry.expires_on <= end,
        )
    ).all()
    return [
        Occurrence(
            key=f"expiry:{expiry.id}:{expiry.expires_on.isoformat()}",
            kind="expiry",
            date=expiry.expires_on,
            notice_from=expiry.expires_on - timedelta(days=expiry.notice_days),
            contact_id=expiry.contact_id,
            contact_name=name,
            title=expiry.label,
            details={"expiry_kind": expiry.kind, "expiry_id": expiry.id},
        )
        for expiry, name in rows
    ]


def open_follow_ups(session: Session, start: date, end: date) -> list[Occurrence]:
    """Open next steps and tasks due by ``end`` (those before ``start`` marked overdue)."""
    return _follow_ups(session, start, end) + _tasks(session, start, end)


def occurrences(
    session: Session,
    start: date,
    end: date,
    festivals: list[tuple[Festival, FestivalAudience]] | None = None,
    expiries_until: date | None = None,
) -> list[Occurrence]:
    """Every occasion dated in ``[start, end]``, plus open follow-ups and neglect already due.

    Sorted by date, then kind, then contact name. ``expiries_until`` looks further ahead for
    expiry dates, whose notice can start months before (used to find notices due now).
    """
    if end < start:
        return []
    advance = {
        "birthday": get_setting(session, "remind.advance.birthday"),
        "special_date": get_setting(session, "remind.advance.special_date"),
    }
    found = _special_dates(session, start, end, advance)
    found += _festivals(
        session,
        start,
        end,
        get_setting(session, "remind.advance.festival"),
        book_festivals(session) if festivals is None else festivals,
    )
    found += _follow_ups(session, start, end)
    found += _tasks(session, start, end)
    found += _expiries(session, start, expiries_until or end)
    found += _stay_in_touch(session, start, end)
    order = {kind: index for index, kind in enumerate(KINDS)}
    found.sort(key=lambda o: (o.date, order[o.kind], o.contact_name or "", o.key))
    return found
