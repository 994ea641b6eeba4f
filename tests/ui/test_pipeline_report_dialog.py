"""The pipeline report from the window: Book > Pipeline report…, as PDF or Excel."""

import io
import unicodedata
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from relbook.core.forecast import quarter_of
from relbook.ui.pipeline_report_dialog import preset_quarter
from tests.deal_report_seed import seed_deals
from tests.report_seed import seed_report_book


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_the_book_menu_offers_the_pipeline_report(qtbot, window):
    book_menu = window.menuBar().actions()[0].menu()
    assert window.pipeline_action in book_menu.actions()
    window.pipeline_action.trigger()
    assert window.pipeline_dialog is not None and window.pipeline_dialog.isVisible()
    window.pipeline_dialog.reject()


def test_the_pipeline_as_a_workbook(qtbot, book, window, tmp_path, monkeypatch):
    with book.session() as session:
        seed_deals(session, seed_report_book(session))
    dialog = window.open_pipeline_report()
    start, end = quarter_of(QDate.currentDate().toPython())
    assert dialog.from_edit.date().toPython() == start
    assert dialog.to_edit.date().toPython() == end
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "funnel"), "")),
    )
    dialog.browse()
    assert dialog.path_edit.text() == str(tmp_path / "funnel.xlsx")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.done_path is not None, timeout=15000)
    sheet = load_workbook(dialog.done_path)["Pipeline"]
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["年度维保合同", "ERP系统升级", "安防监控改造", "车队保险", "旧项目"]
    assert str(tmp_path / "funnel.xlsx") in window.statusBar().currentMessage()


def test_the_pipeline_as_a_pdf_for_a_chosen_period(qtbot, book, window, tmp_path):
    with book.session() as session:
        seed_deals(session, seed_report_book(session))
    dialog = window.open_pipeline_report()
    dialog.path_edit.setText(str(tmp_path / "funnel.xlsx"))
    assert dialog.format.currentData() == "pdf"
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.path_edit.text() == str(tmp_path / "funnel.pdf")  # follows the format
    dialog.from_edit.setDate(QDate(2026, 12, 1))
    dialog.to_edit.setDate(QDate(2026, 12, 31))
    assert dialog.preset.currentData() == "custom"
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.done_path is not None, timeout=15000)
    text = pdf_text(tmp_path / "funnel.pdf")
    assert "Pipelineandforecast" in text and "Salesforecast12/1/26–12/31/26" in text
    assert "ERP系统升级" in text and "Competitor" in text


def test_quarter_presets(qtbot, window):
    assert preset_quarter("next_quarter", date(2026, 11, 23)).start == date(2027, 1, 1)
    assert preset_quarter("last_quarter", date(2026, 11, 23)).end == date(2026, 9, 30)
    dialog = window.open_pipeline_report()
    dialog.preset.setCurrentIndex(dialog.preset.findData("next_quarter"))
    today = QDate.currentDate().toPython()
    assert dialog.from_edit.date().toPython() == preset_quarter("next_quarter", today).start
    dialog.to_edit.setDate(QDate(2020, 1, 1))
    dialog.path_edit.setText("/tmp/never-written.pdf")
    dialog.create_button.click()
    assert dialog.error.text().startswith("First day must be at most 2020-01-01")
    assert dialog.done_path is None
    dialog.reject()
