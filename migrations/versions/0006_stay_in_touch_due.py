"""Each contact's stay-in-touch due day, kept by the database itself.

The Today view, the reminders and the catch-up ask "who is past their cadence" and "who has
been quiet longest". Working the due day out for every contact in each query cost a pass
over the whole contact table (0.15-0.2 s at 100,000 contacts). ``contact.touch_due`` holds
it, as the ISO day the contact's cadence runs out: the last contact (or, never contacted,
the day they were added) plus their own cadence, or else their tier's default from the
settings; NULL for lost contacts and contacts without either. Triggers keep it right on
every write, whoever writes (the app, an import, another process): when a contact is added,
when the columns it is made of change, and when a tier's default cadence is set. Two
partial indexes over the contacts not in the trash find the due days by day and by tier.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULTS = {"A": 14, "B": 30, "C": 90}
"""The tiers' default cadences when the setting was never changed (``settings.SPECS``)."""


def _default(tier: str) -> str:
    return (
        f"coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'cadence.{tier}'), "
        f"{DEFAULTS[tier]})"
    )


def due_sql(row: str) -> str:
    """The due day of the contact row called ``row`` (NEW in a trigger, contact otherwise)."""
    cadence = (
        f"coalesce({row}.cadence_days, CASE WHEN {row}.stage = 'lost' THEN NULL "
        f"WHEN {row}.tier = 'A' THEN {_default('A')} WHEN {row}.tier = 'B' THEN {_default('B')} "
        f"WHEN {row}.tier = 'C' THEN {_default('C')} ELSE NULL END)"
    )
    # a NULL cadence makes the modifier, and so the day, NULL (printf would give "+0 days")
    return f"date(coalesce({row}.last_contacted_at, {row}.created_at), '+' || {cadence} || ' days')"


CADENCE_KEYS = "('cadence.A', 'cadence.B', 'cadence.C')"
TRIGGERS = {
    # a writer that set the right day already (the import's batches do) is not written twice
    "contact_touch_due_added": f"""
        AFTER INSERT ON contact WHEN NEW.touch_due IS NOT {due_sql("NEW")} BEGIN
            UPDATE contact SET touch_due = {due_sql("NEW")} WHERE id = NEW.id;
        END""",
    "contact_touch_due_changed": f"""
        AFTER UPDATE OF last_contacted_at, created_at, cadence_days, stage, tier ON contact
        WHEN NEW.touch_due IS NOT {due_sql("NEW")} BEGIN
            UPDATE contact SET touch_due = {due_sql("NEW")} WHERE id = NEW.id;
        END""",
    "setting_cadence_added": f"""
        AFTER INSERT ON setting WHEN NEW.key IN {CADENCE_KEYS} BEGIN
            UPDATE contact SET touch_due = {due_sql("contact")};
        END""",
    "setting_cadence_changed": f"""
        AFTER UPDATE ON setting WHEN NEW.key IN {CADENCE_KEYS} OR OLD.key IN {CADENCE_KEYS}
        BEGIN
            UPDATE contact SET touch_due = {due_sql("contact")};
        END""",
    "setting_cadence_removed": f"""
        AFTER DELETE ON setting WHEN OLD.key IN {CADENCE_KEYS} BEGIN
            UPDATE contact SET touch_due = {due_sql("contact")};
        END""",
}
LIVE_DUE = "deleted_at IS NULL AND touch_due IS NOT NULL"


def upgrade() -> None:
    op.execute("ALTER TABLE contact ADD COLUMN touch_due VARCHAR(10)")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"UPDATE contact SET touch_due = {due_sql('contact')}")
    op.execute(f"CREATE INDEX ix_contact_touch_due ON contact (touch_due) WHERE {LIVE_DUE}")
    op.execute(
        f"CREATE INDEX ix_contact_tier_touch_due ON contact (tier, touch_due) WHERE {LIVE_DUE}"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_contact_tier_touch_due")
    op.execute("DROP INDEX ix_contact_touch_due")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("ALTER TABLE contact DROP COLUMN touch_due")
