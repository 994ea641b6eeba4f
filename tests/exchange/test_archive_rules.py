"""An archive's rows keep the book's rules: refused alike when copied and when merged."""

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.errors import ValidationError
from relbook.core.history import InteractionInput, log_interaction
from relbook.core.models import Contact, Referral
from relbook.core.settings import MACHINE_SETTINGS, get_setting, set_setting
from relbook.db.book import Book, open_book
from relbook.exchange.archive import import_archive, write_archive
from relbook.words.labels import error_text

Document = dict


@pytest.fixture
def source(tmp_path: Path, now: datetime) -> Iterator[Book]:
    opened = open_book(tmp_path / "source", now=now)
    with opened.session() as session:
        first = create_contact(session, ContactInput(name="张三"), now).id
        second = create_contact(session, ContactInput(name="李四"), now).id
        session.add(
            Referral(referrer_id=first, referred_id=second, referred_on=now.date(), created_at=now)
        )
        log_interaction(
            session, InteractionInput(kind="call", contact_ids=[first], occurred_at=now), now
        )
        set_setting(session, "cadence.A", 21)
    yield opened
    opened.close()


def _document(book: Book, now: datetime) -> Document:
    with book.session() as session:
        return json.loads(write_archive(session, now))


def _targets(tmp_path: Path, now: datetime) -> dict[str, Book]:
    """An empty book to copy into and a book with a contact to merge into."""
    empty = open_book(tmp_path / "empty", now=now)
    full = open_book(tmp_path / "full", now=now)
    with full.session() as session:
        create_contact(session, ContactInput(name="王五"), now)
    return {"copy": empty, "merge": full}


def _contacts(book: Book) -> int:
    with book.session() as session:
        return session.scalar(select(func.count()).select_from(Contact)) or 0


def _contact(document: Document, name: str) -> dict:
    return next(r for r in document["tables"]["contact"] if r["name"] == name)


def _long_name(document: Document) -> None:
    _contact(document, "张三")["name"] = "名" * 1_000_000


def _refers_self(document: Document) -> None:
    row = _contact(document, "张三")
    row["referred_by_id"] = row["id"]


def _referred_by_loop(document: Document) -> None:
    first, second = _contact(document, "张三"), _contact(document, "李四")
    first["referred_by_id"], second["referred_by_id"] = second["id"], first["id"]


def _referral_rows_loop(document: Document) -> None:
    row = document["tables"]["referral"][0]
    document["tables"]["referral"].append(
        {
            **row,
            "id": row["id"] + 1,
            "referrer_id": row["referred_id"],
            "referred_id": row["referrer_id"],
        }
    )


def _far_interaction(document: Document) -> None:
    document["tables"]["interaction"][0]["occurred_at"] = "9999-12-31T23:59:00"


def _february_30(document: Document) -> None:
    owner = _contact(document, "张三")["id"]
    document["tables"]["special_date"].append(
        {
            "id": 99,
            "contact_id": owner,
            "family_member_id": None,
            "kind": "birthday",
            "label": "",
            "calendar": "solar",
            "year": 2023,
            "month": 2,
            "day": 30,
            "is_leap_month": False,
            "recurrence": "yearly",
        }
    )


def _bad_code(document: Document) -> None:
    _contact(document, "李四")["stage"] = "friend"


def _bad_setting(document: Document) -> None:
    for row in document["tables"]["setting"]:
        if row["key"] == "cadence.A":
            row["value"] = json.dumps(99999)


CASES: dict[str, tuple[Callable[[Document], None], str, str, str]] = {
    "a 1,000,000-character name": (_long_name, "contact", "name", "too_long"),
    "a contact who refers themselves": (
        _refers_self,
        "contact",
        "referred_by_id",
        "self_reference",
    ),
    "a referred-by loop": (_referred_by_loop, "contact", "referred_by_id", "referral_loop"),
    "a loop of referrals": (_referral_rows_loop, "referral", "referrer_id", "referral_loop"),
    "an interaction in 9999": (_far_interaction, "interaction", "occurred_at", "day_out_of_range"),
    "February 30": (_february_30, "special_date", "day", "no_such_day"),
    "a stage that is no code": (_bad_code, "contact", "stage", "not_allowed"),
    "a setting out of its range": (_bad_setting, "setting", "value", "not_allowed"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_an_invalid_archive_is_refused_alike_by_copy_and_merge(
    case: str, source: Book, tmp_path: Path, now: datetime
) -> None:
    spoil, table, column, problem = CASES[case]
    document = _document(source, now)
    spoil(document)
    data = json.dumps(document, ensure_ascii=False).encode()
    targets = _targets(tmp_path, now)
    errors = {}
    try:
        for mode, target in targets.items():
            before = _contacts(target)
            with pytest.raises(ValidationError) as refused:
                with target.session() as session:
                    import_archive(session, data, now, mode, filename="book.json")
            assert _contacts(target) == before  # nothing written
            errors[mode] = refused.value.errors
    finally:
        for target in targets.values():
            target.close()
    assert errors["copy"] == errors["merge"]
    (error,) = errors["copy"]
    assert error.code == "archive_inconsistent"
    assert (error.params["table"], error.params["column"], error.params["problem"]) == (
        table,
        column,
        problem,
    )
    text = error_text(error)
    assert '"book.json"' in text and f'table "{table}"' in text and f'column "{column}"' in text


def test_machine_settings_never_travel_in_an_archive(source: Book, tmp_path: Path, now) -> None:
    with source.session() as session:
        set_setting(session, "backup.folder", str(tmp_path / "stick"))
    document = _document(source, now)
    written = {row["key"] for row in document["tables"]["setting"]}
    assert "cadence.A" in written and not written & MACHINE_SETTINGS
    document["tables"]["setting"] += [
        {"key": "backup.folder", "value": json.dumps("/somewhere/else")},
        {"key": "ui.close_to_tray", "value": json.dumps(False)},
        {"key": "window.geometry", "value": json.dumps("0,0,1,1")},
    ]
    data = json.dumps(document, ensure_ascii=False).encode()
    targets = _targets(tmp_path, now)
    try:
        for mode, target in targets.items():
            mine = str(tmp_path / f"mine-{mode}")
            with target.session() as session:
                set_setting(session, "backup.folder", mine)
            with target.session() as session:
                assert import_archive(session, data, now, mode).mode == mode
            with target.session() as session:
                assert get_setting(session, "backup.folder") == mine
                assert get_setting(session, "ui.close_to_tray") is True
                keys = {row for row in session.scalars(select(func.distinct(Contact.name)))}
                assert "张三" in keys
        with targets["copy"].session() as session:
            assert get_setting(session, "cadence.A") == 21  # a book setting does travel
    finally:
        for target in targets.values():
            target.close()
