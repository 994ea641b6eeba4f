#!/usr/bin/env python3
"""Build relbook as a self-contained, windowed application and pack it for this platform.

    python build_installer.py [--out DIR] [--skip-archive]
    python build_installer.py --icons      # redraw resources/icons/relbook-*.png, .ico, .icns

Linux: a .tar.gz holding the app folder, a menu entry, the icons and install.sh. Windows: an
Inno Setup installer when ``iscc`` is on the PATH, else the folder zipped. macOS: relbook.app
in a .dmg (a .tar.gz without ``hdiutil``). PyInstaller (``pip install -e '.[build]'``) does
the freezing; its work files stay in ``<out>/work``. Every generated text (the PyInstaller
spec, the .iss, Info.plist, the .desktop entry, install.sh) comes from a pure function here,
so tests check it without building. See docs/installer.md.
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import os
import platform
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tarfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
TEMPLATES = RESOURCES / "installer"

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The PNG sizes in resources/icons (relbook-<size>.png): the hicolor theme's and the app's."""
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_ENTRIES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16 pt at 2x
    (b"ic12", 64),  # 32 pt at 2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128 pt at 2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256 pt at 2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 pt at 2x
)
RUNTIME_RESOURCES = ("i18n/*.qm", "greetings/*.json", "icons/*.png", "icons/*.svg")
"""What the app reads from relbook.resources at run time (not the .ts sources, .ico, .icns)."""

USED_QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork")
UNUSED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent",
    "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth",
    "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning",
    "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip
EXCLUDED_MODULES = (
    *(f"PySide6.{module}" for module in UNUSED_QT_MODULES),
    "tkinter",
    "_tkinter",
    "pygments",  # only for mako's optional highlighting; mako itself is unused at run time
    "doctest",
    "pdb",
    "pydoc",
    "pydoc_data",
    "readline",
)
"""Python modules never bundled: Qt bindings relbook does not import, and debugging tools."""

PRUNED_FILES = (
    # Qt libraries that only unused modules, QML or the plugins below load
    "*qt6qml*", "*qt6quick*", "*qt6virtualkeyboard*", "*qt6pdf*", "*qt6opengl*",
    "*qt6waylandcompositor*", "*qt6eglfs*", "*qt6wlshellintegration*", "*qt6sql*",
    "*/qtqml*.framework/*", "*/qtquick*.framework/*", "*/qtvirtualkeyboard.framework/*",
    "*/qtpdf.framework/*", "*/qtopengl.framework/*",
    # plugins relbook never loads
    "*plugins/platforminputcontexts/*virtualkeyboard*",
    "*plugins/imageformats/*qpdf*",
    "*plugins/platforms/*eglfs*", "*plugins/platforms/*linuxfb*", "*plugins/platforms/*vnc*",
    "*plugins/platforms/*minimalegl*", "*plugins/platforms/*vkkhrdisplay*",
    "*plugins/egldeviceintegrations/*", "*plugins/wayland-graphics-integration-server/*",
    "*plugins/wayland-graphics-integration-client/*",  # OpenGL on Wayland; widgets use shm
    "*plugins/wayland-shell-integration/*ivi-shell*",
    "*plugins/wayland-shell-integration/*fullscreen-shell*",
    "*plugins/wayland-shell-integration/*wl-shell*",
    "*plugins/wayland-shell-integration/*qt-shell*",
    "*plugins/qmltooling/*", "*plugins/qmllint/*", "*plugins/sqldrivers/*",
    "*plugins/designer/*", "*plugins/generic/*",
    "*plugins/networkinformation/*", "*plugins/tls/*",  # relbook never goes online
    # the GTK theme plugin, and the build machine's GTK stack it would drag in (mixing that
    # with the user's own GTK is fragile); Qt's built-in GNOME theme is used instead
    "*plugins/platformthemes/*gtk3*",
    "libatk-*", "libcairo*", "libdatrie*", "libfribidi*", "libgdk_pixbuf*", "libgraphite2*",
    "libharfbuzz*", "libjpeg.so*", "libpango*", "libpixman*", "libthai*", "libxext*",
    "libxrender*",
    # Qt's catalogues for other languages and programs (relbook loads qtbase_<language>)
    "*/translations/*.qm",
)  # fmt: skip
"""Glob patterns (lower case, on the bundle's '/'-separated paths) of files left out."""
KEPT_FILES = ("*/translations/qtbase_zh_cn.qm",)
"""Exceptions to PRUNED_FILES."""


