"""``relbook today``: the Today view on the command line, from the function the window uses."""

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from relbook.cli.reminders import occurrences_json
from relbook.core.errors import ValidationError
from relbook.core.supported_days import require_supported_day
from relbook.core.today import Neglected, TodaySummary, today_summary
from relbook.words import reminder_words


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "today", help="what is due now, the next 30 days, and who went quiet (as in the window)"
    )
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="as on that day, at the current time of day (today)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def _when(text: str | None) -> datetime:
    now = datetime.now()
    if not text:
        return now
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError.single("date", "bad_day", option="--date", value=text) from None
    require_supported_day("date", day)
    return datetime.combine(day, now.time())


def neglected_json(person: Neglected) -> dict[str, object]:
    return {
        "contact": person.name,
        "contact_id": person.contact_id,
        "tier": person.tier,
        "days_overdue": person.days_overdue,
        "cadence": person.cadence_days,
        "cadence_rule": person.cadence_rule,
        "last_contacted": (
            person.last_contacted.isoformat(timespec="minutes") if person.last_contacted else None
        ),
    }


def summary_json(book: Any, summary: TodaySummary, day: date) -> dict[str, object]:
    return {
        "date": day.isoformat(),
        "due": occurrences_json(book, summary.due, day),
        "next_30_days": occurrences_json(book, summary.upcoming, day),
        "gone_quiet": [neglected_json(person) for person in summary.neglected],
    }


def _print_text(summary: TodaySummary) -> None:
    sections = (
        (
            QCoreApplication.translate("TodayCommand", "Due now (%1)"),
            len(summary.due),
            summary.due,
        ),
        (
            QCoreApplication.translate("TodayCommand", "Next 30 days (%1)"),
            summary.upcoming_count,
            summary.upcoming,
        ),
    )
    for heading, count, items in sections:
        print(heading.replace("%1", str(count)))
        for occurrence in items:
            late = "!" if occurrence.overdue else " "
            print(
                f"{late} {occurrence.date.isoformat()}\t"
                f"{reminder_words.kind_label(occurrence.kind)}\t"
                f"{reminder_words.describe(occurrence)}"
            )
        print()
    gone_quiet = QCoreApplication.translate("TodayCommand", "Gone quiet (%1)")
    print(gone_quiet.replace("%1", str(len(summary.neglected))))
    for person in summary.neglected:
        print(
            f"  {person.name}\t{person.tier or '-'}\t"
            + QCoreApplication.translate("TodayCommand", "%1 days overdue").replace(
                "%1", str(person.days_overdue)
            )
        )


def run(book: Any, args: argparse.Namespace) -> int:
    now = _when(args.date)
    with book.session() as session:
        summary = today_summary(session, now)
    if args.json:
        sys.stdout.write(
            json.dumps(summary_json(book, summary, now.date()), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        _print_text(summary)
    return 0
