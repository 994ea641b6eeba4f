"""The rules every archived row must keep before an archive is copied or merged.

A JSON archive is a file anyone can edit, so its rows are held to what the normal commands
allow: text no longer than its column (``String(n)`` in the models), the codes and ranges of
the tables' CHECK rules, days in the supported range, special days that exist, no contact
referring themselves and no referral loop. The rules run on the rows as read, before anything
is written, so a copy and a merge refuse the same file with the same error:
``archive_inconsistent`` naming the file, table, row id, column and problem.
"""

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import CheckConstraint, Date, DateTime, String, Table

from relbook.core.calendar import CalendarDate
from relbook.core.calendar import validate as validate_calendar_date
from relbook.core.enums import CalendarKind
from relbook.core.errors import ValidationError
from relbook.core.settings import SETTINGS, is_machine_setting
from relbook.core.supported_days import is_supported
from relbook.exchange.files import file_error

Row = dict[str, Any]

TOO_LONG, NOT_ALLOWED, DAY_OUT_OF_RANGE, NO_SUCH_DAY = (
    "too_long",
    "not_allowed",
    "day_out_of_range",
    "no_such_day",
)
SELF_REFERENCE, REFERRAL_LOOP = "self_reference", "referral_loop"
"""The problems ``archive_inconsistent`` reports (its ``problem`` parameter)."""
_SELF_COLUMNS = {"contact": ("id", "referred_by_id")}
"""Self-references the tables' CHECK rules do not cover (referral and relation rows have one)."""


def check_archive_rows(
    tables: dict[str, list[Row]], ordered: Iterable[Table], filename: str
) -> None:
    """Raise ``archive_inconsistent`` (with table, row, column and problem) for the first
    row breaking a rule, table by table."""
    for table in ordered:
        rows = tables.get(table.name, [])
        if not rows:
            continue
        _check_columns(table, rows, filename)
        _check_constraints(table, rows, filename)
    _check_settings(tables.get("setting", []), filename)
    _check_special_dates(tables.get("special_date", []), filename)
    _check_self_references(tables, filename)
    _check_loops(tables, filename)


def _invalid(filename: str, table: str, row: Row, column: str, problem: str, **extra: Any) -> Any:
    return file_error(
        "archive_inconsistent",
        filename,
        table=table,
        row=row.get("id", row.get("key", "?")),
        column=column,
        problem=problem,
        **extra,
    )


def _check_columns(table: Table, rows: list[Row], filename: str) -> None:
    """Text lengths and days, column by column (a loop per column: 100,000 rows are quick)."""
    for column in table.columns:
        name = column.name
        if isinstance(column.type, String) and column.type.length:
            limit = column.type.length
            for row in rows:
                value = row[name]
                if isinstance(value, str) and len(value) > limit:
                    raise _invalid(filename, table.name, row, name, TOO_LONG, max=limit)
        elif isinstance(column.type, Date | DateTime):
            for row in rows:
                value = row[name]
                if isinstance(value, date | datetime) and not is_supported(value):
                    raise _invalid(
                        filename, table.name, row, name, DAY_OUT_OF_RANGE, day=value.isoformat()
                    )


def _sql_value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _check_constraints(table: Table, rows: list[Row], filename: str) -> None:
    """The table's CHECK rules (codes, ranges, one owner, not self), evaluated by SQLite itself
    on the rows in a scratch table: exactly what the book would refuse, without writing it."""
    checks = [c for c in table.constraints if isinstance(c, CheckConstraint)]
    if not checks:
        return
    # only the columns the rules name go into the scratch table: a quick copy of a big book
    rules = " ".join(str(c.sqltext) for c in checks)
    named = set(re.findall(r"[a-z_][a-z0-9_]*", rules))
    names = [c.name for c in table.columns if c.name in named]
    dated = {c.name for c in table.columns if isinstance(c.type, Date | DateTime)}
    scratch = sqlite3.connect(":memory:")
    try:
        quoted = ", ".join(f'"{n}"' for n in names)
        scratch.execute(f"CREATE TABLE t ({quoted})")
        if dated & set(names):
            values: Iterable[Any] = ([_sql_value(row[n]) for n in names] for row in rows)
        else:
            values = (
                map(itemgetter(*names), rows)
                if len(names) > 1
                else ((row[names[0]],) for row in rows)
            )
        scratch.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(names))})", values)
        for check in checks:
            rule = str(check.sqltext)
            broken = scratch.execute(
                f"SELECT rowid FROM t WHERE NOT ({rule}) ORDER BY rowid LIMIT 1"
            ).fetchone()
            if broken is not None:
                row = rows[broken[0] - 1]
                raise _invalid(filename, table.name, row, _rule_column(rule, names), NOT_ALLOWED)
    finally:
        scratch.close()


