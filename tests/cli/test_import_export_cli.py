"""``relbook import`` and ``relbook export``: previews, merging, errors, round trips."""

import json
from pathlib import Path

import pytest

from relbook.cli import main
from tests.cli.runner import run

FIXTURES = Path(__file__).parents[1] / "exchange" / "fixtures"

EXPECTED_NAMES = {
    "android_21.vcf": {"欧阳晓明", "张三"},
    "apple_30.vcf": {"陈静"},
    "google_30.vcf": {"周杰", "Emily Clark"},
    "messy.vcf": {
        "郑成功",
        "Zhang Wei (Tony)",
        "Dr. John Paul Smith Jr.",
        "无名公司",
        "冯坏",
        "卫截",
    },
    "excel_gbk.csv": {"张伟", "王芳", "李强", "赵敏"},
    "google_contacts.csv": {"周明", "Anna Schmidt"},
}


def listed(capsys, data_dir: Path) -> list[dict]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "contact", "list", "--json")
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize("fixture", sorted(EXPECTED_NAMES))
def test_import_fixture(capsys, data_dir, fixture) -> None:
    d, path = str(data_dir), str(FIXTURES / fixture)
    code, out, _ = run(capsys, "--data-dir", d, "import", path, "--dry-run")
    assert code == 0 and f"New contacts: {len(EXPECTED_NAMES[fixture])}" in out
    assert "Dry run" in out and listed(capsys, data_dir) == []
    code, out, _ = run(capsys, "--data-dir", d, "import", path)
    assert code == 0 and f"Created {len(EXPECTED_NAMES[fixture])}, merged 0" in out
    assert {c["name"] for c in listed(capsys, data_dir)} == EXPECTED_NAMES[fixture]
    code, out, _ = run(capsys, "--data-dir", d, "import", path)
    assert code == 0 and f"Created 0, merged {len(EXPECTED_NAMES[fixture])}" in out
    assert len(listed(capsys, data_dir)) == len(EXPECTED_NAMES[fixture])


def test_bad_records_are_reported_with_their_place(capsys, data_dir) -> None:
    d = str(data_dir)
    code, out, _ = run(capsys, "--data-dir", d, "import", str(FIXTURES / "messy.vcf"))
    assert code == 0
    assert "Cannot be imported" not in out and "Created 6, merged 0" in out
    assert "Card 4 无名公司: The card has no name: it is named after its company." in out
    assert 'Card 5 冯坏: Line 27: EMAIL "not-an-email" not recognised; kept in the note.' in out
    code, out, _ = run(capsys, "--data-dir", d, "import", str(FIXTURES / "excel_gbk.csv"))
    assert code == 0
    assert "Cannot be imported: 1" in out and "Row 6: Name must not be empty." in out
    assert 'Row 7 李强: 邮箱: "li@" not recognised; kept in the note.' in out


def test_duplicates_named_with_reason_and_skip(capsys, data_dir) -> None:
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "老张", "--phone", "+86 136 0000 2222")
    code, out, _ = run(
        capsys, "--data-dir", d, "import", str(FIXTURES / "google_30.vcf"), "--on-duplicate", "skip"
    )
    assert code == 0 and "Card 1 周杰 matches 老张 (id 1): same phone" in out
    assert "Created 1, merged 0, skipped 1." in out


def test_someone_elses_landline_is_added_as_new_and_named(capsys, data_dir, tmp_path) -> None:
    """An office number on two people's cards does not make them one person."""
    d = str(data_dir)
    run(capsys, "--data-dir", d, "contact", "add", "--name", "前台", "--phone", "010-6555 0002")
    card = tmp_path / "office.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李四\r\nTEL:01065550002\r\nEND:VCARD\r\n")
    code, out, _ = run(capsys, "--data-dir", d, "import", str(card), "--on-duplicate", "merge")
    assert code == 0
    assert "of them, with the landline of someone else: 1" in out
    assert "Card 1 李四: 前台 in the book has the same landline under another name" in out
    assert "Likely duplicates: 0" in out and "Created 1, merged 0, skipped 0." in out
    assert sorted(c["name"] for c in listed(capsys, data_dir)) == ["前台", "李四"]


def test_a_repeated_card_merges_into_the_first(capsys, data_dir, tmp_path) -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s\r\nTEL:%s\r\nEND:VCARD\r\n"
    twice = tmp_path / "twice.vcf"
    twice.write_text(card % ("钱七", "13900001111") + card % ("钱七 (工作)", "+86 139 0000 1111"))
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", str(twice))
    assert code == 0 and "Card 2 钱七 (工作) repeats Card 1 of this file: same phone" in out
    assert "Created 1, merged 1, skipped 0." in out
    assert [c["name"] for c in listed(capsys, data_dir)] == ["钱七"]


