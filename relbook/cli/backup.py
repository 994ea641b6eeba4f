"""``relbook backup``, ``restore`` and ``check``: the book's safety from the command line.

``restore`` and ``check`` work on the file without opening the book first, so they also work
on a book that no longer opens (``restore`` sets a damaged one aside). Commands take no daily
backup: the window takes it when it first starts on a day, and a script calling relbook many
times a day would otherwise push the useful backups out of the rotation.
"""

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from relbook.db import backups, checks, restore
from relbook.db.location import backup_dir, database_path, resolve_data_dir
from relbook.words.i18n import install_language, resolve_language
from relbook.words.import_words import fill
from relbook.words.labels import data_size, translate

FILE_COMMANDS = ("restore", "check")
"""Commands that run on the book file instead of an opened book."""


def add_parsers(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="save a copy of the book (safe while the window has it open)"
    )
    backup.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the copy to FILE (or into the folder FILE) instead of the backup folder; "
        "such a copy is never rotated away",
    )
    restore_cmd = commands.add_parser(
        "restore",
        help="put a backup in place of the book after checking it; the current book is saved "
        "first (quit the window before)",
    )
    restore_cmd.add_argument("file", metavar="FILE", help="a backup (relbook-*.sqlite)")
    commands.add_parser(
        "check",
        help="run SQLite's integrity and foreign-key checks on the book; exit 0 only when sound",
    )


def run_backup(book: Any, args: argparse.Namespace) -> int:
    now = datetime.now()
    if args.output:
        path = backups.backup_to(book, Path(args.output).expanduser(), now)
    else:
        path = backups.backup_book(book, "manual", now)
    print(fill(translate("Cli", "Backup saved to %1 (%2)."), path, data_size(path.stat().st_size)))
    return 0


def run_on_file(args: argparse.Namespace) -> int:
    """``restore`` or ``check``; errors are raised for ``cli.main`` to put into words."""
    data_dir = resolve_data_dir(args.data_dir)
    db_path = database_path(data_dir)
    _install_language(db_path)
    if args.command == "check":
        return _check(db_path)
    return _restore(data_dir, db_path, Path(args.file).expanduser())


def _install_language(db_path: Path) -> None:
    if QCoreApplication.instance() is None:
        QCoreApplication(["relbook"])
    setting = backups.stored_settings(db_path).get("ui.language")
    install_language(resolve_language(setting if isinstance(setting, str) else "system"))


def _restore(data_dir: Path, db_path: Path, source: Path) -> int:
    from relbook.db.book import open_book

    restored = restore.restore_file(db_path, source, backup_dir(data_dir), datetime.now())
    open_book(data_dir).close()  # upgrades a backup from an older relbook now
    contacts = restored.candidate.contacts
    print(fill(translate("Cli", "Restored the book from %1 (%2 contacts)."), source, contacts))
    if restored.previous is not None:
        print(fill(translate("Cli", "The previous book was saved to %1"), restored.previous))
    return 0


def _check(db_path: Path) -> int:
    report = checks.check_book(db_path)
    if report.sound:
        print("ok")
        return 0
    for line in report.integrity:
        print(fill(translate("Cli", "Damaged: %1"), line))
    template = translate("Cli", 'Table "%1", row %2 refers to a row of "%3" that does not exist.')
    for broken in report.references:
        print(fill(template, broken.table, broken.rowid, broken.parent))
    return 1