def _rule_column(rule: str, names: list[str]) -> str:
    """The first of the table's columns a rule names."""
    found = [(m.start(), m[0]) for m in re.finditer(r"[a-z_][a-z0-9_]*", rule) if m[0] in names]
    return min(found)[1] if found else ""


def _check_settings(rows: list[Row], filename: str) -> None:
    """A book setting holds a value its declaration accepts, as ``set_setting`` demands."""
    for row in rows:
        definition = SETTINGS.get(row["key"])
        if definition is None or is_machine_setting(row["key"]):
            continue  # left out of the book (``archive.read_archive``)
        try:
            definition.validate(json.loads(row["value"]))
        except (ValueError, ValidationError):
            raise _invalid(filename, "setting", row, "value", NOT_ALLOWED) from None


def _check_special_dates(rows: list[Row], filename: str) -> None:
    """Each special day exists in its calendar (no solar February 30, no lunar day missing)."""
    for row in rows:
        try:
            kind = CalendarKind(row["calendar"])
        except ValueError:
            continue  # the table's CHECK rule reports the code
        value = CalendarDate(
            kind, row["month"], row["day"], row["year"], bool(row["is_leap_month"])
        )
        errors = validate_calendar_date(value, "day")
        if errors:
            out_of_range = errors[0].code == "day_out_of_range"
            problem, column = (DAY_OUT_OF_RANGE, "year") if out_of_range else (NO_SUCH_DAY, "day")
            raise _invalid(filename, "special_date", row, column, problem, day=value.iso())


def _check_self_references(tables: dict[str, list[Row]], filename: str) -> None:
    for table, (own, other) in _SELF_COLUMNS.items():
        for row in tables.get(table, []):
            if row[other] is not None and row[other] == row[own]:
                raise _invalid(filename, table, row, other, SELF_REFERENCE)


def _check_loops(tables: dict[str, list[Row]], filename: str) -> None:
    """No contact above themselves in the referral tree, by "referred by" or by referral rows."""
    contacts = tables.get("contact", [])
    parents = {r["id"]: [r["referred_by_id"]] for r in contacts if r["referred_by_id"] is not None}
    looped = _first_in_loop(parents)
    if looped is not None:
        row = next(r for r in contacts if r["id"] == looped)
        raise _invalid(filename, "contact", row, "referred_by_id", REFERRAL_LOOP)
    referrals = tables.get("referral", [])
    referrers: dict[int, list[int]] = {}
    for row in referrals:
        referrers.setdefault(row["referred_id"], []).append(row["referrer_id"])
    looped = _first_in_loop(referrers)
    if looped is not None:
        row = next(r for r in referrals if r["referred_id"] == looped)
        raise _invalid(filename, "referral", row, "referrer_id", REFERRAL_LOOP)


def _first_in_loop(parents: dict[int, list[int]]) -> int | None:
    """A node that stands above itself in ``parents`` (child -> parents), or None."""
    done: set[int] = set()
    for start in sorted(parents):
        if start in done:
            continue
        path: set[int] = set()
        for node in _walk(start, parents, done, path):
            return node
    return None


def _walk(
    start: int, parents: dict[int, list[int]], done: set[int], path: set[int]
) -> Iterator[int]:
    """Depth-first from ``start`` without recursion; yields a node met again on its own path."""
    stack: list[tuple[int, Iterator[int]]] = [(start, iter(parents.get(start, ())))]
    path.add(start)
    while stack:
        node, upward = stack[-1]
        parent = next(upward, None)
        if parent is None:
            stack.pop()
            path.discard(node)
            done.add(node)
            continue
        if parent in path:
            yield parent
            return
        if parent not in done:
            path.add(parent)
            stack.append((parent, iter(parents.get(parent, ()))))
