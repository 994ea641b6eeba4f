"""Undoing a merge when the merged-away contact is restored from the trash.

A merge (``core/contact_merge.py``) writes a ``ContactMerge`` row whose ``moves`` JSON says:

- ``moved``: by table, the ids of the merged contact's rows that went over to the kept one
  (``interaction_contact`` and ``deal_contact`` by interaction and opportunity id;
  ``referrer``/``referred``/``relation_from``/``relation_to`` name which column of
  ``referral`` and ``contact_relation`` changed; ``referred_by`` lists the contacts whose
  "referred by" pointed at the merged contact);
- ``positions``: the moved phones' old positions;
- ``removed``: rows of the merged contact that would have repeated one of the kept's (the
  same interaction, referral, relation or opportunity), deleted and kept here as they were;
- ``kept_deals``: the kept contact's role and insider mark in opportunities both were in;
- ``added``: rows added to the kept contact (its new tags, the level step up);
- ``columns``: the kept contact's columns the merge changed, as ``[before, after]``.

Undoing moves back every moved row that is still on the kept contact, puts the removed rows
back, and returns each column the kept contact has not changed since: edits made to the kept
contact after the merge stay. Merges are undone newest first (``merges_to_undo``).
"""

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from relbook.core.models import (
    Contact,
    ContactMerge,
    ContactRelation,
    ContactTag,
    DealContact,
    Expiry,
    FamilyMember,
    Gift,
    GiftIdea,
    InteractionContact,
    LevelChange,
    Phone,
    Purchase,
    Referral,
    SpecialDate,
    StageChange,
    Task,
)

OWNED: dict[str, Any] = {
    "phone": Phone,
    "family_member": FamilyMember,
    "special_date": SpecialDate,
    "level_change": LevelChange,
    "stage_change": StageChange,
    "gift": Gift,
    "gift_idea": GiftIdea,
    "task": Task,
    "expiry": Expiry,
    "purchase": Purchase,
}
"""Tables whose rows belong to one contact through ``contact_id`` and move whole."""
CONTACT: Table = Contact.__table__  # type: ignore[assignment]


def to_json(value: object) -> object:
    """A column's value as the record stores it (days and times in ISO form)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def from_json(table: Table, column: str, value: object) -> object:
    """The stored value of ``table.column`` again."""
    kind = table.c[column].type
    if value is None:
        return None
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(str(value))
    if isinstance(kind, Date):
        return date.fromisoformat(str(value))
    return value


def row_json(table: Table, row: Any) -> dict[str, object]:
    """A row of ``table`` (an ORM object) as the record keeps a row set aside."""
    return {c.key: to_json(getattr(row, c.key)) for c in table.columns}


def merges_to_undo(session: Session, merged_ids: list[int]) -> list[ContactMerge]:
    """The merges that sent the given contacts to the trash, newest first, with the later
    merges they depend on: when the contact a merged one went into was merged on in turn, that
    merge is undone first (and that contact restored too), so each undo finds its rows where
    its merge left them."""
    chosen: dict[int, ContactMerge] = {}
    if not merged_ids:
        return []
    pending = list(  # one query first: most restored contacts were never merged
        session.scalars(
            select(ContactMerge.merged_id).where(ContactMerge.merged_id.in_(merged_ids)).distinct()
        )
    )
    while pending:
        merge = session.scalar(
            select(ContactMerge)
            .where(ContactMerge.merged_id == pending.pop())
            .order_by(ContactMerge.id.desc())
            .limit(1)
        )
        if merge is None or merge.id in chosen:
            continue
        chosen[merge.id] = merge
        onward = session.scalar(
            select(ContactMerge.id).where(
                ContactMerge.merged_id == merge.kept_id, ContactMerge.id > merge.id
            )
        )
        if onward is not None:
            pending.append(merge.kept_id)
    return [chosen[key] for key in sorted(chosen, reverse=True)]


def _move_back(
    session: Session, table: Any, column: Any, key: Any, ids: list[int], back: int, on: list[int]
) -> None:
    if ids:
        session.execute(
            update(table)
            .where(key.in_(ids), column.in_(on))
            .values({column.key: back})
            .execution_options(synchronize_session=False)
        )


def _put_back(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows set aside by the merge, each only if it fits in again (its people still
    exist and it repeats nothing)."""
    for row in rows:
        values = {k: from_json(table, k, v) for k, v in row.items()}
        nested = session.begin_nested()
        try:
            session.execute(insert(table).values(**values))
            nested.commit()
        except IntegrityError:  # a repeat, or a person purged since: nothing to put back
            nested.rollback()


