"""Opportunities in the PDF reports: the pipeline report, the activity report's funnel part
and the dossier's opportunities and purchases, as HTML.

Layout only: the words and formats come in ``ReportWords`` (see ``pdf_reports``).
"""

from collections.abc import Mapping, Sequence
from datetime import date

from relbook.core.deal_reports import (
    ClosedDeal,
    ContactDeals,
    DealActivity,
    PipelineLine,
    PipelineReport,
)
from relbook.core.enums import DealStatus
from relbook.core.forecast import Forecast
from relbook.exchange.pdf import ReportText, render_pdf
from relbook.exchange.report_html import (
    STYLE,
    ReportWords,
    cents_decimal,
    fill,
    percent,
    section,
    signed_money,
    small,
    stage_word,
    table,
    text,
)

DEAL_WORD_KEYS: tuple[str, ...] = (
    "pipeline_title",
    "as_of",
    "forecast_for",
    "now",
    "week_ago",
    "change",
    "booked",
    "weighted_pipeline",
    "forecast",
    "progress",
    "by_stage",
    "stage",
    "amount",
    "win_rate",
    "rate_source",
    "weighted",
    "open_deals",
    "won_deals",
    "lost_deals",
    "deal_title",
    "contacts",
    "status",
    "expected_close",
    "closed_on",
    "days_in_stage",
    "tier_cell",
    "deal_count",
    "importance_col",
    "lost_reason",
    "lost_note",
    "out_of_funnel",
    "deals_total",
    "funnel",
    "funnel_as_of",
    "deals_won",
    "deals_lost",
    "purchases",
    "product",
    "customer",
    "bought_on",
    "renewal_on",
    "role",
    "opportunities",
    "sheet_pipeline",
    "sheet_forecast",
)
"""The keys of ``ReportWords.text`` this module (and the pipeline workbook) uses."""

DEAL_VOCABULARIES: tuple[str, ...] = ("deal_stage", "deal_status", "lost_reason", "rate_source")
"""The code -> word tables of ``ReportWords.labels`` for the funnel."""


def _money(words: ReportWords, cents: int) -> str:
    return text(words.money(cents_decimal(cents)))


def _amount(words: ReportWords, cents: int) -> str:
    return text(words.amount(cents_decimal(cents)))


def _day(words: ReportWords, value: date | None) -> str:
    return text(words.day(value)) if value is not None else ""


# ---------------------------------------------------------------- the forecast


def forecast_figures(result: Forecast, words: ReportWords) -> str:
    """Booked, weighted pipeline and forecast now and a week ago, and the week's progress."""
    now, then = result.now, result.last_week
    rows = [
        [
            text(words.word(key)),
            _money(words, ours),
            _money(words, theirs),
            text(signed_money(words, ours - theirs)),
        ]
        for key, ours, theirs in (
            ("booked", now.booked_cents, then.booked_cents),
            ("weighted_pipeline", now.pipeline_cents, then.pipeline_cents),
            ("forecast", now.forecast_cents, then.forecast_cents),
        )
    ]
    total = [
        text(words.word("progress")),
        "",
        "",
        text(signed_money(words, result.progress_cents)),
    ]
    headers = [
        "",
        fill(words.word("now"), words.day(now.as_of)),
        fill(words.word("week_ago"), words.day(then.as_of)),
        words.word("change"),
    ]
    return table(headers, rows, [31, 23, 23, 23], total, numbers=(1, 2, 3))


