"""The import pipeline (read, preview duplicates, apply) shared by the GUI and the CLI."""

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from relbook.core.bulk import paused_gc
from relbook.core.contact_batch import ContactBatch
from relbook.core.contact_input import ContactInput, DateInput, PhoneInput
from relbook.core.contacts import get_contact, to_input, update_contact
from relbook.core.enums import DateKind, Gender
from relbook.core.errors import FieldError, ValidationError
from relbook.core.match_keys import (
    personal_number,
    phone_key,
    same_person_name,
    stored_phone_key,
)
from relbook.db.backups import backup_book
from relbook.exchange.files import file_error
from relbook.exchange.progress import Cancelled, Report
from relbook.exchange.tabular import (
    ParsedRow,
    RowProblem,
    Table,
    TableError,
    guess_mapping,
    read_table,
    rows_to_contacts,
)
from relbook.exchange.vcard import parse_vcards

if TYPE_CHECKING:
    from relbook.db.book import Book

FORMATS: tuple[str, ...] = ("vcf", "csv", "xlsx")
"""Formats ``read_import`` reads; JSON will join them later."""

CHOICES: tuple[str, ...] = ("merge", "skip", "add")
"""What to do with a likely duplicate."""

REPORT_EVERY = 50
"""Records written between two progress reports (each is also a chance to cancel)."""


class ImportCancelled(Cancelled):
    """The user cancelled while records were being written; the caller rolls back."""


_EXTENSIONS: dict[str, str] = {
    ".vcf": "vcf",
    ".vcard": "vcf",
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
}


@dataclass
class SourceWarning:
    """Something dropped from a record that was still read (e.g. ``bad_birthday``)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Candidate:
    """One record ready to import; ``position`` is the card number or the row number."""

    position: int
    contact: ContactInput
    warnings: list[SourceWarning] = field(default_factory=list)


@dataclass
class SourceProblem:
    """A record that cannot be imported as is; ``errors`` word it via ``labels.error_text``.

    ``line`` is where a card starts (vCard) or the row number (tables).
    """

    position: int
    line: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)


@dataclass
class ImportSource:
    """What a file holds, in one shape whatever its format.

    For tables ``table`` and ``mapping`` are kept, so a dialog can correct the mapping and call
    ``with_mapping``.
    """

    fmt: str
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    table: Table | None = None
    mapping: dict[int, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def unit(self) -> str:
        """``card`` or ``row``: what a position counts."""
        return "card" if self.fmt == "vcf" else "row"


# ---------------------------------------------------------------- reading


def importable(filename: str) -> bool:
    """Whether the file's extension names a format ``relbook import`` reads."""
    return Path(filename).suffix.lower() in _EXTENSIONS


def import_format(filename: str, fmt: str | None) -> str:
    """The format asked for, else the one the file's extension names."""
    chosen = (fmt or _EXTENSIONS.get(Path(filename).suffix.lower(), "")).lower()
    if chosen == "json":
        raise file_error("json_not_supported", filename)
    if chosen not in FORMATS:
        raise file_error("unknown_format", filename)
    return chosen


@paused_gc()
def read_import(
    data: bytes,
    filename: str,
    fmt: str | None = None,
    encoding: str | None = None,
    *,
    today: date,
) -> ImportSource:
    """Every record of the file as candidates and problems; a whole-file failure raises.

    A birthday after ``today`` is kept without its year, with a ``future_birth_year`` warning.
    Raises ``ValidationError`` with one ``FieldError("file", code, {"value": filename, ...})``.
    """
    chosen = import_format(filename, fmt)
    if chosen == "vcf":
        return _from_vcards(data, filename, encoding, today)
    try:
        table = read_table(data, filename, encoding)
    except TableError as problem:
        params = {k: v for k, v in problem.params.items() if k != "file"}
        raise file_error(problem.code, filename, **params) from problem
    return with_mapping(ImportSource(chosen, table=table), guess_mapping(table.headers), today)


def _from_vcards(data: bytes, filename: str, encoding: str | None, today: date) -> ImportSource:
    parsed = parse_vcards(data, encoding, today=today)
    if not parsed.records and not parsed.problems:
        raise file_error("empty", filename)
    source = ImportSource("vcf")
    source.candidates = [
        Candidate(r.card_number, r.data, [SourceWarning(w) for w in r.warnings])
        for r in parsed.records
    ]
    source.problems = [
        SourceProblem(p.card_number, p.line, p.code, p.params, _card_errors(p.code, p))
        for p in parsed.problems
    ]
    return source


