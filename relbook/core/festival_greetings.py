"""Greeting a festival person by person: who its greeting goes to and why, and who was greeted.

A greeting sent is a ``greeting`` interaction with that one person whose ``occasion_key`` is
``festival:{code}:{year}`` (``occasion_key``). The history is the record: the greeting moves
"last contacted", travels in the archive with the rest of the history, and a greeting moved to
the trash counts as not sent, so it can be sent again.
"""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Select, func, literal, select, update
from sqlalchemy.orm import Session

from relbook.core.bulk import bulk_insert, next_id
from relbook.core.changes import BookChanges
from relbook.core.due import LATE_DAYS
from relbook.core.enums import InteractionType
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.festival_book import list_festivals
from relbook.core.festivals import NO_TIER, Festival, festival_days
from relbook.core.greetings import Addressee, Greeter
from relbook.core.models import (
    Contact,
    ContactTag,
    Interaction,
    InteractionContact,
    Organization,
    Tag,
)
from relbook.core.reminders import FestivalAudience, audience_clause, festival_by_code
from relbook.core.supported_days import SUPPORTED_FIRST, SUPPORTED_LAST, add_days

CHUNK = 900
"""Ids per ``IN (...)``: below SQLite's old limit of 999 bound parameters."""


class Reason(NamedTuple):
    """One rule of the festival's audience a recipient meets: ``rule`` is ``tier`` (``value``
    ``A``, ``B``, ``C`` or ``NO_TIER``), ``stage`` (a stage code) or ``tag`` (a tag's name).
    A rule the audience leaves open ("any tier") gives no reason."""

    rule: str
    value: str


@dataclass(frozen=True)
class Recipient:
    """A contact a festival's greeting goes to, as plain values."""

    contact_id: int
    name: str
    salutation: str
    """How greetings address them (王总, 李老师); empty means by ``name``."""
    title: str
    company: str
    gender: str
    personality: str | None
    tier: str | None
    stage: str
    reasons: tuple[Reason, ...]
    """Why they are included: the tier rule, then the stage rule, then each tag that matched."""
    sent: bool
    """Whether they were already greeted for this festival in this year."""


def occasion_key(festival_code: str, year: int) -> str:
    """What ``Interaction.occasion_key`` holds for a greeting of this festival in ``year``."""
    return f"festival:{festival_code}:{year}"


def _greeted(key: str) -> Select[int]:
    """The contacts with a live greeting interaction for ``key`` (by its partial index)."""
    return (
        select(InteractionContact.contact_id)
        .join(Interaction, Interaction.id == InteractionContact.interaction_id)
        .where(Interaction.occasion_key == key, Interaction.deleted_at.is_(None))
    )


def festival_recipients(session: Session, festival_code: str, year: int) -> list[Recipient]:
    """Everyone the festival's greeting goes to in ``year`` (the solar year of its day), in
    pinyin order, with why and whether they were greeted already; one query, however many.

    ``festival_code`` is ``Festival.code`` (``custom:{id}`` for a user's own festival); an
    unknown one has no recipients. A festival switched off still has its audience.
    """
    found = festival_by_code(session, festival_code)
    if found is None:
        return []
    _festival, audience = found
    matched_tags = (
        select(func.json_group_array(Tag.name))
        .select_from(ContactTag)
        .join(Tag, Tag.id == ContactTag.tag_id)
        .where(ContactTag.contact_id == Contact.id, Tag.name.in_(audience.tags))
        .scalar_subquery()
        if audience.tags
        else literal(None)
    )
    # through the connection: the ORM's handling of result rows doubled the time
    rows = session.connection().execute(
        select(
            Contact.id,
            Contact.name,
            Contact.salutation,
            Contact.title,
            func.coalesce(Organization.name, ""),
            Contact.gender,
            Contact.personality,
            Contact.tier,
            Contact.stage,
            matched_tags,
            Contact.id.in_(_greeted(occasion_key(festival_code, year))),
        )
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .where(audience_clause(audience))
        .order_by(Contact.sort_key, Contact.id)
    )
    recipients = []
    for cid, name, salutation, title, company, gender, style, tier, stage, tags, sent in rows:
        reasons: list[Reason] = []
        if audience.tiers:
            reasons.append(Reason("tier", tier or NO_TIER))
        if audience.stages:
            reasons.append(Reason("stage", stage))
        if tags:
            reasons += [Reason("tag", tag) for tag in sorted(json.loads(tags))]
        recipients.append(
            Recipient(
                cid,
                name,
                salutation,
                title,
                company,
                gender,
                style or None,
                tier or None,
                stage,
                tuple(reasons),
                bool(sent),
            )
        )
    return recipients