def stage_table(result: Forecast, names: Mapping[str, str], words: ReportWords) -> str:
    """The forecast's stages: count, amount, win rate and where it comes from, weighted."""
    rows = [
        [
            text(stage_word(words, names, s.stage)),
            str(s.count),
            _amount(words, s.amount_cents),
            text(percent(s.rate)),
            text(words.label("rate_source", s.rate_source)),
            _amount(words, s.weighted_cents),
        ]
        for s in result.now.stages
    ]
    total = [
        text(words.word("weighted_pipeline")),
        str(sum(s.count for s in result.now.stages)),
        _amount(words, sum(s.amount_cents for s in result.now.stages)),
        "",
        "",
        _amount(words, result.now.pipeline_cents),
    ]
    headers = [
        words.word("stage"),
        words.word("deal_count"),
        words.word("amount"),
        words.word("win_rate"),
        words.word("rate_source"),
        words.word("weighted"),
    ]
    return table(headers, rows, [30, 10, 18, 12, 12, 18], total, numbers=(1, 2, 3, 5))


def _forecast_heading(result: Forecast, words: ReportWords) -> str:
    return fill(words.word("forecast_for"), words.day(result.start), words.day(result.end))


# ---------------------------------------------------------------- the pipeline report


def _tier(line: PipelineLine, words: ReportWords) -> str:
    row = line.row
    if row.tier is None:
        return ""
    return text(fill(words.word("tier_cell"), row.tier, row.importance))


def _title_cell(line: PipelineLine) -> str:
    return text(line.row.title)


def _company_cell(line: PipelineLine) -> str:
    return text(line.row.organization)


def _contacts_cell(line: PipelineLine) -> str:
    return text("、".join(name for name in line.row.contact_names if name))


def _open_table(lines: Sequence[PipelineLine], report: PipelineReport, words: ReportWords) -> str:
    rows = []
    for line in lines:
        row = line.row
        if row.in_funnel:
            rate = text(percent(row.rate))
            source = text(words.label("rate_source", line.rate_source))
        else:
            rate, source = "", text(words.word("out_of_funnel"))
        rows.append(
            [
                _title_cell(line),
                _company_cell(line),
                _contacts_cell(line),
                text(stage_word(words, report.stage_names, row.stage)),
                _amount(words, row.amount_cents),
                rate,
                source,
                _amount(words, row.weighted_cents),
                _day(words, row.expected_close),
                str(row.days_in_stage),
                _tier(line, words),
            ]
        )
    if not rows:
        return ""
    total = [
        text(words.word("open_deals")),
        "",
        "",
        "",
        _amount(words, sum(line.row.amount_cents for line in lines)),
        "",
        "",
        _amount(words, sum(line.row.weighted_cents for line in lines)),
        "",
        "",
        "",
    ]
    headers = [
        words.word("deal_title"),
        words.field("company"),
        words.word("contacts"),
        words.word("stage"),
        words.word("amount"),
        words.word("win_rate"),
        words.word("rate_source"),
        words.word("weighted"),
        words.word("expected_close"),
        words.word("days_in_stage"),
        words.field("tier"),
    ]
    widths = [14, 15, 12, 12, 8, 5, 7, 8, 8, 5, 6]
    return table(headers, rows, widths, total, numbers=(4, 5, 7, 9), dense=True)


def _closed_table(
    lines: Sequence[PipelineLine], report: PipelineReport, words: ReportWords, lost: bool
) -> str:
    rows = []
    for line in lines:
        row = line.row
        cells = [
            _title_cell(line),
            _company_cell(line),
            _contacts_cell(line),
            text(stage_word(words, report.stage_names, row.stage)),
            _amount(words, row.amount_cents),
            _day(words, row.closed_on),
            _tier(line, words),
        ]
        if lost:
            cells.append(
                text(words.label("lost_reason", row.lost_reason)) + small(text(line.lost_note))
            )
        rows.append(cells)
    if not rows:
        return ""
    headers = [
        words.word("deal_title"),
        words.field("company"),
        words.word("contacts"),
        words.word("stage"),
        words.word("amount"),
        words.word("closed_on"),
        words.field("tier"),
    ]
    widths = [24, 20, 16, 14, 10, 9, 7]
    if lost:
        headers.append(words.word("lost_reason"))
        widths = [16, 15, 12, 12, 8, 8, 6, 23]
    total = [text(words.word("lost_deals" if lost else "won_deals")), "", "", ""]
    total += [_amount(words, sum(line.row.amount_cents for line in lines))]
    total += [""] * (len(headers) - len(total))
    return table(headers, rows, widths, total, numbers=(4,), dense=True)


