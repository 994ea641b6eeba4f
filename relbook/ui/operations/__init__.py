"""Every change to the book, and every slow read, run off the UI thread (after Anki's
``CollectionOp`` and ``QueryOp``).

A widget never opens a session. It asks for one of the functions in this package's modules
(one per user action: ``contacts.save_contact``, ``history.log_interaction``, ...), each of
which returns a ``BookOp`` to be given callbacks and run:

* ``BookOp`` runs ``work(session) -> BookChanges`` (or a ``Saved`` carrying them) in one unit
  of work that takes the write lock when it begins, on the runner's writer thread, so changes
  are applied one at a time in the order the user made them. On the UI thread afterwards it
  emits ``BookEvents.changed`` with what the service said it changed, then calls ``success``.
* ``BookQuery`` runs a read on the runner's pool and hands its result to ``success``.
* ``read_now`` is for the small reads a widget needs before it can paint (a form's contents,
  a page of the list): a session on the UI thread, closed at once.

Errors come back as the window has always told them: the errors a form expects (by default
``RelbookError``: invalid input, a contact not found) go to ``failure``; a ``StorageError``
(the book is busy, the disk is full) is shown by ``storage_dialogs``; another ``RelbookError``
in a message box; anything else is a bug, for ``sys.excepthook`` (the crash log and notice).

Light to import: the window loads it before the book opens (sessions come from ``Book``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from relbook.core.changes import BookChanges
from relbook.core.errors import RelbookError, StorageError
from relbook.ui.events import BookEvents
from relbook.ui.worker import Job, JobRunner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relbook.db.book import Book

T = TypeVar("T")
Failure = Callable[[Exception], None]
Progress = Callable[[int, int], None]


def read_now(book: Book, work: Callable[[Session], T]) -> T:
    """``work`` in a short unit of work on the UI thread, for reads that must be done before
    the widget paints; anything slow goes through ``BookQuery``."""
    with book.session() as session:
        return work(session)


class Cancelled(Exception):
    """Raised by a change's work when the user cancelled it: its unit of work is rolled back,
    nothing is changed, and the operation's ``cancelled`` callback runs."""


def changes_of(result: object) -> BookChanges:
    """What a service result says it changed: a ``BookChanges``, or anything carrying one as
    ``changes`` (a ``Saved``)."""
    if isinstance(result, BookChanges):
        return result
    changes = getattr(result, "changes", None)
    if isinstance(changes, BookChanges):
        return changes
    raise TypeError(f"a change to the book must say what it changed, not {result!r}")


def tell_problem(parent: QWidget | None, problem: BaseException) -> None:
    """Show an error nobody handled: storage faults and service errors in words, bugs to the
    crash log and notice, as when they escape a slot."""
    from relbook.ui.storage_dialogs import show_storage_error
    from relbook.words import labels
    from relbook.words.labels import translate

    if isinstance(problem, StorageError):
        show_storage_error(problem, parent)
    elif isinstance(problem, RelbookError):
        QMessageBox.warning(
            _alive(parent),
            translate("StorageDialogs", "relbook"),
            labels.problem_text(problem),
        )
    else:
        sys.excepthook(type(problem), problem, problem.__traceback__)


_SAVING = "relbook_saving"
"""A form's property while its OK is saving."""


def accept_when_saved(dialog: QDialog, change: BookOp[Any], failure: Failure) -> None:
    """For a form whose OK saves: run ``change``; the dialog is accepted (closes) once the
    book has it, or stays open and ``failure`` shows why not. A second OK while the first is
    saving is ignored."""
    if dialog.property(_SAVING):
        return
    dialog.setProperty(_SAVING, True)

    def over() -> None:
        dialog.setProperty(_SAVING, False)

    change.finished(over).success(lambda _result: QDialog.accept(dialog)).failure(failure).run()


def _alive(owner: QObject | None) -> QWidget | None:
    """``owner`` while Qt still has it and it is a widget: a dialog may be closed before its
    work returns."""
    return owner if isinstance(owner, QWidget) and shiboken6.isValid(owner) else None


