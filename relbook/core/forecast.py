"""The sales forecast (销售预计) for a period, and the weekly progress (销售进展).

For a period [start, end] (default: the calendar quarter holding today):

- booked: the amounts of the purchases bought in the period (``purchases_between``);
- per stage: the count, amount and weighted amount (amount × the stage's win rate, learned or
  default, see ``win_rates``) of the open, in-funnel opportunities expected to close in the
  period; the weighted amount is rounded to the cent per stage;
- pipeline = Σ weighted; forecast = booked + pipeline.

Progress = (this week's forecast − last week's) + (this week's booked − last week's), where
last week's figures are the same ones as of seven days before today, for the same period:
the opportunities that were open that day (started by then, not closed by then, not trashed
by then) in the stage their history says they stood in that day, and the purchases bought by
then. Amounts, expected closing days and the rates are today's: the history records the
stage steps alone, and using today's rates for both weeks makes progress measure the deals'
movement, not a change in the rates.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from relbook.core.deal_stages import deal_stages, funnel_min_cents
from relbook.core.enums import DealStatus
from relbook.core.models import Opportunity
from relbook.core.purchases import purchases_between
from relbook.core.win_rates import RateSource, StageRate, win_rates

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class StageForecast:
    stage: str
    count: int
    amount_cents: int
    rate: float
    rate_source: RateSource
    weighted_cents: int
    closed: int = 0
    """Closed opportunities that reached the stage: a learned rate is ``won / closed``."""
    won: int = 0


@dataclass(frozen=True)
class Figures:
    """The forecast's figures as of one day."""

    as_of: date
    booked_cents: int
    pipeline_cents: int
    forecast_cents: int
    stages: list[StageForecast]


@dataclass(frozen=True)
class Forecast:
    start: date
    end: date
    now: Figures
    last_week: Figures
    progress_cents: int
    """(forecast − last week's forecast) + (booked − last week's booked)."""


def quarter_of(day: date) -> tuple[date, date]:
    """The first and last day of the calendar quarter holding ``day``."""
    first_month = (day.month - 1) // 3 * 3 + 1
    start = date(day.year, first_month, 1)
    following = (
        date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    )
    return start, following - timedelta(days=1)


def _stage_then(deal: Opportunity, day: date) -> str | None:
    """The stage the opportunity stood in on ``day`` if it was open then, else None."""
    stage: str | None = None
    for step in deal.stage_changes:  # in order of day, then of recording
        if step.changed_on > day:
            break
        if step.status != DealStatus.OPEN:
            return None
        stage = step.to_stage
    return stage


def _figures(
    deals: list[Opportunity],
    booked: int,
    day: date,
    rates: dict[str, StageRate],
    order: list[str],
) -> Figures:
    counts = dict.fromkeys(order, 0)
    amounts = dict.fromkeys(order, 0)
    for deal in deals:
        if deal.deleted_at is not None and deal.deleted_at.date() <= day:
            continue
        stage = _stage_then(deal, day)
        if stage is None or stage not in counts:
            continue
        counts[stage] += 1
        amounts[stage] += deal.amount_cents
    stages = [
        StageForecast(
            stage=code,
            count=counts[code],
            amount_cents=amounts[code],
            rate=rates[code].rate,
            rate_source=rates[code].source,
            weighted_cents=round(amounts[code] * rates[code].rate),
            closed=rates[code].closed,
            won=rates[code].won,
        )
        for code in order
    ]
    pipeline = sum(stage.weighted_cents for stage in stages)
    return Figures(day, booked, pipeline, booked + pipeline, stages)


def forecast(
    session: Session, today: date, start: date | None = None, end: date | None = None
) -> Forecast:
    """The forecast for [start, end] (default: today's quarter) as of today and a week ago."""
    quarter = quarter_of(today)
    start = start or quarter[0]
    end = end or quarter[1]
    rates = win_rates(session)
    order = [stage.code for stage in deal_stages(session)]
    deals = list(
        session.scalars(
            select(Opportunity)
            .where(
                Opportunity.expected_close >= start,
                Opportunity.expected_close <= end,
                Opportunity.amount_cents >= funnel_min_cents(session),
            )
            .options(selectinload(Opportunity.stage_changes))
        )
    )
    purchases = purchases_between(session, start, end)
    week_ago = today - WEEK
    booked_now = sum(p.amount_cents for p in purchases if p.bought_on <= today)
    booked_then = sum(p.amount_cents for p in purchases if p.bought_on <= week_ago)
    now_figures = _figures(deals, booked_now, today, rates, order)
    then_figures = _figures(deals, booked_then, week_ago, rates, order)
    progress = (now_figures.forecast_cents - then_figures.forecast_cents) + (
        now_figures.booked_cents - then_figures.booked_cents
    )
    return Forecast(start, end, now_figures, then_figures, progress)
