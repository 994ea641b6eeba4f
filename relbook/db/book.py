"""Open a book: find its file, upgrade its schema (after a backup), hand out sessions."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from relbook.core.errors import StorageError
from relbook.core.search import sql_functions
from relbook.db import integrity, location, migrate
from relbook.db.engine import IMMEDIATE, make_engine, make_session_factory
from relbook.db.faults import storage_error


@dataclass
class Book:
    """An open book file. ``session()`` is the unit of work every caller uses."""

    data_dir: Path
    db_path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_made: Path | None = None
    read_only: bool = False
    """Opened read-only because the file or its folder cannot be written."""

    @contextmanager
    def session(self, immediate: bool = False) -> Iterator[Session]:
        """A session committed on success and rolled back on any error.

        ``immediate`` takes the write lock when the transaction begins: for work that reads
        and then writes while other connections may commit (see ``engine.IMMEDIATE``).
        """
        session = (
            self.sessions(execution_options={IMMEDIATE: True}) if immediate else self.sessions()
        )
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def reopen(self, now: datetime | None = None) -> None:
        """Open the file again after a restore replaced it (upgrading it if older).

        This object takes the new engine, so every screen and service holding it follows.
        """
        self.engine.dispose()
        fresh = open_book(self.data_dir, now)
        self.engine, self.sessions = fresh.engine, fresh.sessions
        self.backup_made, self.read_only = fresh.backup_made, fresh.read_only


def _install_functions(engine: Engine) -> None:
    def register(dbapi_connection: object, _record: object) -> None:
        for name, (arity, function) in sql_functions().items():
            dbapi_connection.create_function(  # type: ignore[attr-defined]
                name, arity, function, deterministic=True
            )

    event.listen(engine, "connect", register)


def open_book(
    data_dir: str | Path | None = None,
    now: datetime | None = None,
    *,
    read_only: bool | None = None,
) -> Book:
    """Open (creating or upgrading as needed) the book in ``data_dir`` or the default place.

    The file is checked first and a damaged one is left untouched (``BookDamaged``). A book
    whose file or folder cannot be written opens read-only (``read_only=None`` decides by the
    folder's permissions). Faults of the disk or of other programs raise ``StorageError``.
    """
    try:
        resolved = location.resolve_data_dir(data_dir)
    except OSError as error:
        where = error.filename or str(data_dir or "")
        raise StorageError("no_folder", str(where), str(error)) from error
    db_path = location.database_path(resolved)
    backups = location.backup_dir(resolved)
    integrity.check_book(db_path, backups)
    if read_only is None:
        read_only = not _writable(resolved, db_path)
    if read_only and not db_path.is_file():
        raise StorageError("read_only", str(resolved), "no book to read")
    try:
        return _open(resolved, db_path, backups, now or datetime.now(), read_only)
    except StorageError as problem:
        if read_only or problem.code not in ("read_only", "cannot_open") or not db_path.is_file():
            raise
        return _open(resolved, db_path, backups, now or datetime.now(), True)


def _writable(data_dir: Path, db_path: Path) -> bool:
    """Whether SQLite can write the book: the folder (for -wal/-shm) and the file itself."""
    if not os.access(data_dir, os.W_OK):
        return False
    return not db_path.exists() or os.access(db_path, os.W_OK)


def _open(data_dir: Path, db_path: Path, backups: Path, now: datetime, read_only: bool) -> Book:
    engine = make_engine(db_path, read_only=read_only)
    _install_functions(engine)
    try:
        if read_only:
            migrate.require_current(engine, db_path)
            backup = None
        else:
            backup = migrate.upgrade(engine, db_path, backups, now)
    except (sqlite3.Error, OSError) as error:
        engine.dispose()
        mapped = storage_error(error, db_path)
        if mapped is None:
            raise
        raise mapped from error
    except BaseException:
        engine.dispose()
        raise
    sessions = make_session_factory(engine)
    return Book(data_dir, db_path, engine, sessions, backup, read_only=read_only)