def mark_greeted(
    session: Session,
    festival_code: str,
    year: int,
    contact_ids: list[int],
    now: datetime,
    note: str = "",
) -> BookChanges:
    """Record that these contacts were greeted for the festival of ``year``: one ``greeting``
    interaction each at ``now`` (``note`` as its notes), which moves their "last contacted".

    Contacts already greeted for it that year are left alone, so marking twice logs once.
    Written in bulk, for thousands at a time. Raises ``NotFoundError`` for an unknown
    festival and ``ValidationError`` (``contacts``, ``not_found``) for ids of no live contact.
    """
    if festival_by_code(session, festival_code) is None:
        raise NotFoundError("festival", festival_code)
    wanted = list(dict.fromkeys(contact_ids))
    key = occasion_key(festival_code, year)
    live: set[int] = set()
    greeted: set[int] = set()
    for first in range(0, len(wanted), CHUNK):
        chunk = wanted[first : first + CHUNK]
        live.update(
            session.scalars(
                select(Contact.id).where(Contact.id.in_(chunk), Contact.deleted_at.is_(None))
            )
        )
        greeted.update(
            session.scalars(_greeted(key).where(InteractionContact.contact_id.in_(chunk)))
        )
    missing = [c for c in wanted if c not in live]
    if missing:
        raise ValidationError([FieldError("contacts", "not_found", {"id": c}) for c in missing])
    new = [c for c in wanted if c not in greeted]
    if not new:
        return BookChanges()
    session.flush()
    start = next_id(session, Interaction)
    text, kind = note.strip(), InteractionType.GREETING.value
    bulk_insert(
        session,
        Interaction,
        [
            {
                "id": start + offset,
                "kind": kind,
                "occurred_at": now,
                "place": "",
                "notes": text,
                "outcome": "",
                "next_step": "",
                "created_at": now,
                "updated_at": now,
                "occasion_key": key,
            }
            for offset in range(len(new))
        ],
    )
    bulk_insert(
        session,
        InteractionContact,
        [
            {"interaction_id": start + offset, "contact_id": contact_id, "position": 0}
            for offset, contact_id in enumerate(new)
        ],
    )
    # the greeting is their latest interaction unless one is dated after ``now``
    for first in range(0, len(new), CHUNK):
        session.execute(
            update(Contact)
            .where(
                Contact.id.in_(new[first : first + CHUNK]),
                (Contact.last_contacted_at.is_(None)) | (Contact.last_contacted_at < now),
            )
            .values(last_contacted_at=now)
            .execution_options(synchronize_session=False)
        )
    return BookChanges(
        contact_ids=frozenset(new), history=True, fields=frozenset({"last_contacted_at"})
    )


def greeted_at(session: Session, festival_code: str, year: int) -> dict[int, datetime]:
    """When each contact greeted for the festival of ``year`` was greeted (the first time, if
    a greeting was logged twice by hand), by contact id."""
    rows = session.execute(
        select(InteractionContact.contact_id, func.min(Interaction.occurred_at))
        .join(Interaction, Interaction.id == InteractionContact.interaction_id)
        .where(
            Interaction.occasion_key == occasion_key(festival_code, year),
            Interaction.deleted_at.is_(None),
        )
        .group_by(InteractionContact.contact_id)
    )
    return {contact_id: when for contact_id, when in rows}


def festival_codes(session: Session) -> list[str]:
    """Every festival of the book as ``festival_by_code`` takes it, in the list's order."""
    return [record.code or f"custom:{record.id}" for record in list_festivals(session)]


def find_festival(session: Session, festival_code: str) -> tuple[Festival, FestivalAudience]:
    """The festival of ``festival_code``; an unknown code is a ``ValidationError``
    (``festival``, ``unknown_festival``) listing the book's codes, a user-added festival's
    with its name."""
    found = festival_by_code(session, festival_code)
    if found is not None:
        return found
    choices = [
        record.code or f"custom:{record.id} ({record.data.name})"
        for record in list_festivals(session)
    ]
    raise ValidationError.single(
        "festival", "unknown_festival", value=festival_code, choices=", ".join(choices)
    )


def greeting_day(festival: Festival, today: date, year: int | None = None) -> date | None:
    """The day of the festival greeted now. In ``year`` when given (the first of that solar
    year); otherwise the first day on or after ``LATE_DAYS`` before ``today``: a festival
    missed a few days ago is still greeted (belated), as its reminder stays due that long,
    and after that the next one is. None when the calendar tables hold no such day."""
    if year is not None:
        if not SUPPORTED_FIRST.year <= year <= SUPPORTED_LAST.year:
            return None  # the calendar tables hold no day of it
        days = festival_days(festival, date(year, 1, 1), date(year, 12, 31))
    else:
        start = add_days(today, -LATE_DAYS)
        days = festival_days(festival, start, add_days(start, 400))
    return days[0] if days else None


@dataclass(frozen=True)
class FestivalGreeting:
    """A recipient with their own greeting, and when they were greeted this year (if so)."""

    recipient: Recipient
    greeting: str
    greeted_at: datetime | None


@dataclass(frozen=True)
class GreetingSheet:
    """A festival's greetings person by person: the festival, its audience and day, and a
    row for each recipient in pinyin order."""

    festival: Festival
    audience: FestivalAudience
    day: date
    rows: list[FestivalGreeting]

    @property
    def year(self) -> int:
        """The year greetings are recorded under (``occasion_key``): the solar year of the day."""
        return self.day.year


def greeting_sheet(
    session: Session,
    festival_code: str,
    day: date,
    on: date,
    language: str,
    festival_names: Mapping[str, str] | None = None,
    report: Callable[[int, int], object] | None = None,
) -> GreetingSheet:
    """Every recipient of the festival on ``day`` with the greeting worded for them if copied
    on ``on`` (their salutation, their style's variant, ahead of the day or late) in
    ``language``. ``festival_names`` holds the built-in festivals' names in that language by
    code (they come from Qt); a festival the user added has its own name. Raises as
    ``find_festival`` for an unknown code."""
    festival, audience = find_festival(session, festival_code)
    name = festival.name or (festival_names or {}).get(festival.code, festival.code)
    recipients = festival_recipients(session, festival_code, day.year)
    when = greeted_at(session, festival_code, day.year) if any(r.sent for r in recipients) else {}
    greeter = Greeter(session, language)
    rows = []
    for done, person in enumerate(recipients):
        addressee = Addressee(
            person.name,
            person.salutation,
            person.title,
            person.company,
            person.personality,
            person.gender,
        )
        greeting = greeter.festival(addressee, festival.code, day, on, name)
        rows.append(FestivalGreeting(person, greeting, when.get(person.contact_id)))
        if report is not None and done % 1000 == 0:
            report(done, len(recipients))
    return GreetingSheet(festival, audience, day, rows)
