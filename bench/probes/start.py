"""Cold-start probe: ``python bench/probes/start.py relbook|ready DATA_DIR`` or ``... bare``.

``relbook`` starts the app as the ``relbook`` command does (``relbook.__main__.main`` with
``--data-dir``: lock, show the main window, open the book behind it, reminders, daily backup);
``bare`` shows an empty 1280x800 QWidget, the floor. Either prints ``painted MS`` (MS since
this script began, after the interpreter's own start) once the window has painted for the
first time, then leaves at once without tidying up. ``ready`` starts relbook the same way and
prints ``ready MS`` once the window shows the book: its contact list loaded and its Today tab
filled. Anything else it prints is a failure.
"""

import os
import sys
import time

STARTED = time.perf_counter()

from first_paint import FirstPaint  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402

TIMEOUT_MS = 180_000


def painted(_window: QWidget) -> None:
    print(f"painted {(time.perf_counter() - STARTED) * 1000:.1f}", flush=True)
    os._exit(0)


def watch_until_ready(window: QMainWindow) -> None:
    """Answer once ``window`` has its book, its list loaded and its Today tab filled."""
    timer = QTimer(window)

    def check() -> None:
        contacts = getattr(window, "contacts", None)
        if contacts is not None and contacts.model.rowCount() > 0 and window.today.summary:
            print(f"ready {(time.perf_counter() - STARTED) * 1000:.1f}", flush=True)
            os._exit(0)

    timer.timeout.connect(check)
    timer.start(5)


def give_up() -> None:
    print("timeout: no window painted", flush=True)
    os._exit(3)


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    QTimer.singleShot(TIMEOUT_MS, give_up)
    if argv[1:2] == ["bare"]:
        FirstPaint(app, lambda _window: True, painted)
        window = QWidget()
        window.resize(1280, 800)
        window.show()
        return app.exec()
    if argv[1:2] == ["ready"]:
        FirstPaint(app, lambda window: isinstance(window, QMainWindow), watch_until_ready)
    else:
        FirstPaint(app, lambda window: isinstance(window, QMainWindow), painted)
    from relbook.__main__ import main as relbook_main

    code = relbook_main(["--data-dir", argv[2]])
    print(f"relbook quit with {code} before painting its window", flush=True)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
