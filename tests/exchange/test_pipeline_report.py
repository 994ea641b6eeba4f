"""The pipeline report as Excel and PDF, and the funnel's parts of the activity report and the
dossier PDFs."""

import io
import unicodedata
from datetime import datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from relbook.core.deal_reports import pipeline_report
from relbook.core.reports import Period, activity_report, dossier
from relbook.exchange.pdf_deals import pipeline_pdf
from relbook.exchange.pdf_reports import activity_pdf, dossier_pdf
from relbook.exchange.pipeline_sheet import CNY_FORMAT, write_pipeline_xlsx
from relbook.words.i18n import install_language
from relbook.words.report_words import report_words
from tests.deal_report_seed import seed_deals
from tests.report_seed import NOW, WEEK, seed_report_book


@pytest.fixture
def language(qapp):
    yield install_language
    install_language("en")


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def _pipeline(book):
    with book.session() as session:
        deals = seed_deals(session, seed_report_book(session))
        return deals, pipeline_report(session, NOW.date())


def _workbook(report) -> bytes:
    buffer = io.BytesIO()
    write_pipeline_xlsx(report, report_words(NOW.date()), buffer)
    return buffer.getvalue()


def test_the_pipeline_workbook_has_a_row_per_deal_with_real_numbers(book, language):
    language("en")
    _deals, report = _pipeline(book)
    workbook = load_workbook(io.BytesIO(_workbook(report)))
    assert workbook.sheetnames == ["Pipeline", "Forecast"]
    sheet = workbook["Pipeline"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:9] == (
        "Opportunity",
        "Company",
        "Contacts",
        "Stage",
        "Status",
        "Amount",
        "Win rate",
        "Rate from",
        "Weighted",
    )
    assert [row[0] for row in rows[1:]] == [
        "年度维保合同",
        "ERP系统升级",
        "安防监控改造",
        "车队保险",
        "旧项目",
    ]
    erp = dict(zip(rows[0], rows[2], strict=True))
    assert erp["Company"] == "恒达科技" and erp["Contacts"] == "张伟"
    assert (erp["Stage"], erp["Status"]) == ("Presenting value", "Open")
    assert (erp["Amount"], erp["Win rate"], erp["Weighted"]) == (200000, 0.5, 100000)
    assert erp["Rate from"] == "default" and erp["Days in stage"] == 5
    assert erp["Expected close"] == datetime(2026, 12, 15)
    fleet = dict(zip(rows[0], rows[4], strict=True))
    assert (fleet["Status"], fleet["Why lost"], fleet["Note on why"]) == (
        "Lost",
        "Competitor",
        "对手给了免费试用",
    )
    assert fleet["Closed"] == datetime(2026, 11, 20) and fleet["Weighted"] == 0
    assert sheet.freeze_panes == "B2"
    assert sheet["F3"].number_format == CNY_FORMAT and sheet["F3"].data_type == "n"
    assert sheet["G3"].number_format == "0%" and sheet["J3"].is_date
    assert sheet.column_dimensions["A"].width >= 12  # room for the titles


def test_the_forecast_sheet_holds_the_figures(book, language):
    language("en")
    _deals, report = _pipeline(book)
    sheet = load_workbook(io.BytesIO(_workbook(report)))["Forecast"]
    cells = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert cells["Booked"][:3] == (100800.5, 0, 100800.5)
    assert cells["Weighted pipeline"][0] == 112000
    assert cells["Forecast"][0] == 212800.5
    assert cells["Progress this week"][2] == report.forecast.progress_cents / 100
    assert cells["Presenting value"][:5] == (1, 200000, 0.5, "default", 100000)
    assert cells["Total"][0] == 2 and cells["Total"][4] == 112000


def test_the_workbook_follows_the_books_language(book, language):
    language("zh_CN")
    _deals, report = _pipeline(book)
    sheet = load_workbook(io.BytesIO(_workbook(report))).worksheets[0]
    assert sheet["B1"].value == "单位"  # the company column as the window names it


def test_the_pipeline_pdf_has_the_forecast_and_every_deal(book, language):
    language("en")
    _deals, report = _pipeline(book)
    data, pages = pipeline_pdf(report, report_words(NOW.date()))
    text = _text(data)
    assert data.startswith(b"%PDF") and pages >= 1
    assert "Pipelineandforecast" in text and "Salesforecast10/1/26–12/31/26" in text
    assert "Booked¥100,800.50¥0+¥100,800.50" in text
    assert "Weightedpipeline¥112,000" in text and "Forecast¥212,800.50" in text
    assert "Progressthisweek" in text and "+¥7,500" not in text
    assert "Presentingvalue1200,00050%default100,000" in text
    for title in ("ERP系统升级", "年度维保合同", "安防监控改造", "车队保险", "旧项目"):
        assert title in text
    assert text.index("年度维保合同") < text.index("安防监控改造") < text.index("车队保险")
    assert "Competitor" in text and "对手给了免费试用" in text
    assert "Open—2,¥320,000" in text and "Lost—2,¥80,000" in text


def test_the_activity_pdf_has_the_weeks_progress_and_deals(book, language):
    language("en")
    with book.session() as session:
        seed_deals(session, seed_report_book(session))
        report = activity_report(session, Period(*WEEK), NOW.date())
    text = _text(activity_pdf(report, report_words(NOW.date()))[0])
    assert "Pipelineprogress" in text and "Progressthisweek+¥185,001" in text
    assert "Opportunitieswon1,¥88,000" in text and "Opportunitieslost1,¥50,000" in text
    assert "Purchases2,¥100,800.50" in text
    assert "安防监控改造" in text and "车队保险" in text and "Competitor" in text
    assert "对手给了免费试用" in text
    assert "延保服务" in text and "12,800.5" in text and "11/17/27" in text
    assert "旧项目" not in text  # lost before the week


def test_the_dossier_pdf_has_the_contacts_deals_and_purchases(book, language):
    language("en")
    with book.session() as session:
        ids = seed_report_book(session)
        seed_deals(session, ids)
        report = dossier(session, ids.zhang, NOW.date())
    text = _text(dossier_pdf(report, report_words(NOW.date()))[0])
    assert "Opportunities" in text and "Purchases" in text
    assert "ERP系统升级Presentingvalue" in text and "Decisionmaker·Insider" in text
    assert "安防监控改造" in text and "Won" in text and "88,000" in text
