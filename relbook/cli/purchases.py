"""``relbook purchase add|list``: what customers bought (product, amount, day, renewal).

Recording a purchase is a deal: the service adds the two-day thank-you and, for a renewal
date, the expiry reminder that gives notice before it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timedelta
from typing import Any

from relbook.core.errors import ValidationError

MAX_YUAN = 10**13
"""The largest amount one purchase may have (the service's limit, in yuan)."""


def add_parser(commands: Any) -> None:
    purchase = commands.add_parser("purchase", help="record and list what customers bought")
    actions = purchase.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="record a purchase: a thank-you is due within two days, renewals are reminded"
    )
    add.add_argument("--contact", required=True, metavar="NAME_OR_ID", help="who bought it")
    add.add_argument("--product", required=True, metavar="T", help="what was bought")
    add.add_argument(
        "--amount", required=True, metavar="N", help='the amount in yuan, e.g. 120000 or "1,280.5"'
    )
    add.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the purchase (today)")
    add.add_argument(
        "--renewal", metavar="YYYY-MM-DD", help="when it is up for renewal (reminded before)"
    )
    add.add_argument("--note", default="", metavar="TEXT", help="notes on the purchase")
    listing = actions.add_parser("list", help="list purchases, of one contact or of everyone")
    listing.add_argument("--contact", metavar="NAME_OR_ID", help="only this contact's")
    listing.add_argument("--json", action="store_true", help="print JSON")


def parse_day(text: str, field_name: str, option: str) -> date:
    """A ``YYYY-MM-DD`` day; otherwise an error naming the option and the value."""
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError.single(field_name, "bad_day", option=option, value=text) from None


def amount_cents(text: str) -> int:
    """The ``--amount`` in cents; an error for text that is no amount or one out of range."""
    from relbook.core.gifts import parse_amount, to_cents

    try:
        value = parse_amount(text)
    except ValidationError:
        raise ValidationError.single("amount", "not_an_amount", value=text) from None
    if not 0 <= value <= MAX_YUAN:
        raise ValidationError.single("amount", "out_of_range", min=0, max=MAX_YUAN)
    return to_cents(value)


def run(book: Any, args: argparse.Namespace) -> int:
    if args.action == "add":
        return _add(book, args)
    return _list(book, args)


def _add(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import find_contact
    from relbook.core.purchases import record_purchase
    from relbook.core.tasks import AFTER_DEAL_DAYS
    from relbook.words.labels import translate

    now = datetime.now()
    cents = amount_cents(args.amount)
    bought_on = parse_day(args.date, "bought_on", "--date") if args.date else now.date()
    renewal = parse_day(args.renewal, "renewal_on", "--renewal") if args.renewal else None
    with book.session(immediate=True) as session:
        contact = find_contact(session, args.contact)
        name = contact.name
        saved = record_purchase(
            session, contact.id, args.product, cents, bought_on, now, renewal, notes=args.note
        )
    print(
        translate("Cli", "Recorded purchase %1 for %2 (id %3).")
        .replace("%1", args.product.strip())
        .replace("%2", name)
        .replace("%3", str(saved.id))
    )
    due = bought_on + timedelta(days=AFTER_DEAL_DAYS)
    print(translate("Cli", "A thank-you for the deal is due by %1.").replace("%1", due.isoformat()))
    if renewal is not None:
        print(
            translate("Cli", "The renewal on %1 will be reminded in advance.").replace(
                "%1", renewal.isoformat()
            )
        )
    return 0


def _list(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import contact_names, find_contact
    from relbook.core.deal_reads import yuan
    from relbook.core.purchases import purchases_between, purchases_of

    with book.session() as session:
        if args.contact:
            rows = purchases_of(session, find_contact(session, args.contact).id)
        else:
            rows = purchases_between(session, date.min, date.max)
        names = contact_names(session, list({r.contact_id for r in rows}))
    if args.json:
        document = [
            {
                "id": r.id,
                "contact_id": r.contact_id,
                "contact": names.get(r.contact_id, ""),
                "product": r.product,
                "amount": yuan(r.amount_cents),
                "date": r.bought_on.isoformat(),
                "renewal": r.renewal_on.isoformat() if r.renewal_on else None,
            }
            for r in rows
        ]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    for r in rows:
        renewal = r.renewal_on.isoformat() if r.renewal_on else "-"
        amount = yuan(r.amount_cents)
        print(
            "\t".join(
                [
                    str(r.id),
                    r.bought_on.isoformat(),
                    names.get(r.contact_id, ""),
                    r.product,
                    f"{amount:,}",
                    renewal,
                ]
            )
        )
    return 0
