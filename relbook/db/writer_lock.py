"""One writer per book: an operating-system lock on ``relbook.lock`` in the data folder.

The window holds the lock for as long as it runs; a writing CLI command holds it while it
works. The lock belongs to the process, so the system releases it when the process ends,
however it ends (a crash or a kill leaves no stale lock behind). The file itself stays; it
only holds the owner's process id, for the message a second writer shows.
"""

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from relbook.db.errors import BookInUse
from relbook.db.faults import storage_error
from relbook.db.location import database_path

LOCK_FILENAME = "relbook.lock"


class WriterLock:
    """Held from ``acquire()`` until ``release()`` (or the process ends)."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILENAME
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> "WriterLock":
        """Take the lock at once or raise ``BookInUse``; never waits.

        A folder where the lock file cannot be created (a read-only stick or share) raises
        ``StorageError`` (``read_only``): nobody can write the book there, so the window
        opens it read-only and writing commands refuse.
        """
        if self._handle is not None:
            return self
        try:
            handle = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - kept open while held
        except OSError as error:
            mapped = storage_error(error, database_path(self.data_dir))
            if mapped is None:
                raise
            raise mapped from error
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise BookInUse(str(self.data_dir), self._owner()) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def _owner(self) -> int | None:
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def __enter__(self) -> "WriterLock":
        return self.acquire()

    def __exit__(
        self,
        _kind: type[BaseException] | None,
        _value: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
