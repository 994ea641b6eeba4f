"""Backups of the book: taking them with SQLite's online backup API, listing and rotating them.

A backup is one self-contained SQLite file named ``relbook-YYYYMMDD-HHMMSS-REASON.sqlite``
(``-N`` is appended when two are taken in the same second). Only files with such a name are
listed or ever deleted, so a backup folder can be shared with anything else (a synced folder,
a USB stick).

Rotation (after every backup, in the folder the backup went to), in the manner of
``borg prune``:

- ``manual`` backups are never deleted: the user made them on purpose and deletes them;
- of the automatic ones (``daily`` and the ``before-*`` safety copies) the newest of each of
  the ``keep_daily`` most recent days that have a backup is kept, and on those days every
  ``before-*`` copy is kept too: it is the way back from that one import, restore or upgrade;
- the newest of each of the ``keep_weekly`` most recent ISO weeks that have a backup is kept;
- the newest backup is always kept.

Days and weeks are counted among those that have backups, not on the calendar, so a holiday
away from the computer does not empty the folder.

The settings (folder and rotation) are read straight from the book's ``setting`` table without
the ORM, so this works on any schema revision, before a migration too.
"""

import errno
import json
import os
import re
import sqlite3
import time
from collections.abc import Collection, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from relbook.db.errors import ValidationError
from relbook.db.faults import fault_code
from relbook.db.location import backup_dir, read_only_uri

DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 4
REASONS = ("daily", "before-migration", "before-import", "before-restore", "manual")
"""Why a backup was taken; the last part of its name."""
SAFETY_REASONS = ("before-migration", "before-import", "before-restore")

_NAME = re.compile(
    r"^relbook-(\d{8})-(\d{6})-(daily|manual|before-migration|before-import|before-restore"
    r"|before-\d{4})(?:-(\d+))?\.sqlite$"
)
_LEGACY_MIGRATION = re.compile(r"^before-\d{4}$")
"""Older versions named migration backups after the new revision, e.g. ``before-0003``."""


class BookFiles(Protocol):
    """What backing up needs of an open book (``relbook.db.book.Book`` has it)."""

    data_dir: Path
    db_path: Path


@dataclass(frozen=True)
class Rotation:
    keep_daily: int = DEFAULT_KEEP_DAILY
    keep_weekly: int = DEFAULT_KEEP_WEEKLY


@dataclass(frozen=True)
class BackupPlan:
    """Where backups go and how many are kept, as the book's settings say."""

    folder: Path
    default_folder: Path
    rotation: Rotation

    @property
    def folders(self) -> list[Path]:
        """Every folder that may hold this book's backups, the chosen one first."""
        if self.folder == self.default_folder:
            return [self.folder]
        return [self.folder, self.default_folder]


@dataclass(frozen=True)
class BackupEntry:
    """A backup file known by its name alone."""

    path: Path
    taken_at: datetime
    reason: str
    number: int = 0
    """Tells apart backups taken in the same second (``-1``, ``-2``, ... in the name)."""

    @property
    def order(self) -> tuple[datetime, int]:
        return self.taken_at, self.number


@dataclass(frozen=True)
class BackupInfo:
    """A backup with what it holds; ``contacts`` and ``revision`` are None when unreadable."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    contacts: int | None
    revision: str | None


def backup_error(code: str, path: Path | str, **params: Any) -> ValidationError:
    """A backup problem, worded by ``labels.error_text`` (field ``backup``, value the path)."""
    return ValidationError.single("backup", code, value=str(path), **params)


def os_reason(problem: OSError) -> str:
    return problem.strerror or str(problem)


def write_error(problem: OSError, folder: Path) -> ValidationError:
    """A failed backup, by cause: a full disk, a folder that cannot be written, or other."""
    codes = {"disk_full": "backup_disk_full", "read_only": "backup_folder_unwritable"}
    code = codes.get(fault_code(problem) or "", "backup_cannot_write")
    return backup_error(code, folder, reason=os_reason(problem))


# --- names ---------------------------------------------------------------------------------
def parse_name(path: Path) -> BackupEntry | None:
    """The entry for one of our backup files; None for any other file."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    reason = match.group(3)
    if _LEGACY_MIGRATION.match(reason):
        reason = "before-migration"
    return BackupEntry(path, taken_at, reason, int(match.group(4) or 0))


