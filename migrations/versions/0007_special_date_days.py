"""An index of the special dates by day, holding every column the reminders read; indexes
counting the contacts a festival greeting goes to, and of the reminders marked done.

The reminders of a date range (the Today view's coming month, the catch-up's days, a year
ahead) turn the range into the stored (month, day) pairs it keeps and ask for the dates on
those days. Without an index by day SQLite read the whole table for every such question
(190,000 rows in a book of 100,000 contacts) even for one week; with the columns the engine
reads in the index, the dates of a month are found without touching the table.

Each festival's reminder says how many contacts its greeting goes to (by tier, stage and tag):
counted from the contact table, 60 ms a festival at 100,000 contacts; from a small index of
the contacts not in the trash by tier and stage, 5 ms.

The Today view checks the coming month's reminders (16,000 keys) against those marked done;
an index of the done ones lets it read them all at once while they are fewer.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = [
    "month",
    "day",
    "calendar",
    "contact_id",
    "family_member_id",
    "kind",
    "recurrence",
    "year",
    "is_leap_month",
    "label",
]


def upgrade() -> None:
    op.create_index("ix_special_date_day", "special_date", COLUMNS)
    op.create_index(
        "ix_contact_live_tier_stage",
        "contact",
        ["tier", "stage"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_reminder_log_done", "reminder_log", ["key"], sqlite_where=sa.text("done_at IS NOT NULL")
    )


def downgrade() -> None:
    op.drop_index("ix_reminder_log_done", table_name="reminder_log")
    op.drop_index("ix_contact_live_tier_stage", table_name="contact")
    op.drop_index("ix_special_date_day", table_name="special_date")
