"""Importance answers (five 1-5 scores) and the A / B / C tier they give."""

from dataclasses import dataclass

from relbook.core.enums import Tier

SCORE_FIELDS: tuple[str, ...] = (
    "score_near",
    "score_future",
    "score_profit",
    "score_risk",
    "score_strategic",
)
"""Near-term business, future business, current profit, risk (reversed), strategic value."""


@dataclass(frozen=True)
class TierThresholds:
    a_min: int = 20
    b_min: int = 14


def importance_total(scores: dict[str, int | None]) -> int | None:
    """Sum of the five answers with risk reversed (a risky customer is less important)."""
    values = [scores.get(name) for name in SCORE_FIELDS]
    if any(v is None for v in values):
        return None
    total = 0
    for name, value in zip(SCORE_FIELDS, values, strict=True):
        assert value is not None
        total += (6 - value) if name == "score_risk" else value
    return total


def tier_for(scores: dict[str, int | None], thresholds: TierThresholds) -> Tier | None:
    """The tier, or None until all five questions are answered."""
    total = importance_total(scores)
    if total is None:
        return None
    if total >= thresholds.a_min:
        return Tier.A
    if total >= thresholds.b_min:
        return Tier.B
    return Tier.C
