"""Contacts out to CSV and XLSX, laid out the way Excel and WPS users expect."""

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from relbook.core.contacts import birthday_of, calendar_date_of
from relbook.core.enums import CalendarKind
from relbook.core.errors import FieldError, ValidationError
from relbook.core.models import Contact
from relbook.exchange.progress import Report, check

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as SheetCell

Cell = str | int | float | date | datetime | None

CHUNK = 900

REPORT_ROWS = 1000
"""Rows written between two progress reports (each a chance to cancel)."""
"""Ids per query: below SQLite's old limit of 999 bound parameters."""

LUNAR_MARK = "农历"
"""Prefix of a lunar birthday; tabular import reads it back (so does a Chinese reader)."""

EXPORT_COLUMNS: tuple[str, ...] = (
    "name",
    "company",
    "department",
    "title",
    "phones",
    "email",
    "wechat",
    "qq",
    "address",
    "level",
    "stage",
    "tier",
    "tags",
    "source",
    "birthday",
    "next_birthday",
    "last_contacted",
    "notes",
    "gender",
    "personality",
    "hometown",
    "school",
    "hobbies",
    "created_at",
)

ROUND_TRIP_COLUMNS: tuple[str, ...] = (
    "name",
    "company",
    "department",
    "title",
    "phones",
    "email",
    "wechat",
    "qq",
    "address",
    "level",
    "stage",
    "tags",
    "source",
    "birthday",
    "notes",
)
"""Columns that an export followed by an import gives back unchanged."""

COLUMNS_FIELD = "export.columns"
"""The field that column errors name (also the setting remembering the window's choice)."""


def parse_columns(text: str, field_name: str = COLUMNS_FIELD) -> tuple[str, ...]:
    """Column keys from ``"name, company,phones"``, in the order given.

    Keys are matched ignoring case, spaces and ``-`` for ``_``. No key at all, unknown keys
    (the error lists the known ones) or a key given twice raise one ValidationError.
    """
    keys = [key for key in (_column_key(part) for part in text.split(",")) if key]
    if not keys:
        raise ValidationError.single(field_name, "required")
    errors: list[FieldError] = []
    unknown = [key for key in keys if key not in EXPORT_COLUMNS]
    if unknown:
        params = {"value": ", ".join(unknown), "choices": ", ".join(EXPORT_COLUMNS)}
        errors.append(FieldError(field_name, "unknown_column", params))
    twice = dict.fromkeys(key for index, key in enumerate(keys) if key in keys[:index])
    errors += [FieldError(field_name, "repeated_column", {"value": key}) for key in twice]
    if errors:
        raise ValidationError(errors)
    return tuple(keys)


def _column_key(text: str) -> str:
    return text.strip().lower().replace("-", "_")


_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_NUMBERISH = re.compile(r"^[+\-]?[\d\s().\-]+$")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# ---------------------------------------------------------------- CSV


