"""``relbook date add`` and ``relbook family add``: a contact's special days and family members.

Both save through the contact service, so what the window refuses is refused here too (a day
that does not exist, a birth after today, a one-time day without a year). Adding the same
thing twice is refused rather than stored twice, so a script can be run again safely; a
contact has one birthday, changed with ``contact edit --birthday``.
"""

from __future__ import annotations

import argparse
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from relbook.core.errors import ValidationError

if TYPE_CHECKING:
    from relbook.core.contact_input import DateInput

DAY = re.compile(r"^(?:(\d{4})-|--)(\d{1,2})-(\d{1,2})$")
"""A date as the options take it: ``YYYY-MM-DD``, or ``--MM-DD`` without a year."""

DATE_OPTIONS = ("--birthday", "--date")
"""Options whose value may be ``--MM-DD``, which argparse would read as an option."""

DATE_KINDS = ("birthday", "wedding", "founding", "first_deal", "promotion", "custom")
RELATIONS = ("spouse", "child", "parent", "sibling", "other")


def parse_date(text: str, lunar: bool, leap: bool, field_name: str) -> DateInput:
    """A yearly birthday on ``text``; whether that day exists is checked when it is saved."""
    from relbook.core.contact_input import DateInput

    match = DAY.match(text.strip())
    if not match:
        raise ValidationError.single(field_name, "bad_format", value=text)
    return DateInput(
        month=int(match.group(2)),
        day=int(match.group(3)),
        year=int(match.group(1)) if match.group(1) else None,
        calendar="lunar" if lunar else "solar",
        leap=leap,
    )


def add_parsers(commands: Any) -> None:
    dates = commands.add_parser("date", help="add special days to a contact")
    date_actions = dates.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = date_actions.add_parser(
        "add", help="add a birthday, anniversary or other special day to a contact"
    )
    add.add_argument("--contact", required=True, metavar="NAME_OR_ID", help="whose day it is")
    add.add_argument(
        "--kind", required=True, choices=DATE_KINDS, metavar="KIND", help=", ".join(DATE_KINDS)
    )
    add.add_argument(
        "--date", required=True, metavar="DATE", help="YYYY-MM-DD, or --MM-DD without a year"
    )
    add.add_argument("--lunar", action="store_true", help="the date is a lunar date")
    add.add_argument("--leap", action="store_true", help="the lunar date is in a leap month")
    add.add_argument("--title", metavar="T", default="", help="the day's name (custom needs one)")
    add.add_argument(
        "--once", action="store_true", help="it happens once, not every year (needs a year)"
    )

    family = commands.add_parser("family", help="add family members to a contact")
    family_actions = family.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = family_actions.add_parser("add", help="add a spouse, child, parent or other relative")
    add.add_argument("--contact", required=True, metavar="NAME_OR_ID", help="whose family")
    add.add_argument("--name", required=True, help="the family member's name")
    add.add_argument(
        "--relation",
        required=True,
        choices=RELATIONS,
        metavar="RELATION",
        help=", ".join(RELATIONS),
    )
    add.add_argument("--birthday", metavar="DATE", help="YYYY-MM-DD, or --MM-DD without a year")
    add.add_argument("--lunar", action="store_true", help="the birthday is a lunar date")
    add.add_argument("--leap", action="store_true", help="the lunar birthday is in a leap month")
    add.add_argument("--note", metavar="T", default="", help="school, interests, ...")


def _shown(special: DateInput) -> str:
    """The date as written, with its calendar when it is lunar."""
    from relbook.words import labels

    text = special.as_calendar_date().iso()
    return f"{text} ({labels.calendar('lunar')})" if special.calendar == "lunar" else text


def _fill(template: str, *values: object) -> str:
    """``%1``, ``%2``, ... replaced in one pass, so a name holding "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]), template)


def _same_day(first: DateInput, second: DateInput) -> bool:
    keys = ("kind", "calendar", "year", "month", "day", "leap", "recurrence")
    same = all(getattr(first, key) == getattr(second, key) for key in keys)
    return same and first.label.strip() == second.label.strip()


def run_date(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import find_contact, to_input, update_contact
    from relbook.words.labels import date_kind, translate

    field_name = "birthday" if args.kind == "birthday" else "dates"
    special = parse_date(args.date, args.lunar, args.leap, field_name)
    special.kind = args.kind
    special.label = args.title
    special.recurrence = "once" if args.once else "yearly"
    if args.kind == "custom" and not args.title.strip():
        raise ValidationError.single(field_name, "custom_needs_title")
    with book.session(immediate=True) as session:
        contact = find_contact(session, args.contact)
        data = to_input(contact)
        birthday = data.birthday()
        if args.kind == "birthday" and birthday is not None:
            raise ValidationError.single(
                field_name,
                "birthday_exists",
                value=birthday.as_calendar_date().iso(),
                calendar=birthday.calendar,
            )
        if any(_same_day(special, have) for have in data.dates):
            raise ValidationError.single(
                field_name,
                "date_exists",
                value=special.as_calendar_date().iso(),
                calendar=special.calendar,
            )
        data.dates.append(special)
        update_contact(session, contact.id, data, datetime.now())
    what = special.label.strip() if args.kind == "custom" else date_kind(args.kind)
    said = translate("Cli", "Added %1 on %2 to %3 (id %4).")
    print(_fill(said, what, _shown(special), contact.name, contact.id))
    return 0


def run_family(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contact_input import FamilyInput
    from relbook.core.contacts import find_contact, to_input, update_contact
    from relbook.words.labels import relation, translate

    if args.birthday is not None:
        birthdays = [parse_date(args.birthday, args.lunar, args.leap, "family")]
    elif args.lunar or args.leap:
        raise ValidationError.single("family", "lunar_needs_date")
    else:
        birthdays = []
    name = args.name.strip()
    with book.session(immediate=True) as session:
        contact = find_contact(session, args.contact)
        data = to_input(contact)
        if name and any(member.name.strip() == name for member in data.family):
            raise ValidationError.single("family", "member_exists", value=name)
        data.family.append(FamilyInput(name, args.relation, args.note, birthdays))
        update_contact(session, contact.id, data, datetime.now())
    kind = relation(args.relation)
    if birthdays:
        said = translate("Cli", "Added %1 (%2, born %3) to the family of %4 (id %5).")
        print(_fill(said, name, kind, _shown(birthdays[0]), contact.name, contact.id))
    else:
        said = translate("Cli", "Added %1 (%2) to the family of %3 (id %4).")
        print(_fill(said, name, kind, contact.name, contact.id))
    return 0
