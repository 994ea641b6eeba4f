"""The start-up integrity check, and putting a good backup in place of a damaged book.

A damaged file is only ever read, through a read-only connection (which neither writes nor
checkpoints it), and is never deleted: restoring moves it aside, with its ``-wal`` and
``-shm`` files, under ``relbook.sqlite.damaged-<time>``. This module is Qt-free, and light to
import: the window's start begins the check here before loading anything else.
"""

import os
import shutil
import sqlite3
import threading
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path

from relbook.db.backups import parse_name
from relbook.db.errors import BookDamaged, StorageError
from relbook.db.faults import fault_code
from relbook.db.location import read_only_uri
from relbook.db.peek import stored_setting

CHECK_TIMEOUT_S = 5.0
SIDE_FILES = ("-wal", "-shm")
"""SQLite's companions of a WAL database; they belong to the file they sit next to."""
_early_checks: dict[str, Future[str | None]] = {}
"""Quick checks begun by ``check_in_background``, by the checked file's absolute path."""


def quick_check(path: Path) -> str | None:
    """None when ``path`` passes ``PRAGMA quick_check``, else what SQLite found wrong.

    Errors that say nothing about damage (busy, cannot open, ...) are raised as they are.
    """
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=CHECK_TIMEOUT_S)
    try:
        rows = connection.execute("PRAGMA quick_check(20)").fetchall()
    except sqlite3.DatabaseError as error:
        if fault_code(error) == "damaged":
            return str(error)
        raise
    finally:
        connection.close()
    found = [str(row[0]) for row in rows]
    return None if found == ["ok"] else "; ".join(found)


def check_in_background(db_path: Path) -> None:
    """Begin the start-up quick check of ``db_path`` now, in a thread.

    SQLite lets go of the GIL while it checks, so on a large book the check runs beside the
    imports of the window instead of after them. The next ``check_book`` of the same file
    waits for this answer rather than checking again; nothing is opened for writing before.
    """
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return
    answer: Future[str | None] = Future()

    def check() -> None:
        try:
            answer.set_result(quick_check(db_path))
        except BaseException as problem:  # handed to check_book, which decides
            answer.set_exception(problem)

    _early_checks[str(db_path.absolute())] = answer
    threading.Thread(target=check, name="relbook-check", daemon=True).start()


def _quick_check_answer(db_path: Path) -> str | None:
    """The answer of a check begun in the background, else a check made now."""
    early = _early_checks.pop(str(db_path.absolute()), None)
    return quick_check(db_path) if early is None else early.result()


def is_good_copy(path: Path) -> bool:
    """A non-empty SQLite file passing the quick check."""
    try:
        return path.is_file() and path.stat().st_size > 0 and quick_check(path) is None
    except (sqlite3.Error, OSError):
        return False


def newest_good_backup(*folders: Path) -> Path | None:
    """The newest of our backup files in ``folders`` that passes the check, if any."""
    entries = [
        entry
        for folder in folders
        if folder.is_dir()
        for entry in (parse_name(path) for path in folder.iterdir())
        if entry is not None
    ]
    entries.sort(key=lambda e: (e.taken_at, e.path.name), reverse=True)
    return next((e.path for e in entries if is_good_copy(e.path)), None)


def chosen_backup_folder(db_path: Path) -> Path | None:
    """The backup folder the user chose (setting ``backup.folder``), read without writing.

    A damaged book may still hold its settings; when they cannot be read, None.
    """
    chosen = stored_setting(db_path, "backup.folder")
    return Path(chosen) if isinstance(chosen, str) and chosen.strip() else None


def check_book(db_path: Path, backup_dir: Path) -> None:
    """Raise ``BookDamaged`` when the book file fails the quick check.

    A missing or empty file is a new book. A check that cannot run (the file is busy, say)
    is left to the normal opening, which reports that problem in its own words.
    """
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return
    try:
        problem = _quick_check_answer(db_path)
    except sqlite3.Error:
        return
    if problem is not None:
        chosen = chosen_backup_folder(db_path)
        backup = newest_good_backup(backup_dir, *([chosen] if chosen else []))
        raise BookDamaged(str(db_path), problem, str(backup) if backup else None)


def _fsync(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder's entries) to the disk."""
    if os.name == "nt" and path.is_dir():
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _aside_path(db_path: Path, now: datetime) -> Path:
    stem = f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}"
    target, counter = db_path.with_name(stem), 1
    while any(Path(f"{target}{side}").exists() for side in ("", *SIDE_FILES)):
        target, counter = db_path.with_name(f"{stem}-{counter}"), counter + 1
    return target


def restore_backup(db_path: Path, backup: Path, now: datetime) -> Path | None:
    """Put a copy of ``backup`` in place of the book; returns where the old file went.

    The old file (with its ``-wal``/``-shm``, which must not meet the restored copy) is
    renamed, never deleted. The copy is written and flushed beside the book first and then
    renamed into place, so a crash leaves either the old state or the restored book.
    """
    if not is_good_copy(backup):
        raise StorageError("damaged", str(backup))
    incoming = db_path.with_name(db_path.name + ".restoring")
    present = [side for side in ("", *SIDE_FILES) if Path(f"{db_path}{side}").exists()]
    aside = _aside_path(db_path, now) if present else None
    moved: list[str] = []
    try:
        shutil.copyfile(backup, incoming)
        _fsync(incoming)
        for side in present:
            os.replace(f"{db_path}{side}", f"{aside}{side}")
            moved.append(side)
        os.replace(incoming, db_path)
        _fsync(db_path.parent)
    except OSError as error:
        for side in reversed(moved):  # put the old file back together as it was
            os.replace(f"{aside}{side}", f"{db_path}{side}")
        incoming.unlink(missing_ok=True)
        code = fault_code(error) or "io_error"
        raise StorageError(code, str(db_path), str(error)) from error
    return aside
