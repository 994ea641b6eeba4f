"""Expiry dates of warranties, maintenance, insurance policies and contracts."""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges, Saved
from relbook.core.errors import FieldError, ValidationError
from relbook.core.models import Contact, Expiry
from relbook.core.supported_days import check_supported_day

EXPIRY_KINDS: tuple[str, ...] = ("warranty", "maintenance", "policy", "contract")


def add_expiry(
    session: Session,
    contact_id: int,
    kind: str,
    expires_on: date,
    now: datetime,
    label: str = "",
    notice_days: int = 30,
) -> Expiry:
    errors: list[FieldError] = []
    if kind not in EXPIRY_KINDS:
        errors.append(FieldError("kind", "not_a_choice", {"value": kind}))
    errors += check_supported_day("expires_on", expires_on)
    if not 0 <= notice_days <= 365:
        errors.append(FieldError("notice_days", "out_of_range", {"min": 0, "max": 365}))
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        errors.append(FieldError("contact", "not_found", {"id": contact_id}))
    if errors:
        raise ValidationError(errors)
    expiry = Expiry(
        contact_id=contact_id,
        kind=kind,
        label=label.strip(),
        expires_on=expires_on,
        notice_days=notice_days,
        created_at=now,
    )
    session.add(expiry)
    session.flush()
    return expiry


def save_expiry(
    session: Session,
    contact_id: int,
    kind: str,
    expires_on: date,
    now: datetime,
    label: str = "",
    notice_days: int = 30,
) -> Saved:
    """An expiry date for a contact, as ``add_expiry`` records it."""
    expiry = add_expiry(session, contact_id, kind, expires_on, now, label, notice_days)
    return Saved(expiry.id, BookChanges(contact_ids=frozenset({contact_id}), history=True))


def expiries_of(session: Session, contact_id: int) -> list[Expiry]:
    return list(
        session.scalars(
            select(Expiry)
            .where(Expiry.contact_id == contact_id, Expiry.deleted_at.is_(None))
            .order_by(Expiry.expires_on)
        )
    )


def delete_expiry(session: Session, expiry_id: int, now: datetime) -> BookChanges:
    expiry = session.get(Expiry, expiry_id)
    if expiry is None:
        return BookChanges()
    expiry.deleted_at = now
    return BookChanges(contact_ids=frozenset({expiry.contact_id}), history=True)
