"""``relbook deal add|move|won|lost|role|list|show`` and ``relbook forecast``: the funnel.

The commands call the opportunity services the window uses (``core.deals``, ``deal_reads``,
``forecast``). Amounts are taken and printed in yuan; a success is printed once the unit of
work has been committed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, datetime, timedelta
from typing import Any

from relbook.core.enums import DealLostReason
from relbook.core.errors import ValidationError
from relbook.core.supported_days import require_supported_day

ROLES = ("decision_maker", "purchaser", "user", "gatekeeper", "insider")
LOST_REASONS = tuple(reason.value for reason in DealLostReason)
STAGE_HELP = "a stage code: analysis, trust, needs, value, commitment, payment, or one of your own"


def _now() -> datetime:
    """The command's clock (tests set it)."""
    return datetime.now()


def add_parsers(commands: Any) -> None:
    deal = commands.add_parser("deal", help="opportunities (商机): add, move, win, lose, list")
    actions = deal.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add an open opportunity")
    add.add_argument(
        "--contact",
        action="append",
        required=True,
        metavar="NAME_OR_ID",
        help="a contact of its buying centre; repeat for several",
    )
    add.add_argument("--title", required=True, metavar="T", help="what is being sold")
    add.add_argument("--amount", required=True, metavar="N", help="the amount in CNY (yuan)")
    add.add_argument("--stage", metavar="CODE", help=f"{STAGE_HELP} (default: analysis)")
    add.add_argument("--close", metavar="YYYY-MM-DD", help="the expected closing day")
    add.add_argument(
        "--organization",
        metavar="NAME",
        help="the buying organization (default: the first contact's company)",
    )
    add.add_argument(
        "--scores",
        metavar="A,B,C,D,E",
        help="the five importance answers for the project, 1-5 each: near-term size, future "
        "size, profit, risk, strategic value",
    )
    add.add_argument("--note", metavar="TEXT", default="", help="notes about the opportunity")

    move = actions.add_parser("move", help="move an open opportunity to another stage")
    move.add_argument("id", type=int, metavar="ID")
    move.add_argument("--stage", required=True, metavar="CODE", help=STAGE_HELP)
    move.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the move (default: today)")
    move.add_argument("--note", metavar="TEXT", default="", help="what happened")

    won = actions.add_parser("won", help="mark an opportunity won and record the purchase")
    won.add_argument("id", type=int, metavar="ID")
    won.add_argument("--date", metavar="YYYY-MM-DD", help="the day it was won (default: today)")
    won.add_argument("--amount", metavar="N", help="the final amount in CNY, if it changed")

    lost = actions.add_parser("lost", help="mark an opportunity lost, with why")
    lost.add_argument("id", type=int, metavar="ID")
    lost.add_argument("--reason", metavar="CODE", help=f"why: {', '.join(LOST_REASONS)}")
    lost.add_argument("--note", metavar="TEXT", default="", help="more about why")
    lost.add_argument("--date", metavar="YYYY-MM-DD", help="the day it was lost (default: today)")

    role = actions.add_parser(
        "role", help="give a contact a role in the buying centre (adds them if absent)"
    )
    role.add_argument("id", type=int, metavar="ID")
    role.add_argument("--contact", required=True, metavar="NAME_OR_ID")
    role.add_argument("--role", required=True, choices=ROLES, metavar="ROLE", help=", ".join(ROLES))

    listing = actions.add_parser("list", help="list opportunities in funnel order")
    listing.add_argument("--open", action="store_true", help="open opportunities only")
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = actions.add_parser("show", help="one opportunity: history and buying centre")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")

    forecast = commands.add_parser(
        "forecast", help="the sales forecast: booked + weighted pipeline, and this week's progress"
    )
    forecast.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: this quarter's)"
    )
    forecast.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: this quarter's)"
    )
    forecast.add_argument("--json", action="store_true", help="print JSON")


def writes(args: argparse.Namespace) -> bool:
    """Whether the command changes the book (for the writer lock)."""
    return args.command == "deal" and args.action in ("add", "move", "won", "lost", "role")


def _day(text: str | None, field_name: str, option: str, default: date) -> date:
    if text is None:
        return default
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError.single(field_name, "bad_day", option=option, value=text) from None
    require_supported_day(field_name, day)
    return day


def _cents(text: str, option: str) -> int:
    from relbook.core.gifts import parse_amount, to_cents

    try:
        return to_cents(parse_amount(text))
    except ValidationError:
        raise ValidationError.single(
            "amount", "not_an_amount_option", option=option, value=text
        ) from None


