"""What customers bought: product, amount, day and renewal date.

Every purchase is a deal: recording one makes the two-day thank-you (``tasks``), and a renewal
date becomes an expiry (kind ``contract``), so the existing expiry reminders give notice
before it.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges, Saved
from relbook.core.errors import FieldError, NotFoundError, ValidationError
from relbook.core.expiries import add_expiry
from relbook.core.models import Contact, Expiry, Purchase
from relbook.core.supported_days import check_supported_day
from relbook.core.tasks import record_deal_thanks

RENEWAL_KIND = "contract"
"""The expiry kind a purchase's renewal date is reminded as."""
MAX_AMOUNT_CENTS = 10**15
"""Ten trillion yuan: more than any one purchase, well inside SQLite's integers."""


@dataclass(frozen=True)
class PurchaseRow:
    """A purchase as lists and reports show it."""

    id: int
    contact_id: int
    opportunity_id: int | None
    product: str
    amount_cents: int
    bought_on: date
    renewal_on: date | None
    notes: str


def _checked(
    session: Session,
    contact_id: int,
    product: str,
    amount_cents: int,
    bought_on: date,
    renewal_on: date | None,
    today: date,
) -> None:
    errors: list[FieldError] = []
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        errors.append(FieldError("contact", "not_found", {"id": contact_id}))
    if not product.strip():
        errors.append(FieldError("product", "required"))
    elif len(product.strip()) > 200:
        errors.append(FieldError("product", "too_long", {"max": 200}))
    if not 0 <= amount_cents <= MAX_AMOUNT_CENTS:
        errors.append(FieldError("amount", "out_of_range", {"min": 0, "max": MAX_AMOUNT_CENTS}))
    errors += check_supported_day("bought_on", bought_on)
    errors += check_supported_day("renewal_on", renewal_on)
    if bought_on > today:
        errors.append(FieldError("bought_on", "in_future", {"value": bought_on.isoformat()}))
    if renewal_on is not None and renewal_on < bought_on:
        errors.append(
            FieldError("renewal_on", "before_purchase", {"value": renewal_on.isoformat()})
        )
    if errors:
        raise ValidationError(errors)


def record_purchase(
    session: Session,
    contact_id: int,
    product: str,
    amount_cents: int,
    bought_on: date,
    now: datetime,
    renewal_on: date | None = None,
    opportunity_id: int | None = None,
    notes: str = "",
) -> Saved:
    """Record what the contact bought, with its thank-you and its renewal reminder."""
    _checked(session, contact_id, product, amount_cents, bought_on, renewal_on, now.date())
    expiry_id = None
    if renewal_on is not None:
        expiry = add_expiry(
            session, contact_id, RENEWAL_KIND, renewal_on, now, label=product.strip()
        )
        expiry_id = expiry.id
    purchase = Purchase(
        contact_id=contact_id,
        opportunity_id=opportunity_id,
        product=product.strip(),
        amount_cents=amount_cents,
        bought_on=bought_on,
        renewal_on=renewal_on,
        expiry_id=expiry_id,
        notes=notes.strip(),
        created_at=now,
        updated_at=now,
    )
    session.add(purchase)
    session.flush()
    record_deal_thanks(session, contact_id, bought_on, now)
    return Saved(
        purchase.id,
        BookChanges(contact_ids=frozenset({contact_id}), deals=True, history=True),
    )


def delete_purchase(session: Session, purchase_id: int, now: datetime) -> BookChanges:
    """Move a purchase to the trash, with the renewal reminder it made."""
    purchase = session.get(Purchase, purchase_id)
    if purchase is None or purchase.deleted_at is not None:
        raise NotFoundError("purchase", str(purchase_id))
    purchase.deleted_at = now
    purchase.updated_at = now
    if purchase.expiry_id is not None:
        expiry = session.get(Expiry, purchase.expiry_id)
        if expiry is not None and expiry.deleted_at is None:
            expiry.deleted_at = now
    return BookChanges(contact_ids=frozenset({purchase.contact_id}), deals=True, history=True)


def _row(purchase: Purchase) -> PurchaseRow:
    return PurchaseRow(
        purchase.id,
        purchase.contact_id,
        purchase.opportunity_id,
        purchase.product,
        purchase.amount_cents,
        purchase.bought_on,
        purchase.renewal_on,
        purchase.notes,
    )


def purchases_of(session: Session, contact_id: int) -> list[PurchaseRow]:
    """The contact's purchases, newest first."""
    found = session.scalars(
        select(Purchase)
        .where(Purchase.contact_id == contact_id, Purchase.deleted_at.is_(None))
        .order_by(Purchase.bought_on.desc(), Purchase.id.desc())
    )
    return [_row(purchase) for purchase in found]


def purchases_between(session: Session, start: date, end: date) -> list[PurchaseRow]:
    """Every purchase made from ``start`` to ``end`` (both included), oldest first."""
    found = session.scalars(
        select(Purchase)
        .where(
            Purchase.deleted_at.is_(None),
            Purchase.bought_on >= start,
            Purchase.bought_on <= end,
        )
        .order_by(Purchase.bought_on, Purchase.id)
    )
    return [_row(purchase) for purchase in found]
