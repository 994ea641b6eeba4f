"""The import pipeline: reading any format, spotting duplicates, merging, one transaction."""

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from relbook.core.contact_input import ContactInput, DateInput, PhoneInput
from relbook.core.contacts import create_contact, get_contact, to_input
from relbook.core.enums import CalendarKind, DateKind, Gender
from relbook.core.errors import ValidationError
from relbook.core.models import Contact, Phone, Task
from relbook.db.book import Book
from relbook.exchange import importer
from relbook.exchange.importer import Candidate, ImportSource
from tests.conftest import NOW

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = NOW.date()


def _source(*people: ContactInput) -> ImportSource:
    return ImportSource("vcf", [Candidate(n, p) for n, p in enumerate(people, start=1)])


def _count(book: Book) -> int:
    with book.session() as session:
        return session.scalar(select(func.count(Contact.id))) or 0


@pytest.fixture
def existing(book: Book, now: datetime) -> dict[str, int]:
    people = {
        "张伟": ContactInput(
            name="张伟",
            company="恒达科技",
            phones=[PhoneInput("13800138000")],
            email="Zhang.Wei@Hengda.cn",
            notes="喜欢喝茶",
            tags=["客户"],
            dates=[DateInput(month=3, day=8, year=1980)],
        ),
        "王芳": ContactInput(name="王芳", company="上海明远贸易", title="总经理"),
        "李娜": ContactInput(name="李娜"),
    }
    with book.session() as session:
        return {name: create_contact(session, data, now).id for name, data in people.items()}


def test_read_import_by_extension_and_format() -> None:
    data = (FIXTURES / "google_contacts.csv").read_bytes()
    source = importer.read_import(data, "google_contacts.csv", today=TODAY)
    assert source.fmt == "csv" and source.unit == "row"
    assert [c.contact.name for c in source.candidates] == ["周明", "Anna Schmidt"]
    assert source.mapping and "Photo" in source.ignored_columns
    cards = importer.read_import((FIXTURES / "messy.vcf").read_bytes(), "x.dat", "vcf", today=TODAY)
    assert cards.unit == "card" and [c.position for c in cards.candidates] == [1, 2, 3, 4, 5, 6]
    assert [(p.position, p.line, p.code) for p in cards.problems] == [(6, 29, "truncated")]
    bad_email = cards.candidates[4]
    assert [(w.code, w.params) for w in bad_email.warnings] == [
        ("not_recognised", {"field": "EMAIL", "value": "not-an-email", "line": 27})
    ]


def test_read_import_rejects_what_it_cannot_read() -> None:
    with pytest.raises(ValidationError) as json_file:
        importer.read_import(b"[]", "book.json", today=TODAY)
    assert json_file.value.errors[0].code == "json_not_supported"
    with pytest.raises(ValidationError) as unknown:
        importer.read_import(b"x", "notes.md", today=TODAY)
    assert unknown.value.errors[0].code == "unknown_format"
    with pytest.raises(ValidationError) as empty:
        importer.read_import(b"", "empty.csv", today=TODAY)
    assert empty.value.errors[0].params == {"value": "empty.csv"}


def test_with_mapping_reads_the_table_again() -> None:
    source = importer.read_import(
        (FIXTURES / "excel_gbk.csv").read_bytes(), "excel_gbk.csv", today=TODAY
    )
    assert source.candidates[0].contact.company == "北京华宇科技有限公司"
    company = next(i for i, f in source.mapping.items() if f == "company")
    remapped = importer.with_mapping(
        source, {i: f for i, f in source.mapping.items() if i != company}, TODAY
    )
    assert remapped.candidates[0].contact.company == ""
    assert "公司" in remapped.ignored_columns


def test_preview_classifies_new_and_duplicates(book: Book, existing: dict[str, int]) -> None:
    source = _source(
        ContactInput(name="张大伟", phones=[PhoneInput("+86 138 0013 8000")]),
        ContactInput(name="Wei", email="zhang.wei@hengda.CN"),
        ContactInput(name="王芳", company="上海明远贸易"),
        ContactInput(name="王芳", company="别的公司"),
        ContactInput(name="李娜"),
        ContactInput(name="赵敏", phones=[PhoneInput("0086 139-0000-1111")]),
        ContactInput(name="赵小敏", phones=[PhoneInput("13900001111")]),
    )
    with book.session() as session:
        items = importer.preview(session, source).items
    verdicts = [(i.contact_id, i.earlier_position, i.reason) for i in items]
    assert verdicts == [
        (existing["张伟"], None, "phone"),
        (existing["张伟"], None, "email"),
        (existing["王芳"], None, "name_company"),
        (None, None, None),
        (existing["李娜"], None, "name"),
        (None, None, None),
        (None, 6, "phone"),
    ]
    assert items[0].contact_name == "张伟"


