"""build_installer.py: the generated installer texts (fast), and a real Linux build (slow).

The slow test builds with PyInstaller into a temporary folder and runs the unpacked binary with
a clean environment; run it with ``pytest -m slow tests/test_build_installer.py``.
"""

import configparser
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build_installer as bi  # noqa: E402

APP = bi.AppInfo(version="1.2.3")
DATA_CONSTANTS = ("{localappdata}", "{userappdata}", "{appdata}", "{commonappdata}", "{userdocs}")


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No venv, no user folders: only system paths and a temporary home."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


# --- version, templates -----------------------------------------------------------------------


def test_version_comes_from_the_package():
    from relbook import __version__

    assert bi.app_version() == __version__


def test_numeric_versions_for_windows_and_macos():
    assert bi.numeric_version("0.1.0", 4) == "0.1.0.0"
    assert bi.numeric_version("1.2.0rc1", 3) == "1.2.0"
    assert bi.numeric_version("2", 3) == "2.0.0"


def test_fill_refuses_a_placeholder_without_a_value():
    assert bi.fill("a @X@ b", {"X": 1}) == "a 1 b"
    with pytest.raises(KeyError, match="@Y@"):
        bi.fill("@X@ @Y@", {"X": 1})


def test_a_missing_pyinstaller_says_how_to_install_it(monkeypatch, capsys):
    real = bi.importlib.util.find_spec
    monkeypatch.setattr(
        bi.importlib.util, "find_spec", lambda name: None if name == "PyInstaller" else real(name)
    )
    assert bi.main(["--out", "unused"]) == 2
    assert "pip install -e '.[build]'" in capsys.readouterr().err


# --- Windows: the Inno Setup script -----------------------------------------------------------


@pytest.fixture
def iss() -> str:
    return bi.inno_script(
        APP, r"C:\b\dist\relbook", r"C:\b\dist", r"C:\src\resources\icons\relbook.ico"
    )


def _section(script: str, name: str) -> str:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", script, re.M | re.S)
    assert match, f"no [{name}] section"
    return match.group(1)


def test_inno_script_names_the_app_version_icon_and_paths(iss):
    setup = _section(iss, "Setup")
    assert f"AppId={{{{{APP.app_id}}}" in setup
    for line in (
        "AppName=relbook",
        "AppVersion=1.2.3",
        "VersionInfoVersion=1.2.3.0",
        "AppPublisher=The relbook team",
        r"SetupIconFile=C:\src\resources\icons\relbook.ico",
        r"UninstallDisplayIcon={app}\relbook.exe",
        r"DefaultDirName={autopf}\relbook",
        "PrivilegesRequired=lowest",
        r"OutputDir=C:\b\dist",
        "OutputBaseFilename=relbook-1.2.3-setup",
    ):
        assert line in setup.splitlines(), line
    assert r'Source: "C:\b\dist\relbook\*"; DestDir: "{app}"' in _section(iss, "Files")
    assert not re.search(r"@[A-Z_]+@", iss)


def test_inno_script_offers_menu_desktop_and_login_entries(iss):
    tasks = _section(iss, "Tasks")
    assert 'Name: "desktopicon"' in tasks and 'Name: "autostart"' in tasks
    assert all("Flags: unchecked" in line for line in tasks.strip().splitlines())
    icons = _section(iss, "Icons")
    assert r'Name: "{autoprograms}\relbook"; Filename: "{app}\relbook.exe"' in icons
    assert "{autodesktop}" in icons and "Tasks: desktopicon" in icons
    registry = _section(iss, "Registry")
    assert "Root: HKCU" in registry and "Tasks: autostart" in registry
    assert r'ValueData: """{app}\relbook.exe"""' in registry


def test_inno_login_entry_is_the_one_relbook_writes_itself(iss):
    """Same HKCU Run value as relbook/ui/autostart.py, so the Settings checkbox agrees."""
    from relbook.ui import autostart

    source = Path(autostart.__file__).read_text(encoding="utf-8")
    assert f'r"{APP.run_key}"' in source
    assert autostart.ENTRY_NAME == APP.run_value
    assert f'Subkey: "{APP.run_key}"; ValueType: string; ValueName: "relbook"' in iss


