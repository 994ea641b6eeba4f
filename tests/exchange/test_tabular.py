"""Reading CSV and XLSX files as Chinese and Western tools write them, and mapping columns."""

import io
import random
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from relbook.core.enums import CalendarKind, PhoneLabel
from relbook.exchange import tabular
from relbook.exchange.tabular import (
    Table,
    TableError,
    guess_mapping,
    read_table,
    rows_to_contacts,
)
from tests.conftest import NOW

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = NOW.date()
CHINESE = "姓名,电话,备注\r\n张三,13800138000,老客户\r\n"


def _read_fixture(name: str) -> Table:
    return read_table((FIXTURES / name).read_bytes(), name)


def _import(table: Table) -> tabular.TabularParse:
    return rows_to_contacts(table, guess_mapping(table.headers), TODAY)


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (CHINESE.encode("utf-8-sig"), "utf-8-sig"),
        (CHINESE.encode("gbk"), "gb18030"),
        (CHINESE.encode("gb18030"), "gb18030"),
        (CHINESE.encode("utf-16"), "utf-16"),  # LE with BOM
        (b"\xfe\xff" + CHINESE.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16le-bom", "utf16be-bom"],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    table = read_table(data, "contacts.csv")
    assert table.encoding == encoding
    assert table.headers == ["姓名", "电话", "备注"]
    assert table.rows == [["张三", "13800138000", "老客户"]]


def test_gb18030_characters_outside_gbk_survive() -> None:
    data = "姓名,备注\r\n王䶮,𠮷野家\r\n".encode("gb18030")
    assert read_table(data, "a.csv").rows == [["王䶮", "𠮷野家"]]


def test_gb18030_wins_over_a_wrong_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    """charset-normalizer calls short GBK files cp1252 or utf_16_be; Chinese text is GBK."""
    monkeypatch.setattr(tabular, "_normalizer_guess", lambda data: "cp1252")
    assert read_table(CHINESE.encode("gbk"), "a.csv").encoding == "gb18030"


def test_western_code_page_is_not_read_as_chinese() -> None:
    data = "Name,City\r\nMüller,Köln\r\nRenée,Besançon\r\n".encode("cp1252")
    assert read_table(data, "a.csv").rows == [["Müller", "Köln"], ["Renée", "Besançon"]]


def test_given_encoding_is_used() -> None:
    data = "姓名,電話\r\n張三,13800138000\r\n".encode("big5")  # Taiwan / Hong Kong Excel
    table = read_table(data, "a.csv", encoding="big5")
    assert (table.encoding, table.rows[0][0]) == ("big5", "張三")


# ---------------------------------------------------------------- delimiters and quoting


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_detected(delimiter: str) -> None:
    text = (
        f'姓名{delimiter}公司{delimiter}备注\n张三{delimiter}"华为{delimiter}深圳"{delimiter}好\n'
    )
    table = read_table(text.encode(), "a.csv")
    assert table.rows == [["张三", f"华为{delimiter}深圳", "好"]]


def test_excel_sep_line_names_the_delimiter() -> None:
    table = read_table(b"sep=;\r\nName;Phone\r\nAnn;123,456\r\n", "a.csv")
    assert (table.headers, table.rows) == (["Name", "Phone"], [["Ann", "123,456"]])


def test_single_column_file() -> None:
    assert read_table("姓名\n张三\n李四\n".encode(), "a.csv").rows == [["张三"], ["李四"]]


def test_row_numbers_count_lines_of_quoted_multiline_cells() -> None:
    text = '姓名,备注\r\n张三,"第一行\r\n第二行\r\n第三行"\r\n\r\n李四,短\r\n'
    table = read_table(text.encode(), "a.csv")
    assert table.row_numbers == [2, 6]
    assert table.rows[0][1] == "第一行\n第二行\n第三行"


def test_short_rows_are_padded_and_long_rows_cut() -> None:
    table = read_table(b"a,b,c\n1\n1,2,3,4\n", "a.csv")
    assert table.rows == [["1", "", ""], ["1", "2", "3"]]


def test_formula_guard_apostrophe_is_removed() -> None:
    assert read_table(b"Name,Notes\nAnn,'=1+1\n", "a.csv").rows == [["Ann", "=1+1"]]


# ---------------------------------------------------------------- malformed input


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "a.csv", "empty"),
        (b"\xef\xbb\xbf", "a.csv", "empty"),
        (b"\r\n\r\n , \r\n", "a.csv", "empty"),
        (random.Random(1).randbytes(4096), "a.csv", "not_text"),
        (b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(300), "photo.csv", "not_text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old.xls", "xls_not_supported"),
        (b"PK\x03\x04" + bytes(100), "broken.xlsx", "bad_xlsx"),
        (b"not a zip at all", "fake.xlsx", "bad_xlsx"),
    ],
    ids=["empty", "bom-only", "blank", "random", "png", "xls", "zip-junk", "not-zip"],
)
def test_malformed_files_raise_table_error(data: bytes, name: str, code: str) -> None:
    with pytest.raises(TableError) as raised:
        read_table(data, name)
    assert raised.value.code == code


