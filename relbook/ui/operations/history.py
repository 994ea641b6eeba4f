"""Changes to what happened with contacts: interactions, gifts and gift ideas, relations and
referrals, follow-ups and expiry dates, and the trash of interactions and gifts."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from relbook.core import expiries, gifts, history, referrals, tasks
from relbook.core.changes import BookChanges, Saved
from relbook.core.settings import set_setting
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.db.book import Book

Owner = QObject | None


def log_interaction(
    parent: Owner,
    book: Book,
    events: BookEvents,
    interaction_id: int | None,
    data: history.InteractionInput,
    now: datetime,
) -> BookOp[Saved]:
    """Log (``interaction_id`` None) or edit an interaction; the quick log remembers its type."""

    def work(session: Session) -> Saved:
        saved = history.save_interaction(session, interaction_id, data, now)
        set_setting(session, "log.last_type", data.kind)
        return saved

    return BookOp(parent, book, events, work)


def trash_record(
    parent: Owner, book: Book, events: BookEvents, kind: str, ref_id: int, now: datetime
) -> BookOp[BookChanges]:
    """Move an interaction or a gift to the trash."""

    def work(session: Session) -> BookChanges:
        if kind == "interaction":
            return history.delete_interactions(session, [ref_id], now)
        return gifts.set_gifts_deleted(session, [ref_id], now)

    return BookOp(parent, book, events, work)


def restore_records(
    parent: Owner, book: Book, events: BookEvents, records: list[tuple[str, int]]
) -> BookOp[BookChanges]:
    """Bring interactions and gifts, each (kind, id), back from the trash."""
    interactions = [ref for kind, ref in records if kind == "interaction"]
    gift_ids = [ref for kind, ref in records if kind == "gift"]

    def work(session: Session) -> BookChanges:
        changes = BookChanges()
        if interactions:
            changes |= history.restore_interactions(session, interactions)
        if gift_ids:
            changes |= gifts.set_gifts_deleted(session, gift_ids, None)
        return changes

    return BookOp(parent, book, events, work)


def save_gift(
    parent: Owner,
    book: Book,
    events: BookEvents,
    gift_id: int | None,
    data: gifts.GiftInput,
    now: datetime,
) -> BookOp[Saved]:
    return BookOp(
        parent, book, events, lambda session: gifts.save_gift(session, gift_id, data, now)
    )


def add_idea(
    parent: Owner, book: Book, events: BookEvents, contact_id: int, idea: str, now: datetime
) -> BookOp[Saved]:
    return BookOp(
        parent, book, events, lambda session: gifts.save_idea(session, contact_id, idea, now)
    )


def set_idea_status(
    parent: Owner, book: Book, events: BookEvents, idea_id: int, status: str
) -> BookOp[BookChanges]:
    return BookOp(
        parent, book, events, lambda session: gifts.set_idea_status(session, idea_id, status)
    )


def delete_idea(parent: Owner, book: Book, events: BookEvents, idea_id: int) -> BookOp[BookChanges]:
    return BookOp(parent, book, events, lambda session: gifts.delete_idea(session, idea_id))


def link_contacts(
    parent: Owner,
    book: Book,
    events: BookEvents,
    contact_id: int,
    other_id: int,
    kind: str,
    note: str,
) -> BookOp[BookChanges]:
    """Say how another contact stands to this one."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: referrals.link_contacts(session, contact_id, other_id, kind, note),
    )


def record_referral(
    parent: Owner,
    book: Book,
    events: BookEvents,
    referrer_id: int,
    referred_id: int,
    referred_on: date,
    outcome: str,
    now: datetime,
) -> BookOp[BookChanges]:
    return BookOp(
        parent,
        book,
        events,
        lambda session: referrals.record_referral(
            session, referrer_id, referred_id, referred_on, now, outcome
        ),
    )


def remove_link(
    parent: Owner, book: Book, events: BookEvents, relation: bool, link_id: int
) -> BookOp[BookChanges]:
    """Remove a relation (``relation``) or a referral recorded by mistake."""

    def work(session: Session) -> BookChanges:
        if relation:
            return referrals.remove_relation(session, link_id)
        return referrals.delete_referral(session, link_id)

    return BookOp(parent, book, events, work)


def add_follow_up(
    parent: Owner,
    book: Book,
    events: BookEvents,
    contact_id: int,
    title: str,
    due_at: datetime,
    has_time: bool,
    now: datetime,
) -> BookOp[Saved]:
    return BookOp(
        parent,
        book,
        events,
        lambda session: tasks.add_follow_up(session, contact_id, title, due_at, has_time, now),
    )


def complete_task(
    parent: Owner, book: Book, events: BookEvents, task_id: int, now: datetime
) -> BookOp[BookChanges]:
    return BookOp(parent, book, events, lambda session: tasks.complete_task(session, task_id, now))


def add_expiry(
    parent: Owner,
    book: Book,
    events: BookEvents,
    contact_id: int,
    kind: str,
    expires_on: date,
    label: str,
    notice_days: int,
    now: datetime,
) -> BookOp[Saved]:
    return BookOp(
        parent,
        book,
        events,
        lambda session: expiries.save_expiry(
            session, contact_id, kind, expires_on, now, label, notice_days
        ),
    )


def remove_expiry(
    parent: Owner, book: Book, events: BookEvents, expiry_id: int, now: datetime
) -> BookOp[BookChanges]:
    return BookOp(
        parent, book, events, lambda session: expiries.delete_expiry(session, expiry_id, now)
    )
