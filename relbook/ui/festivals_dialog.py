"""Edit the festival list: switch festivals on or off, add your own, choose who gets greetings."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook.core.enums import CalendarKind, FestivalRule
from relbook.core.errors import RelbookError, ValidationError
from relbook.core.festival_book import (
    AUDIENCE_TIERS,
    FestivalInput,
    FestivalRecord,
    list_festivals,
)
from relbook.core.festivals import NO_TIER
from relbook.db.book import Book
from relbook.ui.editor_widgets import error_label, split_tags
from relbook.ui.events import BookEvents
from relbook.ui.operations import BookOp, accept_when_saved, read_now
from relbook.ui.operations.settings import remove_festival, save_festival
from relbook.words import labels, reminder_words

KINDS: tuple[str, ...] = (
    CalendarKind.LUNAR,
    CalendarKind.SOLAR,
    FestivalRule.SOLAR_TERM,
    FestivalRule.WEEKDAY,
)
"""What a festival falls on, as the editor offers it: a lunar or solar date (``FestivalRule``
``date`` with that calendar), a solar term, or the n-th weekday of a month."""


def kind_words() -> dict[str, str]:
    return {
        CalendarKind.LUNAR: QCoreApplication.translate("Festivals", "Lunar date"),
        CalendarKind.SOLAR: QCoreApplication.translate("Festivals", "Solar date"),
        FestivalRule.SOLAR_TERM: QCoreApplication.translate("Festivals", "Solar term"),
        FestivalRule.WEEKDAY: QCoreApplication.translate("Festivals", "Weekday of a month"),
    }


def ordinal_words() -> dict[int, str]:
    """Which week: the fifth, kept on the fourth in months with four, is the last."""
    return {
        1: QCoreApplication.translate("Festivals", "1st"),
        2: QCoreApplication.translate("Festivals", "2nd"),
        3: QCoreApplication.translate("Festivals", "3rd"),
        4: QCoreApplication.translate("Festivals", "4th"),
        5: QCoreApplication.translate("Festivals", "last"),
    }


def kind_of(data: FestivalInput) -> str:
    return data.calendar if data.rule == FestivalRule.DATE else data.rule


def when_text(data: FestivalInput) -> str:
    """The festival's day as its rule gives it: 4-5, "month 12, last day", 清明, "2nd Sunday
    of May"."""
    if data.rule == FestivalRule.SOLAR_TERM:
        return labels.solar_term(data.solar_term)
    if data.rule == FestivalRule.WEEKDAY:
        locale = QLocale()
        return (
            QCoreApplication.translate("Festivals", "%1 %2 of %3")
            .replace("%1", ordinal_words().get(data.week or 0, ""))
            .replace("%2", locale.dayName(data.weekday or 1))
            .replace("%3", locale.monthName(data.month))
        )
    if data.last_day:
        last_day = QCoreApplication.translate("FestivalsDialog", "month %1, last day")
        return last_day.replace("%1", str(data.month))
    return f"{data.month}-{data.day}"


def tier_word(tier: str) -> str:
    return QCoreApplication.translate("Festivals", "no tier yet") if tier == NO_TIER else tier


def festival_label(record: FestivalRecord) -> str:
    return record.data.name or reminder_words.festival_name(record.code or "")


