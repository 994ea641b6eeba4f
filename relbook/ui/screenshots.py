"""Render every main screen offscreen to PNG files, with whatever the book holds."""

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from relbook.core.deal_reads import deals_contact
from relbook.core.demo import phone_numbers, story_contact
from relbook.core.pinyin import initials
from relbook.core.settings import get_setting
from relbook.db.book import Book
from relbook.ui.operations import read_now

if TYPE_CHECKING:
    from relbook.ui.main_window import MainWindow


def render_screenshots(book: Book, outdir: Path) -> list[Path]:
    """Write one PNG per screen into ``outdir``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from relbook.app import AppController

    app = QApplication.instance() or QApplication(["relbook"])
    outdir.mkdir(parents=True, exist_ok=True)
    controller = AppController(book)
    window = controller.start()
    window.persist_layout = False
    window.resize(1400, 860)
    window.model.reload_now()
    if window.model.rowCount():
        window.select_row(min(2, window.model.rowCount() - 1))
    app.processEvents()
    written: list[Path] = []

    def save(widget: object, name: str) -> None:
        app.processEvents()
        target = outdir / f"{name}.png"
        widget.grab().save(str(target))  # type: ignore[attr-defined]
        written.append(target)

    save(window, "01-contacts")

    from relbook.ui.contact_editor import ContactEditor
    from relbook.ui.settings_dialog import SettingsDialog
    from relbook.ui.trash_dialog import TrashDialog

    editor = ContactEditor(book, window.events, window.pane.current_id(), window)
    editor.resize(1000, 720)
    editor.show()
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        save(editor, f"02-editor-{index + 1}")
    editor.close()

    shown = window.model.row_record(window.table.currentIndex().row())
    window.search.setText(initials(shown.name) if shown else "zs")
    window.apply_filter()
    window.runner.wait_all()
    app.processEvents()
    save(window, "03-search-pinyin")

    trash = TrashDialog(book, window.events, window.runner, window)
    trash.show()
    save(trash, "04-trash")
    trash.close()

    settings = SettingsDialog(book, window.events, window)
    settings.show()
    save(settings, "05-settings")
    settings.close()

    _history_screens(book, window, save)
    _reminder_screens(book, window, save)
    _import_screens(book, window, save)
    _report_screens(window, save)
    _greet_screen(book, window, save)
    _contact_deal_screens(book, window, save)
    _deal_screens(book, window, save)
    _duplicates_screen(window, save)
    window.close()
    return written


def _reminder_screens(
    book: Book, window: "MainWindow", save: Callable[[object, str], None]
) -> None:
    """The Today tab, the reminder popup with what is due, and the reminder settings."""
    from relbook.core.today import today_summary
    from relbook.ui.festivals_dialog import FestivalsDialog
    from relbook.ui.greetings_editor import GreetingsEditor
    from relbook.ui.reminder_popup import ReminderPopup
    from relbook.ui.settings_dialog import SettingsDialog
    from relbook.words.i18n import resolve_language

    window.views.setCurrentWidget(window.today)
    window.today.refresh_now()
    save(window, "13-today")
    window.show_contacts()
    language = resolve_language(read_now(book, lambda session: get_setting(session, "ui.language")))
    due = read_now(book, lambda session: today_summary(session, datetime.now()).due)
    popup = ReminderPopup(book, window.events, language, parent=window)
    popup.resize(720, 440)
    if due:
        popup.show_due(due)
        save(popup, "14-reminder-popup")
    popup.close()
    settings = SettingsDialog(book, window.events, window)
    settings.pages.setCurrentIndex(settings.pages.count() - 1)
    settings.show()
    save(settings, "15-settings-reminders")
    settings.close()
    festivals = FestivalsDialog(book, window)
    festivals.show()
    save(festivals, "16-festivals")
    festivals.close()
    greetings = GreetingsEditor(book, language, window)
    greetings.show()
    save(greetings, "17-greetings")
    greetings.close()


def _greet_screen(book: Book, window: "MainWindow", save: Callable[[object, str], None]) -> None:
    """The Greet window of the next festival (or one missed this week)."""
    from relbook.core.festival_greetings import find_festival, greeting_day

    today = datetime.now().date()
    festival, _audience = read_now(book, lambda session: find_festival(session, "spring_festival"))
    day = greeting_day(festival, today)
    if day is None:
        return
    greet = window.open_greet(festival.code, day)
    greet.resize(1200, 640)
    window.runner.wait_all()
    save(greet, "23-greet")
    greet.close()


def _duplicates_screen(window: "MainWindow", save: Callable[[object, str], None]) -> None:
    """Find duplicates with the first pair compared side by side."""
    from PySide6.QtWidgets import QApplication

    dialog = window.open_duplicates()
    for _ in range(2):  # the scan, then the comparison of the pair it selects
        window.runner.wait_all()
        QApplication.processEvents()
    save(dialog, "34-duplicates")
    dialog.close()


def _history_screens(book: Book, window: "MainWindow", save: Callable[[object, str], None]) -> None:
    """The pane's history tabs, the quick log, the gift dialog and the referral tree."""
    from relbook.ui.gift_dialog import GiftDialog

    window.search.clear()
    window.apply_filter()
    window.runner.wait_all()
    contact_id = read_now(book, story_contact)
    if contact_id is not None:
        window.select_contact(contact_id)
        window.runner.wait_all()
    save(window, "06-pane-profile")
    for index, name in ((1, "07-pane-timeline"), (2, "08-pane-gifts"), (3, "09-pane-relations")):
        window.pane.tabs.setCurrentIndex(index)
        save(window, name)
    window.pane.tabs.setCurrentIndex(0)
    if contact_id is not None:
        quick_log = window.log_interaction([contact_id])
        save(quick_log, "10-quick-log")
        quick_log.reject()
        gift = GiftDialog(book, window.events, contact_id, None, window)
        gift.show()
        save(gift, "11-gift-dialog")
        gift.reject()
    tree = window.open_referral_tree()
    save(tree, "12-referral-tree")
    tree.close()


