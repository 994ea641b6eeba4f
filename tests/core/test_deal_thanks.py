"""Every deal is thanked within two days: one open thank-you per contact and deal day."""

from datetime import date, datetime, timedelta

from sqlalchemy import select

from relbook.core.contact_batch import ContactBatch
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact, get_contact, to_input, update_contact
from relbook.core.models import Task
from relbook.core.tasks import complete_task, record_deal_thanks

DEAL = datetime(2026, 11, 23, 15, 30)


def _thanks(book) -> list[tuple[int | None, datetime, datetime, datetime | None]]:
    """(contact, created, due, done) of every thank-you task, oldest first."""
    with book.session() as session:
        rows = session.scalars(select(Task).where(Task.kind == "after_deal").order_by(Task.id))
        return [(t.contact_id, t.created_at, t.due_at, t.done_at) for t in rows]


def _set_stage(book, contact_id: int, stage: str, now: datetime) -> None:
    with book.session() as session:
        data = to_input(get_contact(session, contact_id))
        data.stage = stage
        data.lost_reason = "natural_drift" if stage == "lost" else None
        update_contact(session, contact_id, data, now)


def test_a_contact_added_as_a_customer_is_thanked_two_days_after(book) -> None:
    with book.session() as session:
        customer = create_contact(session, ContactInput("张三", stage="customer"), DEAL).id
        create_contact(session, ContactInput("李四", stage="interested"), DEAL)
    assert _thanks(book) == [(customer, DEAL, DEAL + timedelta(days=2), None)]


def test_becoming_a_customer_is_a_deal_and_plain_edits_are_not(book) -> None:
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三", stage="interested"), DEAL).id
    _set_stage(book, contact_id, "interested", DEAL)  # an edit that is no deal
    assert _thanks(book) == []
    moved = DEAL + timedelta(days=1)
    _set_stage(book, contact_id, "customer", moved)
    _set_stage(book, contact_id, "customer", moved + timedelta(hours=1))  # already a customer
    assert _thanks(book) == [(contact_id, moved, moved + timedelta(days=2), None)]


def test_a_deal_recorded_twice_the_same_day_is_thanked_once(book) -> None:
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三", stage="customer"), DEAL).id
    _set_stage(book, contact_id, "lost", DEAL + timedelta(hours=1))
    _set_stage(book, contact_id, "customer", DEAL + timedelta(hours=2))
    with book.session() as session:
        first = record_deal_thanks(session, contact_id, DEAL.date(), DEAL + timedelta(hours=3))
        first_id = first.id
    assert _thanks(book) == [(contact_id, DEAL, DEAL + timedelta(days=2), None)]
    with book.session() as session:
        complete_task(session, first_id, DEAL + timedelta(days=1))
    with book.session() as session:  # once thanked, a new deal that day is thanked again
        record_deal_thanks(session, contact_id, DEAL.date(), DEAL + timedelta(days=1))
    assert len(_thanks(book)) == 2 and _thanks(book)[1][3] is None


def test_a_deal_of_another_day_gets_its_own_thank_you(book) -> None:
    """What a won opportunity or a purchase recorded later calls: the deal's day counts."""
    with book.session() as session:
        contact_id = create_contact(session, ContactInput("张三"), DEAL).id
        record_deal_thanks(session, contact_id, date(2026, 11, 20), DEAL)
        record_deal_thanks(session, contact_id, date(2026, 11, 23), DEAL)
        record_deal_thanks(session, contact_id, date(2026, 11, 20), DEAL + timedelta(hours=1))
    earlier = datetime(2026, 11, 20, 15, 30)
    assert _thanks(book) == [
        (contact_id, earlier, earlier + timedelta(days=2), None),
        (contact_id, DEAL, DEAL + timedelta(days=2), None),
    ]


def test_customers_added_in_a_batch_are_not_thanked(book) -> None:
    """A batch holds records copied from elsewhere (an import): no deal made today, whether
    a record is written in bulk or, having a referrer, through the service."""
    with book.session() as session:
        referrer = create_contact(session, ContactInput("王五"), DEAL).id
    with book.session() as session:
        batch = ContactBatch(session, DEAL)
        batch.add(ContactInput("张三", stage="customer"))
        batch.add(ContactInput("李四", stage="customer", referred_by_id=referrer))
        batch.flush()
    assert _thanks(book) == []
