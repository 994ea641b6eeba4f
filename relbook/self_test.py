"""``relbook --self-test``: prove an installation works, one printed line per step.

Everything happens in a temporary folder that is removed afterwards; the user's book is never
opened. The exit code is 0 only when every step passed, so an installer (or a support call) can
rely on it. The built binary runs the same code.
"""

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from relbook import __version__
from relbook.words.labels import translate

Step = tuple[str, Callable[[], str]]


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step even after a failure (to say everything that is wrong); 0 if all pass."""
    out = out if out is not None else sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application_in_system_language()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="relbook-self-test-") as folder:
        state: dict[str, object] = {}
        for title, step in _steps(Path(folder), state):
            try:
                detail = step()
            except Exception as problem:  # every failure is reported, then the next step runs
                failures += 1
                out.write(f"FAIL {title}: {type(problem).__name__}: {problem}\n")
                if os.environ.get("RELBOOK_SELF_TEST_TRACE"):
                    out.write(traceback.format_exc())
                continue
            out.write(f"ok   {title}{': ' + detail if detail else ''}\n")
        book = state.get("book")
        if book is not None:
            book.close()  # type: ignore[attr-defined]
    if not failures:
        verdict = translate("SelfTest", "relbook %1 self-test: all steps passed")
    else:
        verdict = translate("SelfTest", "relbook %1 self-test: %2 step(s) failed")
    out.write(verdict.replace("%1", __version__).replace("%2", str(failures)) + "\n")
    del app
    return 0 if not failures else 1


def _application_in_system_language() -> object:
    """The Qt application the steps need, speaking the system's language (Chinese or
    English). None if Qt itself cannot start: the lines stay in English and the window step
    says what is wrong."""
    try:
        from PySide6.QtWidgets import QApplication

        from relbook.words.i18n import install_language, resolve_language

        app = QApplication.instance() or QApplication(["relbook"])
        install_language(resolve_language("system"))
        return app
    except Exception:  # reported by the steps that need Qt
        return None


def _steps(folder: Path, state: dict[str, object]) -> list[Step]:
    now = datetime.now()

    def open_book_step() -> str:
        from relbook.db import migrate
        from relbook.db.book import open_book

        book = open_book(folder / "book", now=now)
        state["book"] = book
        revision = migrate.current_revision(book.engine)
        if revision != migrate.head_revision():
            raise RuntimeError(f"schema at {revision}, expected {migrate.head_revision()}")
        return translate("SelfTest", "schema %1").replace("%1", str(revision))

    def add_contact_step() -> str:
        from relbook.core.calendar import solar_to_lunar
        from relbook.core.contact_input import ContactInput, DateInput
        from relbook.core.contacts import create_contact

        soon = (now + timedelta(days=10)).date()
        lunar = solar_to_lunar(soon)
        birthday = DateInput(lunar.month, lunar.day, calendar="lunar", leap=lunar.leap)
        with _book(state).session() as session:
            contact = create_contact(
                session, ContactInput("自检 王小明", company="自检公司", dates=[birthday]), now
            )
            state["contact_id"] = contact.id
        return (
            translate("SelfTest", "lunar birthday %1/%2 (solar %3)")
            .replace("%1", str(lunar.month))
            .replace("%2", str(lunar.day))
            .replace("%3", soon.isoformat())
        )

    def reminders_step() -> str:
        from relbook.core.reminders import occurrences

        today = now.date()
        with _book(state).session() as session:
            found = occurrences(session, today, today + timedelta(days=30))
        birthdays = [o for o in found if o.contact_id == state["contact_id"]]
        if not birthdays:
            raise RuntimeError("the lunar birthday was not found among the reminders")
        return (
            translate("SelfTest", "%1 reminders in 30 days, the birthday on %2")
            .replace("%1", str(len(found)))
            .replace("%2", birthdays[0].date.isoformat())
        )

    def export_step() -> str:
        from relbook.exchange.importer import read_import
        from relbook.exchange.vcard import export_vcards

        with _book(state).session() as session:
            text = export_vcards(session, [int(state["contact_id"])], "3.0", "zh_CN")  # type: ignore[call-overload]
        target = folder / "self-test.vcf"
        target.write_text(text, encoding="utf-8")
        read_back = read_import(target.read_bytes(), target.name, today=now.date())
        names = [c.contact.name for c in read_back.candidates]
        if names != ["自检 王小明"]:
            raise RuntimeError(f"the vCard read back as {names}")
        return translate("SelfTest", "vCard written and read back (%1 bytes)").replace(
            "%1", str(target.stat().st_size)
        )

    def window_step() -> str:
        from PySide6.QtWidgets import QApplication

        from relbook.app import AppController

        app = QApplication.instance() or QApplication(["relbook"])
        controller = AppController(_book(state))
        window = controller.start()
        window.runner.wait_all()
        app.processEvents()
        image = window.grab()
        rows = window.model.rowCount()
        window.runner.shutdown()
        window.close()
        if image.isNull() or rows != 1:
            raise RuntimeError(f"the window showed {rows} contacts")
        return (
            translate("SelfTest", "%1x%2 pixels, %3 contact")
            .replace("%1", str(image.width()))
            .replace("%2", str(image.height()))
            .replace("%3", str(rows))
        )

    def bundled_files_step() -> str:
        """What a built app must carry besides code: catalogues, templates, icons, plugins."""
        from apscheduler.schedulers.qt import QtScheduler
        from PySide6.QtCore import QLibraryInfo, QTranslator
        from PySide6.QtWidgets import QApplication

        from relbook.core.greetings import default_templates
        from relbook.core.pinyin import reading_table
        from relbook.ui.tray import app_icon
        from relbook.words.i18n import catalogue_dir

        _app = QApplication.instance() or QApplication(["relbook"])  # pixmaps need one
        if reading_table() is None:  # names would still convert, through the phrase tables
            raise RuntimeError("pypinyin's character table (pinyin_dict.json) is missing")
        if not QTranslator().load("relbook_zh_CN", str(catalogue_dir())):
            raise RuntimeError(f"no relbook_zh_CN catalogue in {catalogue_dir()}")
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load("qtbase_zh_CN", qt_dir):
            raise RuntimeError(f"no qtbase_zh_CN catalogue in {qt_dir}")
        templates = default_templates()
        if not {"zh_CN", "en"} <= set(templates):
            raise RuntimeError(f"greeting templates for {sorted(templates)} only")
        sizes = sorted(size.width() for size in app_icon().availableSizes())
        if app_icon().pixmap(64, 64).isNull():
            raise RuntimeError("the app icon is missing")
        scheduler = QtScheduler()  # never started: the triggers are looked up by name only
        for trigger, options in (("cron", {"hour": 9}), ("interval", {"minutes": 1}), ("date", {})):
            scheduler.add_job(print, trigger, **options)
        icon = f"{sizes[0]}-{sizes[-1]} px" if sizes else "SVG"
        return translate(
            "SelfTest", "zh_CN catalogues, greetings, pinyin table, icon %1, scheduler triggers"
        ).replace("%1", icon)

    return [
        (translate("SelfTest", "open a new book and apply the migrations"), open_book_step),
        (translate("SelfTest", "add a contact with a lunar birthday"), add_contact_step),
        (translate("SelfTest", "compute the reminders"), reminders_step),
        (translate("SelfTest", "export the contact and read it back"), export_step),
        (translate("SelfTest", "render the main window offscreen"), window_step),
        (
            translate("SelfTest", "load the translations, greetings, pinyin, icon, triggers"),
            bundled_files_step,
        ),
    ]


def _book(state: dict[str, object]):  # type: ignore[no-untyped-def]
    book = state.get("book")
    if book is None:
        raise RuntimeError("no book (an earlier step failed)")
    return book
