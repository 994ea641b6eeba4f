"""The whole book as one JSON archive: written table by table, copied or merged back in."""

import json
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    DefaultClause,
    Integer,
    Table,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from relbook.core.contacts import build_search_text, next_birthday_for, thresholds
from relbook.core.history import refresh_last_contacted
from relbook.core.models import Base, Contact
from relbook.core.settings import MACHINE_SETTINGS, is_machine_setting
from relbook.core.tiers import SCORE_FIELDS, tier_for
from relbook.db.migrate import head_revision
from relbook.exchange.archive_rules import check_archive_rows
from relbook.exchange.files import file_error
from relbook.exchange.importer import identifies, phone_key

ARCHIVE_FORMAT = "relbook-archive"
ARCHIVE_VERSION = 1
EXCLUDED: frozenset[str] = frozenset({"reminder_log"})
"""Machine state (which reminders were shown, done or snoozed), meaningless in another book."""
MODES: tuple[str, ...] = ("auto", "copy", "merge")
REPLACED_ON_COPY: tuple[str, ...] = ("setting", "festival", "deal_stage")
"""Tables a new book already fills; a copy replaces them with the archive's rows."""
_CHUNK = 900
"""Ids per ``IN (...)``: below SQLite's old limit of 999 bound parameters."""
_NEVER_FILLED = frozenset(
    {
        "id",
        "name",
        "name_pinyin",
        "sort_key",
        "level",
        "stage",
        "is_insider",
        "referred_by_id",
        "tier",
        "search_text",
        "next_birthday",
        "last_contacted_at",
        "created_at",
        "updated_at",
        "deleted_at",
    }
)
"""Contact columns a merge never fills: owned by the salesperson, derived, or bookkeeping."""

Row = dict[str, Any]
Key = Hashable


@dataclass
class ArchiveResult:
    """``mode`` is ``copy`` or ``merge``; ``added`` counts new rows per table."""

    mode: str
    added: dict[str, int] = field(default_factory=dict)
    matched: int = 0


