"""A busy, read-only or unreachable book: a clear message and a non-zero exit, nothing written."""

import os
import sqlite3
from collections.abc import Iterator

import pytest

from relbook.db import engine as engine_module
from tests.cli.runner import run


@pytest.fixture
def filled(capsys, data_dir) -> str:
    assert run(capsys, "--data-dir", str(data_dir), "contact", "add", "--name", "张伟")[0] == 0
    return str(data_dir)


@pytest.fixture
def held(filled, data_dir, monkeypatch) -> Iterator[None]:
    """Another program holds the book's write lock; relbook waits only briefly."""
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(data_dir / "relbook.sqlite", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield
    other.execute("ROLLBACK")
    other.close()


def test_a_busy_book_is_said_so_and_nothing_is_written(capsys, filled, held):
    code, _out, err = run(capsys, "--data-dir", filled, "contact", "add", "--name", "李娜")
    assert code == 3  # busy: trying again later helps (docs/data-safety.md)
    assert "busy" in err and "relbook.sqlite" in err
    assert "Traceback" not in err
    code, out, _err = run(capsys, "--data-dir", filled, "contact", "list")
    assert code == 0  # reading goes on while another program writes
    assert "张伟" in out and "李娜" not in out


def test_a_read_only_book_can_be_listed_but_not_changed(capsys, filled, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    code, out, _err = run(capsys, "--data-dir", filled, "contact", "list")
    assert code == 0 and "张伟" in out
    code, _out, err = run(capsys, "--data-dir", filled, "contact", "add", "--name", "李娜")
    assert code == 1
    assert "read-only" in err


def test_a_folder_that_cannot_be_created_is_said_so(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _out, err = run(capsys, "--data-dir", str(blocker / "book"), "contact", "list")
    assert code == 1
    assert str(blocker) in err and "cannot be created" in err