@dataclass(frozen=True)
class AppInfo:
    """What the installers say about the app."""

    version: str
    name: str = "relbook"
    display_name: str = "relbook"
    publisher: str = "The relbook team"
    description: str = "A relationship book for salespeople: contacts, levels, lunar birthdays"
    bundle_id: str = "com.relbook.app"  # the LaunchAgent label relbook/ui/autostart.py uses too
    app_id: str = "6C0E3F1A-57B2-4D8E-9A41-0F3B7C2D9E15"  # Inno AppId: never change it
    run_key: str = r"Software\Microsoft\Windows\CurrentVersion\Run"  # as relbook/ui/autostart.py
    run_value: str = "relbook"

    @property
    def exe(self) -> str:
        return f"{self.name}.exe"


def app_version() -> str:
    """The installed package's version, else ``relbook.__version__``."""
    from importlib import metadata

    try:
        return metadata.version("relbook")
    except metadata.PackageNotFoundError:
        sys.path.insert(0, str(ROOT))
        from relbook import __version__

        return __version__


def numeric_version(version: str, parts: int) -> str:
    """``1.2.0rc1`` -> ``1.2.0.0`` (parts=4): what Windows and macOS accept as a version."""
    leading = re.match(r"\d+(?:\.\d+)*", version)
    numbers = leading.group(0).split(".") if leading else []
    return ".".join((numbers + ["0"] * parts)[:parts])


# --- templates ------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