def _fill(template: str, *values: object) -> str:
    """``%1``, ``%2``, ... replaced in one pass, so a title holding "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]), template)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _stage_names(session: Any) -> dict[str, str]:
    from relbook.core.deal_stages import deal_stages
    from relbook.words.deal_words import stage_name

    return {stage.code: stage_name(stage.code, stage.name) for stage in deal_stages(session)}


def _money(cents: int) -> str:
    from decimal import Decimal

    from relbook.ui.amount_text import amount_text

    return amount_text(Decimal(cents) / 100)


def _percent(rate: float) -> str:
    return f"{rate * 100:.0f}%"


def run(book: Any, args: argparse.Namespace) -> int:
    handlers = {
        "add": _add,
        "move": _move,
        "won": _won,
        "lost": _lost,
        "role": _role,
        "list": _list,
        "show": _show,
    }
    return handlers[args.action](book, args)


def _add(book: Any, args: argparse.Namespace) -> int:
    from relbook.cli.contacts import _parse_scores
    from relbook.core.contacts import find_contact
    from relbook.core.deals import DealInput, add_deal
    from relbook.core.tiers import SCORE_FIELDS
    from relbook.words.labels import translate

    now = _now()
    amount = _cents(args.amount, "--amount")
    close = _day(args.close, "expected_close", "--close", now.date()) if args.close else None
    answers = _parse_scores(args.scores) if args.scores is not None else [None] * 5
    with book.session(immediate=True) as session:
        people = [find_contact(session, who) for who in args.contact]
        data = DealInput(
            title=args.title,
            contact_ids=[person.id for person in people],
            amount_cents=amount,
            stage=args.stage,
            expected_close=close,
            organization=args.organization,
            notes=args.note,
        )
        for name, answer in zip(SCORE_FIELDS, answers, strict=True):
            setattr(data, name, answer)
        saved = add_deal(session, data, now)
    print(_fill(translate("Cli", "Added %1 (id %2)."), args.title.strip(), saved.id))
    return 0


def _move(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.deals import get_deal, move_deal
    from relbook.words.labels import translate

    now = _now()
    day = _day(args.date, "deal_date", "--date", now.date())
    with book.session(immediate=True) as session:
        changes = move_deal(session, args.id, args.stage, day, now, args.note)
        title = get_deal(session, args.id).title
        stage = _stage_names(session).get(args.stage, args.stage)
    if changes.deals:
        said = translate("DealCli", "Moved %1 (id %2) to %3 on %4.")
        print(_fill(said, title, args.id, stage, day.isoformat()))
    else:
        print(_fill(translate("DealCli", "%1 (id %2) is already in %3."), title, args.id, stage))
    return 0


def _won(book: Any, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from relbook.core.deals import get_deal, win_deal
    from relbook.core.models import Contact, Purchase
    from relbook.core.tasks import AFTER_DEAL_DAYS
    from relbook.words.labels import translate

    now = _now()
    day = _day(args.date, "deal_date", "--date", now.date())
    amount = _cents(args.amount, "--amount") if args.amount is not None else None
    with book.session(immediate=True) as session:
        won = win_deal(session, args.id, day, now, amount_cents=amount)
        title = get_deal(session, args.id).title
        buyer, paid = session.execute(
            select(Contact.name, Purchase.amount_cents)
            .join(Purchase, Purchase.contact_id == Contact.id)
            .where(Purchase.id == won.id)
        ).one()
    said = translate("DealCli", "Won %1 (id %2): recorded the purchase of %3 yuan by %4.")
    print(_fill(said, title, args.id, _money(paid), buyer))
    due = day + timedelta(days=AFTER_DEAL_DAYS)
    print(translate("Cli", "A thank-you for the deal is due by %1.").replace("%1", due.isoformat()))
    return 0


def _lost(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.deals import get_deal, lose_deal
    from relbook.words.deal_words import lost_reason
    from relbook.words.labels import translate

    now = _now()
    day = _day(args.date, "deal_date", "--date", now.date())
    with book.session(immediate=True) as session:
        lose_deal(session, args.id, args.reason, day, now, args.note)
        title = get_deal(session, args.id).title
    said = translate("DealCli", "Marked %1 (id %2) lost on %3: %4.")
    print(_fill(said, title, args.id, day.isoformat(), lost_reason(args.reason)))
    return 0


def _role(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.contacts import find_contact
    from relbook.core.deals import get_deal, set_role
    from relbook.words.deal_words import role
    from relbook.words.labels import translate

    now = _now()
    with book.session(immediate=True) as session:
        person = find_contact(session, args.contact)
        set_role(session, args.id, person.id, args.role, now)
        title = get_deal(session, args.id).title
    said = translate("DealCli", "%1 is %2 in %3 (id %4).")
    print(_fill(said, person.name, role(args.role), title, args.id))
    return 0


def _row_json(row: Any) -> dict[str, Any]:
    from relbook.core.deal_reads import yuan

    return {
        "id": row.id,
        "title": row.title,
        "organization": row.organization,
        "amount": yuan(row.amount_cents),
        "stage": row.stage,
        "status": row.status,
        "expected_close": row.expected_close.isoformat() if row.expected_close else None,
        "closed_on": row.closed_on.isoformat() if row.closed_on else None,
        "stage_since": row.stage_since.isoformat(),
        "days_in_stage": row.days_in_stage,
        "rate": round(row.rate, 4),
        "weighted": yuan(row.weighted_cents),
        "in_funnel": row.in_funnel,
        "contacts": list(row.contact_names),
        "importance": row.importance,
        "tier": row.tier,
        "lost_reason": row.lost_reason,
    }


def _list(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.deal_reads import deal_rows
    from relbook.words.deal_words import status

    today = _now().date()
    with book.session() as session:
        rows = deal_rows(session, today, open_only=args.open)
        names = _stage_names(session)
    if args.json:
        _print_json([_row_json(row) for row in rows])
        return 0
    for row in rows:
        cells = [
            str(row.id),
            row.title,
            row.organization or "-",
            names.get(row.stage, row.stage),
            status(row.status),
            _money(row.amount_cents),
            row.expected_close.isoformat() if row.expected_close else "-",
            ", ".join(row.contact_names),
        ]
        print("\t".join(cells))
    return 0


def _show(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.deal_reads import deal_detail

    today = _now().date()
    with book.session() as session:
        detail = deal_detail(session, args.id, today)
        names = _stage_names(session)
    if args.json:
        _print_json(_detail_json(detail))
    else:
        _print_detail(detail, names)
    return 0


def _detail_json(detail: Any) -> dict[str, Any]:
    data = _row_json(detail.row)
    data.update(
        notes=detail.notes,
        lost_note=detail.lost_note,
        scores=detail.scores,
        history=[
            {
                "date": step.changed_on.isoformat(),
                "from": step.from_stage,
                "to": step.to_stage,
                "status": step.status,
                "note": step.note,
            }
            for step in detail.history
        ],
        buying_centre=[
            {
                "contact_id": member.contact_id,
                "name": member.name,
                "role": member.role,
                "insider": member.is_insider,
                "level": member.level,
            }
            for member in detail.buying_centre
        ],
        no_decision_maker=detail.no_decision_maker,
        no_insider=detail.no_insider,
        purchase_ids=detail.purchase_ids,
    )
    return data


def _print_detail(detail: Any, names: dict[str, str]) -> None:
    from relbook.words import deal_words, labels

    row = detail.row
    stage = names.get(row.stage, row.stage)
    win_rate = labels.translate("DealCli", "Win rate")
    weighted = labels.translate("DealCli", "Weighted")
    outside = labels.translate("DealCli", "out of the funnel")
    lines = [f"{row.title}  (id {row.id})"]
    lines += [
        f"{labels.field('organization')}: {row.organization or '-'}",
        f"{labels.field('amount')}: {_money(row.amount_cents)}",
        f"{labels.field('deal_stage')}: {stage}"
        + "  "
        + _fill(
            labels.translate("DealCli", "(since %1, %2 days)"),
            row.stage_since.isoformat(),
            row.days_in_stage,
        ),
        f"{labels.field('status')}: {deal_words.status(row.status)}"
        + (f"  {row.closed_on.isoformat()}" if row.closed_on else ""),
        f"{labels.field('expected_close')}: "
        + (row.expected_close.isoformat() if row.expected_close else "-"),
        f"{win_rate}: {_percent(row.rate)}  {weighted}: {_money(row.weighted_cents)}"
        + ("" if row.in_funnel else f"  ({outside})"),
        f"{labels.field('tier')}: {row.tier or '-'}",
    ]
    if row.lost_reason:
        reason = deal_words.lost_reason(row.lost_reason)
        lines.append(
            f"{labels.field('lost_reason')}: {reason}"
            + (f"  {detail.lost_note}" if detail.lost_note else "")
        )
    if detail.notes:
        lines.append(f"{labels.field('notes')}: {detail.notes}")
    lines.append(labels.translate("DealCli", "Buying centre") + ":")
    for member in detail.buying_centre:
        role = deal_words.role(member.role) if member.role else "-"
        insider = f"  {deal_words.role('insider')}" if member.is_insider else ""
        lines.append(f"  {member.name}\t{role}{insider}\t{labels.level_with_number(member.level)}")
    if detail.no_decision_maker:
        lines.append("! " + labels.translate("DealCli", "No decision maker known"))
    if detail.no_insider:
        lines.append("! " + labels.translate("DealCli", "No insider"))
    lines.append(labels.translate("DealCli", "History") + ":")
    for step in detail.history:
        to = names.get(step.to_stage, step.to_stage)
        if step.status != "open":
            text = f"{deal_words.status(step.status)} ({to})"
        elif step.from_stage is None:
            text = to
        else:
            text = f"{names.get(step.from_stage, step.from_stage)} -> {to}"
        lines.append(
            f"  {step.changed_on.isoformat()}  {text}" + (f"  {step.note}" if step.note else "")
        )
    print("\n".join(lines))


def run_forecast(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.forecast import forecast, quarter_of

    today = _now().date()
    first, last = quarter_of(today)
    start = _day(args.start, "from", "--from", first)
    end = _day(args.end, "period_end", "--to", last)
    if end < start:
        raise ValidationError.single("period_end", "end_before_start", value=start.isoformat())
    with book.session() as session:
        result = forecast(session, today, start, end)
        names = _stage_names(session)
    if args.json:
        _print_json(forecast_json(result))
    else:
        _print_forecast(result, names)
    return 0


def _figures_json(figures: Any) -> dict[str, Any]:
    from relbook.core.deal_reads import yuan

    return {
        "as_of": figures.as_of.isoformat(),
        "booked": yuan(figures.booked_cents),
        "pipeline": yuan(figures.pipeline_cents),
        "forecast": yuan(figures.forecast_cents),
    }


def forecast_json(result: Any) -> dict[str, Any]:
    """The forecast as ``relbook forecast --json`` prints it (yuan, rates as fractions)."""
    from relbook.core.deal_reads import yuan

    return {
        "from": result.start.isoformat(),
        "to": result.end.isoformat(),
        "booked": yuan(result.now.booked_cents),
        "pipeline": yuan(result.now.pipeline_cents),
        "forecast": yuan(result.now.forecast_cents),
        "stages": [
            {
                "stage": stage.stage,
                "count": stage.count,
                "amount": yuan(stage.amount_cents),
                "rate": stage.rate,
                "rate_source": stage.rate_source,
                "weighted": yuan(stage.weighted_cents),
                "closed": stage.closed,
                "won": stage.won,
            }
            for stage in result.now.stages
        ],
        "progress": yuan(result.progress_cents),
        "last_week": _figures_json(result.last_week),
    }


def _print_forecast(result: Any, names: dict[str, str]) -> None:
    from relbook.words.deal_words import rate_source
    from relbook.words.labels import translate

    print(
        _fill(
            translate("DealCli", "Sales forecast %1 to %2"),
            result.start.isoformat(),
            result.end.isoformat(),
        )
    )
    header = [
        translate("DealCli", "Stage"),
        translate("DealCli", "Count"),
        translate("DealCli", "Amount"),
        translate("DealCli", "Win rate"),
        translate("DealCli", "Weighted"),
    ]
    table = [header]
    for stage in result.now.stages:
        table.append(
            [
                names.get(stage.stage, stage.stage),
                str(stage.count),
                _money(stage.amount_cents),
                _rate_cell(stage, rate_source(stage.rate_source)),
                _money(stage.weighted_cents),
            ]
        )
    widths = [max(_width(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        cells = [_pad(cell, widths[i], right=i > 0 and i != 3) for i, cell in enumerate(row)]
        print("  ".join(cells).rstrip())
    print()
    last = result.last_week
    summary = [
        (translate("DealCli", "Booked"), result.now.booked_cents, last.booked_cents),
        (
            translate("DealCli", "Pipeline (weighted)"),
            result.now.pipeline_cents,
            last.pipeline_cents,
        ),
        (translate("DealCli", "Forecast"), result.now.forecast_cents, last.forecast_cents),
    ]
    label_width = max(_width(label) for label, _, _ in summary)
    for label, now, then in summary:
        said = _fill(translate("DealCli", "%1 (a week ago: %2)"), _money(now), _money(then))
        print(f"{_pad(label, label_width)}  {said}")
    sign = "+" if result.progress_cents > 0 else ""
    progress = _pad(translate("DealCli", "Progress this week"), label_width)
    print(f"{progress}  {sign}{_money(result.progress_cents)}")


def _rate_cell(stage: Any, source: str) -> str:
    """A learned rate shows what it was learned from (won of closed), so the weighted amounts
    can be checked by hand."""
    if stage.rate_source == "learned":
        return f"{stage.won}/{stage.closed} = {stage.rate * 100:.1f}% ({source})"
    return f"{_percent(stage.rate)} ({source})"


def _width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space
