"""What the PDF reports say: one contact's dossier and the activity of a period. No Qt here.

Everything is copied out of the session into plain records, so the report can be laid out after
the session is closed (and on another thread). Trashed contacts, interactions and gifts are left
out, as everywhere else in the book.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.calendar import CalendarDate, next_occurrence
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import calendar_date_of, get_contact, to_input
from relbook.core.deal_reports import ContactDeals, DealActivity, contact_deals, deal_activity
from relbook.core.enums import GiftDirection, InteractionType, Recurrence
from relbook.core.errors import ValidationError
from relbook.core.gifts import YearTotal, from_cents, gifts_of, ideas_of, yearly_totals
from relbook.core.history import interactions_of
from relbook.core.models import (
    Contact,
    FamilyMember,
    Gift,
    Interaction,
    InteractionContact,
    LevelChange,
    Organization,
    SpecialDate,
)
from relbook.core.profile import live_names
from relbook.core.supported_days import require_supported_day
from relbook.core.tiers import SCORE_FIELDS, importance_total

PRESETS: tuple[str, ...] = ("this_week", "last_week", "this_month", "last_month")
"""The periods a weekly or monthly report is usually about, in menu order."""


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """Whole days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def bounds(self) -> tuple[datetime, datetime]:
        """The first moment of the period and the first moment after it."""
        return datetime.combine(self.start, time()), datetime.combine(
            self.end + timedelta(days=1), time()
        )


def check_period(start: date, end: date) -> Period:
    """The period, or a ValidationError when it ends before it starts or leaves the
    supported range of days."""
    require_supported_day("from", start)
    require_supported_day("to", end)
    if start > end:
        raise ValidationError.single("from", "too_large", maximum=end.isoformat())
    return Period(start, end)


def preset_period(preset: str, today: date, first_weekday: int = 0) -> Period:
    """This or last week (starting on ``first_weekday``, 0 Monday .. 6 Sunday) or month."""
    if preset in ("this_week", "last_week"):
        monday_based = (today.weekday() - first_weekday) % 7
        start = today - timedelta(days=monday_based)
        if preset == "last_week":
            start -= timedelta(days=7)
        return Period(start, start + timedelta(days=6))
    if preset in ("this_month", "last_month"):
        first = today.replace(day=1)
        if preset == "last_month":
            first = (first - timedelta(days=1)).replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return Period(first, following - timedelta(days=1))
    raise ValueError(f"unknown period preset {preset!r}")


# ---------------------------------------------------------------- shared lines


@dataclass(frozen=True)
class LevelLine:
    """One step on the ladder; ``from_level`` is None for a new contact's starting level."""

    changed_on: date
    from_level: int | None
    to_level: int
    note: str
    contact_name: str = ""


@dataclass(frozen=True)
class GiftLine:
    """A gift; ``recipient`` names the family member it was for, empty for the contact."""

    given_on: date
    direction: str
    item: str
    value: Decimal | None
    occasion: str
    recipient: str = ""
    contact_name: str = ""


@dataclass(frozen=True)
class GiftTotals:
    given_count: int
    given: Decimal
    received_count: int
    received: Decimal


def gift_totals(lines: Iterable[GiftLine]) -> GiftTotals:
    """Counts and value of gifts each way; a gift without a value counts but adds nothing."""
    counts: Counter[str] = Counter()
    sums = {
        GiftDirection.GIVEN.value: Decimal("0.00"),
        GiftDirection.RECEIVED.value: Decimal("0.00"),
    }
    for line in lines:
        counts[line.direction] += 1
        if line.value is not None:
            sums[line.direction] = sums.get(line.direction, Decimal("0.00")) + line.value
    return GiftTotals(
        counts[GiftDirection.GIVEN],
        sums[GiftDirection.GIVEN],
        counts[GiftDirection.RECEIVED],
        sums[GiftDirection.RECEIVED],
    )


# ---------------------------------------------------------------- the dossier


@dataclass(frozen=True)
class DatedDay:
    """A special date as entered (solar or lunar), with the solar day it is next kept on."""

    kind: str
    label: str
    value: CalendarDate
    recurrence: str
    next_on: date | None


@dataclass(frozen=True)
class FamilyLine:
    name: str
    relation: str
    notes: str
    dates: tuple[DatedDay, ...]


@dataclass(frozen=True)
class InteractionLine:
    """One interaction; ``others`` are the other live contacts who took part."""

    occurred_at: datetime
    kind: str
    place: str
    notes: str
    outcome: str
    next_step: str
    next_step_due: datetime | None
    others: tuple[str, ...]


