"""``relbook export --pipeline``: the pipeline report as Excel or PDF."""

import io
import unicodedata
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from relbook.core.forecast import quarter_of
from relbook.core.settings import set_setting
from tests.cli.runner import run
from tests.deal_report_seed import seed_deals
from tests.report_seed import seed_report_book


@pytest.fixture
def book_dir(book, data_dir):
    with book.session() as session:
        seed_deals(session, seed_report_book(session))
        set_setting(session, "ui.language", "en")
    return str(data_dir)


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def export(capsys, book_dir, *options):
    return run(capsys, "--data-dir", book_dir, "export", "--pipeline", *options)


def test_the_pipeline_as_a_workbook(capsys, book_dir, tmp_path):
    target = tmp_path / "pipeline.xlsx"
    code, out, err = export(capsys, book_dir, "--format", "xlsx", "-o", str(target))
    start, end = quarter_of(date.today())
    assert (code, err) == (0, "")
    assert out.strip() == (
        f"Wrote the pipeline report (5 opportunities, forecast {start} – {end}) to {target}"
    )
    sheet = load_workbook(target)["Pipeline"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[4], row[5]) for row in rows] == [
        ("年度维保合同", "Open", 120000),
        ("ERP系统升级", "Open", 200000),
        ("安防监控改造", "Won", 88000),
        ("车队保险", "Lost", 50000),
        ("旧项目", "Lost", 30000),
    ]


def test_the_pipeline_as_a_pdf_for_a_period(capsys, book_dir, tmp_path):
    target = tmp_path / "pipeline.pdf"
    options = ["--format", "pdf", "--from", "2026-12-01", "--to", "2026-12-31"]
    code, out, _ = export(capsys, book_dir, *options, "-o", str(target))
    assert code == 0 and "forecast 2026-12-01 – 2026-12-31" in out
    text = pdf_text(target)
    assert "Pipelineandforecast" in text and "Salesforecast12/1/26–12/31/26" in text
    assert "ERP系统升级" in text and "对手给了免费试用" in text


def test_one_end_of_the_period_takes_the_other_from_its_quarter(capsys, book_dir, tmp_path):
    target = tmp_path / "pipeline.pdf"
    code, out, _ = export(
        capsys, book_dir, "--format", "pdf", "--from", "2026-11-15", "-o", str(target)
    )
    assert code == 0 and "forecast 2026-11-15 – 2026-12-31" in out
    code, out, _ = export(
        capsys, book_dir, "--format", "pdf", "--to", "2027-02-10", "-o", str(target)
    )
    assert code == 0 and "forecast 2027-01-01 – 2027-02-10" in out


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (["--format", "csv"], 2, "The pipeline report is written as pdf or xlsx"),
        (["--format", "pdf", "--contact", "张伟"], 2, "leave out --contact"),
        (["--format", "xlsx", "--columns", "name"], 2, "leave out --contact"),
        (["--format", "pdf", "--to", "2026-02-30"], 1, '"2026-02-30" is not a date'),
        (
            ["--format", "xlsx", "--from", "2026-12-01", "--to", "2026-11-01"],
            1,
            "First day must be at most 2026-11-01.",
        ),
    ],
)
def test_wrong_options_are_refused_and_nothing_is_written(
    capsys, book_dir, tmp_path, options, code, message
):
    target = tmp_path / "pipeline.out"
    result, out, err = export(capsys, book_dir, *options, "-o", str(target))
    assert result == code and message in err and out == ""
    assert not target.exists()
