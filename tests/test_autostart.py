from relbook.autostart import is_autostart_enabled, launch_command, set_autostart


def test_linux_desktop_entry_written_and_removed(tmp_path):
    command = launch_command(tmp_path / "book")
    where = set_autostart(True, command, "linux", home=tmp_path)
    assert where == tmp_path / ".config" / "autostart" / "relbook.desktop"
    text = where.read_text(encoding="utf-8")
    assert "Exec=" in text and "--data-dir" in text and "-m relbook" in text
    assert is_autostart_enabled("linux", home=tmp_path)
    set_autostart(False, command, "linux", home=tmp_path)
    assert not is_autostart_enabled("linux", home=tmp_path)


def test_macos_launch_agent(tmp_path):
    where = set_autostart(True, ["/usr/bin/python3", "-m", "relbook"], "darwin", home=tmp_path)
    assert where.name == "com.relbook.app.plist"
    assert "<string>-m</string>" in where.read_text(encoding="utf-8")
    assert is_autostart_enabled("darwin", home=tmp_path)
