"""Start relbook at login: the autostart entry each platform reads, written or removed.

Linux: an XDG ``.desktop`` file in ``~/.config/autostart``; macOS: a LaunchAgent plist;
Windows: the per-user ``Run`` registry value.
"""

import contextlib
import os
import shlex
import sys
from pathlib import Path

ENTRY_NAME = "relbook"


def launch_command(data_dir: Path | None = None) -> list[str]:
    """The command that starts the window on this installation (same program, same book).

    A built app (build_installer.py) is its own executable; the Windows installer's start-at-
    login task writes the same ``Run`` value as this would.
    """
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "relbook"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command


def _xdg_file(config_home: Path | None) -> Path:
    base = config_home or Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "autostart" / f"{ENTRY_NAME}.desktop"


def _launch_agent(home: Path | None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / "com.relbook.app.plist"


def _desktop_entry(command: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=relbook\n"
        f"Exec={shlex.join(command)}\n"
        "X-GNOME-Autostart-enabled=true\n"
        "NoDisplay=false\n"
    )


def _plist(command: list[str]) -> str:
    arguments = "".join(f"    <string>{part}</string>\n" for part in command)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
        '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0"><dict>\n'
        "  <key>Label</key><string>com.relbook.app</string>\n"
        "  <key>ProgramArguments</key><array>\n"
        f"{arguments}"
        "  </array>\n"
        "  <key>RunAtLoad</key><true/>\n"
        "</dict></plist>\n"
    )


def set_autostart(
    enabled: bool,
    command: list[str],
    platform: str = sys.platform,
    home: Path | None = None,
) -> Path | str:
    """Write or remove the entry; returns where it lives (a path, or the registry value)."""
    if platform.startswith("win"):
        return _set_windows(enabled, command)
    target = (
        _launch_agent(home)
        if platform == "darwin"
        else _xdg_file(home / ".config" if home else None)
    )
    if enabled:
        target.parent.mkdir(parents=True, exist_ok=True)
        content = _plist(command) if platform == "darwin" else _desktop_entry(command)
        target.write_text(content, encoding="utf-8")
    elif target.exists():
        target.unlink()
    return target


def _set_windows(enabled: bool, command: list[str]) -> str:
    if sys.platform != "win32":  # the registry exists on Windows alone (mypy checks it there)
        raise OSError("the Windows registry is not available on this system")
    import winreg

    key_path = r"Software\Microsoft\Windows\CurrentVersion\Run"
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path, 0, winreg.KEY_SET_VALUE) as key:
        if enabled:
            value = " ".join(f'"{part}"' for part in command)
            winreg.SetValueEx(key, ENTRY_NAME, 0, winreg.REG_SZ, value)
        else:
            with contextlib.suppress(FileNotFoundError):  # already absent: nothing to remove
                winreg.DeleteValue(key, ENTRY_NAME)
    return rf"HKCU\{key_path}\{ENTRY_NAME}"


def is_autostart_enabled(platform: str = sys.platform, home: Path | None = None) -> bool:
    if platform.startswith("win"):
        if sys.platform != "win32":  # asked about Windows elsewhere: there is no registry
            return False
        import winreg

        key_path = r"Software\Microsoft\Windows\CurrentVersion\Run"
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path) as key:
                winreg.QueryValueEx(key, ENTRY_NAME)
            return True
        except FileNotFoundError:
            return False
    target = (
        _launch_agent(home)
        if platform == "darwin"
        else _xdg_file(home / ".config" if home else None)
    )
    return target.exists()
