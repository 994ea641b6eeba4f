"""The PDF reports from the window: the activity report dialog and the pane's dossier button."""

import io
import threading
import unicodedata
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFileDialog, QPushButton

from relbook.core.reports import preset_period
from relbook.ui import report_dialog
from tests.report_seed import seed_report_book


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def choose_file(monkeypatch, path) -> list[tuple]:
    """QFileDialog answers ``path``; the calls it got are recorded."""
    calls: list[tuple] = []

    def answer(*args, **_kwargs):
        calls.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return calls


def set_period(dialog, start: date, end: date) -> None:
    dialog.from_edit.setDate(QDate(start.year, start.month, start.day))
    dialog.to_edit.setDate(QDate(end.year, end.month, end.day))


def test_activity_report_for_a_custom_period(qtbot, book, window, tmp_path, monkeypatch):
    with book.session() as session:
        seed_report_book(session)
    dialog = window.open_activity_report()
    set_period(dialog, date(2026, 11, 16), date(2026, 11, 22))
    assert dialog.preset.currentData() == "custom"
    choose_file(monkeypatch, tmp_path / "week")
    dialog.browse()
    assert dialog.path_edit.text() == str(tmp_path / "week.pdf")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.done_path is not None, timeout=15000)
    text = pdf_text(dialog.done_path)
    assert "Activityreport11/16/26–11/22/26" in text
    assert "张伟" in text and "欧阳晓明" in text and "Giftsreceived1gifts,¥1,280.50" in text
    assert str(tmp_path / "week.pdf") in window.statusBar().currentMessage()


def test_presets_fill_the_dates(qtbot, window):
    dialog = window.open_activity_report()
    today = QDate.currentDate().toPython()
    first = QLocale().firstDayOfWeek().value - 1
    for code in ("this_week", "last_week", "this_month", "last_month"):
        dialog.preset.setCurrentIndex(dialog.preset.findData(code))
        period = preset_period(code, today, first)
        assert dialog.from_edit.date().toPython() == period.start
        assert dialog.to_edit.date().toPython() == period.end
        assert dialog.preset.currentData() == code
    dialog.reject()


def test_a_period_ending_before_it_starts_is_refused(qtbot, window, tmp_path):
    dialog = window.open_activity_report()
    set_period(dialog, date(2026, 11, 22), date(2026, 11, 16))
    dialog.path_edit.setText(str(tmp_path / "report.pdf"))
    dialog.create_button.click()
    assert dialog.error.text() == "First day must be at most 2026-11-16."
    assert dialog.done_path is None and not (tmp_path / "report.pdf").exists()
    dialog.path_edit.clear()
    dialog.create_button.click()
    assert dialog.error.text() == "Choose where to save the file."


def test_cancelling_writes_no_file(qtbot, book, window, tmp_path, monkeypatch):
    release = threading.Event()
    real_pdf = report_dialog.activity_pdf

    def slow_pdf(report, words):
        release.wait(10)
        return real_pdf(report, words)

    monkeypatch.setattr(report_dialog, "activity_pdf", slow_pdf)
    out = tmp_path / "out"
    out.mkdir()
    dialog = window.open_activity_report()
    dialog.path_edit.setText(str(out / "report.pdf"))
    dialog.create_button.click()
    assert dialog.job.progress is not None and not dialog.create_button.isEnabled()
    dialog.job.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    release.set()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=15000)
    assert dialog.error.text() == "Cancelled; no file was written."
    assert dialog.done_path is None and list(out.iterdir()) == []  # no temporary file either
    assert dialog.create_button.isEnabled()


def test_dossier_from_the_contact_pane(qtbot, book, window, tmp_path, monkeypatch):
    with book.session() as session:
        ids = seed_report_book(session)
    window.apply_filter()
    window.select_contact(ids.zhang)
    qtbot.waitUntil(lambda: window.pane.current_id() == ids.zhang, timeout=5000)
    calls = choose_file(monkeypatch, tmp_path / "张伟.pdf")
    with qtbot.waitSignal(window.dossier_export.written, timeout=15000):
        window.pane.dossier_button.click()
    assert calls[0][2].endswith("张伟.pdf")  # the contact's name is suggested
    text = pdf_text(tmp_path / "张伟.pdf")
    assert "Dossier:张伟" in text and "Personalityplaybook:Analytical" in text
    assert "拜访采购部" in text and "月饼礼盒" in text
    assert str(tmp_path / "张伟.pdf") in window.statusBar().currentMessage()


def test_a_dossier_that_cannot_be_written_is_reported(qtbot, book, window, tmp_path, monkeypatch):
    with book.session() as session:
        ids = seed_report_book(session)
    choose_file(monkeypatch, tmp_path / "missing" / "zhang.pdf")
    assert window.dossier_export.run(ids.zhang)
    qtbot.waitUntil(lambda: window.dossier_export.error_box is not None, timeout=15000)
    assert "zhang.pdf" in window.dossier_export.error_box.text()
    assert not (tmp_path / "missing").exists()
    window.dossier_export.error_box.close()


def test_no_file_chosen_means_no_dossier(qtbot, book, window, monkeypatch):
    with book.session() as session:
        ids = seed_report_book(session)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert not window.dossier_export.run(ids.zhang)
    assert window.runner.running() == 0