class FestivalEditor(QDialog):
    """One festival: the day it falls on and its audience (tiers, stages, tags; empty means
    everyone). The kind of day shows its own inputs: month and day, a solar term, or which
    weekday of which month."""

    def __init__(self, record: FestivalRecord | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Festival"))
        data = record.data if record else FestivalInput("solar", 1, 1, name="")
        built_in = record is not None and record.code is not None
        self.name = QLineEdit(festival_label(record) if record else "", self)
        self.name.setReadOnly(built_in)
        self.kind = QComboBox(self)
        for code, word in kind_words().items():
            self.kind.addItem(word, code)
        self.month = QSpinBox(self)
        self.month.setRange(1, 12)
        self.month.setValue(data.month)
        self.day = QSpinBox(self)
        self.day.setRange(1, 31)
        self.day.setValue(data.day)
        self.last_day = QCheckBox(self.tr("Last day of the month (like New Year's Eve)"), self)
        self.last_day.setChecked(data.last_day)
        self.solar_term = QComboBox(self)
        for code, word in labels.choices("solar_term").items():
            self.solar_term.addItem(word, code)
        self.solar_term.setCurrentIndex(max(0, self.solar_term.findData(data.solar_term)))
        self.week = QComboBox(self)
        for number, word in ordinal_words().items():
            self.week.addItem(word, number)
        self.week.setCurrentIndex(max(0, self.week.findData(data.week)))
        locale = QLocale()
        self.weekday = QComboBox(self)
        for number in range(1, 8):
            self.weekday.addItem(locale.dayName(number), number)
        self.weekday.setCurrentIndex(max(0, self.weekday.findData(data.weekday or 7)))
        self.week_month = QComboBox(self)
        for number in range(1, 13):
            self.week_month.addItem(locale.monthName(number), number)
        self.week_month.setCurrentIndex(data.month - 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._row(self.month, self.day, self.last_day))
        self.pages.addWidget(self._row(self.solar_term))
        # month first, as 五月第二个星期日 says it; the list says "2nd Sunday of May"
        self.pages.addWidget(self._row(self.week_month, self.week, self.weekday))
        self.kind.currentIndexChanged.connect(self._show_kind)
        self.kind.setCurrentIndex(self.kind.findData(kind_of(data)))
        self._show_kind()
        self.tiers = {tier: QCheckBox(tier_word(tier), self) for tier in AUDIENCE_TIERS}
        for tier, box in self.tiers.items():
            box.setChecked(tier in data.tiers)
        self.stages = {
            code: QCheckBox(word, self) for code, word in labels.choices("stage").items()
        }
        for code, box in self.stages.items():
            box.setChecked(code in data.stages)
        self.tags = QLineEdit(", ".join(data.tags), self)
        self.tags.setPlaceholderText(self.tr("Any tag"))
        self.enabled = QCheckBox(self.tr("Remind me of this festival"), self)
        self.enabled.setChecked(data.enabled)
        self.error = error_label(self)

        tier_row = QHBoxLayout()
        for box in self.tiers.values():
            tier_row.addWidget(box)
        tier_row.addStretch(1)
        stage_row = QHBoxLayout()
        for box in self.stages.values():
            stage_row.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(labels.field("festival_rule"), self.kind)
        form.addRow(self.tr("Date"), self.pages)
        form.addRow(
            QLabel(self.tr("Greet contacts who are (leave a row empty for everyone):"), self)
        )
        form.addRow(labels.field("tier"), tier_row)
        form.addRow(labels.field("stage"), stage_row)
        form.addRow(labels.field("tags"), self.tags)
        form.addRow("", self.enabled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._built_in = built_in
        self.save: Callable[[], BookOp[Any]] | None = None
        """The change OK makes; the editor closes once the book has it."""

    def accept(self) -> None:
        if self.save is None:
            super().accept()
        else:
            accept_when_saved(self, self.save(), self._not_saved)

    def _not_saved(self, problem: Exception) -> None:
        assert isinstance(problem, RelbookError)
        self.error.setText(labels.problem_text(problem))

    def _row(self, *widgets: QWidget) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return page

    def _show_kind(self) -> None:
        kind = self.kind.currentData()
        pages = {FestivalRule.SOLAR_TERM: 1, FestivalRule.WEEKDAY: 2}
        self.pages.setCurrentIndex(pages.get(kind, 0))
        self.last_day.setVisible(kind == CalendarKind.LUNAR)

    def value(self) -> FestivalInput:
        kind = self.kind.currentData()
        rule = kind if kind in (FestivalRule.SOLAR_TERM, FestivalRule.WEEKDAY) else "date"
        weekday_rule = rule == FestivalRule.WEEKDAY
        return FestivalInput(
            calendar=kind if rule == FestivalRule.DATE else CalendarKind.SOLAR.value,
            month=self.week_month.currentData() if weekday_rule else self.month.value(),
            day=self.day.value(),
            name="" if self._built_in else self.name.text(),
            last_day=kind == CalendarKind.LUNAR and self.last_day.isChecked(),
            enabled=self.enabled.isChecked(),
            tiers=tuple(t for t, box in self.tiers.items() if box.isChecked()),
            stages=tuple(s for s, box in self.stages.items() if box.isChecked()),
            tags=tuple(split_tags(self.tags.text())),
            rule=rule,
            solar_term=self.solar_term.currentData() if rule == FestivalRule.SOLAR_TERM else "",
            week=self.week.currentData() if weekday_rule else None,
            weekday=self.weekday.currentData() if weekday_rule else None,
        )

    def show_problem(self, problem: ValidationError) -> None:
        self._not_saved(problem)


class FestivalsDialog(QDialog):
    """The whole list; changes are saved as soon as each festival's editor is confirmed."""

    def __init__(self, book: Book, parent: QWidget | None = None, events: BookEvents | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Festivals"))
        self.resize(760, 520)
        self._book = book
        self._events = events or BookEvents(self)
        self._records: list[FestivalRecord] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Festival"),
                labels.field("festival_rule"),
                self.tr("Date"),
                self.tr("Who gets greetings"),
                self.tr("On"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add festival…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self._records = read_now(self._book, list_festivals)
        self.table.setRowCount(len(self._records))
        for index, record in enumerate(self._records):
            data = record.data
            audience = [
                "/".join(tier_word(t) for t in data.tiers) or self.tr("any tier"),
                "/".join(labels.stage(s) for s in data.stages) or self.tr("any stage"),
            ]
            if data.tags:
                audience.append(", ".join(data.tags))
            cells = [
                festival_label(record),
                kind_words().get(kind_of(data), ""),
                when_text(data),
                " · ".join(audience),
                "✓" if data.enabled else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(index, column, item)

    def _selected(self) -> FestivalRecord | None:
        row = self.table.currentRow()
        return self._records[row] if 0 <= row < len(self._records) else None

    def _run_editor(self, record: FestivalRecord | None) -> None:
        editor = FestivalEditor(record, self)
        festival_id = None if record is None else record.id
        editor.save = lambda: save_festival(
            editor, self._book, self._events, festival_id, editor.value()
        )
        editor.exec()
        self.reload()

    def add(self) -> None:
        self._run_editor(None)

    def edit_selected(self) -> None:
        record = self._selected()
        if record is not None:
            self._run_editor(record)

    def remove_selected(self) -> None:
        record = self._selected()
        if record is None:
            return
        remove_festival(self, self._book, self._events, record.id).success(
            lambda _changes: self.reload()
        ).run()
