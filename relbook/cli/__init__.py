"""The ``relbook`` command: starts the GUI, or runs one book command and exits.

Errors go to stderr in the user's language with exit code 1 (2 for bad usage), never a
traceback. The commands call the same services as the GUI.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relbook import __version__
from relbook.cli.dates import DATE_OPTIONS, DAY
from relbook.core.enums import GiftOccasion, InteractionType
from relbook.core.errors import BookDamaged, RelbookError, ValidationError

if TYPE_CHECKING:
    from relbook.core.contact_input import ContactInput

# The command modules (backup_cli, import_cli, ...) and the contact input (with the lunar
# calendar) are imported where they are used: opening the window needs none of them, and they
# bring in much (alembic, pypinyin, openpyxl...); see bench/README.md, cold start.

IMPORT_FORMATS = ("vcf", "csv", "xlsx", "json")
EXPORT_FORMATS = ("csv", "xlsx", "vcf", "ics", "pdf", "json")
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
        return parsed if "T" in cleaned else datetime.combine(parsed.date(), DEFAULT_TIME)
    raise ValidationError.single(field_name, "bad_datetime", option=option, value=text)


def _parse_day(text: str, field_name: str, option: str) -> date:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError.single(field_name, "bad_day", option=option, value=text) from None


def _occasion_code(text: str) -> str:
    """A known occasion code or Chinese word becomes the code; anything else stays as typed."""
    cleaned = text.strip()
    if cleaned.lower() in {o.value for o in GiftOccasion}:
        return cleaned.lower()
    return OCCASION_WORDS.get(cleaned, cleaned)


def _parse_scores(text: str) -> list[int]:
    """The five importance answers of ``--scores``, in the order of ``SCORE_FIELDS``."""
    from relbook.core.tiers import SCORE_FIELDS

    answers = [part.strip() for part in text.replace("，", ",").split(",")]
    if len(answers) != len(SCORE_FIELDS) or not all(re.fullmatch("[1-5]", a) for a in answers):
        raise ValidationError.single("scores", "bad_scores", option="--scores", value=text)
    return [int(answer) for answer in answers]


def _build_parser() -> argparse.ArgumentParser:
    from relbook.cli import backup as backup_cli
    from relbook.cli import dates as dates_cli
    from relbook.cli import greet as greet_cli
    from relbook.cli import reminders as reminders_cli
    from relbook.cli import today as today_cli

    parser = argparse.ArgumentParser(
        prog="relbook",
        description=(
            "relbook: a relationship book for salespeople. Without a command it opens the "
            "window; with one, it works on the book and exits."
        ),
    )
    parser.add_argument("--version", action="version", version=f"relbook {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary book (never yours) and exit: 0 if it works",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder of the book (default: $RELBOOK_HOME, else the platform's data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill the book with realistic Chinese demo data")
    demo.add_argument("--contacts", type=int, default=300, metavar="N", help="how many (300)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (1)")

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

    dates_cli.add_parsers(commands)

    _add_history_commands(commands)

    reminders_cli.add_parser(commands)
    today_cli.add_parser(commands)
    greet_cli.add_parser(commands)

    _add_exchange_commands(commands)

    backup_cli.add_parsers(commands)

    shots = commands.add_parser("screenshots", help="render every main screen to PNG files")
    shots.add_argument("outdir", metavar="OUTDIR")
    return parser


def _add_history_commands(commands: Any) -> None:
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


def _add_exchange_commands(commands: Any) -> None:
    from relbook.cli import reports as reports_cli

    imp = commands.add_parser(
        "import",
        help="import contacts from a vCard, CSV or Excel file, or a whole relbook JSON archive",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="default: from the file name's extension; json is a relbook archive, copied into "
        "an empty book or merged into this one",
    )
    imp.add_argument("--encoding", metavar="E", help="text encoding, e.g. gbk (default: guessed)")
    imp.add_argument(
        "--on-duplicate",
        choices=("merge", "skip", "add"),
        default="merge",
        help="what to do with a likely duplicate (default: merge, filling only empty fields; "
        "an archive always merges)",
    )
    imp.add_argument("--dry-run", action="store_true", help="only show what would happen")

    exp = commands.add_parser(
        "export",
        help="write contacts to a CSV, Excel, vCard or calendar (ICS) file, or the whole book "
        "to a JSON archive",
    )
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exp.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    exp.add_argument(
        "--search",
        default="",
        metavar="Q",
        help="only contacts this search finds (not with json: an archive holds the whole book)",
    )
    exp.add_argument("--tier", choices=("A", "B", "C"), help="only contacts of this tier")
    exp.add_argument(
        "--contact", metavar="NAME_OR_ID", help="only this contact (with pdf: their dossier)"
    )
    reports_cli.add_options(exp)
    exp.add_argument(
        "--years",
        type=int,
        default=5,
        metavar="N",
        help="for ics: years of lunar dates to expand (default: 5)",
    )
    exp.add_argument(
        "--vcard-version", choices=("3.0", "4.0"), default="3.0", help="for vcf (default: 3.0)"
    )
    exp.add_argument(
        "--columns",
        metavar="KEYS",
        help="for csv and xlsx: the columns in file order as comma-separated keys, e.g. "
        "name,company,phones (default: all of them; the window's remembered choice is not "
        "used; see docs/cli.md for the keys)",
    )


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
    sub.add_argument("--tag", action="append", metavar="T", help="repeat for several")
    sub.add_argument("--birthday", metavar="DATE", help="YYYY-MM-DD, or --MM-DD without a year")
    sub.add_argument("--lunar", action="store_true", help="the birthday is a lunar date")
    sub.add_argument("--leap", action="store_true", help="the lunar birthday is in a leap month")
    sub.add_argument("--cadence", type=int, metavar="DAYS", help="stay in touch every DAYS days")
    sub.add_argument("--note", metavar="TEXT", help="notes about the contact")


def _normalize_argv(argv: Sequence[str]) -> list[str]:
    """Let ``--birthday --03-08`` through: argparse would read ``--03-08`` as an option."""
    fixed = list(argv)
    for index, item in enumerate(fixed[:-1]):
        if item in DATE_OPTIONS and DAY.match(fixed[index + 1]):
            fixed[index] = f"{item}={fixed[index + 1]}"
            fixed[index + 1] = ""
    return [item for item in fixed if item != ""]


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


def _cmd_demo(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.demo import fill_demo
    from relbook.words.labels import translate

    if args.contacts < 1 or args.contacts > 1_000_000:
        raise ValidationError.single("demo_contacts", "out_of_range", min=1, max=1_000_000)
    with book.session() as session:
        added = fill_demo(session, args.contacts, args.seed, datetime.now())
    print(translate("Cli", "Added %1 demo contacts.").replace("%1", str(added)))
    return 0


def _cmd_contact(book: Any, args: argparse.Namespace) -> int:
    from relbook.core import contacts
    from relbook.core.contact_input import ContactInput
    from relbook.core.search import ContactFilter, contact_ids, contact_rows
    from relbook.words.labels import translate

    now = datetime.now()
    if args.action == "add":
        data = ContactInput(name=args.name)
        _apply_options(data, args)
        with book.session() as session:
            created = contacts.create_contact(session, data, now)
            print(
                translate("Cli", "Added %1 (id %2).")
                .replace("%1", created.name)
                .replace("%2", str(created.id))
            )
            if created.stage == "customer":
                _print_thank_you(now)
        return 0
    if args.action == "edit":
        with book.session() as session:
            found = contacts.find_contact(session, args.who)
            data = contacts.to_input(found)
            _apply_options(data, args)
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


def _cmd_log(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import find_contact
    from relbook.core.history import InteractionInput, log_interaction
    from relbook.words import labels

    now = datetime.now().replace(second=0, microsecond=0)
    when = _parse_when(args.date, "occurred_at", "--date") if args.date else now
    due = _parse_when(args.due, "next_step_due", "--due") if args.due else None
    with book.session() as session:
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


def _cmd_gift(book: Any, args: argparse.Namespace) -> int:
    from relbook.core import gifts
    from relbook.core.contacts import find_contact
    from relbook.words import labels

    now = datetime.now()
    with book.session() as session:
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
        recipient = args.for_family.strip() if args.for_family else contact.name
        if earlier:
            sys.stderr.write(
                labels.translate("Cli", 'Note: "%1" was already given to %2 on %3; saved anyway.')
                .replace("%1", saved.item)
                .replace("%2", recipient)
                .replace("%3", ", ".join(g.given_on.isoformat() for g in earlier))
                + "\n"
            )
        template = (
            labels.translate("Cli", "Recorded gift %1 from %2 (id %3).")
            if args.received
            else labels.translate("Cli", "Recorded gift %1 for %2 (id %3).")
        )
        print(
            template.replace("%1", saved.item).replace("%2", recipient).replace("%3", str(saved.id))
        )
    return 0


def _cmd_refer(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import find_contact
    from relbook.core.referrals import add_referral
    from relbook.words import labels

    now = datetime.now()
    with book.session() as session:
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


def _cmd_screenshots(book: Any, args: argparse.Namespace) -> int:
    from relbook.ui.screenshots import render_screenshots

    written = render_screenshots(book, Path(args.outdir))
    for path in written:
        print(path)
    return 0


def _export_ids(session: Any, args: argparse.Namespace) -> list[int]:
    from relbook.core.contacts import find_contact
    from relbook.core.search import ContactFilter, contact_ids

    if args.contact:
        return [find_contact(session, args.contact).id]
    return contact_ids(session, ContactFilter(text=args.search, tier=args.tier))


def _export_columns(args: argparse.Namespace) -> tuple[str, ...]:
    """The ``--columns`` of a CSV or Excel export, else all columns; refused for other formats."""
    from relbook.exchange import sheets

    if args.columns is None:
        return sheets.EXPORT_COLUMNS
    if args.format not in ("csv", "xlsx"):
        raise ValidationError.single(sheets.COLUMNS_FIELD, "columns_need_sheet", value=args.format)
    return sheets.parse_columns(args.columns)


def _export_writer(
    session: Any, args: argparse.Namespace, ids: list[int], language: str, report: Any
) -> Any:
    """A function writing the export to an open binary file; sheets report their progress."""
    from relbook.exchange import sheets
    from relbook.exchange.progress import stage
    from relbook.exchange.vcard import export_vcards
    from relbook.words import export_words

    if args.format == "vcf":
        data = export_vcards(session, ids, args.vcard_version, language).encode("utf-8")
        return lambda handle: handle.write(data)
    if args.format == "ics":
        data = _calendar_export(session, args, ids)
        return lambda handle: handle.write(data)
    if args.format == "pdf":
        data = _list_report(session, ids)
        return lambda handle: handle.write(data)
    headers, rows = sheets.contact_table(
        session, ids, _export_columns(args), *export_words.sheet_words(), stage(report, 0, 2)
    )
    if args.format == "csv":
        data = sheets.write_csv(rows, headers, stage(report, 1, 2))
        return lambda handle: handle.write(data)
    return lambda handle: sheets.write_xlsx(rows, headers, handle, report=stage(report, 1, 2))


def _list_report(session: Any, ids: list[int]) -> bytes:
    """The contact list report as PDF, titled and dated in the book's language."""
    from PySide6.QtCore import QDate, QLocale

    from relbook.exchange import sheets
    from relbook.exchange.pdf import LIST_COLUMNS, ReportText, contact_list_pdf
    from relbook.words import export_words
    from relbook.words.labels import translate

    headers, rows = sheets.contact_table(session, ids, LIST_COLUMNS, *export_words.sheet_words())
    today = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
    text = ReportText(translate("Cli", "Contact list"), today, translate("Cli", "Page %1 of %2"))
    return contact_list_pdf(headers, rows, text)[0]


