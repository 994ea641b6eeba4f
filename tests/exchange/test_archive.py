"""The JSON archive: an identical copy into an empty book, merges that never duplicate."""

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.contacts import create_contact
from relbook.core.demo import fill_demo
from relbook.core.errors import ValidationError
from relbook.core.history import InteractionInput, log_interaction
from relbook.core.models import Contact, Expiry, FestivalRow, Interaction, Task
from relbook.core.settings import set_setting
from relbook.db.book import Book, open_book
from relbook.exchange.archive import (
    archived_tables,
    export_archive,
    import_archive,
    write_archive,
)


def snapshot(book: Book) -> dict[str, list[dict]]:
    """Every archived table's rows, ordered by primary key."""
    with book.session() as session:
        return {
            t.name: [
                dict(m)
                for m in session.execute(select(t).order_by(*t.primary_key.columns)).mappings()
            ]
            for t in archived_tables()
        }


def fill(book: Book, now: datetime) -> None:
    """A demo book plus a task, an expiry, a custom festival, a setting, a trashed contact and a
    referrer stored after the contact it refers (references must not depend on row order)."""
    with book.session() as session:
        fill_demo(session, 60, 7, now)
        session.add(Task(contact_id=3, title="寄样品", due_at=now, has_time=True, created_at=now))
        session.add(Task(contact_id=None, title="整理名片", due_at=now, created_at=now))
        session.add(
            Expiry(
                contact_id=4,
                kind="warranty",
                label="空调保修",
                expires_on=date(2027, 5, 1),
                created_at=now,
            )
        )
        session.add(FestivalRow(name="公司周年庆", calendar="solar", month=6, day=18, position=99))
        set_setting(session, "ui.language", "en")
        session.execute(update(Contact).where(Contact.id == 5).values(deleted_at=now))
        session.execute(update(Contact).where(Contact.id == 1).values(referred_by_id=60))


@pytest.fixture
def other(tmp_path: Path, now: datetime) -> Iterator[Book]:
    opened = open_book(tmp_path / "other", now=now)
    yield opened
    opened.close()


def archive_of(book: Book, now: datetime) -> bytes:
    with book.session() as session:
        return write_archive(session, now)


def load(book: Book, data: bytes, now: datetime, mode: str = "auto"):
    with book.session() as session:
        return import_archive(session, data, now, mode)


def test_the_archive_is_readable_json_with_every_table_but_the_reminder_log(book, now) -> None:
    fill(book, now)
    document = json.loads(archive_of(book, now))
    assert document["format"] == "relbook-archive" and document["version"] == 1
    assert document["exported_at"] == "2026-11-23T10:00:00"
    assert "reminder_log" not in document["tables"]
    assert {t.name for t in archived_tables()} == set(document["tables"])
    trashed = next(c for c in document["tables"]["contact"] if c["id"] == 5)
    assert trashed["deleted_at"] == "2026-11-23T10:00:00"
    assert isinstance(trashed["is_insider"], bool)
    with book.session() as session:
        tasks = export_archive(session, now)["tables"]["task"]
        assert "寄样品" in {task["title"] for task in tasks}


def test_copy_into_an_empty_book_is_identical(book, other, now) -> None:
    fill(book, now)
    result = load(other, archive_of(book, now), now)
    assert result.mode == "copy" and result.added["contact"] == 60
    assert snapshot(other) == snapshot(book)


def test_merging_the_same_archive_again_adds_nothing(book, other, now) -> None:
    fill(book, now)
    data = archive_of(book, now)
    load(other, data, now)
    before = snapshot(other)
    result = load(other, data, now, "merge")
    assert result.mode == "merge" and result.added == {} and result.matched == 60
    assert snapshot(other) == before


def test_merge_matches_a_shared_contact_and_adds_the_rest_with_history(book, other, now) -> None:
    fill(book, now)
    with book.session() as session:
        shared = session.get(Contact, 2)
        assert shared is not None and shared.phones
        number, name = shared.phones[0].number, shared.name
        shared_interactions = len(
            session.scalars(
                select(Interaction.id).where(Interaction.participants.any(contact_id=2))
            ).all()
        )
        totals = {t: len(rows) for t, rows in snapshot(book).items()}
    with other.session() as session:
        own = create_contact(
            session,
            ContactInput(name="老同事", phones=[PhoneInput(" " + number)], hobbies="", qq=""),
            now,
        )
        log_interaction(
            session, InteractionInput(kind="call", occurred_at=now, contact_ids=[own.id]), now
        )
    result = load(other, archive_of(book, now), now)
    assert result.mode == "merge" and result.matched == 1
    assert result.added["contact"] == 59
    assert result.added["interaction"] == totals["interaction"]
    assert result.added["gift"] == totals["gift"]
    # the two tasks and the expiry of ``fill``, with the demo deals' thank-yous and renewals
    assert result.added["task"] == totals["task"] >= 2
    assert result.added["expiry"] == totals["expiry"] >= 1
    assert result.added["festival"] == 1
    with other.session() as session:
        kept = session.get(Contact, own.id)
        assert kept is not None and kept.name == "老同事"
        assert session.scalar(select(Contact.id).where(Contact.name == name)) is None
        mine = session.scalars(
            select(Interaction.id).where(Interaction.participants.any(contact_id=own.id))
        ).all()
        assert len(mine) == shared_interactions + 1
        assert kept.last_contacted_at is not None
    again = load(other, archive_of(book, now), now)
    assert again.added == {}


