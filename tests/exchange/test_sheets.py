"""Exporting contacts to CSV and XLSX, and reading the files back in."""

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from relbook.core.contact_input import ContactInput, DateInput, PhoneInput
from relbook.core.contacts import create_contact, get_contact, to_input
from relbook.core.enums import CalendarKind, PhoneLabel, Source, Stage
from relbook.core.errors import ValidationError
from relbook.db.book import Book
from relbook.exchange import sheets
from relbook.exchange.sheets import (
    ROUND_TRIP_COLUMNS,
    column_widths,
    contact_table,
    display_width,
    write_csv,
    write_xlsx,
)
from relbook.exchange.tabular import guess_mapping, read_table, rows_to_contacts
from tests.conftest import NOW

ENGLISH_HEADERS = {
    "name": "Name",
    "company": "Company",
    "department": "Department",
    "title": "Title",
    "phones": "Phones",
    "email": "Email",
    "wechat": "WeChat",
    "qq": "QQ",
    "address": "Address",
    "level": "Relationship level",
    "stage": "Customer stage",
    "tags": "Tags",
    "source": "How met",
    "birthday": "Birthday",
    "notes": "Notes",
    "next_birthday": "Next birthday",
    "last_contacted": "Last contacted",
}
"""The words relbook.words.labels.field gives in English."""

CHINESE_HEADERS = {
    "name": "姓名",
    "company": "单位",
    "department": "部门",
    "title": "职务",
    "phones": "电话",
    "email": "电子邮件",
    "wechat": "微信",
    "qq": "QQ",
    "address": "地址",
    "level": "关系层级",
    "stage": "客户阶段",
    "tags": "标签",
    "source": "来源 / 如何认识",
    "birthday": "生日",
    "notes": "备注",
}
"""The same words in the zh_CN translation (resources/i18n/relbook_zh_CN.ts)."""

CHINESE_VALUES = {
    "stage": {"potential": "潜在", "interested": "意向", "customer": "成交", "lost": "流失 / 休眠"},
    "source": {"referral": "转介绍", "classmate": "同学", "event": "活动"},
    "level": {"1": "1 陌生", "3": "3 约会", "4": "4 信赖"},
}
"""Value words as the GUI passes them (labels.choices, labels.level_with_number)."""

PEOPLE = [
    ContactInput(
        name="张伟",
        company="北京华宇科技有限公司",
        department="采购部",
        title="采购经理",
        phones=[PhoneInput("13800138000"), PhoneInput("010-62345678", PhoneLabel.WORK)],
        email="zhangwei@huayu.com.cn",
        wechat="zw_1985",
        qq="12345678",
        address="北京市海淀区中关村大街 1 号",
        level=3,
        stage=Stage.CUSTOMER,
        source=Source.REFERRAL,
        tags=["客户", "VIP"],
        notes="喜欢喝茶\n周末打羽毛球",
        dates=[DateInput(month=3, day=8, year=1985)],
    ),
    ContactInput(
        name="王芳",
        company="上海明远贸易",
        title="总经理",
        phones=[PhoneInput("+86 139 0013 9000")],
        level=4,
        stage=Stage.INTERESTED,
        source=Source.CLASSMATE,
        tags=["同学"],
        dates=[DateInput(month=8, day=15, year=1985, calendar=CalendarKind.LUNAR)],
    ),
    ContactInput(
        name="李娜",
        notes="=SUM(A1:A9) 不是公式",
        dates=[DateInput(month=4, day=3, calendar=CalendarKind.LUNAR, leap=True)],
    ),
    ContactInput(name="Anna Schmidt", company="Siemens", dates=[DateInput(month=5, day=21)]),
    ContactInput(name="赵敏", source=Source.EVENT, stage=Stage.LOST, lost_reason="neglected"),
]


@pytest.fixture
def people(book: Book, now: datetime) -> list[int]:
    with book.session() as session:
        return [create_contact(session, person, now).id for person in PEOPLE]


def _round_trip_view(data: ContactInput) -> dict[str, object]:
    """The fields ROUND_TRIP_COLUMNS carry; phone labels and tag order are not kept."""
    birthday = data.birthday()
    return {
        "name": data.name,
        "company": data.company,
        "department": data.department,
        "title": data.title,
        "phones": [p.number for p in data.phones],
        "email": data.email,
        "wechat": data.wechat,
        "qq": data.qq,
        "address": data.address,
        "level": data.level,
        "stage": data.stage,
        "source": data.source,
        "tags": sorted(data.tags),
        "notes": data.notes,
        "birthday": birthday
        and (birthday.calendar, birthday.year, birthday.month, birthday.day, birthday.leap),
    }


def _export(book: Book, ids: list[int], kind: str, headers: dict, values: dict | None) -> bytes:
    with book.session() as session:
        head, rows = contact_table(session, ids, list(ROUND_TRIP_COLUMNS), headers, values)
    if kind == "csv":
        return write_csv(rows, head)
    buffer = io.BytesIO()
    write_xlsx(rows, head, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("headers", "values"), [(ENGLISH_HEADERS, None), (CHINESE_HEADERS, CHINESE_VALUES)]
)
def test_export_then_import_gives_the_same_contacts(
    book: Book, people: list[int], kind: str, headers: dict, values: dict | None
) -> None:
    data = _export(book, people, kind, headers, values)
    table = read_table(data, f"contacts.{kind}")
    mapping = guess_mapping(table.headers)
    assert len(mapping) == len(ROUND_TRIP_COLUMNS)
    parsed = rows_to_contacts(table, mapping, NOW.date())
    assert parsed.problems == [] and parsed.ignored_columns == []
    assert all(r.warnings == [] for r in parsed.records)
    with book.session() as session:
        stored = [_round_trip_view(to_input(get_contact(session, i))) for i in people]
    assert [_round_trip_view(r.contact) for r in parsed.records] == stored


