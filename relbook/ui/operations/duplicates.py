"""Find duplicates: scan the book, compare a pair, merge it or set it aside.

Loads the database layer: the window imports it when the Find duplicates window opens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from relbook.core import contact_merge, duplicate_facts, duplicates
from relbook.core.changes import BookChanges
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp, BookQuery

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.db.book import Book


def scan_duplicates(
    parent: QObject | None, book: Book, events: BookEvents
) -> BookQuery[list[duplicates.DuplicatePair] | None]:
    """Every likely pair, in the background; None when cancelled."""

    def work(
        session: Session, report: Callable[[int, int], bool]
    ) -> list[duplicates.DuplicatePair] | None:
        return duplicates.find_duplicates(session, report)

    return BookQuery(parent, book, events.runner, work, with_report=True)


def pair_facts(
    parent: QObject | None, book: Book, events: BookEvents, first_id: int, second_id: int
) -> BookQuery[tuple[duplicate_facts.ContactFacts, duplicate_facts.ContactFacts] | None]:
    """Both contacts' profiles and history counts for the side-by-side comparison."""
    return BookQuery(
        parent,
        book,
        events.runner,
        lambda session: duplicate_facts.pair_facts(session, first_id, second_id),
    )


def merge_contacts(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    kept_id: int,
    other_id: int,
    now: datetime,
) -> BookOp[BookChanges]:
    """Merge ``other`` into ``kept``; ``other`` goes to the trash, where restoring undoes it."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: contact_merge.merge_contacts(session, kept_id, other_id, now),
    )


def dismiss_pair(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    first_id: int,
    second_id: int,
    now: datetime,
) -> BookOp[BookChanges]:
    """The two are not duplicates: the scan shows the pair no more."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: duplicates.dismiss_pair(session, first_id, second_id, now),
    )