def write_csv(
    rows: Sequence[Sequence[Cell]], headers: Sequence[str], report: Report | None = None
) -> bytes:
    """UTF-8 with a BOM (without it Excel shows Chinese as mojibake), CRLF, quoted as needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([_csv_cell(h) for h in headers])
    for index, row in enumerate(rows):
        if index % REPORT_ROWS == 0:
            check(report, index, len(rows))
        writer.writerow([_csv_cell(v) for v in row])
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
    if _FORMULA_START.match(text) and not _NUMBERISH.match(text):
        return "'" + text
    return text


# ---------------------------------------------------------------- XLSX


HEADER_FILL = "DDEBF7"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MIN_WIDTH = 6
MAX_WIDTH = 60


def write_xlsx(
    rows: Sequence[Sequence[Cell]],
    headers: Sequence[str],
    target: str | Path | BinaryIO,
    sheet_title: str = "Contacts",
    report: Report | None = None,
) -> None:
    """A workbook ready to use: bold shaded header, frozen, filterable, sized, real dates."""
    from openpyxl import Workbook  # imported on use: it is slow to import
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title[:31]
    sheet.append([_xlsx_text(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center")
    for row_index, row in enumerate(rows, start=2):
        if (row_index - 2) % REPORT_ROWS == 0:
            check(report, row_index - 2, len(rows))
        for col_index, value in enumerate(row, start=1):
            _put(sheet.cell(row=row_index, column=col_index), value)
    for index, width in enumerate(column_widths(rows, headers), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    if headers:
        last = f"{get_column_letter(len(headers))}{max(len(rows) + 1, 1)}"
        sheet.auto_filter.ref = f"A1:{last}"
    book.save(target)


def _put(cell: "SheetCell", value: Cell) -> None:
    """Dates as dates with a format; text always as text (a leading "=" is not a formula)."""
    if isinstance(value, str):
        cell.value = _xlsx_text(value)
        cell.data_type = "s"
        return
    cell.value = value
    if isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT


def _xlsx_text(text: str) -> str:
    return _ILLEGAL_XML.sub("", text)


def display_width(text: str) -> int:
    """Columns the text takes in a grid: Chinese and other wide characters count double."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_widths(rows: Sequence[Sequence[Cell]], headers: Sequence[str]) -> list[float]:
    """Width per column from its longest line (header included), within sensible bounds."""
    widths = [display_width(h) for h in headers]
    for row in rows:
        for index, value in enumerate(row[: len(widths)]):
            text = _csv_cell(value)
            longest = max((display_width(line) for line in text.splitlines()), default=0)
            widths[index] = max(widths[index], longest)
    return [float(min(MAX_WIDTH, max(MIN_WIDTH, w + 2))) for w in widths]


# ---------------------------------------------------------------- contact rows


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
    by_id: dict[int, Contact] = {}
    rows: list[list[Cell]] = []
    for number, chunk in enumerate(_chunks(list(contact_ids))):
        check(report, number * CHUNK, len(contact_ids))
        by_id.update(_load(session, chunk))
    for contact_id in contact_ids:
        contact = by_id.get(contact_id)
        if contact is not None:
            rows.append([_value(contact, c, words.get(c, {})) for c in columns])
    return headers, rows


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _load(session: Session, ids: list[int]) -> dict[int, Contact]:
    contacts = session.scalars(
        select(Contact)
        .where(Contact.id.in_(ids))
        .options(
            selectinload(Contact.phones),
            selectinload(Contact.tags),
            selectinload(Contact.special_dates),
            selectinload(Contact.organization),
        )
    )
    return {c.id: c for c in contacts}


def birthday_cell(contact: Contact) -> Cell:
    """A dated solar birthday as a real date, else text: --03-08, 农历1985-08-15, 农历--闰04-03."""
    special = birthday_of(contact)
    if special is None:
        return None
    value = calendar_date_of(special)
    if value.calendar == CalendarKind.SOLAR:
        return date(value.year, value.month, value.day) if value.year else value.iso()
    iso = value.iso()
    if value.leap:
        iso = f"{iso[:-5]}闰{iso[-5:]}"
    return f"{LUNAR_MARK}{iso}"


_SPECIAL: dict[str, Callable[[Contact], Cell]] = {
    "company": lambda c: c.organization.name if c.organization else "",
    "phones": lambda c: "; ".join(p.number for p in c.phones),
    "tags": lambda c: "; ".join(t.name for t in c.tags),
    "birthday": birthday_cell,
    "next_birthday": lambda c: c.next_birthday,
    "last_contacted": lambda c: c.last_contacted_at,
    "created_at": lambda c: c.created_at,
}


def _value(contact: Contact, column: str, words: dict[str, str]) -> Cell:
    getter = _SPECIAL.get(column)
    value: Cell = getter(contact) if getter else getattr(contact, column)
    if words and value is not None:
        return words.get(str(value), value)
    return "" if value is None else value