def fill(template: str, values: Mapping[str, object]) -> str:
    """Replace every ``@KEY@``; a placeholder without a value is an error."""

    def value(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise KeyError(f"no value for @{match.group(1)}@")
        return str(values[match.group(1)])

    return _PLACEHOLDER.sub(value, template)


def template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


# --- icons ----------------------------------------------------------------------------------


def render_pngs(svg: Path, sizes: Iterable[int]) -> dict[int, bytes]:
    """The SVG drawn by Qt at each size, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QGuiApplication, QImageReader

    _app = QGuiApplication.instance() or QGuiApplication([])  # the image plugins need one
    pngs: dict[int, bytes] = {}
    for size in sizes:
        reader = QImageReader(str(svg))
        reader.setScaledSize(QSize(size, size))
        image = reader.read()
        if image.isNull():
            raise RuntimeError(f"Qt could not draw {svg}: {reader.errorString()}")
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # str at run time
        pngs[size] = bytes(data.data())
    return pngs


def _bmp_entry(png: bytes) -> bytes:
    """An ICO image in the classic form: a 32-bit bottom-up DIB with an empty AND mask."""
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG")  # type: ignore[arg-type]  # the binding takes str
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = image.width(), image.height()
    pixels = bytes(image.constBits())[: width * height * 4]  # BGRA on little-endian machines
    rows = [pixels[row * width * 4 : (row + 1) * width * 4] for row in range(height)]
    mask = bytes(((width + 31) // 32) * 4 * height)
    body = b"".join(reversed(rows)) + mask
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, len(body), 0, 0, 0, 0)
    return header + body


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A multi-size Windows .ico: bitmaps up to 128 px, PNG at 256 (as Windows tools write)."""
    images = [(size, pngs[size] if size >= 256 else _bmp_entry(pngs[size])) for size in ICO_SIZES]
    offset = 6 + 16 * len(images)
    directory, blobs = [], []
    for size, blob in images:
        side = size if size < 256 else 0  # 0 means 256
        directory.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(directory) + b"".join(blobs)


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """A macOS .icns of PNG entries, 16 to 1024 px (Retina variants included)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_ENTRIES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def icon_files(svg: Path) -> dict[str, bytes]:
    """File name -> content of every icon drawn from ``svg``."""
    pngs = render_pngs(svg, sorted({*ICON_SIZES, *ICO_SIZES, *(s for _, s in ICNS_ENTRIES)}))
    files = {f"relbook-{size}.png": pngs[size] for size in ICON_SIZES}
    files["relbook.ico"] = ico_bytes(pngs)
    files["relbook.icns"] = icns_bytes(pngs)
    return files


def write_icon_files(svg: Path = ICONS / "relbook.svg", folder: Path = ICONS) -> list[Path]:
    """Draw the icons into ``folder`` (files already identical are left alone)."""
    written = []
    for name, content in icon_files(svg).items():
        target = folder / name
        if not target.exists() or target.read_bytes() != content:
            target.write_bytes(content)
        written.append(target)
    return written


def platform_icon(system: str = sys.platform) -> Path | None:
    if system.startswith("win"):
        return ICONS / "relbook.ico"
    if system == "darwin":
        return ICONS / "relbook.icns"
    return None  # Linux: the menu entry names the icon; the executable carries none


# --- PyInstaller ----------------------------------------------------------------------------


def stage_sources(staging: Path) -> None:
    """Lay relbook out as installed: relbook/, relbook/migrations, relbook/resources."""
    shutil.rmtree(staging, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "relbook", staging / "relbook", ignore=ignore)
    shutil.copytree(ROOT / "migrations", staging / "relbook" / "migrations", ignore=ignore)
    resources = staging / "relbook" / "resources"
    resources.mkdir()
    shutil.copy2(RESOURCES / "__init__.py", resources)
    for pattern in RUNTIME_RESOURCES:
        for source in RESOURCES.glob(pattern):
            target = resources / source.relative_to(RESOURCES)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    shutil.copy2(TEMPLATES / "launcher.py", staging / "launcher.py")


def bundle_datas(staging: Path) -> list[tuple[str, str]]:
    """(source glob, folder in the bundle): the files relbook reads by path at run time.

    The migrations go in as .py files where ``resources.files("relbook.migrations")`` points:
    alembic reads env.py and versions/*.py from that folder, not from the frozen archive.
    """
    package = staging / "relbook"
    datas = [
        (str(package / "resources" / pattern), f"relbook/resources/{Path(pattern).parent}")
        for pattern in RUNTIME_RESOURCES
    ]
    datas += [
        (str(package / "migrations" / "*.py"), "relbook/migrations"),
        (str(package / "migrations" / "script.py.mako"), "relbook/migrations"),
        (str(package / "migrations" / "versions" / "*.py"), "relbook/migrations/versions"),
    ]
    return datas


HIDDEN_IMPORTS = (
    "relbook.resources",  # imported by name only, through importlib.resources
    "relbook.migrations",
    "relbook.migrations.versions",
    "alembic.op",
    "alembic.context",
    "apscheduler.triggers.cron",  # named by string in relbook/scheduler, loaded by entry point
    "apscheduler.triggers.interval",
    "apscheduler.triggers.date",
)


def spec_text(app: AppInfo, staging: Path, system: str = sys.platform) -> str:
    """The PyInstaller spec: a windowed one-folder build (and relbook.app on macOS)."""
    icon = platform_icon(system)
    return fill(
        template("relbook.spec.in"),
        {
            "PRUNE": repr(PRUNED_FILES),
            "KEEP": repr(KEPT_FILES),
            "ENTRY": repr(str(staging / "launcher.py")),
            "SOURCES": repr(str(staging)),
            "DATAS": repr(bundle_datas(staging)),
            "HIDDEN_IMPORTS": repr(list(HIDDEN_IMPORTS)),
            "EXCLUDES": repr(list(EXCLUDED_MODULES)),
            "NAME": repr(app.name),
            "ICON": repr(str(icon) if icon else None),
            "STRIP": repr(system.startswith("linux")),  # stripping would break macOS signatures
            "BUNDLE_ID": repr(app.bundle_id),
            "VERSION": repr(app.version),
            "INFO_PLIST": repr(info_plist(app, macos_minimum())),
        },
    )


def needed_elsewhere(folder: Path) -> dict[str, str]:
    """Linux: each library a bundled binary needs but the bundle lacks -> one binary needing it.

    Read with ``objdump -p`` (which PyInstaller needs on Linux anyway).
    """
    present = {path.name for path in folder.rglob("*")}
    missing: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as file:
            if file.read(4) != b"\x7fELF":
                continue
        dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True)
        for line in dump.stdout.splitlines():
            words = line.split()
            if len(words) == 2 and words[0] == "NEEDED" and words[1] not in present:
                missing.setdefault(words[1], str(path.relative_to(folder)))
    return missing


def is_pruned(name: str) -> bool:
    name = name.replace("\\", "/").lower()
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in KEPT_FILES):
        return False
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in PRUNED_FILES)


def check_linux_libraries(folder: Path) -> None:
    """Fail if pruning left a binary without a library it needs; note what the system lacks."""
    missing = needed_elsewhere(folder)
    broken = {name: user for name, user in missing.items() if is_pruned(name)}
    if broken:
        lines = "\n".join(f"  {name} (needed by {user})" for name, user in sorted(broken.items()))
        raise SystemExit(f"PRUNED_FILES removed libraries the bundle needs:\n{lines}")
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    if not Path(ldconfig).exists():
        return
    known = subprocess.run([ldconfig, "-p"], capture_output=True, text=True).stdout
    absent = sorted(name for name in missing if name not in known)
    if absent:
        print(
            "note: this machine lacks " + ", ".join(absent) + "; the bundle will use the "
            "user's copies (install them here to bundle them, see docs/installer.md)"
        )


def run_pyinstaller(spec: Path, dist: Path, work: Path) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(spec)]
    subprocess.run(command, check=True, cwd=spec.parent)


# --- Linux ----------------------------------------------------------------------------------


def desktop_entry(app: AppInfo) -> str:
    """The menu entry; install.sh puts the app folder's absolute path for ``__APP_DIR__``."""
    return fill(
        template("relbook.desktop.in"),
        {"NAME": app.name, "DISPLAY_NAME": app.display_name, "DESCRIPTION": app.description},
    )


def install_script(app: AppInfo) -> str:
    return fill(
        template("install.sh"),
        {
            "NAME": app.name,
            "DISPLAY_NAME": app.display_name,
            "VERSION": app.version,
            "ICON_SIZES": " ".join(str(size) for size in ICON_SIZES),
        },
    )


def linux_readme(app: AppInfo) -> str:
    return (
        f"{app.display_name} {app.version}\n\n"
        "Install for this user (the applications menu, ~/.local/opt/relbook):  ./install.sh\n"
        "Upgrade: unpack the new version and run its ./install.sh; the app folder is replaced.\n"
        "Uninstall:  ~/.local/opt/relbook/uninstall.sh   (or ./install.sh --uninstall)\n"
        "Or run it in place, without installing:  ./relbook/relbook\n\n"
        "Your book (~/.local/share/relbook) is never touched by installing, upgrading or\n"
        "uninstalling; the first start after an upgrade migrates it, after saving a copy in\n"
        "its backups folder. Check an installation with:  relbook --self-test\n"
    )


def _reset_owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def pack_linux(app: AppInfo, folder: Path, out: Path, work: Path) -> Path:
    """A .tar.gz: <name>-<version>/ holding the app folder, install.sh, the entry, the icons."""
    top = f"{app.name}-{app.version}"
    extras = work / "linux"
    shutil.rmtree(extras, ignore_errors=True)
    (extras / "icons").mkdir(parents=True)
    (extras / f"{app.name}.desktop").write_text(desktop_entry(app), encoding="utf-8")
    (extras / "install.sh").write_text(install_script(app), encoding="utf-8")
    (extras / "install.sh").chmod(0o755)
    (extras / "README.txt").write_text(linux_readme(app), encoding="utf-8")
    for size in ICON_SIZES:
        shutil.copy2(ICONS / f"relbook-{size}.png", extras / "icons" / f"{app.name}-{size}.png")
    shutil.copy2(ICONS / "relbook.svg", extras / "icons" / f"{app.name}.svg")
    target = out / f"{top}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(folder, f"{top}/{app.name}", filter=_reset_owner)
        for path in sorted(extras.iterdir()):
            archive.add(path, f"{top}/{path.name}", filter=_reset_owner)
    return target


# --- Windows --------------------------------------------------------------------------------


def inno_script(app: AppInfo, source_dir: str, output_dir: str, icon: str) -> str:
    """The Inno Setup script: a per-user install that never touches the user's book."""
    return fill(
        template("relbook.iss.in"),
        {
            "APP_ID": app.app_id,
            "NAME": app.name,
            "DISPLAY_NAME": app.display_name,
            "VERSION": app.version,
            "NUMERIC_VERSION": numeric_version(app.version, 4),
            "PUBLISHER": app.publisher,
            "DESCRIPTION": app.description,
            "EXE": app.exe,
            "ICON": icon,
            "SOURCE_DIR": source_dir,
            "OUTPUT_DIR": output_dir,
            "OUTPUT_BASE": f"{app.name}-{app.version}-setup",
            "RUN_KEY": app.run_key,
            "RUN_VALUE": app.run_value,
        },
    )


def pack_windows(app: AppInfo, folder: Path, out: Path, work: Path) -> Path:
    script = work / f"{app.name}.iss"
    script.write_text(inno_script(app, str(folder), str(out), str(ICONS / "relbook.ico")), "utf-8")
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc:
        subprocess.run([iscc, "/Q", str(script)], check=True)
        return out / f"{app.name}-{app.version}-setup.exe"
    print(f"note: iscc (Inno Setup) is not on the PATH: zipping the folder; the script is {script}")
    base = out / f"{app.name}-{app.version}-windows-{platform.machine().lower()}"
    return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))


# --- macOS ----------------------------------------------------------------------------------


def macos_minimum(
    wheel_tags: Iterable[str] | None = None, python_platform: str | None = None
) -> str:
    """The oldest macOS the bundled Python and Qt run on, from their wheel and build tags."""
    if wheel_tags is None:
        wheel_tags = _qt_wheel_tags()
    versions = [(12, 0)]  # Qt 6.8 supports macOS 12 and newer
    for tag in [*wheel_tags, python_platform or sysconfig.get_platform()]:
        found = re.search(r"macosx[-_](\d+)[._](\d+)", tag)
        if found:
            versions.append((int(found.group(1)), int(found.group(2))))
    major, minor = max(versions)
    return f"{major}.{minor}"


def _qt_wheel_tags() -> list[str]:
    from importlib import metadata

    tags = []
    for name in ("PySide6_Essentials", "shiboken6"):
        try:
            text = metadata.distribution(name).read_text("WHEEL") or ""
        except metadata.PackageNotFoundError:
            continue
        tags += [
            line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Tag:")
        ]
    return tags


def info_plist(app: AppInfo, minimum_macos: str) -> dict[str, object]:
    """The keys of relbook.app/Contents/Info.plist."""
    return {
        "CFBundleName": app.name,
        "CFBundleDisplayName": app.display_name,
        "CFBundleIdentifier": app.bundle_id,
        "CFBundleExecutable": app.name,
        "CFBundlePackageType": "APPL",
        "CFBundleInfoDictionaryVersion": "6.0",
        "CFBundleShortVersionString": numeric_version(app.version, 3),
        "CFBundleVersion": numeric_version(app.version, 3),
        "CFBundleIconFile": f"{app.name}.icns",
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "zh_CN"],
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": minimum_macos,
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": f"© {app.publisher}. All rights reserved.",
    }


def info_plist_text(app: AppInfo, minimum_macos: str) -> str:
    return plistlib.dumps(info_plist(app, minimum_macos), sort_keys=True).decode("utf-8")


def pack_macos(app: AppInfo, bundle: Path, out: Path, work: Path) -> Path:
    """A .dmg with relbook.app and a link to /Applications (a .tar.gz without hdiutil)."""
    base = f"{app.name}-{app.version}-macos-{platform.machine()}"
    hdiutil = shutil.which("hdiutil")
    if not hdiutil:
        print("note: hdiutil is not available: packing relbook.app as a .tar.gz")
        target = out / f"{base}.tar.gz"
        with tarfile.open(target, "w:gz", compresslevel=9) as archive:
            archive.add(bundle, bundle.name, filter=_reset_owner)
        return target
    stage = work / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / bundle.name, symlinks=True)
    (stage / "Applications").symlink_to("/Applications")
    target = out / f"{base}.dmg"
    volume = f"{app.display_name} {app.version}"
    command = [hdiutil, "create", "-volname", volume, "-srcfolder", str(stage), "-ov"]
    subprocess.run([*command, "-format", "UDZO", str(target)], check=True)
    return target


# --- the build ------------------------------------------------------------------------------


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def describe_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB, {size:,} bytes"


def build(out: Path, skip_archive: bool) -> Path:
    """Freeze relbook into ``out``; returns the artefact (or the folder with skip_archive)."""
    for name in (
        "relbook.svg",
        "relbook.ico",
        "relbook.icns",
        *(f"relbook-{s}.png" for s in ICON_SIZES),
    ):
        if not (ICONS / name).exists():
            raise SystemExit(
                f"resources/icons/{name} is missing: run python build_installer.py --icons"
            )
    app = AppInfo(version=app_version())
    out.mkdir(parents=True, exist_ok=True)
    work = out / "work"
    staging = work / "sources"
    stage_sources(staging)
    spec = work / f"{app.name}.spec"
    spec.write_text(spec_text(app, staging), encoding="utf-8")
    print(f"building {app.name} {app.version} with PyInstaller (work files in {work})")
    run_pyinstaller(spec, out, work / "pyinstaller")
    folder = out / (f"{app.name}.app" if sys.platform == "darwin" else app.name)
    if sys.platform.startswith("linux"):
        check_linux_libraries(folder)
    if skip_archive:
        return folder
    if sys.platform.startswith("win"):
        return pack_windows(app, folder, out, work)
    if sys.platform == "darwin":
        return pack_macos(app, folder, out, work)
    return pack_linux(app, folder, out, work)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    parser.add_argument("--skip-archive", action="store_true", help="build the folder only")
    parser.add_argument("--icons", action="store_true", help="redraw resources/icons and exit")
    args = parser.parse_args(argv)
    if args.icons:
        for path in write_icon_files():
            print(f"{path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
        return 0
    if importlib.util.find_spec("PyInstaller") is None:
        print(
            "PyInstaller is not installed. Install the build tools with:\n"
            "    .venv/bin/pip install -e '.[build]'",
            file=sys.stderr,
        )
        return 2
    started = time.monotonic()
    try:
        artefact = build(args.out.resolve(), args.skip_archive)
    except subprocess.CalledProcessError as failure:
        print(
            f"build failed: {' '.join(map(str, failure.cmd))} exited {failure.returncode}",
            file=sys.stderr,
        )
        return 1
    kind = "folder" if artefact.is_dir() else "artefact"
    print(f"{kind}: {artefact}")
    print(f"size: {describe_size(size_of(artefact))}")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
