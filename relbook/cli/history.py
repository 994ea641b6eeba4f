"""``relbook log``, ``relbook gift add`` and ``relbook refer``: a contact's history.

Each saves through its service in core (history, gifts, referrals), as the window does.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from typing import Any

from relbook.core.enums import GiftOccasion, InteractionType
from relbook.core.errors import ValidationError
from relbook.core.supported_days import require_supported_day

DEFAULT_TIME = time(9, 0)
"""The time given to ``--date`` and ``--due`` days written without one: the start of a workday."""
OCCASION_WORDS = {
    "生日": "birthday",
    "春节": "spring_festival",
    "中秋": "mid_autumn",
    "端午": "dragon_boat",
    "感谢": "thanks",
    "拜访": "visit",
    "婚礼": "wedding",
}


def _parse_when(text: str, field_name: str, option: str) -> datetime:
    """``YYYY-MM-DD`` (at 09:00) or ``YYYY-MM-DDTHH:MM`` (a space instead of T works too)."""
    cleaned = text.strip().replace(" ", "T", 1)
    for pattern in ("%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        require_supported_day(field_name, parsed)
        return parsed if "T" in cleaned else datetime.combine(parsed.date(), DEFAULT_TIME)
    raise ValidationError.single(field_name, "bad_datetime", option=option, value=text)


def _parse_day(text: str, field_name: str, option: str) -> date:
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError.single(field_name, "bad_day", option=option, value=text) from None
    require_supported_day(field_name, day)
    return day


def _occasion_code(text: str) -> str:
    """A known occasion code or Chinese word becomes the code; anything else stays as typed."""
    cleaned = text.strip()
    if cleaned.lower() in {o.value for o in GiftOccasion}:
        return cleaned.lower()
    return OCCASION_WORDS.get(cleaned, cleaned)


def add_parsers(commands: Any) -> None:
    log = commands.add_parser("log", help="log an interaction with one or several contacts")
    log.add_argument(
        "--contact",
        action="append",
        required=True,
        metavar="NAME_OR_ID",
        help="a contact involved; repeat for several",
    )
    kinds = [t.value for t in InteractionType]
    log.add_argument(
        "--type", required=True, choices=kinds, metavar="TYPE", help=f"one of: {', '.join(kinds)}"
    )
    log.add_argument(
        "--date",
        metavar="WHEN",
        help="YYYY-MM-DD (09:00) or YYYY-MM-DDTHH:MM (default: now)",
    )
    log.add_argument("--place", metavar="TEXT", default="")
    log.add_argument("--note", metavar="TEXT", default="", help="what happened")
    log.add_argument("--outcome", metavar="TEXT", default="")
    log.add_argument("--next-step", metavar="TEXT", default="", help="what to do next")
    log.add_argument(
        "--due", metavar="WHEN", help="when the next step is due, as --date; needs --next-step"
    )

    gift = commands.add_parser("gift", help="record gifts given and received")
    gift_actions = gift.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = gift_actions.add_parser("add", help="record one gift")
    add.add_argument(
        "--contact", required=True, metavar="NAME_OR_ID", help="who gets or gave the gift"
    )
    add.add_argument("--item", required=True, metavar="TEXT", help="what the gift is")
    add.add_argument("--value", metavar="AMOUNT", help='value in CNY, e.g. 388, "1,280" or ¥300')
    add.add_argument("--date", metavar="YYYY-MM-DD", help="default: today")
    add.add_argument(
        "--occasion",
        metavar="TEXT",
        default="",
        help="birthday, spring_festival, mid_autumn, dragon_boat, thanks, visit, wedding, other "
        "(or 生日, 春节, 中秋, 端午, 感谢, 拜访, 婚礼), else free text",
    )
    add.add_argument("--received", action="store_true", help="the contact gave it to you")
    add.add_argument(
        "--for-family", metavar="NAME", help="the gift is for this family member of the contact"
    )
    add.add_argument("--note", metavar="TEXT", default="")

    refer = commands.add_parser("refer", help="record that one contact referred another")
    refer.add_argument(
        "--from", dest="referrer", required=True, metavar="NAME_OR_ID", help="who introduced"
    )
    refer.add_argument(
        "--to", dest="referred", required=True, metavar="NAME_OR_ID", help="who was introduced"
    )
    refer.add_argument("--date", metavar="YYYY-MM-DD", help="default: today")
    refer.add_argument("--outcome", metavar="TEXT", default="", help="what came of it")


def run_log(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import find_contact
    from relbook.core.history import InteractionInput, log_interaction
    from relbook.words import labels

    now = datetime.now().replace(second=0, microsecond=0)
    when = _parse_when(args.date, "occurred_at", "--date") if args.date else now
    due = _parse_when(args.due, "next_step_due", "--due") if args.due else None
    with book.session(immediate=True) as session:
        people = [find_contact(session, who) for who in args.contact]
        logged = log_interaction(
            session,
            InteractionInput(
                kind=args.type,
                occurred_at=when,
                contact_ids=[p.id for p in people],
                place=args.place,
                notes=args.note,
                outcome=args.outcome,
                next_step=args.next_step,
                next_step_due=due,
            ),
            datetime.now(),
        )
    print(
        labels.translate("Cli", "Logged %1 with %2 (id %3).")
        .replace("%1", labels.interaction_type(args.type))
        .replace("%2", ", ".join(dict.fromkeys(p.name for p in people)))
        .replace("%3", str(logged.id))
    )
    return 0


def _family_member_id(contact: Any, name: str) -> int:
    """The id of the contact's family member called exactly ``name``."""
    for member in contact.family:
        if member.name == name.strip():
            return int(member.id)
    if not contact.family:
        raise ValidationError.single("recipient", "no_family", value=name)
    members = ", ".join(m.name for m in contact.family)
    raise ValidationError.single("recipient", "no_family_member", value=name, members=members)


