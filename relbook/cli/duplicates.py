"""``relbook duplicates``: likely pairs across the whole book, merging one, or setting a pair
aside as two people; the same services as the Find duplicates window."""

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from relbook.words.labels import translate

WRITING_ACTIONS = ("merge", "dismiss")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "duplicates",
        help="list likely duplicate contacts with the reasons; merge or dismiss a pair",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    merge = actions.add_parser(
        "merge",
        help="merge OTHER into KEEP, keeping everything from both; OTHER goes to the trash "
        "(restoring it from the trash undoes the merge)",
    )
    merge.add_argument("keep", metavar="KEEP_ID", help="the contact that stays (id or exact name)")
    merge.add_argument("other", metavar="OTHER_ID", help="the contact merged into it")
    dismiss = actions.add_parser(
        "dismiss", help="say two contacts are not duplicates: the pair is not listed again"
    )
    dismiss.add_argument("first", metavar="ID")
    dismiss.add_argument("second", metavar="ID")


def writes(args: argparse.Namespace) -> bool:
    return getattr(args, "action", None) in WRITING_ACTIONS


def run(book: Any, args: argparse.Namespace) -> int:
    if args.action == "merge":
        return _merge(book, args)
    if args.action == "dismiss":
        return _dismiss(book, args)
    return _list(book, args)


def _list(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.duplicates import find_duplicates
    from relbook.words.duplicate_words import reasons_text, strength_text

    with book.session() as session:
        pairs = find_duplicates(session) or []
    if args.json:
        json.dump([pair.as_json() for pair in pairs], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for pair in pairs:
        sides = [
            f"{side.name} (#{side.id}{', ' + side.company if side.company else ''})"
            for side in (pair.first, pair.second)
        ]
        print(
            f"{sides[0]}  —  {sides[1]}\t{strength_text(pair.strength)}: "
            f"{reasons_text(pair.reasons)}"
        )
    strong = sum(1 for pair in pairs if pair.strength == "strong")
    print(
        translate("Duplicates", "%1 likely and %2 possible duplicate pairs.")
        .replace("%1", str(strong))
        .replace("%2", str(len(pairs) - strong))
    )
    return 0


def _merge(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contact_merge import merge_contacts
    from relbook.core.contacts import find_contact

    with book.session(immediate=True) as session:
        keep, other = find_contact(session, args.keep), find_contact(session, args.other)
        names = keep.name, keep.id, other.name, other.id
        merge_contacts(session, keep.id, other.id, datetime.now())
    print(
        translate(
            "Duplicates",
            "Merged %3 (#%4) into %1 (#%2); %3 is in the trash, and restoring it from there "
            "undoes the merge.",
        )
        .replace("%1", names[0])
        .replace("%2", str(names[1]))
        .replace("%3", names[2])
        .replace("%4", str(names[3]))
    )
    return 0


def _dismiss(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import find_contact
    from relbook.core.duplicates import dismiss_pair

    with book.session(immediate=True) as session:
        first, second = find_contact(session, args.first), find_contact(session, args.second)
        names = first.name, second.name
        dismiss_pair(session, first.id, second.id, datetime.now())
    print(
        translate("Duplicates", "%1 and %2 are no longer listed as duplicates.")
        .replace("%1", names[0])
        .replace("%2", names[1])
    )
    return 0
