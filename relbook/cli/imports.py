"""``relbook import FILE``: preview, then write in one transaction with a progress line.

Ctrl+C while records are written cancels the import and writes nothing.
"""

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from relbook.cli.progress_line import ProgressLine
from relbook.exchange import import_run, importer
from relbook.exchange.files import file_error
from relbook.words import import_words
from relbook.words.import_words import fill
from relbook.words.labels import translate

IMPORT_FORMATS = ("vcf", "csv", "xlsx", "json")
LISTED_DUPLICATES = 20
"""Likely duplicates listed one by one in the preview; the rest are counted."""


def add_parser(commands: Any) -> None:
    imp = commands.add_parser(
        "import",
        help="import contacts from a vCard, CSV or Excel file, or a whole relbook JSON archive",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="default: from the file name's extension; json is a relbook archive, copied into "
        "an empty book or merged into this one",
    )
    imp.add_argument("--encoding", metavar="E", help="text encoding, e.g. gbk (default: guessed)")
    imp.add_argument(
        "--on-duplicate",
        choices=("merge", "skip", "add"),
        default="merge",
        help="what to do with a likely duplicate (default: merge, filling only empty fields; "
        "an archive always merges)",
    )
    imp.add_argument("--dry-run", action="store_true", help="only show what would happen")


def run(book: Any, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if import_run.is_archive(path, args.format):
        return _archive(book, path, args.dry_run)
    importer.import_format(path.name, args.format)
    loaded = import_run.load(book, path, args.format, args.encoding)
    preview = loaded.preview
    assert preview is not None
    _print_preview(preview)
    if not preview.source.candidates:
        raise file_error("no_records", str(path))
    if args.dry_run:
        print(translate("Import", "Dry run: nothing was written."))
        return 0
    progress = ProgressLine(translate("Import", "Importing %1 / %2"))
    try:
        outcome = import_run.apply(
            book, preview, args.on_duplicate, now=datetime.now(), report=progress
        )
    except KeyboardInterrupt:
        progress.close()
        print(translate("Import", "The import was cancelled; nothing was written."))
        return 130
    progress.close()
    assert outcome is not None and isinstance(outcome.result, importer.ImportResult)
    _print_backup(outcome.backup)
    result = outcome.result
    warned = importer.written_with_warnings(preview.source, result)
    print(
        import_words.result_summary(
            len(result.created),
            len(result.merged),
            len(result.skipped),
            len(result.failed),
            warned,
        )
    )
    if result.failed:
        print("\n".join(_problem_lines(preview.source.unit, result.failed)))
    return 0


def _archive(book: Any, path: Path, dry_run: bool) -> int:
    """Copy a JSON archive into an empty book, or merge it into this one."""
    if dry_run:
        loaded = import_run.load(book, path, "json")
        assert loaded.archive is not None
        print(import_words.archive_summary(loaded.archive))
        print(translate("Import", "Dry run: nothing was written."))
        return 0
    from relbook.exchange.files import read_file

    outcome = import_run.apply_archive(book, read_file(path), path.name, now=datetime.now())
    assert outcome is not None and not isinstance(outcome.result, importer.ImportResult)
    _print_backup(outcome.backup)
    print(import_words.archive_summary(outcome.result))
    return 0


def _print_backup(backup: Path | None) -> None:
    if backup is not None:
        print(fill(translate("Import", "Backup of the book saved to %1"), backup))


def _problem_lines(unit: str, problems: list[importer.SourceProblem]) -> list[str]:
    return ["  " + import_words.problem_line(unit, p) for p in problems]


def _duplicate_line(unit: str, item: importer.PreviewItem) -> str:
    """The match with the contact's id, so the user can look at it with ``contact show``."""
    where = import_words.position_text(unit, item.candidate.position)
    name, reason = item.candidate.contact.name, import_words.reason_text(item.reason)
    if item.contact_id is not None:
        template = translate("Import", "%1 %2 matches %3 (id %4): %5")
        return "  " + fill(template, where, name, item.contact_name, item.contact_id, reason)
    earlier = import_words.position_text(unit, item.earlier_position or 0)
    template = translate("Import", "%1 %2 repeats %3 of this file: %4")
    return "  " + fill(template, where, name, earlier, reason)


def _shared_line(unit: str, item: importer.PreviewItem) -> str:
    where = import_words.position_text(unit, item.candidate.position)
    name = item.candidate.contact.name
    return f"  {where} {name}: {import_words.match_text(unit, item)}"


def _print_preview(preview: importer.ImportPreview) -> None:
    unit = preview.source.unit
    positions = {c.position for c in preview.source.candidates}
    blocked = [p for p in preview.source.problems if p.position not in positions]
    noted = [p for p in preview.source.problems if p.position in positions]
    lines = [fill(translate("Import", "New contacts: %1"), len(preview.new))]
    shared = preview.shared
    if shared:
        template = translate("Import", "of them, with the landline of someone else: %1")
        lines.append("  " + fill(template, len(shared)))
        lines += ["  " + _shared_line(unit, item) for item in shared[:LISTED_DUPLICATES]]
        if len(shared) > LISTED_DUPLICATES:
            more = len(shared) - LISTED_DUPLICATES
            lines.append("    " + fill(translate("Import", "… and %1 more"), more))
    duplicates = preview.duplicates
    lines.append(fill(translate("Import", "Likely duplicates: %1"), len(duplicates)))
    lines += [_duplicate_line(unit, item) for item in duplicates[:LISTED_DUPLICATES]]
    if len(duplicates) > LISTED_DUPLICATES:
        more = len(duplicates) - LISTED_DUPLICATES
        lines.append("  " + fill(translate("Import", "… and %1 more"), more))
    if blocked:
        lines.append(fill(translate("Import", "Cannot be imported: %1"), len(blocked)))
        lines += _problem_lines(unit, blocked)
    if noted:
        lines.append(fill(translate("Import", "Read with problems: %1"), len(noted)))
        lines += _problem_lines(unit, noted)
    warned = preview.source.warned
    if warned:
        lines.append(fill(translate("Import", "Records with warnings: %1"), len(warned)))
        lines += [_warning_line(unit, c) for c in warned[:LISTED_DUPLICATES]]
        if len(warned) > LISTED_DUPLICATES:
            more = len(warned) - LISTED_DUPLICATES
            lines.append("  " + fill(translate("Import", "… and %1 more"), more))
    source = preview.source
    not_imported = import_words.not_imported_text(source.not_imported, source.empty_columns)
    if not_imported:
        lines.append(not_imported)
    print("\n".join(lines))


def _warning_line(unit: str, candidate: importer.Candidate) -> str:
    """The record, by position and name, and what was left out of it."""
    where = import_words.position_text(unit, candidate.position)
    said = " ".join(import_words.warning_text(w) for w in candidate.warnings)
    return f"  {where} {candidate.contact.name}: {said}"
