"""One signal for "the book changed", so screens refresh only what a change touches."""

from PySide6.QtCore import QObject, Signal

from relbook.core.changes import BookChanges


class BookEvents(QObject):
    """Shared by every screen of one window; services' ``BookChanges`` travel through it."""

    changed = Signal(object)
    record_trashed = Signal(str, int)
    """An interaction or a gift (kind, id) was moved to the trash: the window offers Undo."""

    def emit_changes(self, changes: BookChanges) -> None:
        self.changed.emit(changes)
