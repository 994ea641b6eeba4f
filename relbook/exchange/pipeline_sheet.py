"""The pipeline report as an Excel workbook: one sheet with every opportunity, one with the
forecast for the period.

Cells hold real values: amounts are numbers in yuan with a CNY format, win rates fractions
with a percent format, days dates; text is never read as a formula. The words come from the
caller in ``ReportWords`` (the same ones the PDF uses), so headers follow the book's language.
"""

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from relbook.core.deal_reports import PipelineLine, PipelineReport
from relbook.exchange.report_html import ReportWords, stage_word
from relbook.exchange.sheets import HEADER_FILL, column_widths

CNY_FORMAT = "[$¥-804]#,##0.00"
"""Yuan with the sign and two decimals, as Excel and WPS write CNY (804: zh-CN)."""
PERCENT_FORMAT = "0%"
DATE_FORMAT = "yyyy-mm-dd"

PIPELINE_COLUMNS: tuple[str, ...] = (
    "deal_title",
    "company",
    "contacts",
    "stage",
    "status",
    "amount",
    "win_rate",
    "rate_source",
    "weighted",
    "expected_close",
    "closed_on",
    "days_in_stage",
    "tier",
    "importance_col",
    "lost_reason",
    "lost_note",
)
"""The pipeline sheet's columns, in order."""
MONEY_COLUMNS = frozenset({"amount", "weighted"})


def _yuan(cents: int) -> Decimal:
    return Decimal(cents) / 100


def _header(key: str, words: ReportWords) -> str:
    if key in ("company", "tier"):
        return words.field(key)
    return words.word(key)


def pipeline_row(line: PipelineLine, report: PipelineReport, words: ReportWords) -> list[Any]:
    """One opportunity's cells, in ``PIPELINE_COLUMNS`` order."""
    row = line.row
    open_in_funnel = line.rate_source is not None and row.in_funnel
    if open_in_funnel:
        source = words.label("rate_source", line.rate_source)
    elif line.rate_source is not None:
        source = words.word("out_of_funnel")
    else:
        source = ""
    return [
        row.title,
        row.organization,
        "、".join(name for name in row.contact_names if name),
        stage_word(words, report.stage_names, row.stage),
        words.label("deal_status", row.status),
        _yuan(row.amount_cents),
        row.rate if open_in_funnel or line.rate_source is None else None,
        source,
        _yuan(row.weighted_cents),
        row.expected_close,
        row.closed_on,
        row.days_in_stage,
        row.tier or "",
        row.importance,
        words.label("lost_reason", row.lost_reason),
        line.lost_note,
    ]


