"""Rows straight into tables with one executemany each: for demo books and large imports.

SQLAlchemy's per-row parameter work dominates inserts of many thousands of rows; these helpers
hand SQLite plain tuples instead, converted column by column as the ORM itself stores them.
"""

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Boolean, Date, DateTime, Table, func, select
from sqlalchemy.orm import Session

from relbook.core.models import Base


def sql_datetime(value: datetime) -> str:
    """The text SQLAlchemy itself stores for a DateTime in SQLite (always with microseconds)."""
    return value.isoformat(" ", "microseconds")


_ADAPTERS: dict[type, Callable[[Any], object]] = {
    DateTime: sql_datetime,
    Date: date.isoformat,
    Boolean: int,
}


def bulk_insert(session: Session, model: type[Base], rows: list[dict[str, object]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``model``'s table in the session's
    transaction, bypassing the ORM: nothing is added to the session's identity map.

    Rows become tuples and columns are converted by their schema type, column by column, so the
    per-value Python work is only the date and time formatting that SQLite storage needs.
    """
    if not rows:
        return
    table = cast(Table, model.__table__)
    columns = list(rows[0])
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    pick = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    values: list[Any] = list(zip(*map(pick, rows), strict=True))
    for index, name in enumerate(columns):
        adapt = _ADAPTERS.get(type(table.c[name].type))
        if adapt is not None:
            values[index] = [None if v is None else adapt(v) for v in values[index]]
    session.connection().exec_driver_sql(sql, list(zip(*values, strict=True)))


def next_id(session: Session, model: type[Base]) -> int:
    """The id SQLite would give the next row (its tables have no AUTOINCREMENT: max + 1)."""
    return (session.scalar(select(func.max(cast(Table, model.__table__).c.id))) or 0) + 1


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector paused while many thousands of records are made and kept.

    Every few hundred new objects the collector rescans all the records made so far, although
    they are in use and hold no cycles: that rescanning took a third of a 10,000-card import.
    Garbage with cycles is collected once the collector runs again.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
