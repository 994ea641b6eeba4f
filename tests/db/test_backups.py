"""Backups: names, rotation, the daily backup, validating a file, restoring, the checks."""

import errno
import os
import shutil
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import count_contacts, create_contact
from relbook.core.errors import ValidationError
from relbook.core.models import Contact
from relbook.core.settings import set_setting
from relbook.db import backups, checks, migrate, restore
from relbook.db.backups import BackupEntry, Rotation
from relbook.db.book import Book, open_book


def _add(book: Book, *names: str, now: datetime = datetime(2026, 11, 23, 9)) -> None:
    with book.session() as session:
        for name in names:
            create_contact(session, ContactInput(name=name), now)


def _names(book: Book) -> list[str]:
    with book.session() as session:
        return sorted(session.scalars(select(Contact.name).where(Contact.deleted_at.is_(None))))


def _code(problem: pytest.ExceptionInfo[ValidationError]) -> str:
    return problem.value.errors[0].code


def _entry(folder: Path, when: datetime, reason: str) -> BackupEntry:
    return BackupEntry(folder / f"relbook-{when:%Y%m%d-%H%M%S}-{reason}.sqlite", when, reason)


# --- names and listing ---------------------------------------------------------------------
def test_a_backup_is_named_after_when_and_why_and_lists_its_contacts(book, now):
    _add(book, "张三", "李四")
    path = backups.backup_book(book, "manual", now)
    assert path == book.data_dir / "backups" / "relbook-20261123-100000-manual.sqlite"
    again = backups.backup_book(book, "manual", now)
    assert again.name == "relbook-20261123-100000-manual-1.sqlite"
    (path.parent / "notes.txt").write_text("not ours")
    (path.parent / "relbook-backup-old.sqlite").write_bytes(b"x")
    listed = backups.list_backups(backups.book_plan(book))
    assert [info.path for info in listed] == [again, path]
    first = listed[1]
    assert first.reason == "manual" and first.taken_at == now
    assert first.contacts == 2 and first.size == path.stat().st_size > 0
    assert first.revision == migrate.head_revision()


def test_a_backup_is_one_self_contained_file(book, now):
    _add(book, "张三")
    path = backups.backup_book(book, "daily", now)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL
    backups.list_backups(backups.book_plan(book))
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_names_of_older_versions_are_read(tmp_path):
    legacy = backups.parse_name(tmp_path / "relbook-20250102-030405-before-0003.sqlite")
    assert legacy is not None and legacy.reason == "before-migration"
    assert legacy.taken_at == datetime(2025, 1, 2, 3, 4, 5)
    assert backups.parse_name(tmp_path / "relbook.sqlite") is None
    assert backups.parse_name(tmp_path / "relbook-20251399-000000-daily.sqlite") is None


# --- rotation ------------------------------------------------------------------------------
def test_rotation_keeps_a_week_of_days_and_a_month_of_weeks(tmp_path):
    start = datetime(2026, 1, 1, 8)
    entries = [
        _entry(tmp_path, start + timedelta(days=d, hours=h), "daily")
        for d in range(60)
        for h in (0, 5)
    ]
    deleted = set(backups.to_delete(entries, Rotation(7, 4)))
    kept = sorted((e.taken_at for e in entries if e.path not in deleted), reverse=True)
    last = start + timedelta(days=59, hours=5)
    daily = [last - timedelta(days=d) for d in range(7)]
    assert kept[:7] == daily
    # the newest of each of the four most recent ISO weeks; the latest is a day kept above
    assert len(kept) == 7 + 3
    for when in kept[7:]:
        assert when.weekday() == 6 and when.hour == 13  # Sunday evening: the week's newest


def test_rotation_spares_manual_backups_other_files_and_the_newest(tmp_path, book, now):
    _add(book, "张三")
    with book.session() as session:
        set_setting(session, "backup.keep_daily", 1)
        set_setting(session, "backup.keep_weekly", 0)
    manual = backups.backup_file(book.db_path, tmp_path / "b", "manual", now - timedelta(days=30))
    foreign = tmp_path / "b" / "holiday.jpg"
    foreign.write_bytes(b"jpg")
    for day in range(5):
        backups.backup_file(book.db_path, tmp_path / "b", "daily", now + timedelta(days=day))
    left = sorted(p.name for p in (tmp_path / "b").iterdir())
    assert left == [
        "holiday.jpg",
        manual.name,
        f"relbook-{now + timedelta(days=4):%Y%m%d-%H%M%S}-daily.sqlite",
    ]


