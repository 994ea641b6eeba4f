"""Import a phone's vCard file, an Excel / CSV sheet or a relbook archive, preview first.

Reading, previewing and writing all run in the background behind a cancellable progress dialog.
The preview lists every record (new, or a likely duplicate with merge / skip / add) and every
record that cannot be imported with its reason; confirming writes the chosen records in one
transaction, cancelling writes nothing.
"""

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relbook.core.errors import RelbookError
from relbook.db.book import Book
from relbook.exchange import import_run, importer
from relbook.exchange.importer import ImportResult
from relbook.ui.column_mapping_dialog import ColumnMappingDialog
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.import_preview_model import ACTION, ActionDelegate, PreviewModel
from relbook.ui.worker import JobRunner
from relbook.words import import_words
from relbook.words.labels import problem_text

ENCODINGS: tuple[tuple[str, str], ...] = (
    ("", "Automatic"),
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 / GBK"),
    ("utf-16", "UTF-16"),
    ("big5", "Big5"),
)
"""Text encodings offered when the guess is wrong (names of encodings are not translated)."""


def import_file_filter(tr: Callable[[str], str]) -> str:
    """The open-file dialog's filter list."""
    return ";;".join(
        (
            tr("Contacts (*.vcf *.vcard *.csv *.tsv *.txt *.xlsx *.xlsm *.json)"),
            tr("vCard from a phone (*.vcf *.vcard)"),
            tr("Excel (*.xlsx *.xlsm)"),
            tr("CSV (*.csv *.tsv *.txt)"),
            tr("relbook archive (*.json)"),
            tr("All files (*)"),
        )
    )


