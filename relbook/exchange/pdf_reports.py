"""The one-contact dossier and the activity report, laid out as HTML and printed to PDF.

The words and the date and money formats come from the caller in ``ReportWords`` (in the user's
language and locale), so this module knows layout only; ``relbook.words.report_words`` builds them.
Qt is used through ``relbook.exchange.pdf`` alone.
"""

from collections.abc import Sequence

from relbook.core.contact_input import RAPPORT_FIELDS
from relbook.core.enums import DateKind, GiftDirection, Recurrence
from relbook.core.fields import CONTACT_FIELDS
from relbook.core.reports import (
    ActivityReport,
    DatedDay,
    Dossier,
    GiftLine,
    GiftTotals,
    LevelLine,
)
from relbook.exchange.pdf import ReportText, render_pdf
from relbook.exchange.pdf_deals import (
    DEAL_VOCABULARIES,
    DEAL_WORD_KEYS,
    contact_deals_sections,
    funnel_sections,
    funnel_summary,
)
from relbook.exchange.report_html import STYLE, ReportWords
from relbook.exchange.report_html import fill as _fill
from relbook.exchange.report_html import pairs as _pairs
from relbook.exchange.report_html import section as _section
from relbook.exchange.report_html import small as _small
from relbook.exchange.report_html import table as _table
from relbook.exchange.report_html import text as _t

WORD_KEYS: tuple[str, ...] = (
    "dossier_title",
    "activity_title",
    "page",
    "profile",
    "rapport",
    "family",
    "special_dates",
    "playbook",
    "level_history",
    "timeline",
    "gifts",
    "summary",
    "by_type",
    "by_contact",
    "level_changes",
    "new_contacts",
    "none",
    "from",
    "to",
    "count",
    "total",
    "year",
    "next",
    "with",
    "start",
    "importance",
    "not_rated",
    "interactions",
    "contacts_reached",
    "level_changes_count",
    "gifts_given",
    "gifts_received",
    "new_contacts_count",
    "gifts_total",
    "open_ideas",
    *DEAL_WORD_KEYS,
)
"""The keys of ``ReportWords.text``: headings, column heads and templates (with %1, %2)."""

FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            *(f.label for f in CONTACT_FIELDS if f.label),
            "kind",
            "occurred_at",
            "place",
            "notes",
            "outcome",
            "next_step",
            "next_step_due",
            "given_on",
            "direction",
            "item",
            "value",
            "occasion",
            "recipient",
            "relation",
            "contact",
        )
    )
)
"""Field names the reports use (``ReportWords.labels["field"]``): every contact field's, then
those of interactions, gifts and relations."""

VOCABULARIES: tuple[str, ...] = (
    "field",
    "level",
    "stage",
    "source",
    "personality",
    "relation",
    "date_kind",
    "recurrence",
    "phone_label",
    "interaction_type",
    "gift_direction",
    "occasion",
    "org_type",
    "buying_role",
    *DEAL_VOCABULARIES,
)
"""The code -> word tables in ``ReportWords.labels``; levels are keyed by their digit."""


# ---------------------------------------------------------------- the dossier


def _profile(report: Dossier, words: ReportWords) -> str:
    data = report.profile
    rows: list[tuple[str, str]] = []

    def add(name: str, value: str) -> None:
        if value.strip():
            rows.append((words.field(name), _t(value)))

    add("company", data.company)
    if data.org_type and data.org_type != "other":
        add("org_type", words.label("org_type", data.org_type))
    add("department", data.department)
    add("title", data.title)
    role = words.label("buying_role", data.buying_role)
    if data.is_insider:
        role = " · ".join(p for p in (role, words.field("is_insider")) if p)
    add("buying_role", role)
    for phone in data.phones:
        if phone.number.strip():
            rows.append((words.label("phone_label", phone.label), _t(phone.number)))
    for name in ("email", "wechat", "qq"):
        add(name, getattr(data, name))
    rows.append((words.field("level"), _t(words.label("level", data.level))))
    rows.append((words.field("stage"), _t(words.label("stage", data.stage))))
    tier = words.word("not_rated")
    if report.tier is not None and report.importance is not None:
        tier = _fill(words.word("importance"), report.tier, report.importance)
    rows.append((words.field("tier"), _t(tier)))
    add("tags", ", ".join(data.tags))
    met = " — ".join(p for p in (words.label("source", data.source), data.source_detail) if p)
    add("source", met)
    add("referred_by_id", report.referrer)
    if report.last_contacted is not None:
        add("last_contacted", words.moment(report.last_contacted))
    long_rows = []
    if data.address.strip():
        long_rows.append((words.field("address"), _t(data.address)))
    return _pairs(rows) + _pairs(long_rows, columns=1)