def test_trashed_contacts_are_not_duplicates(book: Book, existing, now) -> None:
    from relbook.core.contacts import delete_contacts

    with book.session() as session:
        delete_contacts(session, [existing["李娜"]], now)
        item = importer.preview(session, _source(ContactInput(name="李娜"))).items[0]
    assert not item.is_duplicate


def test_phone_key() -> None:
    assert importer.phone_key("+86 138-0013-8000") == "13800138000"
    assert importer.phone_key("008613800138000") == "13800138000"
    assert importer.phone_key("8613800138000") == "13800138000"
    assert importer.phone_key("010-6666 8888") == "01066668888"
    assert importer.phone_key("+86 10 6666 8888") == "01066668888"  # the trunk 0 put back
    assert importer.phone_key("0086 755 8888 6666") == "075588886666"
    assert importer.phone_key("110") is None


def test_merge_fills_only_empty_fields(book: Book, existing, now) -> None:
    incoming = ContactInput(
        name="张伟",
        company="别的公司",
        title="采购经理",
        gender=Gender.MALE,
        phones=[PhoneInput("+86 138 0013 8000"), PhoneInput("010-62345678", "work")],
        email="other@example.com",
        notes="新的备注",
        wechat="zw_1985",
        level=4,
        tags=["VIP", "客户"],
        dates=[
            DateInput(month=5, day=1, year=1981),
            DateInput(month=10, day=1, year=2010, kind=DateKind.WEDDING),
        ],
    )
    with book.session() as session:
        result = importer.apply_import(
            session, importer.preview(session, _source(incoming)), now=now
        )
    assert result.merged == {1: existing["张伟"]} and not result.created
    with book.session() as session:
        merged = to_input(get_contact(session, existing["张伟"]))
    assert (merged.company, merged.email, merged.notes) == (
        "恒达科技",
        "Zhang.Wei@Hengda.cn",
        "喜欢喝茶",
    )
    assert (merged.title, merged.wechat, merged.gender) == ("采购经理", "zw_1985", Gender.MALE)
    assert merged.level == 1
    assert [p.number for p in merged.phones] == ["13800138000", "010-62345678"]
    assert sorted(merged.tags) == ["VIP", "客户"]
    assert merged.birthday() is not None and merged.birthday().year == 1980
    assert {d.kind for d in merged.dates} == {DateKind.BIRTHDAY, DateKind.WEDDING}
    assert _count(book) == 3


def test_skip_and_add(book: Book, existing, now) -> None:
    twins = _source(ContactInput(name="李娜"), ContactInput(name="王芳", company="上海明远贸易"))
    with book.session() as session:
        result = importer.apply_import(session, importer.preview(session, twins), "skip", now=now)
    assert result.skipped == [1, 2] and _count(book) == 3
    with book.session() as session:
        result = importer.apply_import(
            session, importer.preview(session, twins), "skip", {2: "add"}, now=now
        )
    assert result.skipped == [1] and list(result.created) == [2] and _count(book) == 4


def test_within_file_duplicate_merges_into_the_new_contact(book: Book, now) -> None:
    source = _source(
        ContactInput(name="赵敏", phones=[PhoneInput("13900001111")]),
        ContactInput(name="赵敏", phones=[PhoneInput("+86 13900001111")], email="zm@example.com"),
    )
    with book.session() as session:
        result = importer.apply_import(session, importer.preview(session, source), now=now)
        assert result.merged == {2: result.created[1]}
        assert get_contact(session, result.created[1]).email == "zm@example.com"
    assert _count(book) == 1