def archived_tables() -> list[Table]:
    """Every table of the book except ``EXCLUDED``, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in EXCLUDED]


# ---------------------------------------------------------------- export


def export_archive(session: Session, now: datetime) -> dict[str, Any]:
    """The whole book (trash included) as plain JSON values, one Core select per table."""
    return {
        "format": ARCHIVE_FORMAT,
        "version": ARCHIVE_VERSION,
        "schema_revision": head_revision(),
        "exported_at": now.isoformat(),
        "tables": {t.name: list(_exported_rows(session, t)) for t in archived_tables()},
    }


def _exported_rows(session: Session, table: Table) -> Iterator[Row]:
    """The table's rows; settings of this computer are not the book's and stay out."""
    dated = [c.name for c in table.columns if isinstance(c.type, Date | DateTime)]
    result = session.execute(select(table).order_by(*table.primary_key.columns))
    for mapping in result.mappings():
        row = dict(mapping)
        if table.name == "setting" and is_machine_setting(row["key"]):
            continue
        for name in dated:
            if row[name] is not None:
                row[name] = row[name].isoformat()
        yield row


def write_archive(session: Session, now: datetime) -> bytes:
    """``export_archive`` as UTF-8 JSON, one space of indent, Chinese kept readable."""
    text = json.dumps(export_archive(session, now), ensure_ascii=False, indent=1)
    return text.encode("utf-8")


# ---------------------------------------------------------------- reading


def read_archive(data: bytes, filename: str = "archive.json") -> dict[str, list[Row]]:
    """The archive's rows per table, typed as the columns want; any flaw raises.

    Raises ``ValidationError`` with one ``FieldError("file", code, {"value": filename, ...})``:
    ``archive_not_json``, ``archive_wrong_format``, ``archive_too_new`` (``version``),
    ``archive_missing_column`` / ``archive_bad_value`` (``table``, ``column``; a reference to a
    row the archive lacks is a bad value), ``archive_inconsistent`` (a row breaking a rule of
    the book: ``archive_rules``). Machine-specific settings (``settings.is_machine_setting``:
    the backup folder, start with the computer, window state) are left out: an archive never
    decides them for this computer.
    """
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise file_error("archive_not_json", filename) from problem
    if not isinstance(document, dict) or document.get("format") != ARCHIVE_FORMAT:
        raise file_error("archive_wrong_format", filename)
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise file_error("archive_wrong_format", filename)
    if version > ARCHIVE_VERSION:
        raise file_error("archive_too_new", filename, version=version)
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise file_error("archive_wrong_format", filename)
    typed = {t.name: _typed_rows(t, tables.get(t.name, []), filename) for t in archived_tables()}
    _check_references(typed, filename)
    check_archive_rows(typed, archived_tables(), filename)
    typed["setting"] = [r for r in typed["setting"] if not is_machine_setting(r["key"])]
    return typed


def _check_references(tables: dict[str, list[Row]], filename: str) -> None:
    """Every reference points at a row of the archive (``archive_bad_value`` otherwise)."""
    values: dict[tuple[str, str], set[object]] = {}
    for table in archived_tables():
        for key in table.foreign_keys:
            column = key.parent.name
            pointed = (key.column.table.name, key.column.name)
            if pointed not in values:
                values[pointed] = {r[pointed[1]] for r in tables[pointed[0]]}
            target = values[pointed]
            if any(r[column] is not None and r[column] not in target for r in tables[table.name]):
                raise file_error("archive_bad_value", filename, table=table.name, column=column)


def _typed_rows(table: Table, rows: object, filename: str) -> list[Row]:
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise file_error("archive_wrong_format", filename)
    return [_typed_row(table, row, filename) for row in rows]


def _typed_row(table: Table, row: Mapping[str, Any], filename: str) -> Row:
    """A column added by a later revision (it has a server default, as ``salutation``) may be
    missing: archives written before it read with the default."""
    typed: Row = {}
    for column in table.columns:
        if column.name not in row and isinstance(column.server_default, DefaultClause):
            typed[column.name] = column.server_default.arg
            continue
        if column.name not in row and not column.nullable:
            raise file_error(
                "archive_missing_column", filename, table=table.name, column=column.name
            )
        value = row.get(column.name)
        try:
            typed[column.name] = _typed_value(column.type, value, column.nullable)
        except (TypeError, ValueError) as problem:
            raise file_error(
                "archive_bad_value", filename, table=table.name, column=column.name
            ) from problem
    return typed


def _typed_value(kind: object, value: object, nullable: bool | None) -> object:
    if value is None:
        if not nullable:
            raise ValueError("null in a required column")
        return None
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(_text(value))
    if isinstance(kind, Date):
        return date.fromisoformat(_text(value))
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise TypeError("not a boolean")
        return value
    if isinstance(kind, Integer):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError("not an integer")
        return value
    return _text(value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


# ---------------------------------------------------------------- importing


def import_archive(
    session: Session,
    data: bytes,
    now: datetime,
    mode: str = "auto",
    filename: str = "archive.json",
) -> ArchiveResult:
    """Copy the archive into an empty book, or merge it into one with contacts.

    ``mode`` ``auto`` copies when the book is empty and merges otherwise; ``copy`` insists on an
    empty book (``archive_book_not_empty``); rows breaking the book's rules (a level of 9, two
    tags of one name) raise ``archive_inconsistent``. Everything happens in the caller's
    transaction and the archive is read and checked completely before anything is written.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    tables = read_archive(data, filename)
    empty = book_is_empty(session)
    if mode == "copy" and not empty:
        raise file_error("archive_book_not_empty", filename)
    try:
        if mode == "merge" or not empty:
            return _Merge(session, tables, now).run()
        return _copy(session, tables, filename)
    except IntegrityError as problem:
        raise file_error("archive_inconsistent", filename) from problem


def book_is_empty(session: Session) -> bool:
    """True when no archived table holds a row, apart from settings and festivals."""
    for table in archived_tables():
        if table.name not in REPLACED_ON_COPY and session.execute(select(table).limit(1)).first():
            return False
    return True


