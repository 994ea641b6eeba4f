"""Edit or trash one history record (an interaction or a gift) from any list showing it."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from relbook.db.book import Book
from relbook.ui.events import BookEvents
from relbook.ui.gift_dialog import GiftDialog
from relbook.ui.operations import history
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


def trash_record(parent: QWidget, book: Book, events: BookEvents, kind: str, ref_id: int) -> None:
    """Move an interaction or a gift to the trash; the window then says so and offers Undo."""
    history.trash_record(parent, book, events, kind, ref_id, datetime.now()).success(
        lambda _changes: events.record_trashed.emit(kind, ref_id)
    ).run()
