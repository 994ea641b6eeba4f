import sqlite3
from datetime import datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from relbook.core.festivals import DEFAULT_FESTIVALS
from relbook.core.models import Base
from relbook.db import migrate
from relbook.db.book import open_book


def test_first_start_creates_the_schema_without_backup(data_dir):
    book = open_book(data_dir, now=datetime(2026, 11, 23))
    try:
        assert book.backup_made is None
        assert migrate.current_revision(book.engine) == migrate.head_revision()
        with book.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        book.close()


def test_head_is_the_newest_revision():
    # opening a book at HEAD skips alembic: a new revision that forgot HEAD would never run
    assert migrate.HEAD == migrate.head_revision()


def test_models_and_migrations_describe_the_same_schema(book):
    with book.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_pending_revisions_are_applied_after_a_backup(data_dir):
    # a file from before the first revision: it holds data but no schema of ours yet
    connection = sqlite3.connect(data_dir / "relbook.sqlite")
    connection.execute("CREATE TABLE keepme (x INTEGER)")
    connection.execute("INSERT INTO keepme VALUES (42)")
    connection.commit()
    connection.close()
    reopened = open_book(data_dir, now=datetime(2026, 11, 24, 8, 30))
    try:
        assert reopened.backup_made is not None
        assert reopened.backup_made.parent == data_dir / "backups"
        assert "20261124-083000" in reopened.backup_made.name
        copy = sqlite3.connect(reopened.backup_made)
        assert copy.execute("SELECT x FROM keepme").fetchone() == (42,)
        copy.close()
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
    finally:
        reopened.close()


def test_an_up_to_date_book_is_not_backed_up_again(data_dir):
    open_book(data_dir, now=datetime(2026, 11, 23)).close()
    again = open_book(data_dir, now=datetime(2026, 11, 24))
    try:
        assert again.backup_made is None
        assert not (data_dir / "backups").exists()
    finally:
        again.close()


def test_history_revision_keeps_contacts_and_turns_referred_by_into_referrals(data_dir):
    from alembic import command

    from relbook.db.engine import make_engine

    engine = make_engine(data_dir / "relbook.sqlite")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO contact (id, name, name_pinyin, sort_key, gender, department, title, "
            "is_insider, email, wechat, qq, address, source_detail, hobbies, topics, food_likes, "
            "food_taboos, hometown, school, proud_moments, quotes, notes, level, stage, "
            "search_text, created_at, updated_at, referred_by_id) VALUES "
            "(1, '甲', 'jia', 'jia', 'unknown', '', '', 0, '', '', '', '', '', '', '', '', '', '',"
            " '', '', '', '', 1, 'potential', '', '2025-01-02 09:00:00', '2025-01-02 09:00:00', "
            "NULL), (2, '乙', 'yi', 'yi', 'unknown', '', '', 0, '', '', '', '', '', '', '', '', "
            "'', '', '', '', '', '', 1, 'potential', '', '2025-03-04 09:00:00', "
            "'2025-03-04 09:00:00', 1)"
        )
    engine.dispose()
    book = open_book(data_dir, now=datetime(2026, 11, 23, 9))
    try:
        assert book.backup_made is not None
        with book.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT referrer_id, referred_id, referred_on FROM referral"
            ).all()
            assert rows == [(1, 2, "2025-03-04")]
            names = connection.exec_driver_sql("SELECT name FROM contact ORDER BY id").all()
            assert names == [("甲",), ("乙",)]
    finally:
        book.close()


def test_reminders_revision_seeds_the_festivals(book):
    with book.engine.connect() as connection:
        codes = [
            row[0]
            for row in connection.exec_driver_sql("SELECT code FROM festival ORDER BY position")
        ]
    assert codes[:2] == ["spring_festival", "lantern"] and len(codes) == 18
    assert "new_years_eve" in codes and "national_day" in codes
    # the fourteen of revision 0003, then the four of 0010, as the core lists them
    assert codes == [festival.code for festival in DEFAULT_FESTIVALS]


def test_a_failed_upgrade_leaves_the_book_as_it_was_and_says_how_back(data_dir, monkeypatch):
    import pytest
    from alembic import command

    from relbook.core.errors import MigrationFailed
    from relbook.db.engine import make_engine
    from relbook.words.labels import problem_text

    engine = make_engine(data_dir / "relbook.sqlite")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.exec_driver_sql("INSERT INTO tag (id, name) VALUES (1, '恒达科技')")
    engine.dispose()
    real_upgrade = command.upgrade

    def upgrade_then_fail(config, revision):
        real_upgrade(config, revision)  # every step runs, then something goes wrong
        raise RuntimeError("disk hiccup")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(MigrationFailed) as failed:
        open_book(data_dir, now=datetime(2026, 11, 24, 8, 30))
    assert failed.value.current == "0002" and failed.value.backup is not None
    text = problem_text(failed.value)
    assert "undone" in text and failed.value.backup in text
    connection = sqlite3.connect(data_dir / "relbook.sqlite")
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0002",)
        ]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        assert "festival" not in tables
        assert connection.execute("SELECT name FROM tag").fetchall() == [("恒达科技",)]
    finally:
        connection.close()


def test_the_migrated_checks_are_the_models_checks(book):
    """Autogenerate does not compare CHECK constraints, so this test does."""
    import re

    from sqlalchemy import CheckConstraint

    def normal(text: str) -> str:
        return " ".join(text.replace("(", " ( ").replace(")", " ) ").split())

    wanted = {
        (table.name, c.name, normal(str(c.sqltext)))
        for table in Base.metadata.sorted_tables
        for c in table.constraints
        if isinstance(c, CheckConstraint)
    }
    pattern = re.compile(r"CONSTRAINT (\w+) CHECK \((.*?)\)(?=,\s*\n|\s*\n\))", re.S)
    with book.engine.connect() as connection:
        built = {
            (name, constraint, normal(rule))
            for name, sql in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            )
            for constraint, rule in pattern.findall(sql or "")
        }
    assert wanted - built == set()
    assert built - wanted == set()


def test_the_database_refuses_what_validation_refuses(book):
    import pytest
    from sqlalchemy.exc import IntegrityError

    with book.engine.connect() as connection:
        for statement in (
            "INSERT INTO tag (name) VALUES ('  ')",
            "UPDATE contact SET stage = 'friendly'",
        ):
            if statement.startswith("UPDATE"):
                connection.exec_driver_sql(
                    "INSERT INTO contact (name, name_pinyin, sort_key, gender, department, title, "
                    "is_insider, email, wechat, qq, address, source_detail, hobbies, topics, "
                    "food_likes, food_taboos, hometown, school, proud_moments, quotes, notes, "
                    "level, stage, search_text, created_at, updated_at) VALUES ('甲', 'jia', "
                    "'jia', 'unknown', '', '', 0, '', '', '', '', '', '', '', '', '', '', '', "
                    "'', '', '', 1, 'potential', '', '2025-01-02', '2025-01-02')"
                )
            with pytest.raises(IntegrityError):
                connection.exec_driver_sql(statement)
