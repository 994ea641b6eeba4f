"""Before the window starts: is there a display, and do Qt's X11 libraries load?

Without them Qt aborts the process (a core dump) with a message that names the wrong library.
On Linux relbook therefore checks first what it can, and when something is missing says what
and the command that installs it, and exits with ``EXIT_NO_WINDOW``.

The checks cost a few milliseconds: the environment is read, and each library is loaded with
``ctypes`` (Qt loads the same libraries a moment later, so nothing is loaded twice). No
subprocess runs on the normal path.

``LINUX_LIBRARIES`` maps each system library that the Qt of the installed PySide6 wheel links
(its xcb platform plugin, the Qt libraries it and the window need) to the Debian / Ubuntu
package holding it. ``.ci/linux_packages.py`` keeps the table and the README's package line
true: it reads what the wheel's libraries need (``readelf -d``) and fails when a library is
missing from the table or its package from the README.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

EXIT_NO_WINDOW = 2
"""Exit code when the window cannot start on this machine (no display, missing libraries)."""

LINUX_LIBRARIES: dict[str, str | None] = {
    # the xcb platform plugin (plugins/platforms/libqxcb.so) and libQt6XcbQpa
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    # Qt Gui, Core and Network
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    # part of every Debian / Ubuntu system (priority "required"): never missing
    "libc.so.6": None,
    "libm.so.6": None,
    "libdl.so.2": None,
    "libpthread.so.0": None,
    "libresolv.so.2": None,
    "ld-linux-x86-64.so.2": None,
    "ld-linux-aarch64.so.1": None,
    "libstdc++.so.6": None,
    "libgcc_s.so.1": None,
    "libz.so.1": None,
    "libzstd.so.1": None,
}
"""Shared library (soname) -> the Debian / Ubuntu package that holds it (None: always there)."""

FONT_PACKAGE = "fonts-wqy-microhei"
"""A Chinese font, so that Chinese text renders (not a library: nothing fails without it)."""


@dataclass(frozen=True)
class WindowProblem:
    """Why the window cannot start here: no display, or libraries that do not load."""

    no_display: bool = False
    missing: list[str] = field(default_factory=list)
    """Sonames that did not load."""
    unreachable: str = ""
    """The X display (``DISPLAY``) that could not be connected to."""

    @property
    def packages(self) -> list[str]:
        """The packages that install the missing libraries, each once, in table order."""
        wanted = [LINUX_LIBRARIES.get(name) for name in self.missing]
        return list(dict.fromkeys(p for p in wanted if p))


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _display_opens(display: str) -> bool:
    """Whether the X server of ``display`` accepts a connection (libxcb, about a millisecond)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return int(xcb.xcb_connection_has_error(connection)) == 0
    finally:
        xcb.xcb_disconnect(connection)


def window_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loads: Callable[[str], bool] | None = None,
    display_opens: Callable[[str], bool] | None = None,
) -> WindowProblem | None:
    """What stops Qt's window on this machine, or None when nothing we can see does.

    Only Linux is checked: Windows and macOS always have their display and Qt's libraries.
    A chosen ``QT_QPA_PLATFORM`` (offscreen, wayland, vnc...) is trusted, except ``xcb``,
    whose libraries are checked.
    """
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen and not chosen.startswith("xcb"):
        return None
    if not chosen and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return WindowProblem(no_display=True)
    if not chosen and not env.get("DISPLAY"):
        return None  # Wayland only: Qt uses its Wayland plugin, not xcb
    load = loads or _loads
    missing = [name for name, package in LINUX_LIBRARIES.items() if package and not load(name)]
    if missing:
        return WindowProblem(missing=missing)
    display = env.get("DISPLAY", "")
    if display and not (display_opens or _display_opens)(display):
        return WindowProblem(unreachable=display)
    return None


def install_command(problem: WindowProblem) -> str:
    return "sudo apt install " + " ".join(problem.packages)


def problem_text(problem: WindowProblem) -> str:
    """The problem in the user's words, with the command that fixes it."""
    from PySide6.QtCore import QCoreApplication

    if problem.unreachable:
        return QCoreApplication.translate(
            "Preflight",
            "relbook cannot open its window: the display %1 does not answer. Start it in a "
            "running desktop session; its commands work without one (relbook --help).",
        ).replace("%1", problem.unreachable)
    if problem.no_display:
        return QCoreApplication.translate(
            "Preflight",
            "relbook cannot open its window: there is no display (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Start it in a desktop session; its commands work "
            "without one (relbook --help).",
        )
    lines = [
        QCoreApplication.translate(
            "Preflight", "relbook cannot open its window: these libraries Qt needs are missing: %1."
        ).replace("%1", ", ".join(problem.missing))
    ]
    if problem.packages:
        lines.append(QCoreApplication.translate("Preflight", "Install them with:"))
        lines.append("  " + install_command(problem))
    return "\n".join(lines)


def check_window() -> int | None:
    """``EXIT_NO_WINDOW`` after saying what is missing, or None when the window may start.

    Call before the QApplication is made: once Qt's platform plugin fails, it aborts.
    """
    problem = window_problem()
    if problem is None:
        return None
    from PySide6.QtCore import QCoreApplication

    from relbook.words.i18n import install_language, resolve_language

    if QCoreApplication.instance() is None:
        QCoreApplication(["relbook"])  # for the translations; needs no display
    install_language(resolve_language("system"))
    sys.stderr.write(problem_text(problem) + "\n")
    return EXIT_NO_WINDOW
