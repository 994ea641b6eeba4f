"""A contact's story, newest first: interactions, gifts, level changes and special days passed."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from relbook.core.calendar import CalendarDate, occurrences_between
from relbook.core.contacts import get_contact
from relbook.core.enums import CalendarKind, Recurrence
from relbook.core.gifts import from_cents, gifts_of
from relbook.core.history import interactions_of
from relbook.core.models import Contact, SpecialDate

KINDS: tuple[str, ...] = ("interaction", "gift", "level", "date")
PASSED_DATES_YEARS = 3
"""How far back passed birthdays and anniversaries are shown."""


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the story; ``subtype`` is the interaction type, gift direction or date kind."""

    kind: str
    when: datetime
    subtype: str
    ref_id: int
    summary: str
    details: dict[str, object]


def _interactions(session: Session, contact_id: int) -> list[TimelineEntry]:
    names = {}
    entries = []
    for interaction in interactions_of(session, contact_id):
        others = [p.contact_id for p in interaction.participants if p.contact_id != contact_id]
        for other in others:
            if other not in names:
                person = session.get(Contact, other)
                names[other] = person.name if person else ""
        entries.append(
            TimelineEntry(
                kind="interaction",
                when=interaction.occurred_at,
                subtype=interaction.kind,
                ref_id=interaction.id,
                summary=interaction.notes,
                details={
                    "place": interaction.place,
                    "outcome": interaction.outcome,
                    "next_step": interaction.next_step,
                    "next_step_due": interaction.next_step_due,
                    "next_step_done_at": interaction.next_step_done_at,
                    "with": [names[o] for o in others],
                },
            )
        )
    return entries


def _gifts(session: Session, contact: Contact) -> list[TimelineEntry]:
    members = {m.id: m.name for m in contact.family}
    return [
        TimelineEntry(
            kind="gift",
            when=datetime.combine(gift.given_on, time()),
            subtype=gift.direction,
            ref_id=gift.id,
            summary=gift.item,
            details={
                "occasion": gift.occasion,
                "value": from_cents(gift.value_cents),
                "recipient": members.get(gift.family_member_id or -1, ""),
                "notes": gift.notes,
            },
        )
        for gift in gifts_of(session, contact.id)
    ]


def _levels(contact: Contact) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            kind="level",
            when=datetime.combine(change.changed_at, time()),
            subtype="level",
            ref_id=change.id,
            summary=change.note,
            details={"from": change.from_level, "to": change.to_level},
        )
        for change in contact.level_changes
    ]


def _dates(contact: Contact, today: date) -> list[TimelineEntry]:
    start = max(contact.created_at.date(), today - timedelta(days=365 * PASSED_DATES_YEARS))
    owned: list[tuple[SpecialDate, str]] = [(d, "") for d in contact.special_dates]
    for member in contact.family:
        owned += [(d, member.name) for d in member.special_dates]
    entries = []
    for special, owner in owned:
        value = CalendarDate(
            CalendarKind(special.calendar),
            special.month,
            special.day,
            special.year,
            special.is_leap_month,
        )
        for day in occurrences_between(value, Recurrence(special.recurrence), start, today):
            entries.append(
                TimelineEntry(
                    kind="date",
                    when=datetime.combine(day, time()),
                    subtype=special.kind,
                    ref_id=special.id,
                    summary=special.label,
                    details={"family_member": owner, "calendar": special.calendar},
                )
            )
    return entries


def timeline(
    session: Session, contact_id: int, today: date, kinds: set[str] | None = None
) -> list[TimelineEntry]:
    """Everything that happened with a contact, newest first, optionally only some kinds."""
    wanted = set(KINDS) if kinds is None else kinds
    contact = get_contact(session, contact_id)
    entries: list[TimelineEntry] = []
    if "interaction" in wanted:
        entries += _interactions(session, contact_id)
    if "gift" in wanted:
        entries += _gifts(session, contact)
    if "level" in wanted:
        entries += _levels(contact)
    if "date" in wanted:
        entries += _dates(contact, today)
    order = {kind: index for index, kind in enumerate(KINDS)}
    entries.sort(key=lambda e: (e.when, -order[e.kind], e.ref_id), reverse=True)
    return entries
