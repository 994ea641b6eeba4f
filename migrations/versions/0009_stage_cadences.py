"""Every live contact that is not lost is watched: a contact with neither days of its own nor a
tier takes its stage's cadence (settings ``cadence.stage.potential|interested|customer``).

Before, ``contact.touch_due`` (revision 0006) was NULL for a contact with no tier and no own
cadence, so a phone book imported into relbook never showed anyone as gone quiet. The
triggers that keep the due day are made again with the stage's default as the last choice,
setting a stage's default moves the due days as setting a tier's does, and every contact's
due day is worked out again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIER_DEFAULTS = {"A": 14, "B": 30, "C": 90}
STAGE_DEFAULTS = {"potential": 21, "interested": 14, "customer": 30}
"""The defaults when a setting was never changed (``relbook.core.settings``)."""


def _default(key: str, days: int) -> str:
    return f"coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = '{key}'), {days})"


def due_sql(row: str, with_stages: bool = True) -> str:
    """The due day of the contact row called ``row`` (NEW in a trigger, contact otherwise)."""
    tiers = " ".join(
        f"WHEN {row}.tier = '{tier}' THEN {_default(f'cadence.{tier}', days)}"
        for tier, days in TIER_DEFAULTS.items()
    )
    stages = (
        " ".join(
            f"WHEN {row}.tier IS NULL AND {row}.stage = '{stage}' "
            f"THEN {_default(f'cadence.stage.{stage}', days)}"
            for stage, days in STAGE_DEFAULTS.items()
        )
        if with_stages
        else ""
    )
    cadence = (
        f"coalesce({row}.cadence_days, CASE WHEN {row}.stage = 'lost' THEN NULL "
        f"{tiers} {stages} ELSE NULL END)"
    )
    # a NULL cadence makes the modifier, and so the day, NULL (printf would give "+0 days")
    return f"date(coalesce({row}.last_contacted_at, {row}.created_at), '+' || {cadence} || ' days')"


def _keys(with_stages: bool) -> str:
    keys = [f"'cadence.{tier}'" for tier in TIER_DEFAULTS]
    if with_stages:
        keys += [f"'cadence.stage.{stage}'" for stage in STAGE_DEFAULTS]
    return "(" + ", ".join(keys) + ")"


def triggers(with_stages: bool) -> dict[str, str]:
    new, every = due_sql("NEW", with_stages), due_sql("contact", with_stages)
    keys = _keys(with_stages)
    return {
        "contact_touch_due_added": f"""
            AFTER INSERT ON contact WHEN NEW.touch_due IS NOT {new} BEGIN
                UPDATE contact SET touch_due = {new} WHERE id = NEW.id;
            END""",
        "contact_touch_due_changed": f"""
            AFTER UPDATE OF last_contacted_at, created_at, cadence_days, stage, tier ON contact
            WHEN NEW.touch_due IS NOT {new} BEGIN
                UPDATE contact SET touch_due = {new} WHERE id = NEW.id;
            END""",
        "setting_cadence_added": f"""
            AFTER INSERT ON setting WHEN NEW.key IN {keys} BEGIN
                UPDATE contact SET touch_due = {every};
            END""",
        "setting_cadence_changed": f"""
            AFTER UPDATE ON setting WHEN NEW.key IN {keys} OR OLD.key IN {keys}
            BEGIN
                UPDATE contact SET touch_due = {every};
            END""",
        "setting_cadence_removed": f"""
            AFTER DELETE ON setting WHEN OLD.key IN {keys} BEGIN
                UPDATE contact SET touch_due = {every};
            END""",
    }


def _replace(with_stages: bool) -> None:
    made = triggers(with_stages)
    for name in made:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, body in made.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"UPDATE contact SET touch_due = {due_sql('contact', with_stages)}")


def upgrade() -> None:
    _replace(with_stages=True)


def downgrade() -> None:
    _replace(with_stages=False)