def _style_header(sheet: Any, row: int, count: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for column in range(1, count + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=False)


def _put(sheet: Any, row: int, values: Sequence[Any], formats: Sequence[str | None]) -> None:
    for column, (value, number_format) in enumerate(zip(values, formats, strict=True), start=1):
        if value is None or value == "":
            continue
        if isinstance(value, Decimal):
            value = float(value)
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
        if number_format:
            cell.number_format = number_format


def _widths(sheet: Any, rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> None:
    from openpyxl.utils import get_column_letter

    shown = [[_shown(value) for value in row] for row in rows]
    for index, width in enumerate(column_widths(shown, headers), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _shown(value: Any) -> Any:
    """A cell as it reads on screen, for measuring its column."""
    if isinstance(value, Decimal):
        return f"¥{value:,.2f}"
    if isinstance(value, float):
        return f"{value:.0%}"
    return value


def _pipeline_sheet(sheet: Any, report: PipelineReport, words: ReportWords) -> None:
    from openpyxl.utils import get_column_letter

    headers = [_header(key, words) for key in PIPELINE_COLUMNS]
    formats = [
        CNY_FORMAT
        if key in MONEY_COLUMNS
        else PERCENT_FORMAT
        if key == "win_rate"
        else DATE_FORMAT
        if key in ("expected_close", "closed_on")
        else None
        for key in PIPELINE_COLUMNS
    ]
    _put(sheet, 1, headers, [None] * len(headers))
    _style_header(sheet, 1, len(headers))
    rows = [pipeline_row(line, report, words) for line in report.lines]
    for number, row in enumerate(rows, start=2):
        _put(sheet, number, row, formats)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    _widths(sheet, rows, headers)


def _forecast_sheet(sheet: Any, report: PipelineReport, words: ReportWords) -> None:
    from openpyxl.styles import Font

    result = report.forecast
    now, then = result.now, result.last_week
    rows: list[list[Any]] = []
    title = words.word("forecast_for").replace("%1", result.start.isoformat())
    _put(sheet, 1, [title.replace("%2", result.end.isoformat())], [None])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    figures_head = [
        "",
        words.word("now").replace("%1", now.as_of.isoformat()),
        words.word("week_ago").replace("%1", then.as_of.isoformat()),
        words.word("change"),
    ]
    _put(sheet, 3, figures_head, [None] * 4)
    _style_header(sheet, 3, 4)
    money = [None, CNY_FORMAT, CNY_FORMAT, CNY_FORMAT]
    for offset, (key, ours, theirs) in enumerate(
        (
            ("booked", now.booked_cents, then.booked_cents),
            ("weighted_pipeline", now.pipeline_cents, then.pipeline_cents),
            ("forecast", now.forecast_cents, then.forecast_cents),
        )
    ):
        values = [words.word(key), _yuan(ours), _yuan(theirs), _yuan(ours - theirs)]
        _put(sheet, 4 + offset, values, money)
        rows.append(values)
    progress = [words.word("progress"), None, None, _yuan(result.progress_cents)]
    _put(sheet, 7, progress, money)
    for column in (1, 4):
        sheet.cell(row=7, column=column).font = Font(bold=True)
    stage_head = [
        words.word("stage"),
        words.word("deal_count"),
        words.word("amount"),
        words.word("win_rate"),
        words.word("rate_source"),
        words.word("weighted"),
    ]
    _put(sheet, 9, stage_head, [None] * 6)
    _style_header(sheet, 9, 6)
    stage_formats = [None, None, CNY_FORMAT, PERCENT_FORMAT, None, CNY_FORMAT]
    for offset, stage in enumerate(now.stages):
        values = [
            stage_word(words, report.stage_names, stage.stage),
            stage.count,
            _yuan(stage.amount_cents),
            stage.rate,
            words.label("rate_source", stage.rate_source),
            _yuan(stage.weighted_cents),
        ]
        _put(sheet, 10 + offset, values, stage_formats)
        rows.append(values)
    total = [
        words.word("total"),
        sum(s.count for s in now.stages),
        _yuan(sum(s.amount_cents for s in now.stages)),
        None,
        None,
        _yuan(now.pipeline_cents),
    ]
    total_row = 10 + len(now.stages)
    _put(sheet, total_row, total, stage_formats)
    for column in range(1, 7):
        sheet.cell(row=total_row, column=column).font = Font(bold=True)
    _widths(sheet, [*rows, total, progress], stage_head)


def write_pipeline_xlsx(
    report: PipelineReport, words: ReportWords, target: str | Path | BinaryIO
) -> None:
    """The workbook: the pipeline sheet first (header frozen, filterable), then the
    forecast's figures and its per-stage table."""
    from openpyxl import Workbook  # imported on use: it is slow to import

    book = Workbook()
    pipeline = book.active
    assert pipeline is not None
    pipeline.title = _sheet_title(words.word("sheet_pipeline"))
    _pipeline_sheet(pipeline, report, words)
    _forecast_sheet(book.create_sheet(_sheet_title(words.word("sheet_forecast"))), report, words)
    book.save(target)


def _sheet_title(text: str) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return "".join(c for c in text if c not in "[]:*?/\\")[:31] or "Sheet"
