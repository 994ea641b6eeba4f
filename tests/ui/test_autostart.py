from relbook.ui.autostart import is_autostart_enabled, launch_command, set_autostart


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


def test_a_built_app_starts_its_own_executable(monkeypatch, tmp_path):
    """Frozen by build_installer.py there is no ``-m relbook``: the program is the command."""
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", "/opt/relbook/relbook")
    assert launch_command() == ["/opt/relbook/relbook"]
    assert launch_command(tmp_path) == ["/opt/relbook/relbook", "--data-dir", str(tmp_path)]
