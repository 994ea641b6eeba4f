"""The settings' Opportunities page: the funnel's stages (order, names, default win rates),
the win rates in use, and the out-of-funnel threshold."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.deal_stages import StageEdit
from relbook.core.errors import FieldError, RelbookError, ValidationError
from relbook.core.win_rates import MIN_CLOSED, StageRate
from relbook.db.book import Book
from relbook.ui.editor_widgets import error_label
from relbook.ui.events import BookEvents
from relbook.ui.operations.deal_settings import Funnel, funnel
from relbook.ui.view_guard import guarded
from relbook.words import deal_words, labels

_CODE = Qt.ItemDataRole.UserRole
"""On a row's name cell: the stage's code (None for a stage added here)."""
_BUILT_IN = Qt.ItemDataRole.UserRole + 1
"""On a row's name cell: a built-in stage's translated name, shown until it is renamed."""
NAME, RATE, IN_USE = 0, 1, 2
Index = QModelIndex | QPersistentModelIndex


class _PercentDelegate(QStyledItemDelegate):
    """Default win rates: whole percent from 0 to 100, shown with %."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, 100)
        spin.setSuffix("%")
        return spin

    @guarded(lambda *_args: "")
    def displayText(self, value: object, locale: object) -> str:
        return f"{value}%"


