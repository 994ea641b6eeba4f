"""A contact's Deals section: what it reads (their opportunities and purchases) and the
purchases recorded or removed from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from relbook.core import purchases
from relbook.core.changes import BookChanges, Saved
from relbook.core.deal_reads import ContactDeal, deals_of_contact
from relbook.core.deal_stages import deal_stages
from relbook.core.purchases import PurchaseRow
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp, BookQuery

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.db.book import Book

Owner = QObject | None


@dataclass(frozen=True)
class ContactDeals:
    """What the Deals section shows for one contact."""

    contact_id: int
    deals: list[ContactDeal]
    purchases: list[PurchaseRow]
    stage_names: dict[str, str]
    """Stage code -> the user's name for it ('' for a built-in stage, shown translated)."""


def contact_deals(
    parent: Owner, book: Book, events: BookEvents, contact_id: int
) -> BookQuery[ContactDeals]:
    """The contact's opportunities (with their role in each) and purchases."""

    def work(session: Session) -> ContactDeals:
        return ContactDeals(
            contact_id,
            deals_of_contact(session, contact_id),
            purchases.purchases_of(session, contact_id),
            {stage.code: stage.name for stage in deal_stages(session)},
        )

    return BookQuery(parent, book, events.runner, work)


def record_purchase(
    parent: Owner,
    book: Book,
    events: BookEvents,
    contact_id: int,
    product: str,
    amount_cents: int,
    bought_on: date,
    now: datetime,
    renewal_on: date | None = None,
) -> BookOp[Saved]:
    """Record what the contact bought; the service adds the thank-you and the renewal
    reminder."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: purchases.record_purchase(
            session, contact_id, product, amount_cents, bought_on, now, renewal_on=renewal_on
        ),
    )


def delete_purchase(
    parent: Owner, book: Book, events: BookEvents, purchase_id: int, now: datetime
) -> BookOp[BookChanges]:
    """Remove a purchase recorded by mistake, with its renewal reminder."""
    return BookOp(
        parent, book, events, lambda session: purchases.delete_purchase(session, purchase_id, now)
    )
