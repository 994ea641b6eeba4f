"""Edit the festival list: switch festivals on or off, add your own, choose who gets greetings."""

from PySide6.QtCore import Qt
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relbook import labels, reminder_words
from relbook.book import Book
from relbook.core.errors import ValidationError
from relbook.core.festival_book import (
    FestivalInput,
    FestivalRecord,
    add_festival,
    list_festivals,
    remove_festival,
    update_festival,
)
from relbook.ui.editor_widgets import error_label, split_tags


def festival_label(record: FestivalRecord) -> str:
    return record.data.name or reminder_words.festival_name(record.code or "")


class FestivalEditor(QDialog):
    """One festival: its date and its audience (tiers, stages, tags; empty means everyone)."""

    def __init__(self, record: FestivalRecord | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Festival"))
        data = record.data if record else FestivalInput("solar", 1, 1, name="")
        built_in = record is not None and record.code is not None
        self.name = QLineEdit(festival_label(record) if record else "", self)
        self.name.setReadOnly(built_in)
        self.calendar = QComboBox(self)
        for code, word in labels.choices("calendar").items():
            self.calendar.addItem(word, code)
        self.calendar.setCurrentIndex(self.calendar.findData(data.calendar))
        self.month = QSpinBox(self)
        self.month.setRange(1, 12)
        self.month.setValue(data.month)
        self.day = QSpinBox(self)
        self.day.setRange(1, 31)
        self.day.setValue(data.day)
        self.last_day = QCheckBox(self.tr("Last day of the month (like New Year's Eve)"), self)
        self.last_day.setChecked(data.last_day)
        self.tiers = {tier: QCheckBox(tier, self) for tier in ("A", "B", "C")}
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

        date_row = QHBoxLayout()
        for widget in (self.calendar, self.month, self.day):
            date_row.addWidget(widget)
        tier_row = QHBoxLayout()
        for box in self.tiers.values():
            tier_row.addWidget(box)
        tier_row.addStretch(1)
        stage_row = QHBoxLayout()
        for box in self.stages.values():
            stage_row.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Date (month, day)"), date_row)
        form.addRow("", self.last_day)
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

    def value(self) -> FestivalInput:
        return FestivalInput(
            calendar=self.calendar.currentData(),
            month=self.month.value(),
            day=self.day.value(),
            name="" if self._built_in else self.name.text(),
            last_day=self.last_day.isChecked(),
            enabled=self.enabled.isChecked(),
            tiers=tuple(t for t, box in self.tiers.items() if box.isChecked()),
            stages=tuple(s for s, box in self.stages.items() if box.isChecked()),
            tags=tuple(split_tags(self.tags.text())),
        )

    def show_problem(self, problem: ValidationError) -> None:
        self.error.setText(labels.problem_text(problem))


class FestivalsDialog(QDialog):
    """The whole list; changes are saved as soon as each festival's editor is confirmed."""

    def __init__(self, book: Book, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Festivals"))
        self.resize(760, 520)
        self._book = book
        self._records: list[FestivalRecord] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Festival"),
                labels.field("calendar"),
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
        with self._book.session() as session:
            self._records = list_festivals(session)
        self.table.setRowCount(len(self._records))
        for index, record in enumerate(self._records):
            data = record.data
            if data.last_day:
                when = self.tr("month %1, last day").replace("%1", str(data.month))
            else:
                when = f"{data.month}-{data.day}"
            audience = [
                "/".join(data.tiers) or self.tr("any tier"),
                "/".join(labels.stage(s) for s in data.stages) or self.tr("any stage"),
            ]
            if data.tags:
                audience.append(", ".join(data.tags))
            cells = [
                festival_label(record),
                labels.calendar(data.calendar),
                when,
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
        while editor.exec():
            try:
                with self._book.session() as session:
                    if record is None:
                        add_festival(session, editor.value())
                    else:
                        update_festival(session, record.id, editor.value())
            except ValidationError as problem:
                editor.show_problem(problem)
                continue
            break
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
        with self._book.session() as session:
            remove_festival(session, record.id)
        self.reload()
