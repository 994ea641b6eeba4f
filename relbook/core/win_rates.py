"""Each stage's win rate, learned from closed opportunities once there are enough of them.

For a stage, the opportunities that count are the closed (won or lost) ones in the funnel
(not trashed, amount at least ``deal.funnel_min_amount``) that reached it: their history has
a step into it. The learned rate is the share of them that were won. Until ``MIN_CLOSED`` of
them have closed, the stage's default rate (the user's) is used.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from relbook.core.deal_stages import deal_stages, funnel_min_cents
from relbook.core.enums import DealStatus
from relbook.core.models import DealStageChange, Opportunity

MIN_CLOSED = 5
"""Closed opportunities a stage needs before its rate is learned rather than the default."""

RateSource = Literal["learned", "default"]


@dataclass(frozen=True)
class StageRate:
    """The win rate a stage uses, where it comes from, and the counts behind it."""

    stage: str
    rate: float
    """0..1."""
    source: RateSource
    closed: int
    """Closed in-funnel opportunities that reached the stage."""
    won: int
    default_rate: float


def win_rates(session: Session) -> dict[str, StageRate]:
    """Every stage's rate, in funnel order."""
    minimum = funnel_min_cents(session)
    steps = session.execute(
        select(DealStageChange.to_stage, Opportunity.id, Opportunity.status)
        .join(Opportunity, Opportunity.id == DealStageChange.opportunity_id)
        .where(
            Opportunity.deleted_at.is_(None),
            Opportunity.status.in_((DealStatus.WON.value, DealStatus.LOST.value)),
            Opportunity.amount_cents >= minimum,
        )
    )
    reached: dict[str, dict[int, bool]] = defaultdict(dict)
    for to_stage, deal_id, status in steps:
        reached[to_stage][deal_id] = status == DealStatus.WON
    rates: dict[str, StageRate] = {}
    for stage in deal_stages(session):
        outcomes = reached.get(stage.code, {})
        closed, won = len(outcomes), sum(outcomes.values())
        if closed >= MIN_CLOSED:
            rates[stage.code] = StageRate(
                stage.code, won / closed, "learned", closed, won, stage.default_rate
            )
        else:
            rates[stage.code] = StageRate(
                stage.code, stage.default_rate, "default", closed, won, stage.default_rate
            )
    return rates