def _copy(session: Session, tables: dict[str, list[Row]], filename: str) -> ArchiveResult:
    """Every row with its own ids; the counts are checked afterwards."""
    _defer_foreign_keys(session)
    for name in REPLACED_ON_COPY:
        if tables[name]:  # an archive older than the table keeps what the new book has
            session.execute(delete(_table(name)).where(*_replaced(name)))
    result = ArchiveResult("copy")
    for table in archived_tables():
        rows = tables[table.name]
        if not rows and table.name in REPLACED_ON_COPY:
            continue
        if rows:
            session.execute(table.insert(), rows)
        count = session.scalar(
            select(func.count()).select_from(table).where(*_replaced(table.name))
        )
        if count != len(rows):
            raise file_error("archive_count_mismatch", filename, table=table.name)
        result.added[table.name] = len(rows)
    return result


def _replaced(name: str) -> list[Any]:
    """Which rows of a table a copy replaces: this computer's settings stay as they are."""
    if name != "setting":
        return []
    return [_table("setting").c.key.not_in(sorted(MACHINE_SETTINGS))]


def _defer_foreign_keys(session: Session) -> None:
    """Check references at commit, so a row may point at one inserted after it.

    The pragma lasts until the transaction ends, and pysqlite sends BEGIN only before a data
    change, so a no-op UPDATE opens the caller's transaction first.
    """
    session.execute(update(Contact).where(Contact.id < 0).values(name=Contact.name))
    session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _rows_where(session: Session, table: Table, column: str, ids: Iterable[int]) -> list[Row]:
    """Rows whose ``column`` is one of ``ids``, chunked."""
    found: list[Row] = []
    for chunk in _chunks(set(ids)):
        query = select(table).where(table.c[column].in_(chunk))
        found += [dict(m) for m in session.execute(query).mappings()]
    return found


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


# ---------------------------------------------------------------- merging: keys


def _phone(row: Mapping[str, Any]) -> Key:
    return row["contact_id"], phone_key(row["number"]) or row["number"].strip()


def _special_date(row: Mapping[str, Any]) -> Key:
    """A birthday comes once per person; other days are skipped only when identical."""
    owner = (row["contact_id"], row["family_member_id"], row["kind"])
    if row["kind"] == "birthday":
        return owner
    details = ("label", "calendar", "year", "month", "day", "is_leap_month", "recurrence")
    return owner + tuple(row[c] for c in details)


def _columns(*names: str) -> Callable[[Mapping[str, Any]], Key]:
    """A key of these columns, text stripped."""

    def key(row: Mapping[str, Any]) -> Key:
        return tuple(v.strip() if isinstance(v, str) else v for v in (row[n] for n in names))

    return key


def _pair(row: Mapping[str, Any]) -> Key:
    return frozenset((row["contact_id"], row["other_id"]))


@dataclass(frozen=True)
class _Child:
    """A table merged row by row: its references, its identity and who owns it."""

    name: str
    refs: dict[str, str]
    key: Callable[[Mapping[str, Any]], Key]
    owner: str = "contact_id"
    owner_table: str = "contact"
    """The table ``owner`` points at: only rows of its matched records can already exist."""


