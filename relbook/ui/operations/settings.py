"""Changes to the book's settings, its festivals and its greeting templates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from relbook.core import festival_book
from relbook.core.changes import BookChanges, Saved
from relbook.core.contacts import recompute_tiers
from relbook.core.festival_book import FestivalInput
from relbook.core.greetings import save_template
from relbook.core.settings import set_settings
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.db.book import Book

TIER_SETTINGS = ("tier.a_min", "tier.b_min")


def save_settings(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    values: dict[str, Any],
    tiers_moved: bool = False,
) -> BookOp[BookChanges]:
    """Store settings; when the tier thresholds moved, every contact's tier follows."""
    return BookOp(
        parent, book, events, lambda session: store_settings(session, values, tiers_moved)
    )


def store_settings(session: Session, values: dict[str, Any], tiers_moved: bool) -> BookChanges:
    """``save_settings``' work, for operations that store settings with other changes."""
    changes = set_settings(session, values)
    if tiers_moved:
        changes |= recompute_tiers(session)
    return changes


def save_festival(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    festival_id: int | None,
    data: FestivalInput,
) -> BookOp[Saved]:
    """Add (``festival_id`` None) or edit a festival."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: festival_book.save_festival(session, festival_id, data),
    )


def remove_festival(
    parent: QObject | None, book: Book, events: BookEvents, festival_id: int
) -> BookOp[BookChanges]:
    return BookOp(
        parent, book, events, lambda session: festival_book.remove_festival(session, festival_id)
    )


def save_greeting(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    language: str,
    occasion: str,
    personality: str | None,
    text: str,
    timing: str,
) -> BookOp[BookChanges]:
    """Keep the user's version of one greeting template (an empty text: the shipped one)."""
    return BookOp(
        parent,
        book,
        events,
        lambda session: save_template(session, language, occasion, personality, text, timing),
    )
