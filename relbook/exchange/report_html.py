"""The HTML the PDF reports are laid out in: the words the caller supplies, the style sheet,
and the small building blocks (tables, key/value pairs, sections). No Qt here."""

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from html import escape

from relbook.core.calendar import CalendarDate


@dataclass(frozen=True)
class ReportWords:
    """Everything worded or formatted for people, supplied by the caller."""

    text: Mapping[str, str]
    labels: Mapping[str, Mapping[str, str]]
    playbooks: Mapping[str, Sequence[tuple[str, str]]]
    """Personality code -> (aspect title, advice) in reading order."""
    day: Callable[[date], str]
    moment: Callable[[datetime], str]
    calendar_date: Callable[[CalendarDate], str]
    """A stored solar or lunar date as people write it (lunar ones in lunar form)."""
    amount: Callable[[Decimal | None], str]
    """A yuan value for a table cell, no currency sign."""
    money: Callable[[Decimal], str]
    """A yuan value with the currency sign, for totals."""
    generated: str
    """When the report was made, written out: shown at the top of every page."""

    def word(self, key: str) -> str:
        return self.text.get(key, key)

    def label(self, kind: str, code: object) -> str:
        """The word for a code, or the code itself (free text such as a typed occasion)."""
        if code is None:
            return ""
        return self.labels.get(kind, {}).get(str(code), str(code))

    def field(self, name: str) -> str:
        return self.label("field", name)


STYLE = """
<style>
h1 { font-size: 16pt; margin-bottom: 2px; }
h2 { font-size: 12pt; color: #263238; margin-top: 14px; margin-bottom: 4px; }
p.sub { color: #546e7a; margin-top: 0px; }
p.none { color: #78909c; }
span.small { color: #607d8b; font-size: 8pt; }
td.k { color: #546e7a; }
th { background-color: #eceff1; }
tr.total td { font-weight: bold; background-color: #f5f7f8; }
td.d, th.d { font-size: 8pt; }
</style>
"""


def text(value: object) -> str:
    """Escaped text with its line breaks kept."""
    return escape(str(value)).replace("\n", "<br>")


def fill(template: str, *values: object) -> str:
    """``%1``, ``%2`` ... replaced in one pass (a name holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]), template)


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int] | None = None,
    total: Sequence[str] | None = None,
    numbers: Sequence[int] = (),
    dense: bool = False,
) -> str:
    """A bordered table; cells are HTML already escaped, ``widths`` in percent, the columns
    ``numbers`` aligned right; a ``dense`` one in smaller type, for many columns."""
    kind = " class='d'" if dense else ""

    def width(index: int) -> str:
        return f' width="{widths[index]}%"' if widths else ""

    def align(index: int) -> str:
        return " align='right'" if index in numbers else " align='left'"

    def line(cells: Sequence[str]) -> str:
        return "".join(f"<td{align(i)}>{c}</td>" for i, c in enumerate(cells))

    head = "".join(f"<th{kind}{width(i)}{align(i)}>{escape(h)}</th>" for i, h in enumerate(headers))
    body = "".join(f"<tr>{line(row)}</tr>" for row in rows)
    if total is not None:
        body += f"<tr class='total'>{line(total)}</tr>"
    return (
        '<table width="100%" cellspacing="0" cellpadding="3" border="1" '
        'style="border-collapse: collapse; border-color: #b0bec5; margin-bottom: 6px;">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def pairs(rows: Sequence[tuple[str, str]], columns: int = 2) -> str:
    """Key/value pairs, ``columns`` pairs to a line; values are HTML already escaped."""
    if not rows:
        return ""
    key_width = 18
    value_width = (100 - key_width * columns) // columns
    lines = []
    for start in range(0, len(rows), columns):
        chunk = list(rows[start : start + columns])
        chunk += [("", "")] * (columns - len(chunk))
        cells = "".join(
            f"<td class='k' width='{key_width}%'>{escape(k)}</td>"
            f"<td width='{value_width}%'>{v}</td>"
            for k, v in chunk
        )
        lines.append(f"<tr>{cells}</tr>")
    return f'<table width="100%" cellspacing="0" cellpadding="2">{"".join(lines)}</table>'


def section(title: str, body: str, words: ReportWords) -> str:
    return f"<h2>{escape(title)}</h2>" + (body or f"<p class='none'>{text(words.word('none'))}</p>")


def small(text: str) -> str:
    return f"<br><span class='small'>{text}</span>" if text else ""


def cents_decimal(cents: int) -> Decimal:
    """CNY cents as yuan."""
    return Decimal(cents) / 100


def percent(rate: float) -> str:
    """A win rate (0..1) in whole percent: ``56%``."""
    return f"{round(rate * 100)}%"


def stage_word(words: ReportWords, names: Mapping[str, str], code: str) -> str:
    """The user's name for a stage, else a built-in stage's words, else its code."""
    return (names.get(code) or "").strip() or words.label("deal_stage", code)


def signed_money(words: ReportWords, cents: int) -> str:
    """A change in yuan with its sign: ``+¥7,500``, ``−¥3,000``, ``¥0``."""
    text = words.money(cents_decimal(abs(cents)))
    return ("+" if cents > 0 else "−" if cents < 0 else "") + text
