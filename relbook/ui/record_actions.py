"""Edit or trash one history record (an interaction or a gift) from any list showing it."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from relbook.core.changes import BookChanges
from relbook.core.gifts import set_gifts_deleted
from relbook.core.history import delete_interactions, restore_interactions
from relbook.db.book import Book
from relbook.ui.events import BookEvents
from relbook.ui.gift_dialog import GiftDialog
from relbook.ui.quick_log import QuickLogDialog

EDITABLE_KINDS: frozenset[str] = frozenset({"interaction", "gift"})


def open_record_editor(
    book: Book, events: BookEvents, kind: str, ref_id: int, contact_id: int, parent: QWidget
) -> QDialog:
    """Open the editor for an interaction or a gift, window-modal and non-blocking."""
    if kind == "interaction":
        dialog: QDialog = QuickLogDialog(book, events, [], parent, interaction_id=ref_id)
    else:
        dialog = GiftDialog(book, events, contact_id, ref_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def trash_record(book: Book, kind: str, ref_id: int) -> BookChanges:
    """Move an interaction or a gift to the trash."""
    with book.session() as session:
        if kind == "interaction":
            return delete_interactions(session, [ref_id], datetime.now())
        return set_gifts_deleted(session, [ref_id], datetime.now())


def restore_record(book: Book, kind: str, ref_id: int) -> BookChanges:
    """Bring an interaction or a gift back from the trash."""
    with book.session() as session:
        if kind == "interaction":
            return restore_interactions(session, [ref_id])
        return set_gifts_deleted(session, [ref_id], None)