def test_birthday_cells(book: Book, people: list[int]) -> None:
    with book.session() as session:
        _, rows = contact_table(session, people, ["birthday"], {})
    assert [r[0] for r in rows] == [
        date(1985, 3, 8),
        "农历1985-08-15",
        "农历--闰04-03",
        "--05-21",
        "",
    ]


def test_rows_follow_the_given_order_across_chunks(
    book: Book, people: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheets, "CHUNK", 2)
    loads: list[list[int]] = []
    real_load = sheets._load
    monkeypatch.setattr(sheets, "_load", lambda s, ids: loads.append(ids) or real_load(s, ids))
    wanted = [people[4], people[0], 999_999, people[3], people[1], people[2]]
    words = {"name": "姓名", "tags": "标签", "next_birthday": "下次生日"}
    with book.session() as session:
        headers, rows = contact_table(
            session, wanted, ["name", "tags", "next_birthday", "level"], words
        )
    assert [len(chunk) for chunk in loads] == [2, 2, 2]
    assert headers == ["姓名", "标签", "下次生日", "level"]  # no word: the code
    assert [r[0] for r in rows] == ["赵敏", "张伟", "Anna Schmidt", "王芳", "李娜"]
    assert rows[1][1] == "VIP; 客户"
    assert rows[1][2] == date(2027, 3, 8)
    assert rows[1][3] == 3


def test_unknown_column_is_refused(book: Book) -> None:
    with book.session() as session, pytest.raises(ValueError):
        contact_table(session, [], ["password"], {})


def test_chosen_columns_in_the_chosen_order(book: Book, people: list[int]) -> None:
    with book.session() as session:
        headers, rows = contact_table(session, people[:2], ["phones", "name"], ENGLISH_HEADERS)
    assert headers == ["Phones", "Name"]
    assert rows == [["13800138000; 010-62345678", "张伟"], ["+86 139 0013 9000", "王芳"]]
    data = write_csv(rows, headers).decode("utf-8-sig").splitlines()
    assert data[0] == "Phones,Name"


def test_parse_columns_keeps_order_and_forgives_case_and_spaces() -> None:
    assert sheets.parse_columns(" Name, next-birthday ,phones,") == (
        "name",
        "next_birthday",
        "phones",
    )


def test_parse_columns_names_every_unknown_key_and_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        sheets.parse_columns("name,phone,password,name")
    unknown, repeated = caught.value.errors
    assert (unknown.field, unknown.code) == ("export.columns", "unknown_column")
    assert unknown.params["value"] == "phone, password"
    assert unknown.params["choices"] == ", ".join(sheets.EXPORT_COLUMNS)
    assert (repeated.code, repeated.params["value"]) == ("repeated_column", "name")


@pytest.mark.parametrize("text", ["", " , ,"])
def test_parse_columns_needs_one_column(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        sheets.parse_columns(text, "columns")
    assert [(e.field, e.code) for e in caught.value.errors] == [("columns", "required")]


def test_csv_is_utf8_with_bom_crlf_and_quoted() -> None:
    data = write_csv(
        [["张三", "a,b", 'say "hi"', "两行\n文字", date(2024, 3, 8), 3]], list("ABCDEF")
    )
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text == 'A,B,C,D,E,F\r\n张三,"a,b","say ""hi""","两行\n文字",2024-03-08,3\r\n'


def test_csv_defuses_formulas_but_not_phone_numbers() -> None:
    data = write_csv([["=HYPERLINK(1)", "@cmd", "+86 138 0013 8000", "-5", "-x"]], list("ABCDE"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == ["'=HYPERLINK(1)", "'@cmd", "+86 138 0013 8000", "-5", "'-x"]


def test_xlsx_layout() -> None:
    buffer = io.BytesIO()
    rows = [
        ["张三丰", date(1985, 3, 8), datetime(2026, 11, 1, 9, 30), 3, "=1+1"],
        ["Li", None, None, 5, "x" * 200],
    ]
    write_xlsx(rows, ["姓名", "生日", "最近联系", "Level", "Notes"], buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    header = sheet["A1"]
    assert header.font.bold and header.fill.fgColor.rgb.endswith(sheets.HEADER_FILL)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E3"
    assert sheet["B2"].value == datetime(1985, 3, 8)
    assert sheet["B2"].number_format == sheets.DATE_FORMAT
    assert sheet["C2"].number_format == sheets.DATETIME_FORMAT
    assert (sheet["D2"].value, sheet["E2"].value, sheet["E2"].data_type) == (3, "=1+1", "s")
    assert sheet.column_dimensions["A"].width == 8  # 3 Chinese characters count 6, plus 2
    assert sheet.column_dimensions["E"].width == sheets.MAX_WIDTH


def test_widths_count_chinese_double() -> None:
    assert display_width("张三ab") == 6
    assert column_widths([["张三", "a\nlonger line"]], ["名", "x"]) == [6.0, 13.0]


def test_xlsx_to_a_path(tmp_path) -> None:
    target = tmp_path / "联系人.xlsx"
    write_xlsx([["张三"]], ["姓名"], target, sheet_title="联系人")
    assert load_workbook(target).sheetnames == ["联系人"]


def test_exchange_modules_need_no_qt() -> None:
    """The CLI and tests import these without a QApplication; labels come in as parameters."""
    import subprocess
    import sys

    code = (
        "import sys, relbook.exchange.tabular, relbook.exchange.sheets, "
        "relbook.exchange.dates_typed; print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
