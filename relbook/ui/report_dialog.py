"""The PDF reports from the window: a period's activity report, and one contact's dossier.

Each report is built and written in the background behind a progress dialog that can cancel;
a cancelled or failed report leaves no file behind.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.contacts import get_contact
from relbook.core.errors import RelbookError
from relbook.core.reports import (
    PRESETS,
    Period,
    activity_report,
    check_period,
    dossier,
    preset_period,
)
from relbook.db.book import Book
from relbook.exchange.files import write_atomic
from relbook.exchange.pdf_reports import activity_pdf, dossier_pdf
from relbook.ui.editor_widgets import error_label
from relbook.ui.operations import BookQuery, read_now
from relbook.ui.worker import JobRunner
from relbook.words.labels import problem_text
from relbook.words.report_words import report_words

CUSTOM = "custom"


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _today() -> date:
    return _day(QDate.currentDate())


def _first_weekday() -> int:
    """The locale's first day of the week, 0 Monday .. 6 Sunday."""
    return QLocale().firstDayOfWeek().value - 1


def _with_pdf_suffix(text: str) -> Path:
    path = Path(text.strip()).expanduser()
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class PdfJob(QObject):
    """Builds PDF bytes off the UI thread and writes them atomically, behind a progress dialog.

    Exactly one of ``finished`` (the path), ``failed`` (a message) or ``cancelled`` follows.
    """

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, book: Book, runner: JobRunner, parent: QWidget):
        super().__init__(parent)
        self._book = book
        self._runner = runner
        self._parent = parent
        self.progress: QProgressDialog | None = None

    def start(self, build: Callable[[Any], bytes], target: Path) -> None:
        """Make the PDF from what ``build`` reads with the session it is given, in the
        background, and write it to ``target``."""
        written: list[Path] = []
        self._written = written

        def work(session: Any, report: Callable[[int, int], bool]) -> Path | None:
            data = build(session)
            if not report(1, 2):
                return None
            write_atomic(target, lambda handle: handle.write(data))
            written.append(target)
            return target

        self.progress = QProgressDialog(
            self.tr("Making the report…"), self.tr("Cancel"), 0, 0, self._parent
        )
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        job = (
            BookQuery(self, self._book, self._runner, work, with_report=True)
            .cancelled(self._cancelled)
            .success(self._finished)
            .failure(self._failed, Exception)
            .run()
        )
        self.progress.canceled.connect(job.cancel)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress = None

    def _finished(self, path: Path | None) -> None:
        self._close_progress()
        if path is None:
            self.cancelled.emit()
        else:
            self.finished.emit(path)

    def _cancelled(self) -> None:
        if self._written:  # the cancel came after the file was complete: it stays, say so
            self._finished(self._written[0])
            return
        self._close_progress()
        self.cancelled.emit()

    def _failed(self, problem: Exception) -> None:
        self._close_progress()
        self.failed.emit(
            problem_text(problem) if isinstance(problem, RelbookError) else str(problem)
        )


class ActivityReportDialog(QDialog):
    """Pick a period and a file; ``done_path`` is set once the report is written."""

    def __init__(self, book: Book, runner: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Activity report"))
        self.setMinimumWidth(480)
        self._book = book
        self.done_path: Path | None = None
        self.job = PdfJob(book, runner, self)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)

        self.preset = QComboBox(self)
        names = {
            "this_week": self.tr("This week"),
            "last_week": self.tr("Last week"),
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
        }
        for code in PRESETS:
            self.preset.addItem(names[code], code)
        self.preset.addItem(self.tr("Custom period"), CUSTOM)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _day: self._edited())
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit, 1)
        dates.addWidget(self.to_edit, 1)
        self.path_edit = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.preset)
        form.addRow(self.tr("From – to"), dates)
        form.addRow(self.tr("File"), path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = buttons.addButton(
            self.tr("Create PDF"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.preset.currentIndexChanged.connect(lambda _index: self._apply_preset())
        self.preset.setCurrentIndex(self.preset.findData("last_week"))
        self._apply_preset()

    def _apply_preset(self) -> None:
        code = self.preset.currentData()
        if code == CUSTOM:
            return
        period = preset_period(code, _today(), _first_weekday())
        for edit, day in ((self.from_edit, period.start), (self.to_edit, period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _edited(self) -> None:
        """A date typed or picked by hand makes the period a custom one."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
        self.preset.blockSignals(False)

    def period(self) -> Period:
        """The chosen period; ValidationError when it ends before it starts."""
        return check_period(_day(self.from_edit.date()), _day(self.to_edit.date()))

    def browse(self) -> None:
        start, end = _day(self.from_edit.date()), _day(self.to_edit.date())
        suggested = Path.home() / f"relbook-{start.isoformat()}-{end.isoformat()}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the activity report as"),
            self.path_edit.text() or str(suggested),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen:
            self.path_edit.setText(str(_with_pdf_suffix(chosen)))

    def start(self) -> None:
        self.error.clear()
        if not self.path_edit.text().strip():
            self.error.setText(self.tr("Choose where to save the file."))
            return
        try:
            period = self.period()
        except RelbookError as problem:
            self.error.setText(problem_text(problem))
            return
        target = _with_pdf_suffix(self.path_edit.text())
        today = _today()
        words = report_words(today)

        def build(session: Any) -> bytes:
            return activity_pdf(activity_report(session, period, today), words)[0]

        self.create_button.setEnabled(False)
        self.job.start(build, target)

    def _finished(self, path: Path) -> None:
        self.create_button.setEnabled(True)
        self.done_path = path
        self.accept()

    def _cancelled(self) -> None:
        self.create_button.setEnabled(True)
        self.error.setText(self.tr("Cancelled; no file was written."))

    def _failed(self, message: str) -> None:
        self.create_button.setEnabled(True)
        self.error.setText(self.tr("The report could not be made: %1").replace("%1", message))


class DossierExport(QObject):
    """Asks where to save one contact's dossier, then writes it in the background.

    ``written`` carries the path once the file is there; a failure is shown in ``error_box``.
    """

    written = Signal(object)

    def __init__(self, book: Book, runner: JobRunner, parent: QWidget):
        super().__init__(parent)
        self._book = book
        self._parent = parent
        self.job = PdfJob(book, runner, parent)
        self.job.finished.connect(self.written.emit)
        self.job.failed.connect(self._failed)
        self.error_box: QMessageBox | None = None

    def run(self, contact_id: int) -> bool:
        """False when the contact is gone or no file was chosen."""
        try:
            name = read_now(self._book, lambda session: get_contact(session, contact_id).name)
        except RelbookError:
            return False
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Save the dossier as"),
            str(Path.home() / f"{name}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return False
        today = _today()
        words = report_words(today)

        def build(session: Any) -> bytes:
            return dossier_pdf(dossier(session, contact_id, today), words)[0]

        self.job.start(build, _with_pdf_suffix(chosen))
        return True

    def _failed(self, message: str) -> None:
        self.error_box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Dossier PDF"),
            self.tr("The dossier could not be made: %1").replace("%1", message),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        self.error_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box.open()