def _calendar_export(session: Any, args: argparse.Namespace, ids: list[int]) -> bytes:
    """Birthdays, special days, festivals and follow-ups as ICS, titled in the book's language."""
    from relbook.exchange.ics import IcsOptions, build_calendar
    from relbook.words import export_words

    if not 1 <= args.years <= 30:
        raise ValidationError.single("years", "out_of_range", min=1, max=30)
    chosen = bool(args.contact or args.search or args.tier)
    words = export_words.ics_words()
    options = IcsOptions(years=args.years, contact_ids=tuple(ids) if chosen else None)
    return build_calendar(session, datetime.now(), options, words)


def _cmd_export(book: Any, args: argparse.Namespace) -> int:
    from relbook.cli import reports as reports_cli
    from relbook.cli.progress_line import ProgressLine
    from relbook.core.settings import get_setting
    from relbook.exchange.files import write_atomic
    from relbook.words.i18n import resolve_language
    from relbook.words.labels import translate

    target = Path(args.output)
    _export_columns(args)  # a wrong --columns is refused before anything is read or written
    if reports_cli.wanted(args):
        return reports_cli.export(book, args, target)
    if args.format == "json":
        return _export_archive(book, args, target)
    progress = ProgressLine(translate("Cli", "Exporting… %3%"))
    try:
        with book.session() as session:
            language = resolve_language(get_setting(session, "ui.language"))
            ids = _export_ids(session, args)
            write = _export_writer(session, args, ids, language, progress)
        write_atomic(target, write)
    except KeyboardInterrupt:  # no half file: write_atomic removes its temporary file
        progress.close()
        print(translate("Cli", "Export cancelled; no file was written."))
        return 130
    progress.close()
    print(
        translate("Cli", "Wrote %1 contacts to %2")
        .replace("%1", str(len(ids)))
        .replace("%2", str(target))
    )
    return 0


