"""Festival list editing and the reminder settings page."""

from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import QApplication

from relbook.core.festival_book import list_festivals
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
    assert dialog.table.rowCount() == 14

    def fill(editor):
        editor.name.setText("Shop anniversary")
        editor.month.setValue(6)
        editor.day.setValue(18)
        editor.tiers["C"].setChecked(False)
        editor.tags.setText("VIP")
        editor.accept()

    _when_editor_opens(fill)
    dialog.add()
    assert dialog.table.rowCount() == 15
    assert dialog.table.item(14, 0).text() == "Shop anniversary"
    with book.session() as session:
        custom = [r for r in list_festivals(session) if r.code is None]
    assert custom[0].data.tags == ("VIP",) and custom[0].data.tiers == ("A", "B")


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
    with book.session() as session:
        assert get_setting(session, "cadence.stage.customer") == 45
