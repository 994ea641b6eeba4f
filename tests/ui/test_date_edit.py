"""The special date editor: values, the other-calendar label and its warnings."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from pytestqt.qtbot import QtBot

from relbook.core.calendar import CalendarDate, next_occurrence, solar_to_lunar, validate
from relbook.core.contact_input import DateInput
from relbook.core.enums import CalendarKind, DateKind, Recurrence
from relbook.ui.date_edit import WARNING_STYLE, SpecialDateEdit, select_code
from relbook.ui.date_text import lunar_text, next_text, solar_text
from relbook.words import labels


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def make(qtbot: QtBot, show_kind: bool = False) -> SpecialDateEdit:
    widget = SpecialDateEdit(show_kind=show_kind)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def enter(widget: SpecialDateEdit, calendar: str, year: int | None, month: int, day: int) -> None:
    """Set the controls one by one, as a user would."""
    select_code(widget.calendar_combo, calendar)
    if (year is not None) != widget.year_known.isChecked():
        widget.year_known.click()
    if year is not None:
        widget.year_spin.setValue(year)
    widget.month_spin.setValue(month)
    widget.day_spin.setValue(day)


def test_lunar_date_with_year_shows_its_solar_day(qtbot: QtBot) -> None:
    widget = make(qtbot)
    with qtbot.waitSignal(widget.changed):
        enter(widget, CalendarKind.LUNAR, 2027, 1, 1)
    assert solar_text(date(2027, 2, 6)) in widget.other_label.text()
    assert widget.other_label.text().startswith("Solar ")
    assert widget.value() == DateInput(month=1, day=1, year=2027, calendar=CalendarKind.LUNAR)


def test_solar_date_with_year_shows_its_lunar_date(qtbot: QtBot) -> None:
    widget = make(qtbot)
    enter(widget, CalendarKind.SOLAR, 2026, 11, 24)
    lunar = solar_to_lunar(date(2026, 11, 24))
    assert widget.other_label.text() == lunar_text(lunar)
    assert widget.other_label.text() == f"Lunar 2026-{lunar.month:02d}-{lunar.day:02d}"


def test_yearless_lunar_date_shows_next_occurrence(qtbot: QtBot) -> None:
    widget = make(qtbot)
    enter(widget, CalendarKind.LUNAR, None, 8, 15)
    today = QDate.currentDate().toPython()
    upcoming = next_occurrence(CalendarDate(CalendarKind.LUNAR, 8, 15), Recurrence.YEARLY, today)
    assert upcoming is not None
    assert widget.other_label.text() == next_text(upcoming)
    assert widget.value().year is None


def test_impossible_lunar_day_is_explained_in_warning_style(qtbot: QtBot) -> None:
    widget = make(qtbot)
    enter(widget, CalendarKind.LUNAR, 2026, 2, 30)
    expected = validate(CalendarDate(CalendarKind.LUNAR, 2, 30, 2026), "birthday")
    assert expected and widget.other_label.text() == labels.error_text(expected[0])
    assert widget.other_label.styleSheet() == WARNING_STYLE
    widget.day_spin.setValue(29)
    assert widget.other_label.styleSheet() == ""


def test_leap_month_only_for_lunar_and_day_limit(qtbot: QtBot) -> None:
    widget = make(qtbot)
    enter(widget, CalendarKind.SOLAR, None, 1, 31)
    assert not widget.leap_check.isEnabled()
    select_code(widget.calendar_combo, CalendarKind.LUNAR)
    assert widget.leap_check.isEnabled()
    assert widget.day_spin.value() == 30
    qtbot.mouseClick(widget.leap_check, Qt.MouseButton.LeftButton)
    widget.year_known.click()
    widget.year_spin.setValue(2025)
    widget.month_spin.setValue(6)
    widget.day_spin.setValue(1)
    assert widget.value().leap is True
    assert widget.other_label.styleSheet() == ""


def test_set_value_keeps_kind_recurrence_and_label(qtbot: QtBot) -> None:
    widget = make(qtbot)
    given = DateInput(
        month=5, day=20, year=2001, kind=DateKind.CUSTOM, recurrence="once", label="开业"
    )
    widget.set_value(given)
    assert widget.value() == given


def test_kind_choice_enables_the_name_of_a_custom_day(qtbot: QtBot) -> None:
    widget = make(qtbot, show_kind=True)
    widget.set_value(DateInput(month=3, day=8, kind=DateKind.WEDDING))
    assert not widget.label_edit.isEnabled()
    select_code(widget.kind_combo, DateKind.CUSTOM)
    assert widget.label_edit.isEnabled()
    qtbot.keyClicks(widget.label_edit, "Opening day")
    select_code(widget.recurrence_combo, Recurrence.YEARLY)
    value = widget.value()
    assert (value.kind, value.label) == (DateKind.CUSTOM, "Opening day")
    assert (value.month, value.day) == (3, 8)
