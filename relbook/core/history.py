"""Interactions: log a touch with one or several contacts, edit it, trash and restore it.

Each change recomputes ``Contact.last_contacted_at`` for the contacts it touches, so the list
reads "last contact" from one indexed column.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from relbook.core.changes import BookChanges, Saved
from relbook.core.enums import InteractionType
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.models import Contact, Gift, Interaction, InteractionContact
from relbook.core.supported_days import check_supported_day

LAST_CONTACT = frozenset({"last_contacted_at"})
"""The contact column a change to interactions moves."""


@dataclass
class InteractionInput:
    kind: str
    occurred_at: datetime
    contact_ids: list[int]
    place: str = ""
    notes: str = ""
    outcome: str = ""
    next_step: str = ""
    next_step_due: datetime | None = None


def validate_interaction(session: Session, data: InteractionInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.kind not in {k.value for k in InteractionType}:
        errors.append(FieldError("kind", "not_a_choice", {"value": data.kind}))
    if not data.contact_ids:
        errors.append(FieldError("contacts", "required"))
    else:
        live = set(
            session.scalars(
                select(Contact.id).where(
                    Contact.id.in_(data.contact_ids), Contact.deleted_at.is_(None)
                )
            )
        )
        for missing in sorted(set(data.contact_ids) - live):
            errors.append(FieldError("contacts", "not_found", {"id": missing}))
    if data.next_step_due is not None and not data.next_step.strip():
        errors.append(FieldError("next_step", "due_needs_step"))
    if len(data.place) > 200:
        errors.append(FieldError("place", "too_long", {"max": 200}))
    errors += check_supported_day("occurred_at", data.occurred_at)
    errors += check_supported_day("next_step_due", data.next_step_due)
    return errors


def refresh_last_contacted(session: Session, contact_ids: set[int]) -> None:
    """Set each contact's ``last_contacted_at`` to its latest live interaction."""
    if not contact_ids:
        return
    session.flush()
    latest = (
        select(func.max(Interaction.occurred_at))
        .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
        .where(
            InteractionContact.contact_id == Contact.id,
            Interaction.deleted_at.is_(None),
        )
        .scalar_subquery()
    )
    session.execute(
        update(Contact)
        .where(Contact.id.in_(contact_ids))
        .values(last_contacted_at=latest)
        .execution_options(synchronize_session=False)
    )


def _participants(contact_ids: list[int]) -> list[InteractionContact]:
    unique = list(dict.fromkeys(contact_ids))
    return [InteractionContact(contact_id=c, position=i) for i, c in enumerate(unique)]


def log_interaction(session: Session, data: InteractionInput, now: datetime) -> Interaction:
    """Record a touch; contacts' last-contacted dates follow."""
    errors = validate_interaction(session, data)
    if errors:
        raise ValidationError(errors)
    interaction = Interaction(
        kind=data.kind,
        occurred_at=data.occurred_at,
        place=data.place.strip(),
        notes=data.notes.strip(),
        outcome=data.outcome.strip(),
        next_step=data.next_step.strip(),
        next_step_due=data.next_step_due,
        created_at=now,
        updated_at=now,
        participants=_participants(data.contact_ids),
    )
    session.add(interaction)
    session.flush()
    refresh_last_contacted(session, set(data.contact_ids))
    return interaction


def get_interaction(session: Session, interaction_id: int) -> Interaction:
    found = session.get(
        Interaction, interaction_id, options=[selectinload(Interaction.participants)]
    )
    if found is None:
        raise NotFoundError("interaction", str(interaction_id))
    return found


def update_interaction(
    session: Session, interaction_id: int, data: InteractionInput, now: datetime
) -> Interaction:
    interaction = get_interaction(session, interaction_id)
    errors = validate_interaction(session, data)
    if errors:
        raise ValidationError(errors)
    touched = {p.contact_id for p in interaction.participants} | set(data.contact_ids)
    interaction.kind = data.kind
    interaction.occurred_at = data.occurred_at
    interaction.place = data.place.strip()
    interaction.notes = data.notes.strip()
    interaction.outcome = data.outcome.strip()
    if (data.next_step.strip(), data.next_step_due) != (
        interaction.next_step,
        interaction.next_step_due,
    ):
        interaction.next_step_done_at = None
    interaction.next_step = data.next_step.strip()
    interaction.next_step_due = data.next_step_due
    interaction.participants = _participants(data.contact_ids)
    interaction.updated_at = now
    session.flush()
    refresh_last_contacted(session, touched)
    return interaction


