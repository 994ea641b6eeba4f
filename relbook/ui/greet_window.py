"""The Greet window: a festival's greeting person by person; copy each one, mark them sent.

Opened from a festival reminder (the popup's "Greet…", a festival line in Today). The
recipients and their greetings are read off the UI thread (the core's ``greeting_sheet``);
marking many sent runs there too, with progress, and the window then tells the other screens
through ``BookEvents`` what changed.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.errors import RelbookError
from relbook.core.festival_greetings import GreetingSheet, greeting_sheet
from relbook.core.festivals import NO_TIER
from relbook.core.reminders import FestivalAudience
from relbook.db.book import Book
from relbook.ui.events import BookEvents
from relbook.ui.greet_model import (
    COPY,
    GREETING,
    NAME,
    SALUTATION,
    SENT,
    STAGE,
    TIER,
    WHY,
    CopyButtonDelegate,
    GreetFilter,
    GreetModel,
    GreetRow,
    greet_rows,
    listed,
)
from relbook.ui.operations import BookQuery
from relbook.ui.operations.reminders import Greeted
from relbook.ui.operations.reminders import mark_sent as mark_greetings_sent
from relbook.ui.worker import JobRunner
from relbook.words import labels, reminder_words

RELOAD_DELAY_MS = 400
"""A change made elsewhere (a greeting moved to the trash, a template edited) reloads the
list after this pause, once for a burst of changes."""


def long_day(day: date) -> str:
    """The day in the locale's long form without the weekday ("2027年9月15日",
    "September 15, 2027")."""
    locale = QLocale()
    form = locale.dateFormat(QLocale.FormatType.LongFormat).replace("dddd", "").strip(" ,")
    return locale.toString(QDate(day.year, day.month, day.day), form)


class GreetWindow(QWidget):
    """Non-modal; one per festival day. ``code`` is a festival code as ``festival_by_code``
    takes it, ``day`` the day greeted (its solar year is the year greetings count for)."""

    def __init__(
        self,
        book: Book,
        events: BookEvents,
        runner: JobRunner,
        code: str,
        day: date,
        language: str,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self._book = book
        self._events = events
        self._runner = runner
        self.code = code
        self.day = day
        self._language = language
        self._clock = clock
        self.sheet: GreetingSheet | None = None
        self._loading = False
        self._busy = False
        self._closed = False
        """Closed while work was running: its results are not shown (the window is gone)."""
        self._worded_on: date | None = None
        """The day the greetings were worded for ("tomorrow" is only right on that day)."""
        self.progress: QProgressDialog | None = None
        self.resize(1100, 640)
        self.setWindowTitle(self.tr("Greet: %1").replace("%1", self._festival_word()))

        self.title = QLabel(self._festival_word(), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.audience = QLabel(self)
        self.audience.setWordWrap(True)
        self.counts = QLabel(self.tr("Reading the recipients…"), self)

        self.filter_box = QLineEdit(self)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(self.tr("Filter by name or pinyin"))
        self.show_sent = QCheckBox(self.tr("Show those already sent"), self)
        self.show_sent.setChecked(True)

        self.model = GreetModel(self)
        self.proxy = GreetFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        # fixed heights and widths: measuring thousands of rows would stall the window
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (NAME, 90),
            (SALUTATION, 90),
            (TIER, 40),
            (STAGE, 80),
            (WHY, 170),
            (SENT, 100),
            (COPY, 70),
            (GREETING, 400),
        ):
            self.table.setColumnWidth(column, width)
        self.copy_delegate = CopyButtonDelegate(self.table)
        self.copy_delegate.clicked.connect(self._copy_clicked)
        self.table.setItemDelegateForColumn(COPY, self.copy_delegate)
        self.table.doubleClicked.connect(lambda index: self.copy_row(self._source_row(index)))

        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet("color: #37474f; padding: 4px;")
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #2e7d32;")

        self.copy_action = QAction(self.tr("Copy greeting"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_current)
        self.table.addAction(self.copy_action)
        self.copy_button = QPushButton(self.tr("Copy greeting"), self)
        self.copy_button.setToolTip(
            self.tr("Copy the current person's greeting (%1, or double-click the row)").replace(
                "%1", self.copy_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.copy_button.clicked.connect(self.copy_current)
        self.mark_button = QPushButton(self.tr("Mark sent"), self)
        self.mark_button.setToolTip(self.tr("Log the greeting as sent to the selected people"))
        self.mark_button.clicked.connect(self.mark_selected)
        self.mark_all_button = QPushButton(self.tr("Mark all not yet sent…"), self)
        self.mark_all_button.clicked.connect(self.mark_all)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)

        self.filter_box.textChanged.connect(self._filter_changed)
        self.show_sent.toggled.connect(self._show_sent_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_controls())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_controls())

        tools = QHBoxLayout()
        tools.addWidget(self.filter_box, 1)
        tools.addWidget(self.show_sent)
        actions = QHBoxLayout()
        for button in (self.copy_button, self.mark_button, self.mark_all_button):
            actions.addWidget(button)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.audience)
        layout.addWidget(self.counts)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)
        layout.addLayout(actions)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.load)
        events.changed.connect(self._book_changed)
        self._update_controls()
        self.load()

    # --- words -----------------------------------------------------------------------------
    def _festival_word(self) -> str:
        if self.sheet is not None and self.sheet.festival.name:
            return self.sheet.festival.name
        return reminder_words.festival_name(self.code)

    def _audience_text(self, audience: FestivalAudience) -> str:
        """Who the festival's greeting goes to, from its audience's rules."""
        tiers = [tier for tier in audience.tiers if tier != NO_TIER]
        if not audience.tiers:
            parts = [self.tr("any tier")]
        elif tiers and NO_TIER in audience.tiers:
            parts = [self.tr("tiers %1 and contacts with no tier yet").replace("%1", listed(tiers))]
        elif tiers:
            parts = [self.tr("tiers %1").replace("%1", listed(tiers))]
        else:
            parts = [self.tr("only contacts with no tier yet")]
        if audience.stages:
            stages = listed(labels.stage(stage) for stage in audience.stages)
            parts.append(self.tr("stages %1").replace("%1", stages))
        else:
            parts.append(self.tr("any stage"))
        if audience.tags:
            parts.append(self.tr("tagged %1").replace("%1", listed(audience.tags)))
        return self.tr("Who gets it: %1").replace("%1", self.tr("; ").join(parts))

    def _update_counts(self) -> None:
        total, sent, shown = self.model.rowCount(), self.model.sent_count(), self.proxy.rowCount()
        if shown == total:
            text = self.tr("%1 recipients, %2 already sent")
        else:
            text = self.tr("%1 recipients, %2 already sent, %3 shown")
        self.counts.setText(
            text.replace("%1", str(total)).replace("%2", str(sent)).replace("%3", str(shown))
        )

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Read the recipients and their greetings in the background, worded for today."""
        if self._loading or self._busy:
            self._reload_timer.start()
            return
        self._loading = True
        self._update_controls()
        book, code, day, language = self._book, self.code, self.day, self._language
        on = self._clock().date()
        names = {code: reminder_words.festival_name(code)}

        def work(session: Any) -> tuple[GreetingSheet, list[GreetRow]]:
            sheet = greeting_sheet(session, code, day, on, language, names)
            return sheet, greet_rows(sheet)

        self._worded_on = on
        BookQuery(self, book, self._runner, work).success(self._loaded).failure(
            self._load_failed, Exception
        ).run()

    def _loaded(self, result: tuple[GreetingSheet, list[GreetRow]]) -> None:
        self._loading = False
        if self._closed:
            return
        current = self.current_row()
        self.sheet, rows = result
        self.model.set_rows(rows)
        title = f"{self._festival_word()} · {long_day(self.day)}"
        self.title.setText(title)
        self.setWindowTitle(self.tr("Greet: %1").replace("%1", title))
        self.audience.setText(self._audience_text(self.sheet.audience))
        if current is not None:
            self.select_contacts([current.contact_id])
        elif self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, NAME))
        self._update_counts()
        self._update_controls()

    def _load_failed(self, problem: Exception) -> None:
        self._loading = False
        if self._closed:
            return
        self.counts.setText(problem_words(problem, self.tr("The recipients could not be read: %1")))
        self._update_controls()

    def _book_changed(self, changes: BookChanges) -> None:
        """Another screen changed the book: greetings logged or trashed, contacts edited,
        templates changed. Reload, once for a burst."""
        if self._events.source is self or self._closed:
            return
        if (
            changes.history
            or changes.contacts
            or changes.trash
            or changes.settings
            or changes.festivals
            or changes.tags
            or changes.contact_ids
        ):
            self._reload_timer.start()

    # --- rows ------------------------------------------------------------------------------
    def _source_row(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        return self.proxy.mapToSource(index).row()

    def current_row(self) -> GreetRow | None:
        row = self._source_row(self.table.currentIndex())
        return None if row is None else self.model.row(row)

    def selected_rows(self) -> list[GreetRow]:
        rows = sorted(
            {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        )
        return [self.model.row(row) for row in rows]

    def select_contacts(self, contact_ids: list[int]) -> None:
        """Select these recipients' rows (those the filter shows), the first one current."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = True
        for contact_id in contact_ids:
            row = self.model.row_of(contact_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, NAME))
            if not index.isValid():
                continue
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            if first:
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                first = False
            else:
                selection.select(index, flags)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_counts()
        self._update_controls()

    def _show_sent_changed(self, show: bool) -> None:
        self.proxy.set_show_sent(show)
        self._update_counts()
        self._update_controls()

    def _update_controls(self) -> None:
        ready = self.sheet is not None and not self._busy
        current = self.current_row()
        self.copy_button.setEnabled(ready and current is not None)
        self.copy_action.setEnabled(ready and current is not None)
        self.mark_button.setEnabled(ready and any(not r.sent for r in self.selected_rows()))
        self.mark_all_button.setEnabled(ready and bool(self._unsent_shown()))
        self.preview.setText(current.greeting if current is not None else "")

    def _unsent_shown(self) -> list[GreetRow]:
        """The recipients not greeted yet that the filter text lets through."""
        text = self.proxy.text
        return [r for r in self.model.rows() if not r.sent and (not text or text in r.search)]

    # --- copying ---------------------------------------------------------------------------
    def _copy_clicked(self, index: QModelIndex) -> None:
        self.table.setCurrentIndex(index)
        self.copy_row(self._source_row(index))

    def copy_current(self) -> None:
        self.copy_row(self._source_row(self.table.currentIndex()))

    def copy_row(self, row: int | None) -> None:
        """Put that person's greeting on the clipboard, for WeChat or a text message."""
        if row is None or self.sheet is None:
            return
        person = self.model.row(row)
        QGuiApplication.clipboard().setText(person.greeting)
        self.status.setText(
            self.tr("Copied the greeting for %1.").replace("%1", person.salutation or person.name)
        )

    # --- marking sent ----------------------------------------------------------------------
    def mark_selected(self) -> None:
        self.mark_sent([row.contact_id for row in self.selected_rows() if not row.sent])

    def mark_all(self) -> None:
        unsent = self._unsent_shown()
        if not unsent:
            return
        question = self.tr("Log the %1 greeting as sent to the %2 people not yet sent?")
        question = question.replace("%1", self._festival_word()).replace("%2", str(len(unsent)))
        if self.proxy.text:
            question += "\n" + self.tr("Only those the filter shows are marked.")
        if self.confirm(question):
            self.mark_sent([row.contact_id for row in unsent])

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Mark sent"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def mark_sent(self, contact_ids: list[int]) -> None:
        """Log the greeting as sent to these contacts in the background, with progress when
        it takes a while; then show them sent and tell the other screens."""
        if not contact_ids or self.sheet is None or self._busy:
            return
        code, year = self.sheet.festival.code, self.sheet.year
        now = self._clock().replace(second=0, microsecond=0)
        ids = list(contact_ids)
        self._busy = True
        self._update_controls()
        self.progress = QProgressDialog(
            self.tr("Logging the greetings…"), self.tr("Cancel"), 0, len(ids), self
        )
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)

        def progress(done: int, total: int) -> None:
            if self.progress is not None and total:
                self.progress.setMaximum(total)
                self.progress.setValue(done)

        def cancelled() -> None:
            if not self._closed:
                self._settle()
                self.status.setText(self.tr("Cancelled; nobody was marked sent."))

        job = (
            mark_greetings_sent(self, self._book, self._events, code, year, ids, now)
            .progress(progress)
            .cancelled(cancelled)
            .success(self._marked)
            .failure(self._mark_failed, Exception)
            .run()
        )
        self.progress.canceled.connect(job.cancel)

    def _marked(self, result: Greeted) -> None:
        if self._closed:
            return
        self._settle()
        self.model.set_sent(result.greeted)
        self.proxy.refilter()
        self.status.setText(
            self.tr("Marked %1 people sent.").replace("%1", str(len(result.changes.contact_ids)))
        )
        self._update_counts()
        self._update_controls()

    def _mark_failed(self, problem: Exception) -> None:
        if self._closed:
            return
        self._settle()
        self.status.setText(problem_words(problem, self.tr("Nothing was marked: %1")))

    def _settle(self) -> None:
        self._busy = False
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self._update_controls()

    def changeEvent(self, event: QEvent) -> None:
        """Coming back to the window on another day words the greetings for that day."""
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self._worded_on is not None
            and self._clock().date() != self._worded_on
        ):
            self.load()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:  # marking runs to its end (or its cancel); closing waits for it
            event.ignore()
            return
        self._closed = True
        self._reload_timer.stop()
        super().closeEvent(event)


def problem_words(problem: Exception, template: str) -> str:
    """A failure in the user's words when it is one of the book's errors."""
    detail = labels.problem_text(problem) if isinstance(problem, RelbookError) else str(problem)
    return template.replace("%1", detail)
