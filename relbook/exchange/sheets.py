"""Contacts out to CSV and XLSX, laid out the way Excel and WPS users expect."""

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from relbook.core.bulk import paused_gc
from relbook.core.calendar import CalendarDate
from relbook.core.contacts import birthday_of, calendar_date_of
from relbook.core.enums import CalendarKind, DateKind
from relbook.core.fields import CONTACT_FIELDS, EXPORT_COLUMNS, parse_export_columns
from relbook.core.fields import ROUND_TRIP_COLUMNS as ROUND_TRIP_COLUMNS
from relbook.core.models import Contact, ContactTag, Organization, Phone, SpecialDate, Tag
from relbook.exchange.progress import Report, check

Cell = str | int | float | date | datetime | None

CHUNK = 900

REPORT_ROWS = 1000
"""Rows written between two progress reports (each a chance to cancel)."""
"""Ids per query: below SQLite's old limit of 999 bound parameters."""

LUNAR_MARK = "农历"
"""Prefix of a lunar birthday; tabular import reads it back (so does a Chinese reader)."""

# The export columns (EXPORT_COLUMNS, ROUND_TRIP_COLUMNS) are the contact-field catalogue's
# (relbook.core.fields); callers of this module find them here as well.

COLUMNS_FIELD = "export.columns"
"""The field that column errors name (also the setting remembering the window's choice)."""


def parse_columns(text: str, field_name: str = COLUMNS_FIELD) -> tuple[str, ...]:
    """Column keys from ``"name, company,phones"``, in the order given (see
    ``fields.parse_export_columns``); errors name ``field_name``."""
    return parse_export_columns(text, field_name)


_FORMULA_FIRST = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a cell as a formula."""
_NUMBERISH = re.compile(r"^[+\-]?[\d\s().\-]+$")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# ---------------------------------------------------------------- CSV


@paused_gc()
def write_csv(
    rows: Sequence[Sequence[Cell]], headers: Sequence[str], report: Report | None = None
) -> bytes:
    """UTF-8 with a BOM (without it Excel shows Chinese as mojibake), CRLF, quoted as needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([_csv_cell(h) for h in headers])
    for start in range(0, len(rows), REPORT_ROWS):
        check(report, start, len(rows))
        # plain text and whole numbers (most cells) go to the writer as they are, which writes
        # them as _csv_cell would, without a call per cell
        writer.writerows(
            [
                v
                if (isinstance(v, str) and v[:1] not in _FORMULA_FIRST) or isinstance(v, int)
                else _csv_cell(v)
                for v in row
            ]
            for row in rows[start : start + REPORT_ROWS]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value: Cell) -> str:
    """Text for a CSV cell; formulas are defused with an apostrophe (phone numbers are not)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text[:1] in _FORMULA_FIRST and not _NUMBERISH.match(text):
        return "'" + text
    return text


# ---------------------------------------------------------------- XLSX


HEADER_FILL = "DDEBF7"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MIN_WIDTH = 6
MAX_WIDTH = 60


@paused_gc()
def write_xlsx(
    rows: Sequence[Sequence[Cell]],
    headers: Sequence[str],
    target: str | Path | BinaryIO,
    sheet_title: str = "Contacts",
    report: Report | None = None,
) -> None:
    """A workbook ready to use: bold shaded header, frozen, filterable, sized, real dates.

    openpyxl writes the workbook with its header row; the other rows are then streamed into
    its sheet as openpyxl itself writes cells (``_sheet_rows``). openpyxl's own cells cost ten
    microseconds each: a whole book's 2.4 million took a minute and a half (half a minute in
    its write-only mode), where the rows written here take a few seconds.
    """
    from openpyxl import Workbook  # imported on use: it is slow to import
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31])
    for index, width in enumerate(column_widths(rows, headers), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    if headers:
        last = f"{get_column_letter(len(headers))}{max(len(rows) + 1, 1)}"
        sheet.auto_filter.ref = f"A1:{last}"
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, _xlsx_text(text))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    styles: dict[type, int] = {}
    for kind, number_format in ((datetime, DATETIME_FORMAT), (date, DATE_FORMAT)):
        dated = WriteOnlyCell(sheet)
        dated.number_format = number_format
        styles[kind] = dated.style_id  # registers the style, so the workbook holds it
    skeleton = io.BytesIO()
    book.save(skeleton)
    width = max([len(headers), *(len(row) for row in rows)])
    letters = [get_column_letter(i) for i in range(1, width + 1)]
    with (
        zipfile.ZipFile(skeleton) as written,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in written.infolist():
            data = written.read(item)
            if item.filename != sheet.path.lstrip("/"):
                out.writestr(item, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            with out.open(item.filename, "w") as stream:
                stream.write(head)
                for start in range(0, len(rows), REPORT_ROWS):
                    check(report, start, len(rows))
                    block = rows[start : start + REPORT_ROWS]
                    stream.write(_sheet_rows(block, start + 2, letters, styles, book.epoch))
                stream.write(b"</sheetData>" + tail)


def _sheet_rows(
    rows: Sequence[Sequence[Cell]],
    first: int,
    letters: list[str],
    styles: dict[type, int],
    epoch: datetime,
) -> bytes:
    """``<row>`` elements as openpyxl writes them: text inline (never a formula), numbers, and
    dates as serial numbers in their style; rows numbered from ``first``."""
    from openpyxl.utils.datetime import to_excel

    out: list[str] = []
    add = out.append
    for number, row in enumerate(rows, start=first):
        add(f'<row r="{number}">')
        for letter, value in zip(letters, row, strict=False):
            if value is None:
                continue
            if isinstance(value, str):
                text = _xlsx_text(value)[:32767]  # openpyxl's limit
                if not text:
                    add(f'<c r="{letter}{number}" t="inlineStr" />')
                    continue
                if "&" in text or "<" in text or ">" in text:
                    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                stripped = text.strip()
                space = ' xml:space="preserve"' if stripped and stripped != text else ""
                add(f'<c r="{letter}{number}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif isinstance(value, bool):
                add(f'<c r="{letter}{number}" t="b"><v>{value:d}</v></c>')
            elif isinstance(value, date):
                style = styles[datetime if isinstance(value, datetime) else date]
                serial = f"{to_excel(value, epoch):.16g}"
                add(f'<c r="{letter}{number}" s="{style}" t="n"><v>{serial}</v></c>')
            else:
                add(f'<c r="{letter}{number}" t="n"><v>{value:.16g}</v></c>')
        add("</row>")
    return "".join(out).encode("utf-8")


def _xlsx_text(text: str) -> str:
    return _ILLEGAL_XML.sub("", text) if _ILLEGAL_XML.search(text) else text


def display_width(text: str) -> int:
    """Columns the text takes in a grid: Chinese and other wide characters count double."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_widths(rows: Sequence[Sequence[Cell]], headers: Sequence[str]) -> list[float]:
    """Width per column from its longest line (header included), within sensible bounds.

    Each column's distinct texts are measured longest first, and only while one could still be
    wider than the widest so far (no character is wider than two): a whole book has 2.4 million
    cells, but few texts need measuring.
    """
    widths = [display_width(h) for h in headers]
    for index, header_width in enumerate(widths):
        texts = {
            v if v.__class__ is str and v[:1] not in _FORMULA_FIRST else _csv_cell(v)
            for row in rows
            if index < len(row) and (v := row[index]) is not None
        }
        widest = header_width
        for text in sorted(texts, key=len, reverse=True):
            if 2 * len(text) <= widest or widest >= MAX_WIDTH - 2:
                break
            widest = max([widest, *(display_width(line) for line in text.splitlines())])
        widths[index] = widest
    return [float(min(MAX_WIDTH, max(MIN_WIDTH, w + 2))) for w in widths]


