"""A contact's customer-stage history: one move between stages and how it reads."""

from relbook.core.contacts import StageStep
from relbook.words import labels


def stage_change_text(old: str | None, new: str) -> str:
    """Both ends of a move, or just the starting stage of a new contact."""
    if old is None:
        return labels.stage(new)
    return f"{labels.stage(old)} → {labels.stage(new)}"


def stage_reason_text(step: StageStep) -> str:
    """Why a move to lost happened, with its note; empty for other moves."""
    parts = [labels.customer_lost_reason(step.reason)] if step.reason else []
    if step.note:
        parts.append(step.note)
    return " · ".join(parts)
