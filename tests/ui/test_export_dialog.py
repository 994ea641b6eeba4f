"""Exporting from the window: the file is written in the background; cancel writes nothing."""

import io
from datetime import datetime

from openpyxl import load_workbook
from pypdf import PdfReader

from relbook.core.contact_input import ContactInput, DateInput
from relbook.core.contacts import create_contact


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
