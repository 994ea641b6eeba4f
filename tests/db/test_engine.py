"""The book's SQLite settings, SQLAlchemy-controlled transactions, and faults as clear errors."""

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import count_contacts, create_contact
from relbook.core.errors import StorageError
from relbook.db import engine as engine_module
from relbook.db.book import Book, open_book
from relbook.db.faults import fault_code, storage_error
from relbook.exchange import importer


def _add(book: Book, name: str, now, notes: str = "") -> None:
    with book.session() as session:
        create_contact(session, ContactInput(name=name, notes=notes), now)


def _count(book: Book) -> int:
    with book.session() as session:
        return count_contacts(session)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_connection_gets_the_safety_pragmas(book):
    with book.engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == engine_module.BUSY_TIMEOUT_MS
        assert pragma("trusted_schema") == 0


def test_a_rollback_of_the_outer_transaction_undoes_released_savepoints(book, now):
    # under pysqlite's legacy transactions a SAVEPOINT sent first began a transaction of its
    # own, and its RELEASE committed at once, out of reach of the caller's rollback
    session = book.sessions()
    try:
        with session.begin_nested():
            create_contact(session, ContactInput(name="张伟"), now)
        with session.begin_nested():
            create_contact(session, ContactInput(name="李娜"), now)
        session.rollback()
    finally:
        session.close()
    assert _count(book) == 0


def test_an_import_rolled_back_by_its_caller_leaves_nothing(book, now):
    source = importer.read_import(
        "name,company\n王芳,华为\n刘洋,腾讯\n".encode(), "people.csv", "csv", None, today=now.date()
    )
    session = book.sessions()
    try:
        preview = importer.preview(session, source)
        result = importer.apply_import(session, preview, now=now)
        assert len(result.created) == 2
        session.rollback()
    finally:
        session.close()
    assert _count(book) == 0


def test_reads_are_repeatable_inside_one_transaction(book, now):
    """A transaction begins at its first read, so it sees one state of the book throughout."""
    _add(book, "甲", now)
    session = book.sessions()
    try:
        assert count_contacts(session) == 1
        _add(book, "乙", now)  # committed by another connection meanwhile
        assert count_contacts(session) == 1
    finally:
        session.close()
    assert _count(book) == 2


@pytest.fixture
def quick_busy(monkeypatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 150)


@pytest.fixture
def locked_book(book, quick_busy) -> Iterator[sqlite3.Connection]:
    """Another program holds the write lock of ``book``'s file."""
    book.engine.dispose()  # new connections pick up the short busy timeout
    other = sqlite3.connect(book.db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_locked_book_refuses_the_write_clearly_and_stays_readable(book, now, locked_book):
    with pytest.raises(StorageError) as raised:
        _add(book, "王芳", now)
    assert raised.value.code == "locked"
    assert raised.value.path == str(book.db_path)
    assert _count(book) == 0  # still readable: WAL readers do not wait for the writer
    locked_book.execute("ROLLBACK")  # the other program lets go
    _add(book, "王芳", now)
    assert _count(book) == 1


def test_a_locked_book_can_still_be_opened(book, now, locked_book):
    again = open_book(book.data_dir)
    try:
        assert _count(again) == 0
    finally:
        again.close()


def test_a_full_disk_refuses_the_write_and_leaves_the_book_as_it_was(book, now):
    _add(book, "甲", now)
    with book.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(book.engine, "connect", cap)
    book.engine.dispose()  # the next connections are capped: the "disk" is full
    with pytest.raises(StorageError) as raised:
        _add(book, "王芳", now, notes="很长的备注" * 20000)
    assert raised.value.code == "disk_full"
    assert _count(book) == 1
    event.remove(book.engine, "connect", cap)
    book.engine.dispose()
    with book.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    _add(book, "王芳", now, notes="很长的备注" * 20000)
    assert _count(book) == 2


def test_a_read_only_book_can_be_read_but_not_written(data_dir, now):
    first = open_book(data_dir, now=now)
    _add(first, "甲", now)
    first.close()
    db_path = data_dir / "relbook.sqlite"
    before = _digest(db_path)
    book = open_book(data_dir, read_only=True)
    try:
        assert book.read_only
        assert _count(book) == 1
        with pytest.raises(StorageError) as raised:
            _add(book, "乙", now)
        assert raised.value.code == "read_only"
        assert _count(book) == 1
    finally:
        book.close()
    assert _digest(db_path) == before


def test_a_read_only_book_sees_changes_still_in_the_write_ahead_log(book, now):
    _add(book, "甲", now)  # book stays open: the change is in relbook.sqlite-wal
    assert Path(f"{book.db_path}-wal").exists()
    reader = open_book(book.data_dir, read_only=True)
    try:
        assert _count(reader) == 1
    finally:
        reader.close()


def test_a_folder_that_cannot_be_written_opens_the_book_read_only(data_dir, now, monkeypatch):
    open_book(data_dir, now=now).close()
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    book = open_book(data_dir)
    try:
        assert book.read_only
    finally:
        book.close()


def test_a_read_only_folder_without_a_book_is_a_clear_error(data_dir, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(StorageError) as raised:
        open_book(data_dir)
    assert raised.value.code == "read_only"
    assert not (data_dir / "relbook.sqlite").exists()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions"
)
def test_a_read_only_folder_on_disk_opens_the_book_read_only(data_dir, now):
    open_book(data_dir, now=now).close()
    data_dir.chmod(0o555)
    try:
        book = open_book(data_dir)
        try:
            assert book.read_only
            with pytest.raises(StorageError):
                _add(book, "甲", now)
        finally:
            book.close()
    finally:
        data_dir.chmod(0o755)


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StorageError) as raised:
        open_book(blocker / "book")
    assert raised.value.code == "no_folder"
    assert str(blocker) in raised.value.path


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("database is locked", "locked"),
        ("database or disk is full", "disk_full"),
        ("attempt to write a readonly database", "read_only"),
        ("unable to open database file", "cannot_open"),
        ("disk I/O error", "io_error"),
        ("database disk image is malformed", "damaged"),
        ("file is not a database", "damaged"),
        ("no such table: contact", None),
    ],
)
def test_sqlite_messages_without_a_result_code_are_recognised(message, code):
    assert fault_code(sqlite3.OperationalError(message)) == code


def test_os_errors_of_the_disk_become_storage_errors(tmp_path):
    full = OSError(28, "No space left on device")
    assert storage_error(full, tmp_path).code == "disk_full"
    assert storage_error(ValueError("bug"), tmp_path) is None


def test_a_deferred_transaction_whose_snapshot_went_stale_cannot_write(book, now):
    session = book.sessions()
    try:
        count_contacts(session)  # the transaction reads one snapshot from here on
        _add(book, "甲", now)  # another connection commits meanwhile
        with pytest.raises(StorageError) as raised:
            create_contact(session, ContactInput(name="乙"), now)
        assert raised.value.code == "locked"
    finally:
        session.rollback()
        session.close()
    assert _count(book) == 1


def test_an_immediate_session_holds_the_write_lock_from_its_start(book, now):
    other = sqlite3.connect(book.db_path, isolation_level=None, timeout=0)
    try:
        with book.session(immediate=True) as session:
            count_contacts(session)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            create_contact(session, ContactInput(name="乙"), now)
        other.execute("BEGIN IMMEDIATE")  # free again after the commit
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert _count(book) == 1
