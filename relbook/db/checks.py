"""Is the book file sound? SQLite's integrity check and foreign-key check."""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from relbook.db.backups import open_live
from relbook.db.errors import ValidationError


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
    whose -shm file it has to create. A file SQLite cannot read at all is one integrity problem.
    """
    if not db_path.is_file():
        raise ValidationError.single("book", "book_missing", value=str(db_path))
    try:
        connection = open_live(db_path)
        try:
            verdict = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
            references = [
                BrokenReference(str(row[0]), row[1], str(row[2]))
                for row in connection.execute("PRAGMA foreign_key_check")
            ]
        finally:
            connection.close()
    except sqlite3.DatabaseError as problem:
        return CheckReport([str(problem)])
    problems = [] if verdict == ["ok"] else [line for v in verdict for line in v.splitlines()]
    return CheckReport(problems, references)
