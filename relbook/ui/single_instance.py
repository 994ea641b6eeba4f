"""A second start on the same book brings the running window to the front.

The running window listens on a local socket named after its data folder; a second start that
finds the book locked asks it to show itself, then exits. Local sockets are a named pipe on
Windows and a Unix socket elsewhere: nothing leaves the machine.
"""

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_TIMEOUT_MS = 1000


def server_name(data_dir: Path) -> str:
    """One name per data folder, short enough for every platform's socket path limit."""
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"relbook-{digest}"


class InstanceServer(QObject):
    """Listens for later starts; ``activate_requested`` fires when one asks for the window."""

    activate_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed run is removed first."""
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.setParent(self)
            socket.readyRead.connect(self._read_ready)
            socket.disconnected.connect(socket.deleteLater)

    def _read_ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and bytes(socket.readLine().data()).startswith(
            ACTIVATE
        ):
            self.activate_requested.emit()


def ask_running_window(data_dir: Path) -> bool:
    """Ask the window running on ``data_dir`` to come to the front; False if none answers."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    sent = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return sent
