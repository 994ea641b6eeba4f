"""Stay-in-touch cadence: a contact's own, or the default for its tier; who is overdue."""

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from relbook.core.enums import Stage
from relbook.core.settings import get_setting


def default_cadences(session: Session) -> dict[str, int]:
    """Tier -> days, from settings."""
    return {tier: get_setting(session, f"cadence.{tier}") for tier in ("A", "B", "C")}


def effective_cadence(
    own_days: int | None, tier: str | None, stage: str | None, defaults: dict[str, int]
) -> int | None:
    """Days between touches: the contact's own, else its tier's; none for lost contacts."""
    if own_days:
        return own_days
    if stage == Stage.LOST or tier is None:
        return None
    return defaults.get(tier)


def due_day(
    last_contacted_at: datetime | None, created_at: datetime | None, cadence: int | None
) -> date | None:
    """The day the cadence runs out (counting from creation for a contact never touched)."""
    since = last_contacted_at or created_at
    if cadence is None or since is None:
        return None
    return since.date() + timedelta(days=cadence)


def days_overdue(
    last_contacted_at: datetime | None,
    created_at: datetime | None,
    cadence: int | None,
    today: date,
) -> int:
    """How many days past the cadence a contact is (0 when not overdue)."""
    due = due_day(last_contacted_at, created_at, cadence)
    return max(0, (today - due).days) if due is not None else 0