def _card_errors(code: str, problem: Any) -> list[FieldError]:
    if code == "no_name":
        return [FieldError("name", "required")]
    if problem.errors:
        return list(problem.errors)
    return [FieldError("card", f"card_{code}", {"value": problem.params.get("message", "")})]


@paused_gc()
def with_mapping(source: ImportSource, mapping: dict[int, str], today: date) -> ImportSource:
    """The table's rows read again with ``mapping`` (column index -> field) on ``today``."""
    if source.table is None:
        raise ValueError("only tables have a column mapping")
    parsed = rows_to_contacts(source.table, mapping, today)
    return ImportSource(
        source.fmt,
        candidates=[_row_candidate(r) for r in parsed.records],
        problems=[_row_problem(p) for p in parsed.problems],
        table=source.table,
        mapping=dict(mapping),
        ignored_columns=parsed.ignored_columns,
    )


def _row_candidate(row: ParsedRow) -> Candidate:
    warnings = [SourceWarning(w.code, w.params) for w in row.warnings]
    return Candidate(row.row_number, row.contact, warnings)


def _row_problem(problem: RowProblem) -> SourceProblem:
    error = (
        FieldError(problem.field, problem.code, problem.params)
        if problem.field
        else FieldError("name", "required")
    )
    return SourceProblem(
        problem.row_number, problem.row_number, problem.code, problem.params, [error]
    )


# ---------------------------------------------------------------- preview


@dataclass
class PreviewItem:
    """A candidate with its verdict: new, a likely duplicate of a contact, or of an earlier row.

    ``reason`` is ``phone``, ``email``, ``name_company`` or ``name``. With ``other_name`` the
    match is only a landline (or another number that is not a mainland mobile) that someone
    of another name has, an office's or a family's: the record is new unless the user chooses
    to merge it. A mobile number or an email is a person's own, so it matches whatever the
    names say (phone books are full of "王姐" and "张总").
    """

    candidate: Candidate
    contact_id: int | None = None
    contact_name: str = ""
    earlier_position: int | None = None
    reason: str | None = None
    other_name: bool = False

    @property
    def matches(self) -> bool:
        """Whether there is a contact (or an earlier record) it could be merged into."""
        return self.reason is not None

    @property
    def is_duplicate(self) -> bool:
        """Likely the same person as what it matches: merged, skipped or added as chosen."""
        return self.reason is not None and not self.other_name


@dataclass
class ImportPreview:
    source: ImportSource
    items: list[PreviewItem]

    @property
    def new(self) -> list[PreviewItem]:
        return [i for i in self.items if not i.is_duplicate]

    @property
    def duplicates(self) -> list[PreviewItem]:
        return [i for i in self.items if i.is_duplicate]

    @property
    def shared(self) -> list[PreviewItem]:
        """New records with the landline of someone of another name."""
        return [i for i in self.items if i.other_name]


def _name_key(name: str, company: str) -> tuple[str, str]:
    return name.strip().casefold(), company.strip().casefold()


def identifies(reason: str, key: object, name: str, owner_name: str) -> bool:
    """Whether sharing ``key`` makes ``name`` and ``owner_name`` one person: a name, a mobile
    or an email always does; a landline only when the names can be one person's."""
    if reason != "phone" or personal_number(str(key)):
        return True
    return same_person_name(name, owner_name)


def _keys(data: ContactInput) -> Iterator[tuple[str, object]]:
    """(reason, key) pairs in the order a match is looked for."""
    for phone in data.phones:
        key = phone_key(phone.number)
        if key:
            yield "phone", key
    if data.email.strip():
        yield "email", data.email.strip().casefold()
    reason = "name_company" if data.company.strip() else "name"
    yield reason, _name_key(data.name, data.company)


class _Index:
    """Lookup dicts from key to the first owner (a contact id or a candidate position)."""

    def __init__(self) -> None:
        self.by: dict[str, dict[object, int]] = {"phone": {}, "email": {}, "name": {}}

    def add(self, reason: str, key: object, owner: int) -> None:
        self.by[_kind(reason)].setdefault(key, owner)

    def find(self, data: ContactInput, names: dict[int, str]) -> tuple[int, str, bool] | None:
        """(owner, reason, one person): the first owner of one of ``data``'s keys that
        ``identifies`` it (names of owners in ``names``); else the first that only shares a
        landline with it (one person False); else None."""
        shared: tuple[int, str, bool] | None = None
        for reason, key in _keys(data):
            owner = self.by[_kind(reason)].get(key)
            if owner is None:
                continue
            if identifies(reason, key, data.name, names.get(owner, "")):
                return owner, reason, True
            if shared is None:
                shared = owner, reason, False
        return shared


