"""An index of the open next steps only, which the reminders and the Today view read.

Of a book's interactions few have a next step still open; the reminder engine asked for those
by scanning every interaction not deleted (400,000 rows in a large book). A partial index holds
just the open ones, by due time.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "next_step_done_at IS NULL AND deleted_at IS NULL"


def upgrade() -> None:
    op.create_index(
        "ix_interaction_open_next_step",
        "interaction",
        ["next_step_due"],
        sqlite_where=sa.text(OPEN),
    )


def downgrade() -> None:
    op.drop_index("ix_interaction_open_next_step", table_name="interaction")
