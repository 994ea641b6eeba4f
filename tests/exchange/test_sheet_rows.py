"""Export rows read with column queries are the rows the ORM objects gave, cell for cell, and
the write-only workbook holds what the cell-by-cell one held."""

import io
import random
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from unicodedata import east_asian_width

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.core.demo import fill_demo
from relbook.core.enums import CalendarKind, Stage
from relbook.core.models import Contact
from relbook.db.book import Book
from relbook.exchange import sheets
from relbook.exchange.sheets import EXPORT_COLUMNS, Cell, birthday_cell, contact_table

WORDS: dict[str, dict[str, str]] = {
    "stage": {"potential": "潜在", "customer": "成交"},
    "level": {"1": "1 认识", "5": "5 铁杆"},
    "source": {"referral": "转介绍"},
    "gender": {"male": "男", "female": "女"},
    "personality": {"driver": "支配型"},
}

_OLD: dict[str, Callable[[Contact], Cell]] = {
    "company": lambda c: c.organization.name if c.organization else "",
    "phones": lambda c: "; ".join(p.number for p in c.phones),
    "tags": lambda c: "; ".join(t.name for t in c.tags),
    "birthday": birthday_cell,
    "next_birthday": lambda c: c.next_birthday,
    "last_contacted": lambda c: c.last_contacted_at,
    "created_at": lambda c: c.created_at,
}


def _through_orm(session: Session, ids: list[int], columns: tuple[str, ...]) -> list[list[Any]]:
    """The rows as export built them before: ORM objects and their relationships."""
    loaded = {
        c.id: c
        for c in session.scalars(
            select(Contact)
            .where(Contact.id.in_(ids))
            .options(
                selectinload(Contact.phones),
                selectinload(Contact.tags),
                selectinload(Contact.special_dates),
                selectinload(Contact.organization),
            )
        )
    }
    rows = []
    for contact_id in ids:
        contact = loaded.get(contact_id)
        if contact is None:
            continue
        row = []
        for column in columns:
            getter = _OLD.get(column)
            value = getter(contact) if getter else getattr(contact, column)
            words = WORDS.get(column, {})
            if words and value is not None:
                row.append(words.get(str(value), value))
            else:
                row.append("" if value is None else value)
        rows.append(row)
    return rows


@pytest.fixture
def filled(book: Book, now: datetime) -> list[int]:
    with book.session() as session:
        fill_demo(session, 450, seed=3, now=now)
        leap = DateInput(month=4, day=3, calendar=CalendarKind.LUNAR, leap=True)
        create_contact(session, ContactInput(name="闰月", dates=[leap], tags=["b", "A"]), now)
        create_contact(session, ContactInput(name="无生日", company="  "), now)
        ids = list(session.scalars(select(Contact.id)))
    random.Random(5).shuffle(ids)
    return [*ids[:200], 999_999, *ids[200:]]


@pytest.mark.parametrize("whole_tables", [False, True])
def test_rows_are_the_rows_the_orm_gave(
    book: Book, filled: list[int], monkeypatch: pytest.MonkeyPatch, whole_tables: bool
) -> None:
    monkeypatch.setattr(sheets, "CHUNK", 97)
    monkeypatch.setattr(sheets, "WHOLE_TABLES", 1 if whole_tables else 10**9)
    columns = (*EXPORT_COLUMNS, "name", "birthday")
    reads: list[str] = []
    for name in ("_load", "_load_all"):
        real = getattr(sheets, name)
        monkeypatch.setattr(
            sheets, name, lambda *a, real=real, name=name: reads.append(name) or real(*a)
        )
    with book.session() as session:
        headers, rows = contact_table(session, filled, columns, {"name": "姓名"}, WORDS)
        expected = _through_orm(session, filled, columns)
    assert set(reads) == {"_load_all" if whole_tables else "_load"}
    assert headers[0] == "姓名" and headers[1] == "company"
    assert len(rows) == len(filled) - 1 == len(expected)
    assert rows == expected
    assert any(r[EXPORT_COLUMNS.index("birthday")] == "农历--闰04-03" for r in rows)


def _normal_mode_xlsx(rows: list[list[Cell]], headers: list[str], target: io.BytesIO) -> None:
    """The workbook as written before the write-only mode: a cell object per value."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "联系人"
    sheet.append([sheets._xlsx_text(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=sheets.HEADER_FILL)
        cell.alignment = Alignment(vertical="center")
    for row_index, row in enumerate(rows, start=2):
        for col_index, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_index, column=col_index)
            if isinstance(value, str):
                cell.value = sheets._xlsx_text(value)
                cell.data_type = "s"
                continue
            cell.value = value
            if isinstance(value, datetime):
                cell.number_format = sheets.DATETIME_FORMAT
            elif isinstance(value, date):
                cell.number_format = sheets.DATE_FORMAT
    for index, width in enumerate(_widths_one_by_one(rows, headers), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    book.save(target)


def _widths_one_by_one(rows: list[list[Cell]], headers: list[str]) -> list[float]:
    widths = [sum(2 if east_asian_width(c) in "WF" else 1 for c in h) for h in headers]
    for row in rows:
        for index, value in enumerate(row):
            for line in sheets._csv_cell(value).splitlines():
                width = sum(2 if east_asian_width(c) in "WF" else 1 for c in line)
                widths[index] = max(widths[index], width)
    return [float(min(sheets.MAX_WIDTH, max(sheets.MIN_WIDTH, w + 2))) for w in widths]


def _cells(data: bytes) -> tuple[Any, ...]:
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [
        (c.coordinate, c.value, c.data_type, c.number_format, c.font.b, c.fill.fgColor.rgb)
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    ]
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    return sheet.title, sheet.freeze_panes, sheet.auto_filter.ref, widths, cells


def test_the_write_only_workbook_holds_what_the_cell_by_cell_one_held(
    book: Book, filled: list[int]
) -> None:
    with book.session() as session:
        headers, rows = contact_table(session, filled, EXPORT_COLUMNS, {"name": "姓名"}, WORDS)
    odd: list[Cell] = ["=1+1", "#N/A", "=", "", "\x01坏\x0b字", "x" * 40_000, "两行\n文字", "@a"]
    odd += [" 前后 ", "a & <b>", "  ", True, 10**17, 1 / 3]
    odd += [Stage.CUSTOMER, -5, 2.5, date(2024, 2, 29), datetime(2026, 1, 2, 3, 4, 5, 600)]
    rows = [*rows, odd + [None] * (len(headers) - len(odd))]
    before, after = io.BytesIO(), io.BytesIO()
    _normal_mode_xlsx(rows, headers, before)
    sheets.write_xlsx(rows, headers, after, sheet_title="联系人")
    assert _cells(after.getvalue()) == _cells(before.getvalue())