def test_merge_fills_only_empty_fields(book, other, now) -> None:
    with book.session() as session:
        create_contact(
            session,
            ContactInput(
                name="王芳", email="wf@example.com", hobbies="品茶", notes="旧", tags=["茶友"]
            ),
            now,
        )
    with other.session() as session:
        mine = create_contact(
            session, ContactInput(name="芳姐", email="WF@example.com", notes="新", level=3), now
        )
    result = load(other, archive_of(book, now), now)
    assert result.matched == 1 and "contact" not in result.added
    with other.session() as session:
        kept = session.get(Contact, mine.id)
        assert kept is not None
        assert (kept.name, kept.notes, kept.hobbies, kept.level) == ("芳姐", "新", "品茶", 3)
        assert [t.name for t in kept.tags] == ["茶友"]
        assert "茶友" in kept.search_text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x00\xffgarbage", "archive_not_json"),
        (
            b'{"format": "relbook-archive", "version": 1, "tables": {"contact": [',
            "archive_not_json",
        ),
        (b'{"format": "something-else", "version": 1, "tables": {}}', "archive_wrong_format"),
        (b"[1, 2]", "archive_wrong_format"),
        (b'{"format": "relbook-archive", "version": 99, "tables": {}}', "archive_too_new"),
        (
            b'{"format": "relbook-archive", "version": 1, "tables": {"tag": [{"id": 1}]}}',
            "archive_missing_column",
        ),
        (
            b'{"format": "relbook-archive", "version": 1, '
            b'"tables": {"tag": [{"id": "one", "name": "x"}]}}',
            "archive_bad_value",
        ),
    ],
)
def test_a_malformed_archive_writes_nothing(book, now, data, code) -> None:
    with book.session() as session:
        create_contact(session, ContactInput(name="张三"), now)
    before = snapshot(book)
    with pytest.raises(ValidationError) as problem:
        load(book, data, now)
    assert problem.value.errors[0].code == code
    assert snapshot(book) == before


def test_a_damaged_row_late_in_the_archive_writes_nothing(book, other, now) -> None:
    fill(book, now)
    document = json.loads(archive_of(book, now))
    document["tables"]["expiry"][0]["expires_on"] = "2027-13-45"
    before = snapshot(other)
    with pytest.raises(ValidationError) as problem:
        load(other, json.dumps(document).encode(), now)
    assert problem.value.errors[0].params == {
        "value": "archive.json",
        "table": "expiry",
        "column": "expires_on",
    }
    assert snapshot(other) == before


def test_copy_refuses_a_book_with_contacts(book, other, now) -> None:
    with other.session() as session:
        create_contact(session, ContactInput(name="李四"), now)
    with pytest.raises(ValidationError) as problem:
        load(other, archive_of(book, now), now, "copy")
    assert problem.value.errors[0].code == "archive_book_not_empty"


def test_a_dangling_reference_or_broken_rule_writes_nothing(book, other, now) -> None:
    fill(book, now)
    document = json.loads(archive_of(book, now))
    document["tables"]["phone"][0]["contact_id"] = 9999
    with pytest.raises(ValidationError) as problem:
        load(other, json.dumps(document).encode(), now)
    assert problem.value.errors[0].params["table"] == "phone"
    document = json.loads(archive_of(book, now))
    document["tables"]["contact"][0]["level"] = 9
    with pytest.raises(ValidationError) as problem:
        load(other, json.dumps(document).encode(), now)
    assert problem.value.errors[0].code == "archive_inconsistent"
    with other.session() as session:
        assert session.scalar(select(Contact.id)) is None


def test_the_salutation_travels_and_older_archives_read_without_it(book, other, now) -> None:
    with book.session() as session:
        create_contact(session, ContactInput(name="王建国", salutation="王总"), now)
        create_contact(session, ContactInput(name="李明"), now)
    data = archive_of(book, now)
    (first, second) = json.loads(data)["tables"]["contact"]
    assert (first["salutation"], second["salutation"]) == ("王总", "")
    load(other, data, now)
    with other.session() as session:
        assert session.scalars(select(Contact.salutation).order_by(Contact.id)).all() == [
            "王总",
            "",
        ]
    older = json.loads(data)  # as written before revision 0008 added the column
    for row in older["tables"]["contact"]:
        del row["salutation"]
    with book.session() as session:
        session.execute(update(Contact).values(deleted_at=now))
    result = load(book, json.dumps(older).encode(), now, "merge")
    assert result.added["contact"] == 2
    with book.session() as session:
        live = select(Contact.salutation).where(Contact.deleted_at.is_(None))
        assert session.scalars(live).all() == ["", ""]


def test_a_merge_brings_the_stage_history_of_new_contacts(book, other, now) -> None:
    from relbook.core.contacts import get_contact, to_input, update_contact
    from relbook.core.models import StageChange

    with book.session() as session:
        moved = create_contact(session, ContactInput(name="甲", stage="customer"), now).id
    with book.session() as session:
        data = to_input(get_contact(session, moved))
        data.stage, data.lost_reason, data.lost_note = "lost", "death", "讣告"
        update_contact(session, moved, data, now)
    with other.session() as session:
        create_contact(session, ContactInput(name="乙"), now)
    result = load(other, archive_of(book, now), now)
    assert result.mode == "merge" and result.added["stage_change"] == 2
    with other.session() as session:
        merged = session.scalar(select(Contact.id).where(Contact.name == "甲"))
        steps = session.execute(
            select(StageChange.from_stage, StageChange.to_stage, StageChange.reason)
            .where(StageChange.contact_id == merged)
            .order_by(StageChange.id)
        ).all()
    assert [tuple(s) for s in steps] == [(None, "customer", None), ("customer", "lost", "death")]
    assert load(other, archive_of(book, now), now).added == {}
