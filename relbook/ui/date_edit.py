"""A solar-or-lunar special date editor that shows the same day in the other calendar."""

from datetime import date
from typing import cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from relbook.core import calendar
from relbook.core.contact_input import DateInput
from relbook.core.enums import CalendarKind, DateKind, Recurrence
from relbook.ui.date_text import lunar_text, next_text, solar_text
from relbook.words import labels

WARNING_STYLE = "color: #c62828;"


def fill_combo(combo: QComboBox, choices: dict[str, str]) -> None:
    """Words shown, codes kept as item data."""
    for code, word in choices.items():
        combo.addItem(word, code)


def select_code(combo: QComboBox, code: object) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


class SpecialDateEdit(QWidget):
    """One date, possibly without a year; the label beside it catches impossible lunar days.

    With ``show_kind`` the user also picks what the day is (wedding, custom with a name, ...)
    and whether it recurs; otherwise those are kept from ``set_value``.
    """

    changed = Signal()

    def __init__(self, show_kind: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._kept = DateInput(month=1, day=1)
        self._show_kind = show_kind
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = 0
        if show_kind:
            layout.addLayout(self._build_kind_row(), row, 0, 1, 2)
            row += 1
        layout.addLayout(self._build_date_row(), row, 0)
        self.other_label = QLabel()
        self.other_label.setWordWrap(True)
        self.other_label.setMinimumWidth(120)
        self.other_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.other_label, row, 1)
        layout.setColumnStretch(1, 1)
        for signal in (
            self.calendar_combo.currentIndexChanged,
            self.year_known.toggled,
            self.year_spin.valueChanged,
            self.month_spin.valueChanged,
            self.day_spin.valueChanged,
            self.leap_check.toggled,
        ):
            signal.connect(self._on_edit)
        self._sync_controls()
        self._update_other()

    def _build_kind_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind_combo = QComboBox()
        fill_combo(self.kind_combo, labels.choices("date_kind"))
        self.kind_combo.setToolTip(self.tr("What the day is"))
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.tr("Name of the day"))
        self.recurrence_combo = QComboBox()
        fill_combo(self.recurrence_combo, labels.choices("recurrence"))
        row.addWidget(self.kind_combo)
        row.addWidget(self.label_edit, 1)
        row.addWidget(self.recurrence_combo)
        self.kind_combo.currentIndexChanged.connect(self._on_edit)
        self.label_edit.textEdited.connect(self._on_edit)
        self.recurrence_combo.currentIndexChanged.connect(self._on_edit)
        return row

    def _build_date_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.calendar_combo = QComboBox()
        fill_combo(self.calendar_combo, labels.choices("calendar"))
        self.calendar_combo.setToolTip(self.tr("Calendar"))
        self.year_known = QCheckBox(self.tr("Year known"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1900, 2100)
        self.year_spin.setValue(QDate.currentDate().year())
        self.year_spin.setToolTip(self.tr("Year"))
        self.month_spin = QSpinBox()
        self.month_spin.setRange(1, 12)
        self.month_spin.setPrefix(self.tr("Month "))
        self.day_spin = QSpinBox()
        self.day_spin.setRange(1, 31)
        self.day_spin.setPrefix(self.tr("Day "))
        self.leap_check = QCheckBox(self.tr("Leap month"))
        for widget in (
            self.calendar_combo,
            self.year_known,
            self.year_spin,
            self.month_spin,
            self.day_spin,
            self.leap_check,
        ):
            row.addWidget(widget)
        return row

    def value(self) -> DateInput:
        lunar = self.calendar_combo.currentData() == CalendarKind.LUNAR
        kept = self._kept
        return DateInput(
            month=self.month_spin.value(),
            day=self.day_spin.value(),
            year=self.year_spin.value() if self.year_known.isChecked() else None,
            calendar=self.calendar_combo.currentData(),
            leap=lunar and self.leap_check.isChecked(),
            kind=self.kind_combo.currentData() if self._show_kind else kept.kind,
            recurrence=self.recurrence_combo.currentData() if self._show_kind else kept.recurrence,
            label=self.label_edit.text() if self._show_kind else kept.label,
        )

    def set_value(self, value: DateInput) -> None:
        self._kept = value
        widgets = [
            self.calendar_combo,
            self.year_known,
            self.year_spin,
            self.month_spin,
            self.day_spin,
            self.leap_check,
        ]
        if self._show_kind:
            widgets += [self.kind_combo, self.label_edit, self.recurrence_combo]
        for widget in widgets:
            widget.blockSignals(True)
        select_code(self.calendar_combo, value.calendar)
        self.year_known.setChecked(value.year is not None)
        if value.year is not None:
            self.year_spin.setValue(value.year)
        self.month_spin.setValue(value.month)
        self._sync_controls()
        self.day_spin.setValue(value.day)
        self.leap_check.setChecked(value.leap)
        if self._show_kind:
            select_code(self.kind_combo, value.kind)
            self.label_edit.setText(value.label)
            select_code(self.recurrence_combo, value.recurrence)
        for widget in widgets:
            widget.blockSignals(False)
        self._sync_controls()
        self._update_other()

    def _on_edit(self) -> None:
        self._sync_controls()
        self._update_other()
        self.changed.emit()

    def _sync_controls(self) -> None:
        """Lunar months have at most 30 days and may be leap; solar ones neither."""
        lunar = self.calendar_combo.currentData() == CalendarKind.LUNAR
        self.day_spin.setMaximum(30 if lunar else 31)
        self.leap_check.setEnabled(lunar)
        self.year_spin.setEnabled(self.year_known.isChecked())
        if self._show_kind:
            self.label_edit.setEnabled(self.kind_combo.currentData() == DateKind.CUSTOM)

    def _field_name(self) -> str:
        kind = self.kind_combo.currentData() if self._show_kind else self._kept.kind
        return "birthday" if kind == DateKind.BIRTHDAY else "dates"

    def _update_other(self) -> None:
        value = self.value().as_calendar_date()
        errors = calendar.validate(value, self._field_name())
        if errors:
            self.other_label.setText("\n".join(labels.error_text(e) for e in errors))
            self.other_label.setStyleSheet(WARNING_STYLE)
            return
        self.other_label.setStyleSheet("")
        self.other_label.setText(self._other_calendar_text(value))

    def _other_calendar_text(self, value: calendar.CalendarDate) -> str:
        if value.calendar == CalendarKind.LUNAR:
            if value.year is not None:
                solar = calendar.lunar_to_solar(value.year, value.month, value.day, value.leap)
                return self.tr("Solar %1").replace("%1", solar_text(solar))
            today = cast(date, QDate.currentDate().toPython())
            upcoming = calendar.next_occurrence(value, Recurrence.YEARLY, today)
            return next_text(upcoming) if upcoming else ""
        if value.year is None:
            return ""
        try:
            lunar = calendar.solar_to_lunar(date(value.year, value.month, value.day))
        except ValueError:
            return ""
        return lunar_text(lunar)