# ---------------------------------------------------------------- contact rows


@paused_gc()
def contact_table(
    session: Session,
    contact_ids: Sequence[int],
    columns: Sequence[str],
    header_words: dict[str, str],
    value_words: dict[str, dict[str, str]] | None = None,
    report: Report | None = None,
) -> tuple[list[str], list[list[Cell]]]:
    """(headers, rows) for ``columns`` of the contacts, in the order of ``contact_ids``.

    ``header_words`` and ``value_words`` (e.g. ``{"stage": labels.choices("stage")}``) come
    from the caller, so this module needs no Qt; codes are written when no word is given.
    """
    unknown = [c for c in columns if c not in EXPORT_COLUMNS]
    if unknown:
        raise ValueError(f"unknown export columns: {unknown}")
    words = value_words or {}
    headers = [header_words.get(c, c) for c in columns]
    if _most_of_the_book(session, len(contact_ids)):
        by_id = _load_all(session, report, len(contact_ids))
    else:
        by_id = {}
        for number, chunk in enumerate(_chunks(list(contact_ids))):
            check(report, number * CHUNK, len(contact_ids))
            by_id.update(_load(session, chunk))
    pick = itemgetter(*[_LOADED.index(column) for column in columns])
    # a code in the caller's words when it has some, nothing as an empty cell; only the
    # columns that may need it are looked at, as a call per cell took a tenth of a whole export
    worded = [
        (index, words.get(column, {}))
        for index, column in enumerate(columns)
        if column in words or column in _NULLABLE
    ]
    rows: list[list[Cell]] = []
    for stored in (by_id.get(i) for i in contact_ids):
        if stored is None:
            continue
        row = list(pick(stored)) if len(columns) > 1 else [pick(stored)]
        for index, w in worded:
            value = row[index]
            row[index] = "" if value is None else w.get(str(value), value) if w else value
        rows.append(row)
    return headers, rows


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


_STORED: dict[str, Any] = {
    f.export: getattr(Contact, f.column) for f in CONTACT_FIELDS if f.export and f.column
}
"""Export columns read as they are from the contact's own row; the others are gathered."""