def test_unreadable_files_exit_1(capsys, data_dir, tmp_path) -> None:
    d = str(data_dir)
    missing = tmp_path / "nope.vcf"
    code, _, err = run(capsys, "--data-dir", d, "import", str(missing))
    assert code == 1 and str(missing) in err and "cannot be read" in err
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "--data-dir", d, "import", str(empty))
    assert code == 1 and "empty.csv" in err
    nameless = tmp_path / "nameless.vcf"
    nameless.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:who?\r\nEND:VCARD\r\n")
    code, out, err = run(capsys, "--data-dir", d, "import", str(nameless))
    assert code == 1 and "Card 1 (line 1)" in out and "no contacts" in err
    code, _, err = run(capsys, "--data-dir", d, "import", str(nameless), "--format", "json")
    assert code == 1 and "JSON" in err


def _round_trip_view(person: dict) -> tuple:
    return person["name"], person["company"], person["birthday"], person["birthday_calendar"]


def _phones(capsys, data_dir: Path, name: str) -> list[str]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "contact", "show", name, "--json")
    return sorted(p["number"] for p in json.loads(out)["phones"])


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_export_then_import_round_trip(capsys, tmp_path, fmt) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    run(capsys, "--data-dir", str(source), "import", str(FIXTURES / "excel_gbk.csv"))
    run(capsys, "--data-dir", str(source), "import", str(FIXTURES / "google_30.vcf"))
    exported = tmp_path / f"联系人.{fmt}"
    code, out, _ = run(
        capsys, "--data-dir", str(source), "export", "--format", fmt, "-o", str(exported)
    )
    assert code == 0 and f"Wrote 6 contacts to {exported}" in out  # 李强 came with a bad email
    code, out, _ = run(capsys, "--data-dir", str(target), "import", str(exported))
    assert code == 0 and "Created 6, merged 0" in out
    before, after = listed(capsys, source), listed(capsys, target)
    assert sorted(map(_round_trip_view, before)) == sorted(map(_round_trip_view, after))
    for person in before:
        assert _phones(capsys, source, person["name"]) == _phones(capsys, target, person["name"])


def test_export_selection_and_vcard_4(capsys, data_dir, tmp_path) -> None:
    d = str(data_dir)
    run(capsys, "--data-dir", d, "import", str(FIXTURES / "excel_gbk.csv"))
    out_file = tmp_path / "one.vcf"
    code, out, _ = run(
        capsys,
        "--data-dir",
        d,
        "export",
        "--format",
        "vcf",
        "-o",
        str(out_file),
        "--contact",
        "王芳",
        "--vcard-version",
        "4.0",
    )
    text = out_file.read_text(encoding="utf-8")
    assert code == 0 and "Wrote 1 contacts" in out
    assert "VERSION:4.0" in text and text.count("BEGIN:VCARD") == 1 and "王芳" in text
    csv_file = tmp_path / "search.csv"
    run(
        capsys,
        "--data-dir",
        d,
        "export",
        "--format",
        "csv",
        "-o",
        str(csv_file),
        "--search",
        "深圳",
    )
    lines = csv_file.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Name,Company") and len(lines) == 2 and "赵敏" in lines[1]


def test_export_to_a_missing_folder_is_a_clear_error(capsys, data_dir, tmp_path) -> None:
    target = tmp_path / "no-such-folder" / "out.xlsx"
    code, _, err = run(
        capsys, "--data-dir", str(data_dir), "export", "--format", "xlsx", "-o", str(target)
    )
    assert code == 1 and str(target) in err and "cannot be written" in err
    assert not target.parent.exists()


def test_a_failed_export_leaves_no_file_behind(capsys, data_dir, tmp_path, monkeypatch) -> None:
    from relbook.exchange import sheets

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sheets, "write_xlsx", broken)
    target = tmp_path / "out.xlsx"
    code, _, err = run(
        capsys, "--data-dir", str(data_dir), "export", "--format", "xlsx", "-o", str(target)
    )
    assert code == 1 and "No space left on device" in err
    assert list(tmp_path.iterdir()) == [data_dir]


def test_export_ics_puts_every_birthday_in_the_calendar(capsys, tmp_path):
    from icalendar import Calendar

    book_dir = str(tmp_path / "book")
    main(
        [
            "--data-dir",
            book_dir,
            "contact",
            "add",
            "--name",
            "张三",
            "--birthday",
            "--01-01",
            "--lunar",
        ]
    )
    main(["--data-dir", book_dir, "contact", "add", "--name", "李四", "--birthday", "1985-03-08"])
    target = tmp_path / "birthdays.ics"
    assert (
        main(
            ["--data-dir", book_dir, "export", "--format", "ics", "-o", str(target), "--years", "2"]
        )
        == 0
    )
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    capsys.readouterr()
    zhang = [e for e in events if "张三" in str(e["summary"])]
    li = [e for e in events if "李四" in str(e["summary"])]
    assert len(zhang) >= 2 and len(li) == 1 and li[0]["rrule"]["FREQ"] == ["YEARLY"]
    assert (
        main(
            ["--data-dir", book_dir, "export", "--format", "ics", "-o", str(target), "--years", "0"]
        )
        == 1
    )