@dataclass(frozen=True)
class Dossier:
    """Everything to read about one contact before a visit; lists newest first, except the
    level history, which reads as a story from the first level on."""

    contact_id: int
    profile: ContactInput
    tier: str | None
    importance: int | None
    referrer: str
    last_contacted: datetime | None
    dates: tuple[DatedDay, ...]
    family: tuple[FamilyLine, ...]
    levels: tuple[LevelLine, ...]
    interactions: tuple[InteractionLine, ...]
    gifts: tuple[GiftLine, ...]
    totals: GiftTotals
    yearly: tuple[YearTotal, ...]
    ideas: tuple[str, ...]
    today: date
    deals: ContactDeals
    """The contact's opportunities with their role, and their purchases."""


def _dated(rows: Iterable[SpecialDate], today: date) -> tuple[DatedDay, ...]:
    days = []
    for row in rows:
        value = calendar_date_of(row)
        days.append(
            DatedDay(
                kind=row.kind,
                label=row.label,
                value=value,
                recurrence=row.recurrence,
                next_on=next_occurrence(value, Recurrence(row.recurrence), today),
            )
        )
    return tuple(days)


def dossier(session: Session, contact_id: int, today: date) -> Dossier:
    """One live contact's dossier; NotFoundError if the contact is gone or trashed."""
    contact = get_contact(session, contact_id)
    referrer = ""
    if contact.referred_by_id is not None:
        found = session.get(Contact, contact.referred_by_id)
        referrer = found.name if found is not None else ""
    interactions = interactions_of(session, contact_id)
    names = live_names(session, {p.contact_id for i in interactions for p in i.participants})
    members = {m.id: m.name for m in contact.family}
    gifts = tuple(
        GiftLine(
            given_on=g.given_on,
            direction=g.direction,
            item=g.item,
            value=from_cents(g.value_cents),
            occasion=g.occasion,
            recipient=members.get(g.family_member_id or -1, ""),
        )
        for g in gifts_of(session, contact_id)
    )
    return Dossier(
        contact_id=contact.id,
        profile=to_input(contact),
        tier=contact.tier,
        importance=importance_total({name: getattr(contact, name) for name in SCORE_FIELDS}),
        referrer=referrer,
        last_contacted=contact.last_contacted_at,
        dates=_dated(contact.special_dates, today),
        family=tuple(
            FamilyLine(m.name, m.relation, m.notes, _dated(m.special_dates, today))
            for m in contact.family
        ),
        levels=tuple(
            LevelLine(c.changed_at, c.from_level, c.to_level, c.note) for c in contact.level_changes
        ),
        interactions=tuple(
            InteractionLine(
                occurred_at=i.occurred_at,
                kind=i.kind,
                place=i.place,
                notes=i.notes,
                outcome=i.outcome,
                next_step=i.next_step,
                next_step_due=i.next_step_due,
                others=tuple(
                    names[p.contact_id]
                    for p in i.participants
                    if p.contact_id != contact_id and p.contact_id in names
                ),
            )
            for i in interactions
        ),
        gifts=gifts,
        totals=gift_totals(gifts),
        yearly=tuple(yearly_totals(session, contact_id)),
        ideas=tuple(i.idea for i in ideas_of(session, contact_id) if i.status == "open"),
        today=today,
        deals=contact_deals(session, contact_id),
    )


# ---------------------------------------------------------------- the activity report


@dataclass(frozen=True)
class ContactActivity:
    """How often one contact was touched in the period, in total and per interaction type."""

    contact_id: int
    name: str
    company: str
    by_type: Mapping[str, int]
    total: int


@dataclass(frozen=True)
class NewContact:
    contact_id: int
    name: str
    company: str
    level: int
    stage: str
    source: str | None
    created_at: datetime


@dataclass(frozen=True)
class ActivityReport:
    """The weekly (or any period's) report to the manager."""

    period: Period
    by_type: tuple[tuple[str, int], ...]
    """Interaction type and count, in the usual type order; only types that occurred."""
    by_contact: tuple[ContactActivity, ...]
    """Most touched first."""
    level_changes: tuple[LevelLine, ...]
    gifts: tuple[GiftLine, ...]
    totals: GiftTotals
    new_contacts: tuple[NewContact, ...]
    deals: DealActivity
    """The funnel's progress, the opportunities won and lost and the purchases made."""

    @property
    def interaction_count(self) -> int:
        return sum(count for _kind, count in self.by_type)

    @property
    def contacts_reached(self) -> int:
        return len(self.by_contact)

    @property
    def level_ups(self) -> int:
        return sum(1 for c in self.level_changes if c.to_level > (c.from_level or 0))

    @property
    def level_downs(self) -> int:
        return sum(1 for c in self.level_changes if c.to_level < (c.from_level or 0))

    def types(self) -> tuple[str, ...]:
        return tuple(kind for kind, _count in self.by_type)


