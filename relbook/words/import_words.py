"""Words for an import's preview: record positions, duplicate reasons, warnings, column fields.

Shared by the import dialog and the CLI, so both say the same thing about the same file.
"""

import re

from relbook.core.fields import IMPORT_TARGETS
from relbook.exchange.archive import ArchiveResult
from relbook.exchange.importer import PreviewItem, SourceProblem, SourceWarning
from relbook.words import labels
from relbook.words.labels import translate


def fill(template: str, *values: object) -> str:
    """``%1``, ``%2``, ... replaced in one pass, so a name containing "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]), template)


def position_text(unit: str, position: int, line: int | None = None) -> str:
    """ "Row 5", "Card 3" or "Card 3 (line 41)"."""
    if unit == "row":
        return fill(translate("Import", "Row %1"), position)
    if line is None:
        return fill(translate("Import", "Card %1"), position)
    return fill(translate("Import", "Card %1 (line %2)"), position, line)


def reason_text(reason: str | None) -> str:
    words = {
        "phone": translate("Import", "same phone"),
        "email": translate("Import", "same email"),
        "name_company": translate("Import", "same name and company"),
        "name": translate("Import", "same name"),
    }
    return words.get(reason or "", reason or "")


def match_text(unit: str, item: PreviewItem) -> str:
    """What a likely duplicate matches, and why; empty for a new contact."""
    if item.other_name:
        return _shared_text(unit, item)
    if item.contact_id is not None:
        template = translate("Import", "Matches %1 in the book (%2)")
        return fill(template, item.contact_name, reason_text(item.reason))
    if item.earlier_position is not None:
        where = position_text(unit, item.earlier_position)
        return fill(
            translate("Import", "Repeats %1 of this file (%2)"), where, reason_text(item.reason)
        )
    return ""


def _shared_text(unit: str, item: PreviewItem) -> str:
    """A record with the landline of someone of another name, added unless merged."""
    if item.contact_id is not None:
        template = translate(
            "Import", "%1 in the book has the same landline under another name: added as new"
        )
        return fill(template, item.contact_name)
    where = position_text(unit, item.earlier_position or 0)
    template = translate("Import", "%1 of this file has the same landline under another name")
    return fill(template, where)


def problem_line(unit: str, problem: SourceProblem) -> str:
    """ "Row 7: Name must not be empty."."""
    reasons = " ".join(labels.error_text(e) for e in problem.errors)
    return f"{position_text(unit, problem.position, problem.line)}: {reasons}"


def warning_text(warning: SourceWarning) -> str:
    """One sentence about something dropped from a record that was still read."""
    p = warning.params
    if warning.code == "not_recognised":
        return _not_recognised_text(p)
    if warning.code == "name_derived":
        words = {
            "ORG": translate("Import", "The card has no name: it is named after its company."),
            "EMAIL": translate("Import", "The card has no name: it is named after its email."),
            "TEL": translate("Import", "The card has no name: it is named after its phone."),
        }
        return words.get(str(p.get("field")), words["ORG"])
    templates = {
        "bad_photo": translate("Import", "The photo could not be read and was left out."),
        "photo_not_embedded": translate(
            "Import", "The photo is a link, not a picture in the file; it was left out."
        ),
        "skipped_lines": translate("Import", "Some unreadable lines of the card were skipped."),
        "bad_birthday": translate("Import", "The birthday could not be read and was left out."),
        "bad_date": translate("Import", "A special date could not be read and was left out."),
        "future_birth_year": translate(
            "Import", "The birthday is after today: its year was left out, its month and day kept."
        ),
        "extra_value": translate(
            "Import", '%1: "%2" is kept in the note (the field holds one value).'
        ),
        "level_ignored": translate(
            "Import", 'Relationship level "%2" is not 1 to 5 and was left out.'
        ),
        "stage_ignored": translate("Import", 'Customer stage "%2" is unknown and was left out.'),
        "birthday_dropped": translate(
            "Import", '%1: "%2" is not a date that can be read; it is kept in the note.'
        ),
    }
    template = templates.get(warning.code)
    if template is None:
        return warning.code
    return fill(template, column_field_text(str(p.get("field", ""))), p.get("value", ""))


def _not_recognised_text(p: dict[str, object]) -> str:
    """A value kept in the note: its vCard line, or its column in a table."""
    value = str(p.get("value", ""))
    if len(value) > 80:
        value = value[:79] + "…"
    if p.get("line"):
        template = translate("Import", 'Line %1: %2 "%3" not recognised; kept in the note.')
        return fill(template, p["line"], p.get("field", ""), value)
    if p.get("column"):
        template = translate("Import", '%1: "%2" not recognised; kept in the note.')
        return fill(template, p["column"], value)
    template = translate("Import", '%1 "%2" not recognised; kept in the note.')
    return fill(template, p.get("field", ""), value)


def not_imported_text(headers: list[str], empty: int) -> str:
    """The columns the mapping leaves out: "Not imported: Nickname, Fax (and 12 empty)"."""
    if not headers and not empty:
        return ""
    named = translate("Import", ", ").join(headers)
    if not headers:
        return fill(translate("Import", "Not imported: %1 empty columns."), empty)
    if not empty:
        return fill(translate("Import", "Not imported: %1."), named)
    return fill(translate("Import", "Not imported: %1 (and %2 empty columns)."), named, empty)


def column_fields() -> dict[str, str]:
    """Every field a table column can be imported as, in the order the dialog offers them."""
    own = {
        "name": translate("Import", "Name (full)"),
        "family_name": translate("Import", "Family name"),
        "given_name": translate("Import", "Given name"),
        "phone": translate("Import", "Phone"),
        "birthday": translate("Import", "Birthday"),
        "lunar_birthday": translate("Import", "Lunar birthday"),
        "birth_year": translate("Import", "Birthday: year"),
        "birth_month": translate("Import", "Birthday: month"),
        "birth_day": translate("Import", "Birthday: day"),
    }
    return {code: own.get(code) or labels.field(code) for code in IMPORT_TARGETS}


def column_field_text(field: str) -> str:
    return column_fields().get(field, labels.field(field) if field else "")


def archive_summary(result: ArchiveResult) -> str:
    """What copying or merging a JSON archive adds to the book."""
    added = result.added
    if result.mode == "copy":
        template = translate(
            "Import",
            "Copied the archive into the empty book: %1 contacts, %2 interactions, "
            "%3 gifts, %4 tasks.",
        )
        return fill(
            template, *(added.get(t, 0) for t in ("contact", "interaction", "gift", "task"))
        )
    template = translate(
        "Import",
        "Merged: %1 new contacts, %2 matched, %3 interactions, %4 gifts and %5 tasks added.",
    )
    counts = (added.get(t, 0) for t in ("interaction", "gift", "task"))
    return fill(template, added.get("contact", 0), result.matched, *counts)


def result_summary(created: int, merged: int, skipped: int, failed: int, warned: int = 0) -> str:
    """The line said after a vCard / CSV / Excel import; ``warned`` of the records written had
    values that could not be used (kept in their notes)."""
    text = fill(translate("Import", "Created %1, merged %2, skipped %3."), created, merged, skipped)
    if failed:
        text += " " + fill(translate("Import", "Failed: %1"), failed)
    if warned:
        text += " " + fill(
            translate(
                "Import", "With warnings: %1 (what could not be used is kept in their notes)."
            ),
            warned,
        )
    return text
