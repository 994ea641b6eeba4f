"""Contact search as small query objects that compile to SQL, plus the list's row records.

Name matching by pinyin needs the exact matcher from ``core.pinyin``; it is installed into each
SQLite connection as ``relbook_name_match`` (see ``sql_functions``) and only runs on rows that
already passed cheap LIKE conditions.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from relbook.core import pinyin
from relbook.core.contacts import digits_only
from relbook.core.enums import DateKind
from relbook.core.fields import SORTABLE
from relbook.core.models import Contact, ContactTag, Organization, Tag


def name_match(name: str | None, stored_pinyin: str | None, query: str) -> int:
    """``relbook_name_match``: 1 when ``query`` (normalized) finds the name, else 0."""
    if not name:
        return 0
    return int(pinyin.matches_units(pinyin.units_from_stored(name, stored_pinyin or ""), query))


def sql_functions() -> dict[str, tuple[int, Callable[..., Any]]]:
    """SQL functions every book connection needs: name -> (argument count, function)."""
    return {"relbook_name_match": (3, name_match)}


class Criterion(Protocol):
    def clause(self) -> ColumnElement[bool]: ...


@dataclass(frozen=True)
class TextSearch:
    """As-you-type search: name by pinyin, or company, phone, email, tags, notes by substring."""

    text: str

    def clause(self) -> ColumnElement[bool]:
        raw = self.text.strip().lower()
        if not raw:
            return true()
        query = pinyin.normalize_query(self.text)
        if not query:  # only separators such as "_" or "-": looked for as typed, not as a name
            return or_(
                Contact.name.contains(raw, autoescape=True),
                Contact.search_text.contains(raw, autoescape=True),
            )
        han, pattern = pinyin.like_prefilter(query)
        name_clause = and_(
            *[Contact.name.contains(ch, autoescape=True) for ch in han],
            Contact.name_pinyin.like(pattern, escape="\\"),
            func.relbook_name_match(Contact.name, Contact.name_pinyin, query) == 1,
        )
        alternatives = [name_clause, Contact.search_text.contains(raw, autoescape=True)]
        digits = digits_only(raw)
        if digits and len(digits) >= 3 and digits != raw:
            alternatives.append(Contact.search_text.contains(digits, autoescape=True))
        return or_(*alternatives)


@dataclass(frozen=True)
class FieldIs:
    """A column equal to one of the given values (None matches an empty column)."""

    column: str
    values: tuple[Any, ...]

    def clause(self) -> ColumnElement[bool]:
        column = getattr(Contact, self.column)
        present = [v for v in self.values if v is not None]
        parts: list[ColumnElement[bool]] = []
        if present:
            parts.append(column.in_(present))
        if None in self.values:
            parts.append(column.is_(None))
        return or_(*parts)


@dataclass(frozen=True)
class HasTag:
    name: str

    def clause(self) -> ColumnElement[bool]:
        tagged = (
            select(ContactTag.contact_id)
            .join(Tag, Tag.id == ContactTag.tag_id)
            .where(Tag.name == self.name)
        )
        return Contact.id.in_(tagged)


@dataclass(frozen=True)
class InTrash:
    deleted: bool = False

    def clause(self) -> ColumnElement[bool]:
        return Contact.deleted_at.is_not(None) if self.deleted else Contact.deleted_at.is_(None)


@dataclass(frozen=True)
class ContactFilter:
    """What the list shows: free text plus the filter controls."""

    text: str = ""
    level: int | None = None
    stage: str | None = None
    tier: str | None = None
    tag: str | None = None
    personality: str | None = None
    source: str | None = None
    trash: bool = False

    def criteria(self) -> list[Criterion]:
        found: list[Criterion] = [InTrash(self.trash)]
        if self.text.strip():
            found.append(TextSearch(self.text))
        for column in ("level", "stage", "tier", "personality", "source"):
            value = getattr(self, column)
            if value is not None:
                found.append(FieldIs(column, (value,)))
        if self.tag:
            found.append(HasTag(self.tag))
        return found


@dataclass(frozen=True)
class Sort:
    column: str = "name"
    descending: bool = False


def _sort_keys() -> dict[str, Any]:
    """List column -> what it sorts by: the field's stored column, except for names (their
    pinyin sort key), companies (theirs) and stages (in the order a customer goes through)."""
    keys: dict[str, Any] = {f.list_key: getattr(Contact, f.column) for f in SORTABLE if f.column}
    keys.update(
        name=Contact.sort_key,
        company=Organization.sort_key,
        stage=case(
            {"potential": 0, "interested": 1, "customer": 2, "lost": 3},
            value=Contact.stage,
            else_=9,
        ),
    )
    return keys


def _order_by(sort: Sort) -> list[Any]:
    keys = _sort_keys()
    key = keys.get(sort.column, Contact.sort_key)
    primary = key.desc() if sort.descending else key.asc()
    if sort.column in ("company", "tier", "next_birthday"):
        primary = primary.nulls_last()
    elif sort.column == "last_contact":
        # never contacted counts as longest ago: first when looking for the neglected
        primary = primary.nulls_last() if sort.descending else primary.nulls_first()
    if sort.column == "name":
        return [primary, Contact.id.desc() if sort.descending else Contact.id.asc()]
    return [primary, Contact.sort_key, Contact.id]


def contact_ids(session: Session, wanted: ContactFilter, sort: Sort | None = None) -> list[int]:
    """Ids of the contacts the filter selects, in display order."""
    sort = sort or Sort()
    statement = select(Contact.id).where(*[c.clause() for c in wanted.criteria()])
    if sort.column == "company":
        statement = statement.outerjoin(Organization, Contact.organization_id == Organization.id)
    statement = statement.order_by(*_order_by(sort))
    return list(session.scalars(statement))


@dataclass(frozen=True)
class ContactRow:
    """One line of the contact list: plain values, never a live ORM object."""

    id: int
    name: str
    company: str
    title: str
    level: int
    stage: str
    tier: str | None
    personality: str | None
    next_birthday: date | None
    birthday_calendar: str | None
    tags: tuple[str, ...] = field(default_factory=tuple)
    deleted_at: datetime | None = None
    last_contacted_at: datetime | None = None
    cadence_days: int | None = None
    created_at: datetime | None = None


_ROWS_SQL = f"""
SELECT c.id, c.name, o.name, c.title, c.level, c.stage, c.tier, c.personality, c.next_birthday,
       (SELECT sd.calendar FROM special_date sd
        WHERE sd.contact_id = c.id AND sd.kind = '{DateKind.BIRTHDAY.value}' LIMIT 1),
       c.deleted_at, c.last_contacted_at, c.cadence_days, c.created_at
