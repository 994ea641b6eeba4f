"""The ``relbook`` command: starts the GUI, or runs one book command and exits.

Errors go to stderr in the user's language with exit code 1 (2 for bad usage), never a
traceback. The commands call the same services as the GUI.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from relbook import __version__
from relbook.cli.dates import DATE_OPTIONS, DAY
from relbook.core.errors import BookDamaged, RelbookError, StorageError, ValidationError

# The command modules (backup_cli, import_cli, ...) and the contact input (with the lunar
# calendar) are imported where they are used: opening the window needs none of them, and they
# bring in much (alembic, pypinyin, openpyxl...); see bench/README.md, cold start. Each command
# group has its module in cli/ with its parser (``add_parser`` or ``add_parsers``) and its
# handlers (``run``, or ``run_*`` for a group of commands); this module holds the top-level
# parser, main(), the writer lock and the error handling, and the demo and screenshots commands.


def _build_parser() -> argparse.ArgumentParser:
    from relbook.cli import backup as backup_cli
    from relbook.cli import company as company_cli
    from relbook.cli import contacts as contacts_cli
    from relbook.cli import dates as dates_cli
    from relbook.cli import deals as deals_cli
    from relbook.cli import duplicates as duplicates_cli
    from relbook.cli import export as export_cli
    from relbook.cli import greet as greet_cli
    from relbook.cli import history as history_cli
    from relbook.cli import imports as import_cli
    from relbook.cli import purchases as purchases_cli
    from relbook.cli import reminders as reminders_cli
    from relbook.cli import today as today_cli

    parser = argparse.ArgumentParser(
        prog="relbook",
        description=(
            "relbook: a relationship book for salespeople. Without a command it opens the "
            "window; with one, it works on the book and exits."
        ),
    )
    parser.add_argument("--version", action="version", version=f"relbook {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary book (never yours) and exit: 0 if it works",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder of the book (default: $RELBOOK_HOME, else the platform's data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill the book with realistic Chinese demo data")
    demo.add_argument("--contacts", type=int, default=300, metavar="N", help="how many (300)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (1)")

    contacts_cli.add_parser(commands)
    company_cli.add_parser(commands)
    purchases_cli.add_parser(commands)
    duplicates_cli.add_parser(commands)

    dates_cli.add_parsers(commands)

    history_cli.add_parsers(commands)

    deals_cli.add_parsers(commands)

    reminders_cli.add_parser(commands)
    today_cli.add_parser(commands)
    greet_cli.add_parser(commands)

    import_cli.add_parser(commands)
    export_cli.add_parser(commands)

    backup_cli.add_parsers(commands)

    shots = commands.add_parser("screenshots", help="render every main screen to PNG files")
    shots.add_argument("outdir", metavar="OUTDIR")
    return parser


def _normalize_argv(argv: Sequence[str]) -> list[str]:
    """Let ``--birthday --03-08`` through: argparse would read ``--03-08`` as an option."""
    fixed = list(argv)
    for index, item in enumerate(fixed[:-1]):
        if item in DATE_OPTIONS and DAY.match(fixed[index + 1]):
            fixed[index] = f"{item}={fixed[index + 1]}"
            fixed[index + 1] = ""
    return [item for item in fixed if item != ""]


def _cmd_demo(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.demo import fill_demo
    from relbook.words.labels import translate

    if args.contacts < 1 or args.contacts > 1_000_000:
        raise ValidationError.single("demo_contacts", "out_of_range", min=1, max=1_000_000)
    with book.session(immediate=True) as session:
        added = fill_demo(session, args.contacts, args.seed, datetime.now())
    print(translate("Cli", "Added %1 demo contacts.").replace("%1", str(added)))
    return 0


class AppCommands(Protocol):
    """What only the app can do: open the window, run the self-test, render the screens.

    The command line stands below the window (docs/architecture.md): the program's entry,
    ``relbook.__main__``, hands these to ``main``.
    """

    def start_window(self, data_dir: str | None) -> int: ...

    def self_test(self) -> int: ...

    def screenshots(self, book: Any, outdir: Path) -> list[Path]: ...


def _needs_app() -> int:
    from relbook.words.labels import translate

    return _error(
        translate("Cli", "This needs the relbook program (the relbook command), not its CLI alone.")
    )


def _screenshots(app: AppCommands | None) -> Callable[[Any, argparse.Namespace], int]:
    def run(book: Any, args: argparse.Namespace) -> int:
        if app is None:
            return _needs_app()
        for path in app.screenshots(book, Path(args.outdir)):
            print(path)
        return 0

    return run


def _start_gui(data_dir: str | None, app: AppCommands | None) -> int:
    from relbook.db import integrity, location

    if app is None:
        return _needs_app()
    try:  # the book's check runs while the window's modules load (see check_in_background)
        integrity.check_in_background(location.database_path(location.resolve_data_dir(data_dir)))
    except OSError:
        pass  # the window finds the same trouble and shows it
    return app.start_window(data_dir)


def _core_app_with_language(book: Any, needs_fonts: bool = False) -> Any:
    """The Qt application the command needs: fonts (for PDF) need a GUI one, offscreen."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from relbook.core.settings import get_setting
    from relbook.words.i18n import install_language, resolve_language

    app = QCoreApplication.instance()
    if app is None and needs_fonts:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["relbook"])
    elif app is None:
        app = QCoreApplication(["relbook"])
    with book.session() as session:
        setting = get_setting(session, "ui.language")
    install_language(resolve_language(setting))
    return app


