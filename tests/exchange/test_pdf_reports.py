"""The dossier and activity report PDFs: headings, Chinese text, totals and page numbers."""

import io
import unicodedata
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader

from relbook.core.history import InteractionInput, log_interaction
from relbook.core.reports import Period, activity_report, dossier
from relbook.exchange.pdf_reports import activity_pdf, dossier_pdf
from relbook.words.i18n import install_language
from relbook.words.report_words import report_words
from tests.report_seed import NOW, WEEK, seed_report_book


@pytest.fixture
def language(qapp):
    yield install_language
    install_language("en")


def _pages(data: bytes) -> list[str]:
    """Each page's text without white space (PDF text extraction spaces CJK unevenly), with
    ligatures such as "ﬁ" written out."""
    reader = PdfReader(io.BytesIO(data))
    return [
        "".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages
    ]


def test_dossier_in_english(book, language):
    language("en")
    with book.session() as session:
        ids = seed_report_book(session)
        report = dossier(session, ids.zhang, NOW.date())
    data, count = dossier_pdf(report, report_words(NOW.date()))
    pages = _pages(data)
    assert data.startswith(b"%PDF") and len(pages) == count
    text = "".join(pages)
    for heading in (
        "Dossier:张伟",
        "Profile",
        "Personaldetails",
        "Family",
        "Specialdates",
        "Personalityplaybook:Analytical",
        "Levelhistory",
        "Timeline",
        "Gifts",
    ):
        assert heading in text, heading
    for value in (
        "恒达科技",
        "采购经理",
        "13800138000",
        "zw_hengda",
        "123456789",
        "王芳",
        "钓鱼、围棋",
    ):
        assert value in text, value
    assert "4Trusted" in text and "Interested" in text and "A(importance22of25)" in text
    assert "Lunar1980-08-15" in text and "李娜" in text and "Spouse" in text
    assert "Aformalwrittenproposal" not in text  # playbook text comes from the playbook
    assert "Awrittenproposalwithexactdata" in text
    assert (
        "拜访采购部" in text and "同意试用" in text and "送样品" in text and "电话沟通报价" in text
    )
    assert text.index("电话沟通报价") < text.index("拜访采购部") < text.index("晚宴")
    assert "月饼礼盒" in text and "1,280.5" in text
    assert "2gifts,¥988" in text and "1gifts,¥1,280.50" in text
    assert f"Page1of{count}" in pages[0] and f"Page{count}of{count}" in pages[-1]


def test_dossier_in_chinese_writes_lunar_dates_the_chinese_way(book, language):
    language("zh_CN")
    with book.session() as session:
        ids = seed_report_book(session)
        report = dossier(session, ids.zhang, NOW.date())
    text = "".join(_pages(dossier_pdf(report, report_words(NOW.date()))[0]))
    assert "农历1980年八月十五" in text and "农历正月初一" in text
    assert "拜访" in text and "配偶" in text and "¥1,280.50" in text


def test_a_long_timeline_runs_over_pages_with_numbers(book, language):
    language("en")
    with book.session() as session:
        ids = seed_report_book(session)
        for day in range(90):
            log_interaction(
                session,
                InteractionInput(
                    "call",
                    datetime(2026, 6, 1, 9) + timedelta(days=day),
                    [ids.zhang],
                    notes=f"第{day}次电话",
                ),
                NOW,
            )
        report = dossier(session, ids.zhang, NOW.date())
    data, count = dossier_pdf(report, report_words(NOW.date()))
    pages = _pages(data)
    assert count >= 3 and len(pages) == count
    assert all(f"Page{n}of{count}" in page for n, page in enumerate(pages, start=1))
    assert all("Dossier:张伟" in page for page in pages)
    assert "第0次电话" in "".join(pages)


def test_activity_report_of_a_week(book, language):
    language("en")
    with book.session() as session:
        seed_report_book(session)
        report = activity_report(session, Period(*WEEK))
    data, count = activity_pdf(report, report_words(NOW.date()))
    pages = _pages(data)
    text = "".join(pages)
    assert "Activityreport11/16/26–11/22/26" in pages[0]
    assert "Interactions2" in text and "Contactsreached2" in text
    assert "Levelchanges1(↑1↓0)" in text and "Newcontacts1" in text
    assert "Giftsgiven1gifts,¥388" in text and "Giftsreceived1gifts,¥1,280.50" in text
    assert "Visit1" in text and "Phonecall1" in text and "Total2" in text
    assert "张伟恒达科技112" in text and "王芳华信贸易11" in text
    assert "3Engaged4Trusted答应引荐" in text
    assert "月饼礼盒" in text and "李娜" in text and "茶叶" in text
    assert "欧阳晓明鼎盛建设2Acquainted" in text
    assert "赵敏" not in text and "记错了" not in text
    assert f"Page{count}of{count}" in pages[-1]


def test_an_empty_period_says_so(book, language):
    language("en")
    with book.session() as session:
        report = activity_report(session, Period(*WEEK))
    text = "".join(_pages(activity_pdf(report, report_words(NOW.date()))[0]))
    assert "Interactions0" in text and text.count("Nonerecorded.") == 8  # and won, lost, purchases
