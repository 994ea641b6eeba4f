"""The pipeline report from the window: every opportunity and the sales forecast for a period,
as PDF or as an Excel workbook, written in the background like the other reports."""

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relbook.core.deal_reports import pipeline_report
from relbook.core.errors import RelbookError
from relbook.core.forecast import quarter_of
from relbook.core.reports import Period, check_period
from relbook.db.book import Book
from relbook.exchange.pdf_deals import pipeline_pdf
from relbook.exchange.pipeline_sheet import write_pipeline_xlsx
from relbook.ui.editor_widgets import error_label
from relbook.ui.report_dialog import PdfJob
from relbook.ui.worker import JobRunner
from relbook.words.labels import problem_text
from relbook.words.report_words import report_words

CUSTOM = "custom"
PRESETS = ("this_quarter", "next_quarter", "last_quarter")
SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx"}
_DAY = timedelta(days=1)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _today() -> date:
    return _day(QDate.currentDate())


def preset_quarter(code: str, today: date) -> Period:
    """This, next or last calendar quarter."""
    start, end = quarter_of(today)
    if code == "next_quarter":
        start, end = quarter_of(end + _DAY)
    elif code == "last_quarter":
        start, end = quarter_of(start - _DAY)
    return Period(start, end)


def _with_suffix(text: str, kind: str) -> Path:
    path = Path(text.strip()).expanduser()
    suffix = SUFFIXES[kind]
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class PipelineReportDialog(QDialog):
    """Pick the forecast's period, PDF or Excel, and a file; ``done_path`` is set once the
    report is written."""

    def __init__(self, book: Book, runner: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pipeline report"))
        self.setMinimumWidth(480)
        self.done_path: Path | None = None
        self.job = PdfJob(book, runner, self)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)

        self.preset = QComboBox(self)
        names = {
            "this_quarter": self.tr("This quarter"),
            "next_quarter": self.tr("Next quarter"),
            "last_quarter": self.tr("Last quarter"),
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
        self.format = QComboBox(self)
        self.format.addItem(self.tr("PDF (.pdf)"), "pdf")
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format.currentIndexChanged.connect(lambda _index: self._format_changed())
        self.path_edit = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Forecast period"), self.preset)
        form.addRow(self.tr("From – to"), dates)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = buttons.addButton(
            self.tr("Create report"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.preset.currentIndexChanged.connect(lambda _index: self._apply_preset())
        self._apply_preset()

    def kind(self) -> str:
        """``pdf`` or ``xlsx``."""
        return str(self.format.currentData())

    def _apply_preset(self) -> None:
        code = self.preset.currentData()
        if code == CUSTOM:
            return
        period = preset_quarter(code, _today())
        for edit, day in ((self.from_edit, period.start), (self.to_edit, period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _edited(self) -> None:
        """A date typed or picked by hand makes the period a custom one."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
        self.preset.blockSignals(False)

    def _format_changed(self) -> None:
        """A file already chosen follows the format: report.pdf becomes report.xlsx."""
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower() in SUFFIXES.values():
                path = path.with_suffix("")
            self.path_edit.setText(str(_with_suffix(str(path), self.kind())))

    def period(self) -> Period:
        """The chosen period; ValidationError when it ends before it starts."""
        return check_period(_day(self.from_edit.date()), _day(self.to_edit.date()))

    def browse(self) -> None:
        kind = self.kind()
        suggested = Path.home() / f"relbook-pipeline-{_today().isoformat()}{SUFFIXES[kind]}"
        filters = {
            "pdf": self.tr("PDF files (*.pdf)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
        }
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the pipeline report as"),
            self.path_edit.text() or str(suggested),
            filters[kind],
        )
        if chosen:
            self.path_edit.setText(str(_with_suffix(chosen, kind)))

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
        kind = self.kind()
        target = _with_suffix(self.path_edit.text(), kind)
        today = _today()
        words = report_words(today)

        def build(session: Any) -> bytes:
            report = pipeline_report(session, today, period.start, period.end)
            if kind == "pdf":
                return pipeline_pdf(report, words)[0]
            buffer = io.BytesIO()
            write_pipeline_xlsx(report, words, buffer)
            return buffer.getvalue()

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
