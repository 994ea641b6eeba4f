"""``relbook export`` shows progress on a terminal; Ctrl+C leaves no file, not even half of one."""

import io

import pytest

from relbook.cli import main
from relbook.cli.progress_line import ProgressLine


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _book(tmp_path, capsys) -> str:
    data_dir = str(tmp_path / "book")
    assert main(["--data-dir", data_dir, "demo", "--contacts", "30"]) == 0
    capsys.readouterr()
    return data_dir


def test_the_export_reports_its_progress_as_a_percentage(tmp_path, capsys, monkeypatch):
    data_dir = _book(tmp_path, capsys)
    terminal = Terminal()
    original = ProgressLine.__init__

    def on_terminal(self, template, stream=None):
        original(self, template, terminal)

    monkeypatch.setattr(ProgressLine, "__init__", on_terminal)
    target = tmp_path / "list.xlsx"
    assert main(["--data-dir", data_dir, "export", "--format", "xlsx", "-o", str(target)]) == 0
    shown = terminal.getvalue()
    assert shown.startswith("\rExporting… 0%") and shown.endswith("\n")
    assert target.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_ctrl_c_during_an_export_writes_no_file(tmp_path, capsys, monkeypatch, fmt):
    data_dir = _book(tmp_path, capsys)

    def interrupted(self, done: int, total: int) -> bool:
        if done * 2 >= total:  # in the middle of writing the sheet
            raise KeyboardInterrupt
        return True

    monkeypatch.setattr(ProgressLine, "__call__", interrupted)
    target = tmp_path / f"list.{fmt}"
    code = main(["--data-dir", data_dir, "export", "--format", fmt, "-o", str(target)])
    assert code == 130
    assert "no file was written" in capsys.readouterr().out
    assert list(tmp_path.glob("*list.*")) == []
