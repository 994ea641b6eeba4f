"""Merging two contacts that are one person, keeping everything from both.

The kept contact gets the other's fields where its own are empty (the longer rapport texts,
such as notes and hobbies, are joined), the higher of the two levels (a step in its level
history), the other's tags, its phones and family members and special days that it does not
have yet, and the other's whole history: interactions, gifts, gift ideas, referrals,
relations, follow-ups, expiries, purchases, level and customer-stage steps, and its places in
opportunities. Where both were in one opportunity one link stays, with a role if either had
one and the insider mark if either had it. The other contact goes to the trash with what it
did not hand over, and a ``ContactMerge`` record says what moved (``core/merge_undo.py``):
restoring it from the trash gives both people back as they were.
"""

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.core.contacts import get_contact, refresh_derived
from relbook.core.enums import DateKind, Gender
from relbook.core.errors import ValidationError
from relbook.core.fields import PLAIN_FIELDS
from relbook.core.match_keys import phone_key
from relbook.core.merge_undo import OWNED, row_json, to_json
from relbook.core.models import (
    Contact,
    ContactMerge,
    ContactRelation,
    ContactTag,
    DealContact,
    InteractionContact,
    LevelChange,
    Referral,
    SpecialDate,
)

JOINED: dict[str, str] = {
    "notes": "\n",
    "proud_moments": "\n",
    "quotes": "\n",
    "hobbies": "、",
    "topics": "、",
    "food_likes": "、",
    "food_taboos": "、",
}
"""Rapport texts where both contacts' words are kept, joined by the separator."""
FILLED: tuple[str, ...] = (
    *(f for f in PLAIN_FIELDS if f not in ("stage", "referred_by_id")),
    "organization_id",
)
"""Columns the other contact fills when the kept one's is empty (or joins, ``JOINED``)."""


def _empty(name: str, value: object) -> bool:
    if name == "gender":
        return value == Gender.UNKNOWN
    if name == "is_insider":
        return not value
    return value is None or (isinstance(value, str) and not value.strip())


def _merged_value(name: str, mine: object, theirs: object) -> object:
    """The kept contact's new value of a column, or ``mine`` when it stays."""
    if _empty(name, theirs):
        return mine
    if _empty(name, mine):
        return theirs
    joiner = JOINED.get(name)
    if joiner and isinstance(mine, str) and isinstance(theirs, str):
        if theirs.strip() not in mine:
            return mine.rstrip() + joiner + theirs.strip()
    return mine


def _date_key(special: SpecialDate) -> tuple[str, str]:
    """Custom days are told apart by their name; the other kinds come once."""
    return special.kind, special.label.strip() if special.kind == DateKind.CUSTOM else ""


class _Moves:
    """What a merge moved, set aside and added, as ``merge_undo`` reads it back."""

    def __init__(self) -> None:
        self.moved: dict[str, list[int]] = defaultdict(list)
        self.positions: dict[str, int] = {}
        self.removed: dict[str, list[dict[str, object]]] = defaultdict(list)
        self.kept_deals: list[dict[str, object]] = []
        self.added: dict[str, list[int]] = defaultdict(list)
        self.columns: dict[str, list[object]] = {}

    def as_json(self) -> str:
        return json.dumps(
            {
                "moved": self.moved,
                "positions": self.positions,
                "removed": self.removed,
                "kept_deals": self.kept_deals,
                "added": self.added,
                "columns": self.columns,
            },
            ensure_ascii=False,
            sort_keys=True,
        )