def _rapport(report: Dossier, words: ReportWords) -> str:
    data = report.profile
    rows: list[tuple[str, str]] = []
    if data.personality:
        rows.append((words.field("personality"), _t(words.label("personality", data.personality))))
    for name in RAPPORT_FIELDS:
        value = getattr(data, name)
        if value.strip():
            rows.append((words.field(name), _t(value)))
    return _pairs(rows, columns=1)


def _day_name(day: DatedDay, words: ReportWords) -> str:
    if day.kind == DateKind.CUSTOM and day.label.strip():
        return day.label
    return words.label("date_kind", day.kind)


def _date_cell(day: DatedDay, words: ReportWords) -> str:
    text = _t(words.calendar_date(day.value))
    if day.recurrence == Recurrence.ONCE:
        text += " · " + _t(words.label("recurrence", day.recurrence))
    return text


def _next_cell(day: DatedDay, words: ReportWords) -> str:
    return _t(words.day(day.next_on)) if day.next_on is not None else ""


def _family(report: Dossier, words: ReportWords) -> str:
    rows = []
    for member in report.family:
        dates = "<br>".join(
            f"{_t(_day_name(d, words))}: {_date_cell(d, words)}"
            + (f" ({_t(words.word('next'))} {_next_cell(d, words)})" if d.next_on else "")
            for d in member.dates
        )
        rows.append(
            [_t(member.name), _t(words.label("relation", member.relation)), dates, _t(member.notes)]
        )
    if not rows:
        return ""
    headers = [words.field("name"), words.field("relation"), words.field("dates")]
    return _table([*headers, words.field("notes")], rows, [16, 12, 42, 30])


def _special_dates(report: Dossier, words: ReportWords) -> str:
    rows = [
        [_t(_day_name(d, words)), _date_cell(d, words), _next_cell(d, words)] for d in report.dates
    ]
    if not rows:
        return ""
    headers = [words.field("kind"), words.field("dates"), words.word("next")]
    return _table(headers, rows, [25, 45, 30])


def _playbook(report: Dossier, words: ReportWords) -> str:
    advice = words.playbooks.get(report.profile.personality or "", ())
    return "".join(f"<p><b>{_t(title)}</b><br>{_t(text)}</p>" for title, text in advice)


def _level_rows(lines: Sequence[LevelLine], words: ReportWords, who: bool) -> list[list[str]]:
    rows = []
    for line in lines:
        start = line.from_level is None
        row = [
            _t(words.day(line.changed_on)),
            _t(words.word("start") if start else words.label("level", line.from_level)),
            _t(words.label("level", line.to_level)),
            _t(line.note),
        ]
        if who:
            row.insert(1, _t(line.contact_name))
        rows.append(row)
    return rows


def _timeline(report: Dossier, words: ReportWords) -> str:
    rows = []
    for item in report.interactions:
        extra = []
        if item.place:
            extra.append(f"{_t(words.field('place'))}: {_t(item.place)}")
        if item.others:
            extra.append(f"{_t(words.word('with'))}: {_t(', '.join(item.others))}")
        step = _t(item.next_step)
        if item.next_step and item.next_step_due is not None:
            step += _small(
                f"{_t(words.field('next_step_due'))}: {_t(words.moment(item.next_step_due))}"
            )
        rows.append(
            [
                _t(words.moment(item.occurred_at)),
                _t(words.label("interaction_type", item.kind)),
                _t(item.notes) + _small(" · ".join(extra)),
                _t(item.outcome),
                step,
            ]
        )
    if not rows:
        return ""
    headers = [
        words.field("occurred_at"),
        words.field("kind"),
        words.field("notes"),
        words.field("outcome"),
        words.field("next_step"),
    ]
    return _table(headers, rows, [17, 11, 32, 20, 20])


