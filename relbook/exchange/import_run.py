"""An import from start to end on a book: read and preview, then write all in one transaction.

The import dialog runs these in the background and the CLI calls them directly; both get the
same guarantees: a preview writes nothing, a cancelled or failed import writes nothing, and a
large import (or any archive merge) is preceded by a backup.
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from relbook.core.changes import BookChanges
from relbook.db.backups import backup_book
from relbook.db.engine import IMMEDIATE
from relbook.exchange import importer
from relbook.exchange.archive import ArchiveResult, book_is_empty, import_archive
from relbook.exchange.files import read_file
from relbook.exchange.progress import Cancelled, check

if TYPE_CHECKING:
    from relbook.db.book import Book

Report = Callable[[int, int], bool]


@dataclass
class LoadedFile:
    """A file read and checked against the book; exactly one of ``preview``/``archive`` is set.

    For an archive, ``archive`` is what importing it would do (worked out and rolled back).
    """

    path: Path
    data: bytes
    preview: importer.ImportPreview | None = None
    archive: ArchiveResult | None = None

    @property
    def is_archive(self) -> bool:
        return self.archive is not None


@dataclass
class Outcome:
    """What an import wrote, and the backup taken first (None when none was needed)."""

    result: importer.ImportResult | ArchiveResult
    backup: Path | None

    @property
    def changes(self) -> BookChanges:
        """What an import changes: contacts added or merged, with their history and tags."""
        return BookChanges(contacts=True, history=True, tags=True)


def _writing_session(book: "Book") -> Session:
    """A session holding the write lock from its start, so nothing committed by the window
    between its reads and its writes can make it fail (see ``engine.IMMEDIATE``)."""
    return book.sessions(execution_options={IMMEDIATE: True})


def is_archive(path: Path, fmt: str | None = None) -> bool:
    return (fmt or path.suffix.lower().lstrip(".")) == "json"


def load(
    book: "Book",
    path: Path,
    fmt: str | None = None,
    encoding: str | None = None,
    now: datetime | None = None,
) -> LoadedFile:
    """Read ``path`` and preview it against the book; nothing is written."""
    data = read_file(path)
    if is_archive(path, fmt):
        return LoadedFile(path, data, archive=_try_archive(book, data, path.name, now))
    today = (now or datetime.now()).date()
    source = importer.read_import(data, path.name, fmt, encoding, today=today)
    return LoadedFile(path, data, preview=preview_source(book, source))


def preview_source(book: "Book", source: importer.ImportSource) -> importer.ImportPreview:
    with book.session() as session:
        return importer.preview(session, source)


def _try_archive(book: "Book", data: bytes, filename: str, now: datetime | None) -> ArchiveResult:
    session = _writing_session(book)
    try:
        return import_archive(session, data, now or datetime.now(), filename=filename)
    finally:
        session.rollback()
        session.close()


def apply(
    book: "Book",
    preview: importer.ImportPreview,
    choice: str = "merge",
    per_candidate: dict[int, str] | None = None,
    *,
    now: datetime,
    report: Report | None = None,
    committed: Callable[[Outcome], None] | None = None,
) -> Outcome | None:
    """Write the preview's records in one transaction; None when ``report`` said cancel.

    A large import's backup (``importer.backup_before_import``) holds the book as it was before;
    it is copied while the records are written and the transaction commits only once it is made.

    ``committed`` is told the outcome as soon as the transaction is committed, so a caller whose
    cancel arrives a moment too late still learns what was written.
    """
    total = len(preview.items)

    def write(session: Session) -> tuple[importer.ImportResult, Path | None]:
        # The backup is copied beside the writing: its connection reads the book as last
        # committed, so the copy is the book before the import, and nothing is committed before
        # the copy is made. Its copying runs in SQLite, without the GIL, so it costs little.
        with ThreadPoolExecutor(1, thread_name_prefix="import-backup") as pool:
            copying = pool.submit(importer.backup_before_import, book, now, total)
            result = importer.apply_import(
                session, preview, choice, per_candidate, now=now, report=report
            )
            backup = copying.result()
        check(report, total, total)
        return result, backup

    return _in_one_transaction(book, write, committed)


def apply_archive(
    book: "Book",
    data: bytes,
    filename: str,
    *,
    now: datetime,
    report: Report | None = None,
    committed: Callable[[Outcome], None] | None = None,
) -> Outcome | None:
    """Copy or merge a JSON archive in one transaction, after a backup when merging."""

    def write(session: Session) -> tuple[ArchiveResult, Path | None]:
        check(report, 0, 2)
        backup = None if book_is_empty(session) else backup_book(book, "before-import", now)
        result = import_archive(session, data, now, filename=filename)
        check(report, 1, 2)
        return result, backup

    return _in_one_transaction(book, write, committed)


def _in_one_transaction(
    book: "Book",
    write: Callable[[Session], tuple[importer.ImportResult | ArchiveResult, Path | None]],
    committed: Callable[[Outcome], None] | None,
) -> Outcome | None:
    """Run ``write`` and commit; a cancel (or any error) rolls everything back."""
    session = _writing_session(book)
    try:
        result, backup = write(session)
        session.commit()
    except Cancelled:
        return None
    finally:
        session.rollback()
        session.close()
    outcome = Outcome(result, backup)
    if committed is not None:
        committed(outcome)
    return outcome
