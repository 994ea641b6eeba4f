"""``relbook backup``, ``restore`` and ``check``: exit codes and messages."""

import re
import sqlite3

from tests.cli.runner import run


def _names(capsys, d: str) -> list[str]:
    out = run(capsys, "--data-dir", d, "contact", "list")[1]
    return sorted(line.split("\t")[1] for line in out.splitlines())


def test_backup_then_restore_brings_the_book_back(capsys, data_dir, tmp_path):
    d = str(data_dir)
    assert run(capsys, "--data-dir", d, "contact", "add", "--name", "张三")[0] == 0
    code, out, err = run(capsys, "--data-dir", d, "backup")
    assert code == 0 and err == ""
    assert "Backup saved to" in out and str(data_dir / "backups") in out
    assert re.search(r"-manual\.sqlite \(\d+\.\d [kM]B\)\.$", out.strip())
    saved = next((data_dir / "backups").glob("relbook-*-manual.sqlite"))

    target = tmp_path / "copy.sqlite"
    code, out, _ = run(capsys, "--data-dir", d, "backup", "-o", str(target))
    assert code == 0 and str(target) in out and target.is_file()

    assert run(capsys, "--data-dir", d, "contact", "add", "--name", "李四")[0] == 0
    assert _names(capsys, d) == ["张三", "李四"]
    code, out, err = run(capsys, "--data-dir", d, "restore", str(saved))
    assert code == 0, err
    assert f"Restored the book from {saved} (1 contacts)." in out
    assert "The previous book was saved to" in out and "-before-restore.sqlite" in out
    assert _names(capsys, d) == ["张三"]


def test_restore_refuses_a_file_that_is_not_a_backup(capsys, data_dir, tmp_path):
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张三")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    code, out, err = run(capsys, "--data-dir", d, "restore", str(text))
    assert code == 1 and out == ""
    assert err.strip() == f'"{text}" is not a relbook backup: it is not a database file.'
    code, _, err = run(capsys, "--data-dir", d, "restore", str(tmp_path / "gone.sqlite"))
    assert code == 1 and "does not exist" in err
    assert _names(capsys, d) == ["张三"]


def test_backup_refuses_to_overwrite_the_book(capsys, data_dir):
    d = str(data_dir)
    code, _, err = run(capsys, "--data-dir", d, "backup", "-o", str(data_dir / "relbook.sqlite"))
    assert code == 1 and "is the book itself" in err


def test_check_says_ok_for_a_sound_book(capsys, data_dir):
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张三", "--phone", "13800138000")
    assert run(capsys, "--data-dir", d, "check") == (0, "ok\n", "")


def test_check_fails_on_a_broken_reference(capsys, data_dir):
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张三", "--phone", "13800138000")
    connection = sqlite3.connect(data_dir / "relbook.sqlite")
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute("DELETE FROM contact")
    connection.commit()
    connection.close()
    code, out, _ = run(capsys, "--data-dir", d, "check")
    assert code == 1
    assert 'Table "phone", row 1 refers to a row of "contact" that does not exist.' in out


def test_check_fails_on_a_damaged_file_and_on_a_missing_book(capsys, data_dir, tmp_path):
    d = str(data_dir)
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "empty"), "check")
    assert code == 1 and "There is no book at" in err
    run(capsys, "--data-dir", d, "contact", "add", "--name", "张三")
    db = data_dir / "relbook.sqlite"
    data = db.read_bytes()
    db.write_bytes(data[:4096] + b"\x5a" * (len(data) - 4096))
    code, out, _ = run(capsys, "--data-dir", d, "check")
    assert code == 1 and out.startswith("Damaged: ")
