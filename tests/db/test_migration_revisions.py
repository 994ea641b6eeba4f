"""Every alembic revision keeps every row: a book filled at the previous revision is upgraded.

The rows are made up from the reflected schema (one row per table, parents before children), so
a new revision is covered by this test the day it is written.
"""

import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from relbook.core.models import Base
from relbook.db import migrate
from relbook.db.engine import make_engine


def _revisions() -> list[tuple[str | None, str]]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    pairs = [(r.down_revision, r.revision) for r in script.walk_revisions()]
    return [(str(down) if down else None, rev) for down, rev in reversed(pairs)]


def _upgrade(db_path: Path, revision: str) -> None:
    """The app's own upgrade path (one transaction, foreign keys off), to ``revision``."""
    engine = make_engine(db_path)
    try:
        migrate.apply_revisions(engine, revision)
    finally:
        engine.dispose()


def _codes() -> dict[tuple[str, str], object]:
    """A valid code for each column the models hold to a vocabulary (``models.one_of``)."""
    found: dict[tuple[str, str], object] = {}
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, sa.CheckConstraint):
                rule = re.fullmatch(r"(\w+) IN \('([^']*)'.*", str(constraint.sqltext))
                if rule:
                    found[(table.name, rule[1])] = rule[2]
    return found


CHECKED: dict[tuple[str, str], object] = {
    **_codes(),
    ("special_date", "family_member_id"): None,
    ("gift", "family_member_id"): None,
    ("gift", "direction"): "given",
    ("opportunity", "stage"): "analysis",
}
"""Values the tables' CHECK constraints need (a code from the column's vocabulary; a date or
gift belongs to one owner; an opportunity's stage refers to a seeded stage by its code)."""


def _value(column: sa.Column, k: int, parent_ids: dict[tuple[str, int], int]) -> object:
    """The ``k``-th made-up value (k = 1 or 2); a second reference to one table points away."""
    if (column.table.name, column.name) in CHECKED:
        return CHECKED[(column.table.name, column.name)]
    for key in column.foreign_keys:
        parent = key.column.table.name
        siblings = [c for c in column.table.columns if c.foreign_keys and _parent(c) == parent]
        which = k if siblings.index(column) == 0 else 3 - k
        return parent_ids.get((parent, which), which)
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return k
    if isinstance(kind, sa.Float | sa.Numeric):
        return float(k)
    if isinstance(kind, sa.DateTime):
        return datetime(2025, 1, k, 9, 0)
    if isinstance(kind, sa.Date):
        return date(2025, 1, k)
    if isinstance(kind, sa.Enum):
        return kind.enums[0]
    return f"x{k}"


def _parent(column: sa.Column) -> str:
    return next(iter(column.foreign_keys)).column.table.name


def _generated(column: sa.Column) -> bool:
    """An id SQLite numbers itself: a lone integer primary key that refers to nothing."""
    keys = [c for c in column.table.columns if c.primary_key]
    return keys == [column] and isinstance(column.type, sa.Integer) and not column.foreign_keys


def _fill(db_path: Path) -> dict[str, int]:
    """Two rows in every table (but alembic's); returns the row count of each table."""
    engine = make_engine(db_path)
    metadata = sa.MetaData()
    metadata.reflect(engine)
    parent_ids: dict[tuple[str, int], int] = {}
    try:
        with engine.begin() as connection:
            for table in metadata.sorted_tables:
                if table.name == "alembic_version":
                    continue
                for k in (1, 2):
                    row = {
                        c.name: _value(c, k, parent_ids)
                        for c in table.columns
                        if not _generated(c) and (not c.nullable or c.foreign_keys)
                    }
                    result = connection.execute(sa.insert(table).values(**row))
                    if result.inserted_primary_key:
                        parent_ids[(table.name, k)] = result.inserted_primary_key[0]
            return {
                t.name: connection.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in metadata.sorted_tables
                if t.name != "alembic_version"
            }
    finally:
        engine.dispose()


def _counts(db_path: Path, tables: list[str]) -> dict[str, int]:
    connection = sqlite3.connect(db_path)
    try:
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


@pytest.mark.parametrize(("previous", "revision"), [p for p in _revisions() if p[0]])
def test_a_filled_book_keeps_every_row_through_the_revision(tmp_path, previous, revision):
    db_path = tmp_path / "relbook.sqlite"
    _upgrade(db_path, previous)
    before = _fill(db_path)
    assert all(count >= 2 for count in before.values())
    _upgrade(db_path, revision)
    after = _counts(db_path, list(before))
    assert {t: n for t, n in after.items() if n < before[t]} == {}
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_the_revisions_form_one_line_ending_at_head():
    revisions = _revisions()
    assert revisions[0][0] is None
    assert [down for down, _ in revisions[1:]] == [rev for _, rev in revisions[:-1]]
    assert revisions[-1][1] == migrate.head_revision()
