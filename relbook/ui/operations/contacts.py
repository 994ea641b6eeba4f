"""Changes to contacts: save from the editor, change level, delete, restore, purge.

Loads the database layer: the window imports it when a command first needs it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from relbook.core import contacts
from relbook.core.changes import BookChanges, Saved
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.core.contact_input import ContactInput
    from relbook.db.book import Book


def save_contact(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    contact_id: int | None,
    data: ContactInput,
    referrer: str,
    known_referrer: tuple[str, int] | None,
    now: datetime,
) -> BookOp[Saved]:
    """Add (``contact_id`` None) or replace a contact, its "referred by" typed as
    ``referrer`` (``known_referrer`` is the (name, id) the form was loaded with)."""

    def work(session: Session) -> Saved:
        data.referred_by_id = contacts.resolve_referrer(session, referrer, known_referrer)
        return contacts.save_contact(session, contact_id, data, now)

    return BookOp(parent, book, events, work)


def change_level(
    parent: QObject | None,
    book: Book,
    events: BookEvents,
    contact_id: int,
    level: int,
    note: str,
    now: datetime,
) -> BookOp[BookChanges]:
    return BookOp(
        parent,
        book,
        events,
        lambda session: contacts.change_level(session, contact_id, level, note, now),
    )


def delete_contacts(
    parent: QObject | None, book: Book, events: BookEvents, ids: list[int], now: datetime
) -> BookOp[BookChanges]:
    """Move contacts to the trash."""
    return BookOp(parent, book, events, lambda session: contacts.delete_contacts(session, ids, now))


def restore_contacts(
    parent: QObject | None, book: Book, events: BookEvents, ids: list[int], now: datetime
) -> BookOp[BookChanges]:
    """Bring contacts back from the trash."""
    return BookOp(
        parent, book, events, lambda session: contacts.restore_contacts(session, ids, now)
    )


def purge_contacts(
    parent: QObject | None, book: Book, events: BookEvents, ids: list[int]
) -> BookOp[BookChanges]:
    """Delete trashed contacts for good."""
    return BookOp(parent, book, events, lambda session: contacts.purge_contacts(session, ids))
