"""``relbook export``: contacts to a CSV, Excel, vCard, calendar (ICS) or PDF file, a report
(see ``cli/reports.py``), or the whole book to a JSON archive.

The file is written whole or not at all: Ctrl+C while it is written leaves no half file.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from relbook.cli import reports as reports_cli
from relbook.core.errors import ValidationError

EXPORT_FORMATS = ("csv", "xlsx", "vcf", "ics", "pdf", "json")


def add_parser(commands: Any) -> None:
    exp = commands.add_parser(
        "export",
        help="write contacts to a CSV, Excel, vCard or calendar (ICS) file, a report to PDF "
        "(contact list, dossier, activity report) or the pipeline report to PDF or Excel, or "
        "the whole book to a JSON archive",
    )
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exp.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    exp.add_argument(
        "--search",
        default="",
        metavar="Q",
        help="only contacts this search finds (not with json: an archive holds the whole book)",
    )
    exp.add_argument("--tier", choices=("A", "B", "C"), help="only contacts of this tier")
    exp.add_argument(
        "--contact", metavar="NAME_OR_ID", help="only this contact (with pdf: their dossier)"
    )
    reports_cli.add_options(exp)
    exp.add_argument(
        "--years",
        type=int,
        default=5,
        metavar="N",
        help="for ics: years of lunar dates to expand (default: 5)",
    )
    exp.add_argument(
        "--vcard-version", choices=("3.0", "4.0"), default="3.0", help="for vcf (default: 3.0)"
    )
    exp.add_argument(
        "--columns",
        metavar="KEYS",
        help="for csv and xlsx: the columns in file order as comma-separated keys, e.g. "
        "name,company,phones (default: all of them; the window's remembered choice is not "
        "used; see docs/cli.md for the keys)",
    )


def _export_ids(session: Any, args: argparse.Namespace) -> list[int]:
    from relbook.core.contacts import find_contact
    from relbook.core.search import ContactFilter, contact_ids

    if args.contact:
        return [find_contact(session, args.contact).id]
    return contact_ids(session, ContactFilter(text=args.search, tier=args.tier))


def _export_columns(args: argparse.Namespace) -> tuple[str, ...]:
    """The ``--columns`` of a CSV or Excel export, else all columns; refused for other formats."""
    from relbook.exchange import sheets

    if args.columns is None:
        return sheets.EXPORT_COLUMNS
    if args.format not in ("csv", "xlsx"):
        raise ValidationError.single(sheets.COLUMNS_FIELD, "columns_need_sheet", value=args.format)
    return sheets.parse_columns(args.columns)


def _export_writer(
    session: Any, args: argparse.Namespace, ids: list[int], language: str, report: Any
) -> Any:
    """A function writing the export to an open binary file; sheets report their progress."""
    from relbook.exchange import sheets
    from relbook.exchange.progress import stage
    from relbook.exchange.vcard import export_vcards
    from relbook.words import export_words

    if args.format == "vcf":
        data = export_vcards(session, ids, args.vcard_version, language).encode("utf-8")
        return lambda handle: handle.write(data)
    if args.format == "ics":
        data = _calendar_export(session, args, ids)
        return lambda handle: handle.write(data)
    if args.format == "pdf":
        data = _list_report(session, ids)
        return lambda handle: handle.write(data)
    headers, rows = sheets.contact_table(
        session, ids, _export_columns(args), *export_words.sheet_words(), stage(report, 0, 2)
    )
    if args.format == "csv":
        data = sheets.write_csv(rows, headers, stage(report, 1, 2))
        return lambda handle: handle.write(data)
    return lambda handle: sheets.write_xlsx(rows, headers, handle, report=stage(report, 1, 2))


def _list_report(session: Any, ids: list[int]) -> bytes:
    """The contact list report as PDF, titled and dated in the book's language."""
    from PySide6.QtCore import QDate, QLocale

    from relbook.exchange import sheets
    from relbook.exchange.pdf import LIST_COLUMNS, ReportText, contact_list_pdf
    from relbook.words import export_words
    from relbook.words.labels import translate

    headers, rows = sheets.contact_table(session, ids, LIST_COLUMNS, *export_words.sheet_words())
    today = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
    text = ReportText(translate("Cli", "Contact list"), today, translate("Cli", "Page %1 of %2"))
    return contact_list_pdf(headers, rows, text)[0]


def _calendar_export(session: Any, args: argparse.Namespace, ids: list[int]) -> bytes:
    """Birthdays, special days, festivals and follow-ups as ICS, titled in the book's language."""
    from relbook.exchange.ics import IcsOptions, build_calendar
    from relbook.words import export_words

    if not 1 <= args.years <= 30:
        raise ValidationError.single("years", "out_of_range", min=1, max=30)
    chosen = bool(args.contact or args.search or args.tier)
    words = export_words.ics_words()
    options = IcsOptions(years=args.years, contact_ids=tuple(ids) if chosen else None)
    return build_calendar(session, datetime.now(), options, words)


def run(book: Any, args: argparse.Namespace) -> int:
    from relbook.cli.progress_line import ProgressLine
    from relbook.core.settings import get_setting
    from relbook.exchange.files import write_atomic
    from relbook.words.i18n import resolve_language
    from relbook.words.labels import translate

    target = Path(args.output)
    _export_columns(args)  # a wrong --columns is refused before anything is read or written
    if reports_cli.wanted(args):
        return reports_cli.export(book, args, target)
    if args.format == "json":
        return _export_archive(book, args, target)
    progress = ProgressLine(translate("Cli", "Exporting… %3%"))
    try:
        with book.session() as session:
            language = resolve_language(get_setting(session, "ui.language"))
            ids = _export_ids(session, args)
            write = _export_writer(session, args, ids, language, progress)
        write_atomic(target, write)
    except KeyboardInterrupt:  # no half file: write_atomic removes its temporary file
        progress.close()
        print(translate("Cli", "Export cancelled; no file was written."))
        return 130
    progress.close()
    print(
        translate("Cli", "Wrote %1 contacts to %2")
        .replace("%1", str(len(ids)))
        .replace("%2", str(target))
    )
    return 0


def _export_archive(book: Any, args: argparse.Namespace, target: Path) -> int:
    """The whole book, trash included, as a JSON archive; contact filters are refused."""
    from relbook.core.contacts import count_contacts
    from relbook.exchange.archive import write_archive
    from relbook.exchange.files import file_error, write_atomic
    from relbook.words.import_words import fill
    from relbook.words.labels import translate

    if args.search or args.tier or args.contact:
        raise file_error("archive_whole_book", str(target))
    with book.session() as session:
        data = write_archive(session, datetime.now())
        count = count_contacts(session) + count_contacts(session, deleted=True)
    write_atomic(target, lambda handle: handle.write(data))
    print(fill(translate("Cli", "Wrote the whole book (%1 contacts) to %2"), count, target))
    return 0