def run_gift(book: Any, args: argparse.Namespace) -> int:
    from relbook.core import gifts
    from relbook.core.contacts import find_contact
    from relbook.words import labels

    now = datetime.now()
    with book.session(immediate=True) as session:
        contact = find_contact(session, args.contact)
        data = gifts.GiftInput(
            contact_id=contact.id,
            item=args.item,
            direction="received" if args.received else "given",
            given_on=_parse_day(args.date, "given_on", "--date") if args.date else None,
            occasion=_occasion_code(args.occasion),
            value=gifts.parse_amount(args.value) if args.value is not None else None,
            family_member_id=(
                _family_member_id(contact, args.for_family) if args.for_family else None
            ),
            notes=args.note,
        )
        earlier = gifts.similar_gifts(session, data)
        saved = gifts.add_gift(session, data, now)
        earlier_days = ", ".join(g.given_on.isoformat() for g in earlier)
    recipient = args.for_family.strip() if args.for_family else contact.name
    if earlier:
        sys.stderr.write(
            labels.translate("Cli", 'Note: "%1" was already given to %2 on %3; saved anyway.')
            .replace("%1", saved.item)
            .replace("%2", recipient)
            .replace("%3", earlier_days)
            + "\n"
        )
    template = (
        labels.translate("Cli", "Recorded gift %1 from %2 (id %3).")
        if args.received
        else labels.translate("Cli", "Recorded gift %1 for %2 (id %3).")
    )
    print(template.replace("%1", saved.item).replace("%2", recipient).replace("%3", str(saved.id)))
    return 0


def run_refer(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import find_contact
    from relbook.core.referrals import add_referral
    from relbook.words import labels

    now = datetime.now()
    with book.session(immediate=True) as session:
        referrer = find_contact(session, args.referrer)
        referred = find_contact(session, args.referred)
        day = _parse_day(args.date, "referred_on", "--date") if args.date else now.date()
        add_referral(session, referrer.id, referred.id, day, now, args.outcome)
    print(
        labels.translate("Cli", "Recorded: %1 referred %2.")
        .replace("%1", referrer.name)
        .replace("%2", referred.name)
    )
    return 0
