"""A full disk, a read-only folder, a busy book: said clearly, success only after the commit.

The disk and folder cases run on a real tmpfs (a tiny one, or one remounted read-only) where
mounting is allowed, and are skipped elsewhere (see tests/mounts.py).
"""

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from relbook.core.errors import StorageError
from relbook.db import checks
from relbook.db import engine as engine_module
from tests.cli.runner import run
from tests.mounts import fill_up, make_read_only, tmpfs


def _book(capsys, folder: Path) -> str:
    code, out, err = run(capsys, "--data-dir", str(folder), "contact", "add", "--name", "张伟")
    assert code == 0, err
    return str(folder)


WRITING = [
    ["contact", "add", "--name", "李娜"],
    ["contact", "edit", "张伟", "--title", "经理"],
    ["date", "add", "--contact", "张伟", "--kind", "wedding", "--date", "2020-05-01"],
    ["family", "add", "--contact", "张伟", "--name", "李梅", "--relation", "spouse"],
    ["log", "--contact", "张伟", "--type", "visit"],
    ["gift", "add", "--contact", "张伟", "--item", "茶叶"],
    ["deal", "add", "--title", "年金险", "--contact", "张伟", "--amount", "1000"],
    ["greet", "--festival", "mid_autumn", "--log", "张伟"],
    ["demo", "--contacts", "2"],
    ["purchase", "add", "--contact", "张伟", "--product", "年金险", "--amount", "1000"],
]


@pytest.mark.parametrize("command", WRITING, ids=lambda c: " ".join(c[:2]))
def test_a_failed_commit_prints_no_success(capsys, data_dir, monkeypatch, command):
    folder = _book(capsys, data_dir)

    def fail(self):
        raise StorageError(
            "disk_full", str(data_dir / "relbook.sqlite"), "database or disk is full"
        )

    monkeypatch.setattr(Session, "commit", fail)
    code, out, err = run(capsys, "--data-dir", folder, *command)
    assert code == 1, err
    assert out == ""  # nothing said to be added, saved or logged
    assert "is full" in err


def test_a_failed_referral_prints_no_success(capsys, data_dir, monkeypatch):
    folder = _book(capsys, data_dir)
    run(capsys, "--data-dir", folder, "contact", "add", "--name", "王五")
    monkeypatch.setattr(
        Session, "commit", lambda self: (_ for _ in ()).throw(StorageError("disk_full", folder))
    )
    code, out, _err = run(capsys, "--data-dir", folder, "refer", "--from", "张伟", "--to", "王五")
    assert code == 1 and out == ""


def test_a_full_disk_says_so_and_keeps_the_book(capsys, tmp_path):
    with tmpfs(tmp_path / "stick", "4m") as folder:
        _book(capsys, folder)
        filler = fill_up(folder)
        for command in (
            ["contact", "add", "--name", "李娜"],
            ["log", "--contact", "张伟", "--type", "visit"],
        ):
            code, out, err = run(capsys, "--data-dir", str(folder), *command)
            assert code == 1
            assert out == ""
            assert "is full" in err and "Traceback" not in err
        filler.unlink()
        code, out, _err = run(capsys, "--data-dir", str(folder), "contact", "list")
        assert code == 0 and "张伟" in out and "李娜" not in out
        assert run(capsys, "--data-dir", str(folder), "check")[:2] == (0, "ok\n")


def test_a_read_only_folder_reads_exports_and_copies_but_refuses_changes(capsys, tmp_path):
    with tmpfs(tmp_path / "stick", "8m") as folder:
        _book(capsys, folder)
        (folder / "relbook.lock").unlink()
        make_read_only(folder)
        for command in (
            ["contact", "add", "--name", "李娜"],
            ["log", "--contact", "张伟", "--type", "visit"],
        ):
            code, out, err = run(capsys, "--data-dir", str(folder), *command)
            assert code == 1 and out == ""
            assert "read-only" in err and "Traceback" not in err
        code, out, _err = run(capsys, "--data-dir", str(folder), "contact", "list")
        assert code == 0 and "张伟" in out
        target = tmp_path / "out.csv"
        code, _out, err = run(
            capsys, "--data-dir", str(folder), "export", "--format", "csv", "-o", str(target)
        )
        assert code == 0, err
        assert "张伟" in target.read_text(encoding="utf-8-sig")
        copy = tmp_path / "copy.sqlite"
        assert run(capsys, "--data-dir", str(folder), "backup", "-o", str(copy))[0] == 0
        assert sqlite3.connect(copy).execute("SELECT name FROM contact").fetchall() == [("张伟",)]
        assert run(capsys, "--data-dir", str(folder), "check")[:2] == (0, "ok\n")


def test_a_read_only_folder_with_a_lock_file_refuses_changes_too(capsys, tmp_path):
    with tmpfs(tmp_path / "stick", "8m") as folder:
        _book(capsys, folder)
        assert (folder / "relbook.lock").exists()
        make_read_only(folder)
        code, _out, err = run(capsys, "--data-dir", str(folder), "contact", "add", "--name", "李娜")
        assert code == 1 and "read-only" in err and "Traceback" not in err


def test_a_writer_waits_for_another_programs_write_instead_of_giving_up(capsys, data_dir):
    """The other program commits while relbook waits: BEGIN IMMEDIATE waits its turn."""
    folder = _book(capsys, data_dir)
    other = sqlite3.connect(
        data_dir / "relbook.sqlite", isolation_level=None, check_same_thread=False
    )
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting (key, value) VALUES ('other.program', '1')")
    releaser = threading.Timer(1.5, lambda: other.execute("COMMIT"))
    releaser.start()
    started = time.monotonic()
    try:
        code, out, err = run(capsys, "--data-dir", folder, "contact", "add", "--name", "李娜")
    finally:
        releaser.join()
        other.close()
    assert code == 0, err
    assert "Added 李娜" in out
    assert time.monotonic() - started >= 1.0  # it waited for the other program


def test_a_book_held_past_the_timeout_is_busy_with_exit_3(capsys, data_dir, monkeypatch):
    folder = _book(capsys, data_dir)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    other = sqlite3.connect(data_dir / "relbook.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        for command in (
            ["contact", "add", "--name", "李娜"],
            ["log", "--contact", "张伟", "--type", "visit"],
        ):
            code, out, err = run(capsys, "--data-dir", folder, *command)
            assert code == 3, err
            assert out == "" and "busy" in err
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_check_calls_a_locked_book_busy_not_damaged(capsys, data_dir, monkeypatch):
    folder = _book(capsys, data_dir)
    monkeypatch.setattr(
        checks,
        "open_live",
        lambda path: sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=0.2),
    )
    other = sqlite3.connect(data_dir / "relbook.sqlite", isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO setting (key, value) VALUES ('other.program', '1')")
    try:
        code, out, err = run(capsys, "--data-dir", folder, "check")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 3
    assert "Damaged" not in out + err
    assert "busy" in err


@pytest.mark.parametrize("action", ["merge", "dismiss"])
def test_a_failed_duplicates_commit_prints_no_success(capsys, data_dir, monkeypatch, action):
    folder = _book(capsys, data_dir)
    run(capsys, "--data-dir", folder, "contact", "add", "--name", "张伟 ")
    run(capsys, "--data-dir", folder, "contact", "add", "--name", "王五")
    monkeypatch.setattr(
        Session, "commit", lambda self: (_ for _ in ()).throw(StorageError("disk_full", folder))
    )
    code, out, _err = run(capsys, "--data-dir", folder, "duplicates", action, "1", "3")
    assert code == 1 and out == ""