def _free_name(folder: Path, reason: str, now: datetime) -> Path:
    stem = f"relbook-{now:%Y%m%d-%H%M%S}-{reason}"
    target = folder / f"{stem}.sqlite"
    counter = 1
    while target.exists():
        target = folder / f"{stem}-{counter}.sqlite"
        counter += 1
    return target


def entries_in(folder: Path) -> list[BackupEntry]:
    """Our backups in ``folder``, newest first; a missing folder holds none."""
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    found = [e for e in (parse_name(p) for p in names if p.is_file()) if e is not None]
    return sorted(found, key=lambda e: e.order, reverse=True)


# --- copying -------------------------------------------------------------------------------
def open_frozen(path: Path) -> sqlite3.Connection:
    """Read a file nobody writes (a backup) without leaving -wal or -shm files beside it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def open_live(db_path: Path) -> sqlite3.Connection:
    """A plain connection to the book, which may be open elsewhere; never creates the file."""
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=rw", uri=True)


def write_copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy an open database into ``target`` as one self-contained file, all or nothing.

    The copy is written beside the target and renamed over it, so a full disk never leaves half
    a backup that looks like a good one. Its journal mode is set back to DELETE: a WAL-mode
    copy would need -wal and -shm files to be read, which a read-only stick cannot hold.
    """
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        destination = sqlite3.connect(temporary)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        _fsync(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


STALE_TEMPORARY_SECONDS = 15 * 60
"""A temporary copy untouched this long was left by a backup that was killed: SQLite's
backup writes its pages continuously, so one being written now is always fresher."""


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Delete the half-written copies (``.relbook-….sqlite.tmp``) a killed backup left.

    Only our own pattern, and only files untouched for ``STALE_TEMPORARY_SECONDS``: a backup
    another process is writing right now is left alone. Returns what was deleted.
    """
    moment = time.time() if now is None else now
    removed: list[Path] = []
    try:
        names = list(folder.iterdir())
    except OSError:
        return removed
    for path in names:
        name = path.name
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        if parse_name(Path(name[1 : -len(".tmp")])) is None:
            continue
        with suppress(OSError):
            if moment - path.stat().st_mtime >= STALE_TEMPORARY_SECONDS:
                path.unlink()
                removed.append(path)
    return removed


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def copy_database(db_path: Path, target: Path) -> None:
    """A consistent copy of a live book (SQLite's online backup API, safe while it is open).

    A book in a read-only folder (a stick, a share) is read without -shm, as the window reads
    it: copying it elsewhere is how to get its contents off.
    """
    source = open_live(db_path)
    try:
        try:
            write_copy(source, target)
        except sqlite3.Error as problem:
            if fault_code(problem) not in ("read_only", "cannot_open") or os.access(
                db_path.parent, os.W_OK
            ):
                raise
            source.close()
            source = open_read_only(db_path)
            write_copy(source, target)
    finally:
        source.close()


def open_read_only(db_path: Path) -> sqlite3.Connection:
    """Read a book in a folder that cannot be written (``immutable`` when no -wal is left)."""
    wal = db_path.with_name(db_path.name + "-wal")
    return sqlite3.connect(read_only_uri(db_path, immutable=not wal.exists()), uri=True)


def take_backup(db_path: Path, folder: Path, reason: str, now: datetime) -> Path:
    """Copy the book into ``folder`` under a name saying when and why; raises OSError.

    The folder must exist: a chosen folder that is gone (an unplugged stick) is never created
    again, which would hide the backups on the computer's own disk.
    """
    if reason not in REASONS:
        raise ValueError(f"reason must be one of {REASONS}, not {reason!r}")
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder))
    remove_stale_temporaries(folder)
    target = _free_name(folder, reason, now)
    try:
        copy_database(db_path, target)
    except sqlite3.Error as problem:
        raise OSError(str(problem)) from problem
    return target


# --- settings ------------------------------------------------------------------------------
def stored_settings(db_path: Path) -> dict[str, Any]:
    """The book's settings as stored (JSON-decoded); empty when the file or table is missing."""
    if not db_path.exists():
        return {}
    try:
        connection = open_live(db_path)
    except sqlite3.Error:
        return {}
    try:
        rows = connection.execute("SELECT key, value FROM setting").fetchall()
    except sqlite3.Error:
        return {}
    finally:
        connection.close()
    values: dict[str, Any] = {}
    for key, value in rows:
        try:
            values[key] = json.loads(value)
        except (TypeError, ValueError):
            continue
    return values


def _count(value: Any, default: int, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return max(low, value)


def backup_plan(db_path: Path, default_folder: Path) -> BackupPlan:
    """Where the book's backups go and how many are kept, from its settings."""
    stored = stored_settings(db_path)
    chosen = stored.get("backup.folder")
    folder = Path(chosen) if isinstance(chosen, str) and chosen.strip() else default_folder
    rotation = Rotation(
        _count(stored.get("backup.keep_daily"), DEFAULT_KEEP_DAILY, 1),
        _count(stored.get("backup.keep_weekly"), DEFAULT_KEEP_WEEKLY, 0),
    )
    return BackupPlan(folder, default_folder, rotation)


def check_folder(folder: Path) -> None:
    """Raise a ValidationError unless backups can be written into ``folder``."""
    probe = folder / f".relbook-probe-{os.getpid()}"
    try:
        if not folder.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder))
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as problem:
        raise backup_error("backup_folder_unwritable", folder, reason=os_reason(problem)) from None


# --- rotation ------------------------------------------------------------------------------
def to_delete(
    entries: Iterable[BackupEntry], rotation: Rotation, keep: Collection[Path] = ()
) -> list[Path]:
    """The backups the rotation removes (see the module's docstring); ``keep`` is spared."""
    automatic = sorted(
        (e for e in entries if e.reason != "manual"),
        key=lambda e: e.order,
        reverse=True,
    )
    if not automatic:
        return []
    days: dict[date, list[BackupEntry]] = {}
    weeks: dict[tuple[int, int], BackupEntry] = {}
    for entry in automatic:
        days.setdefault(entry.taken_at.date(), []).append(entry)
        iso = entry.taken_at.isocalendar()
        weeks.setdefault((iso.year, iso.week), entry)
    kept = {automatic[0].path, *keep}
    for day in list(days)[: rotation.keep_daily]:
        kept.add(days[day][0].path)
        kept.update(e.path for e in days[day] if e.reason in SAFETY_REASONS)
    for week in list(weeks)[: rotation.keep_weekly]:
        kept.add(weeks[week].path)
    return [e.path for e in automatic if e.path not in kept]


def rotate(folder: Path, rotation: Rotation, keep: Collection[Path] = ()) -> list[Path]:
    """Delete what the rotation does not keep; returns what went (undeletable files stay)."""
    entries = entries_in(folder)
    wanted = {path.resolve() for path in keep}
    spared = {e.path for e in entries if e.path.resolve() in wanted}
    removed = []
    for path in to_delete(entries, rotation, spared):
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


# --- backing up a book ---------------------------------------------------------------------
def backup_file(
    db_path: Path,
    default_folder: Path,
    reason: str,
    now: datetime,
    keep: Collection[Path] = (),
) -> Path:
    """Back the book up into its chosen folder, then rotate there.

    When the chosen folder cannot be written (the USB stick is not plugged in), the backup goes
    to ``default_folder`` instead: a backup in the wrong place beats none, and a missing stick
    must not stop an upgrade. The caller sees where it went from the returned path.
    """
    plan = backup_plan(db_path, default_folder)
    try:
        if plan.folder == default_folder:
            default_folder.mkdir(parents=True, exist_ok=True)
        path = take_backup(db_path, plan.folder, reason, now)
    except OSError as problem:
        if plan.folder == default_folder:
            raise write_error(problem, plan.folder) from problem
        try:
            default_folder.mkdir(parents=True, exist_ok=True)
            path = take_backup(db_path, default_folder, reason, now)
        except OSError as second:
            raise write_error(second, default_folder) from second
    rotate(path.parent, plan.rotation, keep)
    return path


def book_plan(book: BookFiles) -> BackupPlan:
    return backup_plan(book.db_path, backup_dir(book.data_dir))


def backup_book(book: BookFiles, reason: str, now: datetime) -> Path:
    """A backup of an open book into its chosen folder (see ``backup_file``)."""
    return backup_file(book.db_path, backup_dir(book.data_dir), reason, now)


def backup_to(book: BookFiles, target: Path, now: datetime) -> Path:
    """A copy at a place the user names, outside the rotation; a folder gets a dated name."""
    if target.is_dir():
        target = _free_name(target, "manual", now)
    if target.resolve() == book.db_path.resolve():
        raise backup_error("backup_is_book", target)
    try:
        copy_database(book.db_path, target)
    except sqlite3.Error as problem:
        raise backup_error("backup_cannot_write", target, reason=str(problem)) from problem
    except OSError as problem:
        raise write_error(problem, target) from problem
    return target


def book_is_empty(db_path: Path) -> bool:
    """No contact at all, not even in the trash: a new book not worth a backup."""
    try:
        connection = open_live(db_path)
    except sqlite3.Error:
        return False
    try:
        return connection.execute("SELECT count(*) FROM contact").fetchone()[0] == 0
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def ensure_daily_backup(book: BookFiles, now: datetime) -> Path | None:
    """The day's backup, taken at the first start of each calendar day; None when not needed.

    An empty new book is not backed up, and neither is a day that already has its backup.
    """
    plan = book_plan(book)
    today = now.date()
    for folder in plan.folders:
        if any(e.reason == "daily" and e.taken_at.date() == today for e in entries_in(folder)):
            return None
    if book_is_empty(book.db_path):
        return None
    return backup_file(book.db_path, plan.default_folder, "daily", now)


# --- listing -------------------------------------------------------------------------------
def _contents(connection: sqlite3.Connection) -> tuple[int | None, str | None]:
    contacts: int | None = None
    revision: str | None = None
    with suppress(sqlite3.Error):
        row = connection.execute("SELECT count(*) FROM contact WHERE deleted_at IS NULL")
        contacts = int(row.fetchone()[0])
    with suppress(sqlite3.Error):
        found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(found[0]) if found else None
    return contacts, revision


def describe(entry: BackupEntry) -> BackupInfo:
    """Size, live contacts and schema revision of a backup, read without changing it."""
    try:
        size = entry.path.stat().st_size
    except OSError:
        size = 0
    contacts: int | None = None
    revision: str | None = None
    with suppress(sqlite3.Error):
        connection = open_frozen(entry.path)
        try:
            contacts, revision = _contents(connection)
        finally:
            connection.close()
    return BackupInfo(entry.path, entry.taken_at, entry.reason, size, contacts, revision)


def list_backups(plan: BackupPlan) -> list[BackupInfo]:
    """The backups in the chosen folder and the data folder's backups/, newest first."""
    seen: set[Path] = set()
    entries = []
    for folder in plan.folders:
        for entry in entries_in(folder):
            if entry.path.resolve() not in seen:
                seen.add(entry.path.resolve())
                entries.append(entry)
    entries.sort(key=lambda e: e.order, reverse=True)
    return [describe(e) for e in entries]