_CHILDREN: tuple[_Child, ...] = (
    _Child("phone", {"contact_id": "contact"}, _phone),
    _Child(
        "contact_tag", {"contact_id": "contact", "tag_id": "tag"}, _columns("contact_id", "tag_id")
    ),
    _Child("family_member", {"contact_id": "contact"}, _columns("contact_id", "name")),
    _Child(
        "level_change",
        {"contact_id": "contact"},
        _columns("contact_id", "changed_at", "from_level", "to_level", "note"),
    ),
    _Child(
        "special_date",
        {"contact_id": "contact", "family_member_id": "family_member"},
        _special_date,
    ),
    _Child(
        "gift",
        {"contact_id": "contact", "family_member_id": "family_member"},
        _columns("contact_id", "direction", "given_on", "item"),
    ),
    _Child("gift_idea", {"contact_id": "contact"}, _columns("contact_id", "idea")),
    _Child(
        "referral",
        {"referrer_id": "contact", "referred_id": "contact"},
        _columns("referrer_id", "referred_id"),
        owner="referrer_id",
    ),
    _Child("contact_relation", {"contact_id": "contact", "other_id": "contact"}, _pair),
    _Child("task", {"contact_id": "contact"}, _columns("contact_id", "kind", "title", "due_at")),
    _Child(
        "expiry", {"contact_id": "contact"}, _columns("contact_id", "kind", "label", "expires_on")
    ),
)
_DEAL_CHILDREN: tuple[_Child, ...] = (
    _Child(
        "deal_stage_change",
        {"opportunity_id": "opportunity"},
        _columns("opportunity_id", "changed_on", "from_stage", "to_stage", "status"),
        owner="opportunity_id",
        owner_table="opportunity",
    ),
    _Child(
        "deal_contact",
        {"opportunity_id": "opportunity", "contact_id": "contact"},
        _columns("opportunity_id", "contact_id"),
        owner="opportunity_id",
        owner_table="opportunity",
    ),
    _Child(
        "purchase",
        {"contact_id": "contact", "opportunity_id": "opportunity", "expiry_id": "expiry"},
        _columns("contact_id", "product", "bought_on", "amount_cents"),
    ),
    _Child(
        "stage_change",
        {"contact_id": "contact"},
        _columns("contact_id", "changed_on", "from_stage", "to_stage"),
    ),
)
"""Merged after ``_CHILDREN`` and the opportunities they hang off (a purchase names the
expiry of its renewal)."""
_POSITIONED = frozenset({"phone", "family_member"})
"""Tables whose rows added to a matched contact go after the ones it has."""
_SEARCHED = frozenset({"phone", "contact_tag", "special_date"})
"""Tables feeding a contact's search text or next birthday."""
_SELF_PAIRS = {
    "referral": ("referrer_id", "referred_id"),
    "contact_relation": ("contact_id", "other_id"),
}


# ---------------------------------------------------------------- merging


class _ContactIndex:
    """The first existing contact (lowest id) per phone, email and name with company."""

    def __init__(self) -> None:
        self.by: dict[str, dict[Key, int]] = {"phone": {}, "email": {}, "name": {}}
        self.names: dict[int, str] = {}

    def add(self, kind: str, key: Key | None, contact_id: int) -> None:
        if key:
            self.by[kind].setdefault(key, contact_id)

    def find(self, name: str, keys: Iterable[tuple[str, Key | None]]) -> int | None:
        """The first contact sharing a key with the one named ``name`` that makes them one
        person (``importer.identifies``: a landline only under a name that can be the same)."""
        for kind, key in keys:
            found = self.by[kind].get(key) if key else None
            if found is not None and identifies(kind, key, name, self.names.get(found, "")):
                return found
        return None


def _contact_keys(row: Row, company: str, numbers: list[str]) -> Iterator[tuple[str, Key | None]]:
    for number in numbers:
        yield "phone", phone_key(number)
    yield "email", row["email"].strip().casefold()
    yield "name", (row["name"].strip().casefold(), company.strip().casefold())


