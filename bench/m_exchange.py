"""Import and export at the book's size: vCards and CSV rows in; CSV, XLSX and PDF out.

Imports run what the app runs (``import_run.load`` then ``apply``: read the file, preview it
against the book, back the book up, write every record in one transaction), into a fresh copy
of the demo book and into an empty book. The records are new people: the demo book's own
contacts (companies, titles, birthdays, family, tags, notes) under new names, numbers and
addresses, so none is a likely duplicate, written out by relbook's own vCard and CSV writers.

Exports run what ``relbook export`` runs: the ids in list order, ``sheets.contact_table`` with
the words of the user's language, then the CSV or XLSX writer or the PDF list report.
"""

import copy
import random
import shutil
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.books import scratch_copy
from bench.context import Context
from bench.figures import Figure, median, spread
from relbook.core import demo, pinyin
from relbook.core.contact_input import ContactInput, PhoneInput
from relbook.core.contacts import stored_inputs
from relbook.core.enums import PhoneLabel
from relbook.core.models import Contact
from relbook.db.book import Book, open_book

IMPORT_RECORDS = 10_000
PDF_CONTACTS = 1_000
IMPORT_TARGET = 2_000
"""Records per second an import of 10,000 records must reach."""
EXPORT_TARGETS = {"CSV": 5.0, "XLSX": 20.0, "PDF": 10.0}
"""Seconds an export may take: the whole book to CSV and XLSX, 1,000 contacts to PDF."""
IMPORT_RUNS = 3
XLSX_RUNS = 2
"""The whole book to XLSX takes long enough that two runs are plenty."""

_GIVEN = "子梓涵宸轩诗语若思嘉可沐依铭博睿晗钰琪瑶萱雨泽奕安晴朗乐然逸"
"""Given-name characters for the new people; those the demo names use are left out below, so
no new name is a demo name and nobody is taken for someone already in the book."""
_MAIL = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "aliyun.com")
_AREAS = ("010", "021", "020", "0755", "0571", "025")


def measure(context: Context) -> list[Figure]:
    _qt_application()
    records = IMPORT_RECORDS
    people = _new_people(context.data_dir, records)
    files = _import_files(people, context.scratch / "exchange-files")
    figures: list[Figure] = []
    for kind, path in files.items():
        figures.append(_import_figure(context, kind, path, records, into_demo=True))
    for kind, path in files.items():
        figures.append(_import_figure(context, kind, path, records, into_demo=False))
    figures += _export_figures(context)
    return figures


