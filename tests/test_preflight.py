"""Before the window: no display or a missing Qt library is said, with the fix, and exit 2."""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from relbook.ui import preflight
from relbook.ui.preflight import LINUX_LIBRARIES, WindowProblem, window_problem

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("linux_packages", ROOT / ".ci/linux_packages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_display_on_linux_is_a_problem():
    assert window_problem({}, "linux", lambda _name: True) == WindowProblem(no_display=True)


def test_a_chosen_platform_or_another_system_is_trusted():
    assert window_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda _n: False) is None
    assert window_problem({}, "win32", lambda _n: False) is None
    assert window_problem({}, "darwin", lambda _n: False) is None
    assert window_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda _n: False) is None


def test_a_display_that_does_not_answer_is_a_problem():
    problem = window_problem({"DISPLAY": ":7"}, "linux", lambda _n: True, lambda _d: False)
    assert problem == WindowProblem(unreachable=":7")
    assert ":7 does not answer" in preflight.problem_text(problem)
    assert window_problem({"DISPLAY": ":7"}, "linux", lambda _n: True, lambda _d: True) is None


def test_missing_libraries_are_named_with_their_packages():
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"}
    problem = window_problem({"DISPLAY": ":0"}, "linux", lambda name: name not in gone)
    assert problem is not None and set(problem.missing) == gone
    assert set(problem.packages) == {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"}
    command = preflight.install_command(problem)
    assert command.startswith("sudo apt install ")
    text = preflight.problem_text(problem)
    assert "libxcb-icccm.so.4" in text and command in text


def test_xcb_chosen_by_name_is_checked_too():
    problem = window_problem(
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, "linux", lambda n: n != "libxcb.so.1"
    )
    assert problem is not None and problem.packages == ["libxcb1"]


def test_every_library_of_the_table_has_a_debian_package_name():
    for name, package in LINUX_LIBRARIES.items():
        assert ".so" in name
        assert package is None or package == package.lower()


def _relbook(env_changes: dict[str, str | None], tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    env.update({"LANG": "en_US.UTF-8", "LANGUAGE": "en", "LC_ALL": "en_US.UTF-8"})
    return subprocess.run(
        [sys.executable, "-m", "relbook", "--data-dir", str(tmp_path / "book")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_starting_the_window_without_a_display_exits_2_with_the_reason(tmp_path):
    done = _relbook({"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}, tmp_path)
    assert done.returncode == 2
    assert "no display" in done.stderr and "DISPLAY" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "book" / "relbook.sqlite").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's here")
def test_a_display_without_a_server_exits_2_and_dumps_no_core(tmp_path):
    done = _relbook({"DISPLAY": ":87", "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}, tmp_path)
    assert done.returncode == 2, done.stderr
    assert ":87 does not answer" in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the libraries are Linux's")
def test_a_missing_library_exits_2_with_the_install_command(tmp_path, monkeypatch, capsys):
    from relbook.__main__ import main

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(preflight, "_loads", lambda name: name != "libxcb-icccm.so.4")
    assert main(["--data-dir", str(tmp_path / "book")]) == 2
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4" in err
    assert "sudo apt install libxcb-icccm4" in err


def test_the_script_finds_what_the_table_or_the_readme_lacks():
    script = _script()
    table = {"libxcb.so.1": "libxcb1", "libc.so.6": None, "libxcb-icccm.so.4": "libxcb-icccm4"}
    found = script.problems({"libxcb.so.1", "libc.so.6", "libnew.so.1"}, table, {"libxcb1"})
    assert found == [
        "libnew.so.1: not in relbook/ui/preflight.py LINUX_LIBRARIES (add its package)"
    ]
    found = script.problems({"libxcb-icccm.so.4"}, table, {"libxcb1"})
    assert "libxcb-icccm4 is not on the README's apt line" in found[0]
    assert script.readme_packages("x\n    sudo apt-get install a b-1 c\n") == {"a", "b-1", "c"}


BINUTILS = shutil.which("readelf") or shutil.which("objdump")


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not BINUTILS,
    reason="reads the wheel's ELF libraries with binutils",
)
def test_the_readme_line_covers_what_the_installed_qt_needs():
    script = _script()
    system = script.system_libraries(script.pyside_dir())
    assert "libxcb-icccm.so.4" in system  # the plugin was found and read
    listed = script.readme_packages((ROOT / "README.md").read_text(encoding="utf-8"))
    assert script.problems(system, LINUX_LIBRARIES, listed) == []
