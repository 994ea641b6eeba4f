"""Batched imports store exactly what ``create_contact`` one by one stored, row for row."""

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from relbook.core import contact_batch
from relbook.core.contact_input import ContactInput, DateInput, FamilyInput, PhoneInput
from relbook.core.contacts import create_contact
from relbook.core.enums import (
    CalendarKind,
    DateKind,
    FamilyRelation,
    OrgType,
    PhoneLabel,
    Recurrence,
    Stage,
)
from relbook.core.errors import ValidationError
from relbook.core.models import Base
from relbook.core.settings import set_setting
from relbook.db.book import Book, open_book
from relbook.exchange import import_run, importer
from relbook.exchange.importer import Candidate, ImportPreview, ImportResult, ImportSource


def _old_apply(
    session: Any,
    preview: ImportPreview,
    choice: str,
    per_candidate: dict[int, str],
    now: datetime,
) -> ImportResult:
    """The import as it was before batches: a savepoint and a service call per record (an
    imported customer is no deal made today: no thank-you)."""
    result = ImportResult()
    for item in preview.items:
        position = item.candidate.position
        action = per_candidate.get(position, choice if item.is_duplicate else "add")
        if action == "skip":
            result.skipped.append(position)
            continue
        target = importer._target(item, result)
        try:
            with session.begin_nested():
                if action == "merge" and target is not None:
                    result.merged[position] = importer._merge(session, target, item.candidate, now)
                else:
                    result.created[position] = create_contact(
                        session, item.candidate.contact, now, new_deal=False
                    ).id
        except ValidationError as problem:
            result.failed.append(importer._failure(item.candidate, problem))
    return result


def _book_before(folder: Path, now: datetime) -> Book:
    """A book holding a few contacts, companies and tags already, and its own tier limits."""
    book = open_book(folder, now=now)
    with book.session() as session:
        set_setting(session, "tier.a_min", 18)
        for person in (
            ContactInput(
                name="张伟",
                company="恒达科技",
                org_type=OrgType.PRIVATE,
                phones=[PhoneInput("13800138000")],
                email="zhang.wei@hengda.cn",
                tags=["客户", "VIP"],
            ),
            ContactInput(name="王芳", company="上海明远贸易", title="总经理", tags=["老乡"]),
            ContactInput(name="李娜", stage=Stage.INTERESTED),
        ):
            create_contact(session, person, now)
    return book


def _records() -> list[ContactInput]:
    lunar = DateInput(month=8, day=15, year=1978, calendar=CalendarKind.LUNAR)
    leap = DateInput(month=4, day=3, year=None, calendar=CalendarKind.LUNAR, leap=True)
    people = [
        ContactInput(
            name="  欧阳 娜娜 ",
            company=" 恒达科技 ",
            org_type=OrgType.STATE,
            department=" 采购部 ",
            title="经理",
            phones=[PhoneInput(" 139 0000 1111 "), PhoneInput("  "), PhoneInput("010-62345678")],
            email="nana@example.com ",
            wechat="wx_nana",
            qq="123456",
            tags=["VIP", " 新标签 ", "", "VIP", "茶友"],
            notes=" 喜欢喝茶\n周末陪孩子 ",
            level=3,
            level_note=" 吃过饭 ",
            stage=Stage.CUSTOMER,
            score_near=5,
            score_future=4,
            score_profit=4,
            score_risk=1,
            score_strategic=4,
            dates=[
                lunar,
                DateInput(month=5, day=20, year=2005, kind=DateKind.WEDDING),
                DateInput(
                    month=9,
                    day=1,
                    year=2027,
                    kind=DateKind.CUSTOM,
                    label=" 续约 ",
                    recurrence=Recurrence.ONCE,
                ),
            ],
            family=[
                FamilyInput(" 刘洋 ", FamilyRelation.SPOUSE, " 医生 ", [DateInput(3, 8, 1980)]),
                FamilyInput("小宝", FamilyRelation.CHILD, dates=[leap]),
            ],
            cadence_days=30,
            personality="driver",
            source="referral",
            buying_role="purchaser",
            is_insider=True,
        ),
        ContactInput(name="周杰", company="新公司甲", dates=[DateInput(2, 29, 1984)]),
        ContactInput(name="坏人", email="not-an-email", company="不该出现的公司", tags=["不该"]),
        ContactInput(name="钱七", dates=[DateInput(month=2, day=30)]),
        ContactInput(name="孙八", company="新公司甲", org_type=OrgType.FOREIGN, tags=["新标签"]),
        ContactInput(
            name="张伟",
            company="恒达科技",
            phones=[PhoneInput("+86 138 0013 8000"), PhoneInput("0571-8888888", PhoneLabel.WORK)],
            stage=Stage.CUSTOMER,
            tags=["回头客"],
            dates=[DateInput(7, 7, 1975)],
        ),
        ContactInput(name="赵敏", phones=[PhoneInput("13900002222")], company="新公司乙"),
        ContactInput(
            name="赵敏",
            phones=[PhoneInput("+86 13900002222")],
            email="zm@example.com",
            company="新公司乙",
            org_type=OrgType.GOVERNMENT,
        ),
        ContactInput(name="吴六", company="新公司乙", org_type=OrgType.PRIVATE, tags=["转介绍"]),
        ContactInput(name="郑九", referred_by_id=1, company="恒达科技", tags=["转介绍"]),
        ContactInput(name="冯十", referred_by_id=999),
        ContactInput(name="李娜", company=""),
        ContactInput(name="王芳", company="上海明远贸易", email="wf@example.com"),
    ]
    people += [
        ContactInput(
            name=f"客户{i}",
            company=f"公司{i % 4}",
            org_type=(OrgType.PRIVATE, None, OrgType.STATE)[i % 3],
            phones=[PhoneInput(f"1370000{i:04d}")],
            tags=[f"标签{i % 3}", "VIP"],
            dates=[DateInput(month=1 + i % 12, day=1 + i % 28, year=1970 + i % 30)],
            score_near=1 + i % 5,
            score_future=2,
            score_profit=3,
            score_risk=1 + i % 5,
            score_strategic=2,
            family=[FamilyInput(f"家人{i}", dates=[DateInput(6, 1, 2010)])] if i % 2 else [],
        )
        for i in range(12)
    ]
    return people