def _export_archive(book: Any, args: argparse.Namespace, target: Path) -> int:
    """The whole book, trash included, as a JSON archive; contact filters are refused."""
    from relbook.core.contacts import count_contacts
    from relbook.exchange.archive import write_archive
    from relbook.exchange.files import file_error, write_atomic
    from relbook.words.import_words import fill
    from relbook.words.labels import translate

    if args.search or args.tier or args.contact:
        raise file_error("archive_whole_book", str(target))
    with book.session() as session:
        data = write_archive(session, datetime.now())
        count = count_contacts(session) + count_contacts(session, deleted=True)
    write_atomic(target, lambda handle: handle.write(data))
    print(fill(translate("Cli", "Wrote the whole book (%1 contacts) to %2"), count, target))
    return 0


def _start_gui(data_dir: str | None) -> int:
    from relbook.db import integrity, location

    try:  # the book's check runs while the window's modules load (see check_in_background)
        integrity.check_in_background(location.database_path(location.resolve_data_dir(data_dir)))
    except OSError:
        pass  # run_gui finds the same trouble and shows it
    from relbook.app import run_gui

    return run_gui(data_dir)


def _core_app_with_language(book: Any, needs_fonts: bool = False) -> Any:
    """The Qt application the command needs: fonts (for PDF) need a GUI one, offscreen."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from relbook.core.settings import get_setting
    from relbook.words.i18n import install_language, resolve_language

    app = QCoreApplication.instance()
    if app is None and needs_fonts:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["relbook"])
    elif app is None:
        app = QCoreApplication(["relbook"])
    with book.session() as session:
        setting = get_setting(session, "ui.language")
    install_language(resolve_language(setting))
    return app


def _error(message: str) -> int:
    sys.stderr.write(message.rstrip() + "\n")
    return 1


DAMAGED_EXIT = 2
"""Exit code when the book file fails the start-up check and was left untouched."""


def _damaged(damaged: Any, data_dir: str | None) -> int:
    """Name the damaged file and the newest good backup, and the command that restores it."""
    from relbook.words.labels import damaged_text, translate

    lines = [damaged_text(damaged)]
    if damaged.backup:
        words = ["relbook"] + (["--data-dir", data_dir] if data_dir else [])
        command = shlex.join([*words, "restore", damaged.backup])
        lines.append(
            translate("Cli", "To put it in place of the damaged file (which is kept), run:")
        )
        lines.append(f"  {command}")
    _error("\n".join(lines))
    return DAMAGED_EXIT


WRITING_COMMANDS = frozenset(
    {"demo", "date", "family", "log", "gift", "refer", "import", "restore"}
)
"""Commands that change the book; ``contact`` writes with ``add`` and ``edit`` only, ``greet``
with ``--log`` and ``--log-all`` only."""

EXIT_IN_USE = 3
EXIT_UNEXPECTED = 70


def _writes(args: argparse.Namespace) -> bool:
    if args.command == "contact":
        return args.action in ("add", "edit")
    if args.command == "import":
        return not args.dry_run
    if args.command == "greet":
        from relbook.cli.greet import writes

        return writes(args)
    return args.command in WRITING_COMMANDS


def _take_writer_lock(args: argparse.Namespace) -> Any:
    """The book's writer lock for a writing command (None otherwise); raises BookInUse."""
    from relbook.db.location import resolve_data_dir
    from relbook.db.writer_lock import WriterLock

    if not _writes(args):
        return None
    try:
        data_dir = resolve_data_dir(args.data_dir)
    except OSError:
        return None  # opening the book says what is wrong with the folder
    return WriterLock(data_dir).acquire()