def test_safety_backups_of_the_kept_days_all_stay(tmp_path):
    day = datetime(2026, 3, 2, 9)
    entries = [
        _entry(tmp_path, day, "daily"),
        _entry(tmp_path, day.replace(hour=10), "before-import"),
        _entry(tmp_path, day.replace(hour=11), "before-import"),
        _entry(tmp_path, day.replace(hour=12), "daily"),
        _entry(tmp_path, day - timedelta(days=30), "before-restore"),
        _entry(tmp_path, day - timedelta(days=31), "manual"),
    ]
    deleted = backups.to_delete(entries, Rotation(keep_daily=1, keep_weekly=0))
    assert deleted == [entries[0].path, entries[4].path]
    assert backups.to_delete(entries, Rotation(1, 0), keep={entries[4].path}) == [entries[0].path]


# --- folder and the daily backup -------------------------------------------------------------
def test_backups_go_to_the_chosen_folder_or_else_to_the_data_folder(book, now, tmp_path):
    _add(book, "张三")
    stick = tmp_path / "stick"
    stick.mkdir()
    with book.session() as session:
        set_setting(session, "backup.folder", str(stick))
    assert backups.backup_book(book, "manual", now).parent == stick
    shutil.rmtree(stick)  # the stick is unplugged
    fallback = backups.backup_book(book, "manual", now)
    assert fallback.parent == book.data_dir / "backups"
    with pytest.raises(ValidationError) as problem:
        backups.check_folder(stick)
    assert _code(problem) == "backup_folder_unwritable"


def test_one_daily_backup_per_day_and_none_for_an_empty_book(book, now):
    assert backups.ensure_daily_backup(book, now) is None
    _add(book, "张三")
    first = backups.ensure_daily_backup(book, now)
    assert first is not None and first.name.endswith("-daily.sqlite")
    assert backups.ensure_daily_backup(book, now + timedelta(hours=5)) is None
    backups.backup_book(book, "manual", now + timedelta(days=1))
    second = backups.ensure_daily_backup(book, now + timedelta(days=1, hours=1))
    assert second is not None and second != first


def test_the_migration_backup_goes_to_the_chosen_folder(data_dir, tmp_path):
    from alembic import command

    from relbook.db.engine import make_engine

    stick = tmp_path / "stick"
    stick.mkdir()
    engine = make_engine(data_dir / "relbook.sqlite")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.exec_driver_sql(
            "INSERT INTO setting (key, value) VALUES ('backup.folder', ?)", (f'"{stick}"',)
        )
    engine.dispose()
    book = open_book(data_dir, now=datetime(2026, 11, 24, 8, 30))
    try:
        assert book.backup_made == stick / "relbook-20261124-083000-before-migration.sqlite"
    finally:
        book.close()


# --- validation ----------------------------------------------------------------------------
@pytest.fixture
def good_backup(book, now) -> Path:
    _add(book, "张三")
    return backups.backup_book(book, "manual", now)


def test_a_good_backup_passes(good_backup):
    candidate = restore.validate_backup(good_backup)
    assert candidate.contacts == 1 and candidate.revision == migrate.head_revision()


def test_validation_rejects_what_is_not_a_relbook_backup(tmp_path, good_backup):
    text = tmp_path / "notes.sqlite"
    text.write_text("张三 13800138000\n", encoding="utf-8")
    foreign = tmp_path / "other.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(good_backup, newer)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '0999'")
    connection.commit()
    connection.close()
    expected = {
        tmp_path / "missing.sqlite": "backup_missing",
        text: "backup_not_sqlite",
        foreign: "backup_not_relbook",
        newer: "backup_unknown_revision",
    }
    for path, code in expected.items():
        with pytest.raises(ValidationError) as problem:
            restore.validate_backup(path)
        assert _code(problem) == code, path
        assert problem.value.errors[0].params["value"] == str(path)