WHOLE_TABLES = 5000
"""From this many contacts on, an export that takes most of the book reads whole tables once
instead of a chunk of ids at a time: for 100,000 contacts, a second less."""


def _most_of_the_book(session: Session, wanted: int) -> bool:
    if wanted < WHOLE_TABLES:
        return False
    return wanted * 2 >= (session.scalar(select(func.count()).select_from(Contact)) or 0)


def _load(session: Session, ids: list[int]) -> dict[int, tuple[Cell, ...]]:
    """Every export column of the contacts ``ids`` (trashed ones too), in ``_LOADED`` order.

    Column queries: loading the contacts as ORM objects with their phones, tags and dates took
    half a minute for 100,000 contacts.
    """
    only = {"ids": ids}
    return _rows(session, [q.where(column.in_(_IDS)) for q, column in _QUERIES], only)


def _load_all(session: Session, report: Report | None, total: int) -> dict[int, tuple[Cell, ...]]:
    """``_load`` for every contact of the book."""
    return _rows(session, [query for query, _ in _QUERIES], None, report, total)


def _rows(
    session: Session,
    queries: list[Any],
    params: dict[str, list[int]] | None,
    report: Report | None = None,
    total: int = 0,
) -> dict[int, tuple[Cell, ...]]:
    connection = session.connection()  # plain rows: no ORM loading for column queries
    found = []
    for step, query in enumerate(queries):
        if report is not None:
            check(report, total * step // (len(queries) + 1), total)
        found.append(connection.execute(query, params).all())
    phone_rows, tag_rows, birthday_rows, contact_rows = found
    phones, tags = _grouped(phone_rows), _grouped(tag_rows)
    birthdays: dict[int, Cell] = {}
    for contact_id, *birthday in birthday_rows:
        if contact_id not in birthdays:  # the first, as ``birthday_of``
            birthdays[contact_id] = _birthday_text(*birthday)
    no_items: list[str] = []
    return {
        row[0]: (
            *row[2:],
            row[1] or "",
            "; ".join(phones.get(row[0], no_items)),
            "; ".join(tags.get(row[0], no_items)),
            birthdays.get(row[0]),
        )
        for row in contact_rows
    }


@lru_cache(maxsize=65536)
def _birthday_text(calendar: str, month: int, day: int, year: int | None, leap: bool) -> Cell:
    """Birthdays repeat across a book: each day is worded once."""
    return birthday_text(CalendarDate(CalendarKind(calendar), month, day, year, leap))


_LOADED: tuple[str, ...] = (*_STORED, "company", "phones", "tags", "birthday")
"""The columns of a row ``_load`` gives, in order."""
_NULLABLE = frozenset(
    [name for name, column in _STORED.items() if Contact.__table__.c[column.key].nullable]
    + ["birthday"]
)
"""Columns that may hold nothing (the others always hold a value: text, a number, a date)."""
_IDS: Any = bindparam("ids", expanding=True)
"""The chunk's ids, bound when a query runs (so each query is compiled once)."""
_QUERIES: list[tuple[Any, Any]] = [
    (
        select(Phone.contact_id, Phone.number).order_by(Phone.contact_id, Phone.position, Phone.id),
        Phone.contact_id,
    ),
    (
        select(ContactTag.contact_id, Tag.name)
        .join(Tag, Tag.id == ContactTag.tag_id)
        .order_by(ContactTag.contact_id, Tag.name),
        ContactTag.contact_id,
    ),
    (
        select(
            SpecialDate.contact_id,
            SpecialDate.calendar,
            SpecialDate.month,
            SpecialDate.day,
            SpecialDate.year,
            SpecialDate.is_leap_month,
        )
        .where(SpecialDate.contact_id.is_not(None), SpecialDate.kind == DateKind.BIRTHDAY)
        .order_by(SpecialDate.contact_id, SpecialDate.id),
        SpecialDate.contact_id,
    ),
    (
        select(Contact.id, Organization.name, *_STORED.values()).outerjoin(
            Organization, Contact.organization_id == Organization.id
        ),
        Contact.id,
    ),
]
"""Phones, tags, birthdays and the contacts' own columns, as ``_rows`` expects them."""


def _grouped(rows: Iterable[Any]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for contact_id, text in rows:
        found.setdefault(contact_id, []).append(text)
    return found


def birthday_cell(contact: Contact) -> Cell:
    """A dated solar birthday as a real date, else text: --03-08, 农历1985-08-15, 农历--闰04-03."""
    special = birthday_of(contact)
    return None if special is None else birthday_text(calendar_date_of(special))


def birthday_text(value: CalendarDate) -> Cell:
    """A birthday's cell (see ``birthday_cell``), for data not stored in a book."""
    if value.calendar == CalendarKind.SOLAR:
        return date(value.year, value.month, value.day) if value.year else value.iso()
    iso = value.iso()
    if value.leap:
        iso = f"{iso[:-5]}闰{iso[-5:]}"
    return f"{LUNAR_MARK}{iso}"