def _error(message: str) -> int:
    sys.stderr.write(message.rstrip() + "\n")
    return 1


def _problem(problem: RelbookError) -> int:
    """Say ``problem``; exit 3 when the book is busy (trying again later helps), else 1."""
    from relbook.words.labels import problem_text

    _error(problem_text(problem))
    return EXIT_IN_USE if isinstance(problem, StorageError) and problem.code == "locked" else 1


DAMAGED_EXIT = 2
"""Exit code when the book file fails the start-up check and was left untouched."""


def _damaged(damaged: Any, data_dir: str | None) -> int:
    """Name the damaged file and the newest good backup, and the command that restores it."""
    from relbook.words.labels import damaged_text, translate

    lines = [damaged_text(damaged)]
    if damaged.backup:
        words = ["relbook"] + (["--data-dir", data_dir] if data_dir else [])
        command = shlex.join([*words, "restore", damaged.backup])
        lines.append(
            translate("Cli", "To put it in place of the damaged file (which is kept), run:")
        )
        lines.append(f"  {command}")
    _error("\n".join(lines))
    return DAMAGED_EXIT


WRITING_COMMANDS = frozenset(
    {"demo", "date", "family", "log", "gift", "refer", "import", "restore"}
)
"""Commands that change the book; ``contact`` writes with ``add`` and ``edit`` only,
``purchase`` with ``add`` only, ``greet`` with ``--log`` and ``--log-all`` only, ``deal`` with
``add``, ``move``, ``won``, ``lost`` and ``role``, ``duplicates`` with ``merge`` and ``dismiss``."""

EXIT_IN_USE = 3
"""Another relbook or another program holds the book: trying again later helps."""
EXIT_UNEXPECTED = 70


def _writes(args: argparse.Namespace) -> bool:
    if args.command == "contact":
        return args.action in ("add", "edit")
    if args.command == "purchase":
        return args.action == "add"
    if args.command == "import":
        return not args.dry_run
    if args.command == "greet":
        from relbook.cli.greet import writes

        return writes(args)
    if args.command == "deal":
        from relbook.cli.deals import writes as deal_writes

        return deal_writes(args)
    if args.command == "duplicates":
        from relbook.cli.duplicates import writes as duplicates_write

        return duplicates_write(args)
    return args.command in WRITING_COMMANDS


def _take_writer_lock(args: argparse.Namespace) -> Any:
    """The book's writer lock for a writing command (None otherwise); raises BookInUse."""
    from relbook.db.location import resolve_data_dir
    from relbook.db.writer_lock import WriterLock

    if not _writes(args):
        return None
    try:
        data_dir = resolve_data_dir(args.data_dir)
    except OSError:
        return None  # opening the book says what is wrong with the folder
    return WriterLock(data_dir).acquire()


