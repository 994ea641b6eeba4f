"""``relbook import``'s progress line and Ctrl+C: a cancelled import writes nothing."""

import io
import json

from relbook.cli import main
from relbook.cli.progress_line import ProgressLine


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _cards(count: int) -> str:
    return "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:客户{n}\nTEL:139{n:08d}\nEND:VCARD\n" for n in range(count)
    )


def test_the_progress_line_is_rewritten_on_a_terminal_only():
    terminal = Terminal()
    line = ProgressLine("Importing %1 / %2", terminal)
    assert line(50, 1200) and line(100, 1200)
    line.close()
    assert terminal.getvalue() == "\rImporting 50 / 1,200\rImporting 100 / 1,200\n"
    piped = io.StringIO()
    quiet = ProgressLine("Importing %1 / %2", piped)
    quiet(50, 1200)
    quiet.close()
    assert piped.getvalue() == ""


def test_ctrl_c_while_writing_cancels_the_whole_import(capsys, tmp_path, monkeypatch):
    path = tmp_path / "phone.vcf"
    path.write_text(_cards(120), encoding="utf-8")

    def interrupted(self, done: int, total: int) -> bool:
        if done >= 100:
            raise KeyboardInterrupt
        return True

    monkeypatch.setattr(ProgressLine, "__call__", interrupted)
    data_dir = str(tmp_path / "book")
    assert main(["--data-dir", data_dir, "import", str(path)]) == 130
    assert "cancelled; nothing was written" in capsys.readouterr().out
    assert main(["--data-dir", data_dir, "contact", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