def undo_merge(session: Session, merge: ContactMerge) -> set[int]:
    """Give the merged contact back what it brought to the kept one; returns the contacts
    whose rows changed (their derived columns need refreshing). The record is deleted."""
    moves = json.loads(merge.moves or "{}")
    kept, back = merge.kept_id, merge.merged_id
    on = [kept]
    moved: dict[str, list[int]] = moves.get("moved", {})
    positions: dict[str, int] = moves.get("positions", {})
    for name, model in OWNED.items():
        _move_back(session, model, model.contact_id, model.id, moved.get(name, []), back, on)
    for phone_id, position in positions.items():
        session.execute(
            update(Phone)
            .where(Phone.id == int(phone_id), Phone.contact_id == back)
            .values(position=position)
            .execution_options(synchronize_session=False)
        )
    _move_back(
        session,
        InteractionContact,
        InteractionContact.contact_id,
        InteractionContact.interaction_id,
        moved.get("interaction_contact", []),
        back,
        on,
    )
    _move_back(
        session,
        DealContact,
        DealContact.contact_id,
        DealContact.opportunity_id,
        moved.get("deal_contact", []),
        back,
        on,
    )
    for name, column in (
        ("referrer", Referral.referrer_id),
        ("referred", Referral.referred_id),
    ):
        _move_back(session, Referral, column, Referral.id, moved.get(name, []), back, on)
    for name, column in (
        ("relation_from", ContactRelation.contact_id),
        ("relation_to", ContactRelation.other_id),
    ):
        _move_back(
            session, ContactRelation, column, ContactRelation.id, moved.get(name, []), back, on
        )
    _move_back(
        session, Contact, Contact.referred_by_id, Contact.id, moved.get("referred_by", []), back, on
    )
    for link in moves.get("kept_deals", []):
        session.execute(
            update(DealContact)
            .where(
                DealContact.opportunity_id == link["opportunity_id"],
                DealContact.contact_id.in_(on),
            )
            .values(role=link["role"], is_insider=link["is_insider"])
            .execution_options(synchronize_session=False)
        )
    removed: dict[str, list[dict[str, Any]]] = moves.get("removed", {})
    for name, table in (
        ("interaction_contact", InteractionContact.__table__),
        ("deal_contact", DealContact.__table__),
        ("referral", Referral.__table__),
        ("contact_relation", ContactRelation.__table__),
    ):
        _put_back(session, table, removed.get(name, []))  # type: ignore[arg-type]
    added: dict[str, list[int]] = moves.get("added", {})
    if added.get("contact_tag"):
        session.execute(
            delete(ContactTag).where(
                ContactTag.contact_id == kept, ContactTag.tag_id.in_(added["contact_tag"])
            )
        )
    if added.get("level_change"):
        session.execute(delete(LevelChange).where(LevelChange.id.in_(added["level_change"])))
    _columns_back(session, kept, moves.get("columns", {}))
    session.execute(delete(ContactMerge).where(ContactMerge.id == merge.id))
    session.expire_all()
    return {kept, back}


def _columns_back(session: Session, kept: int, columns: dict[str, list[Any]]) -> None:
    """Each column of the kept contact the merge set, back as it was unless edited since."""
    if not columns:
        return
    names = list(columns)
    row = session.execute(
        select(*[getattr(Contact, n) for n in names]).where(Contact.id == kept)
    ).first()
    if row is None:
        return
    values = {}
    for name, now_value in zip(names, row, strict=True):
        before, after = columns[name]
        if to_json(now_value) == after:
            values[name] = from_json(CONTACT, name, before)
    if values:
        session.execute(
            update(Contact)
            .where(Contact.id == kept)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