def _kind(reason: str) -> str:
    return "name" if reason in ("name", "name_company") else reason


def _book_index(session: Session) -> tuple[_Index, dict[int, str]]:
    """Phones, emails and names of every live contact, from two column queries.

    Each key's owner is its first contact by id. The dicts are filled directly: with 100,000
    contacts the per-row calls of ``_Index.add`` showed in the time of an import.
    """
    index = _Index()
    by_name, by_email, by_phone = index.by["name"], index.by["email"], index.by["phone"]
    names: dict[int, str] = {}
    # plain rows from the session's own DB-API connection: SQLAlchemy's row objects cost more
    # than the queries over 100,000 contacts
    connection: Any = session.connection().connection.dbapi_connection
    rows = connection.execute(
        "SELECT c.id, c.name, o.name, lower(c.email) FROM contact c"
        " LEFT JOIN organization o ON o.id = c.organization_id"
        " WHERE c.deleted_at IS NULL ORDER BY c.id"
    )
    for contact_id, name, company, email in rows:
        names[contact_id] = name
        by_name.setdefault(_name_key(name, company or ""), contact_id)
        if email:
            by_email.setdefault(email.strip().casefold(), contact_id)
    for contact_id, number in connection.execute(
        "SELECT p.contact_id, p.number FROM phone p JOIN contact c ON c.id = p.contact_id"
        " WHERE c.deleted_at IS NULL ORDER BY p.contact_id"
    ):
        if key := stored_phone_key(number):
            by_phone.setdefault(key, contact_id)
    return index, names


@paused_gc()
def preview(session: Session, source: ImportSource) -> ImportPreview:
    """Each candidate as new or a likely duplicate of a live contact or an earlier candidate."""
    book, names = _book_index(session)
    earlier = _Index()
    earlier_names: dict[int, str] = {}
    items: list[PreviewItem] = []
    for candidate in source.candidates:
        item = PreviewItem(candidate)
        in_book = book.find(candidate.contact, names)
        in_file = None
        if in_book is None or not in_book[2]:  # a match by name beats a shared phone
            in_file = earlier.find(candidate.contact, earlier_names)
        if in_book is not None and (in_book[2] or in_file is None or not in_file[2]):
            item.contact_id, item.reason, same = in_book
            item.contact_name = names[item.contact_id]
            item.other_name = not same
        elif in_file is not None:
            item.earlier_position, item.reason, same = in_file
            item.other_name = not same
        for reason, key in _keys(candidate.contact):
            earlier.add(reason, key, candidate.position)
        earlier_names[candidate.position] = candidate.contact.name
        items.append(item)
    return ImportPreview(source, items)


# ---------------------------------------------------------------- applying


@dataclass
class ImportResult:
    """Positions mapped to the contact ids they became, skipped positions, failures."""

    created: dict[int, int] = field(default_factory=dict)
    merged: dict[int, int] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)
    failed: list[SourceProblem] = field(default_factory=list)


@paused_gc()
def apply_import(
    session: Session,
    preview: ImportPreview,
    choice: str = "merge",
    per_candidate: dict[int, str] | None = None,
    *,
    now: datetime,
    report: Report | None = None,
) -> ImportResult:
    """Write the preview in the caller's transaction.

    New candidates (and those only sharing a landline with another name) are added;
    likely duplicates get ``choice`` (merge, skip or add), unless
    ``per_candidate`` (position -> choice) says otherwise for that record. A record that fails
    validation is left out alone and reported in ``failed``. New contacts are written in
    batches (``ContactBatch``, as ``create_contact`` would store them); merges go one by one,
    each in its own savepoint. ``report(done, total)`` is called as records are written; when
    it returns False, ``ImportCancelled`` is raised and the caller rolls back.
    """
    if choice not in CHOICES:
        raise ValueError(f"choice must be one of {CHOICES}, not {choice!r}")
    chosen = per_candidate or {}
    result = ImportResult()
    total = len(preview.items)
    batch = ContactBatch(session, now)
    for done, item in enumerate(preview.items):
        if report is not None and done % REPORT_EVERY == 0 and not report(done, total):
            raise ImportCancelled
        position = item.candidate.position
        action = chosen.get(position, choice if item.is_duplicate else "add")
        if action == "skip":
            result.skipped.append(position)
            continue
        target = _target(item, result)
        try:
            if action == "merge" and target is not None:
                result.merged[position] = _merge_after(batch, target, item.candidate, now)
            else:
                result.created[position] = batch.add(item.candidate.contact)
        except ValidationError as problem:
            result.failed.append(_failure(item.candidate, problem))
    batch.flush()
    return result