def _import_screens(book: Book, window: "MainWindow", save: Callable[[object, str], None]) -> None:
    """The import preview of a phone's vCard file and the column mapping of an Excel sheet.

    The files are written to a temporary folder from two contacts of the book (so the preview
    shows likely duplicates) and a few new people; nothing is imported.
    """
    import tempfile

    cards = read_now(book, lambda session: phone_numbers(session, 2)) + [
        ("林晓燕", "13912345678"),
        ("周国强", "13687654321"),
        ("", "13500001111"),
    ]
    text = "".join(
        "BEGIN:VCARD\nVERSION:3.0\n"
        + (f"FN:{name}\n" if name else "")
        + f"TEL;TYPE=CELL:{number}\nEND:VCARD\n"
        for name, number in cards
    )
    with tempfile.TemporaryDirectory() as folder:
        vcf = Path(folder) / "phone-contacts.vcf"
        vcf.write_text(text, encoding="utf-8")
        dialog = window.open_import(vcf)
        if dialog is None:
            return
        window.runner.wait_all()
        dialog.resize(1100, 560)
        save(dialog, "18-import-preview")
        dialog.close()
        sheet = Path(folder) / "客户名单.csv"
        sheet.write_text(
            "客户名称,手机号码,单位,生日,备注\n王建国,13812340000,恒达科技,1978年3月8日,老客户\n"
            "李红梅,13987650000,远航保险,农历八月十五,\n",
            encoding="utf-8-sig",
        )
        dialog = window.open_import(sheet)
        if dialog is None:
            return
        window.runner.wait_all()
        mapping = dialog.edit_columns()
        if mapping is not None:
            mapping.resize(820, 360)
            save(mapping, "19-import-columns")
            mapping.close()
        dialog.close()


def _report_screens(window: "MainWindow", save: Callable[[object, str], None]) -> None:
    """The export dialog with its column list, the activity and pipeline reports and the
    backups."""
    window.apply_filter()
    window.runner.wait_all()
    export = window.open_export()
    export.format.setCurrentIndex(export.format.findData("xlsx"))
    save(export, "20-export-columns")
    export.close()
    report = window.open_activity_report()
    save(report, "21-activity-report")
    report.close()
    pipeline = window.open_pipeline_report()
    save(pipeline, "27-pipeline-report")
    pipeline.close()
    backups = window.open_backups()
    window.runner.wait_all()
    save(backups, "22-backups")
    backups.close()


def _contact_deal_screens(
    book: Book, window: "MainWindow", save: Callable[[object, str], None]
) -> None:
    """The pane's Deals tab of the contact who bought most, the purchase dialog, and the
    settings' Opportunities page."""
    from PySide6.QtWidgets import QApplication

    from relbook.ui.settings_dialog import SettingsDialog

    contact_id = read_now(book, deals_contact)
    if contact_id is not None:
        window.search.clear()
        window.apply_filter()
        window.runner.wait_all()
        window.select_contact(contact_id)
        window.pane.tabs.setCurrentWidget(window.pane.deals)
        QApplication.processEvents()  # the section reads once the event loop turns
        window.runner.wait_all()
        save(window, "24-pane-deals")
        dialog = window.pane.deals.record_purchase()
        if dialog is not None:
            dialog.product_edit.setText("软件维保续约（一年）")
            dialog.amount_edit.setText("42,500")
            dialog.renews.setChecked(True)
            save(dialog, "25-record-purchase")
            dialog.reject()
        window.pane.tabs.setCurrentIndex(0)
    settings = SettingsDialog(book, window.events, window)
    settings.pages.setCurrentWidget(settings.funnel_tab)
    settings.show()
    window.runner.wait_all()
    save(settings, "26-settings-opportunities")
    settings.close()


def _deal_screens(book: Book, window: "MainWindow", save: Callable[[object, str], None]) -> None:
    """The Opportunities tab as a board and as a table beside the forecast, and the editor of
    the open deal with the largest buying centre."""
    from relbook.ui.deal_table import COLUMNS

    page = window.deals
    if page is None:
        return
    window.show_deals()
    page.forecast_button.setChecked(False)
    page.show_board()
    page.refresh_now()
    save(window, "30-deals-board")
    page.forecast_button.setChecked(True)
    page.show_table()
    page.table.sortByColumn(COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    save(window, "31-deals-table-forecast")
    page.show_board()
    open_deals = [row for row in (page.data.rows if page.data else []) if row.status == "open"]
    if open_deals:
        chosen = max(open_deals, key=lambda row: (len(row.contact_names), row.amount_cents))
        editor = page.open_deal(chosen.id)
        save(editor, "32-deal-editor")
        editor.reject()
        if chosen.organization:
            _company_map_screen(window, chosen.organization, save)
    window.show_contacts()


def _company_map_screen(
    window: "MainWindow", organization: str, save: Callable[[object, str], None]
) -> None:
    """The company map of the organization the editor's deal is with."""
    from PySide6.QtWidgets import QApplication

    company = window.open_company_map(organization)
    company.resize(980, 640)
    window.runner.wait_all()
    QApplication.processEvents()  # the map fills once its read reports back
    save(company, "33-company-map")
    company.close()
