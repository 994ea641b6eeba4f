"""Export the contacts in the list (or the selected ones) to CSV, Excel, vCard, ICS or PDF.

The file is built and written in the background behind a progress dialog that can cancel; a
cancelled or failed export leaves no file behind.
"""

import io
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.errors import RelbookError
from relbook.core.settings import get_setting
from relbook.db.book import Book
from relbook.exchange import sheets
from relbook.exchange.files import write_atomic
from relbook.exchange.ics import IcsOptions, build_calendar
from relbook.exchange.pdf import LIST_COLUMNS, ReportText, contact_list_pdf
from relbook.exchange.progress import Cancelled, Report, stage
from relbook.exchange.vcard import export_vcards
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookQuery, read_now
from relbook.ui.operations.settings import save_settings
from relbook.ui.worker import JobRunner
from relbook.words import export_words
from relbook.words.labels import problem_text

FORMATS: tuple[tuple[str, str], ...] = (
    ("xlsx", ".xlsx"),
    ("csv", ".csv"),
    ("pdf", ".pdf"),
    ("vcf3", ".vcf"),
    ("vcf4", ".vcf"),
    ("ics", ".ics"),
)
SHEET_FORMATS = ("xlsx", "csv")
"""The formats whose columns the user picks."""
KEY_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_COLUMN_ROWS = 9
"""Rows the column list shows before it scrolls: the dialog stays compact."""


