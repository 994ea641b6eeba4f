"""The message shown when something unexpected goes wrong: the app stays open, the log is named."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox


class UnexpectedErrorNotice:
    """Called by ``crash_log.install_hooks`` after the error is logged; one message at a time."""

    def __init__(self) -> None:
        self._showing = False
        self.shown = 0

    def __call__(self, log_file: Path) -> None:
        if self._showing:
            return
        self._showing = True
        self.shown += 1
        try:
            QMessageBox.critical(
                QApplication.activeWindow(),
                QCoreApplication.translate("CrashDialog", "relbook"),
                QCoreApplication.translate(
                    "CrashDialog",
                    "Something went wrong that relbook did not expect. What you saved before is "
                    "safe: every change is written whole or not at all.\n\nThe details (without "
                    "any contact's data) were written to:\n%1\n\nPlease send that file to "
                    "support so it can be fixed.",
                ).replace("%1", str(log_file)),
            )
        finally:
            self._showing = False