def _window_only(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` only opens the window (no arguments, or ``--data-dir DIR``), and DIR.

    That start, the common one, skips building the parser: it would import every command.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data-dir" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return True, argv[0].partition("=")[2]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _normalize_argv(sys.argv[1:] if argv is None else argv)
    window, data_dir = _window_only(arguments)
    if window:
        return _start_gui(data_dir)
    parser = _build_parser()
    args = parser.parse_args(arguments)
    if args.self_test:
        from relbook.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        return _start_gui(args.data_dir)
    from relbook.core.errors import BookInUse
    from relbook.words.labels import problem_text

    try:
        lock = _take_writer_lock(args)
    except BookInUse as busy:
        _error(problem_text(busy))
        return EXIT_IN_USE
    try:
        return _run_command(args)
    except Exception as problem:  # logged without contact details; the user gets the log's path
        return _unexpected(problem, args.data_dir)
    finally:
        if lock is not None:
            lock.release()


def _unexpected(problem: Exception, data_dir: str | None) -> int:
    from relbook import crash_log
    from relbook.db.location import resolve_data_dir
    from relbook.words.labels import translate

    try:
        target = crash_log.start_logging(resolve_data_dir(data_dir))
        crash_log.log_error(problem, problem.__traceback__, where="cli")
    except OSError:
        target = None
    message = translate("Cli", "relbook: an unexpected error stopped the command (%1).").replace(
        "%1", type(problem).__name__
    )
    if target is not None:
        message += "\n" + translate("Cli", "The details were written to %1").replace(
            "%1", str(target)
        )
    _error(message)
    return EXIT_UNEXPECTED


def _run_command(args: argparse.Namespace) -> int:
    from relbook.cli import backup as backup_cli
    from relbook.cli import dates as dates_cli
    from relbook.cli import greet as greet_cli
    from relbook.cli import imports as import_cli
    from relbook.cli import reminders as reminders_cli
    from relbook.cli import today as today_cli
    from relbook.db.book import open_book
    from relbook.words.labels import problem_text

    if args.command in backup_cli.FILE_COMMANDS:
        try:
            return backup_cli.run_on_file(args)
        except RelbookError as problem:
            return _error(problem_text(problem))
        except OSError as problem:
            return _error(f"relbook: {problem}")
    try:
        book = open_book(args.data_dir)
    except BookDamaged as damaged:
        return _damaged(damaged, args.data_dir)
    except RelbookError as problem:
        return _error(problem_text(problem))
    except OSError as problem:
        return _error(f"relbook: {problem}")
    try:
        if args.command != "screenshots":
            _core_app_with_language(
                book, needs_fonts=args.command == "export" and args.format == "pdf"
            )
        handlers: dict[str, Callable[[Any, argparse.Namespace], int]] = {
            "demo": _cmd_demo,
            "contact": _cmd_contact,
            "date": dates_cli.run_date,
            "family": dates_cli.run_family,
            "log": _cmd_log,
            "gift": _cmd_gift,
            "refer": _cmd_refer,
            "screenshots": _cmd_screenshots,
            "reminders": reminders_cli.run,
            "today": today_cli.run,
            "greet": greet_cli.run,
            "import": import_cli.run,
            "export": _cmd_export,
            "backup": backup_cli.run_backup,
        }
        return handlers[args.command](book, args)
    except RelbookError as problem:
        return _error(problem_text(problem))
    except BrokenPipeError:  # the reader (e.g. ``head``) stopped reading: nothing to report
        return 0
    except OSError as problem:
        return _error(f"relbook: {problem}")
    finally:
        book.close()