def save_interaction(
    session: Session, interaction_id: int | None, data: InteractionInput, now: datetime
) -> Saved:
    """Log (``interaction_id`` None) or edit an interaction, as ``log_interaction`` and
    ``update_interaction`` do; the changes name every contact it had or has."""
    if interaction_id is None:
        saved = log_interaction(session, data, now).id
        touched = set(data.contact_ids)
    else:
        before = {p.contact_id for p in get_interaction(session, interaction_id).participants}
        saved = update_interaction(session, interaction_id, data, now).id
        touched = before | set(data.contact_ids)
    return Saved(
        saved, BookChanges(contact_ids=frozenset(touched), history=True, fields=LAST_CONTACT)
    )


def stored_interaction(session: Session, interaction_id: int) -> InteractionInput:
    """The editable form of a stored interaction (``NotFoundError`` if there is none)."""
    return interaction_input(get_interaction(session, interaction_id))


def interaction_input(interaction: Interaction) -> InteractionInput:
    return InteractionInput(
        kind=interaction.kind,
        occurred_at=interaction.occurred_at,
        contact_ids=[p.contact_id for p in interaction.participants],
        place=interaction.place,
        notes=interaction.notes,
        outcome=interaction.outcome,
        next_step=interaction.next_step,
        next_step_due=interaction.next_step_due,
    )


def _set_deleted(session: Session, ids: list[int], deleted_at: datetime | None) -> BookChanges:
    rows = session.scalars(
        select(Interaction)
        .where(Interaction.id.in_(ids))
        .options(selectinload(Interaction.participants))
    ).all()
    touched: set[int] = set()
    for interaction in rows:
        interaction.deleted_at = deleted_at
        touched |= {p.contact_id for p in interaction.participants}
    refresh_last_contacted(session, touched)
    return BookChanges(
        contact_ids=frozenset(touched), history=True, trash=True, fields=LAST_CONTACT
    )


def delete_interactions(session: Session, ids: list[int], now: datetime) -> BookChanges:
    """Move interactions to the trash."""
    return _set_deleted(session, ids, now)


def restore_interactions(session: Session, ids: list[int]) -> BookChanges:
    return _set_deleted(session, ids, None)


def complete_next_step(session: Session, interaction_id: int, now: datetime) -> None:
    get_interaction(session, interaction_id).next_step_done_at = now


def interactions_of(
    session: Session, contact_id: int, include_deleted: bool = False
) -> list[Interaction]:
    """A contact's interactions, newest first."""
    statement = (
        select(Interaction)
        .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
        .where(InteractionContact.contact_id == contact_id)
        .options(selectinload(Interaction.participants))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    if not include_deleted:
        statement = statement.where(Interaction.deleted_at.is_(None))
    return list(session.scalars(statement))


@dataclass(frozen=True)
class TrashedRecord:
    """An interaction or a gift in the trash, as the trash lists it (codes, not words)."""

    kind: str
    """``interaction`` or ``gift``."""
    ref_id: int
    when: datetime
    subtype: str
    """The interaction's type, or the gift's direction."""
    contacts: tuple[str, ...]
    """The names of whom it was with, or to or from."""
    summary: str
    deleted_at: datetime


def trashed_records(session: Session) -> list[TrashedRecord]:
    """Interactions and gifts in the trash, most recently trashed first."""
    interactions = session.scalars(
        select(Interaction)
        .where(Interaction.deleted_at.is_not(None))
        .options(selectinload(Interaction.participants))
    ).all()
    gifts = session.scalars(select(Gift).where(Gift.deleted_at.is_not(None))).all()
    ids = {p.contact_id for i in interactions for p in i.participants} | {
        g.contact_id for g in gifts
    }
    names = dict(session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(ids))).all())
    found = [
        TrashedRecord(
            "interaction",
            i.id,
            i.occurred_at,
            i.kind,
            tuple(names.get(p.contact_id, "") for p in i.participants),
            i.notes,
            i.deleted_at or i.occurred_at,
        )
        for i in interactions
    ]
    found += [
        TrashedRecord(
            "gift",
            g.id,
            _midnight(g.given_on),
            g.direction,
            (names.get(g.contact_id, ""),),
            g.item,
            g.deleted_at or _midnight(g.given_on),
        )
        for g in gifts
    ]
    found.sort(key=lambda r: r.deleted_at, reverse=True)
    return found


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())