class ImportDialog(QDialog):
    """Preview and import one file; ``outcome`` is set once records are written."""

    imported = Signal(object)

    def __init__(
        self, book: Book, runner: JobRunner, events: BookEvents, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import contacts"))
        self.resize(980, 620)
        self._book = book
        self._runner = runner
        self._events = events
        self.loaded: import_run.LoadedFile | None = None
        self.outcome: import_run.Outcome | None = None
        self.progress: QProgressDialog | None = None
        self._busy = False

        self.file_label = QLabel(self.tr("No file chosen"), self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        self.encoding = QComboBox(self)
        for code, name in ENCODINGS:
            self.encoding.addItem(self.tr("Automatic") if not code else name, code)
        self.encoding.setToolTip(self.tr("Change this when names show as garbled characters"))
        self.encoding.activated.connect(lambda _i: self._reload())
        self.columns_button = QPushButton(self.tr("Columns…"), self)
        self.columns_button.setToolTip(self.tr("Choose what each column of the sheet holds"))
        self.columns_button.clicked.connect(self.edit_columns)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:"), self))
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        top.addWidget(QLabel(self.tr("Encoding:"), self))
        top.addWidget(self.encoding)
        top.addWidget(self.columns_button)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")

        self.model = PreviewModel(self)
        self.model.dataChanged.connect(lambda *_: self._update_summary())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ACTION, ActionDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((80, 100, 150, 130, 240, 170)):
            self.table.setColumnWidth(column, width)
        self.details = QLabel(self)
        """The warnings of the record chosen in the table, one per line, in full."""
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_details(current.row())
        )
        self.model.modelReset.connect(lambda: self._show_details(-1))
        self.problems = QListWidget(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("Records"))
        self.tabs.addTab(self.problems, self.tr("Cannot be imported"))

        self.view = QComboBox(self)
        for code, text in (
            ("all", self.tr("All records")),
            ("new", self.tr("New contacts")),
            ("duplicates", self.tr("Likely duplicates")),
            ("notes", self.tr("Records with warnings")),
        ):
            self.view.addItem(text, code)
        self.view.currentIndexChanged.connect(
            lambda _i: self.model.set_view(self.view.currentData())
        )
        self.duplicates = QComboBox(self)
        for code, text in (
            ("merge", self.tr("Merge into the existing contact (fill empty fields)")),
            ("skip", self.tr("Skip")),
            ("add", self.tr("Add as new contacts")),
        ):
            self.duplicates.addItem(text, code)
        self.duplicates.activated.connect(
            lambda _i: self.model.set_all_duplicates(self.duplicates.currentData())
        )
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Show:"), self))
        options.addWidget(self.view)
        options.addStretch(1)
        options.addWidget(QLabel(self.tr("All likely duplicates:"), self))
        options.addWidget(self.duplicates)

        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update_controls()

    # --- choosing and reading -----------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.loaded.path.parent) if self.loaded else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import from"), start, import_file_filter(self.tr)
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        """Read ``path`` in the background and show its preview."""
        self._path = path
        self.file_label.setText(str(path))
        self.loaded = None
        self.model.set_preview(None, "merge")
        self.problems.clear()
        self.summary.setText(self.tr("Reading the file…"))
        self.error.clear()
        book, encoding = self._book, self.encoding.currentData() or None

        def work(report: import_run.Report) -> import_run.LoadedFile | None:
            loaded = import_run.load(book, path, encoding=encoding)
            return loaded if report(1, 1) else None

        self._run(work, self.tr("Reading %1…").replace("%1", path.name), self._show_loaded)

    def _reload(self) -> None:
        if getattr(self, "_path", None) is not None and not self._busy:
            self.load(self._path)

    def edit_columns(self) -> ColumnMappingDialog | None:
        """Open the column mapping; accepting it reads the sheet again with the new mapping."""
        source = self._source()
        if source is None or source.table is None:
            return None
        dialog = ColumnMappingDialog(source.table, source.mapping, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._remap(dialog.mapping()))
        self.mapping_dialog = dialog
        dialog.open()
        return dialog

    def _remap(self, mapping: dict[int, str]) -> None:
        source, loaded, book = self._source(), self.loaded, self._book
        if source is None or loaded is None:
            return
        today = date.today()

        def work(report: import_run.Report) -> import_run.LoadedFile | None:
            remapped = importer.with_mapping(source, mapping, today)
            preview = import_run.preview_source(book, remapped)
            new = import_run.LoadedFile(loaded.path, loaded.data, preview=preview)
            return new if report(1, 1) else None

        self._run(work, self.tr("Reading the sheet again…"), self._show_loaded)

    def _source(self) -> importer.ImportSource | None:
        if self.loaded is None or self.loaded.preview is None:
            return None
        return self.loaded.preview.source

    def _show_loaded(self, loaded: import_run.LoadedFile | None) -> None:
        if loaded is None:
            self.summary.setText(self.tr("Reading was cancelled."))
            return
        self.loaded = loaded
        self.problems.clear()
        if loaded.preview is not None:
            source = loaded.preview.source
            self.model.set_preview(loaded.preview, self.duplicates.currentData())
            self.problems.addItems(
                [import_words.problem_line(source.unit, p) for p in source.problems]
            )
            self.tabs.setTabText(
                0, self.tr("Records (%1)").replace("%1", str(len(source.candidates)))
            )
            self.tabs.setTabText(
                1, self.tr("Cannot be imported (%1)").replace("%1", str(len(source.problems)))
            )
        self._update_summary()
        self._update_controls()

    def _show_details(self, row: int) -> None:
        """Under the table: what was left out of the chosen record and kept in its note."""
        if row < 0 or row >= self.model.rowCount():
            self.details.clear()
            return
        item = self.model.item(row)
        said = [import_words.warning_text(w) for w in item.candidate.warnings]
        if not said:
            self.details.clear()
            return
        unit = self.model.preview.source.unit if self.model.preview else "row"
        where = import_words.position_text(unit, item.candidate.position)
        self.details.setText(f"{where} {item.candidate.contact.name}:\n" + "\n".join(said))

    # --- summary and controls -----------------------------------------------------------
    def _update_summary(self) -> None:
        loaded = self.loaded
        if loaded is None or self.outcome is not None:
            return
        if loaded.archive is not None:
            lead = (
                self.tr("A relbook archive. Importing it into this empty book makes a copy:")
                if loaded.archive.mode == "copy"
                else self.tr("A relbook archive. Importing merges it into this book:")
            )
            self.summary.setText(lead + "\n" + import_words.archive_summary(loaded.archive))
            return
        assert loaded.preview is not None
        counts = self.model.counts()
        text = (
            self.tr("%1 new, %2 likely duplicates, %3 cannot be imported.")
            .replace("%1", str(len(loaded.preview.new)))
            .replace("%2", str(len(loaded.preview.duplicates)))
            .replace("%3", str(len(self._blocked())))
        )
        warned = len(loaded.preview.source.warned)
        if warned:
            text += " " + self.tr(
                "%1 have values that cannot be used: they are imported with those values kept "
                "in their notes (see Warnings)."
            ).replace("%1", str(warned))
        shared = len(loaded.preview.shared)
        if shared:
            text += " " + self.tr(
                "%1 of the new have the landline of someone of another name; they are added "
                "unless you choose to merge them."
            ).replace("%1", str(shared))
        will = (
            self.tr("Importing will add %1, merge %2 and skip %3.")
            .replace("%1", str(counts["add"]))
            .replace("%2", str(counts["merge"]))
            .replace("%3", str(counts["skip"]))
        )
        source = loaded.preview.source
        not_imported = import_words.not_imported_text(source.not_imported, source.empty_columns)
        if not_imported:
            will += "\n" + not_imported + " " + self.tr("Use Columns… to import them.")
        self.summary.setText(text + " " + will)

    def _blocked(self) -> list[importer.SourceProblem]:
        """Problems of records that were not read at all (not just noted)."""
        if self.loaded is None or self.loaded.preview is None:
            return []
        source = self.loaded.preview.source
        positions = {c.position for c in source.candidates}
        return [p for p in source.problems if p.position not in positions]

    def _update_controls(self) -> None:
        loaded, done = self.loaded, self.outcome is not None
        has_records = bool(
            loaded and (loaded.archive is not None or (loaded.preview and loaded.preview.items))
        )
        is_table = bool(self._source() and self._source().table is not None)  # type: ignore[union-attr]
        self.import_button.setEnabled(has_records and not self._busy and not done)
        self.import_button.setVisible(not done)
        self.choose_button.setEnabled(not self._busy and not done)
        self.columns_button.setVisible(is_table)
        self.columns_button.setEnabled(is_table and not self._busy and not done)
        archive = bool(loaded and loaded.archive is not None)
        self.encoding.setEnabled(not archive and not self._busy and not done)
        self.tabs.setVisible(not archive)
        for widget in (self.view, self.duplicates):
            widget.setEnabled(not archive and not done)

    # --- writing ------------------------------------------------------------------------
    def start_import(self) -> None:
        loaded = self.loaded
        if loaded is None or self._busy:
            return
        book, now = self._book, datetime.now()
        committed: list[import_run.Outcome] = []
        self._committed = committed
        if loaded.archive is not None:
            data, name = loaded.data, loaded.path.name

            def work(report: import_run.Report) -> import_run.Outcome | None:
                return import_run.apply_archive(
                    book, data, name, now=now, report=report, committed=committed.append
                )

        else:
            preview, actions = loaded.preview, dict(self.model.actions)
            assert preview is not None

            def work(report: import_run.Report) -> import_run.Outcome | None:
                return import_run.apply(
                    book,
                    preview,
                    per_candidate=actions,
                    now=now,
                    report=report,
                    committed=committed.append,
                )

        self._run(work, self.tr("Importing…"), self._imported)

    def _imported(self, outcome: import_run.Outcome | None) -> None:
        if outcome is None:
            self.error.setText(self.tr("The import was cancelled; nothing was written."))
            return
        self.outcome = outcome
        result = outcome.result
        if isinstance(result, ImportResult):
            source = self._source()
            warned = importer.written_with_warnings(source, result) if source else 0
            text = import_words.result_summary(
                len(result.created),
                len(result.merged),
                len(result.skipped),
                len(result.failed),
                warned,
            )
            if warned:  # the records whose notes now hold what could not be used
                self.view.setCurrentIndex(self.view.findData("notes"))
            unit = source.unit if source else "row"
            self.problems.addItems([import_words.problem_line(unit, p) for p in result.failed])
            if result.failed:
                self.tabs.setCurrentIndex(1)
        else:
            text = import_words.archive_summary(result)
        if outcome.backup is not None:
            text += "\n" + self.tr("The book was backed up first to %1").replace(
                "%1", str(outcome.backup)
            )
        self.summary.setText(text)
        self.error.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self._update_controls()
        self._events.emit_changes(outcome.changes)
        self.imported.emit(outcome)

    # --- background ---------------------------------------------------------------------
    def _run(self, work: Callable[[import_run.Report], Any], label: str, done: Callable) -> None:
        self._busy = True
        self._update_controls()
        self.progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)

        def progress(done_count: int, total: int) -> None:
            if self.progress is not None and total:
                self.progress.setMaximum(total)
                self.progress.setValue(done_count)

        def finished(result: Any) -> None:
            self._settle()
            done(result)

        def cancelled() -> None:
            self._settle()
            # A cancel that arrived after the commit: the records are written all the same.
            written = getattr(self, "_committed", [])
            done(written[0] if written and done == self._imported else None)

        def failed(problem: Exception, _trace: str) -> None:
            self._settle()
            message = problem_text(problem) if isinstance(problem, RelbookError) else str(problem)
            self.error.setText(message)
            if self.loaded is None:
                self.summary.clear()

        job = self._runner.start(work, finished, failed, progress, cancelled)
        self.progress.canceled.connect(job.cancel)

    def _settle(self) -> None:
        self._busy = False
        if self.progress is not None:
            self.progress.reset()
            self.progress = None
        self._update_controls()

    def reject(self) -> None:
        if self._busy:
            return
        super().reject()