def merge_contacts(session: Session, kept_id: int, other_id: int, now: datetime) -> BookChanges:
    """Merge ``other`` into ``kept`` (both live) and move ``other`` to the trash."""
    if kept_id == other_id:
        raise ValidationError.single("contacts", "same_contact")
    kept = get_contact(session, kept_id)
    other = get_contact(session, other_id)
    moves = _Moves()
    before = {name: getattr(kept, name) for name in (*FILLED, "referred_by_id", "level")}
    for name in FILLED:
        setattr(kept, name, _merged_value(name, getattr(kept, name), getattr(other, name)))
    if kept.referred_by_id == other_id:
        kept.referred_by_id = other.referred_by_id if other.referred_by_id != kept_id else None
    elif kept.referred_by_id is None and other.referred_by_id not in (None, kept_id):
        kept.referred_by_id = other.referred_by_id
    if other.level > kept.level:
        step = LevelChange(
            changed_at=now.date(), from_level=kept.level, to_level=other.level, note=""
        )
        kept.level_changes.append(step)
        kept.level = other.level
    kept.updated_at = now
    other.deleted_at = now
    session.flush()
    if kept.level != before["level"]:
        moves.added["level_change"].append(kept.level_changes[-1].id)
    for name, old in before.items():
        new = getattr(kept, name)
        if new != old:
            moves.columns[name] = [to_json(old), to_json(new)]
    _plan_profile(kept, other, moves)
    _plan_history(session, kept_id, other_id, moves)
    session.flush()
    _apply(session, kept_id, other_id, moves)
    session.add(
        ContactMerge(kept_id=kept_id, merged_id=other_id, merged_at=now, moves=moves.as_json())
    )
    session.flush()
    session.expire_all()
    refresh_derived(session, [kept_id, other_id], now)
    return BookChanges(
        contact_ids=frozenset({kept_id, other_id, *moves.moved["referred_by"]}),
        contacts=True,
        trash=True,
        history=True,
        deals=True,
    )


def _plan_profile(kept: Contact, other: Contact, moves: _Moves) -> None:
    """Phones, family members and days the kept contact lacks; the tags it lacks."""
    have = {phone_key(p.number) or p.number.strip() for p in kept.phones}
    position = max((p.position for p in kept.phones), default=-1) + 1
    for phone in other.phones:
        key = phone_key(phone.number) or phone.number.strip()
        if key not in have:
            have.add(key)
            moves.moved["phone"].append(phone.id)
            moves.positions[str(phone.id)] = phone.position
            phone.position = position
            position += 1
    names = {m.name.strip() for m in kept.family}
    moves.moved["family_member"] += [m.id for m in other.family if m.name.strip() not in names]
    days = {_date_key(d) for d in kept.special_dates}
    for special in other.special_dates:
        if _date_key(special) not in days:
            days.add(_date_key(special))
            moves.moved["special_date"].append(special.id)
    tags = {t.id for t in kept.tags}
    moves.added["contact_tag"] += [t.id for t in other.tags if t.id not in tags]


def _plan_history(session: Session, kept_id: int, other_id: int, moves: _Moves) -> None:
    """The other's history rows: moved, or set aside where they would repeat the kept's."""
    for name, model in OWNED.items():
        if name in ("phone", "family_member", "special_date"):
            continue
        moves.moved[name] += session.scalars(
            select(model.id).where(model.contact_id == other_id).order_by(model.id)
        ).all()
    _plan_links(
        session,
        InteractionContact,
        InteractionContact.interaction_id,
        kept_id,
        other_id,
        moves,
        "interaction_contact",
    )
    _plan_deals(session, kept_id, other_id, moves)
    for model, left, right, name, first, second in (
        (Referral, Referral.referrer_id, Referral.referred_id, "referral", "referrer", "referred"),
        (
            ContactRelation,
            ContactRelation.contact_id,
            ContactRelation.other_id,
            "contact_relation",
            "relation_from",
            "relation_to",
        ),
    ):
        _plan_pairs(session, model, (left, right), (name, first, second), kept_id, other_id, moves)
    moves.moved["referred_by"] += session.scalars(
        select(Contact.id).where(Contact.referred_by_id == other_id, Contact.id != kept_id)
    ).all()


def _plan_links(
    session: Session,
    model: Any,
    key: Any,
    kept_id: int,
    other_id: int,
    moves: _Moves,
    name: str,
) -> None:
    mine = set(session.scalars(select(key).where(model.contact_id == kept_id)))
    for row in session.scalars(select(model).where(model.contact_id == other_id)):
        if getattr(row, key.key) in mine:
            moves.removed[name].append(row_json(model.__table__, row))
        else:
            moves.moved[name].append(getattr(row, key.key))


