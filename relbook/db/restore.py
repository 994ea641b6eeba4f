"""Restoring the book from a backup: check the file, save the current book, swap the files.

A restore is split in two so the window stays responsive: ``prepare_restore`` (validate, back
up the current book, copy the backup beside the book and fsync it) is the slow part and runs in
the background while the book is still open; ``finish_restore`` only renames the prepared file
over the book and runs with the book closed, on the thread that owns it. Nothing is replaced
until the backup has passed every check and the current book is saved: backed up, or, when it
is itself damaged, renamed aside and never deleted (as the start-up recovery in
``relbook.db.integrity`` does).
"""

import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from alembic.script import ScriptDirectory

from relbook.db import backups, integrity
from relbook.db.backups import backup_error, os_reason
from relbook.db.location import backup_dir
from relbook.db.migrate import alembic_config

SQLITE_HEADER = b"SQLite format 3\x00"
SIDECARS = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database; those of the old book must not meet the new one."""


class ReopenableBook(backups.BookFiles, Protocol):
    """What a restore needs of an open book (``relbook.db.book.Book`` has it)."""

    def close(self) -> None: ...

    def reopen(self, now: datetime | None = None) -> None: ...


@dataclass(frozen=True)
class Candidate:
    """A file that passed every check: it can replace the book."""

    path: Path
    revision: str
    contacts: int


@dataclass(frozen=True)
class PreparedRestore:
    candidate: Candidate
    staged: Path
    """A copy of the backup beside the book, synced to disk, waiting to be renamed over it."""
    saved: Path | None
    """The backup of the book as it was before the restore (None when there was no book)."""
    damaged: bool = False
    """The current book fails SQLite's quick check: it is set aside instead of backed up."""


@dataclass(frozen=True)
class Restored:
    """What a restore put in place, and where the previous book is kept."""

    candidate: Candidate
    previous: Path | None


@lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    """Every schema revision this relbook's migrations know (a restore can upgrade from)."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return frozenset(script.revision for script in scripts.walk_revisions())


def validate_backup(path: Path) -> Candidate:
    """Check a file before it may replace the book; raises ValidationError with the reason.

    Codes: ``backup_missing``, ``backup_cannot_read``, ``backup_not_sqlite`` (not a SQLite
    file), ``backup_damaged`` (fails SQLite's integrity check), ``backup_not_relbook`` (another
    program's database), ``backup_unknown_revision`` (a schema this relbook does not know,
    usually a newer relbook's).
    """
    if not path.is_file():
        raise backup_error("backup_missing", path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as problem:
        raise backup_error("backup_cannot_read", path, reason=os_reason(problem)) from problem
    if header != SQLITE_HEADER:
        raise backup_error("backup_not_sqlite", path)
    try:
        connection = backups.open_frozen(path)
        try:
            return _check_contents(connection, path)
        finally:
            connection.close()
    except sqlite3.DatabaseError as problem:
        raise backup_error("backup_damaged", path, reason=str(problem)) from problem


def _check_contents(connection: sqlite3.Connection, path: Path) -> Candidate:
    verdict = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    if verdict != ["ok"]:
        raise backup_error("backup_damaged", path, reason=verdict[0].splitlines()[-1])
    tables = {
        str(row[0])
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not {"alembic_version", "contact", "setting"} <= tables:
        raise backup_error("backup_not_relbook", path)
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = str(row[0]) if row else ""
    if revision not in known_revisions():
        raise backup_error("backup_unknown_revision", path, revision=revision or "?")
    contacts = connection.execute("SELECT count(*) FROM contact WHERE deleted_at IS NULL")
    return Candidate(path, revision, int(contacts.fetchone()[0]))


def _stage(candidate: Candidate, db_path: Path) -> Path:
    staged = db_path.with_name(f".{db_path.name}.restore")
    try:
        source = backups.open_frozen(candidate.path)
        try:
            backups.write_copy(source, staged)
        finally:
            source.close()
    except (OSError, sqlite3.Error) as problem:
        staged.unlink(missing_ok=True)
        reason = os_reason(problem) if isinstance(problem, OSError) else str(problem)
        raise backup_error("restore_cannot_write", db_path.parent, reason=reason) from problem
    return staged


def prepare_restore(
    db_path: Path, source: Path, default_folder: Path, now: datetime
) -> PreparedRestore:
    """Validate ``source``, back up the current book (``before-restore``), stage the copy.

    The book stays untouched and may stay open. The backup being restored is spared by the
    rotation that follows the new backup.
    """
    candidate = validate_backup(source)
    if not db_path.exists():
        return PreparedRestore(candidate, _stage(candidate, db_path), None)
    if _is_damaged(db_path):
        return PreparedRestore(candidate, _stage(candidate, db_path), None, damaged=True)
    saved = backups.backup_file(db_path, default_folder, "before-restore", now, keep={source})
    return PreparedRestore(candidate, _stage(candidate, db_path), saved)


def _is_damaged(db_path: Path) -> bool:
    """Only a proven fault counts: a busy or unreadable book is left to the backup to report."""
    try:
        return integrity.quick_check(db_path) is not None
    except sqlite3.Error:
        return False


def _sidecar(db_path: Path, side: str) -> Path:
    return db_path.with_name(db_path.name + side)


def _aside_name(db_path: Path, prepared: PreparedRestore, now: datetime) -> Path:
    """Where the old book goes: kept for good when damaged, else only until the swap is done."""
    if not prepared.damaged:
        return db_path.with_name(f".{db_path.name}.replaced")
    stem = f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}"
    target, counter = db_path.with_name(stem), 1
    while any(_sidecar(target, side).exists() for side in ("", *SIDECARS)):
        target, counter = db_path.with_name(f"{stem}-{counter}"), counter + 1
    return target


def _sync_folder(folder: Path) -> None:
    """Make the renames themselves durable (POSIX; Windows cannot open a folder, nor needs to)."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def finish_restore(db_path: Path, prepared: PreparedRestore, now: datetime) -> Path | None:
    """Put the staged copy in place of the closed book; returns where the old book is now.

    The old book moves aside together with its -wal, -shm and -journal files: left beside the
    restored file, SQLite would replay them into it and damage it. If any rename fails (a file
    held by another program), everything is moved back and the book is as it was. A sound old
    book is then deleted (its ``before-restore`` backup holds it); a damaged one stays as
    ``relbook.sqlite.damaged-<time>``, for a specialist tool to rescue what it can.
    """
    aside = _aside_name(db_path, prepared, now)
    present = [side for side in ("", *SIDECARS) if _sidecar(db_path, side).exists()]
    moved: list[str] = []
    try:
        for side in present:
            os.replace(_sidecar(db_path, side), _sidecar(aside, side))
            moved.append(side)
        os.replace(prepared.staged, db_path)
    except OSError as problem:
        for side in reversed(moved):
            with suppress(OSError):
                os.replace(_sidecar(aside, side), _sidecar(db_path, side))
        prepared.staged.unlink(missing_ok=True)
        raise backup_error(
            "restore_cannot_write", db_path.parent, reason=os_reason(problem)
        ) from problem
    _sync_folder(db_path.parent)
    if prepared.damaged:
        return aside if present else None
    for side in present:
        with suppress(OSError):
            _sidecar(aside, side).unlink()
    return prepared.saved


def restore_file(db_path: Path, source: Path, default_folder: Path, now: datetime) -> Restored:
    """The whole restore for a book nobody has open (the command line)."""
    prepared = prepare_restore(db_path, source, default_folder, now)
    return Restored(prepared.candidate, finish_restore(db_path, prepared, now))


def swap_in(book: ReopenableBook, prepared: PreparedRestore, now: datetime) -> Path | None:
    """Close the open book, put the prepared backup in its place and open it again.

    The same ``book`` object then reads the restored file, so everything holding it follows;
    an older schema is upgraded on reopening. If the swap fails the old book is reopened.
    """
    book.close()
    try:
        return finish_restore(book.db_path, prepared, now)
    finally:
        book.reopen(now)


def restore_book(book: ReopenableBook, source: Path, now: datetime) -> Restored:
    """Replace an open book with a backup, saving the current one first."""
    prepared = prepare_restore(book.db_path, source, backup_dir(book.data_dir), now)
    return Restored(prepared.candidate, swap_in(book, prepared, now))
