"""SQLite engine for one book file: the settings that keep a committed change safe.

Why each setting is chosen is written down in ``docs/data-safety.md``. In short:

* ``journal_mode=WAL`` and ``synchronous=FULL``: a commit is fsynced to the write-ahead log
  before it is reported, so it survives a killed process and a power cut;
* ``foreign_keys=ON``: no row points at a missing one;
* ``busy_timeout``: another program holding the book makes a write wait, then fail cleanly;
* ``trusted_schema=OFF``: a file from elsewhere cannot run relbook's functions from its schema;
* ``fullfsync=ON``: on macOS, fsync alone does not reach the disk's platter/flash.

Transactions are SQLAlchemy's, not pysqlite's: pysqlite's legacy mode sends BEGIN only before
a data change, so reads and SAVEPOINTs sent first ran outside the transaction (a rollback did
not undo a released savepoint). Following SQLAlchemy's documented recipe, pysqlite is put in
autocommit mode and every transaction begins with an explicit ``BEGIN``.
"""

import sqlite3
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from relbook.db.faults import storage_error
from relbook.db.location import read_only_uri

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another program's lock before "the book is busy" is shown."""


def _on_connect(dbapi_connection: Any, _record: Any, busy_timeout_ms: int, read_only: bool) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy sends BEGIN (see _on_begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA trusted_schema=OFF")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA fullfsync=ON")
    finally:
        cursor.close()


IMMEDIATE = "relbook_immediate"
"""Execution option: begin with ``BEGIN IMMEDIATE``, taking the write lock at once.

A plain (deferred) transaction reads one snapshot of the book; if another connection commits
meanwhile, its first write fails at once with "database is locked" (SQLite cannot move a
snapshot forward), without waiting. A job that reads and then writes beside the window
(refreshing birthdays, importing) asks for IMMEDIATE and simply waits its turn instead.
"""


def _on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _read_only_target(db_path: Path) -> str:
    """``immutable`` when no WAL is left to read: SQLite then needs no shared-memory file,
    which it could not create in a folder it may not write."""
    wal = db_path.with_name(db_path.name + "-wal")
    return read_only_uri(db_path, immutable=not wal.exists())


def make_engine(
    db_path: Path, *, read_only: bool = False, busy_timeout_ms: int | None = None
) -> Engine:
    """An engine on ``db_path``; every pooled connection gets the book's pragmas.

    SQLite faults a user can act on (busy, disk full, read-only, ...) come out of it as
    ``StorageError`` rather than SQLAlchemy's ``OperationalError``.
    """
    if busy_timeout_ms is None:
        busy_timeout_ms = BUSY_TIMEOUT_MS
    seconds = busy_timeout_ms / 1000
    if read_only:
        uri = _read_only_target(db_path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(
                uri, uri=True, timeout=seconds, check_same_thread=False
            ),
            poolclass=QueuePool,
        )
    else:
        engine = create_engine(
            f"sqlite:///{db_path}",
            connect_args={"timeout": seconds, "check_same_thread": False},
        )
    event.listen(
        engine,
        "connect",
        partial(_on_connect, busy_timeout_ms=busy_timeout_ms, read_only=read_only),
    )
    event.listen(engine, "begin", _on_begin)

    def as_storage_error(context: ExceptionContext) -> BaseException | None:
        return storage_error(context.original_exception, db_path)

    event.listen(engine, "handle_error", as_storage_error)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