def _qt_application() -> Any:
    """The running Qt application, else a new one (offscreen): exports need words and fonts.

    The words are Chinese, as the book's users read them.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from relbook.words.i18n import install_language

    app = QCoreApplication.instance() or QApplication(["relbook-bench"])
    install_language("zh_CN")
    return app


# ---------------------------------------------------------------- the files imported


def _new_people(data_dir: Path, count: int) -> list[ContactInput]:
    """``count`` contacts of the demo book as new people: new names, phones, e-mail, WeChat."""
    book = open_book(data_dir, read_only=True)
    try:
        with book.session() as session:
            ids = list(
                session.scalars(
                    select(Contact.id)
                    .where(Contact.deleted_at.is_(None))
                    .order_by(Contact.id)
                    .limit(count)
                )
            )
            stored = stored_inputs(session, ids)
    finally:
        book.close()
    taken = set(demo.MALE_CHARS + demo.FEMALE_CHARS)
    pool = [c for c in _GIVEN if c not in taken]
    rng = random.Random(20261123)
    used: set[tuple[str, str]] = set()
    return [
        _renamed(stored[serial % len(stored)], serial, pool, rng, used) for serial in range(count)
    ]


def _renamed(
    person: ContactInput,
    serial: int,
    pool: list[str],
    rng: random.Random,
    used: set[tuple[str, str]],
) -> ContactInput:
    """A copy with a name not yet used at its company and numbers nobody else has."""
    person = copy.deepcopy(person)
    while True:
        given = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2, 2))))
        name = rng.choice(demo.SURNAMES) + given
        if (name, person.company) not in used:
            used.add((name, person.company))
            break
    person.name = name
    initials = pinyin.initials(name)
    person.phones = [PhoneInput(f"199{serial:08d}", PhoneLabel.MOBILE)]
    if rng.random() < 0.3:
        person.phones.append(PhoneInput(f"{rng.choice(_AREAS)}-6{serial:07d}", PhoneLabel.WORK))
    person.email = f"{initials}.{serial}@{rng.choice(_MAIL)}"
    person.wechat = f"wx_{initials}{serial}" if person.wechat else ""
    person.referred_by_id = None
    return person


def _import_files(people: list[ContactInput], folder: Path) -> dict[str, Path]:
    """The people as a vCard 3.0 file and as a CSV with Chinese headers and lunar birthdays."""
    from relbook.exchange.sheets import ROUND_TRIP_COLUMNS, Cell, birthday_text, write_csv
    from relbook.exchange.vcard import write_vcards
    from relbook.words.export_words import sheet_words

    folder.mkdir(parents=True, exist_ok=True)
    vcf = folder / f"{len(people)}人.vcf"
    vcf.write_bytes(write_vcards(people, "3.0", "zh_CN").encode("utf-8"))
    headers, words = sheet_words()

    def cell(person: ContactInput, column: str) -> Cell:
        if column in ("phones", "tags"):
            items = person.tags if column == "tags" else [p.number for p in person.phones]
            return "; ".join(items)
        if column == "birthday":
            birthday = person.birthday()
            return birthday_text(birthday.as_calendar_date()) if birthday else None
        value = getattr(person, column)
        if value is None:
            return ""
        return words.get(column, {}).get(str(value), value)

    rows = [[cell(p, c) for c in ROUND_TRIP_COLUMNS] for p in people]
    table = folder / f"{len(people)}人.csv"
    table.write_bytes(write_csv(rows, [headers[c] for c in ROUND_TRIP_COLUMNS]))
    return {"vCards": vcf, "CSV": table}


# ---------------------------------------------------------------- imports


def _import_figure(
    context: Context, kind: str, path: Path, records: int, into_demo: bool
) -> Figure:
    from relbook.exchange import importer

    data = path.read_bytes()
    parse_rates: list[float] = []
    rates: list[float] = []
    phases: list[tuple[float, float]] = []
    outcomes: list[str] = []
    for run in range(min(context.repeat, IMPORT_RUNS)):
        started = time.perf_counter()
        parsed = len(importer.read_import(data, path.name, today=datetime.now().date()).candidates)
        parse_rates.append(parsed / (time.perf_counter() - started))
        folder = context.scratch / f"import-{run}"
        book = _fresh_book(context.data_dir if into_demo else None, folder)
        try:
            seconds, read_seconds, result = _import_once(book, path)
        finally:
            book.close()
            shutil.rmtree(folder, ignore_errors=True)
        rates.append(records / seconds)
        phases.append((read_seconds, seconds - read_seconds))
        outcomes.append(
            f"{len(result.created):,} created, {len(result.merged)} merged, "
            f"{len(result.failed)} failed"
        )
    what = f"{records:,} vCards" if kind == "vCards" else f"a {records:,}-row CSV"
    where = f"the {context.contacts:,}-contact book" if into_demo else "an empty book"
    value = median(rates)
    read_part = median([p[0] for p in phases])
    write_part = median([p[1] for p in phases])
    return Figure(
        f"import {what} into {where}",
        value,
        "records/s",
        target=f">= {IMPORT_TARGET:,} records/s" if into_demo else "",
        passed=value >= IMPORT_TARGET if into_demo else None,
        floor_name="parsing alone",
        floor=median(parse_rates),
        spread=spread(rates),
        runs=len(rates),
        notes=(
            f"read + preview {read_part:.2f} s, backup + write {write_part:.2f} s; "
            + "; ".join(sorted(set(outcomes)))
        ),
        extra={"rates": rates, "parse_rates": parse_rates},
    )


def _fresh_book(source: Path | None, folder: Path) -> Book:
    """A copy of the demo book, or an empty book, opened as the app opens it (not timed)."""
    shutil.rmtree(folder, ignore_errors=True)
    if source is None:
        folder.mkdir(parents=True)
    else:
        scratch_copy(source, folder)
    return open_book(folder)


def _import_once(book: Book, path: Path) -> tuple[float, float, Any]:
    """(seconds in all, seconds to read and preview, the result) of one import, as the app."""
    from relbook.exchange import import_run

    started = time.perf_counter()
    loaded = import_run.load(book, path)
    read = time.perf_counter() - started
    assert loaded.preview is not None
    outcome = import_run.apply(book, loaded.preview, now=datetime.now())
    seconds = time.perf_counter() - started
    assert outcome is not None
    return seconds, read, outcome.result


# ---------------------------------------------------------------- exports


def _export_figures(context: Context) -> list[Figure]:
    from relbook.core.search import ContactFilter, contact_ids
    from relbook.exchange import sheets
    from relbook.exchange.files import write_atomic
    from relbook.exchange.pdf import LIST_COLUMNS, ReportText, contact_list_pdf
    from relbook.words.export_words import sheet_words
    from relbook.words.labels import translate

    book = open_book(context.data_dir, read_only=True)
    folder = context.scratch / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    headers, words = sheet_words()
    sizes: dict[str, int] = {}

    def table(limit: int | None, columns: tuple[str, ...]) -> tuple[list[str], list[Any]]:
        with book.session() as session:
            ids = contact_ids(session, ContactFilter())[:limit]
            return sheets.contact_table(session, ids, columns, headers, words)

    def write(name: str, writer: Callable[[Any], object]) -> None:
        target = folder / name
        write_atomic(target, writer)
        sizes[name] = target.stat().st_size

    def to_csv() -> None:
        names, rows = table(None, sheets.EXPORT_COLUMNS)
        data = sheets.write_csv(rows, names)
        write("联系人.csv", lambda handle: handle.write(data))

    def to_xlsx() -> None:
        names, rows = table(None, sheets.EXPORT_COLUMNS)
        write("联系人.xlsx", lambda handle: sheets.write_xlsx(rows, names, handle))

    def to_pdf() -> None:
        names, rows = table(PDF_CONTACTS, LIST_COLUMNS)
        text = ReportText(translate("Cli", "Contact list"), datetime.now().strftime("%Y-%m-%d"))
        data, pages = contact_list_pdf(names, rows, text)
        sizes["pages"] = pages
        write("联系人.pdf", lambda handle: handle.write(data))

    try:
        runs = min(context.repeat, IMPORT_RUNS)
        whole = f"{context.contacts:,} contacts"
        figures = [
            _seconds_figure(f"export {whole} to CSV", "CSV", to_csv, runs),
            _seconds_figure(f"export {whole} to XLSX", "XLSX", to_xlsx, min(runs, XLSX_RUNS)),
            _seconds_figure(f"PDF list report of {PDF_CONTACTS:,} contacts", "PDF", to_pdf, runs),
        ]
    finally:
        book.close()
    for figure, name in zip(figures, ("联系人.csv", "联系人.xlsx", "联系人.pdf"), strict=True):
        figure.notes = f"{sizes.get(name, 0) / 1e6:.1f} MB" + (
            f", {sizes['pages']} pages" if name.endswith("pdf") else ""
        )
        if figure.runs < 3:
            figure.notes += f"; {figure.runs} runs only (each takes long)"
    return figures


def _seconds_figure(name: str, kind: str, work: Callable[[], None], runs: int) -> Figure:
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    value = median(times)
    limit = EXPORT_TARGETS[kind]
    return Figure(
        name,
        value,
        "s",
        target=f"<= {limit:g} s",
        passed=value <= limit,
        spread=spread(times),
        runs=runs,
        extra={"times": times},
    )
