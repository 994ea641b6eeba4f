"""The words and formats the PDF reports are written in, in the user's language and locale.

Built on the UI (or CLI) thread before the report is made in the background; the formatting
functions only read the locale.
"""

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from relbook.core.enums import DealStage, DealStatus
from relbook.exchange.pdf_deals import DEAL_VOCABULARIES
from relbook.exchange.pdf_reports import FIELDS, VOCABULARIES, ReportWords
from relbook.ui.amount_text import amount_text
from relbook.ui.date_text import calendar_date_text, solar_text
from relbook.ui.playbook import ASPECTS, aspect_title, playbook
from relbook.words import deal_words, labels
from relbook.words.labels import translate


def _text() -> dict[str, str]:
    return {
        "dossier_title": translate("Reports", "Dossier: %1"),
        "activity_title": translate("Reports", "Activity report %1 – %2"),
        "page": translate("Reports", "Page %1 of %2"),
        "profile": translate("Reports", "Profile"),
        "rapport": translate("Reports", "Personal details"),
        "family": translate("Reports", "Family"),
        "special_dates": translate("Reports", "Special dates"),
        "playbook": translate("Reports", "Personality playbook: %1"),
        "level_history": translate("Reports", "Level history"),
        "timeline": translate("Reports", "Timeline"),
        "gifts": translate("Reports", "Gifts"),
        "summary": translate("Reports", "Summary"),
        "by_type": translate("Reports", "Interactions by type"),
        "by_contact": translate("Reports", "Interactions by contact"),
        "level_changes": translate("Reports", "Level changes"),
        "new_contacts": translate("Reports", "New contacts"),
        "none": translate("Reports", "None recorded."),
        "from": translate("Reports", "From"),
        "to": translate("Reports", "To"),
        "count": translate("Reports", "Count"),
        "total": translate("Reports", "Total"),
        "year": translate("Reports", "Year"),
        "next": translate("Reports", "Next"),
        "with": translate("Reports", "With"),
        "start": translate("Reports", "Start"),
        "importance": translate("Reports", "%1 (importance %2 of 25)"),
        "not_rated": translate("Reports", "Not rated"),
        "interactions": translate("Reports", "Interactions"),
        "contacts_reached": translate("Reports", "Contacts reached"),
        "level_changes_count": translate("Reports", "Level changes"),
        "gifts_given": translate("Reports", "Gifts given"),
        "gifts_received": translate("Reports", "Gifts received"),
        "new_contacts_count": translate("Reports", "New contacts"),
        "gifts_total": translate("Reports", "%1 gifts, %2"),
        "open_ideas": translate("Reports", "Gift ideas"),
        **_deal_text(),
    }


def _deal_text() -> dict[str, str]:
    """The words of the pipeline report and of the reports' opportunity sections."""
    return {
        "pipeline_title": translate("Reports", "Pipeline and forecast"),
        "as_of": translate("Reports", "As of %1"),
        "forecast_for": translate("Reports", "Sales forecast %1 – %2"),
        "now": translate("Reports", "As of %1"),
        "week_ago": translate("Reports", "A week before (%1)"),
        "change": translate("Reports", "Change"),
        "booked": translate("Reports", "Booked"),
        "weighted_pipeline": translate("Reports", "Weighted pipeline"),
        "forecast": translate("Reports", "Forecast"),
        "progress": translate("Reports", "Progress this week"),
        "by_stage": translate("Reports", "Forecast by stage"),
        "stage": translate("Reports", "Stage"),
        "amount": translate("Reports", "Amount"),
        "win_rate": translate("Reports", "Win rate"),
        "rate_source": translate("Reports", "Rate from"),
        "weighted": translate("Reports", "Weighted"),
        "open_deals": translate("Reports", "Open"),
        "won_deals": translate("Reports", "Won"),
        "lost_deals": translate("Reports", "Lost"),
        "deal_title": translate("Reports", "Opportunity"),
        "contacts": translate("Reports", "Contacts"),
        "status": translate("Reports", "Status"),
        "expected_close": translate("Reports", "Expected close"),
        "closed_on": translate("Reports", "Closed"),
        "days_in_stage": translate("Reports", "Days in stage"),
        "tier_cell": translate("Reports", "%1 (%2)"),
        "importance_col": translate("Reports", "Importance"),
        "deal_count": translate("Reports", "Deals"),
        "lost_reason": translate("Reports", "Why lost"),
        "lost_note": translate("Reports", "Note on why"),
        "out_of_funnel": translate("Reports", "out of funnel"),
        "deals_total": translate("Reports", "%1, %2"),
        "funnel": translate("Reports", "Pipeline progress"),
        "funnel_as_of": translate(
            "Reports", "Sales forecast for %1 – %2 as of %3, against the same a week before."
        ),
        "deals_won": translate("Reports", "Opportunities won"),
        "deals_lost": translate("Reports", "Opportunities lost"),
        "purchases": translate("Reports", "Purchases"),
        "product": translate("Reports", "Product"),
        "customer": translate("Reports", "Customer"),
        "bought_on": translate("Reports", "Bought on"),
        "renewal_on": translate("Reports", "Renewal"),
        "role": translate("Reports", "Role"),
        "opportunities": translate("Reports", "Opportunities"),
        "sheet_pipeline": translate("Reports", "Pipeline"),
        "sheet_forecast": translate("Reports", "Forecast"),
    }


def _labels() -> dict[str, dict[str, str]]:
    own = ("field", "level", *DEAL_VOCABULARIES)
    tables = {kind: labels.choices(kind) for kind in VOCABULARIES if kind not in own}
    tables["deal_stage"] = {stage.value: deal_words.stage_name(stage.value) for stage in DealStage}
    tables["deal_status"] = {code.value: deal_words.status(code.value) for code in DealStatus}
    tables["lost_reason"] = deal_words.lost_reasons()
    tables["rate_source"] = {code: deal_words.rate_source(code) for code in ("learned", "default")}
    tables["level"] = {str(code): labels.level_with_number(code) for code in range(1, 6)}
    tables["field"] = {name: labels.field(name) for name in FIELDS}
    return tables


def _moment(value: datetime) -> str:
    moment = QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def _money(value: Decimal) -> str:
    decimals = 0 if value == value.to_integral_value() else 2
    return QLocale().toCurrencyString(float(value), "¥", decimals)


def report_words(today: date) -> ReportWords:
    """Words for a report made on ``today``."""
    styles = labels.choices("personality")
    playbooks = {}
    for code in styles:
        advice = playbook(code)
        playbooks[code] = [(aspect_title(a), advice[a]) for a in ASPECTS if a in advice]
    generated = QLocale().toString(
        QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat
    )
    return ReportWords(
        text=_text(),
        labels=_labels(),
        playbooks=playbooks,
        day=solar_text,
        moment=_moment,
        calendar_date=calendar_date_text,
        amount=amount_text,
        money=_money,
        generated=generated,
    )