def _gift_rows(lines: Sequence[GiftLine], words: ReportWords, who: bool) -> list[list[str]]:
    rows = []
    for gift in lines:
        row = [
            _t(words.day(gift.given_on)),
            _t(words.label("gift_direction", gift.direction)),
            _t(gift.item),
            _t(words.amount(gift.value)) if gift.value is not None else "",
            _t(words.label("occasion", gift.occasion)),
        ]
        if who:
            row.insert(1, _t(gift.contact_name))
            if gift.recipient:
                row[1] += _small(f"{_t(words.field('recipient'))}: {_t(gift.recipient)}")
        else:
            row.append(_t(gift.recipient))
        rows.append(row)
    return rows


def _totals_text(totals: GiftTotals, words: ReportWords) -> str:
    given = _fill(words.word("gifts_total"), totals.given_count, words.money(totals.given))
    received = _fill(words.word("gifts_total"), totals.received_count, words.money(totals.received))
    return _pairs(
        [
            (words.label("gift_direction", GiftDirection.GIVEN), _t(given)),
            (words.label("gift_direction", GiftDirection.RECEIVED), _t(received)),
        ]
    )


def _gifts(report: Dossier, words: ReportWords) -> str:
    rows = _gift_rows(report.gifts, words, who=False)
    parts = []
    if rows:
        headers = [
            words.field("given_on"),
            words.field("direction"),
            words.field("item"),
            words.field("value"),
            words.field("occasion"),
            words.field("recipient"),
        ]
        parts.append(_table(headers, rows, [14, 12, 30, 12, 16, 16], numbers=(3,)))
        parts.append(_totals_text(report.totals, words))
    if len(report.yearly) > 1:
        yearly = [
            [
                str(y.year),
                _t(_fill(words.word("gifts_total"), y.given_count, words.money(y.given))),
                _t(_fill(words.word("gifts_total"), y.received_count, words.money(y.received))),
            ]
            for y in report.yearly
        ]
        headers = [
            words.word("year"),
            words.label("gift_direction", GiftDirection.GIVEN),
            words.label("gift_direction", GiftDirection.RECEIVED),
        ]
        parts.append("<br>" + _table(headers, yearly, [20, 40, 40]))
    if report.ideas:
        parts.append(_pairs([(words.word("open_ideas"), _t(", ".join(report.ideas)))], 1))
    return "".join(parts)


def dossier_html(report: Dossier, words: ReportWords) -> str:
    """The dossier's body: heading, profile, family, dates, playbook, history, gifts."""
    data = report.profile
    heading = f"<h1>{_t(data.name)}</h1>"
    subtitle = " · ".join(p for p in (data.company, data.department, data.title) if p.strip())
    if subtitle:
        heading += f"<p class='sub'>{_t(subtitle)}</p>"
    parts = [
        STYLE,
        heading,
        _section(words.word("profile"), _profile(report, words), words),
        _section(words.word("rapport"), _rapport(report, words), words),
        contact_deals_sections(report.deals, words),
        _section(words.word("family"), _family(report, words), words),
        _section(words.word("special_dates"), _special_dates(report, words), words),
    ]
    if report.profile.personality:
        title = _fill(words.word("playbook"), words.label("personality", data.personality))
        parts.append(_section(title, _playbook(report, words), words))
    levels = _level_rows(report.levels, words, who=False)
    headers = [words.field("given_on"), words.word("from"), words.word("to"), words.field("notes")]
    history = _table(headers, levels, [16, 22, 22, 40]) if levels else ""
    parts.append(_section(words.word("level_history"), history, words))
    parts.append(_section(words.word("timeline"), _timeline(report, words), words))
    parts.append(_section(words.word("gifts"), _gifts(report, words), words))
    return "".join(parts)


def dossier_pdf(report: Dossier, words: ReportWords) -> tuple[bytes, int]:
    """The dossier as portrait A4 PDF, and its number of pages."""
    text = ReportText(
        _fill(words.word("dossier_title"), report.profile.name),
        words.generated,
        words.word("page"),
    )
    return render_pdf(dossier_html(report, words), text)


# ---------------------------------------------------------------- the activity report


def activity_title(report: ActivityReport, words: ReportWords) -> str:
    period = report.period
    return _fill(words.word("activity_title"), words.day(period.start), words.day(period.end))