def _count_line(lines: Sequence[PipelineLine], words: ReportWords) -> str:
    amount = sum(line.row.amount_cents for line in lines)
    return fill(words.word("deals_total"), len(lines), words.money(cents_decimal(amount)))


def pipeline_title(words: ReportWords) -> str:
    return words.word("pipeline_title")


def pipeline_html(report: PipelineReport, words: ReportWords) -> str:
    """The forecast for the period first, then every opportunity: open, won, lost."""
    by_status: dict[str, list[PipelineLine]] = {s.value: [] for s in DealStatus}
    for line in report.lines:
        by_status.setdefault(line.row.status, []).append(line)
    opened = by_status[DealStatus.OPEN.value]
    won = by_status[DealStatus.WON.value]
    lost = by_status[DealStatus.LOST.value]
    result = report.forecast

    def heading(key: str, lines: list[PipelineLine]) -> str:
        return f"{words.word(key)} — {_count_line(lines, words)}"

    return "".join(
        [
            STYLE,
            f"<h1>{text(pipeline_title(words))}</h1>",
            f"<p class='sub'>{text(fill(words.word('as_of'), words.day(report.today)))}</p>",
            section(_forecast_heading(result, words), forecast_figures(result, words), words),
            section(words.word("by_stage"), stage_table(result, report.stage_names, words), words),
            section(heading("open_deals", opened), _open_table(opened, report, words), words),
            section(heading("won_deals", won), _closed_table(won, report, words, False), words),
            section(heading("lost_deals", lost), _closed_table(lost, report, words, True), words),
        ]
    )


def pipeline_pdf(report: PipelineReport, words: ReportWords) -> tuple[bytes, int]:
    """The pipeline report as landscape A4 PDF, and its number of pages."""
    title = pipeline_title(words)
    text_of = ReportText(title, words.generated, words.word("page"))
    return render_pdf(pipeline_html(report, words), text_of, landscape=True)


# ---------------------------------------------------------------- the activity report


def _closed_rows(
    deals: Sequence[ClosedDeal], names: Mapping[str, str], words: ReportWords, lost: bool
) -> list[list[str]]:
    rows = []
    for deal in deals:
        who = " · ".join(p for p in (deal.organization, "、".join(deal.contact_names)) if p)
        row = [
            _day(words, deal.closed_on),
            text(deal.title) + small(text(who)),
            text(stage_word(words, names, deal.stage)),
            _amount(words, deal.amount_cents),
        ]
        if lost:
            row.append(
                text(words.label("lost_reason", deal.lost_reason)) + small(text(deal.lost_note))
            )
        rows.append(row)
    return rows


def _closed_section(activity: DealActivity, words: ReportWords, lost: bool) -> str:
    deals = activity.lost if lost else activity.won
    rows = _closed_rows(deals, activity.stage_names, words, lost)
    if not rows:
        return ""
    headers = [
        words.word("closed_on"),
        words.word("deal_title"),
        words.word("stage"),
        words.word("amount"),
    ]
    widths = [14, 46, 22, 18]
    if lost:
        headers.append(words.word("lost_reason"))
        widths = [13, 33, 16, 13, 25]
    total = [text(words.word("total")), "", "", _amount(words, sum(d.amount_cents for d in deals))]
    total += [""] * (len(headers) - len(total))
    return table(headers, rows, widths, total, numbers=(3,))


