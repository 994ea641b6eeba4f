"""What the Find duplicates window compares side by side: two contacts' profiles and how much
history each has (all of which a merge keeps)."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import get_contact, to_input
from relbook.core.errors import NotFoundError
from relbook.core.models import (
    DealContact,
    Expiry,
    Gift,
    Interaction,
    InteractionContact,
    Purchase,
    Referral,
    Task,
)

HISTORY_KINDS: tuple[str, ...] = (
    "interactions",
    "gifts",
    "opportunities",
    "purchases",
    "tasks",
    "expiries",
    "referrals",
)
"""The kinds of history ``ContactFacts.history`` counts, in the order shown."""


@dataclass
class ContactFacts:
    """One contact of a pair, copied out of the session."""

    id: int
    data: ContactInput
    tier: str | None
    created: str
    history: dict[str, int] = field(default_factory=dict)


def _count(session: Session, query: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def contact_facts(session: Session, contact_id: int) -> ContactFacts | None:
    """The live contact's profile and history counts; None when it is gone or trashed."""
    try:
        contact = get_contact(session, contact_id)
    except NotFoundError:
        return None
    history = {
        "interactions": _count(
            session,
            select(InteractionContact.interaction_id)
            .join(Interaction, Interaction.id == InteractionContact.interaction_id)
            .where(InteractionContact.contact_id == contact_id, Interaction.deleted_at.is_(None)),
        ),
        "gifts": _count(
            session, select(Gift.id).where(Gift.contact_id == contact_id, Gift.deleted_at.is_(None))
        ),
        "opportunities": _count(
            session, select(DealContact.opportunity_id).where(DealContact.contact_id == contact_id)
        ),
        "purchases": _count(
            session,
            select(Purchase.id).where(
                Purchase.contact_id == contact_id, Purchase.deleted_at.is_(None)
            ),
        ),
        "tasks": _count(
            session, select(Task.id).where(Task.contact_id == contact_id, Task.deleted_at.is_(None))
        ),
        "expiries": _count(
            session,
            select(Expiry.id).where(Expiry.contact_id == contact_id, Expiry.deleted_at.is_(None)),
        ),
        "referrals": _count(
            session,
            select(Referral.id).where(
                (Referral.referrer_id == contact_id) | (Referral.referred_id == contact_id)
            ),
        ),
    }
    return ContactFacts(
        contact.id,
        to_input(contact),
        contact.tier,
        contact.created_at.date().isoformat(),
        history,
    )


def pair_facts(
    session: Session, first_id: int, second_id: int
) -> tuple[ContactFacts, ContactFacts] | None:
    """Both contacts' facts; None when either is no longer in the book."""
    first, second = contact_facts(session, first_id), contact_facts(session, second_id)
    if first is None or second is None:
        return None
    return first, second
