"""Shared by the probes: notice a window's first paint, and read the process's peak memory.

Probes are scripts run in a fresh interpreter (``python bench/probes/NAME.py``); this file sits
beside them and is imported by its plain name.
"""

import sys
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FirstPaint(QObject):
    """Calls ``done(window)`` once the first window accepted by ``wanted`` has been painted.

    Installed on the application, it sees the Paint event of every widget. Qt paints a whole
    window (the window, then each visible child) in one pass before flushing it, so ``done``
    runs from a zero-delay timer queued at the first Paint: when the event loop is back, after
    that whole pass and its flush.
    """

    def __init__(self, app: QApplication, wanted: Callable[[QWidget], bool], done: Callable):
        super().__init__(app)
        self._wanted = wanted
        self._done = done
        self._seen = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            window = watched.window()
            if window.isVisible() and self._wanted(window):
                self._seen = True
                QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
                QTimer.singleShot(0, lambda: self._done(window))
        return False


def peak_rss_bytes() -> int:
    """The most memory this process has held resident (the high-water mark), in bytes.

    On Linux it is ``VmHWM`` of /proc/self/status, the high-water mark of this program's own
    memory: ``ru_maxrss`` also counts the parent's memory at the fork before the exec, so a
    probe started by a large bench process reported the bench's size as its own.
    """
    with suppress(OSError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024  # kB
    try:
        import resource
    except ImportError:  # Windows
        return _windows_peak_working_set()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # macOS: bytes; Linux: KiB


def _windows_peak_working_set() -> int:
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(counters)
    process = ctypes.windll.kernel32.GetCurrentProcess()  # type: ignore[attr-defined]
    ctypes.windll.psapi.GetProcessMemoryInfo(  # type: ignore[attr-defined]
        process, ctypes.byref(counters), counters.cb
    )
    return int(counters.PeakWorkingSetSize)


def current_rss_bytes() -> int | None:
    """Memory resident now (Linux only; None elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except OSError:
        return None
    import os

    return pages * os.sysconf("SC_PAGE_SIZE")
