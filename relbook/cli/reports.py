"""``relbook export --format pdf`` for one contact's dossier or a period's activity report, and
``relbook export --pipeline`` for the pipeline report (PDF or Excel)."""

import argparse
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from relbook.core.errors import ValidationError
from relbook.core.supported_days import require_supported_day

WEEK_DAYS = 7
"""Without ``--from`` the activity report covers the week that ends on ``--to``."""


def add_options(export: argparse.ArgumentParser) -> None:
    """The ``--pipeline``, ``--from`` and ``--to`` options of ``relbook export``."""
    export.add_argument(
        "--pipeline",
        action="store_true",
        help="with --format pdf or xlsx: the pipeline report instead of contacts: every "
        "opportunity (open by stage, then won, then lost) and the sales forecast for the "
        "period --from/--to (default: this quarter)",
    )
    export.add_argument(
        "--from",
        dest="period_from",
        metavar="YYYY-MM-DD",
        help="with --format pdf: write the activity report from this day on (default: the "
        "week ending on --to); with --pipeline: the forecast's first day (default: the "
        "first of --to's quarter)",
    )
    export.add_argument(
        "--to",
        dest="period_to",
        metavar="YYYY-MM-DD",
        help="with --format pdf: write the activity report up to this day (default: today); "
        "with --pipeline: the forecast's last day (default: the last of --from's quarter)",
    )


def wanted(args: argparse.Namespace) -> bool:
    """Whether the export is one of these reports rather than the contact list."""
    period = bool(args.period_from or args.period_to)
    return args.pipeline or period or (args.format == "pdf" and bool(args.contact))


def _day(text: str, field_name: str, option: str) -> date:
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError.single(field_name, "bad_day", option=option, value=text) from None
    require_supported_day(field_name, day)
    return day


def period_of(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """``--from`` and ``--to`` with their defaults; ValidationError when they are wrong."""
    from relbook.core.reports import check_period

    end = _day(args.period_to, "to", "--to") if args.period_to else today
    if args.period_from:
        start = _day(args.period_from, "from", "--from")
    else:
        start = end - timedelta(days=WEEK_DAYS - 1)
    period = check_period(start, end)
    return period.start, period.end


def forecast_period_of(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """The pipeline report's forecast period: ``--from``/``--to``, a missing end taken from
    the quarter of the other, both missing: today's quarter."""
    from relbook.core.forecast import quarter_of
    from relbook.core.reports import check_period

    start = _day(args.period_from, "from", "--from") if args.period_from else None
    end = _day(args.period_to, "to", "--to") if args.period_to else None
    if start is None:
        start = quarter_of(end or today)[0]
    if end is None:
        end = quarter_of(start)[1]
    period = check_period(start, end)
    return period.start, period.end


def _fill(template: str, *values: object) -> str:
    """``%1``, ``%2`` ... replaced in one pass, so a name holding "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]), template)


def _usage_error(message: str) -> int:
    sys.stderr.write(message.rstrip() + "\n")
    return 2


def export(book: Any, args: argparse.Namespace, target: Path) -> int:
    """Write the dossier (``--contact``) or the activity report (``--from`` / ``--to``)."""
    from relbook.core.contacts import find_contact
    from relbook.core.reports import Period, activity_report, dossier
    from relbook.exchange.files import write_atomic
    from relbook.exchange.pdf_reports import activity_pdf, dossier_pdf
    from relbook.words.labels import translate
    from relbook.words.report_words import report_words

    today = date.today()
    if args.pipeline:
        return _pipeline(book, args, target, today)
    if args.period_from or args.period_to:
        if args.format != "pdf":
            return _usage_error(
                translate(
                    "Cli", "--from and --to are only for the activity report; add --format pdf."
                )
            )
        if args.contact or args.search or args.tier:
            return _usage_error(
                translate(
                    "Cli",
                    "The activity report covers the whole book: leave out --contact, --search "
                    "and --tier.",
                )
            )
        start, end = period_of(args, today)
        with book.session() as session:
            report = activity_report(session, Period(start, end), today)
        data = activity_pdf(report, report_words(today))[0]
        write_atomic(target, lambda handle: handle.write(data))
        message = translate("Cli", "Wrote the activity report (%1 – %2) to %3")
        print(_fill(message, start.isoformat(), end.isoformat(), target))
        return 0
    with book.session() as session:
        contact = find_contact(session, args.contact)
        name = contact.name
        report_of_one = dossier(session, contact.id, today)
    data = dossier_pdf(report_of_one, report_words(today))[0]
    write_atomic(target, lambda handle: handle.write(data))
    print(_fill(translate("Cli", "Wrote the dossier of %1 to %2"), name, target))
    return 0


def _pipeline(book: Any, args: argparse.Namespace, target: Path, today: date) -> int:
    """Write the pipeline report as PDF or Excel."""
    from relbook.core.deal_reports import pipeline_report
    from relbook.exchange.files import write_atomic
    from relbook.exchange.pdf_deals import pipeline_pdf
    from relbook.exchange.pipeline_sheet import write_pipeline_xlsx
    from relbook.words.labels import translate
    from relbook.words.report_words import report_words

    if args.format not in ("pdf", "xlsx"):
        return _usage_error(
            translate("Cli", "The pipeline report is written as pdf or xlsx; add --format pdf.")
        )
    if args.contact or args.search or args.tier or args.columns:
        return _usage_error(
            translate(
                "Cli",
                "The pipeline report covers every opportunity: leave out --contact, --search, "
                "--tier and --columns.",
            )
        )
    start, end = forecast_period_of(args, today)
    with book.session() as session:
        report = pipeline_report(session, today, start, end)
    words = report_words(today)
    if args.format == "pdf":
        data = pipeline_pdf(report, words)[0]
        write_atomic(target, lambda handle: handle.write(data))
    else:
        write_atomic(target, lambda handle: write_pipeline_xlsx(report, words, handle))
    message = translate(
        "Cli", "Wrote the pipeline report (%1 opportunities, forecast %2 – %3) to %4"
    )
    print(_fill(message, len(report.lines), start.isoformat(), end.isoformat(), target))
    return 0
