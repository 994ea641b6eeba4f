"""Peak-memory probe: ``python bench/probes/memory.py relbook DATA_DIR`` or ``... bare``.

``relbook`` starts the app as the ``relbook`` command does, then, once the window has painted
and the app has gone quiet: shows the contact list, scrolls it to the middle and the end, types
"王" and then "zh" in the search box, each time waiting for the list to load and scrolling its
result to the middle and the end. ``bare`` shows an empty 1280x800 QWidget, the floor. Either
then prints ``memory {json}`` with the peak resident memory in bytes and exits at once.
"""

import json
import os
import sys
import time

from first_paint import FirstPaint, current_rss_bytes, peak_rss_bytes
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

TIMEOUT_MS = 300_000
SEARCHES = ("王", "zh")
QUIET_CPU_SHARE = 0.05
"""The app counts as quiet once it used less than this share of one CPU over QUIET_WINDOW_S."""
QUIET_WINDOW_S = 1.0
QUIET_LIMIT_S = 120.0


def report(steps: dict[str, object]) -> None:
    now = current_rss_bytes()  # read before the peak, which it can then never exceed
    answer = {"peak": peak_rss_bytes(), "now": now, "steps": steps}
    print("memory " + json.dumps(answer, ensure_ascii=False), flush=True)
    os._exit(0)


def give_up() -> None:
    print("timeout: the probe did not finish", flush=True)
    os._exit(3)


def settle() -> float:
    """Handle events until the whole process (every thread) has gone quiet; seconds waited."""
    started = time.perf_counter()
    window_started, cpu_started = started, time.process_time()
    while time.perf_counter() - started < QUIET_LIMIT_S:
        QApplication.processEvents()
        time.sleep(0.02)
        elapsed = time.perf_counter() - window_started
        if elapsed >= QUIET_WINDOW_S:
            if time.process_time() - cpu_started < QUIET_CPU_SHARE * elapsed:
                break
            window_started, cpu_started = time.perf_counter(), time.process_time()
    return time.perf_counter() - started


def show_rows(window: QMainWindow, row: int) -> None:
    """Scroll the list to ``row`` and paint it now, so the model reads the rows on screen."""
    table = window.table  # type: ignore[attr-defined]
    table.scrollTo(window.model.index(row, 0))  # type: ignore[attr-defined]
    QApplication.processEvents()
    table.viewport().repaint()


def load(window: QMainWindow) -> int:
    """Wait for the list load that is under way, paint, and scroll to the middle and the end."""
    window.runner.wait_all(QUIET_LIMIT_S)  # type: ignore[attr-defined]
    QApplication.processEvents()
    rows = window.model.rowCount()  # type: ignore[attr-defined]
    for row in (0, rows // 2, rows - 1):
        show_rows(window, max(row, 0))
    return rows


def exercise(window: QWidget) -> None:
    assert isinstance(window, QMainWindow)
    steps: dict[str, object] = {"quiet_after_start_s": round(settle(), 2)}
    window.show_contacts()  # type: ignore[attr-defined]
    steps["rows"] = load(window)
    for text in SEARCHES:
        window.search.setText(text)  # type: ignore[attr-defined]
        window.apply_filter()  # type: ignore[attr-defined]
        steps[f"rows {text}"] = load(window)
    steps["quiet_at_end_s"] = round(settle(), 2)
    report(steps)


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    QTimer.singleShot(TIMEOUT_MS, give_up)
    if argv[1:2] == ["bare"]:
        FirstPaint(app, lambda _window: True, lambda _window: report({}))
        window = QWidget()
        window.resize(1280, 800)
        window.show()
        return app.exec()
    FirstPaint(app, lambda window: isinstance(window, QMainWindow), exercise)
    from relbook.__main__ import main as relbook_main

    code = relbook_main(["--data-dir", argv[2]])
    print(f"relbook quit with {code} before painting its window", flush=True)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
