"""Stay-in-touch cadence: a contact's own, else its tier's, else its stage's; who is overdue.

Every live contact that is not lost has a cadence, so a phone book imported without tiers is
watched too (the trainers' rhythm per stage: a call every few weeks for a potential customer,
closer contact while interested, regular check-ins for a customer).
"""

from datetime import date, datetime

from sqlalchemy.orm import Session

from relbook.core.enums import Stage
from relbook.core.settings import get_int
from relbook.core.supported_days import add_days

TIERS: tuple[str, ...] = ("A", "B", "C")
WATCHED_STAGES: tuple[str, ...] = (Stage.POTENTIAL, Stage.INTERESTED, Stage.CUSTOMER)
"""The stages with a default cadence; lost contacts are not watched."""
RULE_OWN, RULE_TIER, RULE_STAGE = "own", "tier", "stage"
"""Where a contact's cadence comes from (``cadence_rule``)."""


def stage_setting(stage: str) -> str:
    return f"cadence.stage.{stage}"


def default_cadences(session: Session) -> dict[str, int]:
    """Tier (``A``..``C``) and stage (``potential``..``customer``) -> days, from settings."""
    found = {tier: get_int(session, f"cadence.{tier}") for tier in TIERS}
    found.update((str(stage), get_int(session, stage_setting(stage))) for stage in WATCHED_STAGES)
    return found


def cadence_rule(own_days: int | None, tier: str | None, stage: str | None) -> str | None:
    """Which rule gives the cadence: the contact's own days, its tier's, its stage's, or none
    (a lost contact without days of its own)."""
    if own_days:
        return RULE_OWN
    if stage == Stage.LOST:
        return None
    if tier is not None:
        return RULE_TIER
    return RULE_STAGE if stage in WATCHED_STAGES else None


def effective_cadence(
    own_days: int | None, tier: str | None, stage: str | None, defaults: dict[str, int]
) -> int | None:
    """Days between touches, by ``cadence_rule``; none for lost contacts."""
    rule = cadence_rule(own_days, tier, stage)
    if rule == RULE_OWN:
        return own_days
    if rule == RULE_TIER:
        return defaults.get(str(tier))
    if rule == RULE_STAGE:
        return defaults.get(str(stage))
    return None


def due_day(
    last_contacted_at: datetime | None, created_at: datetime | None, cadence: int | None
) -> date | None:
    """The day the cadence runs out (counting from creation for a contact never touched)."""
    since = last_contacted_at or created_at
    if cadence is None or since is None:
        return None
    return add_days(since.date(), cadence)  # a far last contact must not overflow


def days_overdue(
    last_contacted_at: datetime | None,
    created_at: datetime | None,
    cadence: int | None,
    today: date,
) -> int:
    """How many days past the cadence a contact is (0 when not overdue)."""
    due = due_day(last_contacted_at, created_at, cadence)
    return max(0, (today - due).days) if due is not None else 0
