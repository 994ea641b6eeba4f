"""The system-tray icon: open the window, today's count, quit; and reminder notifications."""

from importlib import resources

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The sizes of resources/icons/relbook-<size>.png (drawn by build_installer.py --icons)."""


def app_icon() -> QIcon:
    """The relbook icon from its PNG sizes (no SVG plugin needed), else from the SVG."""
    folder = resources.files("relbook.resources").joinpath("icons")
    icon = QIcon()
    for size in ICON_SIZES:
        png = folder.joinpath(f"relbook-{size}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon if not icon.isNull() else QIcon(str(folder.joinpath("relbook.svg")))


class Tray(QObject):
    """Present only where the platform has a tray (``Tray.available()``)."""

    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open relbook"), self)
        self.count_action = QAction(self)
        self.count_action.setEnabled(False)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.open_action.triggered.connect(self.open_requested.emit)
        self.quit_action.triggered.connect(self.quit_requested.emit)
        for action in (self.open_action, self.count_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.due_count = 0
        """What the tray says is due now (the count Today's due list has)."""
        self.set_due_count(0)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_due_count(self, count: int) -> None:
        self.due_count = count
        text = self.tr("%1 reminders due today").replace("%1", str(count))
        self.count_action.setText(text)
        self.icon.setToolTip("relbook · " + text)

    def notify(self, title: str, text: str) -> None:
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, app_icon(), 15000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