def test_inno_uninstaller_keeps_the_users_book(iss):
    assert not re.search(r"^\[UninstallDelete\]", iss, re.M)
    lowered = iss.lower()
    assert not any(constant in lowered for constant in DATA_CONSTANTS)
    deletes = [line for line in iss.splitlines() if line.startswith("Type: ")]
    assert deletes == [r'Type: filesandordirs; Name: "{app}\_internal"']  # upgrades only
    code = _section(iss, "Code")
    assert "DelTree" not in code and "DeleteFile" not in code
    assert f"RegDeleteValue(HKEY_CURRENT_USER, '{APP.run_key}', 'relbook')" in code


# --- macOS: Info.plist ------------------------------------------------------------------------


def test_info_plist_holds_name_version_identifier_and_icon():
    plist = plistlib.loads(bi.info_plist_text(APP, "13.0").encode("utf-8"))
    assert plist["CFBundleName"] == plist["CFBundleDisplayName"] == "relbook"
    assert plist["CFBundleIdentifier"] == "com.relbook.app"
    assert plist["CFBundleExecutable"] == "relbook"
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == "1.2.3"
    assert plist["CFBundleIconFile"] == "relbook.icns"
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSMinimumSystemVersion"] == "13.0"
    assert (bi.ICONS / plist["CFBundleIconFile"]).is_file()


def test_bundle_identifier_matches_the_login_item():
    from relbook.ui.autostart import _launch_agent

    assert _launch_agent(Path("/home")).name == f"{APP.bundle_id}.plist"


def test_macos_minimum_is_the_newest_of_python_and_qt():
    tags = ["cp39-abi3-macosx_13_0_universal2"]
    assert bi.macos_minimum(tags, "macosx-10.9-universal2") == "13.0"
    assert bi.macos_minimum([], "linux-x86_64") == "12.0"
    assert bi.macos_minimum(["cp39-abi3-macosx_14_2_arm64"], "macosx-11.0-arm64") == "14.2"


# --- the PyInstaller spec ---------------------------------------------------------------------


@pytest.mark.parametrize("system", ["linux", "win32", "darwin"])
def test_spec_is_valid_python_for_each_platform(tmp_path, system):
    text = bi.spec_text(APP, tmp_path, system)
    compile(text, "relbook.spec", "exec")
    assert "console=False" in text
    assert "'PySide6.QtQml'" in text and "'PySide6.QtWebEngineCore'" in text
    assert "'PySide6.QtNetwork'" not in text
    icons = set(re.findall(r"icon=(None|'[^']*')", text))
    expected = {"linux": "None", "win32": "relbook.ico'", "darwin": "relbook.icns'"}[system]
    assert icons and all(icon.endswith(expected) for icon in icons)
    assert ("strip=True" in text) == (system == "linux")


def test_qt_modules_relbook_imports_are_bundled_and_no_others():
    imported = set()
    for path in (ROOT / "relbook").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert imported <= set(bi.USED_QT_MODULES), "a new Qt module: take it off UNUSED_QT_MODULES"
    assert not imported & set(bi.UNUSED_QT_MODULES)


def test_staged_sources_match_what_relbook_reads_at_run_time(tmp_path):
    """The data globs find files, laid out where importlib.resources looks for them."""
    bi.stage_sources(tmp_path)
    package = tmp_path / "relbook"
    for name in ("0001_initial.py", "0005_open_next_steps.py"):
        assert (package / "migrations" / "versions" / name).is_file()
    assert (package / "migrations" / "env.py").is_file()
    assert (package / "migrations" / "script.py.mako").is_file()
    assert (package / "resources" / "i18n" / "relbook_zh_CN.qm").is_file()
    assert (package / "resources" / "greetings" / "default.json").is_file()
    assert (package / "resources" / "greetings" / "words.json").is_file()
    assert (package / "resources" / "icons" / "relbook-512.png").is_file()
    assert not list(package.rglob("*.ts")) and not list(package.rglob("installer"))
    assert (tmp_path / "launcher.py").is_file()
    destinations = set()
    for source, destination in bi.bundle_datas(tmp_path):
        assert list(Path(source).parent.glob(Path(source).name)), source
        destinations.add(destination)
    assert "relbook/migrations/versions" in destinations
    assert "relbook/resources/i18n" in destinations


