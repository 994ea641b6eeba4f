"""While the window (or another command) holds the book, writing commands refuse; reads go on."""

from relbook import cli
from relbook.cli import reminders as reminders_cli
from relbook.db.writer_lock import WriterLock


def test_writing_commands_refuse_while_the_book_is_held(capsys, tmp_path):
    data_dir = tmp_path / "book"
    assert cli.main(["--data-dir", str(data_dir), "contact", "add", "--name", "张三"]) == 0
    capsys.readouterr()
    with WriterLock(data_dir):
        code = cli.main(["--data-dir", str(data_dir), "contact", "add", "--name", "李四"])
        err = capsys.readouterr().err
        assert code == cli.EXIT_IN_USE
        assert "already working on the book" in err and str(data_dir) in err
        assert cli.main(["--data-dir", str(data_dir), "contact", "list"]) == 0
        assert "张三" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(data_dir), "contact", "add", "--name", "李四"]) == 0


def test_an_unexpected_error_is_logged_and_named(capsys, tmp_path, monkeypatch):
    data_dir = tmp_path / "book"

    def broken(_book, _args):
        raise RuntimeError("王五 13900000002")

    monkeypatch.setattr(reminders_cli, "run", broken)
    assert cli.main(["--data-dir", str(data_dir), "reminders"]) == cli.EXIT_UNEXPECTED
    err = capsys.readouterr().err
    assert "unexpected error stopped the command (RuntimeError)" in err
    log = data_dir / "logs" / "relbook.log"
    assert str(log) in err
    logged = log.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in logged and "王五" not in logged
