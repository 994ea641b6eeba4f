"""Changes from handling reminders: done (and logged), snoozed, festival greetings sent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from relbook.core import reminder_log
from relbook.core.changes import BookChanges
from relbook.core.festival_greetings import greeted_at, mark_greeted
from relbook.core.history import InteractionInput
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp, Cancelled

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.core.reminders import Occurrence
    from relbook.db.book import Book

MARK_CHUNK = 500
"""Contacts marked greeted per step (one transaction for them all): the progress steps."""


def complete_reminder(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    occurrence: Occurrence,
    logged: InteractionInput | None,
    now: datetime,
) -> BookOp[BookChanges]:
    """Mark a reminder done; with ``logged``, record what was done about it."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: reminder_log.complete_reminder(session, occurrence, now, logged),
    )


def snooze_reminder(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    occurrence: Occurrence,
    until: datetime,
    now: datetime,
) -> BookOp[BookChanges]:
    return BookOp(
        parent,
        book,
        events,
        lambda session: reminder_log.snooze(session, occurrence, until, now),
    )


@dataclass(frozen=True)
class Greeted:
    """Festival greetings logged as sent: what changed, and when each recipient was greeted."""

    changes: BookChanges
    greeted: dict[int, datetime]


def mark_sent(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    festival_code: str,
    year: int,
    contact_ids: list[int],
    now: datetime,
) -> BookOp[Greeted]:
    """Log a festival's greeting as sent to these contacts, in steps the progress follows;
    a cancel undoes them all."""
    ids = list(contact_ids)

    def work(session: Session, report: Callable[[int, int], bool]) -> Greeted:
        changes = BookChanges()
        for first in range(0, len(ids), MARK_CHUNK):
            if not report(first, len(ids)):
                raise Cancelled
            changes |= mark_greeted(
                session, festival_code, year, ids[first : first + MARK_CHUNK], now
            )
        report(len(ids), len(ids))
        return Greeted(changes, greeted_at(session, festival_code, year))

    return BookOp(parent, book, events, work, with_report=True)