@pytest.mark.parametrize(
    "name",
    [
        "libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6\\Qt6Quick.dll",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtdeclarative_zh_CN.qm",
        "libcairo.so.2",
    ],
)
def test_unused_qt_parts_are_pruned(name):
    assert bi.is_pruned(name)


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6\\Qt6Widgets.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "relbook/resources/i18n/relbook_zh_CN.qm",
        "libfontconfig.so.1",
    ],
)
def test_what_relbook_needs_is_kept(name):
    assert not bi.is_pruned(name)


# --- icons ------------------------------------------------------------------------------------


def test_png_icons_at_every_size(qapp):
    from PySide6.QtGui import QImage

    assert bi.ICON_SIZES == (16, 24, 32, 48, 64, 128, 256, 512)
    for size in bi.ICON_SIZES:
        image = QImage(str(bi.ICONS / f"relbook-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_windows_icon_holds_every_size():
    data = (bi.ICONS / "relbook.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(bi.ICO_SIZES))
    sizes = [data[6 + 16 * i] or 256 for i in range(count)]
    assert sizes == list(bi.ICO_SIZES)


def test_macos_icon_holds_every_size():
    data = (bi.ICONS / "relbook.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kind, length = struct.unpack(">4sI", data[offset : offset + 8])
        assert data[offset + 8 : offset + 12] == b"\x89PNG"
        kinds.append(kind)
        offset += length
    assert kinds == [kind for kind, _ in bi.ICNS_ENTRIES]


def test_icons_redrawn_from_the_svg_have_the_same_sizes(qapp, tmp_path):
    written = bi.write_icon_files(bi.ICONS / "relbook.svg", tmp_path)
    assert sorted(path.name for path in written) == sorted(
        [f"relbook-{size}.png" for size in bi.ICON_SIZES] + ["relbook.ico", "relbook.icns"]
    )
    assert (tmp_path / "relbook.ico").read_bytes()[:6] == (bi.ICONS / "relbook.ico").read_bytes()[
        :6
    ]


def test_the_window_icon_uses_every_png_size(qapp):
    from relbook.ui import tray

    assert tray.ICON_SIZES == bi.ICON_SIZES
    sizes = [size.width() for size in tray.app_icon().availableSizes()]
    assert sizes == list(bi.ICON_SIZES)


def test_packages_carry_the_icons_and_the_build_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = project["tool"]["setuptools"]["package-data"]["relbook.resources"]
    assert {"icons/*.png", "icons/*.svg", "icons/*.ico", "icons/*.icns"} <= set(data)
    build = project["project"]["optional-dependencies"]["build"]
    assert any(requirement.startswith("pyinstaller") for requirement in build)
    options = project["tool"]["pytest"]["ini_options"]
    assert "-m 'not slow'" in options["addopts"]
    assert any(marker.startswith("slow:") for marker in options["markers"])


# --- Linux: the menu entry and install.sh -----------------------------------------------------


def _desktop_keys(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


def test_desktop_entry_keys():
    keys = _desktop_keys(bi.desktop_entry(APP))
    assert keys["Type"] == "Application"
    assert keys["Name"] == "relbook"
    assert keys["Exec"] == '"__APP_DIR__/relbook"'  # install.sh puts the absolute path in
    assert keys["TryExec"] == "__APP_DIR__/relbook"
    assert keys["Icon"] == "relbook"
    assert keys["Terminal"] == "false"
    assert keys["Categories"].endswith(";") and "Office" in keys["Categories"].split(";")
    assert keys["StartupWMClass"] == "relbook"


def _fake_unpacked_archive(folder: Path) -> Path:
    """What the .tar.gz unpacks to, with a shell script standing in for the built binary."""
    top = folder / "relbook-1.2.3"
    (top / "relbook" / "_internal").mkdir(parents=True)
    binary = top / "relbook" / "relbook"
    binary.write_text('#!/bin/sh\necho "relbook 1.2.3"\n', encoding="utf-8")
    binary.chmod(0o755)
    (top / "relbook" / "_internal" / "library.so").write_text("new", encoding="utf-8")
    (top / "relbook.desktop").write_text(bi.desktop_entry(APP), encoding="utf-8")
    (top / "install.sh").write_text(bi.install_script(APP), encoding="utf-8")
    (top / "install.sh").chmod(0o755)
    (top / "icons").mkdir()
    for size in bi.ICON_SIZES:
        shutil.copy2(bi.ICONS / f"relbook-{size}.png", top / "icons" / f"relbook-{size}.png")
    shutil.copy2(bi.ICONS / "relbook.svg", top / "icons" / "relbook.svg")
    return top


def _user(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """A user's environment with a book already in the data folder: env, data home, book."""
    home, data = tmp_path / "home", tmp_path / "xdg-data"
    book = data / "relbook" / "relbook.sqlite"
    book.parent.mkdir(parents=True)
    book.write_bytes(b"SQLite format 3\x00 the user's contacts")
    (book.parent / "backups").mkdir()
    env = clean_env(home, XDG_DATA_HOME=str(data), XDG_CONFIG_HOME=str(tmp_path / "xdg-config"))
    home.mkdir()
    return env, data, book


def check_menu_entry_and_icons(data: Path, app_dir: Path) -> None:
    """The entry and icons are where desktops look, and the entry starts the installed app."""
    entry = data / "applications" / "relbook.desktop"
    keys = _desktop_keys(entry.read_text(encoding="utf-8"))
    executable = app_dir / "relbook"
    assert keys["Exec"] == f'"{executable}"' and executable.is_absolute()
    assert keys["TryExec"] == str(executable) and os.access(executable, os.X_OK)
    assert keys["Icon"] == "relbook"
    for size in bi.ICON_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "relbook.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "relbook.svg").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(entry)], check=True)


def test_install_upgrade_and_uninstall_keep_the_book(tmp_path):
    top = _fake_unpacked_archive(tmp_path / "unpacked")
    env, data, book = _user(tmp_path)
    before = book.read_bytes()
    app_dir = tmp_path / "home" / ".local" / "opt" / "relbook"

    subprocess.run(["bash", "install.sh"], cwd=top, env=env, check=True, capture_output=True)
    check_menu_entry_and_icons(data, app_dir)
    assert (app_dir / "uninstall.sh").is_file() and (app_dir / ".relbook-app").is_file()
    run = subprocess.run([app_dir / "relbook"], capture_output=True, text=True, check=True)
    assert run.stdout == "relbook 1.2.3\n"

    (app_dir / "_internal" / "left-from-the-old-version.so").write_text("old", encoding="utf-8")
    subprocess.run(["sh", "install.sh"], cwd=top, env=env, check=True, capture_output=True)
    assert not (app_dir / "_internal" / "left-from-the-old-version.so").exists()
    assert sorted(p.name for p in app_dir.parent.iterdir()) == ["relbook"]  # no leftovers
    assert book.read_bytes() == before

    autostart = tmp_path / "xdg-config" / "autostart"
    autostart.mkdir(parents=True)
    (autostart / "relbook.desktop").write_text(
        f"[Desktop Entry]\nExec={app_dir}/relbook --data-dir /x\n", encoding="utf-8"
    )
    done = subprocess.run(
        [app_dir / "uninstall.sh"], env=env, check=True, capture_output=True, text=True
    )
    assert "book and its backups were kept" in done.stdout
    assert not app_dir.exists()
    assert not (data / "applications" / "relbook.desktop").exists()
    assert not list((data / "icons").rglob("relbook.*"))
    assert not (autostart / "relbook.desktop").exists()
    assert book.read_bytes() == before and (book.parent / "backups").is_dir()


def test_install_refuses_folders_it_does_not_own(tmp_path):
    top = _fake_unpacked_archive(tmp_path / "unpacked")
    env, data, book = _user(tmp_path)
    someone_elses = tmp_path / "home" / "Documents"
    someone_elses.mkdir()
    (someone_elses / "notes.txt").write_text("mine", encoding="utf-8")
    for app_dir, why in [
        (someone_elses, "is not a relbook app folder"),
        (data / "relbook" / "app", "lies in the book's folder"),
        (data, "holds the book's folder"),
        (Path("relative/dir"), "absolute path"),
    ]:
        for mode in ([], ["--uninstall"]):
            refused = subprocess.run(
                ["bash", "install.sh", "--app-dir", str(app_dir), *mode],
                cwd=top,
                env=env,
                capture_output=True,
                text=True,
            )
            assert refused.returncode == 1 and why in refused.stderr, (app_dir, mode)
    assert (someone_elses / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in (data / "relbook").iterdir()) == ["backups", "relbook.sqlite"]


# --- slow: a real build -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Build the Linux archive once; unpack it. Keys: archive, top (the unpacked folder)."""
    pytest.importorskip(
        "PyInstaller", reason="PyInstaller is not installed: pip install -e '.[build]'"
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("the slow build test checks the Linux archive")
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        [sys.executable, str(ROOT / "build_installer.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    found = re.search(r"^artefact: (.+\.tar\.gz)$", build.stdout, re.M)
    assert found, build.stdout
    archive = Path(found.group(1))
    assert re.search(r"^size: [\d.]+ MB", build.stdout, re.M)
    unpacked = tmp_path_factory.mktemp("unpacked")
    safe = {"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}  # Python >= 3.11.4
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, **safe)  # type: ignore[arg-type]
    return {"archive": archive, "top": unpacked / f"relbook-{bi.app_version()}"}


def _run_built(binary: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = clean_env(home, QT_QPA_PLATFORM="offscreen", RELBOOK_HOME=str(home / "book"))
    return subprocess.run(
        [str(binary), *args], env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_archive_is_small_and_complete(built):
    assert built["archive"].stat().st_size < 150_000_000
    top = built["top"]
    names = sorted(path.name for path in top.iterdir())
    assert names == ["README.txt", "icons", "install.sh", "relbook", "relbook.desktop"]
    assert os.access(top / "install.sh", os.X_OK)
    internal = top / "relbook" / "_internal"
    versions = internal / "relbook" / "migrations" / "versions"
    assert (versions / "0001_initial.py").is_file()  # alembic reads revisions as .py files
    assert (internal / "relbook" / "resources" / "i18n" / "relbook_zh_CN.qm").is_file()
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").is_file()
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert not list(internal.rglob("*Qt6Quick*")) and not list(internal.rglob("*Qt6Qml*"))
    pruned_but_needed = [
        name for name in bi.needed_elsewhere(top / "relbook") if bi.is_pruned(name)
    ]
    assert not pruned_but_needed


@pytest.mark.slow
def test_built_binary_reports_its_version_and_passes_the_self_test(built, tmp_path):
    binary = built["top"] / "relbook" / "relbook"
    version = _run_built(binary, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout == f"relbook {bi.app_version()}\n"
    check = _run_built(binary, tmp_path, "--self-test")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.rstrip().endswith("self-test: all steps passed")
    assert check.stdout.count("\nok   ") + check.stdout.startswith("ok   ") >= 6


@pytest.mark.slow
def test_built_binary_exports_every_format(built, tmp_path):
    """openpyxl, icalendar, vobject, the PDF fonts: everything the exports load, frozen."""
    binary = built["top"] / "relbook" / "relbook"
    assert _run_built(binary, tmp_path, "demo", "--contacts", "20").returncode == 0
    for kind in ("xlsx", "ics", "vcf", "pdf", "csv", "json"):
        target = tmp_path / f"book.{kind}"
        done = _run_built(binary, tmp_path, "export", "--format", kind, "-o", str(target))
        assert done.returncode == 0 and target.stat().st_size > 0, (kind, done.stderr)


@pytest.mark.slow
def test_built_archive_installs_into_the_menu_and_uninstalls_keeping_the_book(built, tmp_path):
    env, data, book = _user(tmp_path)
    before = book.read_bytes()
    app_dir = tmp_path / "home" / ".local" / "opt" / "relbook"
    subprocess.run(["./install.sh"], cwd=built["top"], env=env, check=True, capture_output=True)
    check_menu_entry_and_icons(data, app_dir)
    installed = _run_built(app_dir / "relbook", tmp_path, "--version")
    assert installed.stdout == f"relbook {bi.app_version()}\n"
    subprocess.run(["./install.sh", "--uninstall"], cwd=built["top"], env=env, check=True)
    assert not app_dir.exists() and not (data / "applications" / "relbook.desktop").exists()
    assert book.read_bytes() == before