def test_export_pdf_contact_list(capsys, tmp_path):
    import io

    from pypdf import PdfReader

    book_dir = str(tmp_path / "book")
    main(["--data-dir", book_dir, "contact", "add", "--name", "欧阳晓明", "--company", "恒达科技"])
    target = tmp_path / "list.pdf"
    assert main(["--data-dir", book_dir, "export", "--format", "pdf", "-o", str(target)]) == 0
    capsys.readouterr()
    text = "".join(PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text().split())
    assert "欧阳晓明" in text and "恒达科技" in text


def test_export_with_chosen_columns(capsys, data_dir, tmp_path) -> None:
    from openpyxl import load_workbook

    d = str(data_dir)
    run(capsys, "--data-dir", d, "import", str(FIXTURES / "excel_gbk.csv"))
    csv_file, xlsx_file = tmp_path / "picked.csv", tmp_path / "picked.xlsx"
    code, out, _ = run(
        capsys, "--data-dir", d, "export", "--format", "csv", "-o", str(csv_file),
        "--search", "深圳", "--columns", "phones, Name,company",
    )  # fmt: skip
    lines = csv_file.read_bytes().decode("utf-8-sig").splitlines()
    assert code == 0 and lines[0] == "Phones,Name,Company"
    assert lines[1].split(",")[1] == "赵敏" and len(lines) == 2
    code, _, _ = run(
        capsys, "--data-dir", d, "export", "--format", "xlsx", "-o", str(xlsx_file),
        "--columns", "tags,next_birthday",
    )  # fmt: skip
    header = [c.value for c in next(load_workbook(xlsx_file).active.iter_rows(max_row=1))]
    assert code == 0 and header == ["Tags", "Next birthday"]


def test_wrong_columns_are_a_clear_error_and_nothing_is_written(capsys, data_dir, tmp_path):
    from relbook.exchange.sheets import EXPORT_COLUMNS

    d, target = str(data_dir), tmp_path / "out.csv"
    export = ("--data-dir", d, "export", "-o", str(target), "--columns")
    code, _, err = run(capsys, *export, "name,phone,mobile", "--format", "csv")
    assert code == 1
    assert "no such column: phone, mobile." in err and ", ".join(EXPORT_COLUMNS) in err
    code, _, err = run(capsys, *export, "name,name", "--format", "xlsx")
    assert code == 1 and 'the column "name" is listed twice' in err
    code, _, err = run(capsys, *export, " ,", "--format", "csv")
    assert code == 1 and "Export columns must not be empty." in err
    for fmt in ("vcf", "pdf", "ics", "json"):
        code, _, err = run(capsys, *export, "name", "--format", fmt)
        assert code == 1 and "only CSV and Excel (xlsx)" in err and fmt in err
    assert not target.exists()


def test_values_that_cannot_be_used_are_listed_with_their_line_and_kept(
    capsys, data_dir, tmp_path
) -> None:
    d = str(data_dir)
    cards = tmp_path / "lotus.vcf"
    cards.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nPROFILE:VCARD\r\nFN:Simon Perreault\r\n"
        b"TEL;TYPE=WORK:+1-418-656-9254;ext=102\r\nTEL;TYPE=WORK:7yy-zzz-xxx\r\n"
        b"EMAIL:contact1@invalid\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:;;;;\r\nORG:Contoso Ltd.\r\nEND:VCARD\r\n"
    )
    code, out, _ = run(capsys, "--data-dir", d, "import", str(cards), "--dry-run")
    assert code == 0 and "New contacts: 2" in out and "Records with warnings: 2" in out
    assert (
        '  Card 1 Simon Perreault: Line 6: TEL;TYPE=WORK "7yy-zzz-xxx" not recognised; kept in '
        'the note. Line 7: EMAIL "contact1@invalid" not recognised; kept in the note.'
    ) in out
    assert "  Card 2 Contoso Ltd.: The card has no name: it is named after its company." in out
    code, out, _ = run(capsys, "--data-dir", d, "import", str(cards))
    assert code == 0
    assert "Created 2, merged 0, skipped 0. With warnings: 2 (what could not be used" in out
    simon = next(c for c in listed(capsys, data_dir) if c["name"] == "Simon Perreault")
    code, out, _ = run(capsys, "--data-dir", d, "contact", "show", str(simon["id"]), "--json")
    shown = json.loads(out)
    assert "导入时未能识别：TEL;TYPE=WORK: 7yy-zzz-xxx" in shown["notes"]
    assert [p["number"] for p in shown["phones"]] == ["+1-418-656-9254;ext=102"]


def test_thunderbird_csv_columns_map_and_the_rest_are_named(capsys, data_dir, tmp_path) -> None:
    sheet = tmp_path / "thunderbird.csv"
    sheet.write_text(
        "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,"
        "Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Job Title,Department,"
        "Organization,Birth Year,Birth Month,Birth Day,Custom 1,Notes,\r\n"
        "Anna,Schmidt,Anna Schmidt,Annie,anna@example.de,,,+49 30 1234567,,,,,,,Siemens AG,"
        "1980,3,8,,,\r\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", str(sheet), "--dry-run")
    assert code == 0 and "New contacts: 1" in out
    assert "Not imported: Nickname (and 4 empty columns)." in out
