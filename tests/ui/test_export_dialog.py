"""Exporting from the window: the file is written in the background; cancel writes nothing."""

import io
from datetime import datetime

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact
from relbook.core.settings import get_setting
from relbook.exchange import sheets
from relbook.ui.export_dialog import KEY_ROLE


def _fill(book):
    with book.session() as session:
        for name in ("张三", "李四", "王五"):
            create_contact(
                session,
                ContactInput(name, company="恒达科技", dates=[DateInput(8, 15, calendar="lunar")]),
                datetime(2026, 11, 23),
            )


def _export(qtbot, window, tmp_path, code, name):
    window.apply_filter()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=3000)
    dialog = window.open_export()
    dialog.format.setCurrentIndex(dialog.format.findData(code))
    dialog.path_edit.setText(str(tmp_path / name))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.done_path is not None, timeout=10000)
    return dialog.done_path


def test_export_the_list_to_excel_and_pdf(qtbot, book, window, tmp_path):
    _fill(book)
    xlsx = _export(qtbot, window, tmp_path, "xlsx", "list.xlsx")
    sheet = load_workbook(xlsx).active
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert sorted(names) == sorted(["张三", "李四", "王五"])
    pdf = _export(qtbot, window, tmp_path, "pdf", "list.pdf")
    text = "".join(PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text().split())
    assert "张三" in text and "恒达科技" in text


def test_calendar_and_vcard_exports(qtbot, book, window, tmp_path):
    _fill(book)
    ics = _export(qtbot, window, tmp_path, "ics", "birthdays.ics")
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") >= 3
    vcf = _export(qtbot, window, tmp_path, "vcf3", "contacts.vcf")
    assert vcf.read_text(encoding="utf-8").count("BEGIN:VCARD") == 3


def test_a_missing_folder_is_reported_and_no_file_written(qtbot, book, window, tmp_path):
    _fill(book)
    window.apply_filter()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=3000)
    dialog = window.open_export()
    dialog.path_edit.setText(str(tmp_path / "missing" / "list.csv"))
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10000)
    assert "list.csv" in dialog.error.text()
    assert not (tmp_path / "missing").exists()


def _row_of(picker, key: str) -> int:
    keys = [picker.list.item(row).data(KEY_ROLE) for row in range(picker.list.count())]
    return keys.index(key)


def _open(qtbot, window, code):
    window.apply_filter()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=3000)
    dialog = window.open_export()
    dialog.format.setCurrentIndex(dialog.format.findData(code))
    return dialog


def test_picked_and_reordered_columns_shape_the_file_and_are_remembered(
    qtbot, book, window, tmp_path
):
    _fill(book)
    dialog = _open(qtbot, window, "csv")
    picker = dialog.columns
    assert picker.isVisibleTo(dialog) and picker.columns() == list(sheets.EXPORT_COLUMNS)
    assert picker.list.item(0).text() == "Name"
    picker.select_none.click()
    for key in ("name", "company", "tags"):
        picker.list.item(_row_of(picker, key)).setCheckState(Qt.CheckState.Checked)
    picker.list.setCurrentRow(_row_of(picker, "company"))
    picker.up.click()  # company above name
    picker.list.setCurrentRow(_row_of(picker, "tags"))
    picker.down.click()  # moves below an unchecked column: the file order stays
    assert picker.columns() == ["company", "name", "tags"]
    picker.list.item(_row_of(picker, "tags")).setCheckState(Qt.CheckState.Unchecked)
    dialog.path_edit.setText(str(tmp_path / "picked.csv"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.done_path is not None, timeout=10000)
    lines = dialog.done_path.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "Company,Name"
    assert sorted(lines[1:]) == ["恒达科技,张三", "恒达科技,李四", "恒达科技,王五"]
    with book.session() as session:
        assert get_setting(session, "export.columns") == "company,name"

    again = _open(qtbot, window, "xlsx").columns
    assert again.columns() == ["company", "name"]
    assert [again.list.item(row).text() for row in range(2)] == ["Company", "Name"]
    again.default.click()
    assert again.columns() == list(sheets.EXPORT_COLUMNS)


def test_an_excel_export_writes_the_chosen_columns(qtbot, book, window, tmp_path):
    _fill(book)
    dialog = _open(qtbot, window, "xlsx")
    picker = dialog.columns
    picker.set_columns(["next_birthday", "name"])
    picker.list.setCurrentRow(_row_of(picker, "name"))
    picker.up.click()
    dialog.path_edit.setText(str(tmp_path / "picked.xlsx"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.done_path is not None, timeout=10000)
    header = [c.value for c in next(load_workbook(dialog.done_path).active.iter_rows(max_row=1))]
    assert header == ["Name", "Next birthday"]


def test_without_columns_nothing_can_be_exported(qtbot, book, window, tmp_path):
    _fill(book)
    dialog = _open(qtbot, window, "csv")
    picker = dialog.columns
    picker.select_none.click()
    assert picker.columns() == [] and not dialog.export_button.isEnabled()
    assert picker.message.text() == "Choose at least one column."
    for code in ("vcf3", "pdf", "ics"):  # the other formats have no columns to pick
        dialog.format.setCurrentIndex(dialog.format.findData(code))
        assert not picker.isVisibleTo(dialog) and dialog.export_button.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert picker.isVisibleTo(dialog) and not dialog.export_button.isEnabled()
    picker.select_all.click()
    assert dialog.export_button.isEnabled() and picker.message.text() == ""
    assert picker.columns() == list(sheets.EXPORT_COLUMNS)
