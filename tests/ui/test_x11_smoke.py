"""The window in a real X server (Xvfb), not only offscreen: it opens a book, shows Today and
the contact list, pops up what is due and quits cleanly (issue: a smoke test under X)."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = """
import sys
from datetime import datetime
from PySide6.QtWidgets import QApplication
from relbook.app import AppController
from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.db.book import open_book

app = QApplication(["relbook"])
book = open_book(sys.argv[1])
now = datetime(2026, 11, 23, 10)
with book.session() as session:
    create_contact(session, ContactInput("张三", dates=[DateInput(11, 24)]), now)
controller = AppController(book, reminders=True, clock=lambda: now)
window = controller.start()
deadline = datetime.now().timestamp() + 20
while datetime.now().timestamp() < deadline:
    app.processEvents()
    popup = controller.reminders.popup if controller.reminders else None
    if window.today.summary is not None and popup is not None and popup.isVisible():
        break
assert QApplication.platformName() == "xcb", QApplication.platformName()
assert window.isVisible() and window.windowHandle().isExposed()
assert [o.contact_name for o in window.today.summary.due] == ["张三"]
assert popup is not None and popup.isVisible() and popup.total == 1
image = window.grab()
assert not image.isNull() and image.width() > 400
controller.reminders.stop()
window.runner.wait_all()
print("ok", window.width(), window.height())
"""


def _free_display() -> int:
    for number in range(90, 140):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    pytest.skip("no free X display number")


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_the_window_runs_in_a_real_x_server(tmp_path):
    display = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                break
            time.sleep(0.05)
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(tmp_path / "book")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        assert done.stdout.startswith("ok")
    finally:
        server.terminate()
        server.wait(timeout=10)