class ColumnPicker(QWidget):
    """The sheet columns to write, checked, in the order they stand (drag or move up/down)."""

    changed = Signal()

    def __init__(self, words: dict[str, str], chosen: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self._words = words
        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.up = QPushButton(self.tr("Move up"), self)
        self.down = QPushButton(self.tr("Move down"), self)
        self.select_all = QPushButton(self.tr("Select all"), self)
        self.select_none = QPushButton(self.tr("Select none"), self)
        self.default = QPushButton(self.tr("Default"), self)
        self.message = error_label(self, hidden=True)
        buttons = QVBoxLayout()
        for button in (self.up, self.down, self.select_all, self.select_none, self.default):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.up.clicked.connect(lambda: self.move_column(-1))
        self.down.clicked.connect(lambda: self.move_column(1))
        self.select_all.clicked.connect(lambda: self._check_all(True))
        self.select_none.clicked.connect(lambda: self._check_all(False))
        self.default.clicked.connect(lambda: self.set_columns(sheets.EXPORT_COLUMNS))
        self.list.itemChanged.connect(lambda _item: self._changed())
        self.list.model().rowsMoved.connect(lambda *_args: self._changed())
        self.set_columns(chosen)
        frame = 2 * self.list.frameWidth()
        self.list.setMinimumHeight(self.list.sizeHintForRow(0) * VISIBLE_COLUMN_ROWS + frame)

    def set_columns(self, chosen: Sequence[str]) -> None:
        """Check ``chosen`` in that order at the top; the other columns follow, unchecked."""
        picked = [c for c in dict.fromkeys(chosen) if c in sheets.EXPORT_COLUMNS]
        rest = [c for c in sheets.EXPORT_COLUMNS if c not in picked]
        self.list.blockSignals(True)
        self.list.clear()
        for key in picked + rest:
            item = QListWidgetItem(self._words.get(key, key), self.list)
            item.setData(KEY_ROLE, key)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            item.setCheckState(Qt.CheckState.Checked if key in picked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.list.setCurrentRow(0)
        self._changed()

    def columns(self) -> list[str]:
        """The checked column keys, top down: the columns of the file."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [i.data(KEY_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def move_column(self, step: int) -> None:
        """Move the current column one place up (-1) or down (1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._changed()

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)
        self.list.blockSignals(False)
        self._changed()

    def _changed(self) -> None:
        chosen = bool(self.columns())
        self.message.setText("" if chosen else self.tr("Choose at least one column."))
        self.message.setVisible(not chosen)
        self.changed.emit()


def remembered_columns(text: str) -> tuple[str, ...]:
    """The columns kept in the setting, leaving out any this version does not know."""
    known = tuple(c for c in dict.fromkeys(text.split(",")) if c in sheets.EXPORT_COLUMNS)
    return known or sheets.EXPORT_COLUMNS


class ExportDialog(QDialog):
    """Choose what and where; ``done_path`` is set once the file is written."""

    def __init__(
        self,
        book: Book,
        runner: JobRunner,
        shown_ids: list[int],
        selected_ids: list[int],
        language: str,
        parent: QWidget | None = None,
        events: BookEvents | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(520)
        self._book = book
        self._runner = runner
        self._events = events or BookEvents(self, runner)
        self._shown = shown_ids
        self._selected = selected_ids
        self._language = language
        self.done_path: Path | None = None
        self.progress: QProgressDialog | None = None

        self.format = QComboBox(self)
        names = {
            "xlsx": self.tr("Excel workbook (.xlsx)"),
            "csv": self.tr("CSV for Excel (.csv)"),
            "pdf": self.tr("PDF contact list report (.pdf)"),
            "vcf3": self.tr("vCard 3.0 for phones (.vcf)"),
            "vcf4": self.tr("vCard 4.0 (.vcf)"),
            "ics": self.tr("Birthdays and follow-ups calendar (.ics)"),
        }
        for code, _suffix in FORMATS:
            self.format.addItem(names[code], code)
        self.all_shown = QRadioButton(
            self.tr("The %1 contacts in the list").replace("%1", str(len(shown_ids))), self
        )
        self.only_selected = QRadioButton(
            self.tr("The %1 selected contacts").replace("%1", str(len(selected_ids))), self
        )
        self.all_shown.setChecked(True)
        self.only_selected.setEnabled(bool(selected_ids))
        self.path_edit = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        remembered = remembered_columns(
            str(read_now(book, lambda session: get_setting(session, "export.columns")))
        )
        self.columns = ColumnPicker(export_words.sheet_words()[0], remembered, self)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Contacts"), self.all_shown)
        form.addRow("", self.only_selected)
        form.addRow(self.tr("Columns"), self.columns)
        form.addRow(self.tr("File"), path_row)
        self._form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(lambda _index: self._format_changed())
        self.columns.changed.connect(self._update_export_button)
        self._format_changed()

    def _picks_columns(self) -> bool:
        return self.format.currentData() in SHEET_FORMATS

    def _format_changed(self) -> None:
        self._fix_suffix()
        self._form.setRowVisible(self.columns, self._picks_columns())
        self._update_export_button()
        self.adjustSize()  # grow for the column list, shrink back without it

    def _update_export_button(self) -> None:
        """No columns, no sheet: Export waits until one is checked (the list says why)."""
        busy = self.progress is not None
        self.export_button.setEnabled(
            not busy and (not self._picks_columns() or bool(self.columns.columns()))
        )

    def _suffix(self) -> str:
        return dict(FORMATS)[self.format.currentData()]

    def _fix_suffix(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(self._suffix())))

    def _browse(self) -> None:
        start = self.path_edit.text() or str(Path.home() / f"relbook{self._suffix()}")
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), start)
        if chosen:
            self.path_edit.setText(chosen)
            self._fix_suffix()

    def ids(self) -> list[int]:
        return list(self._selected if self.only_selected.isChecked() else self._shown)

    def _builder(self) -> Callable[[Any, Report], bytes]:
        """What to run in the background, from a session; words are taken now, on the UI
        thread."""
        ids, code, language = self.ids(), self.format.currentData(), self._language
        if code in ("vcf3", "vcf4"):
            version = "3.0" if code == "vcf3" else "4.0"

            def vcards(session: Any, _report: Report) -> bytes:
                return export_vcards(session, ids, version, language).encode("utf-8")

            return vcards
        if code == "ics":
            words = export_words.ics_words()
            everyone = not self.only_selected.isChecked() and len(ids) == len(self._shown)

            def calendar(session: Any, _report: Report) -> bytes:
                options = IcsOptions(contact_ids=None if everyone else tuple(ids))
                return build_calendar(session, datetime.now(), options, words)

            return calendar
        header_words, value_words = export_words.sheet_words()
        columns = LIST_COLUMNS if code == "pdf" else tuple(self.columns.columns())
        today = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
        text = ReportText(self.tr("Contact list"), today, self.tr("Page %1 of %2"))

        def table(session: Any, report: Report) -> bytes:
            """Reading the rows is the first half of the bar, writing them the second."""
            headers, rows = sheets.contact_table(
                session, ids, columns, header_words, value_words, stage(report, 0, 2)
            )
            if code == "csv":
                return sheets.write_csv(rows, headers, stage(report, 1, 2))
            if code == "pdf":
                return contact_list_pdf(headers, rows, text)[0]
            buffer = io.BytesIO()
            sheets.write_xlsx(rows, headers, buffer, report=stage(report, 1, 2))
            return buffer.getvalue()

        return table

    def start(self) -> None:
        target = Path(self.path_edit.text().strip()).expanduser()
        if not self.path_edit.text().strip():
            self.error.setText(self.tr("Choose where to save the file."))
            return
        if self._picks_columns():
            chosen = self.columns.columns()
            if not chosen:  # the list already says so, and Export is disabled
                return
            save_settings(
                self, self._book, self._events, {"export.columns": ",".join(chosen)}
            ).run()
        build = self._builder()

        written: list[Path] = []
        self._written = written

        def work(session: Any, report: Report) -> Path | None:
            try:
                data = build(session, report)
            except Cancelled:
                return None
            if not report(1, 1):
                return None
            write_atomic(target, lambda handle: handle.write(data))
            written.append(target)
            return target

        self.export_button.setEnabled(False)
        self.progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        job = (
            BookQuery(self, self._book, self._runner, work, with_report=True)
            .progress(self._progress)
            .cancelled(self._cancelled)
            .success(self._finished)
            .failure(self._failed, Exception)
            .run()
        )
        self.progress.canceled.connect(job.cancel)

    def _progress(self, done: int, total: int) -> None:
        if self.progress is not None and total:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress = None
        self._update_export_button()

    def _finished(self, path: Path | None) -> None:
        self._close_progress()
        if path is not None:
            self.done_path = path
            self.accept()

    def _cancelled(self) -> None:
        if self._written:  # the cancel came after the file was complete: it stays, say so
            self._finished(self._written[0])
            return
        self._close_progress()
        self.error.setText(self.tr("Export cancelled; no file was written."))

    def _failed(self, problem: Exception) -> None:
        self._close_progress()
        message = problem_text(problem) if isinstance(problem, RelbookError) else str(problem)
        self.error.setText(self.tr("The export failed: %1").replace("%1", message))
