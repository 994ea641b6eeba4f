"""The archive carries festival rules and festival greetings, and reads archives written before
those columns existed."""

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.festival_book import FestivalInput, add_festival, list_festivals
from relbook.core.festival_greetings import festival_recipients, mark_greeted
from relbook.core.models import Contact
from relbook.db.book import Book, open_book
from relbook.exchange.archive import import_archive, write_archive
from tests.exchange.test_archive import snapshot


@pytest.fixture
def other(tmp_path: Path, now: datetime) -> Iterator[Book]:
    opened = open_book(tmp_path / "other", now=now)
    yield opened
    opened.close()


def _fill(book: Book, now: datetime) -> int:
    with book.session() as session:
        contact = create_contact(session, ContactInput("张三", salutation="张总"), now).id
        add_festival(
            session,
            FestivalInput("solar", 1, 1, name="立春茶会", rule="solar_term", solar_term="li_chun"),
        )
        add_festival(
            session, FestivalInput("solar", 11, 1, name="感恩节", rule="weekday", week=4, weekday=4)
        )
        mark_greeted(session, "mothers_day", 2027, [contact], datetime(2027, 5, 9, 9), "祝福")
    return contact


def test_a_copy_keeps_festival_rules_and_who_was_greeted(book, other, now):
    contact = _fill(book, now)
    with book.session() as session:
        data = write_archive(session, now)
    with other.session() as session:
        assert import_archive(session, data, now).mode == "copy"
    assert snapshot(other) == snapshot(book)
    with other.session() as session:
        (greeted,) = festival_recipients(session, "mothers_day", 2027)
        assert (greeted.contact_id, greeted.sent) == (contact, True)


def test_an_archive_from_before_the_festival_rules_reads_with_their_defaults(book, other, now):
    """An archive written before revision 0010 (and 0008) lacks their columns: the festivals
    are dates, no greeting answers a festival, salutations are empty."""
    with book.session() as session:
        create_contact(session, ContactInput("李四", salutation="李老师"), now)
        document = json.loads(write_archive(session, now))
    tables = document["tables"]
    tables["festival"] = [row for row in tables["festival"] if row["rule"] == "date"]
    for table, columns in (
        ("festival", ("rule", "solar_term", "week", "weekday")),
        ("interaction", ("occasion_key",)),
        ("contact", ("salutation",)),
    ):
        for row in tables[table]:
            for column in columns:
                del row[column]
    with other.session() as session:
        import_archive(session, json.dumps(document).encode(), now)
    with other.session() as session:
        assert {r.data.rule for r in list_festivals(session)} == {"date"}
        assert len(list_festivals(session)) == 14
        assert session.scalars(select(Contact.salutation)).all() == [""]
