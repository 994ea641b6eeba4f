"""``relbook contact add|edit|show|list``: add and change contacts, show one, list them.

``add`` and ``edit`` save through the contact service; ``show`` prints the whole profile and
``list`` the contacts in pinyin order, both also as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from relbook.core.errors import ValidationError

if TYPE_CHECKING:
    from relbook.core.contact_input import ContactInput

LOST_REASONS = (
    "neglected",
    "cheaper_offer",
    "friend_advice",
    "moved_away",
    "natural_drift",
    "death",
    "other",
)
"""``CustomerLostReason`` codes, spelled out so the parser need not import core."""


def add_parser(commands: Any) -> None:
    contact = commands.add_parser("contact", help="add, edit, show and list contacts")
    actions = contact.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a contact")
    add.add_argument("--name", required=True)
    _add_contact_options(add)
    edit = actions.add_parser("edit", help="change a contact; options not given stay as they are")
    edit.add_argument("who", metavar="NAME_OR_ID")
    edit.add_argument("--name")
    _add_contact_options(edit)
    show = actions.add_parser("show", help="show one contact's whole profile")
    show.add_argument("who", metavar="NAME_OR_ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    listing = actions.add_parser("list", help="list contacts, sorted by pinyin")
    listing.add_argument("--search", default="", metavar="Q", help="as-you-type search text")
    listing.add_argument("--json", action="store_true", help="print JSON")


def _add_contact_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--salutation", metavar="TEXT", help="how greetings address them, e.g. 王总 or 李老师"
    )
    sub.add_argument("--company", metavar="C")
    sub.add_argument("--title", metavar="T")
    sub.add_argument("--phone", metavar="P", action="append", help="repeat for several")
    sub.add_argument("--email", metavar="E")
    sub.add_argument("--level", type=int, choices=range(1, 6), metavar="1-5")
    sub.add_argument(
        "--scores",
        metavar="A,B,C,D,E",
        help="the five importance answers, 1-5 each: near-term size, future size, profit, "
        "risk, strategic value (the tier follows)",
    )
    sub.add_argument(
        "--stage", choices=("potential", "interested", "customer", "lost"), metavar="STAGE"
    )
    sub.add_argument(
        "--lost-reason",
        choices=LOST_REASONS,
        metavar="CODE",
        help="why the contact was lost, needed with a move to lost: " + ", ".join(LOST_REASONS),
    )
    sub.add_argument("--lost-note", metavar="TEXT", help="a note on why the contact was lost")
    sub.add_argument("--tag", action="append", metavar="T", help="repeat for several")
    sub.add_argument("--birthday", metavar="DATE", help="YYYY-MM-DD, or --MM-DD without a year")
    sub.add_argument("--lunar", action="store_true", help="the birthday is a lunar date")
    sub.add_argument("--leap", action="store_true", help="the lunar birthday is in a leap month")
    sub.add_argument("--cadence", type=int, metavar="DAYS", help="stay in touch every DAYS days")
    sub.add_argument("--note", metavar="TEXT", help="notes about the contact")


def _parse_scores(text: str) -> list[int]:
    """The five importance answers of ``--scores``, in the order of ``SCORE_FIELDS``."""
    from relbook.core.tiers import SCORE_FIELDS

    answers = [part.strip() for part in text.replace("，", ",").split(",")]
    if len(answers) != len(SCORE_FIELDS) or not all(re.fullmatch("[1-5]", a) for a in answers):
        raise ValidationError.single("scores", "bad_scores", option="--scores", value=text)
    return [int(answer) for answer in answers]


def _lost_options(data: ContactInput, args: argparse.Namespace, old_stage: str | None) -> None:
    """Give a move to lost its reason and note; refuse the move without a reason, and a reason
    without the move (``old_stage`` None for a new contact)."""
    moving = data.stage == "lost" and old_stage != "lost"
    if not moving:
        if args.lost_reason is not None or args.lost_note is not None:
            raise ValidationError.single("lost_reason", "reason_needs_lost")
        return
    if args.lost_reason is None:
        raise ValidationError.single(
            "lost_reason", "stage_lost_needs_reason", choices=", ".join(LOST_REASONS)
        )
    data.lost_reason = args.lost_reason
    data.lost_note = args.lost_note or ""


def _apply_options(data: ContactInput, args: argparse.Namespace) -> None:
    from relbook.cli.dates import parse_date
    from relbook.core.contact_input import PhoneInput
    from relbook.core.tiers import SCORE_FIELDS

    for option in ("name", "salutation", "company", "title", "email", "level", "stage"):
        value = getattr(args, option, None)
        if value is not None:
            setattr(data, option, value)
    if args.scores is not None:
        for name, answer in zip(SCORE_FIELDS, _parse_scores(args.scores), strict=True):
            setattr(data, name, answer)
    if args.phone:
        data.phones = [PhoneInput(number) for number in args.phone]
    if args.tag:
        data.tags = list(args.tag)
    if args.cadence is not None:
        data.cadence_days = args.cadence
    if args.note is not None:
        data.notes = args.note
    if args.birthday is not None:
        birthday = parse_date(args.birthday, args.lunar, args.leap, "birthday")
        data.dates = [d for d in data.dates if d.kind != "birthday"] + [birthday]
    elif args.lunar or args.leap:
        raise ValidationError.single("birthday", "lunar_needs_date")


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _row_json(row: Any, birthday: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "company": row.company,
        "title": row.title,
        "level": row.level,
        "stage": row.stage,
        "tier": row.tier,
        "tags": list(row.tags),
        "birthday": birthday.iso() if birthday else None,
        "birthday_calendar": birthday.calendar.value if birthday else None,
        "next_birthday": row.next_birthday.isoformat() if row.next_birthday else None,
    }


def run(book: Any, args: argparse.Namespace) -> int:
    from relbook.core import contacts
    from relbook.core.contact_input import ContactInput
    from relbook.core.search import ContactFilter, contact_ids, contact_rows
    from relbook.words.labels import translate

    now = datetime.now()
    if args.action == "add":
        data = ContactInput(name=args.name)
        _apply_options(data, args)
        _lost_options(data, args, None)
        with book.session(immediate=True) as session:
            created = contacts.create_contact(session, data, now)
        print(  # only once the change is committed
            translate("Cli", "Added %1 (id %2).")
            .replace("%1", created.name)
            .replace("%2", str(created.id))
        )
        if created.stage == "customer":
            _print_thank_you(now)
        return 0
    if args.action == "edit":
        with book.session(immediate=True) as session:
            found = contacts.find_contact(session, args.who)
            data = contacts.to_input(found)
            _apply_options(data, args)
            _lost_options(data, args, found.stage)
            deal = found.stage != "customer" and data.stage == "customer"
            saved = contacts.update_contact(session, found.id, data, now)
        print(
            translate("Cli", "Saved %1 (id %2).")
            .replace("%1", saved.name)
            .replace("%2", str(saved.id))
        )
        if deal:
            _print_thank_you(now)
        return 0
    if args.action == "show":
        from relbook.core.profile import full_profile

        with book.session() as session:
            summary = full_profile(session, contacts.find_contact(session, args.who))
        if args.json:
            _print_json(summary)
        else:
            _print_profile(summary)
        return 0
    with book.session() as session:
        ids = contact_ids(session, ContactFilter(text=args.search))
        rows = contact_rows(session, ids)
        birthdays = _birthdays(session, ids)
        ordered = [rows[i] for i in ids]
    if args.json:
        _print_json([_row_json(r, birthdays.get(r.id)) for r in ordered])
    else:
        for row in ordered:
            print("\t".join([str(row.id), row.name, row.company, row.title, str(row.level)]))
    return 0


def _print_thank_you(now: datetime) -> None:
    """Say that becoming a customer made the follow-up ``record_deal_thanks`` adds."""
    from relbook.core.tasks import AFTER_DEAL_DAYS
    from relbook.words.labels import translate

    due = (now + timedelta(days=AFTER_DEAL_DAYS)).date()
    print(translate("Cli", "A thank-you for the deal is due by %1.").replace("%1", due.isoformat()))


def _birthdays(session: Any, ids: list[int]) -> dict[int, Any]:
    from sqlalchemy import select

    from relbook.core.contacts import calendar_date_of
    from relbook.core.models import SpecialDate

    found: dict[int, Any] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for special in session.scalars(
            select(SpecialDate).where(
                SpecialDate.contact_id.in_(chunk), SpecialDate.kind == "birthday"
            )
        ):
            found.setdefault(special.contact_id, calendar_date_of(special))
    return found


def _print_profile(summary: dict[str, Any]) -> None:
    from relbook.words import labels

    lines = [f"{summary['name']}  (id {summary['id']})"]
    if summary["salutation"]:
        lines.append(f"{labels.field('salutation')}: {summary['salutation']}")
    lines += [
        f"{labels.field('company')}: {summary['company']}",
        f"{labels.field('title')}: {summary['title']}",
        f"{labels.field('level')}: {labels.level_with_number(summary['level'])}",
        f"{labels.field('stage')}: {labels.stage(summary['stage'])}",
        f"{labels.field('tier')}: {summary['tier'] or '-'}",
        f"{labels.field('phones')}: {', '.join(p['number'] for p in summary['phones'])}",
        f"{labels.field('email')}: {summary['email']}",
        f"{labels.field('birthday')}: {summary['birthday'] or '-'}"
        + (f" ({labels.calendar(summary['birthday_calendar'])})" if summary["birthday"] else ""),
        f"{labels.field('tags')}: {', '.join(summary['tags'])}",
    ]
    if summary["stage_history"]:
        lines.append(f"{labels.field('stage_history')}:")
    for step in summary["stage_history"]:
        moved = labels.stage(step["from"]) + " -> " if step["from"] else ""
        parts = [step["on"], moved + labels.stage(step["to"])]
        if step["reason"]:
            parts.append(labels.customer_lost_reason(step["reason"]))
        if step["note"]:
            parts.append(step["note"])
        lines.append("  " + "  ".join(parts))
    for change in summary["level_history"]:
        lines.append(
            f"  {change['date']}  {change['from'] or '-'} -> {change['to']}  {change['note']}"
        )
    last = summary["last_contacted"]
    lines.append(f"{labels.field('last_contacted')}: {last.replace('T', ' ') if last else '-'}")
    if summary["interactions"]:
        lines.append(f"{labels.field('interactions')}:")
    for item in summary["interactions"][:5]:
        parts = [item["date"].replace("T", " "), labels.interaction_type(item["type"])]
        parts += [item[key] for key in ("place", "notes", "outcome") if item[key]]
        if item["with"]:
            parts.append(labels.translate("Cli", "with %1").replace("%1", ", ".join(item["with"])))
        lines.append("  " + "  ".join(parts))
    print("\n".join(lines))