class FunnelPage(QWidget):
    """Edits the stages in place; ``stage_edits`` gives them to the settings' Save, which
    stores them with the other settings. The threshold is an ordinary setting."""

    def __init__(
        self, book: Book, events: BookEvents, min_amount: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._book = book
        self._events = events
        self._initial: list[StageEdit] | None = None
        self._in_use: frozenset[str] = frozenset()
        self._names: dict[str, str] = {}
        """Code -> the name shown when the page was read, for messages about a code."""

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("Default win rate"), self.tr("Win rate in use")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(RATE, _PercentDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(IN_USE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.setMinimumHeight(8 * (self.fontMetrics().height() + 12))

        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.add_button = QPushButton(self.tr("Add stage"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.add_button.clicked.connect(self.add_stage)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = error_label(self, hidden=True)

        explain = QLabel(
            self.tr(
                "Double-click a name or a rate to change it. A stage can be removed only "
                "while no opportunity stands in it or has passed through it."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.rates_note = QLabel(
            self.tr(
                "Win rates are learned from closed opportunities: once %1 that reached a stage "
                "have closed, its rate is the share of them that were won. Until then the "
                "default rate is used."
            ).replace("%1", str(MIN_CLOSED)),
            self,
        )
        self.rates_note.setWordWrap(True)
        self.rates_note.setStyleSheet("color: #607d8b;")
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        stages = QGroupBox(self.tr("Funnel stages"), self)
        stages_layout = QVBoxLayout(stages)
        stages_layout.addWidget(explain)
        stages_layout.addWidget(self.table, 1)
        stages_layout.addLayout(buttons)
        stages_layout.addWidget(self.message)
        stages_layout.addWidget(self.rates_note)

        self.threshold = QSpinBox(self)
        self.threshold.setRange(0, 1_000_000_000)
        self.threshold.setSingleStep(1000)
        self.threshold.setGroupSeparatorShown(True)
        self.threshold.setSuffix(self.tr(" CNY"))
        self.threshold.setValue(min_amount)
        outside = QGroupBox(self.tr("Small orders"), self)
        outside_form = QFormLayout(outside)
        outside_note = QLabel(
            self.tr(
                "Opportunities below this amount are kept out of the funnel (漏斗外): listed, "
                "but counted in neither the pipeline, the forecast nor the learned win rates."
            ),
            outside,
        )
        outside_note.setWordWrap(True)
        outside_form.addRow(outside_note)
        outside_form.addRow(labels.field("deal.funnel_min_amount"), self.threshold)

        layout = QVBoxLayout(self)
        layout.addWidget(stages, 1)
        layout.addWidget(outside)
        self._reading = False
        self._enable()

    def showEvent(self, event: QShowEvent) -> None:
        """The stages are read when the page is first shown, not with the dialog."""
        super().showEvent(event)
        if self._initial is None and not self._reading:
            self.reload()

    def reload(self) -> None:
        """Read the funnel again (in the background) and show it as stored."""
        self._reading = True
        funnel(self, self._book, self._events).finished(self._read_over).success(self._show).run()

    def _read_over(self) -> None:
        self._reading = False

    def loaded(self) -> bool:
        return self._initial is not None

    def _show(self, found: Funnel) -> None:
        self._in_use = found.in_use
        self.table.setRowCount(0)
        for stage in found.stages:
            self._append(stage.code, stage.name, round(stage.default_rate * 100))
            self._show_rate(self.table.rowCount() - 1, found.rates.get(stage.code))
        self._initial = self.stage_edits()
        self._names = {
            stage.code: deal_words.stage_name(stage.code, stage.name) for stage in found.stages
        }
        self._enable()

    def _append(self, code: str | None, name: str, rate: int) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        built_in = deal_words.stage_name(code) if code is not None and not name else ""
        name_item = QTableWidgetItem(name or built_in)
        name_item.setData(_CODE, code)
        name_item.setData(_BUILT_IN, built_in or None)
        if built_in:
            name_item.setToolTip(self.tr("Built-in stage; type a new name to rename it"))
        rate_item = QTableWidgetItem()
        rate_item.setData(Qt.ItemDataRole.EditRole, rate)
        rate_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        in_use = QTableWidgetItem("")
        in_use.setFlags(in_use.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, NAME, name_item)
        self.table.setItem(row, RATE, rate_item)
        self.table.setItem(row, IN_USE, in_use)
        return row

    def _show_rate(self, row: int, rate: StageRate | None) -> None:
        item = self.table.item(row, IN_USE)
        if item is None:
            return
        if rate is None:
            item.setText(self.tr("new"))
            return
        percent = f"{round(rate.rate * 100)}%"
        if rate.source == "learned":
            detail = (
                self.tr("%1 of %2 won").replace("%1", str(rate.won)).replace("%2", str(rate.closed))
            )
        else:
            detail = (
                self.tr("%1 of %2 closed")
                .replace("%1", str(rate.closed))
                .replace("%2", str(MIN_CLOSED))
            )
        item.setText(f"{percent} · {deal_words.rate_source(rate.source)} ({detail})")

    def stage_edits(self) -> list[StageEdit]:
        """The stages as the page shows them: a built-in stage whose name was left as its
        translated words (or emptied) keeps no name of its own."""
        edits = []
        for row in range(self.table.rowCount()):
            name_item = self.table.item(row, NAME)
            rate_item = self.table.item(row, RATE)
            assert name_item is not None and rate_item is not None
            name = name_item.text().strip()
            built_in = name_item.data(_BUILT_IN)
            if built_in and name == built_in:
                name = ""
            rate = int(rate_item.data(Qt.ItemDataRole.EditRole))
            edits.append(StageEdit(name_item.data(_CODE), name, rate / 100))
        return edits

    def changed_stages(self) -> list[StageEdit] | None:
        """The stages to store, or None when nothing changed (or the page is not read yet)."""
        if self._initial is None:
            return None
        edits = self.stage_edits()
        return None if edits == self._initial else edits

    def check(self) -> list[FieldError]:
        """What is wrong before saving: a stage of the user's own left without a name (a
        built-in one emptied takes its words back)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            if item is not None and not item.text().strip() and not item.data(_BUILT_IN):
                return [FieldError("deal_stage_name", "required")]
        return []

    def problem_text(self, problem: RelbookError) -> str:
        """The words for a refused save, naming stages by their names rather than codes."""
        if not isinstance(problem, ValidationError):
            return labels.problem_text(problem)
        lines = []
        for error in problem.errors:
            value = error.params.get("value")
            if error.code == "stage_in_use" and isinstance(value, str):
                error = FieldError(
                    error.field,
                    error.code,
                    {**error.params, "value": self._names.get(value, value)},
                )
            lines.append(labels.error_text(error))
        return "\n".join(lines)

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _select(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentCell(row, NAME)

    def _enable(self) -> None:
        row = self._selected_row()
        count = self.table.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0 and count > 1)
        self.add_button.setEnabled(self._initial is not None)

    def move_selected(self, step: int) -> None:
        """Move the selected stage up (-1) or down (1) the funnel."""
        row = self._selected_row()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        for column in range(self.table.columnCount()):
            mine = self.table.takeItem(row, column)
            theirs = self.table.takeItem(other, column)
            self.table.setItem(row, column, theirs)
            self.table.setItem(other, column, mine)
        self._select(other)
        self.message.hide()

    def add_stage(self) -> None:
        """A new stage at the end, its name ready to type."""
        row = self._append(None, self.tr("New stage"), 50)
        self._show_rate(row, None)
        self._select(row)
        item = self.table.item(row, NAME)
        if item is not None:
            self.table.editItem(item)
        self.message.hide()
        self._enable()

    def remove_selected(self) -> None:
        """Remove the selected stage, unless an opportunity stands in it or passed through
        it (the book would refuse it on Save: say so now)."""
        row = self._selected_row()
        item = self.table.item(row, NAME) if row >= 0 else None
        if item is None:
            return
        code = item.data(_CODE)
        if code is not None and code in self._in_use:
            refused = FieldError("deal_stages", "stage_in_use", {"value": item.text()})
            self.message.setText(labels.error_text(refused))
            self.message.show()
            return
        self.table.removeRow(row)
        self.message.hide()
        if self.table.rowCount():
            self._select(min(row, self.table.rowCount() - 1))
        self._enable()
