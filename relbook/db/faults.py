"""Failures of the disk or of another program, told apart from bugs and turned into words.

SQLite reports them as ``sqlite3.OperationalError``/``DatabaseError`` with a result code;
``storage_error`` turns the ones a user can act on into a ``StorageError`` with a code the UI
and the CLI put into words. Anything else stays a bug and keeps its own exception.
"""

import errno
import shutil
import sqlite3
from pathlib import Path

from relbook.db.errors import StorageError

_BY_RESULT_CODE = {
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_FULL: "disk_full",
    sqlite3.SQLITE_READONLY: "read_only",
    sqlite3.SQLITE_PERM: "read_only",
    sqlite3.SQLITE_CANTOPEN: "cannot_open",
    sqlite3.SQLITE_IOERR: "io_error",
    sqlite3.SQLITE_CORRUPT: "damaged",
    sqlite3.SQLITE_NOTADB: "damaged",
}

_BY_MESSAGE = {
    "database is locked": "locked",
    "database table is locked": "locked",
    "database or disk is full": "disk_full",
    "attempt to write a readonly database": "read_only",
    "unable to open database file": "cannot_open",
    "disk i/o error": "io_error",
    "database disk image is malformed": "damaged",
    "file is not a database": "damaged",
}
"""For errors raised without a result code (e.g. re-raised by a library)."""

_BY_ERRNO = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.ENOENT: "cannot_open",
    errno.EIO: "io_error",
}


def fault_code(error: BaseException) -> str | None:
    """The StorageError code for a SQLite or OS error, or None when it is not such a fault."""
    if isinstance(error, sqlite3.Error):
        result = getattr(error, "sqlite_errorcode", None)
        if result is not None and (result & 0xFF) in _BY_RESULT_CODE:
            return _BY_RESULT_CODE[result & 0xFF]
        message = str(error).lower()
        return next((code for text, code in _BY_MESSAGE.items() if text in message), None)
    if isinstance(error, OSError) and error.errno is not None:
        return _BY_ERRNO.get(error.errno)
    return None


def storage_error(error: BaseException, path: Path | str) -> StorageError | None:
    """``error`` as a StorageError about ``path``, or None when it is not a storage fault."""
    if isinstance(error, StorageError):
        return error
    original = getattr(error, "orig", None)  # SQLAlchemy wraps the driver's exception
    code = fault_code(original if isinstance(original, BaseException) else error)
    if code is None:
        return None
    if code == "io_error" and _disk_full(Path(path)):
        code = "disk_full"  # e.g. SQLITE_IOERR_SHMSIZE: the -shm file could not grow
    detail = str(original if original is not None else error)
    return StorageError(code, str(path), detail)


DISK_FULL_BYTES = 1 << 20
"""Less free space than this beside the book: an I/O error there is the disk being full."""


def _disk_full(path: Path) -> bool:
    """Whether the disk holding ``path`` (a file or a folder) is (nearly) full.

    SQLite reports some writes that fail for want of space as I/O errors (growing the -shm
    file, say), not as SQLITE_FULL; the free space tells them apart.
    """
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free < DISK_FULL_BYTES
    except OSError:
        return False