def _summary(report: ActivityReport, words: ReportWords) -> str:
    totals = report.totals
    levels = str(len(report.level_changes))
    if report.level_changes:
        levels += f" (↑{report.level_ups} ↓{report.level_downs})"
    given = _fill(words.word("gifts_total"), totals.given_count, words.money(totals.given))
    received = _fill(words.word("gifts_total"), totals.received_count, words.money(totals.received))
    rows = [
        (words.word("interactions"), str(report.interaction_count)),
        (words.word("contacts_reached"), str(report.contacts_reached)),
        (words.word("level_changes_count"), levels),
        (words.word("new_contacts_count"), str(len(report.new_contacts))),
        (words.word("gifts_given"), given),
        (words.word("gifts_received"), received),
        *funnel_summary(report.deals, words),
    ]
    return _pairs([(k, f"<b>{_t(v)}</b>") for k, v in rows])


def _by_type(report: ActivityReport, words: ReportWords) -> str:
    if not report.by_type:
        return ""
    rows = [[_t(words.label("interaction_type", k)), str(n)] for k, n in report.by_type]
    total = [_t(words.word("total")), str(report.interaction_count)]
    return _table([words.field("kind"), words.word("count")], rows, [70, 30], total, (1,))


def _by_contact(report: ActivityReport, words: ReportWords) -> str:
    if not report.by_contact:
        return ""
    types = report.types()
    rows = [
        [_t(c.name), _t(c.company)]
        + [str(c.by_type.get(k, "")) for k in types]
        + [f"<b>{c.total}</b>"]
        for c in report.by_contact
    ]
    headers = [words.field("contact"), words.field("company")]
    headers += [words.label("interaction_type", k) for k in types] + [words.word("total")]
    name_share, company_share = 18, 24
    rest = (100 - name_share - company_share) // (len(types) + 1)
    widths = [name_share, company_share] + [rest] * (len(types) + 1)
    return _table(headers, rows, widths, numbers=range(2, len(types) + 3))


def _period_gifts(report: ActivityReport, words: ReportWords) -> str:
    rows = _gift_rows(report.gifts, words, who=True)
    if not rows:
        return ""
    headers = [
        words.field("given_on"),
        words.field("contact"),
        words.field("direction"),
        words.field("item"),
        words.field("value"),
        words.field("occasion"),
    ]
    table = _table(headers, rows, [14, 18, 12, 28, 12, 16], numbers=(4,))
    return table + _totals_text(report.totals, words)


def _new_contacts(report: ActivityReport, words: ReportWords) -> str:
    rows = [
        [
            _t(words.day(c.created_at.date())),
            _t(c.name),
            _t(c.company),
            _t(words.label("level", c.level)),
            _t(words.label("stage", c.stage)),
            _t(words.label("source", c.source)),
        ]
        for c in report.new_contacts
    ]
    if not rows:
        return ""
    headers = [
        words.field("created_at"),
        words.field("name"),
        words.field("company"),
        words.field("level"),
        words.field("stage"),
        words.field("source"),
    ]
    return _table(headers, rows, [14, 16, 26, 16, 14, 14])


def activity_html(report: ActivityReport, words: ReportWords) -> str:
    """The report's body: summary counts, then each kind of activity."""
    levels = _level_rows(report.level_changes, words, who=True)
    headers = [
        words.field("given_on"),
        words.field("contact"),
        words.word("from"),
        words.word("to"),
        words.field("notes"),
    ]
    level_table = _table(headers, levels, [14, 18, 20, 20, 28]) if levels else ""
    return "".join(
        [
            STYLE,
            f"<h1>{_t(activity_title(report, words))}</h1>",
            _section(words.word("summary"), _summary(report, words), words),
            funnel_sections(report.deals, words),
            _section(words.word("by_type"), _by_type(report, words), words),
            _section(words.word("by_contact"), _by_contact(report, words), words),
            _section(words.word("level_changes"), level_table, words),
            _section(words.word("gifts"), _period_gifts(report, words), words),
            _section(words.word("new_contacts"), _new_contacts(report, words), words),
        ]
    )


def activity_pdf(report: ActivityReport, words: ReportWords) -> tuple[bytes, int]:
    """The activity report as portrait A4 PDF, and its number of pages."""
    text = ReportText(activity_title(report, words), words.generated, words.word("page"))
    return render_pdf(activity_html(report, words), text)