def test_truncated_xlsx_raises_table_error() -> None:
    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(["姓名"])
    book.save(buffer)
    whole = buffer.getvalue()
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 30):
        with pytest.raises(TableError) as raised:
            read_table(whole[:cut], "cut.xlsx")
        assert raised.value.code == "bad_xlsx"


def test_wrong_encoding_given_raises_table_error() -> None:
    with pytest.raises(TableError) as raised:
        read_table(CHINESE.encode("gbk"), "a.csv", encoding="utf-8")
    assert raised.value.code == "bad_encoding"


# ---------------------------------------------------------------- XLSX


def _wps_workbook() -> bytes:
    """Imitates a WPS 表格 contact list: "Sheet1", phone and QQ typed as numbers (so stored
    as floats), birthdays as date cells, a blank row left in the middle, a second sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["姓名", "手机", "QQ", "生日", "农历生日", "公司", "职务"])
    sheet.append(["张伟", 13800138000.0, 12345678.0, datetime(1985, 3, 8), None, "华为", "经理"])
    sheet.append([None] * 7)
    sheet.append(["王芳", 13900139000, None, None, "腊月初八", "腾讯", None])
    sheet.append(["李娜", "139-0013-9000", None, 45359, datetime(1990, 8, 15), None, None])
    sheet.cell(row=5, column=4).number_format = "General"
    other = book.create_sheet("客户")
    other.append(["姓名", "电话"])
    other.append(["赵敏", "13500135000"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_wps_xlsx_values_read_as_displayed() -> None:
    table = read_table(_wps_workbook(), "通讯录.xlsx")
    assert table.sheet == "Sheet1"
    assert table.encoding is None
    assert table.row_numbers == [2, 4, 5]
    assert table.rows[0] == ["张伟", "13800138000", "12345678", "1985-03-08", "", "华为", "经理"]
    assert table.rows[1][1] == "13900139000"


def test_wps_xlsx_rows_become_contacts() -> None:
    parsed = _import(read_table(_wps_workbook(), "通讯录.xlsx"))
    assert not parsed.problems
    zhang, wang, li = (r.contact for r in parsed.records)
    assert (zhang.phones[0].number, zhang.qq) == ("13800138000", "12345678")
    assert (zhang.dates[0].year, zhang.dates[0].month, zhang.dates[0].day) == (1985, 3, 8)
    assert (wang.dates[0].calendar, wang.dates[0].month, wang.dates[0].day) == (
        CalendarKind.LUNAR,
        12,
        8,
    )
    assert (li.dates[0].calendar, li.dates[0].year) == (CalendarKind.SOLAR, 2024)  # serial


def test_xlsx_named_sheet_and_missing_sheet() -> None:
    data = _wps_workbook()
    assert read_table(data, "a.xlsx", sheet="客户").rows == [["赵敏", "13500135000"]]
    with pytest.raises(TableError) as raised:
        read_table(data, "a.xlsx", sheet="不存在")
    assert raised.value.code == "no_sheet"
    assert raised.value.params["sheets"] == ["Sheet1", "客户"]


# ---------------------------------------------------------------- exporters' files


def test_chinese_excel_gbk_csv() -> None:
    table = _read_fixture("excel_gbk.csv")
    assert table.encoding == "gb18030"
    parsed = _import(table)
    assert parsed.ignored_columns == ["性别"]
    by_row = {r.row_number: r for r in parsed.records}
    assert sorted(by_row) == [2, 4, 7, 8]
    zhang = by_row[2].contact
    assert zhang.name == "张伟"
    assert [(p.number, p.label) for p in zhang.phones] == [
        ("13800138000", PhoneLabel.MOBILE),
        ("010-62345678", PhoneLabel.WORK),
    ]
    assert (zhang.company, zhang.department, zhang.title) == (
        "北京华宇科技有限公司",
        "采购部",
        "采购经理",
    )
    assert (zhang.email, zhang.wechat, zhang.qq) == ("zhangwei@huayu.com.cn", "zw_1985", "12345678")
    assert zhang.tags == ["客户", "VIP"]
    assert zhang.notes == "喜欢喝茶\n周末打羽毛球"
    assert (zhang.dates[0].year, zhang.dates[0].month, zhang.dates[0].day) == (1985, 3, 8)
    lunar = by_row[4].contact.dates[0]
    assert (lunar.calendar, lunar.year, lunar.month, lunar.day) == (CalendarKind.LUNAR, None, 8, 15)
    zhao = by_row[8]
    assert zhao.contact.dates == []
    assert zhao.warnings[0].code == "birthday_dropped"
    assert zhao.warnings[0].params["reason"] == "impossible_date"
    assert zhao.contact.notes == "导入时未能识别：生日: 1990/2/30"
    li = by_row[7]  # a bad email no longer drops the person: it waits in the note
    assert (li.contact.name, li.contact.email) == ("李强", "")
    assert li.contact.notes == "导入时未能识别：邮箱: li@"
    assert [(w.code, w.params["value"]) for w in li.warnings] == [("not_recognised", "li@")]
    problems = [(p.row_number, p.code, p.field) for p in parsed.problems]
    assert problems == [(6, "no_name", "")]


def test_unicode_text_utf16_tab_separated() -> None:
    table = _read_fixture("unicode_text_utf16.txt")
    assert table.encoding == "utf-16"
    chen, liu = (r.contact for r in _import(table).records)
    assert (chen.name, chen.title, chen.tags) == ("陈静", "技术总监", ["同学", "客户"])
    assert liu.phones[0].number == "+86 135 0000 1111"
    assert (liu.dates[0].calendar, liu.dates[0].year, liu.dates[0].month) == (
        CalendarKind.LUNAR,
        1979,
        12,
    )


def test_google_contacts_csv() -> None:
    parsed = _import(_read_fixture("google_contacts.csv"))
    assert not parsed.problems
    zhou, anna = parsed.records
    person = zhou.contact
    assert person.name == "周明"  # family then given, no space, for Chinese names
    assert [(p.number, p.label) for p in person.phones] == [
        ("138 1234 5678", PhoneLabel.MOBILE),
        ("139 8765 4321", PhoneLabel.MOBILE),
        ("025-84561234", PhoneLabel.WORK),
    ]
    assert person.tags == ["客户", "南京"]  # "* myContacts" is Google's own group
    assert person.address == "南京市鼓楼区中山路 1 号"
    assert (person.company, person.title, person.email) == (
        "南京金陵建设",
        "项目经理",
        "zhouming@jinling.cn",
    )
    assert anna.contact.name == "Anna Schmidt"
    assert anna.contact.tags == []
    birthday = anna.contact.dates[0]
    assert (birthday.year, birthday.month, birthday.day) == (None, 5, 21)
    assert "Phone 1 - Label" in parsed.ignored_columns


def test_outlook_csv() -> None:
    table = _read_fixture("outlook_contacts.csv")
    mapping = guess_mapping(table.headers)
    assert "title" not in [mapping.get(i) for i, h in enumerate(table.headers) if h == "Title"]
    sun, emily = (r.contact for r in rows_to_contacts(table, mapping, TODAY).records)
    assert (sun.name, sun.title, sun.department) == ("孙建国", "处长", "设备处")
    assert [(p.number, p.label) for p in sun.phones] == [
        ("022-23456789", PhoneLabel.WORK),
        ("13920001234", PhoneLabel.MOBILE),
    ]
    assert sun.tags == ["客户", "国企"]
    assert (sun.dates[0].year, sun.dates[0].month, sun.dates[0].day) == (1968, 10, 1)
    assert sun.address == "天津市河西区友谊路 20 号"
    assert sun.notes == "老家山东\n爱喝白酒"
    assert (emily.name, emily.title, emily.dates) == ("Emily Wong", "Relationship Manager", [])
    assert emily.phones[0].label == PhoneLabel.HOME


# ---------------------------------------------------------------- mapping


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", "name"),
        (" 姓名： ", "name"),
        ("客户姓名", "name"),
        ("手机号码", "phone"),
        ("手机号码1", "phone"),
        ("Mobile Phone", "phone"),
        ("MOBILE", "phone"),
        ("Phone 3 - Value", "phone"),
        ("E-mail Address", "email"),
        ("E-mail 1 - Value", "email"),
        ("电子邮件", "email"),
        ("Organization 1 - Name", "company"),
        ("Organization 1 - Title", "title"),
        ("职位", "title"),
        ("单位", "company"),
        ("农历生日", "lunar_birthday"),
        ("生日（农历）", "lunar_birthday"),
        ("出生日期", "birthday"),
        ("微信号", "wechat"),
        ("QQ号", "qq"),
        ("Home Street", "address"),
        ("Group Membership", "tags"),
        ("Categories", "tags"),
        ("分组", "tags"),
        ("关系层级", "level"),
        ("客户阶段", "stage"),
        ("来源 / 如何认识", "source"),
        ("姓", "family_name"),
        ("名", "given_name"),
        ("Given Name", "given_name"),
    ],
)
def test_headers_are_recognised(header: str, field: str) -> None:
    assert guess_mapping([header]) == {0: field}


@pytest.mark.parametrize(
    "header", ["性别", "Nickname", "姓名拼音", "电话类型", "Business Fax", "等级", ""]
)
def test_other_headers_are_left_out(header: str) -> None:
    assert guess_mapping([header]) == {}


def test_title_means_job_title_without_outlook_job_title() -> None:
    assert guess_mapping(["Name", "Title"]) == {0: "name", 1: "title"}
    assert guess_mapping(["Title", "Name", "Job Title"]) == {1: "name", 2: "title"}


def _rows(headers: list[str], *rows: list[str]) -> Table:
    return Table(headers, [list(r) for r in rows], list(range(2, len(rows) + 2)))


def test_western_family_and_given_names_keep_a_space() -> None:
    table = _rows(["Last Name", "First Name"], ["Smith", "John"], ["王", "小明"])
    assert [r.contact.name for r in _import(table).records] == ["John Smith", "王小明"]


def test_level_stage_and_source_from_codes_numbers_and_words() -> None:
    table = _rows(
        ["姓名", "关系层级", "客户阶段", "来源"],
        ["甲", "3 约会", "成交", "转介绍"],
        ["乙", "4", "interested", "cold_call"],
        ["丙", "很好", "不知道", "展会上认识"],
    )
    first, second, third = _import(table).records
    assert (first.contact.level, first.contact.stage, first.contact.source) == (
        3,
        "customer",
        "referral",
    )
    assert (second.contact.level, second.contact.stage, second.contact.source) == (
        4,
        "interested",
        "cold_call",
    )
    assert (third.contact.level, third.contact.stage) == (1, "potential")
    assert (third.contact.source, third.contact.source_detail) == ("other", "展会上认识")
    assert [w.code for w in third.warnings] == ["level_ignored", "stage_ignored"]


def test_bad_values_do_not_drop_their_rows() -> None:
    table = _rows(
        ["姓名", "手机", "QQ", "生日"],
        ["甲", "not a phone!", "", ""],
        ["乙", "13800138000", "12", ""],
        ["", "", "", ""],
        ["丁", "13800138001", "", "2023-02-29"],
        ["戊", "13800138002", "", "1985-03-08"],
    )
    parsed = _import(table)
    assert parsed.problems == []
    assert [r.row_number for r in parsed.records] == [2, 3, 5, 6]
    jia, yi, ding, _wu = parsed.records
    assert (jia.contact.phones, jia.contact.notes) == ([], "导入时未能识别：手机: not a phone!")
    assert [(w.code, w.params["column"]) for w in jia.warnings] == [("not_recognised", "手机")]
    assert (yi.contact.qq, yi.contact.notes) == ("", "导入时未能识别：QQ: 12")
    assert ding.warnings[0].code == "birthday_dropped"
    assert ding.contact.notes == "导入时未能识别：生日: 2023-02-29"


def test_phones_split_deduplicated_and_landlines_not_mobile() -> None:
    table = _rows(["姓名", "手机", "电话"], ["甲", "13800138000;010-88886666", "138 0013 8000"])
    phones = _import(table).records[0].contact.phones
    assert [(p.number, p.label) for p in phones] == [
        ("13800138000", PhoneLabel.MOBILE),
        ("010-88886666", PhoneLabel.OTHER),
    ]


def test_extra_single_values_are_warned_about() -> None:
    table = _rows(["姓名", "邮箱", "E-mail 2 Address"], ["甲", "a@b.cn", "c@d.cn"])
    record = _import(table).records[0]
    assert record.contact.email == "a@b.cn"
    assert [(w.code, w.params["value"]) for w in record.warnings] == [("extra_value", "c@d.cn")]


def test_rows_with_only_unmapped_cells_are_skipped() -> None:
    table = _rows(["姓名", "性别"], ["", "男"], ["甲", ""])
    parsed = _import(table)
    assert ([r.row_number for r in parsed.records], parsed.problems) == ([3], [])
