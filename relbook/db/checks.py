"""Is the book file sound? SQLite's integrity check and foreign-key check."""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from relbook.db.backups import open_live, open_read_only
from relbook.db.errors import ValidationError
from relbook.db.faults import fault_code, storage_error


@dataclass(frozen=True)
class BrokenReference:
    """A row of ``table`` pointing at a row of ``parent`` that does not exist."""

    table: str
    rowid: int | None
    parent: str


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    """SQLite's own words for each problem of the file's structure; empty when sound."""
    references: list[BrokenReference] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.integrity and not self.references


def check_book(db_path: Path) -> CheckReport:
    """Run both checks on the book file; it may be open in the window meanwhile.

    Nothing is written; the connection is read-write only so SQLite can read a WAL-mode book
    whose -shm file it has to create. A file SQLite cannot read at all is one integrity problem;
    a book it cannot get at right now (busy, read-only folder, disk fault) is a ``StorageError``.
    """
    if not db_path.is_file():
        raise ValidationError.single("book", "book_missing", value=str(db_path))
    try:
        try:
            verdict, references = _run_checks(open_live(db_path))
        except sqlite3.DatabaseError as problem:
            if fault_code(problem) not in ("read_only", "cannot_open"):
                raise
            # a read-only folder (a stick, a share): read it without -shm, as the window does
            verdict, references = _run_checks(open_read_only(db_path))
    except sqlite3.DatabaseError as problem:
        # Only damage is damage: a busy book (another program holds it past the busy
        # timeout), a full disk or a read-only folder say nothing about the file, and calling
        # them damage would invite a needless restore.
        if fault_code(problem) in (None, "damaged"):
            return CheckReport([str(problem)])
        mapped = storage_error(problem, db_path)
        assert mapped is not None
        raise mapped from problem
    problems = [] if verdict == ["ok"] else [line for v in verdict for line in v.splitlines()]
    return CheckReport(problems, references)


def _run_checks(connection: sqlite3.Connection) -> tuple[list[str], list[BrokenReference]]:
    """Both checks on ``connection``, which is closed afterwards."""
    try:
        verdict = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        references = [
            BrokenReference(str(row[0]), row[1], str(row[2]))
            for row in connection.execute("PRAGMA foreign_key_check")
        ]
    finally:
        connection.close()
    return verdict, references
