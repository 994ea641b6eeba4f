"""Festival list editing and the reminder settings page."""

from datetime import date

import pytest
from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import QApplication

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.errors import ValidationError
from relbook.core.festival_book import FestivalInput, add_festival, list_festivals
from relbook.core.reminders import occurrences
from relbook.core.settings import get_setting
from relbook.ui.events import BookEvents
from relbook.ui.festivals_dialog import FestivalEditor, FestivalsDialog
from relbook.ui.settings_dialog import SettingsDialog


def _when_editor_opens(action):
    def run():
        editor = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, FestivalEditor) and w.isVisible()
        )
        action(editor)

    QTimer.singleShot(0, run)


def test_add_a_custom_festival_for_vip_customers(qtbot, book, english):
    dialog = FestivalsDialog(book)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 18

    def fill(editor):
        editor.name.setText("Shop anniversary")
        editor.month.setValue(6)
        editor.day.setValue(18)
        editor.tiers["C"].setChecked(False)
        editor.tags.setText("VIP")
        editor.accept()

    _when_editor_opens(fill)
    dialog.add()
    assert dialog.table.rowCount() == 19
    assert dialog.table.item(18, 0).text() == "Shop anniversary"
    with book.session() as session:
        custom = [r for r in list_festivals(session) if r.code is None]
    assert custom[0].data.tags == ("VIP",) and custom[0].data.tiers == ("A", "B", "-")


def test_switch_off_a_festival(qtbot, book, english):
    dialog = FestivalsDialog(book)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)

    def switch_off(editor):
        editor.enabled.setChecked(False)
        editor.accept()

    _when_editor_opens(switch_off)
    dialog.edit_selected()
    assert dialog.table.item(0, 4).text() == ""


def test_reminder_settings_are_saved(qtbot, book, english):
    dialog = SettingsDialog(book, BookEvents())
    qtbot.addWidget(dialog)
    dialog.daily_time.setTime(QTime(8, 30))
    dialog.advance["birthday"].setValue(5)
    dialog.close_to_tray.setChecked(False)
    dialog.save()
    assert dialog._events.runner.wait_all()  # saved in the background
    with book.session() as session:
        assert get_setting(session, "remind.daily_time") == "08:30"
        assert get_setting(session, "remind.advance.birthday") == 5
        assert get_setting(session, "ui.close_to_tray") is False


def test_stage_cadences_are_saved(qtbot, book, english):
    dialog = SettingsDialog(book, BookEvents())
    qtbot.addWidget(dialog)
    assert dialog.stage_cadence["potential"].value() == 21
    dialog.stage_cadence["customer"].setValue(45)
    dialog.save()
    assert dialog._events.runner.wait_all()  # saved in the background
    with book.session() as session:
        assert get_setting(session, "cadence.stage.customer") == 45


def test_add_a_solar_term_festival(qtbot, book, now, english):
    with book.session() as session:
        create_contact(session, ContactInput("张三"), now)
    dialog = FestivalsDialog(book)
    qtbot.addWidget(dialog)

    def fill(editor):
        editor.name.setText("Start of spring tea")
        editor.kind.setCurrentIndex(editor.kind.findData("solar_term"))
        assert editor.pages.currentWidget().isAncestorOf(editor.solar_term)
        editor.solar_term.setCurrentIndex(editor.solar_term.findData("li_chun"))
        editor.accept()

    _when_editor_opens(fill)
    dialog.add()
    assert dialog.table.item(18, 1).text() == "Solar term"
    assert dialog.table.item(18, 2).text() == "Start of Spring"
    with book.session() as session:
        (custom,) = [r for r in list_festivals(session) if r.code is None]
        assert (custom.data.rule, custom.data.solar_term) == ("solar_term", "li_chun")
        found = [
            (o.title, o.date)
            for o in occurrences(session, date(2027, 1, 1), date(2027, 12, 31))
            if o.details.get("name")
        ]
    assert found == [("Start of spring tea", date(2027, 2, 4))]  # 立春 2027 in the library


def test_add_a_weekday_festival_for_contacts_with_no_tier_only(qtbot, book, now, english):
    with book.session() as session:
        create_contact(session, ContactInput("张三"), now)
    dialog = FestivalsDialog(book)
    qtbot.addWidget(dialog)

    def fill(editor):
        editor.name.setText("Thanksgiving")
        editor.kind.setCurrentIndex(editor.kind.findData("weekday"))
        assert editor.pages.currentWidget().isAncestorOf(editor.weekday)
        editor.week.setCurrentIndex(editor.week.findData(4))
        editor.weekday.setCurrentIndex(editor.weekday.findData(4))
        editor.week_month.setCurrentIndex(editor.week_month.findData(11))
        for tier in ("A", "B"):
            editor.tiers[tier].setChecked(False)
        assert editor.tiers["-"].text() == "no tier yet" and editor.tiers["-"].isChecked()
        editor.accept()

    _when_editor_opens(fill)
    dialog.add()
    assert dialog.table.item(18, 2).text() == "4th Thursday of November"
    assert dialog.table.item(18, 3).text().startswith("no tier yet ·")
    with book.session() as session:
        (custom,) = [r for r in list_festivals(session) if r.code is None]
        assert (custom.data.month, custom.data.week, custom.data.weekday) == (11, 4, 4)
        assert custom.data.tiers == ("-",)
        found = [
            (o.title, o.date, o.recipients)
            for o in occurrences(session, date(2027, 11, 1), date(2027, 11, 30))
            if o.kind == "festival"
        ]
    assert found == [("Thanksgiving", date(2027, 11, 25), 1)]


def test_a_date_festival_shows_its_month_and_day_inputs(qtbot, book, english):
    dialog = FestivalsDialog(book)
    qtbot.addWidget(dialog)
    with book.session() as session:
        records = list_festivals(session)
    mothers = FestivalEditor(next(r for r in records if r.code == "mothers_day"), dialog)
    qtbot.addWidget(mothers)
    assert mothers.kind.currentData() == "weekday"
    assert (mothers.week.currentText(), mothers.weekday.currentText()) == ("2nd", "Sunday")
    assert mothers.week_month.currentText() == "May"
    eve = FestivalEditor(next(r for r in records if r.code == "new_years_eve"), dialog)
    qtbot.addWidget(eve)
    assert eve.kind.currentData() == "lunar" and eve.pages.currentIndex() == 0
    assert eve.last_day.isChecked() and not eve.last_day.isHidden()
    row = next(i for i, r in enumerate(records) if r.code == "qingming")
    assert dialog.table.item(row, 2).text() == "Pure Brightness (Qingming)"
    assert dialog.table.item(row, 3).text().startswith("A/B/no tier yet ·")


def test_a_refused_rule_names_its_field(qtbot, book, english):
    editor = FestivalEditor(None)
    qtbot.addWidget(editor)
    for data, expected in (
        (
            FestivalInput("solar", 5, 1, name="x", rule="weekday", week=6, weekday=7),
            "Which week of the month must be between 1 and 5.",
        ),
        (
            FestivalInput("solar", 5, 1, name="x", rule="solar_term"),
            "Solar term must not be empty.",
        ),
    ):
        with book.session() as session, pytest.raises(ValidationError) as caught:
            add_festival(session, data)
        editor.show_problem(caught.value)
        assert editor.error.text() == expected