def test_validation_rejects_truncated_and_corrupted_files(tmp_path, good_backup):
    data = good_backup.read_bytes()
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(data[: len(data) // 3])
    corrupted = tmp_path / "corrupted.sqlite"
    page = 4096
    corrupted.write_bytes(data[:page] + b"\xa5" * (len(data) - 2 * page) + data[-page:])
    for path in (truncated, corrupted):
        with pytest.raises(ValidationError) as problem:
            restore.validate_backup(path)
        assert _code(problem) == "backup_damaged", path
        assert problem.value.errors[0].params["reason"]


# --- restore -------------------------------------------------------------------------------
def test_restore_brings_the_old_book_back_and_keeps_the_current_one(book, good_backup, now):
    _add(book, "李四", "王五")
    later = now + timedelta(hours=2)
    restored = restore.restore_book(book, good_backup, later)
    assert _names(book) == ["张三"]  # the same Book object reads the restored file
    assert restored.candidate.contacts == 1
    saved = restored.previous
    assert saved is not None and saved.name == "relbook-20261123-120000-before-restore.sqlite"
    assert backups.describe(backups.parse_name(saved)).contacts == 3  # type: ignore[arg-type]
    assert good_backup.exists()
    leftovers = [p.name for p in book.data_dir.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    _add(book, "赵六")  # the reopened book is writable
    with book.session() as session:
        assert count_contacts(session) == 2


def test_a_failed_swap_puts_the_old_book_back(book, good_backup, now, monkeypatch):
    _add(book, "李四")
    prepared = restore.prepare_restore(book.db_path, good_backup, book.data_dir / "backups", now)
    book.close()
    book.db_path.with_name("relbook.sqlite-shm").write_bytes(b"")  # held by another program
    real = os.replace

    def failing(source, target):
        if Path(source) == prepared.staged:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(source, target)

    monkeypatch.setattr(restore.os, "replace", failing)
    with pytest.raises(ValidationError) as problem:
        restore.finish_restore(book.db_path, prepared, now)
    monkeypatch.undo()
    assert _code(problem) == "restore_cannot_write"
    assert problem.value.errors[0].params["reason"] == "Permission denied"
    assert not prepared.staged.exists()
    assert book.db_path.with_name("relbook.sqlite-shm").exists()
    book.reopen(now)
    assert _names(book) == ["张三", "李四"]


def test_a_refused_backup_changes_nothing(book, now, tmp_path):
    _add(book, "张三")
    text = tmp_path / "x.sqlite"
    text.write_text("hello")
    with pytest.raises(ValidationError):
        restore.restore_book(book, text, now)
    assert _names(book) == ["张三"]
    assert not (book.data_dir / "backups").exists()


def test_restoring_an_older_schema_upgrades_it(book, now, tmp_path):
    from alembic import command

    from relbook.db.engine import make_engine

    old = tmp_path / "old.sqlite"
    engine = make_engine(old)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    engine.dispose()
    restored = restore.restore_book(book, old, now)
    assert restored.candidate.revision == "0002"
    assert migrate.current_revision(book.engine) == migrate.head_revision()


def test_a_damaged_book_is_set_aside_not_overwritten(book, good_backup, now):
    book.close()
    data = bytearray(book.db_path.read_bytes())
    data[4096 : len(data) - 4096] = b"\x5a" * (len(data) - 2 * 4096)
    book.db_path.write_bytes(bytes(data))
    for side in ("-wal", "-shm"):
        book.db_path.with_name(book.db_path.name + side).unlink(missing_ok=True)
    restored = restore.restore_file(book.db_path, good_backup, book.data_dir / "backups", now)
    assert restored.previous is not None and ".damaged-" in restored.previous.name
    assert restored.previous.read_bytes() == bytes(data)
    book.reopen(now)
    assert _names(book) == ["张三"]


# --- checks --------------------------------------------------------------------------------
def test_the_check_finds_a_broken_reference(book):
    _add(book, "张三")
    assert checks.check_book(book.db_path).sound
    book.close()
    connection = sqlite3.connect(book.db_path)
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute(
        "INSERT INTO phone (contact_id, number, label, position) VALUES (999, '1', 'mobile', 0)"
    )
    connection.commit()
    connection.close()
    report = checks.check_book(book.db_path)
    assert not report.sound and report.integrity == []
    assert [(r.table, r.parent) for r in report.references] == [("phone", "contact")]


def test_the_next_backup_removes_what_killed_backups_left_but_not_one_being_written(book, now):
    folder = book.data_dir / "backups"
    folder.mkdir(exist_ok=True)
    stale = folder / ".relbook-20261120-090000-daily.sqlite.tmp"
    fresh = folder / ".relbook-20261123-095959-manual.sqlite.tmp"  # another process, right now
    foreign = folder / ".holiday.jpg.tmp"
    for path in (stale, fresh, foreign):
        path.write_bytes(b"\0" * 4096)
    long_ago = time.time() - backups.STALE_TEMPORARY_SECONDS - 60
    os.utime(stale, (long_ago, long_ago))
    os.utime(foreign, (long_ago, long_ago))

    taken = backups.backup_book(book, "manual", now)

    assert taken.is_file()
    assert not stale.exists()
    assert fresh.exists() and foreign.exists()