def _type_order(kind: str) -> tuple[int, str]:
    known = [t.value for t in InteractionType]
    return (known.index(kind), "") if kind in known else (len(known), kind)


def _interactions_in(session: Session, period: Period) -> tuple[tuple, tuple]:
    """(by type, by contact) for the live interactions with at least one live contact."""
    start, after = period.bounds()
    rows = session.execute(
        select(
            Interaction.id,
            Interaction.kind,
            Contact.id,
            Contact.name,
            Contact.sort_key,
            Organization.name,
        )
        .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
        .join(Contact, Contact.id == InteractionContact.contact_id)
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .where(
            Interaction.deleted_at.is_(None),
            Contact.deleted_at.is_(None),
            Interaction.occurred_at >= start,
            Interaction.occurred_at < after,
        )
    ).all()
    kinds: dict[int, str] = {}
    people: dict[int, tuple[str, str, str]] = {}
    touches: dict[int, Counter[str]] = {}
    for interaction_id, kind, contact_id, name, sort_key, company in rows:
        kinds[interaction_id] = kind
        people[contact_id] = (name, sort_key, company or "")
        touches.setdefault(contact_id, Counter())[kind] += 1
    type_counts = Counter(kinds.values())
    by_type = tuple(sorted(type_counts.items(), key=lambda item: _type_order(item[0])))
    ordered = sorted(touches, key=lambda c: (-sum(touches[c].values()), people[c][1], c))
    by_contact = tuple(
        ContactActivity(
            contact_id=c,
            name=people[c][0],
            company=people[c][2],
            by_type=dict(touches[c]),
            total=sum(touches[c].values()),
        )
        for c in ordered
    )
    return by_type, by_contact


def _level_changes_in(session: Session, period: Period) -> tuple[LevelLine, ...]:
    """Real steps on the ladder; a new contact's starting level is not a change."""
    rows = session.execute(
        select(LevelChange, Contact.name)
        .join(Contact, Contact.id == LevelChange.contact_id)
        .where(
            LevelChange.changed_at >= period.start,
            LevelChange.changed_at <= period.end,
            LevelChange.from_level.is_not(None),
            Contact.deleted_at.is_(None),
        )
        .order_by(LevelChange.changed_at, LevelChange.id)
    ).all()
    return tuple(
        LevelLine(change.changed_at, change.from_level, change.to_level, change.note, name)
        for change, name in rows
    )


def _gifts_in(session: Session, period: Period) -> tuple[GiftLine, ...]:
    rows = session.execute(
        select(Gift, Contact.name, FamilyMember.name)
        .join(Contact, Contact.id == Gift.contact_id)
        .outerjoin(FamilyMember, FamilyMember.id == Gift.family_member_id)
        .where(
            Gift.deleted_at.is_(None),
            Contact.deleted_at.is_(None),
            Gift.given_on >= period.start,
            Gift.given_on <= period.end,
        )
        .order_by(Gift.given_on, Gift.id)
    ).all()
    return tuple(
        GiftLine(
            given_on=gift.given_on,
            direction=gift.direction,
            item=gift.item,
            value=from_cents(gift.value_cents),
            occasion=gift.occasion,
            recipient=member or "",
            contact_name=name,
        )
        for gift, name, member in rows
    )


def _new_contacts_in(session: Session, period: Period) -> tuple[NewContact, ...]:
    start, after = period.bounds()
    rows = session.execute(
        select(
            Contact.id,
            Contact.name,
            Organization.name,
            Contact.level,
            Contact.stage,
            Contact.source,
            Contact.created_at,
        )
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .where(
            Contact.deleted_at.is_(None),
            Contact.created_at >= start,
            Contact.created_at < after,
        )
        .order_by(Contact.created_at, Contact.id)
    ).all()
    return tuple(
        NewContact(cid, name, company or "", level, stage, source, created)
        for cid, name, company, level, stage, source, created in rows
    )


def activity_report(session: Session, period: Period, today: date | None = None) -> ActivityReport:
    """Interactions, level changes, gifts, new contacts, deals closed and purchases made from
    ``period.start`` to its end, and the funnel's progress as of the period's last day (or
    ``today`` when the period runs past it): see ``deal_reports.deal_activity``."""
    as_of = period.end if today is None else min(period.end, today)
    by_type, by_contact = _interactions_in(session, period)
    gifts = _gifts_in(session, period)
    return ActivityReport(
        period=period,
        by_type=by_type,
        by_contact=by_contact,
        level_changes=_level_changes_in(session, period),
        gifts=gifts,
        totals=gift_totals(gifts),
        new_contacts=_new_contacts_in(session, period),
        deals=deal_activity(session, period.start, period.end, as_of),
    )