def _window_only(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` only opens the window (no arguments, or ``--data-dir DIR``), and DIR.

    That start, the common one, skips building the parser: it would import every command.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data-dir" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return True, argv[0].partition("=")[2]
    return False, None


def main(argv: Sequence[str] | None = None, app: AppCommands | None = None) -> int:
    """Run the command in ``argv`` (default: the process's arguments) and return its exit code.

    Without ``app`` (as tests and scripts call it) the window, the self-test and the screenshots
    are refused with a message; ``relbook.__main__`` passes the app.
    """
    arguments = _normalize_argv(sys.argv[1:] if argv is None else argv)
    window, data_dir = _window_only(arguments)
    if window:
        return _start_gui(data_dir, app)
    parser = _build_parser()
    args = parser.parse_args(arguments)
    if args.self_test:
        return _needs_app() if app is None else app.self_test()
    if args.command is None:
        return _start_gui(args.data_dir, app)
    from relbook.core.errors import BookInUse
    from relbook.words.labels import problem_text

    try:
        lock = _take_writer_lock(args)
    except BookInUse as busy:
        _error(problem_text(busy))
        return EXIT_IN_USE
    except StorageError as problem:  # e.g. a read-only folder: the lock file cannot be made
        return _problem(problem)
    try:
        return _run_command(args, app)
    except Exception as problem:  # logged without contact details; the user gets the log's path
        return _unexpected(problem, args.data_dir)
    finally:
        if lock is not None:
            lock.release()


def _unexpected(problem: Exception, data_dir: str | None) -> int:
    from relbook import crash_log
    from relbook.db.location import resolve_data_dir
    from relbook.words.labels import translate

    try:
        target = crash_log.start_logging(resolve_data_dir(data_dir))
        crash_log.log_error(problem, problem.__traceback__, where="cli")
    except OSError:
        target = None
    message = translate("Cli", "relbook: an unexpected error stopped the command (%1).").replace(
        "%1", type(problem).__name__
    )
    if target is not None:
        message += "\n" + translate("Cli", "The details were written to %1").replace(
            "%1", str(target)
        )
    _error(message)
    return EXIT_UNEXPECTED


def _run_command(args: argparse.Namespace, app: AppCommands | None) -> int:
    from relbook.cli import backup as backup_cli
    from relbook.cli import company as company_cli
    from relbook.cli import contacts as contacts_cli
    from relbook.cli import dates as dates_cli
    from relbook.cli import deals as deals_cli
    from relbook.cli import duplicates as duplicates_cli
    from relbook.cli import export as export_cli
    from relbook.cli import greet as greet_cli
    from relbook.cli import history as history_cli
    from relbook.cli import imports as import_cli
    from relbook.cli import purchases as purchases_cli
    from relbook.cli import reminders as reminders_cli
    from relbook.cli import today as today_cli
    from relbook.db.book import open_book

    if args.command in backup_cli.FILE_COMMANDS:
        try:
            return backup_cli.run_on_file(args)
        except RelbookError as problem:
            return _problem(problem)
        except OSError as problem:
            return _error(f"relbook: {problem}")
    try:
        book = open_book(args.data_dir)
    except BookDamaged as damaged:
        return _damaged(damaged, args.data_dir)
    except RelbookError as problem:
        return _problem(problem)
    except OSError as problem:
        return _error(f"relbook: {problem}")
    try:
        if book.read_only and _writes(args):  # refuse before anything is read or worked out
            raise StorageError("read_only", str(book.db_path))
        if args.command != "screenshots":
            _core_app_with_language(
                book, needs_fonts=args.command == "export" and args.format == "pdf"
            )
        handlers: dict[str, Callable[[Any, argparse.Namespace], int]] = {
            "demo": _cmd_demo,
            "contact": contacts_cli.run,
            "company": company_cli.run,
            "purchase": purchases_cli.run,
            "duplicates": duplicates_cli.run,
            "date": dates_cli.run_date,
            "family": dates_cli.run_family,
            "log": history_cli.run_log,
            "gift": history_cli.run_gift,
            "refer": history_cli.run_refer,
            "deal": deals_cli.run,
            "forecast": deals_cli.run_forecast,
            "screenshots": _screenshots(app),
            "reminders": reminders_cli.run,
            "today": today_cli.run,
            "greet": greet_cli.run,
            "import": import_cli.run,
            "export": export_cli.run,
            "backup": backup_cli.run_backup,
        }
        return handlers[args.command](book, args)
    except RelbookError as problem:
        return _problem(problem)
    except BrokenPipeError:  # the reader (e.g. ``head``) stopped reading: nothing to report
        return 0
    except OSError as problem:
        return _error(f"relbook: {problem}")
    finally:
        book.close()