def test_a_bad_record_is_reported_and_the_others_land(book: Book, now) -> None:
    source = _source(
        ContactInput(name="周杰"),
        ContactInput(name="坏人", email="not-an-email"),
        ContactInput(name="钱七", dates=[DateInput(month=2, day=30, calendar=CalendarKind.SOLAR)]),
        ContactInput(name="孙八"),
    )
    with book.session() as session:
        result = importer.apply_import(session, importer.preview(session, source), now=now)
    assert sorted(result.created) == [1, 4]
    assert [(f.position, f.errors[0].field) for f in result.failed] == [
        (2, "email"),
        (3, "birthday"),
    ]
    assert result.failed[0].params == {"name": "坏人"}
    assert _count(book) == 2


def test_the_whole_import_rolls_back_with_the_callers_transaction(book: Book, now) -> None:
    source = _source(ContactInput(name="周杰"), ContactInput(name="孙八"))
    with pytest.raises(RuntimeError), book.session() as session:
        importer.preview(session, source)
        importer.apply_import(session, importer.preview(session, source), now=now)
        raise RuntimeError("the caller fails after the import")
    assert _count(book) == 0


def test_backup_only_for_large_imports(book: Book, now) -> None:
    assert importer.backup_before_import(book, now, 200) is None
    path = importer.backup_before_import(book, now, 201)
    assert path is not None and path.exists() and "before-import" in path.name


def _fill(book: Book, count: int, now: datetime) -> None:
    """A large book quickly: rows straight into the tables, as many as a busy salesperson has."""
    contacts = [
        {
            "id": i,
            "name": f"客户{i}",
            "sort_key": f"kehu{i}",
            "email": f"c{i}@example.com",
            "created_at": now,
            "updated_at": now,
        }
        for i in range(1, count + 1)
    ]
    phones = [
        {"contact_id": i, "number": f"139 {i:08d}", "label": "mobile"} for i in range(1, count + 1)
    ]
    with book.session() as session:
        session.execute(insert(Contact), contacts)
        session.execute(insert(Phone), phones)


def test_duplicates_are_found_among_a_large_book(book: Book, now) -> None:
    _fill(book, 20_000, now)
    people = [
        ContactInput(name=f"新人{i}", phones=[PhoneInput(f"+86 139{i * 7:08d}")])
        for i in range(5_000)
    ]
    with book.session() as session:
        found = importer.preview(session, _source(*people))
    duplicates = {i.candidate.position for i in found.duplicates}
    assert duplicates == {i + 1 for i in range(5_000) if 1 <= i * 7 <= 20_000}
    small = _source(*people[:300])
    with book.session() as session:
        result = importer.apply_import(session, importer.preview(session, small), now=now)
    assert len(result.merged) + len(result.created) == 300


# --- a phone or an email shared by people of different names -----------------------------


def _phone(name: str, number: str, company: str = "") -> ContactInput:
    return ContactInput(name=name, company=company, phones=[PhoneInput(number)])


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("张伟", "张伟", True),
        ("张伟", " 张 伟 ", True),
        ("Emily Clark", "emily clark", True),
        ("张伟", "张伟 (ABC公司)", True),
        ("钱七", "钱七（工作）", True),
        ("老张", "周杰", False),
        ("张伟", "张丽", False),
        ("张", "张伟", False),
        ("", "张伟", False),
    ],
)
def test_names_that_can_be_one_persons(first: str, second: str, same: bool) -> None:
    assert importer.same_person_name(first, second) is same
    assert importer.same_person_name(second, first) is same


def test_someone_elses_landline_is_new_unless_merged_by_hand(book: Book, now: datetime) -> None:
    with book.session() as session:
        li = create_contact(session, _phone("李娜", "021-6888 1234"), now).id
    incoming = _source(_phone("张伟", "+86 21 6888 1234"), _phone("赵强", "02168881234"))
    with book.session() as session:
        found = importer.preview(session, incoming)
    zhang, zhao = found.items
    assert zhang.other_name and zhang.matches and not zhang.is_duplicate
    assert (zhang.contact_id, zhang.contact_name, zhang.reason) == (li, "李娜", "phone")
    assert zhao.other_name and zhao.contact_id == li  # the book's owner, not 张伟 of the file
    assert found.new == [zhang, zhao] == found.shared and found.duplicates == []
    with book.session() as session:  # "merge the duplicates" leaves them; chosen, it merges
        result = importer.apply_import(session, found, "merge", {2: "merge"}, now=now)
    assert list(result.created) == [1] and result.merged == {2: li}
    with book.session() as session:
        assert get_contact(session, li).name == "李娜"
    assert _count(book) == 2


