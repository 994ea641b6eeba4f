"""The funnel in the JSON archive: opportunities, their history and buying centres, purchases,
contacts' stage history and the user's own stages copy identically and merge without
duplicates."""

import json
from datetime import date, datetime

from sqlalchemy import func, select

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.models import (
    DealContact,
    DealStageChange,
    DealStageRow,
    Opportunity,
    Purchase,
    StageChange,
)
from relbook.core.purchases import record_purchase
from relbook.db.book import Book
from tests.exchange.test_archive import archive_of, load, other, snapshot  # noqa: F401


def fill_funnel(book: Book, now: datetime) -> None:
    """Two contacts, a custom stage, an open and a won opportunity with histories, a purchase
    with a renewal and a stage history."""
    with book.session() as session:
        first = create_contact(session, ContactInput(name="王建国", company="华东电力"), now)
        second = create_contact(session, ContactInput(name="李梅", company="华东电力"), now)
        session.add(DealStageRow(code="pilot", name="试点", position=7, default_rate=80))
        open_deal = Opportunity(
            title="变电站巡检系统",
            amount_cents=120_000_00,
            stage="pilot",
            stage_since=date(2026, 11, 2),
            status="open",
            expected_close=date(2026, 12, 20),
            lost_note="",
            notes="",
            created_at=now,
            updated_at=now,
        )
        won_deal = Opportunity(
            title="配电柜维保",
            amount_cents=38_000_00,
            stage="commitment",
            stage_since=date(2026, 10, 1),
            status="won",
            closed_on=date(2026, 10, 20),
            lost_note="",
            notes="",
            created_at=now,
            updated_at=now,
        )
        session.add_all([open_deal, won_deal])
        session.flush()
        session.add_all(
            [
                DealStageChange(
                    opportunity_id=open_deal.id,
                    changed_on=date(2026, 10, 5),
                    to_stage="analysis",
                    status="open",
                ),
                DealStageChange(
                    opportunity_id=open_deal.id,
                    changed_on=date(2026, 11, 2),
                    from_stage="analysis",
                    to_stage="pilot",
                    status="open",
                ),
                DealStageChange(
                    opportunity_id=won_deal.id,
                    changed_on=date(2026, 10, 20),
                    from_stage="commitment",
                    to_stage="commitment",
                    status="won",
                ),
                DealContact(
                    opportunity_id=open_deal.id, contact_id=first.id, role="decision_maker"
                ),
                DealContact(opportunity_id=open_deal.id, contact_id=second.id, is_insider=True),
                StageChange(
                    contact_id=first.id,
                    changed_on=date(2026, 10, 20),
                    from_stage="interested",
                    to_stage="customer",
                ),
            ]
        )
        record_purchase(
            session,
            first.id,
            "配电柜维保",
            38_000_00,
            date(2026, 10, 20),
            now,
            renewal_on=date(2027, 10, 20),
            opportunity_id=won_deal.id,
        )


def _count(book: Book, model: type) -> int:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_the_funnel_copies_into_an_empty_book_identically(book, other, now) -> None:  # noqa: F811
    fill_funnel(book, now)
    load(other, archive_of(book, now), now)
    assert snapshot(other) == snapshot(book)


def test_merging_the_funnel_again_adds_nothing(book, other, now) -> None:  # noqa: F811
    fill_funnel(book, now)
    data = archive_of(book, now)
    load(other, data, now)
    before = snapshot(other)
    result = load(other, data, now, mode="merge")
    assert result.added == {}
    assert snapshot(other) == before


def test_merging_into_a_book_with_contacts_brings_the_deals_with_their_people(
    book,
    other,  # noqa: F811
    now,
) -> None:
    fill_funnel(book, now)
    with other.session() as session:
        create_contact(session, ContactInput(name="李梅", company="华东电力"), now)
    result = load(other, archive_of(book, now), now, mode="merge")
    assert result.added["opportunity"] == 2 and result.added["purchase"] == 1
    with other.session() as session:
        stages = list(session.scalars(select(DealStageRow.code).order_by(DealStageRow.position)))
        assert stages[-1] == "pilot"  # the archive's own stage, after the book's six
        li = session.scalar(select(DealContact).where(DealContact.is_insider))
        assert li is not None
        centre = session.scalars(
            select(DealContact.contact_id).where(DealContact.opportunity_id == li.opportunity_id)
        ).all()
        assert len(centre) == 2 and li.contact_id == min(centre)  # 李梅 matched the book's one
        purchase = session.scalar(select(Purchase))
        assert purchase is not None and purchase.expiry_id is not None
        assert purchase.opportunity_id is not None


def test_an_archive_from_before_the_funnel_keeps_the_new_books_stages(
    book,
    other,  # noqa: F811
    now,
) -> None:
    fill_funnel(book, now)
    document = json.loads(archive_of(book, now))
    for table in ("deal_stage", "opportunity", "deal_stage_change", "deal_contact", "purchase"):
        del document["tables"][table]
    document["tables"]["stage_change"] = []
    load(other, json.dumps(document).encode(), now)
    assert _count(other, DealStageRow) == 6
    assert _count(other, Opportunity) == 0
