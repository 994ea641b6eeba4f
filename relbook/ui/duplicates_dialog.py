"""Find duplicates: the likely pairs of the whole book, compared side by side, merged or set
aside. The scan runs in the background and can be cancelled; a merge can be undone from the
trash."""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.changes import BookChanges
from relbook.core.duplicate_facts import HISTORY_KINDS, ContactFacts
from relbook.core.duplicates import DuplicatePair
from relbook.core.errors import RelbookError
from relbook.db.book import Book
from relbook.ui.date_text import calendar_date_text
from relbook.ui.duplicates_model import DuplicatePairsModel, side_text
from relbook.ui.events import BookEvents
from relbook.ui.operations.duplicates import (
    dismiss_pair,
    merge_contacts,
    pair_facts,
    scan_duplicates,
)
from relbook.ui.worker import Job
from relbook.words import labels

Facts = tuple[ContactFacts, ContactFacts] | None


def _profile_rows() -> list[tuple[str, Callable[[ContactFacts], str]]]:
    """(label, the value in words) for each line of the comparison."""

    def birthday(facts: ContactFacts) -> str:
        day = facts.data.birthday()
        return calendar_date_text(day.as_calendar_date()) if day else ""

    return [
        (labels.field("name"), lambda f: f.data.name),
        (labels.field("company"), lambda f: f.data.company),
        (labels.field("department"), lambda f: f.data.department),
        (labels.field("title"), lambda f: f.data.title),
        (labels.field("phones"), lambda f: ", ".join(p.number for p in f.data.phones)),
        (labels.field("email"), lambda f: f.data.email),
        (labels.field("wechat"), lambda f: f.data.wechat),
        (labels.field("qq"), lambda f: f.data.qq),
        (labels.field("address"), lambda f: f.data.address),
        (labels.field("gender"), lambda f: labels.gender(f.data.gender)),
        (labels.field("stage"), lambda f: labels.stage(f.data.stage)),
        (labels.field("level"), lambda f: labels.level_with_number(f.data.level)),
        (labels.field("tier"), lambda f: f.tier or ""),
        (labels.field("tags"), lambda f: ", ".join(f.data.tags)),
        (labels.field("birthday"), birthday),
        (
            labels.field("family"),
            lambda f: ", ".join(f"{m.name} ({labels.relation(m.relation)})" for m in f.data.family),
        ),
        (labels.field("source"), lambda f: labels.source(f.data.source) if f.data.source else ""),
        (labels.field("notes"), lambda f: f.data.notes),
    ]