FROM contact c LEFT OUTER JOIN organization o ON c.organization_id = o.id
WHERE c.id IN ({{marks}})
"""
_TAGS_SQL = """
SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
WHERE ct.contact_id IN ({marks}) ORDER BY t.name
"""
_IDS_PER_QUERY = 500
"""Ids bound in one statement, well below SQLite's smallest limit on parameters (999)."""


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def contact_rows(session: Session, ids: Sequence[int]) -> dict[int, ContactRow]:
    """Row records for the given ids (any order; missing ids are simply absent).

    Plain SQL on the session's connection: the list reads a page of rows whenever it scrolls
    onto new ones, and the ORM's statement and row handling cost more than the query itself.
    """
    if not ids:
        return {}
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    wanted = list(dict.fromkeys(ids))
    rows: list[tuple[Any, ...]] = []
    tags: dict[int, list[str]] = {}
    for start in range(0, len(wanted), _IDS_PER_QUERY):
        chunk = wanted[start : start + _IDS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        rows += connection.execute(_ROWS_SQL.format(marks=marks), chunk).fetchall()
        for contact_id, tag_name in connection.execute(_TAGS_SQL.format(marks=marks), chunk):
            tags.setdefault(contact_id, []).append(tag_name)
    return {
        r[0]: ContactRow(
            id=r[0],
            name=r[1],
            company=r[2] or "",
            title=r[3],
            level=r[4],
            stage=r[5],
            tier=r[6],
            personality=r[7],
            next_birthday=_date(r[8]),
            birthday_calendar=r[9],
            tags=tuple(tags.get(r[0], ())),
            deleted_at=_datetime(r[10]),
            last_contacted_at=_datetime(r[11]),
            cadence_days=r[12],
            created_at=_datetime(r[13]),
        )
        for r in rows
    }


def distinct_values(session: Session, column: str) -> list[Any]:
    """Values present in a filterable column of live contacts, for filter drop-downs."""
    attribute = getattr(Contact, column)
    return list(
        session.scalars(
            select(attribute).where(Contact.deleted_at.is_(None), attribute.is_not(None)).distinct()
        )
    )
