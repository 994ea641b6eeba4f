"""Revision 0012 on a book filled at 0011: the new tables start empty, the contacts stay, and
a merge and its undo work on the upgraded book; a downgrade takes only the new tables away."""

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command

from relbook.core.contact_merge import merge_contacts
from relbook.core.contacts import get_contact, restore_contacts
from relbook.core.duplicates import find_duplicates
from relbook.db import migrate
from relbook.db.book import open_book
from relbook.db.engine import make_engine

NOW = datetime(2026, 12, 7, 9, 0)


def _run(db_path: Path, step: str, revision: str) -> None:
    engine = make_engine(db_path)
    try:
        if step == "upgrade":
            migrate.apply_revisions(engine, revision)
        else:
            with engine.begin() as connection:
                config = migrate.alembic_config()
                config.attributes["connection"] = connection
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def _tables(db_path: Path) -> set[str]:
    connection = sqlite3.connect(db_path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}
    finally:
        connection.close()


def test_a_book_from_0011_merges_and_restores_after_the_upgrade(tmp_path):
    data_dir = tmp_path / "book"
    data_dir.mkdir()
    db_path = data_dir / "relbook.sqlite"
    _run(db_path, "upgrade", "0011")
    connection = sqlite3.connect(db_path)
    with connection:
        for contact_id, name in ((1, "张伟"), (2, "章伟")):
            connection.execute(
                "INSERT INTO contact (id, name, name_pinyin, sort_key, salutation, gender,"
                " department, title, is_insider, email, wechat, qq, address, source_detail,"
                " hobbies, topics, food_likes, food_taboos, hometown, school, proud_moments,"
                " quotes, notes, level, stage, search_text, created_at, updated_at)"
                " VALUES (?, ?, 'zhang wei', 'zhang wei', '', 'unknown', '', '', 0,"
                " 'zw@example.com', ?, '', '', '', '', '', '', '', '', '', '', '', '', 1,"
                " 'potential', '', '2026-01-01 09:00:00', '2026-01-01 09:00:00')",
                (contact_id, name, f"wx{contact_id}"),
            )
    connection.close()
    _run(db_path, "upgrade", "head")
    assert {"contact_merge", "duplicate_dismissal"} <= _tables(db_path)
    book = open_book(data_dir, now=NOW)
    try:
        with book.session() as session:
            pairs = find_duplicates(session) or []
            assert [(p.ids, p.reasons) for p in pairs] == [((1, 2), ("same_email", "similar_name"))]
            merge_contacts(session, 1, 2, NOW)
        with book.session() as session:
            restore_contacts(session, [2], NOW)
        with book.session() as session:
            assert get_contact(session, 2).wechat == "wx2"
    finally:
        book.close()


def test_the_downgrade_takes_away_only_the_new_tables(tmp_path):
    db_path = tmp_path / "relbook.sqlite"
    _run(db_path, "upgrade", "head")
    before = _tables(db_path)
    _run(db_path, "downgrade", "0011")
    assert before - _tables(db_path) == {"contact_merge", "duplicate_dismissal"}
