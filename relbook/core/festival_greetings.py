"""Greeting a festival person by person: who its greeting goes to and why, and who was greeted.

A greeting sent is a ``greeting`` interaction with that one person whose ``occasion_key`` is
``festival:{code}:{year}`` (``occasion_key``). The history is the record: the greeting moves
"last contacted", travels in the archive with the rest of the history, and a greeting moved to
the trash counts as not sent, so it can be sent again.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Select, func, literal, select, update
from sqlalchemy.orm import Session

from relbook.core.bulk import bulk_insert, next_id
from relbook.core.changes import BookChanges
from relbook.core.enums import InteractionType
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.festivals import NO_TIER
from relbook.core.models import (
    Contact,
    ContactTag,
    Interaction,
    InteractionContact,
    Organization,
    Tag,
)
from relbook.core.reminders import audience_clause, festival_by_code

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
    return BookChanges(contact_ids=frozenset(new), history=True)
