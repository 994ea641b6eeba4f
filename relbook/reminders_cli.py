"""``relbook reminders``: every occasion from a day for N days, overdue open items included."""

import argparse
import json
import sys
from datetime import date, datetime, timedelta
from typing import Any

from relbook import reminder_words
from relbook.core.agenda import agenda
from relbook.core.errors import ValidationError
from relbook.core.reminders import Occurrence

MAX_DAYS = 3660


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "reminders", help="list birthdays, festivals, follow-ups and neglect alerts"
    )
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (today)")
    parser.add_argument("--days", type=int, default=30, metavar="N", help="how many days (30)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def occurrence_json(occurrence: Occurrence) -> dict[str, object]:
    return {
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
        "key": occurrence.key,
    }


def run(book: Any, args: argparse.Namespace) -> int:
    try:
        start = date.fromisoformat(args.start) if args.start else datetime.now().date()
    except ValueError:
        raise ValidationError.single("from", "bad_day", option="--from", value=args.start) from None
    if not 1 <= args.days <= MAX_DAYS:
        raise ValidationError.single("days", "out_of_range", min=1, max=MAX_DAYS)
    # read a few days at a time: the first lines of a year come at once, in little memory
    found = agenda(book.session, start, start + timedelta(days=args.days - 1))
    if args.json:
        sys.stdout.write(
            json.dumps([occurrence_json(o) for o in found], ensure_ascii=False, indent=2) + "\n"
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
