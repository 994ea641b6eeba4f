"""``relbook greet``: a festival's recipients each with their greeting, and logging them sent."""

import json
from datetime import datetime
from pathlib import Path

import pytest

from relbook import cli
from relbook.cli import greet as greet_cli
from relbook.core.history import interactions_of
from relbook.db.book import open_book
from relbook.db.writer_lock import WriterLock
from tests.cli.runner import run

TODAY = datetime(2027, 9, 13, 10, 30)
"""Two days before 中秋 2027 (September 15)."""
TOP = "5,5,5,1,5"
LOW = "1,1,1,5,1"


@pytest.fixture
def book_dir(capsys, data_dir, monkeypatch):
    """张三 (tier A customer, salutation 张总), 李四 (no tier yet), 王五 (tier C customer)."""
    monkeypatch.setattr(greet_cli, "clock", lambda: TODAY)
    d = str(data_dir)
    for name, options in (
        ("张三", ["--salutation", "张总", "--stage", "customer", "--scores", TOP]),
        ("李四", []),
        ("王五", ["--stage", "customer", "--scores", LOW]),
    ):
        assert run(capsys, "--data-dir", d, "contact", "add", "--name", name, *options)[0] == 0
    return d


def _greetings(data_dir: str, name: str) -> list[str]:
    book = open_book(data_dir)
    try:
        with book.session() as session:
            from relbook.core.contacts import find_contact

            contact_id = find_contact(session, name).id
            return [i.occasion_key or "" for i in interactions_of(session, contact_id)]
    finally:
        book.close()


def test_json_lists_each_recipient_with_their_greeting(capsys, book_dir):
    code, out, err = run(
        capsys, "--data-dir", book_dir, "greet", "--festival", "mid_autumn", "--json"
    )
    assert code == 0, err
    rows = json.loads(out)
    # the untiered contact is included, the tier C one is not (the default audience)
    assert [row["contact"] for row in rows] == ["李四", "张三"]
    li, zhang = rows
    assert {"contact", "contact_id", "greeting", "sent", "salutation", "reasons"} <= set(zhang)
    assert zhang["salutation"] == "张总" and zhang["sent"] is False and zhang["sent_at"] is None
    assert zhang["date"] == "2027-09-15" and zhang["festival"] == "mid_autumn"
    assert "张总" in zhang["greeting"] and "Mid-Autumn Festival" in zhang["greeting"]
    assert "in advance" in zhang["greeting"]
    assert "李四" in li["greeting"]
    assert li["reasons"] == [
        {"rule": "tier", "value": "-"},
        {"rule": "stage", "value": "potential"},
    ]
    assert zhang["reasons"][0] == {"rule": "tier", "value": "A"}


def test_logging_the_same_person_twice_logs_once(capsys, book_dir):
    code, out, err = run(
        capsys, "--data-dir", book_dir, "greet", "--festival", "mid_autumn", "--log", "张三"
    )
    assert code == 0, err
    assert "Greetings logged for Mid-Autumn Festival: 1" in out
    code, out, err = run(
        capsys, "--data-dir", book_dir, "greet", "--festival", "mid_autumn", "--log", "张三"
    )
    assert code == 0, err
    assert (
        "Mid-Autumn Festival: 0" in out and "Already greeted" in out and "张三 (2027-09-13)" in out
    )
    assert _greetings(book_dir, "张三") == ["festival:mid_autumn:2027"]
    _code, out, _err = run(
        capsys, "--data-dir", book_dir, "greet", "--festival", "mid_autumn", "--json"
    )
    assert {row["contact"]: row["sent"] for row in json.loads(out)} == {"李四": False, "张三": True}
    assert json.loads(out)[1]["sent_at"] == "2027-09-13T10:30"


def test_log_all_logs_everyone_not_greeted_yet(capsys, book_dir):
    run(capsys, "--data-dir", book_dir, "greet", "--festival", "mid_autumn", "--log", "李四")
    code, out, err = run(
        capsys, "--data-dir", book_dir, "greet", "--festival", "mid_autumn", "--log-all", "--json"
    )
    assert code == 0, err
    result = json.loads(out)
    assert [p["contact"] for p in result["logged"]] == ["张三"]
    assert [p["contact"] for p in result["already_greeted"]] == ["李四"]
    assert _greetings(book_dir, "张三") == ["festival:mid_autumn:2027"]
    assert _greetings(book_dir, "李四") == ["festival:mid_autumn:2027"]
    assert _greetings(book_dir, "王五") == []


def test_text_output_and_the_year(capsys, book_dir):
    code, out, _err = run(
        capsys, "--data-dir", book_dir, "greet", "--festival", "spring_festival", "--year", "2028"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Spring Festival · 2028-01-26: 2 recipients, 0 already greeted"
    assert lines[2].split("\t")[1:3] == ["张三", ""] and "张总" in lines[2]


def test_an_unknown_code_is_an_error_listing_the_codes(capsys, book_dir):
    code, out, err = run(capsys, "--data-dir", book_dir, "greet", "--festival", "moon_day")
    assert code == 1 and out == ""
    assert '"moon_day" is not a festival of this book' in err
    assert "mid_autumn" in err and "custom" not in err


def test_logging_takes_the_writer_lock_and_listing_does_not(capsys, book_dir):
    with WriterLock(Path(book_dir)):
        listing = cli.main(["--data-dir", book_dir, "greet", "--festival", "mid_autumn"])
        logging = cli.main(["--data-dir", book_dir, "greet", "--festival", "qixi", "--log-all"])
    assert (listing, logging) == (0, cli.EXIT_IN_USE)
    assert "already working on the book" in capsys.readouterr().err