class _Merge:
    """One merge of an archive into a book that has contacts: ids remapped, duplicates skipped."""

    def __init__(self, session: Session, tables: dict[str, list[Row]], now: datetime):
        self.session = session
        self.tables = tables
        self.now = now
        self.ids: dict[str, dict[int, int]] = defaultdict(dict)
        self.next_id: dict[str, int] = {}
        self.matched: set[int] = set()
        self.matched_deals: set[int] = set()
        self.changed: set[int] = set()
        self.touched: set[int] = set()
        self.result = ArchiveResult("merge")

    def run(self) -> ArchiveResult:
        _defer_foreign_keys(self.session)
        self._by_name("organization")
        self._by_name("tag")
        self._contacts()
        for child in _CHILDREN[:5]:
            self._children(child)
        self._interactions()
        for child in _CHILDREN[5:]:
            self._children(child)
        self._deal_stages()
        self._opportunities()
        for child in _DEAL_CHILDREN:
            self._children(child)
        self._festivals()
        refresh_last_contacted(self.session, self.touched)
        self._refresh_changed()
        self.result.added = {k: v for k, v in self.result.added.items() if v}
        return self.result

    def _new_id(self, table: str) -> int:
        if table not in self.next_id:
            column = _table(table).c.id
            self.next_id[table] = (self.session.scalar(select(func.max(column))) or 0) + 1
        self.next_id[table] += 1
        return self.next_id[table] - 1

    def _insert(self, table: str, rows: list[Row]) -> None:
        if rows:
            self.session.execute(_table(table).insert(), rows)
        self.result.added[table] = self.result.added.get(table, 0) + len(rows)

    def _by_name(self, table: str) -> None:
        """Organizations and tags are the same when their names are."""
        columns = _table(table).c
        existing: dict[str, int] = {
            n: i for n, i in self.session.execute(select(columns.name, columns.id))
        }
        added: list[Row] = []
        for row in self.tables[table]:
            found = existing.get(row["name"])
            if found is None:
                found = existing[row["name"]] = self._new_id(table)
                added.append({**row, "id": found})
            self.ids[table][row["id"]] = found
        self._insert(table, added)

    # ------------------------------------------------------------ contacts

    def _contacts(self) -> None:
        live, trashed = self._indexes()
        companies = {r["id"]: r["name"] for r in self.tables["organization"]}
        numbers: dict[int, list[str]] = defaultdict(list)
        for phone in self.tables["phone"]:
            numbers[phone["contact_id"]].append(phone["number"])
        fresh: list[Row] = []
        matches: dict[int, Row] = {}
        for row in self.tables["contact"]:
            company = companies.get(row["organization_id"], "")
            index = live if row["deleted_at"] is None else trashed
            found = index.find(row["name"], _contact_keys(row, company, numbers[row["id"]]))
            if found is None:
                found = self._new_id("contact")
                fresh.append(row)
            else:
                matches[found] = row
                self.result.matched += 1
            self.ids["contact"][row["id"]] = found
        self.matched = set(matches)
        self._insert("contact", [self._mapped_contact(row) for row in fresh])
        self._fill_matched(matches)

    def _indexes(self) -> tuple[_ContactIndex, _ContactIndex]:
        """Live and trashed contacts of the book, each matched only by its own kind."""
        contact, organization, phone = _table("contact"), _table("organization"), _table("phone")
        indexes = {False: _ContactIndex(), True: _ContactIndex()}
        query = (
            select(
                contact.c.id,
                contact.c.name,
                contact.c.email,
                contact.c.deleted_at,
                organization.c.name,
            )
            .outerjoin(organization, contact.c.organization_id == organization.c.id)
            .order_by(contact.c.id)
        )
        trashed_of: dict[int, bool] = {}
        for contact_id, name, email, deleted_at, company in self.session.execute(query):
            index = indexes[deleted_at is not None]
            trashed_of[contact_id] = deleted_at is not None
            index.names[contact_id] = name
            row = {"name": name, "email": email}
            for kind, key in _contact_keys(row, company or "", []):
                index.add(kind, key, contact_id)
        for contact_id, number in self.session.execute(
            select(phone.c.contact_id, phone.c.number).order_by(phone.c.contact_id)
        ):
            indexes[trashed_of[contact_id]].add("phone", phone_key(number), contact_id)
        return indexes[False], indexes[True]

    def _mapped_contact(self, row: Row) -> Row:
        return {
            **row,
            "id": self.ids["contact"][row["id"]],
            "organization_id": self._map("organization", row["organization_id"]),
            "referred_by_id": self._map("contact", row["referred_by_id"]),
        }

    def _map(self, table: str, old: int | None) -> int | None:
        return None if old is None else self.ids[table].get(old)

    def _fill_matched(self, matches: dict[int, Row]) -> None:
        """Only empty fields of a matched contact are filled; nothing is overwritten."""
        contact = _table("contact")
        for existing in _rows_where(self.session, contact, "id", matches):
            incoming = self._mapped_contact(matches[existing["id"]])
            filled = {
                name: incoming[name]
                for name in existing
                if name not in _NEVER_FILLED
                and _is_empty(name, existing[name])
                and not _is_empty(name, incoming[name])
            }
            if filled:
                self.session.execute(
                    update(contact).where(contact.c.id == existing["id"]).values(**filled)
                )
                self.changed.add(existing["id"])

    # ------------------------------------------------------------ rows hanging off contacts

    def _children(self, child: _Child) -> None:
        table = _table(child.name)
        seen = self._existing(child, table)
        positions = self._positions(child.name) if child.name in _POSITIONED else {}
        added: list[Row] = []
        for row in self.tables[child.name]:
            mapped = {**row, **{c: self._map(t, row[c]) for c, t in child.refs.items()}}
            if self._is_self_pair(child.name, mapped):
                continue
            key = child.key(mapped)
            if key in seen:
                known = seen[key]
                if "id" in row and known is not None:
                    self.ids[child.name][row["id"]] = known
                continue
            if "id" in row:
                mapped["id"] = self.ids[child.name][row["id"]] = self._new_id(child.name)
            if mapped[child.owner] in positions:
                mapped["position"] = positions[mapped[child.owner]]
                positions[mapped[child.owner]] += 1
            seen[key] = mapped.get("id")
            added.append(mapped)
        self._insert(child.name, added)
        if child.name in _SEARCHED:
            self.changed |= {r[child.owner] for r in added} & self.matched

    def _existing(self, child: _Child, table: Table) -> dict[Key, int | None]:
        """Keys of the book's rows that an archived row could repeat, with their ids."""
        owners = self.matched if child.owner_table == "contact" else self.matched_deals
        rows = _rows_where(self.session, table, child.owner, owners)
        if child.name == "special_date":
            members = self.ids["family_member"].values()
            rows += _rows_where(self.session, table, "family_member_id", members)
        if child.name == "task":
            unowned = select(table).where(table.c.contact_id.is_(None))
            rows += [dict(m) for m in self.session.execute(unowned).mappings()]
        return {child.key(r): r.get("id") for r in rows}

    def _positions(self, name: str) -> dict[int, int]:
        """The next free position per matched contact."""
        table = _table(name)
        found: dict[int, int] = {}
        for chunk in _chunks(self.matched):
            query = (
                select(table.c.contact_id, func.max(table.c.position))
                .where(table.c.contact_id.in_(chunk))
                .group_by(table.c.contact_id)
            )
            found |= {contact_id: last + 1 for contact_id, last in self.session.execute(query)}
        return found

    @staticmethod
    def _is_self_pair(table: str, row: Row) -> bool:
        """Two archived contacts matched to one: a link between them has nothing to link."""
        columns = _SELF_PAIRS.get(table)
        return columns is not None and row[columns[0]] == row[columns[1]]

    # ------------------------------------------------------------ interactions

    def _interactions(self) -> None:
        people: dict[int, list[int]] = defaultdict(list)
        for link in sorted(self.tables["interaction_contact"], key=lambda r: r["position"]):
            mapped = self.ids["contact"][link["contact_id"]]
            if mapped not in people[link["interaction_id"]]:
                people[link["interaction_id"]].append(mapped)
        seen = self._existing_interactions()
        added: list[Row] = []
        links: list[Row] = []
        for row in self.tables["interaction"]:
            who = people[row["id"]]
            key = _interaction_key(row, who)
            if key in seen:
                continue
            seen.add(key)
            new_id = self._new_id("interaction")
            added.append({**row, "id": new_id})
            links += [
                {"interaction_id": new_id, "contact_id": c, "position": i}
                for i, c in enumerate(who)
            ]
            self.touched.update(who)
        self._insert("interaction", added)
        self._insert("interaction_contact", links)

    def _existing_interactions(self) -> set[Key]:
        """Interactions of matched contacts: only they can already hold an archived one."""
        links = _table("interaction_contact")
        involved = {
            r["interaction_id"]
            for r in _rows_where(self.session, links, "contact_id", self.matched)
        }
        people: dict[int, list[int]] = defaultdict(list)
        for link in _rows_where(self.session, links, "interaction_id", involved):
            people[link["interaction_id"]].append(link["contact_id"])
        rows = _rows_where(self.session, _table("interaction"), "id", involved)
        return {_interaction_key(r, people[r["id"]]) for r in rows}

    # ------------------------------------------------------------ the funnel

    def _deal_stages(self) -> None:
        """Stages the book lacks (by code) are added after its own; its own stay as they are."""
        table = _table("deal_stage")
        codes = set(self.session.scalars(select(table.c.code)))
        position = (self.session.scalar(select(func.max(table.c.position))) or 0) + 1
        added: list[Row] = []
        for row in sorted(self.tables["deal_stage"], key=lambda r: r["position"]):
            if row["code"] not in codes:
                codes.add(row["code"])
                added.append({**row, "id": self._new_id("deal_stage"), "position": position})
                position += 1
        self._insert("deal_stage", added)

    def _opportunities(self) -> None:
        """An opportunity is already in the book when one of its title was created at the same
        moment (an archive of this book, merged back)."""
        table = _table("opportunity")
        known: dict[Key, int] = {
            (title.strip(), created_at): opportunity_id
            for opportunity_id, title, created_at in self.session.execute(
                select(table.c.id, table.c.title, table.c.created_at)
            )
        }
        added: list[Row] = []
        for row in self.tables["opportunity"]:
            key = (row["title"].strip(), row["created_at"])
            found = known.get(key)
            if found is not None:
                self.ids["opportunity"][row["id"]] = found
                self.matched_deals.add(found)
                continue
            new_id = known[key] = self.ids["opportunity"][row["id"]] = self._new_id("opportunity")
            organization = self._map("organization", row["organization_id"])
            added.append({**row, "id": new_id, "organization_id": organization})
        self._insert("opportunity", added)

    # ------------------------------------------------------------ festivals and derived columns

    def _festivals(self) -> None:
        """Custom festivals the book lacks are added; built-in ones stay as the book has them."""
        festival = _table("festival")
        names = {n.strip() for n in self.session.scalars(select(festival.c.name))}
        position = (self.session.scalar(select(func.max(festival.c.position))) or 0) + 1
        added: list[Row] = []
        for row in self.tables["festival"]:
            if row["code"] is None and row["name"].strip() not in names:
                names.add(row["name"].strip())
                added.append({**row, "id": self._new_id("festival"), "position": position})
                position += 1
        self._insert("festival", added)

    def _refresh_changed(self) -> None:
        """Tier, search text and next birthday of matched contacts that gained something."""
        if not self.changed:
            return
        self.session.expire_all()
        limits = thresholds(self.session)
        for chunk in _chunks(self.changed):
            for contact in self.session.scalars(select(Contact).where(Contact.id.in_(chunk))):
                scores = {name: getattr(contact, name) for name in SCORE_FIELDS}
                tier = tier_for(scores, limits)
                contact.tier = tier.value if tier else None
                contact.next_birthday = next_birthday_for(contact, self.now.date())
                company = contact.organization.name if contact.organization else ""
                contact.search_text = build_search_text(
                    contact, company, [t.name for t in contact.tags]
                )
                contact.updated_at = self.now
        self.session.flush()


def _interaction_key(row: Mapping[str, Any], people: list[int]) -> Key:
    return row["kind"], row["occurred_at"], row["notes"].strip(), frozenset(people)


def _is_empty(name: str, value: object) -> bool:
    if name == "gender":
        return value == "unknown"
    return value is None or (isinstance(value, str) and not value.strip())
