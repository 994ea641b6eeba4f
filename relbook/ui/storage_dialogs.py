"""What the window says when the book file is damaged, read-only, busy or the disk is full.

The file operations live in ``relbook.db.integrity``; this module only asks and tells.
"""

import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from relbook.core.errors import BookDamaged, StorageError
from relbook.db import integrity
from relbook.words import labels
from relbook.words.labels import translate


class DamagedBookBox(QMessageBox):
    """Tells that the book is damaged and offers the newest good backup, or only Quit."""

    def __init__(self, damaged: BookDamaged, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(translate("StorageDialogs", "relbook: the book is damaged"))
        self.setText(
            translate(
                "StorageDialogs",
                "The book file %1 is damaged, so relbook has not opened it and has not changed it.",
            ).replace("%1", damaged.path)
        )
        self.setDetailedText(damaged.problem)
        self.restore_button: QPushButton | None = None
        if damaged.backup:
            self.setInformativeText(
                translate(
                    "StorageDialogs",
                    "The newest good backup is %1.\n\nRestore it? The damaged file is kept, "
                    "renamed, in the same folder; changes made after the backup are not in it.",
                ).replace("%1", damaged.backup)
            )
            self.restore_button = self.addButton(
                translate("StorageDialogs", "Restore newest backup"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        else:
            self.setInformativeText(
                translate(
                    "StorageDialogs",
                    "No good backup was found. The damaged file is kept as it is; a "
                    "specialist tool may be able to recover it.",
                )
            )
        self.quit_button = self.addButton(
            translate("StorageDialogs", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.restore_button or self.quit_button)
        self.setEscapeButton(self.quit_button)

    def restore_chosen(self) -> bool:
        return self.restore_button is not None and self.clickedButton() is self.restore_button


def recover_damaged_book(
    damaged: BookDamaged, parent: QWidget | None = None, now: datetime | None = None
) -> bool:
    """Ask; on "Restore" put the newest good backup in place. True when it is in place."""
    box = DamagedBookBox(damaged, parent)
    box.exec()
    if not box.restore_chosen() or damaged.backup is None:
        return False
    try:
        aside = integrity.restore_backup(
            Path(damaged.path), Path(damaged.backup), now or datetime.now()
        )
    except StorageError as problem:
        QMessageBox.critical(
            parent,
            translate("StorageDialogs", "relbook"),
            translate("StorageDialogs", "The backup could not be restored:\n%1").replace(
                "%1", labels.problem_text(problem)
            ),
        )
        return False
    QMessageBox.information(
        parent,
        translate("StorageDialogs", "relbook"),
        translate(
            "StorageDialogs", "The backup was restored. The damaged file was kept as %1."
        ).replace("%1", str(aside)),
    )
    return True


def show_read_only_notice(path: Path, parent: QWidget | None = None) -> None:
    QMessageBox.information(
        parent,
        translate("StorageDialogs", "relbook"),
        translate(
            "StorageDialogs",
            "The book %1 is opened read-only because its file or folder cannot be written. "
            "You can look things up, but changes cannot be saved.",
        ).replace("%1", str(path)),
    )


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class StorageNotice:
    """Tells a storage fault in a message box, but not the same fault again while a message
    is open or for a few seconds after (work that keeps failing would stack up messages)."""

    QUIET_SECONDS = 3.0

    def __init__(self) -> None:
        self._showing = False
        self._last: tuple[str, float] | None = None

    def show(self, problem: StorageError, parent: QWidget | None = None) -> None:
        if self._showing or self._recently_shown(problem.code):
            return
        self._showing = True
        try:
            QMessageBox.warning(
                parent or QApplication.activeWindow(),
                translate("StorageDialogs", "relbook"),
                labels.problem_text(problem),
            )
        finally:
            self._showing = False
            self._last = (problem.code, time.monotonic())

    def _recently_shown(self, code: str) -> bool:
        return (
            self._last is not None
            and self._last[0] == code
            and time.monotonic() - self._last[1] < self.QUIET_SECONDS
        )


_OPERATIONS_NOTICE = StorageNotice()


def show_storage_error(problem: StorageError, parent: QWidget | None = None) -> None:
    """Tell a storage fault that stopped a change or a read (see ``relbook.ui.operations``).

    Nothing was half-written: every unit of work rolls back on any error, so the book is
    unchanged and the window can stay open for the user to try again.
    """
    _OPERATIONS_NOTICE.show(problem, parent)


class StorageErrorHook:
    """``sys.excepthook`` for the window: a storage fault escaping a slot becomes a message.

    Every write runs in one unit of work, which rolls back on any error, so the book is
    unchanged and the window can stay open. Other errors go to the previous hook.
    """

    def __init__(self, previous: ExceptHook | None = None):
        self._previous = previous or sys.__excepthook__
        self._notice = StorageNotice()

    def __call__(
        self,
        kind: type[BaseException],
        value: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if not isinstance(value, StorageError):
            self._previous(kind, value, traceback)
            return
        self._notice.show(value)