def _purchases_section(activity: DealActivity, words: ReportWords) -> str:
    rows = [
        [
            _day(words, p.bought_on),
            text(p.product) + small(text(p.deal_title if p.deal_title != p.product else "")),
            text(p.contact_name) + small(text(p.company)),
            _amount(words, p.amount_cents),
            _day(words, p.renewal_on),
        ]
        for p in activity.purchases
    ]
    if not rows:
        return ""
    headers = [
        words.word("bought_on"),
        words.word("product"),
        words.word("customer"),
        words.word("amount"),
        words.word("renewal_on"),
    ]
    total = [text(words.word("total")), "", "", _amount(words, activity.purchased_cents), ""]
    return table(headers, rows, [14, 32, 26, 14, 14], total, numbers=(3,))


def funnel_summary(activity: DealActivity, words: ReportWords) -> list[tuple[str, str]]:
    """The activity report's summary lines for the funnel: progress, won, lost, purchases."""

    def counted(count: int, cents: int) -> str:
        return fill(words.word("deals_total"), count, words.money(cents_decimal(cents)))

    return [
        (words.word("progress"), signed_money(words, activity.forecast.progress_cents)),
        (words.word("deals_won"), counted(len(activity.won), activity.won_cents)),
        (words.word("deals_lost"), counted(len(activity.lost), activity.lost_cents)),
        (words.word("purchases"), counted(len(activity.purchases), activity.purchased_cents)),
    ]


def funnel_sections(activity: DealActivity, words: ReportWords) -> str:
    """The activity report's funnel: the week's progress, won, lost, new purchases."""
    result = activity.forecast
    heading = fill(
        words.word("funnel_as_of"),
        words.day(result.start),
        words.day(result.end),
        words.day(result.now.as_of),
    )
    progress = f"<p>{text(heading)}</p>" + forecast_figures(result, words)
    return "".join(
        [
            section(words.word("funnel"), progress, words),
            section(words.word("deals_won"), _closed_section(activity, words, False), words),
            section(words.word("deals_lost"), _closed_section(activity, words, True), words),
            section(words.word("purchases"), _purchases_section(activity, words), words),
        ]
    )


# ---------------------------------------------------------------- the dossier


def _other(title: str | None, product: str) -> str:
    """The opportunity a purchase came from, unless the product already says it."""
    return title if title and title != product else ""


def _role_cell(role: str | None, insider: bool, words: ReportWords) -> str:
    parts = [words.label("buying_role", role)] if role else []
    if insider:
        parts.append(words.field("is_insider"))
    return text(" · ".join(parts))


def contact_deals_sections(deals: ContactDeals, words: ReportWords) -> str:
    """The dossier's opportunities (with the contact's role) and purchases."""
    rows = []
    for deal in deals.deals:
        when = deal.closed_on if deal.status != DealStatus.OPEN else deal.expected_close
        rows.append(
            [
                text(deal.title),
                text(stage_word(words, deals.stage_names, deal.stage)),
                text(words.label("deal_status", deal.status)) + small(_day(words, when)),
                _amount(words, deal.amount_cents),
                _role_cell(deal.role, deal.is_insider, words),
            ]
        )
    headers = [
        words.word("deal_title"),
        words.word("stage"),
        words.word("status"),
        words.word("amount"),
        words.word("role"),
    ]
    opportunities = table(headers, rows, [34, 18, 14, 14, 20], numbers=(3,)) if rows else ""
    bought = [
        [
            _day(words, p.bought_on),
            text(p.product)
            + small(text(_other(deals.deal_titles.get(p.opportunity_id or -1), p.product))),
            _amount(words, p.amount_cents),
            _day(words, p.renewal_on),
        ]
        for p in deals.purchases
    ]
    headers = [
        words.word("bought_on"),
        words.word("product"),
        words.word("amount"),
        words.word("renewal_on"),
    ]
    purchases = ""
    if bought:
        total_cents = sum(p.amount_cents for p in deals.purchases)
        total = [text(words.word("total")), "", _amount(words, total_cents), ""]
        purchases = table(headers, bought, [16, 52, 16, 16], total, numbers=(2,))
    return section(words.word("opportunities"), opportunities, words) + section(
        words.word("purchases"), purchases, words
    )
