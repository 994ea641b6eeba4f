"""About relbook: version, licence, and where the book, its backups and its logs are."""

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relbook import __version__, crash_log
from relbook.db import backups
from relbook.ui.tray import app_icon


class AboutDialog(QDialog):
    """Folders can be opened from here: the first place support asks a user to look."""

    def __init__(self, book: backups.BookFiles, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About relbook"))
        self.setMinimumWidth(480)
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(self.tr("<b>relbook</b> %1").replace("%1", __version__), self)
        title.setTextFormat(Qt.TextFormat.RichText)
        summary = QLabel(
            self.tr(
                "A relationship book for salespeople: so that no valuable relationship goes "
                "quiet. It works offline and never opens a network connection."
            ),
            self,
        )
        summary.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(icon)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(summary)
        head.addLayout(text, 1)

        self.folders = {
            "data": book.data_dir,
            "backups": backups.book_plan(book).folder,
            "logs": crash_log.log_dir(book.data_dir),
        }
        form = QFormLayout()
        form.addRow(self.tr("Licence"), QLabel(self.tr("Proprietary; all rights reserved"), self))
        form.addRow(
            self.tr("Built with"),
            QLabel(f"Python {platform.python_version()}, Qt for Python {pyside_version}", self),
        )
        for key, words in (
            ("data", self.tr("Data folder")),
            ("backups", self.tr("Backup folder")),
            ("logs", self.tr("Log folder")),
        ):
            form.addRow(words, self._folder_row(self.folders[key]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _folder_row(self, folder: Path) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(str(folder), row)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(self.tr("Open"), row)
        button.setEnabled(folder.is_dir())
        button.clicked.connect(lambda: self.open_folder(folder))
        line.addWidget(label, 1)
        line.addWidget(button)
        return row

    def open_folder(self, folder: Path) -> bool:
        """Show the folder in the system's file manager (a local file URL: no network)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
