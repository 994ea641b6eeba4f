"""``relbook reminders``: every occasion from a day for N days, overdue open items included."""

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Any

from relbook.core.agenda import agenda
from relbook.core.errors import ValidationError
from relbook.core.greetings import greetings_for
from relbook.core.reminders import Occurrence
from relbook.core.settings import get_setting
from relbook.core.supported_days import require_supported_day
from relbook.words import reminder_words
from relbook.words.i18n import resolve_language

MAX_DAYS = 3660
GREETING_BLOCK = 2000


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "reminders", help="list birthdays, festivals, follow-ups and neglect alerts"
    )
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (today)")
    parser.add_argument("--days", type=int, default=30, metavar="N", help="how many days (30)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def occurrence_json(occurrence: Occurrence, greeting: str) -> dict[str, object]:
    found: dict[str, object] = {
        "date": occurrence.date.isoformat(),
        "kind": occurrence.kind,
        "contact": occurrence.contact_name,
        "contact_id": occurrence.contact_id,
        "title": reminder_words.describe(occurrence),
        "subject": (
            reminder_words.festival_title(occurrence)
            if occurrence.kind == "festival"
            else occurrence.title
        ),
        "calendar": str(occurrence.calendar),
        "notice_from": occurrence.notice_from.isoformat(),
        "time": occurrence.at.isoformat(timespec="minutes") if occurrence.at else None,
        "overdue": occurrence.overdue,
        **({"recipients": occurrence.recipients} if occurrence.kind == "festival" else {}),
        "greeting": greeting,
        "key": occurrence.key,
    }
    if occurrence.kind == "family_birthday":
        found["family_member"] = {
            "id": occurrence.details.get("member_id"),
            "name": occurrence.title,
            "relation": occurrence.details.get("relation"),
        }
    return found


def book_language(book: Any) -> str:
    """``zh_CN`` or ``en``: the language the book's words and greetings are in."""
    with book.session() as session:
        return resolve_language(get_setting(session, "ui.language"))


def occurrences_json(
    book: Any, occurrences: Iterable[Occurrence], on: date
) -> list[dict[str, object]]:
    """``occurrence_json`` of each, with the greeting "copy greeting" gives on ``on`` in the
    book's language; worded a block at a time (a year of a large book is 280,000)."""
    language = book_language(book)
    found: list[dict[str, object]] = []
    items = iter(occurrences)
    while block := list(islice(items, GREETING_BLOCK)):
        codes = {str(o.details.get("festival")) for o in block if o.kind == "festival"}
        names = {code: reminder_words.festival_name(code) for code in codes}
        with book.session() as session:
            texts = greetings_for(session, block, language, on, names)
        found += [occurrence_json(o, text) for o, text in zip(block, texts, strict=True)]
    return found


def run(book: Any, args: argparse.Namespace) -> int:
    try:
        start = date.fromisoformat(args.start) if args.start else datetime.now().date()
    except ValueError:
        raise ValidationError.single("from", "bad_day", option="--from", value=args.start) from None
    require_supported_day("from", start)
    if not 1 <= args.days <= MAX_DAYS:
        raise ValidationError.single("days", "out_of_range", min=1, max=MAX_DAYS)
    # read a few days at a time: the first lines of a year come at once, in little memory
    found = agenda(book.session, start, start + timedelta(days=args.days - 1))
    if args.json:
        sys.stdout.write(
            json.dumps(occurrences_json(book, found, start), ensure_ascii=False, indent=2) + "\n"
        )
        return 0
    for occurrence in found:
        print(
            "\t".join(
                [
                    occurrence.date.isoformat(),
                    reminder_words.kind_label(occurrence.kind),
                    reminder_words.describe(occurrence),
                ]
            )
        )
    return 0
