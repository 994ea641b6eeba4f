"""Backups: the list, backing up now, restoring one, the folder and how many are kept.

Listing, backing up and the slow part of a restore (checking the file, saving the current
book, copying the backup beside it) run in the background. Only the final rename runs on the
UI thread, with the book closed for that moment (see ``relbook.db.restore``). After a restore
``restored`` is emitted and the app rebuilds its window over the restored book.
"""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.errors import RelbookError
from relbook.core.settings import SETTINGS, get_setting
from relbook.db import backups, restore
from relbook.db.backups import BackupInfo, BackupPlan
from relbook.db.book import Book
from relbook.db.location import backup_dir
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.operations import read_now
from relbook.ui.operations.settings import save_settings
from relbook.ui.view_guard import guarded
from relbook.ui.worker import JobRunner
from relbook.words import labels

AnyIndex = QModelIndex | QPersistentModelIndex


def shown_time(when: datetime) -> str:
    """A backup's time in the interface locale's short format."""
    moment = QDateTime(
        QDate(when.year, when.month, when.day), QTime(when.hour, when.minute, when.second)
    )
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class BackupListModel(QAbstractTableModel):
    """The backups, newest first: date, reason, size, contacts; the full path as tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[BackupInfo] = []

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    @guarded()
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Reason"), self.tr("Size"), self.tr("Contacts"))[section]

    @guarded()
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return shown_time(row.taken_at)
            if column == 1:
                return labels.backup_reason(row.reason)
            if column == 2:
                return labels.data_size(row.size)
            return "–" if row.contacts is None else QLocale().toString(row.contacts)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.contacts is None:
                return self.tr("%1\nThis file cannot be read.").replace("%1", str(row.path))
            return str(row.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupsDialog(QDialog):
    """Everything about backups in one place; ``restored`` says the book was replaced."""

    restored = Signal()

    def __init__(
        self,
        book: Book,
        runner: JobRunner | None = None,
        parent: QWidget | None = None,
        events: BookEvents | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 600)
        self._book = book
        self._runner = runner or JobRunner(self)
        self._events = events or BookEvents(self, self._runner)
        self.progress: QProgressDialog | None = None
        self.book_replaced = False
        self.loaded = False

        self.model = BackupListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 170, 110)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)

        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.change_button = QPushButton(self.tr("Change folder…"), self)
        self.default_button = QPushButton(self.tr("Use the data folder"), self)
        self.open_button.clicked.connect(self.open_folder)
        self.change_button.clicked.connect(self.change_folder)
        self.default_button.clicked.connect(lambda: self._set_folder(""))
        folder_buttons = QHBoxLayout()
        for button in (self.open_button, self.change_button, self.default_button):
            folder_buttons.addWidget(button)
        folder_buttons.addStretch(1)

        keep_daily, keep_weekly = read_now(
            book,
            lambda session: (
                get_setting(session, "backup.keep_daily"),
                get_setting(session, "backup.keep_weekly"),
            ),
        )
        self.keep_daily = self._spin("backup.keep_daily", keep_daily)
        self.keep_weekly = self._spin("backup.keep_weekly", keep_weekly)
        explain = QLabel(
            self.tr(
                "A backup is taken at the first start of each day and before every upgrade, "
                "import and restore. Of these, the newest of each of the last days and weeks "
                "set here are kept; backups made with Back up now are never deleted."
            ),
            self,
        )
        explain.setWordWrap(True)
        place = QGroupBox(self.tr("Where and how many"), self)
        form = QFormLayout(place)
        form.addRow(self.tr("Folder"), self.folder_label)
        form.addRow("", folder_buttons)
        form.addRow(labels.field("backup.keep_daily"), self.keep_daily)
        form.addRow(labels.field("backup.keep_weekly"), self.keep_weekly)
        form.addRow(explain)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(place)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._show_folder()
        self._update_buttons()
        self.reload()

    # --- settings ------------------------------------------------------------------------
    def _spin(self, key: str, value: int) -> QSpinBox:
        definition = SETTINGS[key]
        spin = QSpinBox(self)
        spin.setRange(definition.minimum or 0, definition.maximum or 9999)
        spin.setValue(value)
        spin.valueChanged.connect(lambda number: self._save_setting(key, number))
        return spin

    def _save_setting(
        self, key: str, value: object, then: Callable[[BookChanges], None] | None = None
    ) -> None:
        """Store one setting in the background; ``then`` once the book has it."""
        change = save_settings(self, self._book, self._events, {key: value}).failure(
            self._show_error, RelbookError
        )
        if then is not None:
            change.success(then)
        change.run()

    def plan(self) -> BackupPlan:
        return backups.book_plan(self._book)

    def _show_folder(self) -> None:
        plan = self.plan()
        self.folder_label.setText(str(plan.folder))
        self.default_button.setEnabled(plan.folder != plan.default_folder)

    def open_folder(self) -> None:
        folder = self.plan().folder
        if folder == backup_dir(self._book.data_dir):
            folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def change_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for backups"), str(self.plan().folder)
        )
        if chosen:
            self.choose_folder(Path(chosen))

    def choose_folder(self, folder: Path) -> None:
        """Use ``folder`` for backups from now on, once it proves writable."""
        try:
            backups.check_folder(folder)
        except RelbookError as problem:
            self._show_error(problem)
            return
        default = backup_dir(self._book.data_dir)
        self._set_folder("" if folder.resolve() == default.resolve() else str(folder.resolve()))

    def _set_folder(self, value: str) -> None:
        self._save_setting("backup.folder", value, lambda _changes: self._folder_set())

    def _folder_set(self) -> None:
        self.error.clear()
        self._show_folder()
        self.reload()

    # --- the list ------------------------------------------------------------------------
    def reload(self) -> None:
        plan = self.plan()
        self.loaded = False
        self._runner.start(lambda _report: backups.list_backups(plan), self._listed, self._failed)

    def _listed(self, rows: list[BackupInfo]) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        busy = self.progress is not None
        chosen = self.selected()
        self.backup_button.setEnabled(not busy)
        self.restore_button.setEnabled(
            not busy
            and not self._book.read_only
            and chosen is not None
            and chosen.contacts is not None
        )

    # --- backing up ----------------------------------------------------------------------
    def back_up_now(self) -> None:
        book, plan, now = self._book, self.plan(), datetime.now()
        self._busy(self.tr("Backing up…"))
        self._runner.start(
            lambda _report: backups.backup_book(book, "manual", now),
            lambda path: self._backed_up(path, plan),
            self._failed,
        )

    def _backed_up(self, path: Path, plan: BackupPlan) -> None:
        self._idle()
        size = labels.data_size(path.stat().st_size)
        message = self.tr("Backup saved to %1 (%2).").replace("%1", str(path)).replace("%2", size)
        if path.parent != plan.folder:
            message += "\n" + self.tr(
                "The backup folder %1 cannot be written; the backup went to the data folder."
            ).replace("%1", str(plan.folder))
        self.status.setText(message)
        self.reload()

    # --- restoring -----------------------------------------------------------------------
    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.restore_button.isEnabled():
            return
        question = (
            self.tr(
                "Restore the book as it was on %1 (%2 contacts)?\n\nThe current book is saved "
                "as a backup first, so you can go back to it."
            )
            .replace("%1", shown_time(chosen.taken_at))
            .replace("%2", str(chosen.contacts))
        )
        answer = QMessageBox.question(self, self.tr("Restore backup"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_from(chosen.path)

    def restore_from(self, source: Path) -> None:
        """Check ``source`` and save the current book in the background, then swap."""
        book, now = self._book, datetime.now()
        self._busy(self.tr("Restoring…"))
        self._runner.start(
            lambda _report: restore.prepare_restore(
                book.db_path, source, backup_dir(book.data_dir), now
            ),
            lambda prepared: self._swap(prepared, now),
            self._failed,
        )

    def _swap(self, prepared: restore.PreparedRestore, now: datetime) -> None:
        try:
            restore.swap_in(self._book, prepared, now)
        except Exception as problem:  # the old book is open again; say what went wrong
            self._failed(problem, "")
            return
        self._idle()
        self.book_replaced = True
        self.accept()
        self.restored.emit()

    # --- progress and errors -------------------------------------------------------------
    def _busy(self, text: str) -> None:
        self.error.clear()
        self.status.clear()
        self.progress = QProgressDialog(text, "", 0, 0, self)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self._update_buttons()

    def _idle(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self._update_buttons()

    def _show_error(self, problem: Exception) -> None:
        message = (
            labels.problem_text(problem) if isinstance(problem, RelbookError) else str(problem)
        )
        self.error.setText(message)

    def _failed(self, problem: Exception, _trace: str) -> None:
        self._idle()
        self._show_error(problem)
        self.loaded = True
