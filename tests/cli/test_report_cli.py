"""``relbook export --format pdf`` with ``--contact`` (the dossier) or ``--from``/``--to``."""

import io
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from relbook.core.settings import set_setting
from tests.cli.runner import run
from tests.report_seed import seed_report_book


@pytest.fixture
def book_dir(book, data_dir):
    with book.session() as session:
        seed_report_book(session)
        set_setting(session, "ui.language", "en")
    return str(data_dir)


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_dossier_of_one_contact(capsys, book_dir, tmp_path):
    target = tmp_path / "zhang.pdf"
    code, out, err = run(
        capsys,
        "--data-dir",
        book_dir,
        "export",
        "--format",
        "pdf",
        "--contact",
        "张伟",
        "-o",
        str(target),
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"Wrote the dossier of 张伟 to {target}"
    text = pdf_text(target)
    assert "Dossier:张伟" in text and "Timeline" in text and "拜访采购部" in text
    assert "Page1of" in text and "王芳" in text


def test_activity_report_for_a_period(capsys, book_dir, tmp_path):
    target = tmp_path / "week.pdf"
    code, out, err = run(
        capsys,
        "--data-dir",
        book_dir,
        "export",
        "--format",
        "pdf",
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-22",
        "-o",
        str(target),
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"Wrote the activity report (2026-11-16 – 2026-11-22) to {target}"
    text = pdf_text(target)
    assert "Activityreport11/16/26–11/22/26" in text
    assert "张伟" in text and "欧阳晓明" in text and "Interactions2" in text


def test_without_from_the_report_covers_the_week_ending_on_to(capsys, book_dir, tmp_path):
    target = tmp_path / "week.pdf"
    args = ["--data-dir", book_dir, "export", "--format", "pdf", "--to", "2026-11-22"]
    code, out, _ = run(capsys, *args, "-o", str(target))
    assert code == 0 and "(2026-11-16 – 2026-11-22)" in out
    code, out, _ = run(
        capsys,
        "--data-dir",
        book_dir,
        "export",
        "--format",
        "pdf",
        "--from",
        "2020-01-01",
        "-o",
        str(target),
    )
    assert code == 0 and f"(2020-01-01 – {date.today().isoformat()})" in out


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        (
            ["--from", "2026-11-22", "--to", "2026-11-16"],
            1,
            "First day must be at most 2026-11-16.",
        ),
        (["--from", "2026-13-01"], 1, 'First day (--from): "2026-13-01" is not a date'),
        (["--from", "2026-11-01", "--contact", "张伟"], 2, "leave out --contact"),
    ],
)
def test_wrong_periods_are_refused_and_nothing_is_written(
    capsys, book_dir, tmp_path, options, code, message
):
    target = tmp_path / "report.pdf"
    result, out, err = run(
        capsys, "--data-dir", book_dir, "export", "--format", "pdf", *options, "-o", str(target)
    )
    assert result == code and message in err and out == ""
    assert not target.exists()


def test_a_period_needs_the_pdf_format(capsys, book_dir, tmp_path):
    target = tmp_path / "report.csv"
    args = ["--data-dir", book_dir, "export", "--format", "csv", "--from", "2026-11-01"]
    code, _, err = run(capsys, *args, "-o", str(target))
    assert (
        code == 2 and "--from and --to are only for the activity report; add --format pdf." in err
    )
    assert not target.exists()


def test_pdf_without_contact_or_period_is_still_the_list(capsys, book_dir, tmp_path):
    target = tmp_path / "list.pdf"
    code, out, _ = run(
        capsys, "--data-dir", book_dir, "export", "--format", "pdf", "-o", str(target)
    )
    assert code == 0 and "Wrote 3 contacts" in out
    text = pdf_text(target)
    assert "Contactlist" in text and "欧阳晓明" in text and "Dossier" not in text