def test_a_mobile_or_an_email_is_one_persons_whatever_the_names(book: Book, now: datetime) -> None:
    """Phone books are full of nicknames: 芳姐 with 王芳's mobile or email is 王芳."""
    with book.session() as session:
        wang = create_contact(
            session,
            ContactInput("王芳", email="wf@example.com", phones=[PhoneInput("13900001111")]),
            now,
        ).id
    incoming = _source(
        _phone("芳姐", "139 0000 1111"), ContactInput("王姐", email="WF@example.com")
    )
    with book.session() as session:
        found = importer.preview(session, incoming)
    assert [(i.contact_id, i.reason, i.is_duplicate) for i in found.items] == [
        (wang, "phone", True),
        (wang, "email", True),
    ]


def test_a_same_name_match_beats_someone_elses_landline(book: Book, now: datetime) -> None:
    with book.session() as session:
        create_contact(session, _phone("前台", "02088886666"), now)
        zhang = create_contact(session, ContactInput(name="张伟", company="ABC"), now).id
    with book.session() as session:
        found = importer.preview(session, _source(_phone("张伟", "020-8888-6666", "ABC")))
    item = found.items[0]
    assert item.is_duplicate and not item.other_name
    assert (item.contact_id, item.reason) == (zhang, "name_company")


def test_a_landline_twice_in_a_file_under_two_names(book: Book, now: datetime) -> None:
    people = _source(
        _phone("王芳", "010-6555 2222"),
        _phone("王芳 (家)", "01065552222"),
        _phone("刘洋", "01065552222"),
    )
    with book.session() as session:
        found = importer.preview(session, people)
    first, home, liu = found.items
    assert not first.matches
    assert home.is_duplicate and home.earlier_position == 1  # holds the name: one person
    assert liu.other_name and liu.earlier_position == 1 and not liu.is_duplicate
    with book.session() as session:
        result = importer.apply_import(session, found, "merge", now=now)
    assert sorted(result.created) == [1, 3] and result.merged == {2: result.created[1]}


def test_imported_customers_are_not_thanked(book: Book, now: datetime) -> None:
    """A phone book of existing customers is no deal made today: new or merged, an imported
    customer gets no after-deal thank-you."""
    with book.session() as session:
        known = create_contact(session, ContactInput(name="王五", email="w@x.cn"), now).id
    source = _source(
        ContactInput(name="张三", stage="customer"),
        ContactInput(name="王五", email="w@x.cn", stage="customer"),
    )
    with book.session() as session:
        result = importer.apply_import(session, importer.preview(session, source), now=now)
    assert len(result.created) == 1 and list(result.merged.values()) == [known]
    with book.session() as session:
        assert session.scalar(select(func.count()).select_from(Task)) == 0


FUTURE_BIRTHS = {
    "people.vcf": (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nBDAY:2030-05-01\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李四\r\nBDAY:1980-05-01\r\nEND:VCARD\r\n"
    ),
    "people.csv": "姓名,生日\r\n张三,2030-05-01\r\n李四,1980-05-01\r\n",
    "lunar.csv": "姓名,农历生日\r\n张三,2026年腊月初十\r\n李四,1980年腊月初十\r\n",
}


@pytest.mark.parametrize("filename", list(FUTURE_BIRTHS))
def test_a_birth_year_still_to_come_keeps_the_person_without_the_year(
    filename: str, book: Book, now: datetime
) -> None:
    """2030, or lunar 2026's 12th month (January 2027), is after 2026-11-23: a mistyped year,
    most likely. The person and the month and day stay; the year goes, with a warning."""
    source = importer.read_import(FUTURE_BIRTHS[filename].encode(), filename, today=TODAY)
    assert source.problems == []
    first, second = source.candidates
    assert [w.code for w in first.warnings] == ["future_birth_year"] and not second.warnings
    (birthday,) = first.contact.dates
    month, day = (12, 10) if filename == "lunar.csv" else (5, 1)
    assert (birthday.kind, birthday.year, birthday.month, birthday.day) == (
        DateKind.BIRTHDAY,
        None,
        month,
        day,
    )
    assert second.contact.dates[0].year == 1980
    with book.session() as session:
        result = importer.apply_import(session, importer.preview(session, source), now=now)
    assert len(result.created) == 2 and result.failed == []