def _tables(book: Book) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, all columns, in a stable order."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with book.session() as session:
        for table in Base.metadata.sorted_tables:
            rows = session.execute(text(f"SELECT * FROM {table.name}")).all()
            found[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return found


@pytest.mark.parametrize("batch_size", [2000, 3])
def test_a_batched_import_stores_what_the_services_stored(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch, batch_size: int
) -> None:
    monkeypatch.setattr(contact_batch, "BATCH", batch_size)
    old_book = _book_before(tmp_path / "old", now)
    new_book = _book_before(tmp_path / "new", now)
    source = ImportSource("vcf", [Candidate(n, p) for n, p in enumerate(_records(), start=1)])
    results = []
    try:
        for book, apply in ((old_book, _old_apply), (new_book, None)):
            with book.session() as session:
                preview = importer.preview(session, source)
                per_candidate = {14: "add", 15: "skip"}
                if apply is None:
                    results.append(
                        importer.apply_import(session, preview, "merge", per_candidate, now=now)
                    )
                else:
                    results.append(apply(session, preview, "merge", per_candidate, now))
        old, new = results
        assert new.created == old.created and new.merged == old.merged
        assert new.skipped == old.skipped == [15]
        assert [(f.position, f.errors) for f in new.failed] == [
            (f.position, f.errors) for f in old.failed
        ]
        assert {f.position for f in new.failed} == {3, 4, 11}
        assert len(new.merged) >= 3 and len(new.created) >= 15
        before, after = _tables(old_book), _tables(new_book)
        for table in Base.metadata.sorted_tables:
            assert after[table.name] == before[table.name], table.name
        assert after["referral"] and after["level_change"] and after["contact_tag"]
        assert not after["task"]  # a merge never changes the stage: no after-deal thank-you
    finally:
        old_book.close()
        new_book.close()


def test_contacts_made_in_batches_are_seen_by_later_merges(book: Book, now: datetime) -> None:
    """A duplicate of a record written in the same batch merges into it, not beside it."""
    people = [ContactInput(name=f"人{i}", phones=[PhoneInput(f"1360000{i:04d}")]) for i in range(5)]
    people.append(ContactInput(name="人3", phones=[PhoneInput("13600000003")], email="r3@x.cn"))
    source = ImportSource("csv", [Candidate(n, p) for n, p in enumerate(people, start=2)])
    with book.session() as session:
        result = importer.apply_import(session, importer.preview(session, source), now=now)
        assert result.merged == {7: result.created[5]}
        emails = session.execute(text("SELECT name, email FROM contact ORDER BY id")).all()
    assert [tuple(e) for e in emails][3] == ("人3", "r3@x.cn") and len(emails) == 5


def _cards(count: int) -> str:
    return "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:客户{i}\r\nTEL:1390000{i:04d}\r\nEND:VCARD\r\n"
        for i in range(count)
    )


def test_the_backup_copied_beside_the_writing_is_the_book_before(
    book: Book, now: datetime, tmp_path: Path
) -> None:
    with book.session() as session:
        create_contact(session, ContactInput(name="老客户"), now)
    path = tmp_path / "phone.vcf"
    path.write_text(_cards(300), encoding="utf-8")
    outcome = import_run.apply(book, import_run.load(book, path).preview, now=now)
    assert outcome is not None and outcome.backup is not None
    copy = sqlite3.connect(outcome.backup)
    try:
        assert copy.execute("SELECT name FROM contact").fetchall() == [("老客户",)]
    finally:
        copy.close()
    with book.session() as session:
        assert session.execute(text("SELECT count(*) FROM contact")).scalar() == 301


def test_no_backup_no_import(
    book: Book, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importer, "backup_before_import", full_disk)
    path = tmp_path / "phone.vcf"
    path.write_text(_cards(300), encoding="utf-8")
    with pytest.raises(OSError):
        import_run.apply(book, import_run.load(book, path).preview, now=now)
    with book.session() as session:
        assert session.execute(text("SELECT count(*) FROM contact")).scalar() == 0
