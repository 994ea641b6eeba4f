"""vCard import from real exporters' quirks (fixtures/README-vcard.md) and export round trips."""

from datetime import datetime
from pathlib import Path

import vobject

from relbook.core.contact_input import ContactInput, DateInput, FamilyInput, PhoneInput
from relbook.core.contacts import create_contact
from relbook.core.enums import CalendarKind, DateKind, FamilyRelation, Gender
from relbook.db.book import Book
from relbook.exchange.vcard import ParsedCard, export_vcards, parse_vcards, split_name, write_vcards
from tests.conftest import NOW

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = NOW.date()
JPEG_START = b"\xff\xd8\xff\xe0"


def _read(name: str) -> list[ParsedCard]:
    result = parse_vcards((FIXTURES / name).read_bytes(), today=TODAY)
    assert result.problems == []
    return result.records


def _labels(card: ParsedCard) -> list[tuple[str, str]]:
    return [(p.number, p.label) for p in card.data.phones]


def test_android_21_quoted_printable_split_characters_and_photo() -> None:
    first, second = _read("android_21.vcf")
    assert first.data.name == "欧阳晓明"
    assert _labels(first) == [
        ("138-0013-8000", "mobile"),
        ("0755-86001234", "work"),
        ("400 800 8888", "other"),
    ]
    assert (first.data.company, first.data.department) == ("恒达科技", "采购部")
    assert first.data.notes == "客户很重要，喜欢喝茶\n周末打高尔夫"
    assert first.data.birthday() == DateInput(3, 8, 1980)
    assert first.photo is not None and first.photo.startswith(JPEG_START)
    assert first.warnings == []
    assert second.data.name == "张三"
    assert _labels(second) == [("+86 139 0000 1111", "mobile")]


def test_chinese_charsets_raw_and_quoted_printable() -> None:
    lisi, wangwu, zhao = _read("chinese_charsets.vcf")
    assert (lisi.data.name, lisi.data.company) == ("李四", "华为技术")
    assert lisi.data.department == "销售部"
    assert wangwu.data.name == "王五"
    assert wangwu.data.address == "深圳市南山区科技园"
    assert (zhao.data.name, zhao.data.title) == ("赵䶮", "总经理")


def test_apple_labels_year_less_birthday_related_names_and_photo() -> None:
    (card,) = _read("apple_30.vcf")
    data = card.data
    assert data.name == "陈静"
    assert _labels(card) == [
        ("138 1234 5678", "mobile"),
        ("010-6666 8888", "work"),
        ("010-8888 6666", "home"),
        ("010-8888 6667", "other"),
    ]
    assert data.birthday() == DateInput(3, 8, None)
    assert DateInput(10, 1, 2010, kind=DateKind.WEDDING) in data.dates
    assert data.family == [FamilyInput("刘洋", FamilyRelation.SPOUSE)]
    assert "王总 (manager)" in data.notes
    assert data.qq == "123456789"
    assert data.address == "中国北京市朝阳区建国路88号 100022"
    assert card.photo is not None and card.photo.startswith(JPEG_START)


def test_google_30_several_phones_emails_escapes_and_tags() -> None:
    zhou, emily = _read("google_30.vcf")
    data = zhou.data
    assert [p.label for p in data.phones] == ["mobile", "work", "home"]
    assert data.email == "zhoujie@example.com"
    assert data.notes == (
        "第一次见面在展会\n喜欢足球, 篮球; 不喝酒\n其他邮箱：zj@home.example.com; zj2@example.org"
    )
    assert (data.company, data.department, data.title) == ("恒达科技", "采购部", "采购经理")
    assert (data.wechat, data.qq) == ("zhoujie_wx", "87654321")
    assert data.tags == ["重点客户"]
    assert data.birthday() == DateInput(3, 8, None)
    assert emily.data.name == "Emily Clark"
    assert emily.data.birthday() == DateInput(3, 8, None)
    assert emily.data.address == "1 Market St, Suite 5, San Francisco, CA 94105, USA"
    assert emily.data.tags == []


def test_v40_dates_text_birthday_and_bad_photo_are_warnings() -> None:
    sun, qian, wu = _read("v40_dates.vcf")
    assert sun.data.birthday() == DateInput(3, 8, 1980)
    assert DateInput(8, 8, 2008, kind=DateKind.WEDDING) in sun.data.dates
    assert _labels(sun) == [("+86-135-0000-3333", "mobile")]
    assert (sun.data.gender, sun.data.wechat) == (Gender.FEMALE, "sunli_88")
    assert sun.data.family == [FamilyInput("孙小宝", FamilyRelation.CHILD)]
    assert qian.data.name == "钱多多" and qian.data.dates == []
    assert sorted(qian.warnings) == ["bad_birthday", "bad_photo"]
    assert wu.data.dates == [] and wu.warnings == ["bad_birthday"]


