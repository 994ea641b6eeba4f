"""One signal for "the book changed", so screens refresh only what a change touches."""

from PySide6.QtCore import QObject, Signal

from relbook.core.changes import BookChanges
from relbook.ui.worker import JobRunner


class BookEvents(QObject):
    """Shared by every screen of one window; services' ``BookChanges`` travel through it.

    It also carries the window's job runner, on which ``relbook.ui.operations`` runs every
    change and slow read: a screen given the events can run operations without being handed
    the runner too. Events made without one (a dialog on its own, in tests) make their own.
    """

    changed = Signal(object)
    record_trashed = Signal(str, int)
    """An interaction or a gift (kind, id) was moved to the trash: the window offers Undo."""

    def __init__(self, parent: QObject | None = None, runner: JobRunner | None = None):
        super().__init__(parent)
        self._runner = runner
        self._source: QObject | None = None

    @property
    def runner(self) -> JobRunner:
        if self._runner is None:
            self._runner = JobRunner(self)
        return self._runner

    @property
    def source(self) -> QObject | None:
        """While ``changed`` is being emitted: the widget whose operation made the change (a
        screen that already shows its own change can skip reading it again)."""
        return self._source

    def emit_changes(self, changes: BookChanges, source: QObject | None = None) -> None:
        self._source = source
        try:
            self.changed.emit(changes)
        finally:
            self._source = None
