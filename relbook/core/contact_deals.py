"""The opportunities a contact takes part in, with their role in each buying centre."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.models import DealContact, Opportunity


@dataclass(frozen=True)
class ContactDeal:
    """One live opportunity the contact is in: ``role`` is their buying role in it (or None)
    and ``insider`` whether they help us there."""

    id: int
    title: str
    stage: str
    status: str
    amount_cents: int
    expected_close: date | None
    role: str | None
    insider: bool


def deals_of_contact(session: Session, contact_id: int) -> list[ContactDeal]:
    """The contact's live opportunities: open ones first, then by expected close and id."""
    rows = session.execute(
        select(
            Opportunity.id,
            Opportunity.title,
            Opportunity.stage,
            Opportunity.status,
            Opportunity.amount_cents,
            Opportunity.expected_close,
            DealContact.role,
            DealContact.is_insider,
        )
        .join(DealContact, DealContact.opportunity_id == Opportunity.id)
        .where(DealContact.contact_id == contact_id, Opportunity.deleted_at.is_(None))
        .order_by(
            (Opportunity.status != "open"),
            Opportunity.expected_close.is_(None),
            Opportunity.expected_close,
            Opportunity.id,
        )
    )
    return [
        ContactDeal(
            id=row[0],
            title=row[1],
            stage=row[2],
            status=row[3],
            amount_cents=row[4],
            expected_close=row[5],
            role=row[6] or None,
            insider=bool(row[7]),
        )
        for row in rows
    ]