class _Background(Generic[T]):
    """What ``BookOp`` and ``BookQuery`` share: callbacks, error routing, progress."""

    def __init__(self, parent: QObject | None, book: Book, runner: JobRunner):
        self._parent = parent
        self._book = book
        self._runner = runner
        self._success: Callable[[T], None] | None = None
        self._failure: Failure | None = None
        self._handled: tuple[type[BaseException], ...] = (RelbookError,)
        self._explicit = False
        self._progress: Progress | None = None
        self._cancelled: Callable[[], None] | None = None
        self._finished: Callable[[], None] | None = None

    def success(self, handler: Callable[[T], None]) -> Self:
        """Called on the UI thread with the result (after ``changed`` for a change)."""
        self._success = handler
        return self

    def finished(self, handler: Callable[[], None]) -> Self:
        """Called on the UI thread once the work is over, whatever came of it (first): a
        form takes its Save button back here."""
        self._finished = handler
        return self

    def failure(self, handler: Failure, *kinds: type[BaseException]) -> Self:
        """Called with the errors of ``kinds`` instead of the usual messages.

        Without kinds: the errors services raise on purpose (``RelbookError``), except a
        ``StorageError``, which is told the usual way unless asked for by name or kind.
        """
        self._failure = handler
        if kinds:
            self._handled, self._explicit = kinds, True
        return self

    def progress(self, handler: Progress) -> Self:
        """Called with (done, total) as the work reports them."""
        self._progress = handler
        return self

    def cancelled(self, handler: Callable[[], None]) -> Self:
        """Called when the user cancelled (``Job.cancel``) before the work was done."""
        self._cancelled = handler
        return self

    def _reported(self, done: int, total: int) -> None:
        if self._progress is not None and self._still_there():
            self._progress(done, total)

    def _gave_up(self) -> None:
        self._over()
        if self._cancelled is not None and self._still_there():
            self._cancelled()

    def _over(self) -> None:
        if self._finished is not None and self._still_there():
            self._finished()

    def _failed(self, problem: Exception, _trace: str = "") -> None:
        if isinstance(problem, Cancelled):
            self._gave_up()
            return
        self._over()
        wanted = isinstance(problem, self._handled) and (
            self._explicit or not isinstance(problem, StorageError)
        )
        if self._failure is not None and wanted and self._still_there():
            self._failure(problem)
        else:
            tell_problem(_alive(self._parent), problem)

    def _still_there(self) -> bool:
        """Whether the widget that asked still exists (a closed dialog hears nothing)."""
        return self._parent is None or shiboken6.isValid(self._parent)


class BookOp(_Background[T]):
    """A change to the book, made off the UI thread and announced on ``events.changed``.

    ``work`` gets the session and returns what the service returned: a ``BookChanges`` or a
    ``Saved``. ``work`` may also take a ``report(done, total) -> bool`` as second argument
    (``with_report=True``); it returns False once the user cancelled, and the work then
    raises ``Cancelled`` to undo what it did (a cancel after the commit changes nothing).
    """

    def __init__(
        self,
        parent: QObject | None,
        book: Book,
        events: BookEvents,
        work: Callable[..., T],
        *,
        with_report: bool = False,
    ):
        super().__init__(parent, book, events.runner)
        self._events = events
        self._work = work
        self._with_report = with_report

    def run(self) -> Job:
        book, work, with_report = self._book, self._work, self._with_report
        committed: list[T] = []

        def in_background(report: Callable[[int, int], bool]) -> T:
            # a background check may be writing: wait for it rather than fail
            with book.session(immediate=True) as session:
                result = work(session, report) if with_report else work(session)
            committed.append(result)
            return result

        def cancelled() -> None:
            """Cancelled after the work was done and committed: the change stands."""
            self._done(committed[0])

        return self._runner.start(
            in_background, self._done, self._failed, self._reported, cancelled, serial=True
        )

    def _done(self, result: T) -> None:
        self._over()
        self._events.emit_changes(changes_of(result), self._parent)
        if self._success is not None and self._still_there():
            self._success(result)


class BookQuery(_Background[T]):
    """A read off the UI thread: ``work(session)`` in its own unit of work, its result to
    ``success`` on the UI thread. Reads run beside each other and beside a change.

    Long reads (an export) take ``report(done, total) -> bool`` as second argument
    (``with_report=True``) to show progress and to hear of a cancel.
    """

    def __init__(
        self,
        parent: QObject | None,
        book: Book,
        runner: JobRunner,
        work: Callable[..., T],
        *,
        with_report: bool = False,
    ):
        super().__init__(parent, book, runner)
        self._work = work
        self._with_report = with_report

    def run(self) -> Job:
        book, work, with_report = self._book, self._work, self._with_report

        def in_background(report: Callable[[int, int], bool]) -> T:
            with book.session() as session:
                return work(session, report) if with_report else work(session)

        return self._runner.start(
            in_background, self._done, self._failed, self._reported, self._gave_up
        )

    def _done(self, result: T) -> None:
        self._over()
        if self._success is not None and self._still_there():
            self._success(result)