def test_messy_file_reports_each_bad_card_and_keeps_the_rest() -> None:
    result = parse_vcards((FIXTURES / "messy.vcf").read_bytes(), today=TODAY)
    names = [r.data.name for r in result.records]
    assert names == [
        "郑成功",
        "Zhang Wei (Tony)",
        "Dr. John Paul Smith Jr.",
        "无名公司",  # no FN or N: named after its company
        "冯坏",
        "卫截",
    ]
    assert "他对我们的新产品很感兴趣。" in result.records[0].data.notes
    nameless, bad_email = result.records[3], result.records[4]
    assert nameless.name_from == "ORG" and nameless.data.phones[0].number == "13800000000"
    assert bad_email.data.email == ""
    assert bad_email.data.notes == "导入时未能识别：EMAIL: not-an-email"
    assert [(u.line, u.label, u.value) for u in bad_email.unusable] == [
        (27, "EMAIL", "not-an-email")
    ]
    problems = [(p.card_number, p.line, p.code) for p in result.problems]
    assert problems == [(6, 29, "truncated")]


def test_garbage_and_explicit_encoding() -> None:
    data = "BEGIN:VCARD\nVERSION:3.0\nFN:林\nthis line has no colon\nEND:VCARD\n".encode("gbk")
    result = parse_vcards(data, encoding="gbk", today=TODAY)
    assert [r.data.name for r in result.records] == ["林"]
    assert result.records[0].warnings == ["skipped_lines"]
    assert parse_vcards(b"not a vcard at all", today=TODAY).records == []


def test_split_name() -> None:
    assert split_name("张三") == ("张", "三")
    assert split_name("欧阳晓明") == ("欧阳", "晓明")
    assert split_name("Emily Clark") == ("Clark", "Emily")
    assert split_name("Madonna") == ("", "Madonna")


def _people() -> list[ContactInput]:
    return [
        ContactInput(
            name="欧阳晓明",
            gender=Gender.MALE,
            company="恒达科技, 有限公司",
            department="采购部",
            title="采购经理",
            phones=[
                PhoneInput("138 0013 8000", "mobile"),
                PhoneInput("0755-8600 1234", "work"),
                PhoneInput("0755-8600 9999", "home"),
                PhoneInput("400-800-8888", "other"),
            ],
            email="ouyang@example.com",
            wechat="ouyang_wx",
            qq="12345678",
            address="深圳市南山区科技园1号",
            notes="喜欢喝茶, 不抽烟; 周末打球\n第二行 \\ 反斜杠" + "很长的备注" * 20,
            tags=["重点客户", "VIP"],
            dates=[
                DateInput(3, 8, 1980),
                DateInput(10, 1, None, kind=DateKind.WEDDING),
                DateInput(6, 1, 2015, calendar=CalendarKind.LUNAR, kind=DateKind.FOUNDING),
            ],
            family=[FamilyInput("刘洋", FamilyRelation.SPOUSE)],
        ),
        ContactInput(name="张三", dates=[DateInput(2, 29, None)]),
        ContactInput(
            name="李四",
            dates=[DateInput(4, 8, 2020, calendar=CalendarKind.LUNAR, leap=True)],
        ),
        ContactInput(name="王五", dates=[DateInput(12, 30, None, calendar=CalendarKind.LUNAR)]),
    ]


_FIELDS = "name gender company department title phones email wechat qq address notes dates family"


def _same(left: ContactInput, right: ContactInput) -> None:
    for name in _FIELDS.split():
        assert getattr(left, name) == getattr(right, name), name
    assert sorted(left.tags) == sorted(right.tags)


def test_round_trip_through_the_book(book: Book, now: datetime) -> None:
    with book.session() as session:
        ids = [create_contact(session, person, now).id for person in _people()]
    for version in ("3.0", "4.0"):
        with book.session() as session:
            text = export_vcards(session, ids, version)
        assert "\r\n" in text and all(len(x.encode()) <= 75 for x in text.split("\r\n"))
        result = parse_vcards(text.encode("utf-8"), today=TODAY)
        assert result.problems == []
        for wanted, got in zip(_people(), result.records, strict=True):
            _same(wanted, got.data)


def test_export_forms_and_vobject_reads_it() -> None:
    three = write_vcards(_people()[:3], "3.0")
    four = write_vcards(_people()[:3], "4.0")
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\n" in three
    assert "BDAY:--0229\r\n" in four and "BDAY:19800308\r\n" in four
    assert "X-RELBOOK-LUNAR-BIRTHDAY;LEAP=1:2020-04-08\r\n" in three
    assert "NOTE:农历生日 2020年闰4月8日\r\n" in three
    assert "Lunar birthday 2020-leap 4-8" in write_vcards(_people()[2:3], language="en")
    assert "N:欧阳;晓明;;;\r\n" in three
    assert "ORG:恒达科技\\, 有限公司;采购部\r\n" in three
    assert 'TEL;TYPE="CELL,VOICE":138 0013 8000' in three
    cards = list(vobject.readComponents(three))
    assert [c.fn.value for c in cards] == ["欧阳晓明", "张三", "李四"]