def _plan_deals(session: Session, kept_id: int, other_id: int, moves: _Moves) -> None:
    """Both in one opportunity: one link, with a role if either had one (the kept's first)
    and the insider mark if either had it."""
    mine = {
        link.opportunity_id: link
        for link in session.scalars(select(DealContact).where(DealContact.contact_id == kept_id))
    }
    for link in session.scalars(select(DealContact).where(DealContact.contact_id == other_id)):
        kept_link = mine.get(link.opportunity_id)
        if kept_link is None:
            moves.moved["deal_contact"].append(link.opportunity_id)
            continue
        moves.removed["deal_contact"].append(row_json(DealContact.__table__, link))  # type: ignore[arg-type]
        moves.kept_deals.append(
            {
                "opportunity_id": kept_link.opportunity_id,
                "role": kept_link.role,
                "is_insider": kept_link.is_insider,
            }
        )
        kept_link.role = kept_link.role or link.role
        kept_link.is_insider = kept_link.is_insider or link.is_insider


def _plan_pairs(
    session: Session,
    model: Any,
    columns: tuple[Any, Any],
    names: tuple[str, str, str],
    kept_id: int,
    other_id: int,
    moves: _Moves,
) -> None:
    """Referrals (referrer, referred) and relations (contact, other): the other's side
    becomes the kept's, unless that names the kept one twice or repeats a row it has.
    ``names`` are the record's keys: the table, then each column's."""
    left, right = columns
    name, first, second = names
    rows = list(
        session.scalars(
            select(model).where((left == other_id) | (right == other_id)).order_by(model.id)
        )
    )
    existing = {
        (getattr(r, left.key), getattr(r, right.key))
        for r in session.scalars(select(model).where((left == kept_id) | (right == kept_id)))
    }
    for row in rows:
        a, b = getattr(row, left.key), getattr(row, right.key)
        pair = (kept_id if a == other_id else a, kept_id if b == other_id else b)
        if pair[0] == pair[1] or pair in existing:
            moves.removed[name].append(row_json(model.__table__, row))
            continue
        existing.add(pair)
        if a == other_id:
            moves.moved[first].append(row.id)
        if b == other_id:
            moves.moved[second].append(row.id)


def _apply(session: Session, kept_id: int, other_id: int, moves: _Moves) -> None:
    """Carry out the plan with one statement a table."""

    def move(table: Any, column: Any, key: Any, ids: list[int]) -> None:
        if ids:
            session.execute(
                update(table)
                .where(key.in_(ids), column == other_id)
                .values({column.key: kept_id})
                .execution_options(synchronize_session=False)
            )

    for name, model in OWNED.items():
        move(model, model.contact_id, model.id, moves.moved[name])
    move(
        InteractionContact,
        InteractionContact.contact_id,
        InteractionContact.interaction_id,
        moves.moved["interaction_contact"],
    )
    move(
        DealContact, DealContact.contact_id, DealContact.opportunity_id, moves.moved["deal_contact"]
    )
    for removed in moves.removed["interaction_contact"]:
        session.execute(
            delete(InteractionContact).where(
                InteractionContact.interaction_id == removed["interaction_id"],
                InteractionContact.contact_id == other_id,
            )
        )
    for removed in moves.removed["deal_contact"]:
        session.execute(
            delete(DealContact).where(
                DealContact.opportunity_id == removed["opportunity_id"],
                DealContact.contact_id == other_id,
            )
        )
    for removed in moves.removed["referral"]:
        session.execute(delete(Referral).where(Referral.id == removed["id"]))
    for removed in moves.removed["contact_relation"]:
        session.execute(delete(ContactRelation).where(ContactRelation.id == removed["id"]))
    move(Referral, Referral.referrer_id, Referral.id, moves.moved["referrer"])
    move(Referral, Referral.referred_id, Referral.id, moves.moved["referred"])
    move(
        ContactRelation,
        ContactRelation.contact_id,
        ContactRelation.id,
        moves.moved["relation_from"],
    )
    move(ContactRelation, ContactRelation.other_id, ContactRelation.id, moves.moved["relation_to"])
    move(Contact, Contact.referred_by_id, Contact.id, moves.moved["referred_by"])
    for tag_id in moves.added["contact_tag"]:
        session.add(ContactTag(contact_id=kept_id, tag_id=tag_id))
    session.flush()