def _merge_after(batch: ContactBatch, contact_id: int, candidate: Candidate, now: datetime) -> int:
    """A merge, through ``update_contact`` in its own savepoint, after the new contacts waiting
    in ``batch`` are written; the batch reads the book again afterwards (the merge may have
    added organizations and tags)."""
    batch.flush()
    try:
        with batch.session.begin_nested():
            return _merge(batch.session, contact_id, candidate, now)
    finally:
        batch.forget()


def _target(item: PreviewItem, result: ImportResult) -> int | None:
    """The contact a duplicate merges into: the matched one, or what its earlier row became."""
    if item.contact_id is not None:
        return item.contact_id
    if item.earlier_position is None:
        return None
    earlier = item.earlier_position
    return result.created.get(earlier) or result.merged.get(earlier)


def _failure(candidate: Candidate, problem: ValidationError) -> SourceProblem:
    return SourceProblem(
        candidate.position,
        candidate.position,
        "invalid",
        {"name": candidate.contact.name},
        list(problem.errors),
    )


def _merge(session: Session, contact_id: int, candidate: Candidate, now: datetime) -> int:
    merged = merge_input(to_input(get_contact(session, contact_id)), candidate.contact)
    return update_contact(session, contact_id, merged, now).id


_NEVER_MERGED = frozenset(
    {
        "name",
        "level",
        "level_note",
        "stage",
        "lost_reason",
        "lost_note",
        "is_insider",
        "referred_by_id",
    }
)
"""Fields the salesperson owns: an import never changes them on an existing contact."""


def merge_input(existing: ContactInput, incoming: ContactInput) -> ContactInput:
    """``existing`` with only its empty fields filled from ``incoming``; nothing is overwritten.

    Phones not already there are added, tags are united, dates are added when the contact has
    none of that kind yet, family members when no one of that name is recorded.
    """
    merged = copy.deepcopy(existing)
    for name in vars(incoming):
        value = getattr(incoming, name)
        if name in _NEVER_MERGED or isinstance(value, list):
            continue
        if _is_empty(name, getattr(merged, name)) and not _is_empty(name, value):
            setattr(merged, name, value)
            if name == "company":
                merged.org_type = incoming.org_type
    merged.phones += _new_phones(merged.phones, incoming.phones)
    merged.tags += [t for t in incoming.tags if t not in merged.tags]
    merged.dates += _new_dates(merged.dates, incoming.dates)
    known = {m.name.strip() for m in merged.family}
    merged.family += [copy.deepcopy(m) for m in incoming.family if m.name.strip() not in known]
    return merged


def _is_empty(name: str, value: object) -> bool:
    if name == "gender":
        return value == Gender.UNKNOWN
    return value is None or (isinstance(value, str) and not value.strip())


def _new_phones(have: list[PhoneInput], incoming: list[PhoneInput]) -> list[PhoneInput]:
    seen = {phone_key(p.number) or p.number.strip() for p in have}
    added: list[PhoneInput] = []
    for phone in incoming:
        key = phone_key(phone.number) or phone.number.strip()
        if key and key not in seen:
            seen.add(key)
            added.append(copy.deepcopy(phone))
    return added


def _date_key(special: DateInput) -> tuple[str, str]:
    """Custom dates are told apart by their name; other kinds come once."""
    return special.kind, special.label.strip() if special.kind == DateKind.CUSTOM else ""


def _new_dates(have: list[DateInput], incoming: list[DateInput]) -> list[DateInput]:
    seen = {_date_key(d) for d in have}
    added: list[DateInput] = []
    for special in incoming:
        if _date_key(special) not in seen:
            seen.add(_date_key(special))
            added.append(copy.deepcopy(special))
    return added


def backup_before_import(
    book: "Book", now: datetime, count: int, threshold: int = 200
) -> Path | None:
    """A copy of the book before writing more than ``threshold`` records; None below that."""
    if count <= threshold:
        return None
    return backup_book(book, "before-import", now)
