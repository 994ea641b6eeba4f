"""The start-up check: a damaged book is never written to, and a good backup can replace it."""

import hashlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from relbook import cli
from relbook.core.contact_input import ContactInput
from relbook.core.contacts import count_contacts, create_contact
from relbook.core.errors import BookDamaged, StorageError
from relbook.db import integrity
from relbook.db.book import open_book

PAGE = 4096


def _fill(data_dir: Path, names: list[str], now: datetime) -> None:
    book = open_book(data_dir, now=now)
    try:
        with book.session() as session:
            for name in names:
                create_contact(session, ContactInput(name=name, notes="备注" * 200), now)
    finally:
        book.close()


def _damage(path: Path) -> None:
    """Scribble over the middle of the file's b-tree pages, as a failing disk might."""
    with path.open("r+b") as handle:
        for page in range(2, path.stat().st_size // PAGE, 3):
            handle.seek(page * PAGE)
            handle.write(b"\xa5" * 64)


def backup_copy(db_path: Path, folder: Path, reason: str, when: datetime) -> Path:
    """A backup as relbook names them, made with SQLite's online backup API."""
    folder.mkdir(exist_ok=True)
    target = folder / f"relbook-{when:%Y%m%d-%H%M%S}-{reason}.sqlite"
    source, copy = sqlite3.connect(db_path), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def backups(data_dir: Path, now: datetime) -> dict[str, Path]:
    """An older and a newer good backup, and a newest one that is damaged itself."""
    _fill(data_dir, ["张伟"], now)
    db_path = data_dir / "relbook.sqlite"
    folder = data_dir / "backups"
    older = backup_copy(db_path, folder, "daily", datetime(2026, 11, 20, 9, 0))
    _fill(data_dir, ["李娜"], now)
    newer = backup_copy(db_path, folder, "daily", datetime(2026, 11, 21, 9, 0))
    broken = backup_copy(db_path, folder, "daily", datetime(2026, 11, 22, 9, 0))
    _damage(broken)
    (folder / "notes.txt").write_text("not a backup")
    return {"older": older, "newer": newer, "broken": broken}


def test_a_healthy_book_passes(book):
    assert integrity.quick_check(book.db_path) is None
    integrity.check_book(book.db_path, book.data_dir / "backups")


def test_a_damaged_book_is_reported_with_the_newest_good_backup(data_dir, backups, now):
    _fill(data_dir, ["王芳"] * 20, now)
    _damage(data_dir / "relbook.sqlite")
    with pytest.raises(BookDamaged) as raised:
        integrity.check_book(data_dir / "relbook.sqlite", data_dir / "backups")
    assert raised.value.path == str(data_dir / "relbook.sqlite")
    assert raised.value.backup == str(backups["newer"])
    assert raised.value.problem


def test_opening_a_damaged_book_writes_nothing_at_all(tmp_path, now):
    live = tmp_path / "live"
    live.mkdir()
    _fill(live, [f"客户{index}" for index in range(30)], now)
    book = open_book(live, now=now)
    with book.session() as session:
        create_contact(session, ContactInput(name="最后一位"), now)
    # copy the file as a crash would leave it, with its write-ahead log, then damage it
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("relbook.sqlite", "relbook.sqlite-wal"):
        shutil.copyfile(live / name, copy / name)
    book.close()
    _damage(copy / "relbook.sqlite")
    before = _digests(copy)
    with pytest.raises(BookDamaged) as raised:
        open_book(copy, now=now)
    assert raised.value.backup is None
    after = _digests(copy)
    assert {k: v for k, v in after.items() if k in before} == before  # not one byte changed
    assert not (copy / "backups").exists()  # no migration backup either


def test_a_file_that_is_not_a_database_is_damaged_too(data_dir):
    target = data_dir / "relbook.sqlite"
    target.write_bytes(b"this is a spreadsheet, not a book\n" * 200)
    before = target.read_bytes()
    with pytest.raises(BookDamaged) as raised:
        open_book(data_dir)
    assert "not a database" in raised.value.problem
    assert target.read_bytes() == before


def test_a_new_empty_file_is_a_new_book_not_a_damaged_one(data_dir):
    (data_dir / "relbook.sqlite").write_bytes(b"")
    open_book(data_dir).close()


def test_the_newest_good_backup_skips_damaged_and_foreign_files(data_dir, backups):
    assert integrity.newest_good_backup(data_dir / "backups") == backups["newer"]
    assert integrity.newest_good_backup(data_dir / "nowhere") is None


def test_restoring_moves_the_damaged_file_and_its_log_aside_and_opens_the_backup(
    data_dir, backups, now
):
    db_path = data_dir / "relbook.sqlite"
    _damage(db_path)
    Path(f"{db_path}-wal").write_bytes(b"stale log of the damaged file")
    damaged_bytes = db_path.read_bytes()
    aside = integrity.restore_backup(db_path, backups["newer"], datetime(2026, 11, 23, 8, 0))
    assert aside == data_dir / "relbook.sqlite.damaged-20261123-080000"
    assert aside.read_bytes() == damaged_bytes
    assert Path(f"{aside}-wal").read_bytes() == b"stale log of the damaged file"
    assert not Path(f"{db_path}-wal").exists()  # it must never meet the restored file
    assert not (data_dir / "relbook.sqlite.restoring").exists()
    book = open_book(data_dir, now=now)
    try:
        with book.session() as session:
            assert count_contacts(session) == 2
    finally:
        book.close()


def test_restoring_twice_in_one_second_keeps_both_damaged_files(data_dir, backups):
    db_path = data_dir / "relbook.sqlite"
    when = datetime(2026, 11, 23, 8, 0)
    first = integrity.restore_backup(db_path, backups["older"], when)
    second = integrity.restore_backup(db_path, backups["newer"], when)
    assert first != second and first.exists() and second.exists()


def test_a_damaged_backup_is_not_restored(data_dir, backups):
    db_path = data_dir / "relbook.sqlite"
    before = _digests(data_dir)
    with pytest.raises(StorageError) as raised:
        integrity.restore_backup(db_path, backups["broken"], datetime(2026, 11, 23))
    assert raised.value.code == "damaged"
    assert _digests(data_dir) == before


def test_the_cli_names_the_file_the_backup_and_the_command_and_exits_2(data_dir, backups, capsys):
    _damage(data_dir / "relbook.sqlite")
    code = cli.main(["--data-dir", str(data_dir), "contact", "list"])
    err = capsys.readouterr().err
    assert code == 2
    assert str(data_dir / "relbook.sqlite") in err
    assert str(backups["newer"]) in err
    assert f"relbook --data-dir {data_dir} restore {backups['newer']}" in err


def test_the_cli_says_when_there_is_no_good_backup(data_dir, now, capsys):
    _fill(data_dir, ["张伟"] * 20, now)
    _damage(data_dir / "relbook.sqlite")
    assert cli.main(["--data-dir", str(data_dir), "contact", "list"]) == 2
    err = capsys.readouterr().err
    assert "No good backup" in err
    assert "restore" not in err


def test_the_chosen_backup_folder_is_searched_too(tmp_path, now):
    from relbook.core.settings import set_setting

    data_dir, stick = tmp_path / "book", tmp_path / "usb"
    stick.mkdir()
    _fill(data_dir, ["张三"], now)
    book = open_book(data_dir, now=now)
    try:
        with book.session() as session:
            set_setting(session, "backup.folder", str(stick))
    finally:
        book.close()
    db_path = data_dir / "relbook.sqlite"
    assert integrity.chosen_backup_folder(db_path) == stick
    older = backup_copy(db_path, data_dir / "backups", "daily", datetime(2026, 11, 1))
    newer = backup_copy(db_path, stick, "daily", datetime(2026, 11, 20))
    assert integrity.newest_good_backup(data_dir / "backups", stick) == newer
    assert integrity.newest_good_backup(data_dir / "backups") == older
    assert integrity.chosen_backup_folder(tmp_path / "no-such.sqlite") is None
