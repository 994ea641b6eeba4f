"""``relbook greet``: a festival's greeting person by person, and logging the ones sent."""

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from relbook.core.errors import ValidationError
from relbook.core.festival_greetings import (
    FestivalGreeting,
    GreetingSheet,
    find_festival,
    greeted_at,
    greeting_day,
    greeting_sheet,
    mark_greeted,
)
from relbook.core.festivals import DEFAULT_FESTIVALS
from relbook.words import reminder_words

clock: Callable[[], datetime] = datetime.now
"""Where the command reads the time (tests set it)."""


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "greet",
        help="a festival's recipients, each with their own greeting; log the greetings sent",
    )
    codes = ", ".join(f.code for f in DEFAULT_FESTIVALS)
    parser.add_argument(
        "--festival",
        required=True,
        metavar="CODE",
        help=f"a built-in festival ({codes}) or custom:ID for one you added",
    )
    parser.add_argument(
        "--year",
        type=int,
        metavar="Y",
        help="the festival of that solar year (default: the next one, or the one of the last "
        "3 days)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    logging = parser.add_mutually_exclusive_group()
    logging.add_argument(
        "--log",
        action="append",
        metavar="NAME_OR_ID",
        help="log that this contact was sent the greeting; repeat for several",
    )
    logging.add_argument(
        "--log-all",
        action="store_true",
        help="log that every recipient not greeted yet was sent the greeting",
    )


def writes(args: argparse.Namespace) -> bool:
    """Whether the command changes the book (and needs the writer lock)."""
    return bool(args.log or args.log_all)


def _language(session: Any) -> str:
    from relbook.core.settings import get_setting
    from relbook.words.i18n import resolve_language

    return resolve_language(get_setting(session, "ui.language"))


def _sheet(session: Any, args: argparse.Namespace, now: datetime) -> GreetingSheet:
    festival, _audience = find_festival(session, args.festival)
    day = greeting_day(festival, now.date(), args.year)
    if day is None:
        raise ValidationError.single("festival", "no_festival_day", value=args.year or now.year)
    names = {festival.code: reminder_words.festival_name(festival.code)}
    return greeting_sheet(session, args.festival, day, now.date(), _language(session), names)


def _title(sheet: GreetingSheet) -> str:
    return sheet.festival.name or reminder_words.festival_name(sheet.festival.code)


def row_json(row: FestivalGreeting, sheet: GreetingSheet) -> dict[str, object]:
    person = row.recipient
    return {
        "contact": person.name,
        "contact_id": person.contact_id,
        "salutation": person.salutation,
        "tier": person.tier,
        "stage": person.stage,
        "reasons": [{"rule": r.rule, "value": r.value} for r in person.reasons],
        "greeting": row.greeting,
        "sent": person.sent,
        "sent_at": row.greeted_at.isoformat(timespec="minutes") if row.greeted_at else None,
        "festival": sheet.festival.code,
        "date": sheet.day.isoformat(),
    }


def _print_sheet(sheet: GreetingSheet) -> None:
    sent = sum(1 for row in sheet.rows if row.recipient.sent)
    print(
        QCoreApplication.translate("GreetCommand", "%1 · %2: %3 recipients, %4 already greeted")
        .replace("%1", _title(sheet))
        .replace("%2", sheet.day.isoformat())
        .replace("%3", str(len(sheet.rows)))
        .replace("%4", str(sent))
    )
    sent_word = QCoreApplication.translate("GreetCommand", "sent")
    for row in sheet.rows:
        person = row.recipient
        mark = f"{sent_word} {row.greeted_at.date().isoformat()}" if row.greeted_at else ""
        print("\t".join([str(person.contact_id), person.name, mark, row.greeting]))


def _log(book: Any, args: argparse.Namespace, now: datetime) -> int:
    from relbook.core.contacts import find_contact

    with book.session(immediate=True) as session:
        sheet = _sheet(session, args, now)
        if args.log_all:
            wanted = [(r.recipient.contact_id, r.recipient.name) for r in sheet.rows]
        else:
            found = [find_contact(session, who) for who in args.log]
            wanted = [(contact.id, contact.name) for contact in found]
        wanted = list(dict.fromkeys(wanted))
        before = greeted_at(session, sheet.festival.code, sheet.year)
        changes = mark_greeted(
            session, sheet.festival.code, sheet.year, [cid for cid, _name in wanted], now
        )
    logged = [(cid, name) for cid, name in wanted if cid in changes.contact_ids]
    already = [(cid, name, before[cid]) for cid, name in wanted if cid in before]
    if args.json:
        result = {
            "festival": sheet.festival.code,
            "date": sheet.day.isoformat(),
            "logged": [{"contact": name, "contact_id": cid} for cid, name in logged],
            "already_greeted": [
                {"contact": name, "contact_id": cid, "sent_at": when.isoformat(timespec="minutes")}
                for cid, name, when in already
            ],
        }
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return 0
    print(
        QCoreApplication.translate("GreetCommand", "Greetings logged for %1: %2")
        .replace("%1", _title(sheet))
        .replace("%2", str(len(logged)))
    )
    if already:
        print(
            QCoreApplication.translate("GreetCommand", "Already greeted for %1 %2: %3")
            .replace("%1", _title(sheet))
            .replace("%2", str(sheet.year))
            .replace(
                "%3",
                ", ".join(f"{name} ({when.date().isoformat()})" for _cid, name, when in already),
            )
        )
    return 0


def run(book: Any, args: argparse.Namespace) -> int:
    now = clock().replace(second=0, microsecond=0)
    if writes(args):
        return _log(book, args, now)
    with book.session() as session:
        sheet = _sheet(session, args, now)
    if args.json:
        rows = [row_json(row, sheet) for row in sheet.rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_sheet(sheet)
    return 0