class DuplicatesDialog(QDialog):
    """Lists likely pairs; Merge keeps the chosen contact with everything of both."""

    open_contact_requested = Signal(int)

    def __init__(self, book: Book, events: BookEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._scan: Job | None = None
        self._shown: tuple[int, int] | None = None
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(1280, 680)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.rescan_button = QPushButton(self.tr("Scan again"))
        self.rescan_button.clicked.connect(self.scan)
        self.cancel_button.clicked.connect(self.cancel_scan)
        self.show_weak = QCheckBox(self.tr("Show possible pairs (similar names)"))
        self.show_weak.setChecked(True)
        self.show_weak.toggled.connect(self._toggle_weak)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.show_weak)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.rescan_button)

        self.model = DuplicatePairsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 170, 200)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

        self.compare = QTreeWidget()
        self.compare.setColumnCount(3)
        self.compare.setRootIsDecorated(False)
        self.compare.setAlternatingRowColors(True)
        self.compare.setWordWrap(True)
        self.compare.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.compare.header().setStretchLastSection(True)
        self.compare.setColumnWidth(0, 140)
        self.compare.setColumnWidth(1, 210)
        self.compare.itemDoubleClicked.connect(self._open_from_compare)
        self.keep_first = QRadioButton()
        self.keep_second = QRadioButton()
        self.keep_group = QButtonGroup(self)
        self.keep_group.addButton(self.keep_first)
        self.keep_group.addButton(self.keep_second)
        self.keep_first.setChecked(True)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Keep:")))
        keep_row.addWidget(self.keep_first)
        keep_row.addWidget(self.keep_second)
        keep_row.addStretch(1)
        self.hint = QLabel(
            self.tr(
                "Merging keeps everything from both: the kept contact gets the other's "
                "phones, tags, family, special days and whole history, and its empty fields "
                "are filled from the other. The other goes to the trash; restoring it from "
                "there undoes the merge."
            )
        )
        self.hint.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.dismiss_button = QPushButton(self.tr("Not duplicates"))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.merge_button.clicked.connect(self.merge_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.skip_button.clicked.connect(self.skip)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.merge_button, self.dismiss_button, self.skip_button):
            actions.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.compare, 1)
        right_layout.addLayout(keep_row)
        right_layout.addWidget(self.hint)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 620])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._update_buttons()
        self.scan()

    # --- scanning -----------------------------------------------------------------------
    def scan(self) -> None:
        """Look through the whole book in the background."""
        self.status.setText(self.tr("Looking for duplicates…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.rescan_button.setEnabled(False)
        job = (
            scan_duplicates(self, self._book, self._events)
            .progress(self._scan_progress)
            .cancelled(self._scan_cancelled)
            .success(self._scanned)
            .finished(self._scan_over)
            .run()
        )
        self._scan = job

    def cancel_scan(self) -> None:
        if self._scan is not None:
            self._scan.cancel()

    def _scan_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _scan_over(self) -> None:
        self._scan = None
        self.progress.hide()
        self.cancel_button.hide()
        self.rescan_button.setEnabled(True)

    def _scan_cancelled(self) -> None:
        self.status.setText(self.tr("The search was cancelled."))

    def _scanned(self, pairs: list[DuplicatePair] | None) -> None:
        if pairs is None:
            self._scan_cancelled()
            return
        self.model.set_pairs(pairs)
        self._count_text()
        if pairs:
            self._select(0)
        else:
            self._show_current()

    def _toggle_weak(self, show: bool) -> None:
        pair = self.current_pair()
        self.model.set_show_weak(show)
        rows = [r for r in range(self.model.rowCount()) if pair and self.model.pair(r) == pair]
        self._shown = None
        self._select(rows[0] if rows else 0)

    def _count_text(self) -> None:
        strong = self.model.strong_count()
        weak = len(self.model.found) - strong
        if strong + weak == 0:
            self.status.setText(self.tr("No likely duplicates in the book."))
            return
        self.status.setText(
            self.tr("%1 likely and %2 possible duplicate pairs.")
            .replace("%1", str(strong))
            .replace("%2", str(weak))
        )

    # --- the current pair ---------------------------------------------------------------
    def current_pair(self) -> DuplicatePair | None:
        return self.model.pair(self.table.currentIndex().row())

    def _select(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self._show_current()
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show_current()

    def _update_buttons(self) -> None:
        pair = self.current_pair()
        for button in (self.merge_button, self.dismiss_button, self.skip_button):
            button.setEnabled(pair is not None)
        self.keep_first.setEnabled(pair is not None)
        self.keep_second.setEnabled(pair is not None)

    def _show_current(self) -> None:
        pair = self.current_pair()
        self._update_buttons()
        if pair is None:
            self._shown = None
            self.compare.clear()
            self.keep_first.setText("")
            self.keep_second.setText("")
            return
        if self._shown == pair.ids:
            return
        self._shown = pair.ids
        self.keep_first.setText(f"{side_text(pair.first)} (#{pair.first.id})")
        self.keep_second.setText(f"{side_text(pair.second)} (#{pair.second.id})")
        self.keep_first.setChecked(True)
        self.compare.setHeaderLabels(["", pair.first.name, pair.second.name])
        wanted = pair.ids
        pair_facts(self, self._book, self._events, *wanted).success(
            lambda facts: self._fill_compare(wanted, facts)
        ).run()

    def _fill_compare(self, ids: tuple[int, int], facts: Facts) -> None:
        if ids != self._shown:
            return  # another pair was chosen meanwhile
        self.compare.clear()
        if facts is None:
            self.status.setText(self.tr("One of the two is no longer in the book."))
            self.model.drop(pair=ids)
            self._shown = None
            self._select(self.table.currentIndex().row())
            return
        first, second = facts
        bold = QFont()
        bold.setBold(True)
        rows = [(label, show(first), show(second)) for label, show in _profile_rows()]
        history_words = self._history_words()
        rows += [
            (history_words[kind], str(first.history[kind]), str(second.history[kind]))
            for kind in HISTORY_KINDS
        ]
        for label, left, right in rows:
            item = QTreeWidgetItem([label, left, right])
            item.setData(1, Qt.ItemDataRole.UserRole, first.id)
            item.setData(2, Qt.ItemDataRole.UserRole, second.id)
            if left and right and left != right:
                item.setFont(1, bold)
                item.setFont(2, bold)
            self.compare.addTopLevelItem(item)

    def _history_words(self) -> dict[str, str]:
        return {
            "interactions": self.tr("Interactions"),
            "gifts": self.tr("Gifts"),
            "opportunities": self.tr("Opportunities"),
            "purchases": self.tr("Purchases"),
            "tasks": self.tr("Follow-ups"),
            "expiries": self.tr("Expiries"),
            "referrals": self.tr("Referrals"),
        }

    def _open_from_compare(self, item: QTreeWidgetItem, column: int) -> None:
        contact_id = item.data(max(column, 1), Qt.ItemDataRole.UserRole)
        if contact_id is not None:
            self.open_contact_requested.emit(int(contact_id))

    # --- acting on it -------------------------------------------------------------------
    def merge_current(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        kept, other = (
            (pair.first, pair.second) if self.keep_first.isChecked() else (pair.second, pair.first)
        )
        row = self.table.currentIndex().row()
        self.merge_button.setEnabled(False)

        def merged(_changes: BookChanges) -> None:
            self.model.drop(other.id, pair=pair.ids)
            self._shown = None
            self._select(row)
            self.status.setText(
                self.tr(
                    "%1 was merged into %2. %1 is in the trash: restore it there to undo the merge."
                )
                .replace("%1", other.name)
                .replace("%2", kept.name)
            )

        merge_contacts(self, self._book, self._events, kept.id, other.id, datetime.now()).success(
            merged
        ).failure(lambda problem: self._failed(pair, row, problem)).finished(
            self._update_buttons
        ).run()

    def dismiss_current(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        row = self.table.currentIndex().row()

        def dismissed(_changes: BookChanges) -> None:
            self.model.drop(pair=pair.ids)
            self._shown = None
            self._select(row)
            self._count_text()

        dismiss_pair(
            self, self._book, self._events, pair.first.id, pair.second.id, datetime.now()
        ).success(dismissed).failure(lambda problem: self._failed(pair, row, problem)).run()

    def skip(self) -> None:
        """On to the next pair; this one stays for another time."""
        row = self.table.currentIndex().row()
        if row + 1 < self.model.rowCount():
            self._select(row + 1)

    def _failed(self, pair: DuplicatePair, row: int, problem: Exception) -> None:
        """A contact went away meanwhile (deleted elsewhere): say so and drop the pair."""
        if isinstance(problem, RelbookError):
            self.status.setText(labels.problem_text(problem))
        self.model.drop(pair=pair.ids)
        self._shown = None
        self._select(row)
